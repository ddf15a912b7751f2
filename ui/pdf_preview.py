"""A PDF shown inside the app (QtPdf): pages, a page counter, zoom to the width.

``QPdfView`` renders pages asynchronously, after the document has loaded; a document
that cannot be read (damaged, encrypted, gone) shows a message in place of the pages.
PageUp/PageDown (and Home/End) move a page at a time.

Signals of :class:`PdfPreviewDialog`: ``loaded(int)`` — the document is ready; the int
is its page count; ``failed(str)`` — it could not be shown; the text says why.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

ZOOM_STEP = 1.25
ZOOM_RANGE = (0.25, 6.0)


def zoom_view_by(view: QPdfView, document: QPdfDocument, page: int, factor: float) -> None:
    """Zoom ``view`` by ``factor`` from the zoom shown now, within ZOOM_RANGE.

    With fit-to-width, the zoom shown is the page's width over the view's width: start
    from it, or the first step would jump back to 100 %.
    """
    zoom = view.zoomFactor()
    if view.zoomMode() != QPdfView.ZoomMode.Custom and document.pageCount():
        points = document.pagePointSize(page).width()
        pixels = points * view.logicalDpiX() / 72.0
        margins = view.documentMargins()
        width = view.viewport().width() - margins.left() - margins.right()
        zoom = width / pixels if pixels > 0 else 1.0
    view.setZoomMode(QPdfView.ZoomMode.Custom)
    view.setZoomFactor(max(ZOOM_RANGE[0], min(zoom * factor, ZOOM_RANGE[1])))


class PdfPreviewDialog(QDialog):
    """Shows the PDF at ``path``; ``title`` (a file name) goes in the window title."""

    loaded = Signal(int)
    failed = Signal(str)

    def __init__(self, path: Path | str, title: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self.setWindowTitle(self.tr("Preview — {name}").format(name=title or self.path.name))
        # Siblings, not parent and child: a QPdfDocument owned by its QPdfView crashes
        # when the view is deleted (PySide6 6.11).
        self.view = QPdfView(self)
        self.document = QPdfDocument(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setAccessibleName(self.tr("PDF pages"))
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.setMargin(24)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.view)
        self.pages.addWidget(self.error_label)
        self.page_label = QLabel()
        self.page_label.setMinimumWidth(self.page_label.fontMetrics().horizontalAdvance(
            self.tr("Page {current} / {count}").format(current=888, count=888)))
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._make_actions()
        self._lay_out()
        self.view.pageNavigator().currentPageChanged.connect(self._on_navigator_page_changed)
        self.document.statusChanged.connect(self._on_document_status_changed)
        self.resize(720, 860)
        self.document.load(str(self.path))  # statusChanged says when it is ready

    def _make_actions(self) -> None:
        def action(text: str, keys: list[QKeySequence], slot: object,
                   checkable: bool = False) -> QAction:
            act = QAction(text, self)
            act.setShortcuts(keys)
            act.setCheckable(checkable)
            act.triggered.connect(slot)
            self.addAction(act)
            return act

        key = QKeySequence
        self.previous_action = action(self.tr("Previous page"), [key(Qt.Key.Key_PageUp)],
                                      self.previous_page)
        self.next_action = action(self.tr("Next page"), [key(Qt.Key.Key_PageDown)],
                                  self.next_page)
        self.first_action = action(self.tr("First page"), [key(Qt.Key.Key_Home)],
                                   lambda: self.go_to_page(0))
        self.last_action = action(self.tr("Last page"), [key(Qt.Key.Key_End)],
                                  lambda: self.go_to_page(self.page_count() - 1))
        self.fit_width_action = action(self.tr("Fit width"), [key("Ctrl+0")],
                                       self.fit_width, checkable=True)
        self.zoom_in_action = action(self.tr("Zoom in"), [key(key.StandardKey.ZoomIn)],
                                     lambda: self.zoom_by(ZOOM_STEP))
        self.zoom_out_action = action(self.tr("Zoom out"), [key(key.StandardKey.ZoomOut)],
                                      lambda: self.zoom_by(1 / ZOOM_STEP))
        self.fit_width_action.setChecked(True)
        for act, arrow in ((self.previous_action, "◀"), (self.next_action, "▶")):
            act.setIconText(arrow)
        self.zoom_in_action.setIconText("+")
        self.zoom_out_action.setIconText("−")

    def _lay_out(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(self._button(self.previous_action))
        bar.addWidget(self.page_label)
        bar.addWidget(self._button(self.next_action))
        bar.addStretch()
        for act in (self.zoom_out_action, self.fit_width_action, self.zoom_in_action):
            bar.addWidget(self._button(act))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.pages, 1)
        layout.addWidget(buttons)

    @staticmethod
    def _button(act: QAction) -> QToolButton:
        button = QToolButton()
        button.setDefaultAction(act)
        shortcut = act.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        button.setToolTip(f"{act.text()} ({shortcut})" if shortcut else act.text())
        button.setAccessibleName(act.text())
        return button

    # --- state ----------------------------------------------------------------------------
    def page_count(self) -> int:
        return self.document.pageCount() if self.error_text() == "" else 0

    def current_page(self) -> int:
        """The page at the top of the view, from 0."""
        return self.view.pageNavigator().currentPage()

    def error_text(self) -> str:
        """Why the document cannot be shown; empty when it can (or is still loading)."""
        return self.error_label.text() if self.pages.currentWidget() is self.error_label else ""

    def is_ready(self) -> bool:
        return self.document.status() == QPdfDocument.Status.Ready

    # --- navigation -----------------------------------------------------------------------
    @Slot()
    def go_to_page(self, page: int) -> None:
        count = self.page_count()
        if count:
            page = max(0, min(page, count - 1))
            self.view.pageNavigator().jump(page, QPointF(0, 0), self.view.zoomFactor())

    @Slot()
    def next_page(self) -> None:
        self.go_to_page(self.current_page() + 1)

    @Slot()
    def previous_page(self) -> None:
        self.go_to_page(self.current_page() - 1)

    @Slot()
    def fit_width(self) -> None:
        self.fit_width_action.setChecked(True)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    def zoom_by(self, factor: float) -> None:
        self.fit_width_action.setChecked(False)
        zoom_view_by(self.view, self.document, self.current_page(), factor)

    # --- document events ------------------------------------------------------------------
    @Slot(QPdfDocument.Status)
    def _on_document_status_changed(self, status: QPdfDocument.Status) -> None:
        if status == QPdfDocument.Status.Ready:
            self.pages.setCurrentWidget(self.view)
            self._update_page_label()
            self.loaded.emit(self.document.pageCount())
        elif status == QPdfDocument.Status.Error:
            self.error_label.setText(self._describe(self.document.error()))
            self.pages.setCurrentWidget(self.error_label)
            self._update_page_label()
            self.failed.emit(self.error_label.text())

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

    @Slot(int)
    def _on_navigator_page_changed(self, _page: int) -> None:
        self._update_page_label()

    def _update_page_label(self) -> None:
        count = self.page_count()
        current = self.current_page() + 1 if count else 0
        self.page_label.setText(self.tr("Page {current} / {count}").format(
            current=current, count=count) if count else self.tr("No pages"))
        for act in (self.previous_action, self.first_action):
            act.setEnabled(count > 0 and current > 1)
        for act in (self.next_action, self.last_action):
            act.setEnabled(count > 0 and current < count)
        for act in (self.zoom_in_action, self.zoom_out_action, self.fit_width_action):
            act.setEnabled(count > 0)
