"""What the dossier dialog's UI tests share: opening it from the menu as a user does,
and answering its « Replace files? » question."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from ui.dossier_dialog import DossierDialog
from ui.main_window import MainWindow

BUILD_TIMEOUT = 60000



def menu_action(window: MainWindow, menu_text: str, action_text: str) -> QAction:
    for top in window.menuBar().actions():
        menu = top.menu()
        if isinstance(menu, QMenu) and top.text() == menu_text:
            return next(a for a in menu.actions() if a.text() == action_text)
    raise AssertionError(f"no menu {menu_text}")


def open_dialog(qtbot: QtBot, window: MainWindow) -> DossierDialog:
    action = menu_action(window, "&Seminar", "&Dossiers and printing…")
    with qtbot.waitSignal(window.dossier_flow.dialog_opened, timeout=10000) as blocker:
        action.trigger()
    dialog = blocker.args[0]
    assert isinstance(dialog, DossierDialog) and dialog.isVisible()
    return dialog


def answer_replace(monkeypatch: pytest.MonkeyPatch, replace: bool) -> list[str]:
    """Answer the dialog's « Replace files? » question with Replace or Cancel; the
    questions asked, in order."""
    asked: list[str] = []
    role = (QMessageBox.ButtonRole.DestructiveRole if replace
            else QMessageBox.ButtonRole.RejectRole)

    def answer(box: QMessageBox) -> int:
        asked.append(box.text())
        next(b for b in box.buttons() if box.buttonRole(b) == role).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer)
    return asked
