"""Printing a built dossier, and telling which attached files it could not append.

:func:`print_pdf` draws the pages of a PDF file on a QPrinter. Drawing a page at print
resolution costs about 0.3 s (rendering it takes 40 ms; Qt's print engine compressing
the image takes the rest), so it runs on a worker of the task runner, with progress and
Cancel, and opens its own QPdfDocument there: QtPdf serialises its calls into PDFium,
and Qt paints on a QPrinter from any thread. Pages become opaque images at the
printer's resolution, capped at :data:`PRINT_DPI`, laid on the whole sheet: the
dossier's own margins are kept. Tests give it a QPrinter that writes a PDF.
"""

from __future__ import annotations

import logging
from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, QRectF, QSize
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

from seminaire_app.dossiers.model import AttachmentProblem, ProblemKind
from seminaire_app.errors import Cancelled
from seminaire_app.progress import NULL_PROGRESS, Progress

log = logging.getLogger(__name__)

#: Pages are drawn at most at this resolution: sharp text on paper, and an A4 page
#: stays near 35 MB of pixels while it is drawn.
PRINT_DPI = 300


class PrinterError(Exception):
    """The printer could not be opened (or the PDF to print could not be read).

    ``output_file``: the file a printer to file (« Print to file ») could not write, ""
    for a printer on paper; ``unreadable``: the PDF to print could not be read."""

    def __init__(self, message: str, output_file: str = "", unreadable: bool = False) -> None:
        super().__init__(message)
        self.output_file = output_file
        self.unreadable = unreadable  # the PDF to print, not the printer


def pages_to_print(printer: QPrinter, count: int) -> list[int]:
    """The pages (from 0) the printer was asked for: a range chosen in the print dialog,
    or all of them."""
    if count <= 0:
        return []
    first, last = 0, count - 1
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first = max(0, printer.fromPage() - 1)
        last = min(count - 1, (printer.toPage() or count) - 1)
    pages = list(range(first, last + 1))
    return pages[::-1] if printer.pageOrder() == QPrinter.PageOrder.LastPageFirst else pages


def print_pdf(path: Path, printer: QPrinter, progress: Progress = NULL_PROGRESS,
              label: str = "{done} / {total}") -> int:
    """Print the PDF at ``path`` on ``printer``; the number of pages sent. Any thread.

    ``label`` (``{done}``, ``{total}``) says which page is being drawn. Cancelled between
    two pages (the job is aborted); PrinterError when the printer cannot be opened.
    """
    document = QPdfDocument()  # this thread's own, deleted here
    try:
        if document.load(str(path)) != QPdfDocument.Error.None_:
            raise PrinterError(f"cannot read {path}", unreadable=True)
        pages = pages_to_print(printer, document.pageCount())
        if not pages:
            return 0
        printer.setFullPage(True)  # the PDF's page is the sheet, margins included
        painter = QPainter()
        if not painter.begin(printer):
            raise PrinterError("the printer cannot be opened", printer.outputFileName())
        try:
            for done, page in enumerate(pages):
                if progress.cancelled():
                    printer.abort()
                    raise Cancelled()
                progress.report(done, len(pages), label.format(done=done + 1,
                                                               total=len(pages)))
                if done:
                    printer.newPage()
                _draw(document, page, printer, painter)
        finally:
            painter.end()
        log.info("printed %d page(s) of %s", len(pages), path.name)
        return len(pages)
    finally:
        document.close()
        shiboken6.delete(document)


def _draw(document: QPdfDocument, page: int, printer: QPrinter, painter: QPainter) -> None:
    points = document.pagePointSize(page)
    sheet = printer.paperRect(QPrinter.Unit.DevicePixel)
    if points.width() <= 0 or points.height() <= 0 or sheet.width() <= 0:
        return
    dpi = min(printer.resolution(), PRINT_DPI)
    image = document.render(page, QSize(round(points.width() * dpi / 72),
                                        round(points.height() * dpi / 72)))
    # Opaque: Qt's print engine then writes no transparency mask (half the size and time).
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    scale = min(sheet.width() / points.width(), sheet.height() / points.height())
    width, height = points.width() * scale, points.height() * scale
    painter.drawImage(QRectF((sheet.width() - width) / 2, (sheet.height() - height) / 2,
                             width, height), image)


# --- attachment problems -------------------------------------------------------------------
def problem_text(problem: AttachmentProblem) -> str:
    """One line for the user: which file, attached to what, and what happened to it."""
    translate = QCoreApplication.translate
    reasons = {
        ProblemKind.MISSING: translate(
            "DossierProblems", "the file cannot be found (moved or deleted?): it is listed "
            "in the dossier, not added"),
        ProblemKind.ENCRYPTED: translate(
            "DossierProblems", "the PDF is protected by a password: it is listed in the "
            "dossier, not added"),
        ProblemKind.CORRUPT: translate(
            "DossierProblems", "the file is damaged or is not a readable PDF: it is listed "
            "in the dossier, not added"),
        ProblemKind.NOT_PDF: translate("DossierProblems",
                                       "not a PDF: it is listed in the dossier"),
    }
    reason = reasons.get(problem.kind, problem.kind.value)
    if problem.owner_label:
        return translate("DossierProblems", "“{file}” ({owner}): {reason}.").format(
            file=problem.filename, owner=problem.owner_label, reason=reason)
    return translate("DossierProblems", "“{file}”: {reason}.").format(
        file=problem.filename, reason=reason)


def is_failure(problem: AttachmentProblem) -> bool:
    """A file that should have been appended and was not (non-PDF files are only listed,
    by design)."""
    return problem.kind is not ProblemKind.NOT_PDF
