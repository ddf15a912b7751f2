"""The flow of « Import registrations… »: a dry run on the runner, the preview dialog
(mapping editable: each change runs a new dry run), then the real import on the
writer thread after a backup of the library. A bulk import is not an undo step.

Signals of :class:`RegistrationImport`: ``imported(object)`` — the ImportReport of the
real import; ``previewed(object)`` — a dry run's report reached the dialog.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from seminaire_app.errors import SeminaireError
from seminaire_app.progress import Progress
from seminaire_app.services import participant_import
from seminaire_app.services.participant_import import ImportReport
from seminaire_app.storage.library import Library

from ..errors import describe, show_error
from ..tasks import TaskRunner
from .import_dialog import ImportPreviewDialog, csv_header


class RegistrationImport(QObject):
    imported = Signal(object)
    previewed = Signal(object)

    def __init__(self, page: QWidget, library: Library, runner: TaskRunner) -> None:
        super().__init__(page)
        self._page, self.library, self.runner = page, library, runner
        self.dialog: ImportPreviewDialog | None = None
        self.report: ImportReport | None = None
        self._generation = 0

    def start(self, path: Path, year: int) -> None:
        """Dry-run ``path`` with the columns the core recognises, then show the preview."""

        def op(lib: Library, _progress: Progress) -> tuple[ImportReport, list[str]]:
            report = participant_import.import_csv(lib, path, year, dry_run=True)
            return report, csv_header(path, report.encoding, report.delimiter)

        self.runner.run(op, lambda result: self._open(path, year, *result),
                        lambda exc: show_error(self._page, exc), write=True,
                        label=self.tr("Reading {file}…").format(file=path.name),
                        parent=self._page)

    def _open(self, path: Path, year: int, report: ImportReport, header: list[str]) -> None:
        dialog = ImportPreviewDialog(path, year, header, report, self._page)
        dialog.mapping_changed.connect(lambda mapping: self._preview(path, year, mapping))
        dialog.accepted.connect(lambda: self._import(path, year, dialog.mapping()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.finished.connect(self._on_dialog_finished)
        self.dialog = dialog
        self.previewed.emit(report)
        dialog.open()

    def _on_dialog_finished(self, _result: int) -> None:
        self.dialog = None

    def _preview(self, path: Path, year: int, mapping: dict[str, str]) -> None:
        self._generation += 1
        generation = self._generation

        def op(lib: Library, _progress: Progress) -> ImportReport:
            return participant_import.import_csv(lib, path, year, mapping, dry_run=True)

        def done(report: ImportReport) -> None:
            if generation == self._generation and self.dialog is not None:
                self.dialog.show_report(report)
                self.previewed.emit(report)

        def failed(exc: BaseException) -> None:
            if not isinstance(exc, SeminaireError):
                show_error(self._page, exc)
            elif generation == self._generation and self.dialog is not None:
                self.dialog.show_problem(describe(exc))

        self.runner.run(op, done, failed, write=True)

    def _import(self, path: Path, year: int, mapping: dict[str, str]) -> None:
        def op(lib: Library, _progress: Progress) -> ImportReport:
            lib.backup("before-import")
            return participant_import.import_csv(lib, path, year, mapping)

        self.runner.run(op, self._on_imported, lambda exc: show_error(self._page, exc),
                        write=True, label=self.tr("Importing registrations…"),
                        parent=self._page)

    def _on_imported(self, report: ImportReport) -> None:
        self.report = report
        self.imported.emit(report)

    def summary(self) -> str:
        """One sentence about the last import, for the page."""
        report = self.report
        if report is None:
            return ""
        left_out = len(report.errors) + len(report.warnings)
        return self.tr("Last import: {created} new, {known} already known, {registered} "
                       "registered, {assigned} assigned to a workshop, {unassigned} not "
                       "assigned, {left_out} row(s) left out.").format(
            created=report.created, known=report.known, registered=report.registered,
            assigned=report.assigned, unassigned=len(report.unassigned), left_out=left_out)
