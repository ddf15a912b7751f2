"""The right-hand side of the dossier dialog: the built PDF, every page, fitted to the width.

``QPdfView`` renders asynchronously once the document has loaded; :attr:`ready` says
when the pages can be drawn. The document and the view are siblings (a QPdfDocument
owned by its QPdfView crashes when the view is deleted, PySide6 6.11): see
:mod:`ui.pdf_preview`.

Signals of :class:`DossierPreview`: ``ready(int)`` — a document loaded, with that many
pages; ``failed(str)`` — it could not be read.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from .pdf_preview import ZOOM_STEP, zoom_view_by


class DossierPreview(QWidget):
    ready = Signal(int)
    failed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path: Path | None = None
        self._keep_page = 0  # the page shown before a reload, shown again after it
        # Created in this order and as siblings: the view goes before the document.
        self.view = QPdfView(self)
        self.document = QPdfDocument(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setAccessibleName(self.tr("Pages of the dossier"))
        self.placeholder = QLabel(self.tr(
            "Choose what to build on the left, then press « Preview » (Enter): the "
            "document appears here, page by page."))
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setMargin(32)
        self.placeholder.setEnabled(False)  # greyed, like a hint
        self.pages = QStackedWidget()
        self.pages.addWidget(self.placeholder)
        self.pages.addWidget(self.view)
        self.page_label = QLabel()
        self.page_label.setMinimumWidth(self.page_label.fontMetrics().horizontalAdvance(
            self.tr("Page {current} / {count}").format(current=888, count=888)))
        self.outdated = QLabel(self.tr("The options have changed: this preview is out of "
                                       "date. Press « Preview » to update it."))
        self.outdated.setWordWrap(True)
        self.outdated.setStyleSheet("QLabel { background: #fff4ce; color: #5c4400; "
                                    "border: 1px solid #e0c060; padding: 4px 8px; }")
        self.outdated.hide()
        self._make_actions()
        self._lay_out()
        self.view.pageNavigator().currentPageChanged.connect(self._on_navigator_page_changed)
        self.document.statusChanged.connect(self._on_document_status_changed)
        self._update_page_label()

    def _make_actions(self) -> None:
        def action(text: str, icon_text: str, keys: list[QKeySequence], slot: object,
                   checkable: bool = False) -> QAction:
            act = QAction(text, self)
            act.setIconText(icon_text)
            act.setShortcuts(keys)
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            act.setCheckable(checkable)
            act.triggered.connect(slot)
            self.addAction(act)
            return act

        key = QKeySequence
        self.previous_action = action(self.tr("Previous page"), "◀", [key(Qt.Key.Key_PageUp)],
                                      lambda: self.go_to_page(self.current_page() - 1))
        self.next_action = action(self.tr("Next page"), "▶", [key(Qt.Key.Key_PageDown)],
                                  lambda: self.go_to_page(self.current_page() + 1))
        self.zoom_out_action = action(self.tr("Zoom out"), "−", [key(key.StandardKey.ZoomOut)],
                                      lambda: self.zoom_by(1 / ZOOM_STEP))
        self.fit_width_action = action(self.tr("Fit width"), self.tr("Width"), [key("Ctrl+0")],
                                       self.fit_width, checkable=True)
        self.zoom_in_action = action(self.tr("Zoom in"), "+", [key(key.StandardKey.ZoomIn)],
                                     lambda: self.zoom_by(ZOOM_STEP))
        self.fit_width_action.setChecked(True)

    def _lay_out(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(self._button(self.previous_action))
        bar.addWidget(self.page_label)
        bar.addWidget(self._button(self.next_action))
        bar.addStretch()
        for act in (self.zoom_out_action, self.fit_width_action, self.zoom_in_action):
            bar.addWidget(self._button(act))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.outdated)
        layout.addWidget(self.pages, 1)

    @staticmethod
    def _button(act: QAction) -> QToolButton:
        button = QToolButton()
        button.setDefaultAction(act)
        button.setAutoRaise(True)
        shortcut = act.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        button.setToolTip(f"{act.text()} ({shortcut})" if shortcut else act.text())
        button.setAccessibleName(act.text())
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes from option to button
        return button

    # --- the document ---------------------------------------------------------------------
    def load(self, path: Path) -> None:
        """Show the PDF at ``path``; the file shown before is deleted (it was ours)."""
        old, self.path = self.path, path
        self._keep_page = self.current_page() if self.is_ready() else 0
        self.set_outdated(False)
        self.document.load(str(path))  # statusChanged says when it is ready
        if old is not None and old != path:
            old.unlink(missing_ok=True)

    def clear(self) -> None:
        self.document.close()
        if self.path is not None:
            self.path.unlink(missing_ok=True)
        self.path = None
        self.pages.setCurrentWidget(self.placeholder)
        self._update_page_label()

    def set_outdated(self, outdated: bool) -> None:
        self.outdated.setVisible(outdated and self.path is not None)

    def is_outdated(self) -> bool:
        return not self.outdated.isHidden()

    def is_ready(self) -> bool:
        return self.document.status() == QPdfDocument.Status.Ready

    def page_count(self) -> int:
        return self.document.pageCount() if self.is_ready() else 0

    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage()

    # --- navigation -----------------------------------------------------------------------
    def go_to_page(self, page: int) -> None:
        count = self.page_count()
        if count:
            page = max(0, min(page, count - 1))
            self.view.pageNavigator().jump(page, QPointF(0, 0), self.view.zoomFactor())

    @Slot()
    def fit_width(self) -> None:
        self.fit_width_action.setChecked(True)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    def zoom_by(self, factor: float) -> None:
        self.fit_width_action.setChecked(False)
        zoom_view_by(self.view, self.document, self.current_page(), factor)

    # --- events ---------------------------------------------------------------------------
    @Slot(QPdfDocument.Status)
    def _on_document_status_changed(self, status: QPdfDocument.Status) -> None:
        if status == QPdfDocument.Status.Ready:
            self.pages.setCurrentWidget(self.view)
            self.go_to_page(self._keep_page)
            self._update_page_label()
            self.ready.emit(self.document.pageCount())
        elif status == QPdfDocument.Status.Error:
            self.pages.setCurrentWidget(self.placeholder)
            self._update_page_label()
            self.failed.emit(self.tr("The preview could not be read."))

    @Slot(int)
    def _on_navigator_page_changed(self, _page: int) -> None:
        self._update_page_label()

    def _update_page_label(self) -> None:
        count = self.page_count()
        current = self.current_page() + 1 if count else 0
        self.page_label.setText(self.tr("Page {current} / {count}").format(
            current=current, count=count) if count else "")
        self.previous_action.setEnabled(count > 0 and current > 1)
        self.next_action.setEnabled(count > 0 and current < count)
        for act in (self.zoom_in_action, self.zoom_out_action, self.fit_width_action):
            act.setEnabled(count > 0)

