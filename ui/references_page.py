"""The references page: search field, the big table, and the detail pane.

Signals: ``count_changed(int)`` — how many references the table shows.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QItemSelection, QPoint, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from seminaire_app.domain import Owner, Reference, ReferenceDraft
from seminaire_app.errors import SeminaireError
from seminaire_app.services import references, tags
from seminaire_app.services.references import ReferenceFilter
from seminaire_app.storage.library import Library

from . import commands
from .attachments_panel import AttachmentsPanel, attach_files
from .bibliography import BibliographyPanel
from .errors import show_error
from .notes_panel import NotesPanel
from .reference_editor import ReferenceEditor
from .reference_table import COLUMNS, ReferenceTableModel
from .settings import Settings
from .tasks import TaskRunner

# No debounce: the model runs one query at a time and keeps only the latest request.
SEARCH_DELAY_MS = 0
_ENDS_A_WORD = re.compile(r"(?:^|[^\w])\w{2,}$")


def as_you_type(text: str) -> str:
    """While typing, the last word is a prefix: « coop » finds « coopération ».

    From two letters on: a one-letter prefix matches nearly everything and costs a scan.
    """
    if _ENDS_A_WORD.search(text) and text.count('"') % 2 == 0:
        return text + "*"
    return text


class ReferencesPage(QWidget):
    count_changed = Signal(int)

    def __init__(self, library: Library, runner: TaskRunner, undo_stack: QUndoStack,
                 parent: QWidget | None = None, settings: Settings | None = None) -> None:
        super().__init__(parent)
        self.library, self.runner, self.undo_stack = library, runner, undo_stack
        self._base_filter = ReferenceFilter()
        self._shown_owner: Owner | None = None
        self.model = ReferenceTableModel(runner)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search titles, creators, notes, files… (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search"))
        self.count = QLabel()
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._apply_filter)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.table = self._make_table()
        self.editor = ReferenceEditor()
        self.notes = NotesPanel(library, undo_stack)
        self.attachments = AttachmentsPanel(library, runner, undo_stack)
        self.detail = QTabWidget()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.editor)
        self.detail.addTab(scroll, self.tr("Details"))
        self.detail.addTab(self.notes, self.tr("Notes"))
        self.detail.addTab(self.attachments, self.tr("Files"))
        self.bibliography = BibliographyPanel(library, runner, settings or Settings())
        self.detail.addTab(self.bibliography, self.tr("Bibliography"))
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([700, 480])
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        QShortcut(QKeySequence.StandardKey.Find, self, self._on_find_activated)
        self.model.loaded.connect(self._on_model_loaded)
        self.model.files_dropped.connect(self._on_model_files_dropped)
        self.editor.edit_requested.connect(self._on_editor_edit_requested)
        self.editor.tags_requested.connect(self._on_editor_tags_requested)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)

    def _make_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        table.setSortingEnabled(True)
        table.sortByColumn(2, Qt.SortOrder.AscendingOrder)
        table.setDragEnabled(True)
        table.setAcceptDrops(True)
        table.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        table.setDefaultDropAction(Qt.DropAction.CopyAction)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        header = table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for column, width in enumerate((110, 170, 320, 50, 170, 140, 50, 90, 150)):
            table.setColumnWidth(column, width)
        for hidden in ("key", "added"):
            table.setColumnHidden([c.key for c in COLUMNS].index(hidden), True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._on_header_menu_requested)
        return table

    # --- filtering ----------------------------------------------------------------------
    def set_base_filter(self, flt: ReferenceFilter) -> None:
        """What the sidebar selected (all, a tag, a collection…); the search narrows it."""
        self._base_filter = flt
        self._apply_filter()

    @Slot()
    def _apply_filter(self) -> None:
        text = self.search.text().strip()
        flt = ReferenceFilter(text=as_you_type(text) if text else "",
                              tag=self._base_filter.tag,
                              collection=self._base_filter.collection,
                              unfiled=self._base_filter.unfiled,
                              edition=self._base_filter.edition,
                              workshop=self._base_filter.workshop)
        self.model.set_filter(flt)

    def reload(self) -> None:
        self.model.reload()

    @Slot()
    def _on_find_activated(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    @Slot(int)
    def _on_model_loaded(self, count: int) -> None:
        self.count.setText(self.tr("%n reference(s)", "", count))
        self.count_changed.emit(count)
        self._show_current()

    # --- selection and detail -----------------------------------------------------------
    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.id_at(r) for r in rows]

    @Slot(QItemSelection, QItemSelection)
    def _on_table_selection_changed(self, _new: QItemSelection, _old: QItemSelection) -> None:
        self._show_current()

    def _show_current(self) -> None:
        ids = self.selected_ids()
        self.bibliography.set_ids(ids)  # one or several; a no-op when unchanged
        ref = self.model.reference_at(self.model.row_of(ids[0]) or 0) if len(ids) == 1 \
            else None
        owner = Owner("reference", ref.id) if ref else None
        if ref is None and self.editor.reference is None and self._shown_owner is None:
            return  # still nothing selected (every search keystroke): nothing to redo
        self.editor.set_reference(ref)
        if owner != self._shown_owner:
            self._shown_owner = owner
            self.notes.set_owner(owner)
            self.attachments.set_owner(owner)

    def select_reference(self, reference_id: int) -> None:
        row = self.model.row_of(reference_id)
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def refresh_references(self) -> None:
        """After a change: the ids may have changed (filters), rows certainly did."""
        self.model.refresh_rows()
        self.model.reload()
        self.editor.set_known_tags([t.name for t in tags.list_tags(self.library)])

    # --- edits ----------------------------------------------------------------------------
    def _push(self, make: Callable[[], QUndoCommand]) -> bool:
        try:
            command = make()
        except SeminaireError as exc:
            show_error(self, exc)
            self._show_current()  # put the stored values back in the form
            return False
        self.undo_stack.push(command)
        return True

    @Slot(object, dict)
    def _on_editor_edit_requested(self, ref: Reference, changes: dict[str, Any]) -> None:
        if self._push(lambda: commands.edit_reference(self.library, ref, changes)):
            self._reload_detail(ref.id)

    @Slot(object, list)
    def _on_editor_tags_requested(self, ref: Reference, wanted: list[str]) -> None:
        if self._push(lambda: commands.set_tags(self.library, ref, wanted)):
            self._reload_detail(ref.id)

    def _reload_detail(self, reference_id: int) -> None:
        self.model.refresh_rows([reference_id])
        try:
            self.editor.set_reference(references.get(self.library, reference_id))
        except SeminaireError as exc:
            show_error(self, exc)

    def new_reference(self, item_type: str) -> None:
        draft = ReferenceDraft(item_type=item_type, title=self.tr("New reference"))
        holder: list[Reference] = []

        def make() -> QUndoCommand:
            ref, command = commands.add_reference(self.library, draft)
            holder.append(ref)
            return command

        if self._push(make):
            ref = holder[0]
            self.search.clear()
            self.model.set_ids([ref.id, *[i for i in self.model_ids() if i != ref.id]])
            self.select_reference(ref.id)
            self.detail.setCurrentIndex(0)
            title = self.editor.field("title")
            title.setFocus()
            if isinstance(title, QLineEdit):
                title.selectAll()

    def model_ids(self) -> list[int]:
        return [self.model.id_at(r) for r in range(self.model.rowCount())]

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        answer = QMessageBox.question(
            self, self.tr("Delete"),
            self.tr("Delete %n reference(s) with their notes and files? "
                    "You can undo this with Ctrl+Z.", "", len(ids)))
        if answer == QMessageBox.StandardButton.Yes:
            self._push(lambda: commands.delete_references(self.library, ids))

    @Slot(int, list)
    def _on_model_files_dropped(self, reference_id: int, paths: list[str]) -> None:
        from pathlib import Path

        attach_files(self.library, self.runner, self.undo_stack, Owner("reference", reference_id),
                     [Path(p) for p in paths], self)

    # --- columns ------------------------------------------------------------------------
    @Slot(QPoint)
    def _on_header_menu_requested(self, pos: QPoint) -> None:
        self.columns_menu().exec(self.table.horizontalHeader().mapToGlobal(pos))

    def columns_menu(self) -> QMenu:
        """A checkable entry per column: the user picks what the table shows."""
        menu = QMenu(self)
        for column, spec in enumerate(COLUMNS):
            action = menu.addAction(self.model.headerData(column, Qt.Orientation.Horizontal))
            action.setCheckable(True)
            action.setChecked(not self.table.isColumnHidden(column))
            action.toggled.connect(lambda on, c=column: self.table.setColumnHidden(c, not on))
            action.setEnabled(spec.key != "title")
        return menu
