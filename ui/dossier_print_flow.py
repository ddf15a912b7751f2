"""« Print… » in the dossier dialog: Qt's print dialog on a fresh preview, then its
pages drawn on the printer on a worker (:func:`ui.dossier_printing.print_pdf`), with
progress and Cancel. « Print to file » proposes the file « Save as PDF… » would (a PDF
of printed pages: images of them), and a file that cannot be written is named.

:class:`DossierPrintFlow` is the base class of :class:`~ui.dossier_dialog.DossierDialog`
that prints: it uses the dialog's preview, task runner, busy state and status line.

Signals of :class:`DossierPrintFlow`: ``printed(int)`` — pages sent to the printer, 0
when cancelled.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QLineEdit, QMessageBox

from seminaire_app.dossiers import PageSize
from seminaire_app.errors import Cancelled
from seminaire_app.progress import Progress
from seminaire_app.storage.library import Library

from .dossier_printing import PrinterError, print_pdf

if TYPE_CHECKING:
    from collections.abc import Callable

    from .dossier_options import DossierOptions
    from .dossier_preview import DossierPreview
    from .tasks import Task, TaskRunner


class PrintMessages(QObject):
    """Plural messages of the print flow, in a class nobody subclasses: PySide's plural
    ``self.tr()`` looks the message up under the instance's own class only, so from
    :class:`DossierPrintFlow` it would search « DossierDialog » and stay English (and
    lupdate reads no plural from ``QCoreApplication.translate`` with a variable count)."""

    def pages_sent(self, pages: int) -> str:
        return self.tr("%n page(s) sent to the printer.", "", pages)


def propose_file(dialog: QPrintDialog, path: Path) -> None:
    """« Print to file » in Qt's own print dialog (Linux) proposes ``path``. A system
    printer cannot carry the file name: Qt would write the file instead of printing it
    (or preselect « Print to file »). The native dialogs (Windows, macOS) have no such
    field."""
    field = dialog.findChild(QLineEdit, "filename")  # the field's name in Qt's form
    if field is not None:
        field.setText(str(path))


class DossierPrintFlow(QDialog):
    """Printing, for a subclass that provides the attributes and methods below."""

    printed = Signal(int)

    options: DossierOptions
    preview: DossierPreview
    runner: TaskRunner
    task: Task[Any] | None
    _close_when_done: bool
    busy: Callable[[], bool]
    _set_busy: Callable[[bool], None]
    _say: Callable[..., None]
    _when_previewed: Callable[[Callable[[], None]], None]
    _on_build_failed: Callable[[BaseException], None]
    suggested_file: Callable[[], Path]

    @Slot()
    def _on_print_button_clicked(self) -> None:
        if not self.busy() and not self.options.missing():
            self._when_previewed(self._ask_and_print)

    def make_printer(self) -> QPrinter:
        """The system's default printer; without one, Qt's printer writes a PDF: then
        the document's suggested file (:meth:`suggested_file`), never nowhere."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.options.describe())
        size = self.options.request().page_size
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter if size is PageSize.LETTER
                                      else QPageSize.PageSizeId.A4))
        if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat:
            printer.setOutputFileName(str(self.printed_file()))
        return printer

    def printed_file(self) -> Path:
        """Where « Print to file » writes: beside « Save as PDF… »'s file, never over it
        (a printed copy is pictures of the pages, without links or bookmarks)."""
        saved = self.suggested_file()
        return saved.with_name(self.tr("{name} (printed)").format(name=saved.stem)
                               + saved.suffix)

    def _ask_and_print(self) -> None:
        printer = self.make_printer()
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print “{name}”").format(
            name=self.options.describe()))
        dialog.setMinMax(1, max(1, self.preview.page_count()))
        propose_file(dialog, Path(printer.outputFileName() or self.printed_file()))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._start_printing(printer)

    def print_to(self, printer: QPrinter) -> None:
        """Print the preview's pages on ``printer`` (built first if it is not fresh)."""
        self._when_previewed(lambda: self._start_printing(printer))

    def _start_printing(self, printer: QPrinter) -> None:
        path = self.preview.path
        if path is None or self.busy():
            return
        label = self.tr("Page {done} of {total}")

        def op(_lib: Library, progress: Progress) -> int:
            try:
                return print_pdf(path, printer, progress, label)
            except Cancelled:
                return 0

        self._set_busy(True)
        self._say(self.tr("Printing…"))
        self.task = self.runner.run(op, self._on_printed, self._on_print_failed,
                                    label=self.tr("Printing…"),
                                    parent=self)

    def _on_printed(self, pages: int) -> None:
        self.task = None
        self._set_busy(False)
        self._say(PrintMessages().pages_sent(pages) if pages
                  else self.tr("Printing cancelled."))
        self.printed.emit(pages)
        if self._close_when_done:
            self._close_when_done = False
            self.reject()

    def _on_print_failed(self, error: BaseException) -> None:
        if not isinstance(error, PrinterError):
            self._on_build_failed(error)
            return
        self.task = None
        self._set_busy(False)
        if error.unreadable:  # the preview's file, gone from the temporary folder
            message = self.tr("The document to print could not be read. Press “Preview” "
                              "to build it again, then print.")
            self.preview.clear()
        elif error.output_file:  # « Print to file », or no printer on the system
            message = self.tr("The file “{file}” could not be written. Check that its "
                              "folder exists and that you may write to it.").format(
                file=error.output_file)
        else:
            message = self.tr("The printer could not be opened. Check that "
                              "it is connected and try again.")
        self._say(message, warning=True)
        QMessageBox.warning(self, self.tr("Print"), message)
        self.printed.emit(0)
