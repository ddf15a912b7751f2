"""The right-hand side of the dossier dialog: the built PDF, every page, fitted to the width.

The pages and their toolbar are a :class:`~ui.pdf_pages.PdfPages` whose keys work when
the keyboard is in it (the options share the window); before the first build a hint
takes the pages' place, and a banner says when the options changed since the build.

Signals of :class:`DossierPreview`: ``ready(int)`` — a document loaded, with that many
pages; ``failed(str)`` — it could not be read.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from .pdf_pages import PdfPages


class DossierPreview(QWidget):
    ready = Signal(int)
    failed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path: Path | None = None
        self._keep_page = 0  # the page shown before a reload, shown again after it
        self.pdf = PdfPages(self.tr("Pages of the dossier"),
                            Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.view, self.document = self.pdf.view, self.pdf.document
        self.outdated = QLabel(self.tr("The options have changed: this preview is out of "
                                       "date. Press “Preview” to update it."))
        self.outdated.setWordWrap(True)
        self.outdated.setStyleSheet("QLabel { background: #fff4ce; color: #5c4400; "
                                    "border: 1px solid #e0c060; padding: 4px 8px; }")
        self.outdated.hide()
        self.pdf.add_banner(self.outdated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pdf)
        self._show_hint()
        self.pdf.loaded.connect(self._on_pdf_loaded)
        self.pdf.failed.connect(self._on_pdf_failed)

    def _show_hint(self) -> None:
        self.pdf.show_message(self.tr(
            "Choose what to build on the left, then press “Preview” (Enter): the "
            "document appears here, page by page."), hint=True)

    # --- the document ---------------------------------------------------------------------
    def load(self, path: Path, keep_page: bool = True) -> None:
        """Show the PDF at ``path``; the file shown before is deleted (it was ours). The
        page shown stays if ``keep_page`` (the same document again, rebuilt)."""
        old, self.path = self.path, path
        self._keep_page = self.current_page() if keep_page and self.is_ready() else 0
        self.set_outdated(False)
        self.document.load(str(path))  # loaded or failed says when it is ready
        if old is not None and old != path:
            old.unlink(missing_ok=True)

    def clear(self) -> None:
        self.document.close()
        if self.path is not None:
            self.path.unlink(missing_ok=True)
        self.path = None
        self._show_hint()

    def set_outdated(self, outdated: bool) -> None:
        self.outdated.setVisible(outdated and self.path is not None)

    def is_outdated(self) -> bool:
        return not self.outdated.isHidden()

    def is_ready(self) -> bool:
        return self.document.status() == QPdfDocument.Status.Ready

    def page_count(self) -> int:
        return self.pdf.page_count()

    def current_page(self) -> int:
        return self.pdf.current_page()

    def go_to_page(self, page: int) -> None:
        self.pdf.go_to_page(page)

    # --- events ---------------------------------------------------------------------------
    @Slot(int)
    def _on_pdf_loaded(self, pages: int) -> None:
        self.pdf.go_to_page(self._keep_page)
        self.ready.emit(pages)

    @Slot()
    def _on_pdf_failed(self) -> None:
        self._show_hint()
        self.failed.emit(self.tr("The preview could not be read."))
