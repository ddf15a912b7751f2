"""A PDF shown inside the app (QtPdf): pages, a page counter, zoom to the width.

The pages and their toolbar are a :class:`~ui.pdf_pages.PdfPages`; a document that
cannot be read (damaged, encrypted, gone) shows a message in their place.

Signals of :class:`PdfPreviewDialog`: ``loaded(int)`` — the document is ready; the int
is its page count; ``failed(str)`` — it could not be shown; the text says why.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal, Slot
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from .pdf_pages import PdfPages


class PdfPreviewDialog(QDialog):
    """Shows the PDF at ``path``; ``title`` (a file name) goes in the window title."""

    loaded = Signal(int)
    failed = Signal(str)

    def __init__(self, path: Path | str, title: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self.setWindowTitle(self.tr("Preview — {name}").format(name=title or self.path.name))
        self.pdf = PdfPages(self.tr("PDF pages"))
        # The parts tests and callers reach for.
        self.view, self.document, self.page_label = (self.pdf.view, self.pdf.document,
                                                     self.pdf.page_label)
        self.previous_action, self.next_action = self.pdf.previous_action, self.pdf.next_action
        self.fit_width_action = self.pdf.fit_width_action
        self.pages, self.error_label = self.pdf.stack, self.pdf.message
        self.pdf.loaded.connect(self.loaded)
        self.pdf.failed.connect(self._on_pdf_failed)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pdf, 1)
        layout.addWidget(buttons)
        self.resize(720, 860)
        self.document.load(str(self.path))  # loaded or failed says when it is done

    # --- state ----------------------------------------------------------------------------
    def page_count(self) -> int:
        return self.pdf.page_count()

    def current_page(self) -> int:
        """The page at the top of the view, from 0."""
        return self.pdf.current_page()

    def error_text(self) -> str:
        """Why the document cannot be shown; empty when it can (or is still loading)."""
        return self.pdf.message_shown()

    def is_ready(self) -> bool:
        return self.pdf.is_ready()

    # --- navigation -----------------------------------------------------------------------
    def go_to_page(self, page: int) -> None:
        self.pdf.go_to_page(page)

    def next_page(self) -> None:
        self.pdf.next_page()

    def previous_page(self) -> None:
        self.pdf.previous_page()

    def fit_width(self) -> None:
        self.pdf.fit_width()

    def zoom_by(self, factor: float) -> None:
        self.pdf.zoom_by(factor)

    # --- document events ------------------------------------------------------------------
    @Slot()
    def _on_pdf_failed(self) -> None:
        self.pdf.show_message(self._describe(self.document.error()))
        self.failed.emit(self.error_text())

    def _describe(self, error: QPdfDocument.Error) -> str:
        errors = QPdfDocument.Error
        if error == errors.FileNotFound:
            return self.tr("The file {path} cannot be found. It may have been moved or "
                           "deleted.").format(path=self.path)
        if error in (errors.IncorrectPassword, errors.UnsupportedSecurityScheme):
            return self.tr("This PDF is protected by a password or by encryption that the "
                           "preview cannot open. Open it with your PDF reader instead.")
        if error == errors.InvalidFileFormat:
            return self.tr("This file is not a readable PDF: it may be damaged or "
                           "incomplete. Try opening it with your PDF reader.")
        return self.tr("This PDF cannot be shown. Try opening it with your PDF reader.")
