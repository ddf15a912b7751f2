"""The participants of an edition: who is registered, their role and workshops; adding,
editing, unregistering (all undoable) and importing a CSV of registrations.

Signals of :class:`ParticipantsPage`: ``registrations_imported(object)`` — an import
finished (its ImportReport).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from seminaire_app.domain import Changes, Registration, Workshop
from seminaire_app.errors import NotFound
from seminaire_app.services import participants, workshops
from seminaire_app.storage.library import Library

from ..tasks import TaskRunner
from . import commands
from .common import ChangeWatcher, SeminarTable, guarded, heading, one_step
from .participant_dialog import ParticipantDialog, ParticipantValues
from .participants_model import ParticipantFilter, RegistrationsModel
from .registration_import import RegistrationImport

_WATCHED = Changes.PARTICIPANTS | Changes.WORKSHOPS | Changes.EDITIONS


class ParticipantsPage(QWidget):
    registrations_imported = Signal(object)

    def __init__(self, library: Library, runner: TaskRunner, undo_stack: QUndoStack,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library, self.runner, self.undo_stack = library, runner, undo_stack
        self.year: int | None = None
        self._exists = False
        self.dialog: ParticipantDialog | None = None
        self._workshops: list[Workshop] = []
        self.title_label = heading()
        self.model = RegistrationsModel(self)
        self.proxy = ParticipantFilter(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortLocaleAware(True)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Filter by name, organisation, e-mail…"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Filter participants"))
        self.search.textChanged.connect(self._on_search_text_changed)
        self.table = self._make_table()
        self.count = QLabel()
        self.add_button = QPushButton(self.tr("&Add participant…"))
        self.add_button.clicked.connect(self.add_participant)
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.unregister_button = QPushButton(self.tr("&Unregister…"))
        self.unregister_button.clicked.connect(self.unregister_selected)
        self.import_button = QPushButton(self.tr("&Import registrations…"))
        self.import_button.clicked.connect(self.import_registrations)
        self.importer = RegistrationImport(self, library, runner)
        self.importer.imported.connect(self._on_importer_imported)
        self.last_import = QLabel()
        self.last_import.setWordWrap(True)
        self._layout()
        self._watcher = ChangeWatcher(library, self, _WATCHED, self.refresh)
        self._update_buttons()

    def _make_table(self) -> SeminarTable:
        table = SeminarTable()
        table.setModel(self.proxy)
        table.setSortingEnabled(True)
        table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the core's order: by name
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((140, 120, 280, 240, 100)):
            header.resizeSection(column, width)
        table.activated.connect(self._on_table_activated)
        table.delete_requested.connect(self.unregister_selected)
        table.selectionModel().selectionChanged.connect(self._update_buttons)
        table.setAccessibleName(self.tr("Participants"))
        return table

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.count)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.unregister_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.last_import)

    # --- showing -----------------------------------------------------------------------------
    def show_edition(self, year: int) -> None:
        """Show the participants of the edition of ``year``."""
        if year != self.year:
            self.last_import.clear()
        self.year = year
        self.refresh()

    def refresh(self) -> None:
        if self.year is None:
            return
        try:
            rows = participants.registrations(self.library, self.year)
            self._workshops = workshops.list_workshops(self.library, self.year)
        except NotFound:
            rows, self._workshops, self._exists = [], [], False
            self.title_label.setText(self.tr("Edition {year} no longer exists.").format(
                year=self.year))
        else:
            self._exists = True
            self.title_label.setText(self.tr("Participants — edition {year}").format(
                year=self.year))
        selected = {int(r.participant.id) for r in self._selected()}
        self.model.set_registrations(rows)
        self._reselect(selected)
        self._update_buttons()

    def _selected(self) -> list[Registration]:
        rows = {self.proxy.mapToSource(i).row() for i in self.table.selectionModel().selectedRows()}
        return [self.model.registration_at(r) for r in sorted(rows)]

    def _reselect(self, ids: set[int]) -> None:
        for row in range(self.proxy.rowCount()):
            source = self.proxy.mapToSource(self.proxy.index(row, 0)).row()
            if self.model.registration_at(source).participant.id in ids:
                self.table.selectRow(row)

    @Slot(str)
    def _on_search_text_changed(self, text: str) -> None:
        self.proxy.set_text(text)
        self._update_buttons()

    @Slot()
    def _update_buttons(self) -> None:
        has_edition = self.year is not None and self._exists
        selected = len(self._selected())
        for button in (self.add_button, self.import_button):
            button.setEnabled(has_edition)
        self.edit_button.setEnabled(selected == 1)
        self.unregister_button.setEnabled(selected > 0)
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count.setText(self.tr("%n participant(s)", "", total) if shown == total
                           else self.tr("{shown} of {total}").format(shown=shown, total=total))

    # --- adding and editing ----------------------------------------------------------------
    def _assigned(self) -> dict[int, int]:
        counts: dict[int, int] = {}
        for row in range(self.model.rowCount()):
            for number in self.model.registration_at(row).workshops:
                counts[number] = counts.get(number, 0) + 1
        return counts

    @Slot()
    def add_participant(self) -> None:
        """Open the « Add participant » dialog (kept in ``dialog`` while open)."""
        if self.year is not None:
            self._open_dialog(None)

    @Slot()
    def edit_selected(self) -> None:
        selected = self._selected()
        if len(selected) == 1:
            self._open_dialog(selected[0])

    @Slot(QModelIndex)
    def _on_table_activated(self, _index: QModelIndex) -> None:
        self.edit_selected()

    def _open_dialog(self, registration: Registration | None) -> None:
        dialog = ParticipantDialog(self._workshops, self._assigned(), registration, self)
        if registration is None:
            dialog.submit = lambda values: self._submit_new(dialog, values)
        else:
            dialog.submit = lambda values: self._submit_edit(dialog, registration, values)
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()

    def _confirm_over_capacity(self, parent: QWidget, numbers: tuple[int, ...],
                               participant_id: int | None, name: str) -> bool | None:
        """None: no workshop is full; True: assign anyway; False: the user declined."""
        assert self.year is not None
        full = commands.full_workshops(self.library, self.year, numbers, participant_id)
        if not full:
            return None
        listing = "\n".join(self.tr("• Workshop {n} “{title}”: its {capacity} places are "
                                    "taken.").format(n=w.number, title=w.title,
                                                     capacity=w.capacity) for w in full)
        answer = QMessageBox.question(
            parent, self.tr("Workshop full"),
            self.tr("{name} cannot join a full workshop:\n{listing}\n\nAssign them anyway, "
                    "over capacity? Otherwise, untick the workshop or raise its capacity on "
                    "the edition page.").format(name=name, listing=listing),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _submit_new(self, dialog: QWidget, values: ParticipantValues) -> bool:
        year = self.year
        if year is None:
            return False
        name = f"{values.given} {values.family}".strip() or self.tr("This participant")
        over = self._confirm_over_capacity(dialog, values.workshops, None, name)
        if over is False:
            return False
        known = self._known_participant(values.email)

        def add() -> None:
            if known is not None:
                command = commands.register_known(self.library, year, known, values.role,
                                                  values.workshops, bool(over))
            else:
                _pid, command = commands.add_participant(
                    self.library, year, values.family, values.given, values.organisation,
                    values.email, values.role, values.workshops, bool(over))
            self.undo_stack.push(command)

        return guarded(dialog, add)

    def _known_participant(self, email: str) -> int | None:
        """Someone the library knows by this e-mail (then they are registered, not
        created again)."""
        if not email:
            return None
        folded = email.strip().casefold()
        return next((p.id for p in participants.list_participants(self.library)
                     if p.email == folded), None)

    def _submit_edit(self, dialog: QWidget, registration: Registration,
                     values: ParticipantValues) -> bool:
        year = self.year
        if year is None:
            return False
        pid = registration.participant.id
        added = tuple(n for n in values.workshops if n not in registration.workshops)
        removed = [n for n in registration.workshops if n not in values.workshops]
        over = self._confirm_over_capacity(dialog, added, pid, registration.participant
                                           .display())
        if over is False:
            return False
        before = {"family": registration.participant.family,
                  "given": registration.participant.given,
                  "organisation": registration.participant.organisation,
                  "email": registration.participant.email}
        changed = {k: v for k, v in values.identity().items() if before[k] != v}

        if not (changed or values.role != registration.role or added or removed):
            return True

        def edit() -> None:
            if changed:
                self.undo_stack.push(commands.edit_participant(
                    self.library, pid, {k: before[k] for k in changed}, changed))
            if values.role != registration.role:
                self.undo_stack.push(commands.set_role(self.library, year, pid,
                                                       registration.role, values.role))
            for number in removed:
                self.undo_stack.push(commands.unassign(self.library, year, number, pid))
            for number in added:
                self.undo_stack.push(commands.assign(self.library, year, number, pid,
                                                     bool(over)))

        return guarded(dialog, lambda: one_step(self.undo_stack, self.tr("Edit participant"),
                                                edit))

    # --- unregistering -----------------------------------------------------------------------
    @Slot()
    def unregister_selected(self) -> None:
        """Withdraw the selected registrations after confirmation (undoable)."""
        selected, year = self._selected(), self.year
        if not selected or year is None:
            return
        names = ", ".join(r.participant.display() for r in selected[:5])
        if len(selected) > 5:
            names += "…"
        answer = QMessageBox.question(
            self, self.tr("Unregister"),
            self.tr("Unregister %n participant(s) from edition {year}: {names}?\n\nThey "
                    "also leave their workshops. You can undo this.", "",
                    len(selected)).format(year=year, names=names),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return

        def unregister() -> None:
            for reg in selected:
                self.undo_stack.push(commands.unregister(self.library, year,
                                                         reg.participant.id))

        guarded(self, lambda: one_step(self.undo_stack, self.tr(
            "Unregister %n participant(s)", "", len(selected)), unregister))

    # --- importing ---------------------------------------------------------------------------
    @Slot()
    def import_registrations(self) -> None:
        """Ask for a CSV file, then preview and import it."""
        if self.year is None:
            return
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Import registrations"), str(Path.home()),
            self.tr("CSV files (*.csv *.txt);;All files (*)"))
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        """Dry-run ``path``, show the preview (``importer.dialog``), import on OK."""
        if self.year is not None:
            self.importer.start(path, self.year)

    @Slot(object)
    def _on_importer_imported(self, report: object) -> None:
        self.last_import.setText(self.importer.summary())
        self.registrations_imported.emit(report)
