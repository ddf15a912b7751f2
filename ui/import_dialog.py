"""The import dialog: what a file holds, what importing it would do, and the options.

:func:`load_plan` (run on a worker by :mod:`.import_flow`) reads, parses and previews
the file; nothing is written. :class:`ImportDialog` lists the entries with the probable
duplicates named, the broken entries with their lines and reasons, the warnings, and
the options (tags, a collection, skip the duplicates, all or nothing). The import runs
on the writer thread behind a progress dialog with Cancel; it is not an undo step: the
core makes a backup copy of the library first.

Signals of :class:`ImportDialog`: ``imported(object)`` — the core's ImportReport.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QStyle,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from seminaire_app.domain import Creator, Reference
from seminaire_app.errors import Cancelled
from seminaire_app.progress import Progress
from seminaire_app.services import collections, imports, references
from seminaire_app.services.imports import ImportEntry, ImportPreview, ImportReport
from seminaire_app.storage.library import Library

from . import labels
from .errors import show_error
from .tasks import TaskRunner

FORMAT_NAMES = {"bibtex": "BibTeX", "ris": "RIS", "csljson": "CSL-JSON"}


def creators_text(creators: Sequence[Creator]) -> str:
    """« Martin; Durand » : the authors' family names (else any creator's), three at most."""
    people = [c for c in creators if c.role == "author"] or list(creators)
    names = [c.literal or c.family or c.display() for c in people]
    return "; ".join(names[:3]) + (" et al." if len(names) > 3 else "")


def short_reference(ref: Reference) -> str:
    """« Ostrom 1990, Governing the Commons… » : enough to recognise a reference."""
    who = creators_text(ref.creators[:1])
    head = " ".join(p for p in (who, str(ref.year or "")) if p)
    return f"{head}, {ref.title}" if head else ref.title


@dataclass(frozen=True, slots=True)
class ImportPlan:
    """What the dialog shows: the preview, the references it names, the collections."""

    preview: ImportPreview
    existing: Mapping[int, Reference]  # the library's references that entries duplicate
    collection_paths: tuple[str, ...]


def load_plan(lib: Library, path: Path, progress: Progress,
              steps: Sequence[str] = ("", "", "")) -> ImportPlan:
    """Read, parse and preview ``path`` (nothing written); ``steps`` label the stages."""
    progress.report(0, 3, steps[0])
    fmt, parsed = imports.read_file(path)
    if progress.cancelled():
        raise Cancelled()
    progress.report(1, 3, steps[1])
    preview = imports.preview_parsed(lib, parsed, fmt, path)
    if progress.cancelled():
        raise Cancelled()
    progress.report(2, 3, steps[2])
    wanted = sorted({i for e in preview.entries for i in e.duplicates_of})
    existing = {int(r.id): r for r in references.fetch(lib, wanted)}
    paths = tuple(c.path for c in collections.list_collections(lib))
    return ImportPlan(preview, existing, paths)


class ImportEntriesModel(QAbstractTableModel):
    """The good entries of a preview (optionally only the probable duplicates)."""

    def __init__(self, plan: ImportPlan, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._plan = plan
        self._entries = plan.preview.entries
        self._rows = list(range(len(self._entries)))
        self._warning_icon = QApplication.style().standardIcon(
            QStyle.StandardPixmap.SP_MessageBoxWarning)

    def set_only_duplicates(self, only: bool) -> None:
        self.beginResetModel()
        self._rows = [i for i, e in enumerate(self._entries) if e.is_duplicate or not only]
        self.endResetModel()

    def entry_at(self, row: int) -> ImportEntry:
        return self._entries[self._rows[row]]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 6

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt's name
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Line"), self.tr("Type"), self.tr("Creators"), self.tr("Title"),
                self.tr("Year"), self.tr("Probable duplicate of"))[section]

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        entry = self.entry_at(index.row())
        if role == Qt.ItemDataRole.DecorationRole and index.column() == 5:
            return self._warning_icon if entry.is_duplicate else None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        draft = entry.draft
        column = index.column()
        if column == 5:
            return self.duplicate_text(entry)
        if role == Qt.ItemDataRole.ToolTipRole:
            return draft.title if column == 3 else None
        if column == 0:
            return str(entry.line)
        if column == 1:
            return labels.item_type(draft.item_type)
        if column == 2:
            return creators_text(draft.creators)
        if column == 3:
            return draft.title
        return draft.issued[:4]

    def duplicate_text(self, entry: ImportEntry) -> str:
        """The references the entry probably repeats: in the library, then in the file."""
        names = [short_reference(self._plan.existing[i]) for i in entry.duplicates_of
                 if i in self._plan.existing]
        names += [self.tr("entry on line {line}").format(line=self._entries[i].line)
                  for i in entry.duplicates_in_file]
        return "; ".join(names)


class ImportDialog(QDialog):
    """The preview of an import, its options, and the Import button."""

    imported = Signal(object)

    def __init__(self, plan: ImportPlan, runner: TaskRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan, self.runner = plan, runner
        self._busy = False
        preview = plan.preview
        name = preview.path.name if preview.path else ""
        self.setWindowTitle(self.tr("Import “{file}”").format(file=name))
        self.summary = QLabel(self._summary_text())
        self.summary.setWordWrap(True)
        self.model = ImportEntriesModel(plan, self)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._entries_tab(), self.tr("Entries (%n)", "", len(preview.entries)))
        self.errors = self._errors_table()
        self.tabs.addTab(self.errors, self.tr("Broken entries (%n)", "", len(preview.errors)))
        self.warnings = QListWidget()
        self.warnings.addItems(list(preview.warnings))
        self.tabs.addTab(self.warnings, self.tr("Warnings (%n)", "", len(preview.warnings)))
        self.tabs.setTabEnabled(1, bool(preview.errors))
        self.tabs.setTabEnabled(2, bool(preview.warnings))
        self.tags = QLineEdit()
        self.tags.setPlaceholderText(self.tr("Separated by commas: Séminaire 2017, Tiers-lieux"))
        self.collection = QComboBox()
        self.collection.setEditable(True)
        self.collection.addItems(["", *plan.collection_paths])
        line = self.collection.lineEdit()
        if line is not None:
            line.setPlaceholderText(self.tr("None; type a new one to create it"))
        self.skip_duplicates = QCheckBox(self.tr("&Skip probable duplicates"))
        self.strict = QCheckBox(self.tr("Import &nothing if any entry is broken"))
        options = QGroupBox(self.tr("Options"))
        form = QFormLayout(options)
        form.addRow(self.tr("Add &tags:"), self.tags)
        form.addRow(self.tr("File in &collection:"), self.collection)
        form.addRow(self.skip_duplicates)
        form.addRow(self.strict)
        note = QLabel(self.tr("An import is not an undo step: Séminaire makes a backup copy "
                              "of the library first, in its “backups” folder."))
        note.setWordWrap(True)
        self.status = QLabel()
        self.status.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.start_import)
        self.buttons.rejected.connect(self.reject)
        self.skip_duplicates.toggled.connect(self._update_button)
        self.strict.toggled.connect(self._update_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(options)
        layout.addWidget(note)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self._update_button()
        self.resize(980, 640)

    def _summary_text(self) -> str:
        preview = self.plan.preview
        parts = [self.tr("{format} file. Entries to import: {count}.").format(
            format=FORMAT_NAMES.get(preview.format, preview.format), count=len(preview.entries))]
        if preview.duplicate_count:
            parts.append(self.tr("Probable duplicates: {count} (see the column “Probable "
                                 "duplicate of”).").format(count=preview.duplicate_count))
        if preview.errors:
            parts.append(self.tr("Broken entries, left out: {count} (see their lines under "
                                 "“Broken entries”).").format(count=len(preview.errors)))
        return " ".join(parts)

    def _entries_tab(self) -> QWidget:
        self.only_duplicates = QCheckBox(self.tr("Show only the probable &duplicates"))
        self.only_duplicates.setEnabled(self.plan.preview.duplicate_count > 0)
        self.only_duplicates.toggled.connect(self.model.set_only_duplicates)
        self.entries = QTableView()
        self.entries.setModel(self.model)
        self.entries.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.entries.setWordWrap(False)
        self.entries.verticalHeader().hide()
        self.entries.verticalHeader().setDefaultSectionSize(
            self.entries.fontMetrics().height() + 8)
        for column, width in enumerate((50, 110, 170, 300, 50, 280)):
            self.entries.setColumnWidth(column, width)
        self.entries.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(self.only_duplicates)
        layout.addWidget(self.entries, 1)
        return page

    def _errors_table(self) -> QTableWidget:
        errors = self.plan.preview.errors
        table = QTableWidget(len(errors), 3)
        table.setHorizontalHeaderLabels([self.tr("Line"), self.tr("Citation key"),
                                         self.tr("Reason")])
        for row, error in enumerate(errors):
            for column, text in enumerate((str(error.line), error.key, error.reason)):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                table.setItem(row, column, item)
        table.verticalHeader().hide()
        table.setColumnWidth(0, 60)
        table.setColumnWidth(1, 160)
        table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        return table

    # --- importing ------------------------------------------------------------------------
    def chosen_count(self) -> int:
        """How many references the Import button would bring in."""
        preview = self.plan.preview
        if self.strict.isChecked() and preview.errors:
            return 0
        if self.skip_duplicates.isChecked():
            return len(preview.entries) - preview.duplicate_count
        return len(preview.entries)

    @Slot()
    def _update_button(self) -> None:
        count = self.chosen_count()
        self.import_button.setText(self.tr("&Import %n reference(s)", "", count))
        self.import_button.setEnabled(count > 0)
        blocked = self.strict.isChecked() and bool(self.plan.preview.errors)
        self.status.setText(self.tr("Nothing can be imported while entries are broken and "
                                    "“Import nothing if any entry is broken” is ticked."))
        self.status.setVisible(blocked)

    def tag_names(self) -> list[str]:
        text = self.tags.text().replace(";", ",")
        return [t.strip() for t in text.split(",") if t.strip()]

    @Slot()
    def start_import(self) -> None:
        preview, tag_names = self.plan.preview, self.tag_names()
        collection = self.collection.currentText().strip() or None
        strict, skip = self.strict.isChecked(), self.skip_duplicates.isChecked()

        def op(lib: Library, progress: Progress) -> ImportReport | None:
            try:
                return imports.run_import(lib, preview, tags=tag_names, collection=collection,
                                          strict=strict, skip_duplicates=skip,
                                          progress=progress)
            except Cancelled:
                return None

        self._set_busy(True)
        self.runner.run(op, self._on_import_done, self._on_import_failed, write=True,
                        label=self.tr("Importing %n reference(s)…", "", self.chosen_count()),
                        parent=self)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for widget in (self.tabs, self.tags, self.collection, self.skip_duplicates,
                       self.strict, self.buttons):
            widget.setEnabled(not busy)

    def reject(self) -> None:
        if not self._busy:  # Escape while importing: the import goes on, the dialog stays
            super().reject()

    def _on_import_done(self, report: ImportReport | None) -> None:
        self._set_busy(False)
        if report is None:
            self._update_button()
            self.status.setText(self.tr("Import cancelled: nothing was imported."))
            self.status.show()
            return
        self.report = report
        self.accept()
        self.imported.emit(report)

    def _on_import_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        self._update_button()
        show_error(self, error)
