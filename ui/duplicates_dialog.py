"""Edit → Find duplicates…: the groups of probable duplicates, and merging them.

:class:`DuplicatesFlow` looks for the groups on a worker (progress dialog with Cancel),
then opens a :class:`DuplicatesDialog`: the groups on the left with their reason (same
DOI, same ISBN, same title, similar title), the chosen group's references and values on
the right (:mod:`.merge_choices`). « Merge this group » and « Merge all groups » run on
the writer thread (all groups in one transaction) and push ONE undo step each, whose
undo calls the core's ``unmerge_groups``: ids, keys and links come back exactly.

Signals of :class:`DuplicatesFlow`: ``dialog_opened(DuplicatesDialog)``,
``nothing_found()``. Signals of :class:`DuplicatesDialog`: ``merged(int)`` — that many
groups were merged.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from seminaire_app.errors import Cancelled
from seminaire_app.progress import Progress
from seminaire_app.services import duplicates, merging
from seminaire_app.services.duplicates import DuplicateGroup
from seminaire_app.services.merging import MergeResult
from seminaire_app.storage.library import Library

from .commands import FunctionCommand
from .errors import show_error
from .import_dialog import short_reference
from .merge_choices import GroupChoice, MergeChoicesWidget, reason_text
from .tasks import TaskRunner

Plan = tuple[int, list[int], dict[str, int]]  # master, others, choices


def merge_command(lib: Library, plans: Sequence[Plan],
                  results: Sequence[MergeResult]) -> QUndoCommand:
    """The undo step of merges already done (``results``): undo restores every reference
    exactly; redo merges again with the same choices."""
    done = list(results)
    groups = [(master, others) for master, others, _ in plans]
    choices: list[Mapping[str, str | int] | None] = [dict(c) for _, _, c in plans]

    def redo() -> None:
        done[:] = merging.merge_groups(lib, groups, choices)

    def undo() -> None:
        merging.unmerge_groups(lib, done)

    count = len(plans)
    text = (QCoreApplication.translate("Undo", "Merge duplicates") if count == 1
            else QCoreApplication.translate("Undo", "Merge {count} groups of duplicates").format(
                count=count))
    return FunctionCommand(text, redo, undo)


class DuplicatesDialog(QDialog):
    """The groups found; the user picks masters and values, then merges."""

    merged = Signal(int)

    def __init__(self, library: Library, runner: TaskRunner, undo_stack: QUndoStack,
                 groups: Sequence[DuplicateGroup], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library, self.runner, self.undo_stack = library, runner, undo_stack
        self.setWindowTitle(self.tr("Probable duplicates"))
        self.choices = [GroupChoice(g) for g in groups]
        self.groups = QListWidget()
        self.groups.setAccessibleName(self.tr("Groups of probable duplicates"))
        self.groups.setWordWrap(True)
        self.groups.setSpacing(3)
        self.groups.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.header = QLabel()
        self.header.setWordWrap(True)
        self.detail = MergeChoicesWidget()
        self.merge_button = QPushButton(self.tr("&Merge this group"))
        self.skip_button = QPushButton(self.tr("&Not duplicates"))
        self.skip_button.setToolTip(self.tr("Leave this group out of this review"))
        self.merge_all_button = QPushButton()
        self.empty = QLabel(self.tr("No probable duplicates left."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.hide()
        note = QLabel(self.tr("The master keeps its id and citation key; the tags, "
                              "collections, notes, files and reading lists of all the "
                              "references move to it. Each merge can be undone "
                              "(Edit → Undo)."))
        note.setWordWrap(True)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.header)
        right_layout.addWidget(self.detail, 1)
        right_layout.addWidget(self.empty, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.skip_button)
        actions.addStretch(1)
        actions.addWidget(self.merge_button)
        right_layout.addLayout(actions)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.groups)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([300, 800])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.merge_all_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        self._busy = False
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.groups.currentRowChanged.connect(self._on_groups_current_row_changed)
        self.merge_button.clicked.connect(self._on_merge_button_clicked)
        self.merge_all_button.clicked.connect(self._on_merge_all_button_clicked)
        self.skip_button.clicked.connect(self._on_skip_button_clicked)
        self._fill_groups()
        self.resize(1150, 620)

    def _fill_groups(self) -> None:
        self.groups.clear()
        for choice in self.choices:
            refs = choice.references
            item = QListWidgetItem(self.tr("{reference}\n%n references — {reason}", "",
                                           len(refs)).format(
                reference=short_reference(refs[0]), reason=reason_text(choice.group)))
            item.setToolTip(short_reference(refs[0]))
            self.groups.addItem(item)
        self.merge_all_button.setText(self.tr("Merge &all %n group(s)", "", len(self.choices)))
        has_groups = bool(self.choices)
        for widget in (self.merge_button, self.skip_button, self.merge_all_button):
            widget.setEnabled(has_groups)
        self.detail.setVisible(has_groups)
        self.header.setVisible(has_groups)
        self.empty.setVisible(not has_groups)
        if has_groups:
            self.groups.setCurrentRow(0)
        else:
            self.detail.set_choice(None)

    @Slot(int)
    def _on_groups_current_row_changed(self, row: int) -> None:
        choice = self.choices[row] if 0 <= row < len(self.choices) else None
        self.detail.set_choice(choice)
        if choice is not None:
            self.header.setText(self.tr("%n references, {reason}. Choose the master and, "
                                        "where they differ, the values to keep.", "",
                                        len(choice.references)).format(
                reason=reason_text(choice.group)))

    def current_choice(self) -> GroupChoice | None:
        row = self.groups.currentRow()
        return self.choices[row] if 0 <= row < len(self.choices) else None

    @Slot()
    def _on_skip_button_clicked(self) -> None:
        choice = self.current_choice()
        if choice is not None:
            self._drop([choice])

    @Slot()
    def _on_merge_button_clicked(self) -> None:
        choice = self.current_choice()
        if choice is not None:
            self.merge([choice])

    @Slot()
    def _on_merge_all_button_clicked(self) -> None:
        self.merge(list(self.choices))

    def merge(self, chosen: Sequence[GroupChoice]) -> None:
        """Merge the groups ``chosen`` in one transaction, then push one undo step."""
        plans: list[Plan] = [(c.master, c.others(), c.choices()) for c in chosen]

        def op(lib: Library, _progress: Progress) -> list[MergeResult]:
            return merging.merge_groups(lib, [(m, o) for m, o, _ in plans],
                                        [c for _, _, c in plans])

        self._set_busy(True)
        self.runner.run(op, lambda results: self._on_merged(chosen, plans, results),
                        self._on_merge_failed, write=True,
                        label=self.tr("Merging %n group(s)…", "", len(plans)), parent=self)

    def _on_merged(self, chosen: Sequence[GroupChoice], plans: Sequence[Plan],
                   results: list[MergeResult]) -> None:
        self._set_busy(False)
        self.undo_stack.push(merge_command(self.library, plans, results))
        self._drop(chosen)
        self.merged.emit(len(plans))

    def _on_merge_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        show_error(self, error)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (self.groups, self.detail, self.merge_button, self.skip_button,
                       self.merge_all_button, self.close_button):
            widget.setEnabled(not busy)

    def reject(self) -> None:
        if not self._busy:  # a merge is being written: its undo step comes first
            super().reject()

    def _drop(self, gone: Sequence[GroupChoice]) -> None:
        row = self.groups.currentRow()
        self.choices = [c for c in self.choices if all(c is not g for g in gone)]
        self._fill_groups()
        if self.choices:
            self.groups.setCurrentRow(min(max(row, 0), len(self.choices) - 1))


class DuplicatesFlow(QObject):
    """Look for the groups on a worker, then show them (or say there are none)."""

    dialog_opened = Signal(object)
    nothing_found = Signal()

    def __init__(self, library: Library, runner: TaskRunner, undo_stack: QUndoStack,
                 parent: QWidget) -> None:
        super().__init__(parent)
        self.library, self.runner, self.undo_stack = library, runner, undo_stack
        self._window = parent
        self.dialog: DuplicatesDialog | None = None

    @Slot()
    def start(self) -> None:
        """Every group of the library (Edit → Find duplicates…)."""
        self.review(())

    def review(self, among: Sequence[int]) -> None:
        """The groups holding one of the references ``among`` (all groups when empty):
        after an import, the groups of what it brought in."""
        wanted = set(among)

        def op(lib: Library, progress: Progress) -> list[DuplicateGroup] | None:
            try:
                groups = duplicates.find_duplicate_groups(lib, progress)
            except Cancelled:
                return None
            return [g for g in groups
                    if not wanted or any(r.id in wanted for r in g.references)]

        self.runner.run(op, self._on_found, lambda error: show_error(self._window, error),
                        label=self.tr("Looking for probable duplicates…"), parent=self._window)

    def _on_found(self, groups: list[DuplicateGroup] | None) -> None:
        if groups is None:
            return  # cancelled
        if not groups:
            self.nothing_found.emit()
            QMessageBox.information(self._window, self.tr("Probable duplicates"),
                                    self.tr("No probable duplicates in the library."))
            return
        self.dialog = DuplicatesDialog(self.library, self.runner, self.undo_stack, groups,
                                       self._window)
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.finished.connect(self._on_dialog_finished)
        self.dialog.open()
        self.dialog_opened.emit(self.dialog)

    @Slot(int)
    def _on_dialog_finished(self, _result: int) -> None:
        self.dialog = None
