"""UI fixtures: settings isolated per test, a window over the demo library."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from dossier_ui import BUILD_TIMEOUT, open_dialog
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from seminaire_app.storage.library import Library
from ui import i18n
from ui.dossier_dialog import DossierDialog
from ui.main_window import MainWindow
from ui.settings import Settings


@pytest.fixture(scope="session", autouse=True)
def english(qapp: QApplication) -> None:
    """The UI tests read English, with its catalogue (« 3 references ») as in the app."""
    assert i18n.install("en") == "en"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def demo(demo_copy: Library) -> Library:
    """The 2017 demo, copied for each test: the UI edits it."""
    return demo_copy


@pytest.fixture
def window(qtbot: QtBot, demo: Library, settings: Settings) -> MainWindow:
    """The main window on the demo, shown, with its table filled."""
    win = MainWindow(demo, settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    qtbot.waitUntil(lambda: win.references_page.model.rowCount() > 0)
    return win


@pytest.fixture
def french(qapp: QApplication) -> Iterator[None]:
    """The app in French for the test, in English again after it."""
    assert i18n.install("fr") == "fr"
    try:
        yield
    finally:
        i18n.install("en")


@pytest.fixture
def dialog(qtbot: QtBot, window: MainWindow) -> Iterator[DossierDialog]:
    """The dossier dialog, opened from the menu on the demo; closed after the test."""
    opened = open_dialog(qtbot, window)
    yield opened
    if isValid(opened) and opened.isVisible():
        opened.reject()
        qtbot.waitUntil(lambda: not opened.isVisible(), timeout=BUILD_TIMEOUT)
