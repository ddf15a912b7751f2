"""The page of one workshop: its details, its reading list, its notes and files.

The page follows the workshop by id, so that renumbering it (or undoing that) keeps
it on screen.

Signals of :class:`WorkshopPage`: ``references_opened(list)`` — the user asked to see
these references (double click on a reading-list row).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from seminaire_app.domain import Changes, Owner, Workshop
from seminaire_app.errors import NotFound, SeminaireError
from seminaire_app.services import workshops
from seminaire_app.storage.library import Library

from ..attachments_panel import AttachmentsPanel
from ..errors import show_error
from ..notes_panel import NotesPanel
from ..tasks import TaskRunner
from . import commands
from .common import ChangeWatcher, Form, PlainTextField, add_field, guarded, heading
from .reading_list import ReadingListModel, ReadingListView

_WATCHED = Changes.WORKSHOPS | Changes.READINGS | Changes.REFERENCES | Changes.EDITIONS


class WorkshopForm(QWidget):
    """Number, title, room, capacity, facilitators and description of a workshop."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.number = QSpinBox()
        self.number.setRange(1, 999)
        self.title = QLineEdit()
        self.room = QLineEdit()
        self.capacity = QSpinBox()
        self.capacity.setRange(-1, 9999)
        self.capacity.setSpecialValueText(self.tr("No limit"))
        self.facilitators = PlainTextField(lines=3)
        self.facilitators.setPlaceholderText(self.tr("One facilitator per line"))
        self.facilitators.setAccessibleName(self.tr("Facilitators"))
        self.description = PlainTextField(lines=5)
        self.description.setAccessibleName(self.tr("Description"))
        self.number.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.capacity.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        add_field(grid, 0, 0, self.tr("&Title:"), self.title, column_span=3)
        add_field(grid, 1, 0, self.tr("&Number:"), self.number)
        add_field(grid, 2, 0, self.tr("&Room:"), self.room)
        add_field(grid, 3, 0, self.tr("&Capacity:"), self.capacity)
        add_field(grid, 4, 0, self.tr("&Facilitators:"), self.facilitators)
        add_field(grid, 1, 2, self.tr("D&escription:"), self.description, row_span=4)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(3, 3)

    def label(self, name: str) -> str:
        return {"number": self.tr("Number"), "title": self.tr("Title"),
                "room": self.tr("Room"), "capacity": self.tr("Capacity"),
                "facilitators": self.tr("Facilitators"),
                "description": self.tr("Description")}[name]

    def bind(self, form: Form) -> None:
        form.number("number", self.number)
        form.line("title", self.title)
        form.line("room", self.room)
        form.number("capacity", self.capacity, none_at_minimum=True)
        form.lines("facilitators", self.facilitators)
        form.text("description", self.description)

    @staticmethod
    def values(workshop: Workshop) -> dict[str, object]:
        return {"number": workshop.number, "title": workshop.title, "room": workshop.room,
                "capacity": workshop.capacity, "facilitators": workshop.facilitators,
                "description": workshop.description}


class WorkshopPage(QWidget):
    references_opened = Signal(list)

    def __init__(self, library: Library, runner: TaskRunner, undo_stack: QUndoStack,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library, self.runner, self.undo_stack = library, runner, undo_stack
        self.workshop: Workshop | None = None
        self.title_label = heading()
        self.subtitle = QLabel()
        self.form = WorkshopForm()
        self.binding = Form(self, self._commit_field)
        self.form.bind(self.binding)
        self.model = ReadingListModel(library, undo_stack, self)
        self.model.failed.connect(self._on_model_failed)
        self.table = ReadingListView(self.model)
        self.table.references_opened.connect(self.references_opened)
        self.table.delete_requested.connect(self.remove_selected)
        self.remove_button = QPushButton(self.tr("Re&move from list"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self.count = QLabel()
        self.notes = NotesPanel(library, undo_stack)
        self.attachments = AttachmentsPanel(library, runner, undo_stack)
        self.missing = QLabel(self.tr("This workshop no longer exists."))
        self.missing.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._stack = QStackedWidget()
        self._stack.addWidget(self._build_content())
        self._stack.addWidget(self.missing)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._stack)
        self._watcher = ChangeWatcher(library, self, _WATCHED, self.refresh)
        self._update_buttons()

    def _build_content(self) -> QWidget:
        hint = QLabel(self.tr("Drag references here from the library, drag rows to reorder "
                              "them; double-click a role or an annotation to edit it."))
        hint.setWordWrap(True)
        hint.setEnabled(False)  # greyed: a hint, not content
        buttons = QHBoxLayout()
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.count)
        readings = QWidget()
        readings_layout = QVBoxLayout(readings)
        readings_layout.addWidget(hint)
        readings_layout.addWidget(self.table, 1)
        readings_layout.addLayout(buttons)
        self.tabs = QTabWidget()
        self.tabs.addTab(readings, self.tr("Reading &list"))
        self.tabs.addTab(self.notes, self.tr("N&otes"))
        self.tabs.addTab(self.attachments, self.tr("F&iles"))
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.addWidget(self.title_label)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.form)
        layout.addWidget(self.tabs, 1)
        return content

    # --- showing -----------------------------------------------------------------------------
    def show_workshop(self, year: int, number: int) -> None:
        """Show (and edit) workshop ``number`` of the edition of ``year``."""
        self.binding.finish_all()
        try:
            workshop = workshops.get(self.library, year, number)
        except NotFound:
            self._show_missing()
            return
        self._show(workshop)

    def refresh(self) -> None:
        """Read the workshop and its list again (after a change notification)."""
        if self.workshop is None:
            return
        try:
            workshop = workshops.get_by_id(self.library, self.workshop.id)
        except NotFound:
            self._show_missing()
            return
        self._show(workshop)

    def _show(self, workshop: Workshop) -> None:
        changed = self.workshop is None or self.workshop.id != workshop.id
        self.workshop = workshop
        self._stack.setCurrentIndex(0)
        self.title_label.setText(self.tr("Workshop {n} — {title}").format(
            n=workshop.number, title=workshop.title))
        self.subtitle.setText(self.tr("Edition {year}").format(year=workshop.year))
        self.binding.load(self.form.values(workshop), replace=changed)
        self.model.set_workshop(workshop.id, workshop.year, workshop.number)
        if changed:
            owner = Owner("workshop", workshop.id)
            self.notes.set_owner(owner)
            self.attachments.set_owner(owner)
        self._update_buttons()

    def _show_missing(self) -> None:
        self.workshop = None
        self._stack.setCurrentIndex(1)
        self.model.clear()
        self.notes.set_owner(None)
        self.attachments.set_owner(None)

    # --- editing -----------------------------------------------------------------------------
    def _commit_field(self, name: str, old: object, new: object) -> bool:
        workshop = self.workshop
        if workshop is None:
            return False
        label = self.form.label(name)
        done = guarded(self, lambda: self.undo_stack.push(commands.edit_workshop(
            self.library, workshop.year, workshop.number, name, old, new, label)))
        if done and name == "number":  # follow the new number before the notification
            self.refresh()
        return done

    @Slot()
    def remove_selected(self) -> None:
        """Take the selected entries off the reading list (undoable)."""
        self.model.remove_rows(self.table.selected_rows())

    @Slot(object)
    def _on_model_failed(self, exc: SeminaireError) -> None:
        if isinstance(exc, NotFound) and exc.kind == "workshop":
            return  # refresh() shows that the workshop is gone
        show_error(self, exc)

    @Slot()
    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(bool(self.table.selected_rows()))
        rows = self.model.rowCount()
        self.count.setText(self.tr("%n reference(s)", "", rows))
