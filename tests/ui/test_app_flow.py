"""Starting the app: welcome screen, the demo in its own folder, recent libraries,
switching language."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from pytestqt.qtbot import QtBot

from seminaire_app.storage.library import Library
from ui import app as app_module
from ui.app import DesktopApp
from ui.main_window import MainWindow
from ui.settings import Settings
from ui.welcome import WelcomeWidget


@pytest.fixture
def desktop(qtbot: QtBot, settings: Settings, tmp_path: Path,
            monkeypatch: pytest.MonkeyPatch) -> Iterator[DesktopApp]:
    monkeypatch.delenv("SEMINAIRE_LIBRARY", raising=False)
    monkeypatch.setattr(app_module, "default_library_dir", lambda: tmp_path / "data" / "Bibli")
    desktop = DesktopApp(settings)
    yield desktop
    if desktop.window is not None:
        desktop.window.close()
    desktop.shutdown()
    from ui import i18n

    i18n.install("en")


def test_first_start_shows_the_welcome_screen(desktop: DesktopApp, qtbot: QtBot) -> None:
    desktop.start(None)
    assert isinstance(desktop.window, WelcomeWidget)


def test_demo_opens_in_its_own_folder(desktop: DesktopApp, qtbot: QtBot,
                                      tmp_path: Path) -> None:
    desktop.start(None)
    welcome = desktop.window
    assert isinstance(welcome, WelcomeWidget)
    with qtbot.waitSignal(desktop.window_shown, timeout=30_000):
        welcome.demo_button.click()
    window = desktop.window
    assert isinstance(window, MainWindow)
    assert window.windowTitle() == "Séminaire — Démo 2017"
    assert window.library.folder == (tmp_path / "data" / "Démo 2017").resolve()
    assert not (tmp_path / "data" / "Bibli").exists()  # the user's library is untouched
    assert desktop.settings.recent_libraries() == [window.library.folder]


def test_creating_an_empty_library_and_reopening_the_last(
        desktop: DesktopApp, qtbot: QtBot, tmp_path: Path, settings: Settings) -> None:
    desktop.start(None)
    welcome = desktop.window
    assert isinstance(welcome, WelcomeWidget)
    welcome.choose_new_folder = lambda: tmp_path / "Ma bibliothèque"  # type: ignore[method-assign]
    with qtbot.waitSignal(desktop.window_shown, timeout=10_000):
        welcome.create_button.click()
    assert isinstance(desktop.window, MainWindow)
    assert desktop.window.windowTitle() == "Séminaire — Ma bibliothèque"
    desktop.window.close()
    again = DesktopApp(settings)
    with qtbot.waitSignal(again.window_shown, timeout=10_000):
        again.start(None)
    assert isinstance(again.window, MainWindow)
    assert again.window.library.folder == (tmp_path / "Ma bibliothèque").resolve()
    again.window.close()
    again.shutdown()


def test_a_broken_library_gives_a_message_and_the_welcome_screen(
        desktop: DesktopApp, qtbot: QtBot, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(app_module.QMessageBox, "warning",
                        lambda _p, _t, text: shown.append(text))
    broken = tmp_path / "cassée"
    broken.mkdir()
    (broken / "seminaire.sqlite").write_bytes(b"garbage" * 50)
    with qtbot.waitSignal(desktop.window_shown, timeout=10_000):
        desktop.start(broken)
    assert isinstance(desktop.window, WelcomeWidget)
    assert shown and "not a readable" in shown[0]


def test_switching_language_rebuilds_the_window_in_french(
        desktop: DesktopApp, qtbot: QtBot, lib: Library) -> None:
    lib.close()
    with qtbot.waitSignal(desktop.window_shown, timeout=10_000):
        desktop.start(lib.folder)
    window = desktop.window
    assert isinstance(window, MainWindow)
    desktop.switch_language("en")
    english = desktop.window
    assert isinstance(english, MainWindow)
    assert english.menuBar().actions()[0].text() == "&File"
    desktop.switch_language("fr")
    french = desktop.window
    assert isinstance(french, MainWindow) and french is not english
    assert french.menuBar().actions()[0].text() == "&Fichier"
    assert french.references_page.model.headerData(2, Qt.Orientation.Horizontal) == "Titre"
    assert QLocale().language() == QLocale.Language.French
    assert desktop.settings.language() == "fr"
    assert french.library is english.library  # same library, still open
