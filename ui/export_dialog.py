"""File → Export…: the selection, the list shown, or the whole library as BibTeX, RIS or
CSL-JSON.

The text is made and written on a worker. It goes to a temporary file next to the
target, then replaces it in one rename: an interrupted export never leaves half a file
where a good one was. Files are written with ``newline=""``: the RIS writer emits the
CRLF line ends its format wants, and BibTeX keeps its LF on every system.

Signals of :class:`ExportDialog`: ``exported(object, int)`` — the file (Path) and how
many references it holds.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from seminaire_app.errors import Cancelled, StorageError
from seminaire_app.progress import Progress
from seminaire_app.services import imports, references
from seminaire_app.storage.library import Library

from .errors import show_error
from .tasks import TaskRunner

#: Format id, name shown, file extension, file dialog filter.
FORMATS = (
    ("bibtex", "BibTeX", ".bib", "BibTeX (*.bib)"),
    ("ris", "RIS", ".ris", "RIS (*.ris)"),
    ("csljson", "CSL-JSON", ".json", "CSL-JSON (*.json)"),
)
SELECTED, SHOWN, LIBRARY = 0, 1, 2


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8, line ends as they are) to ``path`` through a temporary file
    in the same folder and a rename; StorageError when the folder refuses."""
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        with temporary.open("x", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise StorageError(f"cannot write « {path} »: {exc.strerror or exc}") from exc


def export_to_file(lib: Library, fmt: str, ids: Sequence[int] | None, path: Path,
                   progress: Progress) -> int:
    """Write the references ``ids`` (None: the whole library) to ``path``; how many."""
    chosen = imports.select_ids(lib) if ids is None else list(ids)
    text = imports.export(lib, fmt, chosen)
    if progress.cancelled():
        raise Cancelled()
    write_atomically(path, text)
    return len(chosen)


class ExportDialog(QDialog):
    """Which references, which format, which file."""

    exported = Signal(object, int)

    def __init__(self, library: Library, runner: TaskRunner, selected: Sequence[int],
                 shown: Sequence[int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library, self.runner = library, runner
        self.selected, self.shown = list(selected), list(shown)
        self._busy = False
        self.setWindowTitle(self.tr("Export references"))
        self.format = QComboBox()
        for fmt, name, _ext, _filter in FORMATS:
            self.format.addItem(name, fmt)
        self.scope = QButtonGroup(self)
        total = references.count(library)
        scope_box = QVBoxLayout()
        for scope, text, count in (
                (SELECTED, self.tr("The selected references (%n)", "", len(self.selected)),
                 len(self.selected)),
                (SHOWN, self.tr("The references shown in the table (%n)", "", len(self.shown)),
                 len(self.shown)),
                (LIBRARY, self.tr("The whole library (%n)", "", total), total)):
            radio = QRadioButton(text)
            radio.setEnabled(count > 0)
            self.scope.addButton(radio, scope)
            scope_box.addWidget(radio)
        first = SELECTED if self.selected else SHOWN if self.shown else LIBRARY
        self.scope.button(first).setChecked(True)
        self.path = QLineEdit()
        self.path.setPlaceholderText(self.tr("Choose a file…"))
        browse = QPushButton(self.tr("&Choose…"))
        browse.clicked.connect(self._on_browse_clicked)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path, 1)
        file_row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("&Format:"), self.format)
        form.addRow(self.tr("References:"), scope_box)
        form.addRow(self.tr("&File:"), file_row)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Export"))
        self.buttons.accepted.connect(self.start_export)
        self.buttons.rejected.connect(self.reject)
        self.format.currentIndexChanged.connect(self._on_format_current_index_changed)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.resize(560, 0)

    def current_format(self) -> str:
        return str(self.format.currentData())

    def _extension(self) -> str:
        return FORMATS[self.format.currentIndex()][2]

    def chosen_ids(self) -> list[int] | None:
        """The references of the scope chosen; None for the whole library."""
        scope = self.scope.checkedId()
        return self.selected if scope == SELECTED else self.shown if scope == SHOWN else None

    def choose_file(self) -> Path | None:
        """Ask where to write (tests replace this method)."""
        _fmt, _name, ext, pattern = FORMATS[self.format.currentIndex()]
        suggested = self.path.text() or str(Path.home() / f"{self.library.folder.name}{ext}")
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export references"), suggested,
            QCoreApplication.translate("ExportDialog", "{pattern};;All files (*)").format(
                pattern=pattern))
        return Path(name) if name else None

    @Slot()
    def _on_browse_clicked(self) -> None:
        path = self.choose_file()
        if path is not None:
            self.path.setText(str(path))

    @Slot(int)
    def _on_format_current_index_changed(self, _index: int) -> None:
        text = self.path.text().strip()
        if text:  # keep the name, change the extension
            self.path.setText(str(Path(text).with_suffix(self._extension())))

    @Slot()
    def start_export(self) -> None:
        text = self.path.text().strip()
        path = Path(text).expanduser() if text else self.choose_file()
        if path is None:
            return
        self.path.setText(str(path))
        fmt, ids = self.current_format(), self.chosen_ids()

        def op(lib: Library, progress: Progress) -> int | None:
            try:
                return export_to_file(lib, fmt, ids, path, progress)
            except Cancelled:
                return None

        self._set_busy(True)
        self.runner.run(op, lambda count: self._on_exported(path, count),
                        self._on_export_failed, label=self.tr("Exporting…"), parent=self)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.buttons.setEnabled(not busy)

    def reject(self) -> None:
        if not self._busy:
            super().reject()

    def _on_exported(self, path: Path, count: int | None) -> None:
        self._set_busy(False)
        if count is None:
            return  # cancelled: nothing was written
        parent = self.parentWidget()
        window = parent.window() if parent is not None else None
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(self.tr("%n reference(s) exported to {file}", "",
                                                   count).format(file=path.name), 8000)
        self.accept()
        self.exported.emit(path, count)

    def _on_export_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        show_error(self, error)
