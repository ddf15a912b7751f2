"""The desktop app starts on a library and shows its references."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QLabel
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from seminaire_app.domain import Creator, ReferenceDraft
from seminaire_app.services import references
from seminaire_app.storage.library import Library
from ui.main_window import MainWindow, ReferenceTableModel


def test_window_lists_the_library(qtbot: QtBot, lib: Library) -> None:
    references.add(lib, ReferenceDraft("report", "Programme PHARE", (Creator(literal="Le Rameau"),),
                                       "2017"))
    window = MainWindow(lib)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    model = window.table.model()
    assert model.rowCount() == 1
    assert model.data(model.index(0, 1)) == "Programme PHARE"
    assert model.data(model.index(0, 0)) == "Le Rameau"
    assert window.windowTitle() == "Séminaire — library"
    assert window.status.text() == "1 références"


def test_reference_model_passes_qt_model_tester(qtmodeltester: ModelTester,
                                                lib: Library) -> None:
    for title in ("Un", "Deux"):
        references.add(lib, ReferenceDraft("book", title))
    qtmodeltester.check(ReferenceTableModel(references.list_references(lib)))


def test_twenty_thousand_void_qt_calls_do_not_abort(qtbot: QtBot) -> None:
    # PySide6 6.12.0 on Python 3.11 aborts after ~5,000 calls of Qt methods returning
    # nothing (none_dealloc); this guards the version pin in pyproject.toml.
    label = QLabel()
    qtbot.addWidget(label)
    for i in range(20_000):
        label.setText(str(i))
        label.resize(100 + i % 50, 20)
    assert label.text() == "19999"


def test_model_index_outside_rows_is_empty(lib: Library) -> None:
    model = ReferenceTableModel([])
    assert model.rowCount(model.index(0, 0)) == 0
    assert model.data(QModelIndex(), Qt.ItemDataRole.DisplayRole) is None
