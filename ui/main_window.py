"""The main window: lays out the sidebar and the pages, and wires menus to them.

Signals: ``open_library_requested()``, ``new_library_requested()``,
``demo_requested()``, ``preferences_requested()``, ``recent_library_requested(Path)``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeySequence,
    QUndoStack,
)
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QSplitter, QStackedWidget

from seminaire_app.domain import Changes
from seminaire_app.errors import SeminaireError
from seminaire_app.progress import Progress
from seminaire_app.services import collections, editions, tags, workshops
from seminaire_app.services.references import ReferenceFilter
from seminaire_app.storage.library import Library

from . import changes, commands
from .dossier_flow import DossierFlow, context_for
from .duplicates_dialog import DuplicatesFlow
from .errors import show_error
from .export_dialog import ExportDialog
from .file_drops import TableImportDrops, accept_import_drag, take_import_drop
from .import_flow import ImportFlow
from .reference_editor import COMMON_TYPES
from .reference_table import item_type_name
from .references_page import ReferencesPage
from .seminar.edition_page import EditionPage, new_edition
from .seminar.participants_page import ParticipantsPage
from .seminar.programme_page import ProgrammePage
from .seminar.workshop_page import WorkshopPage
from .settings import Settings
from .sidebar import Place, Sidebar, SidebarContent
from .tasks import TaskRunner

_SIDEBAR_CHANGES = (Changes.COLLECTIONS | Changes.TAGS | Changes.EDITIONS | Changes.WORKSHOPS)


def load_sidebar(lib: Library, _progress: Progress) -> SidebarContent:
    years = editions.list_editions(lib)
    return SidebarContent(collections.list_collections(lib), tags.list_tags(lib), years,
                          {e.year: workshops.list_workshops(lib, e.year) for e in years})


class MainWindow(QMainWindow):
    open_library_requested = Signal()
    new_library_requested = Signal()
    demo_requested = Signal()
    preferences_requested = Signal()
    recent_library_requested = Signal(Path)

    def __init__(self, library: Library, settings: Settings | None = None,
                 recent: list[Path] | None = None) -> None:
        super().__init__()
        self.library = library
        self.settings = settings or Settings()
        changes.install(library)
        self.undo_stack = QUndoStack(self)
        self.runner = TaskRunner(library, self)
        self.setWindowTitle(self.tr("Séminaire — {library}").format(library=library.folder.name))
        self.sidebar = Sidebar()
        self.references_page = ReferencesPage(library, self.runner, self.undo_stack,
                                              settings=self.settings)
        self.edition_page = EditionPage(library, self.runner, self.undo_stack)
        self.workshop_page = WorkshopPage(library, self.runner, self.undo_stack)
        self.participants_page = ParticipantsPage(library, self.runner, self.undo_stack)
        self.programme_page = ProgrammePage(library, self.runner, self.undo_stack)
        self.pages = QStackedWidget()
        for page in (self.references_page, self.edition_page, self.workshop_page,
                     self.participants_page, self.programme_page):
            self.pages.addWidget(page)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.sidebar)
        self.splitter.addWidget(self.pages)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([260, 1100])
        self.setCentralWidget(self.splitter)
        self.busy = QLabel()
        self.statusBar().addPermanentWidget(self.busy)
        self.duplicates_flow = DuplicatesFlow(library, self.runner, self.undo_stack, self)
        self.import_flow = ImportFlow(library, self.runner, self, self.duplicates_flow.review)
        self.dossier_flow = DossierFlow(library, self.runner, self.settings, self)
        self.setAcceptDrops(True)
        TableImportDrops(self.references_page.table, self.import_flow.start_many)
        self._build_menus(recent or [])
        self.sidebar.place_selected.connect(self._on_sidebar_place_selected)
        self.sidebar.references_dropped.connect(self._on_sidebar_references_dropped)
        self.edition_page.edition_cloned.connect(self._on_edition_page_edition_cloned)
        self.edition_page.workshop_activated.connect(
            lambda year, number: self.sidebar.select(Place("workshop", year=year,
                                                           number=number)))
        self.workshop_page.references_opened.connect(self._on_workshop_page_references_opened)
        self.runner.busy_changed.connect(self._on_runner_busy_changed)
        changes.subscribe(library, self, self._on_library_changed)
        self.resize(1360, 820)
        self._restore_layout()
        self.reload_sidebar()

    # --- menus --------------------------------------------------------------------------
    def _action(self, menu: QMenu, text: str, slot: object,
                shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None) -> QAction:
        action = menu.addAction(text)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _build_menus(self, recent: list[Path]) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self._action(file_menu, self.tr("&New library…"), self.new_library_requested.emit)
        self._action(file_menu, self.tr("&Open library…"), self.open_library_requested.emit,
                     QKeySequence.StandardKey.Open)
        recent_menu = file_menu.addMenu(self.tr("&Recent libraries"))
        for folder in recent:
            recent_menu.addAction(str(folder)).triggered.connect(
                lambda _c=False, f=folder: self.recent_library_requested.emit(f))
        recent_menu.setEnabled(bool(recent))
        self._action(file_menu, self.tr("Explore the 2017 &demo"), self.demo_requested.emit)
        file_menu.addSeparator()
        self._action(file_menu, self.tr("&Import…"), self.import_flow.choose_and_import,
                     "Ctrl+Shift+I")
        self._action(file_menu, self.tr("&Export…"), self._on_export_triggered, "Ctrl+Shift+E")
        file_menu.addSeparator()
        self._action(file_menu, self.tr("&Preferences…"), self.preferences_requested.emit,
                     QKeySequence.StandardKey.Preferences)
        self._action(file_menu, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        undo = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence.StandardKey.Redo])
        edit_menu.addAction(undo)
        edit_menu.addAction(redo)
        edit_menu.addSeparator()
        new_menu = edit_menu.addMenu(self.tr("&New reference"))
        for item_type in COMMON_TYPES:
            action = new_menu.addAction(item_type_name(item_type))
            action.triggered.connect(lambda _c=False, t=item_type: self.new_reference(t))
            if item_type == "book":
                action.setShortcut(QKeySequence.StandardKey.New)
        delete = self._action(edit_menu, self.tr("&Delete references…"),
                              self._on_delete_triggered, QKeySequence.StandardKey.Delete)
        # Only in the table: Delete in a text field must never delete references.
        delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.references_page.table.addAction(delete)
        self._action(edit_menu, self.tr("&Find"), self.references_page._on_find_activated)
        edit_menu.addSeparator()
        self._action(edit_menu, self.tr("Copy &bibliography"), self._on_copy_bibliography_triggered,
                     "Ctrl+Shift+C")
        self._action(edit_menu, self.tr("Find d&uplicates…"), self.duplicates_flow.start)
        seminar_menu = self.menuBar().addMenu(self.tr("&Seminar"))
        self._action(seminar_menu, self.tr("&New edition…"), self._on_new_edition_triggered)
        self._action(seminar_menu, self.tr("&Dossiers and printing…"),
                     self._on_dossiers_triggered,
                     QKeySequence.StandardKey.Print)
        self.undo_actions = (undo, redo)

    # --- places ---------------------------------------------------------------------------
    @Slot(object)
    def _on_sidebar_place_selected(self, place: Place) -> None:
        filters = {"all": ReferenceFilter(), "unfiled": ReferenceFilter(unfiled=True),
                   "collection": ReferenceFilter(collection=place.name),
                   "tag": ReferenceFilter(tag=place.name)}
        if place.kind in filters:
            self.pages.setCurrentWidget(self.references_page)
            self.references_page.set_base_filter(filters[place.kind])
        elif place.kind == "edition":
            self.pages.setCurrentWidget(self.edition_page)
            self.edition_page.show_edition(place.year)
        elif place.kind == "workshop":
            self.pages.setCurrentWidget(self.workshop_page)
            self.workshop_page.show_workshop(place.year, place.number)
        elif place.kind == "participants":
            self.pages.setCurrentWidget(self.participants_page)
            self.participants_page.show_edition(place.year)
        elif place.kind == "programme":
            self.pages.setCurrentWidget(self.programme_page)
            self.programme_page.show_edition(place.year)

    @Slot(object, list)
    def _on_sidebar_references_dropped(self, place: Place, ids: list[int]) -> None:
        try:
            if place.kind == "collection":
                command = commands.file_in_collection(self.library, place.name, ids)
            elif place.kind == "workshop":
                command = commands.add_reading(self.library, place.year, place.number, ids)
            else:
                return
        except SeminaireError as exc:
            show_error(self, exc)
            return
        self.undo_stack.push(command)

    def reload_sidebar(self) -> None:
        keep = self.sidebar.current_place()
        self.runner.run(load_sidebar, lambda content: self.sidebar.populate(content, keep))

    @Slot(int)
    def _on_edition_page_edition_cloned(self, year: int) -> None:
        self.runner.run(load_sidebar, lambda content: self.sidebar.populate(
            content, Place("edition", year=year)))

    def _on_library_changed(self, what: Changes) -> None:
        if what & _SIDEBAR_CHANGES:
            self.reload_sidebar()
        if what & (Changes.REFERENCES | Changes.TAGS | Changes.COLLECTIONS | Changes.READINGS
                   | Changes.ATTACHMENTS):
            self.references_page.refresh_references()

    @Slot(list)
    def _on_workshop_page_references_opened(self, ids: list[int]) -> None:
        """Show a reading list's reference in the library table."""
        if ids:
            self.sidebar.select(Place("all"))
            self.references_page.search.clear()
            self.references_page.select_reference(ids[0])

    # --- actions ----------------------------------------------------------------------------
    def new_reference(self, item_type: str) -> None:
        self.sidebar.select(Place("all"))
        self.references_page.new_reference(item_type)

    @Slot()
    def _on_delete_triggered(self) -> None:
        if self.pages.currentWidget() is self.references_page:
            self.references_page.delete_selected()

    @Slot()
    def _on_export_triggered(self) -> None:
        page = self.references_page
        dialog = ExportDialog(self.library, self.runner, page.selected_ids(), page.model_ids(),
                              self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    @Slot()
    def _on_copy_bibliography_triggered(self) -> None:
        page = self.references_page
        shown = self.pages.currentWidget() is page
        page.bibliography.copy(page.selected_ids() if shown else [])

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        if not accept_import_drag(event):
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802 - Qt's name
        if not accept_import_drag(event):
            super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        paths = take_import_drop(event)
        if paths:
            self.import_flow.start_many(paths)
        else:
            super().dropEvent(event)

    @Slot()
    def _on_new_edition_triggered(self) -> None:
        year = new_edition(self, self.library, self.undo_stack)
        if year is not None:
            self._on_edition_page_edition_cloned(year)

    @Slot()
    def _on_dossiers_triggered(self) -> None:
        """The dossier dialog, on the edition, workshop, tag… shown in the sidebar."""
        page = self.references_page
        selected = page.selected_ids() if self.pages.currentWidget() is page else []
        self.dossier_flow.open(context_for(self.sidebar.current_place(), selected))

    @Slot(bool)
    def _on_runner_busy_changed(self, busy: bool) -> None:
        self.busy.setText(self.tr("Working…") if busy else "")

    # --- layout memory --------------------------------------------------------------------
    def _restore_layout(self) -> None:
        for key, restore in (("window", self.restoreGeometry),
                             ("splitter", self.splitter.restoreState),
                             ("detail", self.references_page.splitter.restoreState),
                             ("columns",
                              self.references_page.table.horizontalHeader().restoreState)):
            state = self.settings.state(key)
            if state is not None:
                restore(state)

    def save_layout(self) -> None:
        self.settings.set_state("window", self.saveGeometry())
        self.settings.set_state("splitter", self.splitter.saveState())
        self.settings.set_state("detail", self.references_page.splitter.saveState())
        self.settings.set_state("columns",
                                self.references_page.table.horizontalHeader().saveState())

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        self.save_layout()
        self.runner.shutdown()
        super().closeEvent(event)

