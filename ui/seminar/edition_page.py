"""The page of one edition: its details, its workshops, its notes and files, and
« Prepare the next edition… ».

Signals of :class:`EditionPage`: ``edition_cloned(int)`` — a new edition was prepared
from this one (its year); ``workshop_activated(int, int)`` — the user opened a workshop
(year, number).
"""

from __future__ import annotations

from PySide6.QtCore import (
    QModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from seminaire_app.domain import Changes, Edition, Owner, Workshop
from seminaire_app.errors import NotFound
from seminaire_app.progress import Progress
from seminaire_app.services import attachments, editions, notes, workshops
from seminaire_app.storage.library import Library

from ..attachments_panel import AttachmentsPanel
from ..errors import show_error
from ..notes_panel import NotesPanel
from ..tasks import TaskRunner
from . import commands
from .common import ChangeWatcher, Form, SeminarTable, guarded, heading
from .edition_dialogs import CloneEditionDialog, WorkshopDialog, new_edition
from .edition_form import EditionForm
from .workshops_model import WorkshopsModel, load_workshop_rows

__all__ = ["EditionPage", "new_edition"]

_WATCHED = Changes.EDITIONS | Changes.WORKSHOPS | Changes.PARTICIPANTS


class EditionPage(QWidget):
    edition_cloned = Signal(int)
    workshop_activated = Signal(int, int)

    def __init__(self, library: Library, runner: TaskRunner, undo_stack: QUndoStack,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library, self.runner, self.undo_stack = library, runner, undo_stack
        self.edition: Edition | None = None  # None while none is shown, or it is gone
        self._year: int | None = None
        self.clone_dialog: CloneEditionDialog | None = None
        self.workshop_dialog: WorkshopDialog | None = None
        self._pending_selection: int | None = None
        self.title_label = heading()
        self.clone_button = QPushButton(self.tr("&Prepare the next edition…"))
        self.clone_button.clicked.connect(self.prepare_next_edition)
        self.form = EditionForm(self)
        self.binding = Form(self, self._commit_field)
        self.form.bind(self.binding)
        self.workshops_model = WorkshopsModel(self)
        self.workshops_table = self._make_workshops_table()
        self.add_workshop_button = QPushButton(self.tr("&Add workshop…"))
        self.add_workshop_button.clicked.connect(self.add_workshop)
        self.delete_workshop_button = QPushButton(self.tr("De&lete workshop…"))
        self.delete_workshop_button.clicked.connect(self.delete_workshop)
        self.notes = NotesPanel(library, undo_stack)
        self.attachments = AttachmentsPanel(library, runner, undo_stack)
        self.missing = QLabel(self.tr("This edition no longer exists."))
        self.missing.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._stack = QStackedWidget()
        self._stack.addWidget(self._build_content())
        self._stack.addWidget(self.missing)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._stack)
        self._watcher = ChangeWatcher(library, self, _WATCHED, self.refresh)
        self._update_buttons()

    # --- layout ------------------------------------------------------------------------------
    def _make_workshops_table(self) -> SeminarTable:
        table = SeminarTable()
        table.setModel(self.workshops_model)
        table.setSelectionMode(SeminarTable.SelectionMode.SingleSelection)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        table.activated.connect(self._on_workshops_table_activated)
        table.delete_requested.connect(self.delete_workshop)
        table.selectionModel().selectionChanged.connect(self._update_buttons)
        table.setAccessibleName(self.tr("Workshops"))
        return table

    def _build_content(self) -> QWidget:
        header = QHBoxLayout()
        header.addWidget(self.title_label, 1)
        header.addWidget(self.clone_button, 0, Qt.AlignmentFlag.AlignTop)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_workshop_button)
        buttons.addWidget(self.delete_workshop_button)
        buttons.addStretch(1)
        hint = QLabel(self.tr("Double-click a workshop, or press Enter, to open it."))
        hint.setEnabled(False)  # greyed: a hint, not content
        buttons.addWidget(hint)
        workshops_tab = QWidget()
        tab_layout = QVBoxLayout(workshops_tab)
        tab_layout.addWidget(self.workshops_table, 1)
        tab_layout.addLayout(buttons)
        self.tabs = QTabWidget()
        self.tabs.addTab(workshops_tab, self.tr("&Workshops"))
        self.tabs.addTab(self.notes, self.tr("&Notes"))
        self.tabs.addTab(self.attachments, self.tr("F&iles"))
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addLayout(header)
        layout.addWidget(self.form)
        layout.addWidget(self.tabs, 1)
        return content

    # --- showing -----------------------------------------------------------------------------
    @property
    def year(self) -> int | None:
        return self._year

    def show_edition(self, year: int) -> None:
        """Show (and edit) the edition of ``year``."""
        self.binding.finish_all()
        self._year = year
        self.refresh()

    def refresh(self) -> None:
        """Read the edition again from the core (after a change notification)."""
        if self._year is None:
            return
        try:
            edition = editions.get(self.library, self._year)
            rows = load_workshop_rows(self.library, edition.year)
        except NotFound:
            self._show_missing()
            return
        other = self.edition is None or self.edition.id != edition.id
        self.edition = edition
        self._stack.setCurrentIndex(0)
        self.title_label.setText(self.tr("Edition {year} — {title}").format(
            year=edition.year, title=edition.title))
        self.binding.load(self.form.values(edition), replace=other)
        current = self._selected_workshop()
        self.workshops_model.set_rows(rows)
        if self._pending_selection is not None:
            self._select_workshop(self._pending_selection)
            self._pending_selection = None
        elif current is not None:
            self._select_workshop(current.number)
        if other:  # the panels follow their owner themselves
            owner = Owner("edition", edition.id)
            self.notes.set_owner(owner)
            self.attachments.set_owner(owner)
        self._update_buttons()

    def _show_missing(self) -> None:
        self.edition = None
        self._stack.setCurrentIndex(1)
        self.notes.set_owner(None)
        self.attachments.set_owner(None)
        self.workshops_model.set_rows([])
        self._update_buttons()

    # --- editing -----------------------------------------------------------------------------
    def _commit_field(self, name: str, old: object, new: object) -> bool:
        if self.edition is None:
            return False
        year, label = self.edition.year, self.form.label(name)
        return guarded(self, lambda: self.undo_stack.push(
            commands.edit_edition(self.library, year, name, old, new, label)))

    def _selected_workshop(self) -> Workshop | None:
        rows = self.workshops_table.selected_rows()
        return self.workshops_model.workshop_at(rows[0]) if rows else None

    def _select_workshop(self, number: int | None) -> None:
        for row in range(self.workshops_model.rowCount()):
            if self.workshops_model.workshop_at(row).number == number:
                self.workshops_table.selectRow(row)
                return

    @Slot()
    def _update_buttons(self) -> None:
        has_edition = self.edition is not None
        self.clone_button.setEnabled(has_edition)
        self.add_workshop_button.setEnabled(has_edition)
        self.delete_workshop_button.setEnabled(self._selected_workshop() is not None)

    @Slot(QModelIndex)
    def _on_workshops_table_activated(self, index: QModelIndex) -> None:
        if self.edition is not None and index.isValid():
            ws = self.workshops_model.workshop_at(index.row())
            self.workshop_activated.emit(self.edition.year, ws.number)

    @Slot()
    def add_workshop(self) -> None:
        """Open the « Add workshop » dialog (kept in ``workshop_dialog`` while open)."""
        if self.edition is None:
            return
        year = self.edition.year
        numbers = [self.workshops_model.workshop_at(r).number
                   for r in range(self.workshops_model.rowCount())]
        dialog = WorkshopDialog(max(numbers, default=0) + 1, self)

        def submit() -> bool:
            request = dialog.request()

            def add() -> None:
                workshop, command = commands.add_workshop(
                    self.library, year, request.title, request.number, request.room,
                    request.capacity)
                self.undo_stack.push(command)
                self._pending_selection = workshop.number

            return guarded(dialog, add)

        dialog.submit = submit
        dialog.finished.connect(dialog.deleteLater)
        self.workshop_dialog = dialog
        dialog.open()

    @Slot()
    def delete_workshop(self) -> None:
        """Delete the selected workshop after confirmation (undoable)."""
        workshop = self._selected_workshop()
        if self.edition is None or workshop is None:
            return
        question = self._deletion_question(workshop)
        if question is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Delete workshop"), question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return
        year = self.edition.year
        guarded(self, lambda: self.undo_stack.push(
            commands.delete_workshop(self.library, year, workshop.number)))

    def _deletion_question(self, workshop: Workshop) -> str | None:
        owner = Owner("workshop", workshop.id)
        try:
            readings = len(workshops.reading_list(self.library, workshop.year, workshop.number))
            note_count = len(notes.list_for(self.library, owner))
            file_count = len(attachments.list_for(self.library, owner))
        except NotFound as exc:
            show_error(self, exc)
            return None
        assigned = self.workshops_model.assigned_to(workshop.id)
        return "\n\n".join((
            self.tr("Delete workshop {n} “{title}”?").format(n=workshop.number,
                                                              title=workshop.title),
            self.tr("Its reading list ({readings}), notes ({notes}) and files ({files}) go "
                    "with it, and {assigned} participant(s) lose this workshop.").format(
                readings=readings, notes=note_count, files=file_count, assigned=assigned),
            self.tr("You can undo this with Edit ▸ Undo.")))

    # --- next edition --------------------------------------------------------------------------
    @Slot()
    def prepare_next_edition(self) -> None:
        """Open the dialog that clones this edition (kept in ``clone_dialog`` while open)."""
        if self.edition is None:
            return
        self.binding.finish_all()
        dialog = CloneEditionDialog(self.edition, self)
        source = self.edition.year

        def submit() -> bool:
            target = dialog.request().target_year
            if any(e.year == target for e in editions.list_editions(self.library)):
                QMessageBox.warning(dialog, self.tr("Prepare the next edition"), self.tr(
                    "There is already an edition {year}. Choose another year.").format(
                    year=target))
                return False
            self._clone(source, dialog)
            return True

        dialog.submit = submit
        dialog.finished.connect(dialog.deleteLater)
        self.clone_dialog = dialog
        dialog.open()

    def _clone(self, source: int, dialog: CloneEditionDialog) -> None:
        request = dialog.request()

        def op(lib: Library, _progress: Progress) -> Edition:
            return editions.clone(lib, source, request.target_year, request.title,
                                  request.options)

        self.runner.run(op, self._on_cloned, lambda exc: show_error(self, exc), write=True,
                        label=self.tr("Preparing edition {year}…").format(
                            year=request.target_year), parent=self)

    def _on_cloned(self, edition: Edition) -> None:
        self.undo_stack.push(commands.cloned_edition(self.library, edition))
        self.edition_cloned.emit(edition.year)
