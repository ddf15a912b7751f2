"""File → Import… and files dropped on the window: preview, dialog, summary.

:class:`ImportFlow` previews the file on a worker (progress dialog with Cancel), opens
the :class:`~.import_dialog.ImportDialog`, and after the import tells what it did, with
« Review duplicates… » when imported entries look like references already there.
Several files dropped at once are imported one after the other.

Signals of :class:`ImportFlow`: ``dialog_opened(ImportDialog)``, ``finished(object)``
(the core's ImportReport).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from seminaire_app.services.imports import ImportReport
from seminaire_app.storage.library import Library

from .errors import show_error
from .import_dialog import ImportDialog, ImportPlan, load_plan
from .tasks import TaskRunner


def choose_import_file(parent: QWidget | None) -> Path | None:
    """Ask for the file to import (tests replace this function)."""
    name, _filter = QFileDialog.getOpenFileName(
        parent, QCoreApplication.translate("ImportDialog", "Import a bibliography"), "",
        QCoreApplication.translate("ImportDialog", "Bibliographies (*.bib *.bibtex *.ris "
                                   "*.json *.txt);;All files (*)"))
    return Path(name) if name else None



def summary_text(report: ImportReport) -> str:
    parts = [QCoreApplication.translate("ImportDialog", "References imported: {count}.")
             .format(count=len(report.imported))]
    if report.skipped_duplicates:
        parts.append(QCoreApplication.translate(
            "ImportDialog", "Probable duplicates left out: {count}.").format(
            count=report.skipped_duplicates))
    elif report.probable_duplicates:
        parts.append(QCoreApplication.translate(
            "ImportDialog", "Imported but probably duplicates: {count}.").format(
            count=report.probable_duplicates))
    if report.errors:
        parts.append(QCoreApplication.translate(
            "ImportDialog", "Broken entries left out: {count} (lines {lines}).").format(
            count=len(report.errors), lines=", ".join(str(e.line) for e in report.errors[:20])
            + ("…" if len(report.errors) > 20 else "")))
    if report.attached_files:
        parts.append(QCoreApplication.translate(
            "ImportDialog", "Files attached: {count}.").format(count=report.attached_files))
    if report.renamed_keys:
        parts.append(QCoreApplication.translate(
            "ImportDialog", "Citation keys already taken, given a letter: {count}.").format(
            count=len(report.renamed_keys)))
    return "\n".join(parts)


class ImportFlow(QObject):
    """File → Import… and file drops: preview on a worker, the dialog, then a summary."""

    dialog_opened = Signal(object)
    finished = Signal(object)

    def __init__(self, library: Library, runner: TaskRunner, parent: QWidget,
                 review_duplicates: Callable[[Sequence[int]], None]) -> None:
        super().__init__(parent)
        self.library, self.runner, self._window = library, runner, parent
        self._review_duplicates = review_duplicates
        self.dialog: ImportDialog | None = None
        self._queue: list[Path] = []

    def start_many(self, paths: Sequence[Path]) -> None:
        """Import files one after the other (several files dropped at once)."""
        if not paths:
            return
        self._queue.extend(paths[1:])
        self.start(paths[0])

    def _start_next(self) -> None:
        if self._queue:
            self.start(self._queue.pop(0))

    @Slot()
    def choose_and_import(self) -> None:
        path = choose_import_file(self._window)
        if path is not None:
            self.start(path)

    def start(self, path: Path) -> None:
        """Preview ``path`` on a worker, then show the import dialog."""
        steps = (self.tr("Reading the file…"), self.tr("Looking for probable duplicates…"),
                 self.tr("Preparing the preview…"))
        self.runner.run(lambda lib, progress: load_plan(lib, path, progress, steps),
                        self._on_plan_loaded, self._on_plan_failed,
                        label=self.tr("Reading “{file}”…").format(file=path.name),
                        parent=self._window)

    def _on_plan_failed(self, error: BaseException) -> None:
        show_error(self._window, error)
        self._start_next()

    def _on_plan_loaded(self, plan: ImportPlan) -> None:
        self.dialog = ImportDialog(plan, self.runner, self._window)
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.imported.connect(self._on_dialog_imported)
        self.dialog.rejected.connect(self._on_dialog_rejected)
        self.dialog.open()
        self.dialog_opened.emit(self.dialog)

    @Slot()
    def _on_dialog_rejected(self) -> None:
        self.dialog = None
        self._start_next()

    @Slot(object)
    def _on_dialog_imported(self, report: ImportReport) -> None:
        self.dialog = None
        review = self.show_summary(report)
        self.finished.emit(report)
        if review:
            self._queue.clear()  # the duplicates first; the other files can be dropped again
            self._review_duplicates(report.imported)
        else:
            self._start_next()

    def show_summary(self, report: ImportReport) -> bool:
        """Tell what the import did; True when the user asked to review the duplicates."""
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Import finished"),
                          summary_text(report), QMessageBox.StandardButton.Ok, self._window)
        if report.backup is not None:
            box.setInformativeText(self.tr("A backup copy of the library was made first: "
                                           "{path}").format(path=report.backup))
        review = None
        if report.probable_duplicates > report.skipped_duplicates:
            review = box.addButton(self.tr("&Review duplicates…"),
                                   QMessageBox.ButtonRole.ActionRole)
        box.exec()
        return review is not None and box.clickedButton() is review
