"""The main window driven as a user would: browse, search, create, edit, undo, drop."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from seminaire_app.domain import Owner
from seminaire_app.services import attachments, collections, references, workshops
from seminaire_app.storage.library import Library
from ui.main_window import MainWindow
from ui.reference_table import encode_ids
from ui.settings import Settings
from ui.sidebar import Place


def type_text(widget: QLineEdit, text: str) -> None:
    """Type like a user, one key event per character (keyClicks aborts on non-ASCII)."""
    for char in text:
        QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, char,
                           Qt.KeyboardModifier.NoModifier)


def test_window_shows_the_library(window: MainWindow, demo: Library) -> None:
    assert window.windowTitle() == "Séminaire — Démo 2017"
    assert window.references_page.model.rowCount() == len(references.list_ids(demo))
    assert window.references_page.count.text().startswith(
        str(len(references.list_ids(demo))))


def test_search_filters_as_you_type_accents_ignored(qtbot: QtBot, window: MainWindow) -> None:
    page = window.references_page
    page.search.setFocus()
    type_text(page.search, "cooperation")
    qtbot.waitUntil(lambda: 0 < page.model.rowCount() < len(references.list_ids(window.library)))
    found = set(references.list_ids(window.library, references.ReferenceFilter(
        text="cooperation*")))
    assert {page.model.id_at(r) for r in range(page.model.rowCount())} == found
    page.search.clear()
    qtbot.waitUntil(lambda: page.model.rowCount() == len(references.list_ids(window.library)))


def test_sorting_by_year_runs_in_the_core(qtbot: QtBot, window: MainWindow) -> None:
    page = window.references_page
    page.table.sortByColumn(3, Qt.SortOrder.DescendingOrder)
    expected = references.list_ids(window.library, sort="year", descending=True)
    qtbot.waitUntil(lambda: [page.model.id_at(r) for r in range(page.model.rowCount())]
                    == expected)


def test_new_reference_edit_and_undo_redo(qtbot: QtBot, window: MainWindow) -> None:
    before = len(references.list_ids(window.library))
    window.new_reference("report")
    page = window.references_page
    assert len(references.list_ids(window.library)) == before + 1
    title = page.editor.field("title")
    assert isinstance(title, QLineEdit)
    title.setText("Rapport sur les pôles territoriaux")
    title.editingFinished.emit()
    (ref_id,) = page.selected_ids()
    assert references.get(window.library, ref_id).title == "Rapport sur les pôles territoriaux"
    assert window.undo_stack.undoText() == "Edit Title"
    window.undo_stack.undo()
    assert references.get(window.library, ref_id).title == "New reference"
    window.undo_stack.redo()
    assert references.get(window.library, ref_id).title == "Rapport sur les pôles territoriaux"
    window.undo_stack.undo()
    window.undo_stack.undo()  # the creation itself
    assert len(references.list_ids(window.library)) == before
    window.undo_stack.redo()
    assert references.get(window.library, ref_id).title == "New reference"


def test_bad_date_is_refused_and_the_form_shows_the_stored_value(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    page = window.references_page
    page.table.selectRow(0)
    ref = page.editor.reference
    assert ref is not None
    issued = page.editor.field("issued")
    assert isinstance(issued, QLineEdit)
    issued.setText("2017-13")
    issued.editingFinished.emit()
    assert shown and "2017-13" in shown[0]
    assert references.get(window.library, ref.id).issued == ref.issued
    assert issued.text() == ref.issued
    assert window.undo_stack.count() == 0


def test_delete_with_confirmation_then_undo(qtbot: QtBot, window: MainWindow,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    page = window.references_page
    page.table.selectRow(0)
    (rid,) = page.selected_ids()
    before = references.get(window.library, rid)
    page.delete_selected()
    qtbot.waitUntil(lambda: page.model.row_of(rid) is None)
    window.undo_stack.undo()
    assert references.get(window.library, rid) == before
    qtbot.waitUntil(lambda: page.model.row_of(rid) is not None)


def test_tags_edit_is_undoable(window: MainWindow) -> None:
    page = window.references_page
    page.table.selectRow(1)
    (rid,) = page.selected_ids()
    old = references.get(window.library, rid).tags
    page.editor.tags.setText(", ".join((*old, "Tiers-lieux")))
    page.editor.tags.editingFinished.emit()
    assert "Tiers-lieux" in references.get(window.library, rid).tags
    window.undo_stack.undo()
    assert references.get(window.library, rid).tags == old


def test_dropping_references_on_a_collection_and_a_workshop(
        qtbot: QtBot, window: MainWindow) -> None:
    lib = window.library
    collections.create(lib, "À lire")
    qtbot.waitUntil(lambda: window.sidebar.model_.find(
        Place("collection", "À lire")).isValid())
    ids = references.list_ids(lib)[:2]
    window._on_sidebar_references_dropped(Place("collection", "À lire"), ids)
    assert set(references.list_ids(lib, references.ReferenceFilter(collection="À lire"))) == \
        set(ids)
    window.undo_stack.undo()
    assert references.list_ids(lib, references.ReferenceFilter(collection="À lire")) == []
    before = [e.reference.id for e in workshops.reading_list(lib, 2017, 1)]
    new = next(i for i in references.list_ids(lib) if i not in before)
    window._on_sidebar_references_dropped(Place("workshop", year=2017, number=1), [new])
    assert [e.reference.id for e in workshops.reading_list(lib, 2017, 1)] == [*before, new]


def test_sidebar_drop_event_carries_reference_ids(qtbot: QtBot, window: MainWindow) -> None:
    lib = window.library
    collections.create(lib, "Drop")
    qtbot.waitUntil(lambda: window.sidebar.model_.find(Place("collection", "Drop")).isValid())
    index = window.sidebar.model_.find(Place("collection", "Drop"))
    pos = window.sidebar.visualRect(index).center()
    rid = references.list_ids(lib)[0]
    mime = encode_ids([rid])  # kept alive: the event does not own it
    event = QDropEvent(pos.toPointF(), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.sidebar.references_dropped):
        window.sidebar.dropEvent(event)
    assert references.list_ids(lib, references.ReferenceFilter(collection="Drop")) == [rid]


def test_dropping_a_file_on_a_row_attaches_it(qtbot: QtBot, window: MainWindow,
                                              tmp_path: Path) -> None:
    doc = tmp_path / "diaporama atelier.txt"
    doc.write_text("Présentation de l'atelier", encoding="utf-8")
    page = window.references_page
    rid = page.model.id_at(0)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(doc))])
    assert page.model.dropMimeData(mime, Qt.DropAction.CopyAction, -1, -1,
                                   page.model.index(0, 0))
    qtbot.waitUntil(lambda: any(a.filename == doc.name for a in attachments.list_for(
        window.library, Owner("reference", rid))), timeout=5000)


def test_sidebar_opens_seminar_pages(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.sidebar.model_.find(Place("edition", year=2017)).isValid())
    window.sidebar.select(Place("workshop", year=2017, number=2))
    assert window.pages.currentWidget() is window.workshop_page
    window.sidebar.select(Place("programme", year=2017))
    assert window.pages.currentWidget() is window.programme_page
    window.sidebar.select(Place("tag", "Coopération"))
    assert window.pages.currentWidget() is window.references_page
    qtbot.waitUntil(lambda: set(window.references_page.model_ids()) == set(
        references.list_ids(window.library, references.ReferenceFilter(tag="Coopération"))))


def test_layout_is_remembered(qtbot: QtBot, demo: Library, settings: Settings) -> None:
    first = MainWindow(demo, settings)
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    first.references_page.table.setColumnHidden(4, True)
    first.resize(700, 500)  # within the 800×600 offscreen screen
    first.splitter.setSizes([150, 550])
    qtbot.waitUntil(lambda: first.width() == 700)
    sizes = first.splitter.sizes()
    first.close()
    second = MainWindow(demo, settings)
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    assert second.references_page.table.isColumnHidden(4)
    assert second.size() == first.size()
    assert second.splitter.sizes() == sizes


def test_window_repaints_while_a_long_operation_runs(qtbot: QtBot, window: MainWindow) -> None:
    import threading

    release = threading.Event()
    finished: list[int] = []

    def slow(_lib: Library, progress: object) -> int:
        release.wait(5)
        return 1

    window.runner.run(slow, finished.append, label="slow", parent=window)
    qtbot.waitUntil(lambda: window.busy.text() != "")
    # The GUI thread is free meanwhile: it still runs timers and repaints.
    ticks: list[int] = []
    from PySide6.QtCore import QTimer

    QTimer.singleShot(10, lambda: ticks.append(1))
    qtbot.waitUntil(lambda: ticks == [1], timeout=1000)
    window.repaint()
    release.set()
    qtbot.waitUntil(lambda: finished == [1])
    qtbot.waitUntil(lambda: window.busy.text() == "")


def test_models_pass_the_qt_model_tester(qtmodeltester: ModelTester, qtbot: QtBot,
                                         window: MainWindow) -> None:
    qtmodeltester.check(window.references_page.model)
    qtbot.waitUntil(lambda: window.sidebar.model_.find(Place("edition", year=2017)).isValid())
    qtmodeltester.check(window.sidebar.model_)


def test_choosing_columns_from_the_header_menu(window: MainWindow) -> None:
    page = window.references_page
    menu = page.columns_menu()
    key_action = next(a for a in menu.actions() if a.text() == "Citation key")
    assert page.table.isColumnHidden(8) and not key_action.isChecked()
    key_action.trigger()
    assert not page.table.isColumnHidden(8)
