"""The seminar pages, driven as a user would, on the 2017 demo library."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, QLocale, QModelIndex, QObject, QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QUndoStack
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QMessageBox, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from seminaire_app.domain import Changes, Owner, ReadingRole, ReferenceDraft
from seminaire_app.errors import NotFound
from seminaire_app.services import (
    editions,
    notes,
    participants,
    programme,
    references,
    workshops,
)
from seminaire_app.storage.library import Library
from seminaire_app.textfold import fold
from ui import changes
from ui.reference_table import encode_ids
from ui.seminar.edition_page import EditionPage, new_edition
from ui.seminar.participants_model import ParticipantFilter, RegistrationsModel
from ui.seminar.participants_page import ParticipantsPage
from ui.seminar.programme_page import ProgrammePage
from ui.seminar.reading_list import ANNOTATION_COLUMN, ROLE_COLUMN, ReadingListModel
from ui.seminar.workshop_page import WorkshopPage
from ui.seminar.workshops_model import WorkshopRow, WorkshopsModel
from ui.tasks import TaskRunner

SHOTS = Path("/tmp/shots")


@dataclass
class Env:
    lib: Library
    runner: TaskRunner
    stack: QUndoStack

    def page(self, cls: Any, qtbot: QtBot) -> Any:
        page = cls(self.lib, self.runner, self.stack)
        qtbot.addWidget(page)
        page.resize(1100, 780)
        return page


@pytest.fixture
def env(demo_template: Path, tmp_path: Path) -> Iterator[Env]:
    """The demo library (a fresh copy), notifications delivered in the GUI thread."""
    folder = tmp_path / "demo"
    shutil.copytree(demo_template, folder)
    lib = Library.open(folder)
    changes.install(lib)
    runner = TaskRunner(lib)
    stack = QUndoStack()
    yield Env(lib, runner, stack)
    runner.shutdown()
    stack.clear()
    lib.close()


class Messages(list[str]):
    """The texts of the message boxes shown; ``answers`` queues replies to questions."""

    def __init__(self) -> None:
        super().__init__()
        self.answers: list[QMessageBox.StandardButton] = []


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> Messages:
    """Message boxes answer by themselves: question → the next answer queued (Yes by
    default); the texts shown are recorded."""
    shown = Messages()
    answers = shown.answers

    def question(_parent: QWidget | None, _title: str, text: str, *_args: Any) -> Any:
        shown.append(text)
        return answers.pop(0) if answers else QMessageBox.StandardButton.Yes

    def warning(_parent: QWidget | None, _title: str, text: str, *_args: Any) -> Any:
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "question", question)
    monkeypatch.setattr(QMessageBox, "warning", warning)
    monkeypatch.setattr(QMessageBox, "information", warning)
    return shown


@pytest.fixture
def french() -> Iterator[None]:
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France))
    yield
    QLocale.setDefault(previous)


def show_active(qtbot: QtBot, page: QWidget) -> None:
    """Show the page as the active window: keyboard shortcuts need one."""
    with qtbot.waitActive(page):
        page.show()
        page.activateWindow()


def reading_ids(lib: Library, number: int, year: int = 2017) -> list[int]:
    return [e.reference.id for e in workshops.reading_list(lib, year, number)]


# --- edition page ----------------------------------------------------------------------------

def test_editing_an_edition_field_is_undoable(qtbot: QtBot, env: Env) -> None:
    page = env.page(EditionPage, qtbot)
    page.show_edition(2017)
    venue = page.form.venue
    old = venue.text()
    venue.setText("Maison de l'économie sociale, Grenoble")
    venue.editingFinished.emit()
    assert editions.get(env.lib, 2017).venue == "Maison de l'économie sociale, Grenoble"
    assert env.stack.undoText() == "Edit edition: Venue"
    env.stack.undo()
    assert editions.get(env.lib, 2017).venue == old
    qtbot.waitUntil(lambda: venue.text() == old)
    env.stack.redo()
    qtbot.waitUntil(lambda: venue.text() == "Maison de l'économie sociale, Grenoble")

    page.form.organisers.setPlainText("ESEAC\n\n  Sciences Po Grenoble ")
    page.form.organisers.editing_finished.emit()
    assert editions.get(env.lib, 2017).organisers == ("ESEAC", "Sciences Po Grenoble")
    env.stack.undo()
    assert editions.get(env.lib, 2017).organisers == (
        "Sciences Po Grenoble", "Grenoble-Alpes Métropole", "ESEAC")


def test_dates_are_checked_and_a_refused_edit_shows_why(qtbot: QtBot, env: Env,
                                                        messages: Messages) -> None:
    page = env.page(EditionPage, qtbot)
    page.show_edition(2017)
    page.form.end.setDate(QDate(2017, 11, 25))
    page.form.end.editingFinished.emit()
    assert editions.get(env.lib, 2017).end_date == date(2017, 11, 25)
    page.form.start.setDate(QDate(2017, 12, 1))
    page.form.start.editingFinished.emit()
    assert "cannot end before it starts" in messages[-1]
    assert page.form.start.date() == QDate(2017, 11, 23)  # the widget shows the truth
    assert editions.get(env.lib, 2017).start_date == date(2017, 11, 23)
    assert env.stack.count() == 1


def test_workshops_are_listed_with_their_assignments(qtbot: QtBot, env: Env) -> None:
    page = env.page(EditionPage, qtbot)
    page.show_edition(2017)
    model = page.workshops_model
    assert model.rowCount() == 4
    row = [model.index(1, c).data() for c in range(model.columnCount())]
    assert row == ["2", "Convergence d'intérêts et construction des coopérations : le choc "
                   "des cultures", "Sophie Garnier, Jérôme de Lassalle", "Salle 102", "15", "5"]
    with qtbot.waitSignal(page.workshop_activated) as opened:
        page.workshops_table.activated.emit(model.index(2, 1))
    assert opened.args == [2017, 3]


def test_adding_and_deleting_a_workshop_are_undoable(qtbot: QtBot, env: Env,
                                                      messages: Messages) -> None:
    page = env.page(EditionPage, qtbot)
    page.show_edition(2017)
    page.add_workshop()
    dialog = page.workshop_dialog
    assert dialog is not None and dialog.number.value() == 5
    dialog.title.setText("Financer les coopérations")
    dialog.capacity.setValue(10)
    dialog.accept()
    assert workshops.get(env.lib, 2017, 5).capacity == 10
    qtbot.waitUntil(lambda: page.workshops_model.rowCount() == 5)

    ws = workshops.get(env.lib, 2017, 2)
    readings = workshops.reading_list(env.lib, 2017, 2)
    ws_notes = notes.list_for(env.lib, Owner("workshop", ws.id))
    page.workshops_table.selectRow(1)
    page.delete_workshop()
    assert "Delete workshop 2" in messages[-1] and "undo" in messages[-1]
    with pytest.raises(NotFound):
        workshops.get(env.lib, 2017, 2)
    qtbot.waitUntil(lambda: page.workshops_model.rowCount() == 4)
    env.stack.undo()
    assert workshops.get(env.lib, 2017, 2) == ws
    assert workshops.reading_list(env.lib, 2017, 2) == readings
    assert notes.list_for(env.lib, Owner("workshop", ws.id)) == ws_notes
    assert sum(2 in r.workshops for r in participants.registrations(env.lib, 2017)) == 5
    assert [i.workshop_number for i in programme.list_items(env.lib, 2017)].count(2) == 3
    env.stack.undo()  # the added workshop goes
    with pytest.raises(NotFound):
        workshops.get(env.lib, 2017, 5)
    qtbot.waitUntil(lambda: page.workshops_model.rowCount() == 4)


def test_preparing_the_next_edition_through_the_dialog(qtbot: QtBot, env: Env) -> None:
    page = env.page(EditionPage, qtbot)
    page.show_edition(2017)
    page.prepare_next_edition()
    dialog = page.clone_dialog
    assert dialog is not None
    assert dialog.year.value() == 2018
    assert dialog.title.text() == "Séminaire prospectif 2018"
    assert dialog.programme.isChecked()
    assert not dialog.participants.isChecked() and not dialog.notes.isChecked()
    with qtbot.waitSignal(page.edition_cloned, timeout=10_000) as cloned:
        dialog.accept()
    assert cloned.args == [2018]
    new = editions.get(env.lib, 2018)
    assert new.title == "Séminaire prospectif 2018" and new.start_date == date(2018, 11, 23)
    assert [w.title for w in workshops.list_workshops(env.lib, 2018)] == [
        w.title for w in workshops.list_workshops(env.lib, 2017)]
    for number in range(1, 5):
        assert reading_ids(env.lib, number, 2018) == reading_ids(env.lib, number)
    assert participants.registrations(env.lib, 2018) == []
    assert notes.list_for(env.lib, Owner("edition", new.id)) == []
    assert len(programme.list_items(env.lib, 2018)) == len(programme.list_items(env.lib, 2017))
    assert env.stack.undoText() == "Prepare edition 2018"

    env.stack.undo()
    assert [e.year for e in editions.list_editions(env.lib)] == [2017]
    env.stack.redo()
    assert editions.get(env.lib, 2018) == new  # the same ids come back


def test_new_edition_dialog_creates_an_undoable_edition(qtbot: QtBot, env: Env) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)

    def fill_and_accept() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets()
                      if isinstance(w, QDialog) and w.isVisible())
        assert dialog.year.value() == 2018  # type: ignore[attr-defined]
        dialog.theme.setPlainText("Coopérer avec les communs")  # type: ignore[attr-defined]
        dialog.accept()

    QTimer.singleShot(0, fill_and_accept)
    assert new_edition(parent, env.lib, env.stack) == 2018
    edition = editions.get(env.lib, 2018)
    assert (edition.title, edition.theme) == ("Séminaire prospectif 2018",
                                              "Coopérer avec les communs")
    env.stack.undo()
    assert [e.year for e in editions.list_editions(env.lib)] == [2017]
    env.stack.redo()
    assert editions.get(env.lib, 2018) == edition


def test_edition_page_says_when_its_edition_is_gone(qtbot: QtBot, env: Env) -> None:
    editions.clone(env.lib, 2017, 2018)
    page = env.page(EditionPage, qtbot)
    page.show_edition(2018)
    editions.delete(env.lib, 2018)
    qtbot.waitUntil(lambda: page._stack.currentWidget() is page.missing)
    assert not page.clone_button.isEnabled()


# --- workshop page ---------------------------------------------------------------------------

def test_workshop_fields_and_renumbering_are_undoable(qtbot: QtBot, env: Env) -> None:
    page = env.page(WorkshopPage, qtbot)
    page.show_workshop(2017, 4)
    page.form.capacity.setValue(page.form.capacity.minimum())
    page.form.capacity.editingFinished.emit()
    assert workshops.get(env.lib, 2017, 4).capacity is None
    page.form.number.setValue(7)
    page.form.number.editingFinished.emit()
    assert workshops.get(env.lib, 2017, 7).title == "Valoriser, évaluer et mesurer les impacts"
    assert page.title_label.text().startswith("Workshop 7 — ")
    page.form.title.setText("Mesurer les impacts")
    page.form.title.editingFinished.emit()
    assert workshops.get(env.lib, 2017, 7).title == "Mesurer les impacts"
    for _ in range(3):
        env.stack.undo()
    assert workshops.get(env.lib, 2017, 4).capacity == 12
    qtbot.waitUntil(lambda: page.form.number.value() == 4)  # the page followed the workshop
    assert page.form.title.text() == "Valoriser, évaluer et mesurer les impacts"


def test_reading_list_reordered_by_drag_and_drop(qtbot: QtBot, env: Env) -> None:
    page = env.page(WorkshopPage, qtbot)
    page.show_workshop(2017, 1)
    model = page.model
    before = reading_ids(env.lib, 1)
    assert model.reference_ids() == before and len(before) >= 4
    mime = model.mimeData([model.index(0, 0), model.index(0, 2)])
    assert model.canDropMimeData(mime, Qt.DropAction.MoveAction, 3, 0, QModelIndex())
    assert model.dropMimeData(mime, Qt.DropAction.MoveAction, 3, 0, QModelIndex())
    expected = [before[1], before[2], before[0], *before[3:]]
    assert reading_ids(env.lib, 1) == expected == model.reference_ids()
    assert model.index(2, 0).data() == "3"
    assert page.table.selected_rows() == [2]  # the moved row stays selected

    mime = model.mimeData([model.index(1, 0), model.index(3, 0)])  # two rows, to the top
    assert model.dropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert reading_ids(env.lib, 1)[:2] == [expected[1], expected[3]]
    env.stack.undo()
    assert reading_ids(env.lib, 1) == expected
    env.stack.undo()
    assert reading_ids(env.lib, 1) == before
    qtbot.waitUntil(lambda: model.reference_ids() == before)


def test_references_dropped_from_the_table_join_the_list(qtbot: QtBot, env: Env) -> None:
    page = env.page(WorkshopPage, qtbot)
    page.show_workshop(2017, 2)
    before = reading_ids(env.lib, 2)
    new = references.add(env.lib, ReferenceDraft("book", "Le choc des cultures coopératives"))
    other = next(r for r in reading_ids(env.lib, 1) if r not in before)
    mime = encode_ids([new.id, before[0], other])  # one already there: left alone
    assert page.model.dropMimeData(mime, Qt.DropAction.CopyAction, 1, 0, QModelIndex())
    assert reading_ids(env.lib, 2) == [before[0], new.id, other, *before[1:]]
    assert page.count.text() == f"{len(before) + 2} references"
    assert not page.model.dropMimeData(encode_ids([new.id]), Qt.DropAction.CopyAction, -1, -1,
                                       QModelIndex())  # nothing new
    env.stack.undo()
    assert reading_ids(env.lib, 2) == before


def test_a_drop_on_the_view_lands_between_rows(qtbot: QtBot, env: Env) -> None:
    page = env.page(WorkshopPage, qtbot)
    page.show_workshop(2017, 4)
    page.show()
    qtbot.waitExposed(page)
    before = reading_ids(env.lib, 4)
    new = references.add(env.lib, ReferenceDraft("report", "Mesurer l'utilité sociale"))
    rect = page.table.visualRect(page.model.index(1, 2))
    above_row_1 = QPoint(rect.center().x(), rect.top() + 2)
    mime = encode_ids([new.id])  # kept alive: the events do not own it
    viewport = page.table.viewport()
    enter = QDragEnterEvent(rect.center(), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(viewport, enter)
    assert enter.isAccepted()
    move = QDragMoveEvent(above_row_1, Qt.DropAction.CopyAction, mime,
                          Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(viewport, move)
    assert move.isAccepted()
    drop = QDropEvent(QPointF(above_row_1), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(viewport, drop)
    assert reading_ids(env.lib, 4) == [before[0], new.id, *before[1:]]  # above row 1


def test_rows_dragged_to_another_workshop_are_added_there(qtbot: QtBot, env: Env) -> None:
    source = env.page(WorkshopPage, qtbot)
    source.show_workshop(2017, 1)
    target = env.page(WorkshopPage, qtbot)
    target.show_workshop(2017, 3)
    row = next(r for r, rid in enumerate(source.model.reference_ids())
               if rid not in reading_ids(env.lib, 3))
    mime = source.model.mimeData([source.model.index(row, 0)])
    moved = source.model.reference_ids()[row]
    assert target.model.dropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, QModelIndex())
    assert reading_ids(env.lib, 3)[-1] == moved
    assert reading_ids(env.lib, 1)[row] == moved  # copied, not taken away


def test_role_and_annotation_edited_in_place(qtbot: QtBot, env: Env) -> None:
    page = env.page(WorkshopPage, qtbot)
    page.show_workshop(2017, 3)
    show_active(qtbot, page)
    model, view = page.model, page.table
    entry = model.entry_at(0)
    assert entry.role == ReadingRole.REQUIRED
    view.setFocus()
    view.setCurrentIndex(model.index(0, ROLE_COLUMN))
    qtbot.keyClick(view, Qt.Key.Key_Return)  # Enter edits: the role combo opens
    combo = view.findChild(QComboBox)
    assert combo is not None and combo.currentData() == "required"
    combo.setCurrentIndex(combo.findData("background"))
    combo.activated.emit(combo.currentIndex())
    assert workshops.reading_list(env.lib, 2017, 3)[0].role == ReadingRole.BACKGROUND
    assert model.index(0, ROLE_COLUMN).data() == "Background"

    assert model.setData(model.index(0, ANNOTATION_COLUMN), "  À lire avant l'atelier  ")
    assert workshops.reading_list(env.lib, 2017, 3)[0].annotation == "À lire avant l'atelier"
    env.stack.undo()
    env.stack.undo()
    assert workshops.reading_list(env.lib, 2017, 3)[0] == entry
    qtbot.waitUntil(lambda: model.index(0, ANNOTATION_COLUMN).data() == entry.annotation)


def test_delete_key_removes_from_the_list(qtbot: QtBot, env: Env) -> None:
    page = env.page(WorkshopPage, qtbot)
    page.show_workshop(2017, 4)
    show_active(qtbot, page)
    before = reading_ids(env.lib, 4)
    page.table.setFocus()
    page.table.selectRow(1)
    assert page.remove_button.isEnabled()
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert reading_ids(env.lib, 4) == [before[0], *before[2:]]
    env.stack.undo()
    assert reading_ids(env.lib, 4) == before


def test_workshop_page_shows_when_its_workshop_is_deleted(qtbot: QtBot, env: Env) -> None:
    page = env.page(WorkshopPage, qtbot)
    page.show_workshop(2017, 2)
    workshops.delete(env.lib, 2017, 2)
    qtbot.waitUntil(lambda: page._stack.currentWidget() is page.missing)
    assert page.model.rowCount() == 0


# --- participants ----------------------------------------------------------------------------

def test_participants_listed_and_filtered(qtbot: QtBot, env: Env) -> None:
    page = env.page(ParticipantsPage, qtbot)
    page.show_edition(2017)
    assert page.proxy.rowCount() == 20
    assert page.count.text() == "20 participants"
    page.search.setText("metropole")  # accents ignored
    assert page.proxy.rowCount() == 3
    assert page.count.text() == "3 of 20"
    page.search.setText("helene 3")
    rows = [[page.proxy.index(r, c).data() for c in range(6)] for r in
            range(page.proxy.rowCount())]
    assert rows == [["d'Arcy", "Hélène", "ESEAC", "helene.darcy@example.org", "Facilitator",
                     "3"]]


def test_sorting_a_column_sorts_as_the_core_does(qtbot: QtBot, env: Env) -> None:
    page = env.page(ParticipantsPage, qtbot)
    page.show_edition(2017)
    page.show()
    header = page.table.horizontalHeader()

    def column(number: int) -> list[str]:
        return [page.proxy.index(r, number).data() for r in range(page.proxy.rowCount())]

    core_order = [r.participant.family for r in participants.registrations(env.lib, 2017)]
    assert core_order[0] == "d'Arcy"  # among the A's: its « d' » is not sorted on
    page.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)  # by organisation first
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(0) + 5, header.height() // 2))
    assert header.sortIndicatorSection() == 0
    families = column(0)
    if header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder:
        families.reverse()
    assert families == core_order
    page.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    given = [fold(name) for name in column(1)]
    assert given == sorted(given)  # « Élise » among the E's, not after « Z »


def test_adding_a_participant_to_a_full_workshop_says_so(qtbot: QtBot, env: Env,
                                                        messages: Messages) -> None:
    workshops.update(env.lib, 2017, 1, {"capacity": 5})  # five are assigned already
    page = env.page(ParticipantsPage, qtbot)
    page.show_edition(2017)
    page.add_participant()
    dialog = page.dialog
    assert dialog is not None
    assert "5/5 places taken" in dialog.checks[1].text()
    dialog.family.setText("Lefèvre")
    dialog.given.setText("Joël")
    dialog.organisation.setText("Association Élan")
    dialog.email.setText("joel.lefevre@example.org")
    dialog.checks[1].setChecked(True)
    dialog.checks[3].setChecked(True)
    messages.answers.append(QMessageBox.StandardButton.No)
    dialog.accept()
    assert "Workshop 1 “Des coopérations informelles" in messages[-1]
    assert "5 places are taken" in messages[-1]
    assert dialog.result() != QDialog.DialogCode.Accepted  # still open, nothing written
    assert all(p.email != "joel.lefevre@example.org"
               for p in participants.list_participants(env.lib))

    dialog.checks[1].setChecked(False)
    dialog.accept()
    reg = next(r for r in participants.registrations(env.lib, 2017)
               if r.participant.email == "joel.lefevre@example.org")
    assert (reg.participant.family, reg.workshops) == ("Lefèvre", (3,))
    qtbot.waitUntil(lambda: page.model.rowCount() == 21)
    env.stack.undo()
    assert all(p.id != reg.participant.id for p in participants.list_participants(env.lib))
    env.stack.redo()
    assert reg in participants.registrations(env.lib, 2017)


def test_assignments_edited_over_capacity_when_confirmed(qtbot: QtBot, env: Env,
                                                         messages: Messages) -> None:
    workshops.update(env.lib, 2017, 2, {"capacity": 5})
    page = env.page(ParticipantsPage, qtbot)
    page.show_edition(2017)
    page.search.setText("bouvier")
    page.table.selectRow(0)
    page.table.activated.emit(page.proxy.index(0, 0))  # Enter or double-click: edit
    dialog = page.dialog
    assert dialog is not None and dialog.family.text() == "Bouvier"
    dialog.checks[1].setChecked(False)
    dialog.checks[2].setChecked(True)
    dialog.accept()  # the question is answered Yes: over capacity
    assert "full" in messages[-1]
    reg = next(r for r in participants.registrations(env.lib, 2017)
               if r.participant.family == "Bouvier")
    assert reg.workshops == (2,)
    assert env.stack.undoText() == "Edit participant"
    env.stack.undo()
    reg = next(r for r in participants.registrations(env.lib, 2017)
               if r.participant.family == "Bouvier")
    assert reg.workshops == (1,)


def test_unregistering_asks_and_can_be_undone(qtbot: QtBot, env: Env,
                                             messages: Messages) -> None:
    page = env.page(ParticipantsPage, qtbot)
    page.show_edition(2017)
    show_active(qtbot, page)
    before = participants.registrations(env.lib, 2017)
    page.table.setFocus()
    page.table.selectRow(0)
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert "Hélène d'Arcy" in messages[-1]  # the first by name: « d'Arcy » among the A's
    assert len(participants.registrations(env.lib, 2017)) == 19
    qtbot.waitUntil(lambda: page.model.rowCount() == 19)
    env.stack.undo()
    assert participants.registrations(env.lib, 2017) == before


CSV = """\
Horodateur;Nom;Prénom;Structure;Adresse électronique perso;Atelier souhaité
23/10/2017 10:02;Martin;Hélène;Les Jardins du Drac;HELENE.MARTIN@example.org;1
23/10/2017 11:15;Dupré;Léa;Société coopérative Mosaïque;lea.dupre@example.org;Atelier n°3
24/10/2017 09:40;;Marc;Scop;marc@example.org;4
"""


def test_csv_import_previews_a_dry_run_then_imports(qtbot: QtBot, env: Env,
                                                    tmp_path: Path) -> None:
    csv_file = tmp_path / "inscriptions.csv"
    csv_file.write_bytes(CSV.replace("\n", "\r\n").encode("cp1252"))
    page = env.page(ParticipantsPage, qtbot)
    page.show_edition(2017)
    with qtbot.waitSignal(page.importer.previewed, timeout=10_000) as preview:
        page.import_file(csv_file)
    dialog = page.importer.dialog
    assert dialog is not None
    assert list(dialog.combos) == ["Horodateur", "Nom", "Prénom", "Structure",
                                   "Adresse électronique perso", "Atelier souhaité"]
    assert dialog.mapping()["Nom"] == "family"
    assert dialog.mapping()["Adresse électronique perso"] == ""  # not recognised
    assert preview.args[0].created == 2  # without e-mails, Hélène Martin looks new
    assert "line 4: no family name" in dialog.problems.toPlainText()
    assert "CP1252" in dialog.file_label.text()
    assert participants.registrations(env.lib, 2017) == page.model._rows  # nothing written

    combo = dialog.combos["Adresse électronique perso"]
    with qtbot.waitSignal(page.importer.previewed, timeout=10_000) as preview:
        combo.setCurrentIndex(combo.findData("email"))
    report = preview.args[0]
    assert (report.created, report.known, report.already_registered) == (1, 1, 1)
    assert dialog.import_button.isEnabled()
    assert "1 already known (same e-mail)" in dialog.summary.text()

    with qtbot.waitSignal(page.registrations_imported, timeout=10_000) as imported:
        dialog.accept()
    assert imported.args[0].created == 1 and not imported.args[0].dry_run
    lea = next(r for r in participants.registrations(env.lib, 2017)
               if r.participant.email == "lea.dupre@example.org")
    assert lea.workshops == (3,)
    assert "1 new" in page.last_import.text()
    assert list((env.lib.folder / "backups").glob("*before-import*"))
    qtbot.waitUntil(lambda: page.model.rowCount() == 21)


def test_csv_import_without_a_family_column_explains(qtbot: QtBot, env: Env, tmp_path: Path,
                                                     messages: Messages) -> None:
    csv_file = tmp_path / "export.csv"
    csv_file.write_text("Qui;Mail\nMartin;m@example.org\n", encoding="utf-8")
    page = env.page(ParticipantsPage, qtbot)
    page.show_edition(2017)
    page.import_file(csv_file)
    qtbot.waitUntil(lambda: bool(messages))
    assert "family names" in messages[-1]
    assert page.importer.dialog is None


# --- programme -------------------------------------------------------------------------------

def test_programme_grouped_by_day_in_french(qtbot: QtBot, env: Env, french: None) -> None:
    page = env.page(ProgrammePage, qtbot)
    page.show_edition(2017)
    tree = page.tree
    days = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert days == ["jeudi 23 novembre 2017", "vendredi 24 novembre 2017"]
    first_day = tree.topLevelItem(0)
    texts = [first_day.child(i).text(0) for i in range(first_day.childCount())]
    assert texts[1] == "09:30–10:30 · Amphithéâtre A · Séance plénière d'ouverture"
    assert texts[3] == ("10:45–12:30 · Salle 102 · Convergence d'intérêts et construction des "
                        "coopérations : le choc des cultures (Workshop 2)")
    assert tree.topLevelItem(1).childCount() == 8


def test_programme_items_added_and_deleted_with_undo(qtbot: QtBot, env: Env) -> None:
    page = env.page(ProgrammePage, qtbot)
    page.show_edition(2017)
    show_active(qtbot, page)
    count = len(programme.list_items(env.lib, 2017))
    page.add_item()
    dialog = page.dialog
    assert dialog is not None and dialog.day.count() == 2
    dialog.day.setCurrentIndex(1)
    dialog.start.setTime(dialog.start.time().fromString("16:00", "HH:mm"))
    dialog.end.setTime(dialog.end.time().fromString("17:00", "HH:mm"))
    dialog.workshop.setCurrentIndex(dialog.workshop.findData(3))
    assert dialog.room.text() == "Salle 201"  # the workshop's room
    dialog.accept()
    added = programme.list_items(env.lib, 2017)[-1]
    assert (added.day, added.start, added.end, added.workshop_number) == (
        date(2017, 11, 24), "16:00", "17:00", 3)
    assert added.title == "Structurer les coopérations : l'enjeu de la pérennisation"
    qtbot.waitUntil(lambda: page.tree.topLevelItem(1).childCount() == 9)

    child = page.tree.topLevelItem(1).child(8)
    page.activateWindow()  # back from the dialog
    qtbot.waitUntil(page.isActiveWindow)
    page.tree.setFocus()
    page.tree.setCurrentItem(child)
    qtbot.keyClick(page.tree, Qt.Key.Key_Delete)
    assert len(programme.list_items(env.lib, 2017)) == count
    env.stack.undo()
    assert programme.list_items(env.lib, 2017)[-1] == added  # the same id again
    env.stack.undo()
    assert len(programme.list_items(env.lib, 2017)) == count


# --- models, lifetime, screenshots ----------------------------------------------------------

def test_models_pass_the_qt_model_tester(qtmodeltester: ModelTester, env: Env) -> None:
    ws_model = WorkshopsModel()
    ws_model.set_rows([WorkshopRow(w, 3) for w in workshops.list_workshops(env.lib, 2017)])
    qtmodeltester.check(ws_model)
    reading = ReadingListModel(env.lib, env.stack)
    ws = workshops.get(env.lib, 2017, 1)
    reading.set_workshop(ws.id, 2017, 1)
    assert reading.rowCount() > 0
    qtmodeltester.check(reading)
    registrations = RegistrationsModel()
    registrations.set_registrations(participants.registrations(env.lib, 2017))
    qtmodeltester.check(registrations)
    proxy = ParticipantFilter()
    proxy.setSourceModel(registrations)
    proxy.set_text("grenoble")
    qtmodeltester.check(proxy)
    for empty in (WorkshopsModel(), RegistrationsModel(), ReadingListModel(env.lib, env.stack)):
        qtmodeltester.check(empty)


def test_a_deleted_page_never_hears_of_changes(qtbot: QtBot, env: Env) -> None:
    pages = [cls(env.lib, env.runner, env.stack)
             for cls in (EditionPage, WorkshopPage, ParticipantsPage, ProgrammePage)]
    pages[0].show_edition(2017)
    pages[1].show_workshop(2017, 1)
    for page in pages:
        page.deleteLater()
    qtbot.waitUntil(lambda: all(not _alive(p) for p in pages))
    probe = QObject()
    heard: list[Changes] = []

    def listen(what: Changes) -> None:
        heard.append(what)

    changes.subscribe(env.lib, probe, listen)  # after the pages: notified after them
    editions.update(env.lib, 2017, {"venue": "Ailleurs"})
    workshops.update(env.lib, 2017, 1, {"room": "Salle 3"})
    participants.add(env.lib, "Nouveau")
    qtbot.waitUntil(lambda: len(heard) == 3)  # every queued notification has run


def _alive(widget: QWidget) -> bool:
    import shiboken6

    return bool(shiboken6.isValid(widget))


def test_screenshots_of_the_seminar_pages(qtbot: QtBot, env: Env) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    edition = env.page(EditionPage, qtbot)
    edition.show_edition(2017)
    workshop = env.page(WorkshopPage, qtbot)
    workshop.show_workshop(2017, 4)
    people = env.page(ParticipantsPage, qtbot)
    people.show_edition(2017)
    plan = env.page(ProgrammePage, qtbot)
    plan.show_edition(2017)
    for name, page in (("edition", edition), ("workshop", workshop), ("participants", people),
                       ("programme", plan)):
        page.show()
        qtbot.waitExposed(page)
        if name == "workshop":  # text fields lay their text out after the first paint
            bar = workshop.form.facilitators.verticalScrollBar()
            qtbot.waitUntil(lambda b=bar: not b.isVisible())
        assert page.grab().save(str(SHOTS / f"{name}.png"))
    workshop.tabs.setCurrentIndex(1)
    assert workshop.grab().save(str(SHOTS / "workshop-notes.png"))
    edition.tabs.setCurrentIndex(2)
    assert edition.grab().save(str(SHOTS / "edition-files.png"))
    people.add_participant()
    assert people.dialog is not None
    qtbot.waitExposed(people.dialog)
    assert people.dialog.grab().save(str(SHOTS / "participant-dialog.png"))
    people.dialog.reject()
    edition.prepare_next_edition()
    assert edition.clone_dialog is not None
    qtbot.waitExposed(edition.clone_dialog)
    assert edition.clone_dialog.grab().save(str(SHOTS / "clone-dialog.png"))
    edition.clone_dialog.reject()
    plan.add_item()
    assert plan.dialog is not None
    qtbot.waitExposed(plan.dialog)
    assert plan.dialog.grab().save(str(SHOTS / "programme-dialog.png"))
    plan.dialog.reject()


def test_screenshot_of_the_import_preview(qtbot: QtBot, env: Env, tmp_path: Path) -> None:
    csv_file = tmp_path / "inscriptions.csv"
    csv_file.write_bytes(CSV.replace("\n", "\r\n").encode("cp1252"))
    page = env.page(ParticipantsPage, qtbot)
    page.show_edition(2017)
    page.show()
    with qtbot.waitSignal(page.importer.previewed, timeout=10_000):
        page.import_file(csv_file)
    dialog = page.importer.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert dialog.grab().save(str(SHOTS / "import-preview.png"))
    dialog.reject()
