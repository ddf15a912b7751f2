"""Qt itself: the PySide6 version pinned keeps working under many calls."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot


def test_twenty_thousand_void_qt_calls_do_not_abort(qtbot: QtBot) -> None:
    # PySide6 6.12.0 on Python 3.11 aborts after ~5,000 calls of Qt methods returning
    # nothing (none_dealloc); this guards the version pin in pyproject.toml.
    label = QLabel()
    qtbot.addWidget(label)
    for i in range(20_000):
        label.setText(str(i))
        label.resize(100 + i % 50, 20)
    assert label.text() == "19999"

