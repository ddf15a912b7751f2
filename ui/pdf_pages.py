"""The pages of a PDF with a toolbar: previous/next, the page number, zoom and fit width.

Both PDF views of the app (an attached file, :mod:`ui.pdf_preview`; a built dossier,
:mod:`ui.dossier_preview`) show their document through :class:`PdfPages`.
PageUp/PageDown move a page, Home/End go to the first/last page, Ctrl+0 fits the
width, the zoom keys zoom; the toolbar buttons show these keys in their tool tips.

``QPdfView`` renders pages asynchronously, after the document has loaded. The view and
the document are siblings, the view created first (so deleted first): a QPdfDocument
owned by its QPdfView crashes when the view is deleted (PySide6 6.11).

Signals of :class:`PdfPages`: ``loaded(int)`` — the document is ready, with that many
pages; ``failed()`` — it could not be read (``document.error()`` says why).
"""

from __future__ import annotations

from collections.abc import Callable

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


class PdfPages(QWidget):
    """A toolbar over the pages of :attr:`document`, or over a message in their place.

    ``shortcut_context``: where the page and zoom keys work (the whole window, or only
    when the keyboard is in this widget, when it shares a window with other controls).
    """

    loaded = Signal(int)
    failed = Signal()

    def __init__(self, accessible_name: str,
                 shortcut_context: Qt.ShortcutContext = Qt.ShortcutContext.WindowShortcut,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = QPdfView(self)  # before the document: see the module's docstring
        self.document = QPdfDocument(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setAccessibleName(accessible_name)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setMargin(24)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.message)
        self.page_label = QLabel()
        self.page_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.page_label.setMinimumWidth(self.page_label.fontMetrics().horizontalAdvance(
            self.tr("Page {current} / {count}").format(current=888, count=888)))
        self._make_actions(shortcut_context)
        self._lay_out()
        self.view.pageNavigator().currentPageChanged.connect(self._on_navigator_page_changed)
        self.document.statusChanged.connect(self._on_document_status_changed)
        self._update_page_label()

    def _make_actions(self, context: Qt.ShortcutContext) -> None:
        def action(text: str, icon_text: str, keys: list[QKeySequence],
                   slot: Callable[[], None], checkable: bool = False) -> QAction:
            act = QAction(text, self)
            act.setIconText(icon_text)
            act.setShortcuts(keys)
            act.setShortcutContext(context)
            act.setCheckable(checkable)
            act.triggered.connect(slot)
            self.addAction(act)
            return act

        key = QKeySequence
        self.previous_action = action(self.tr("Previous page"), "◀", [key(Qt.Key.Key_PageUp)],
                                      self.previous_page)
        self.next_action = action(self.tr("Next page"), "▶", [key(Qt.Key.Key_PageDown)],
                                  self.next_page)
        self.first_action = action(self.tr("First page"), "⏮", [key(Qt.Key.Key_Home)],
                                   lambda: self.go_to_page(0))
        self.last_action = action(self.tr("Last page"), "⏭", [key(Qt.Key.Key_End)],
                                  lambda: self.go_to_page(self.page_count() - 1))
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
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addLayout(bar)
        self._layout.addWidget(self.stack, 1)

    @staticmethod
    def _button(act: QAction) -> QToolButton:
        button = QToolButton()
        button.setDefaultAction(act)
        button.setAutoRaise(True)
        shortcut = act.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        button.setToolTip(f"{act.text()} ({shortcut})" if shortcut else act.text())
        button.setAccessibleName(act.text())
        # The keys do what the buttons do (their tool tips say which): Tab goes from the
        # pages to the next control instead of through six buttons.
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return button

    def add_banner(self, widget: QWidget) -> None:
        """Show ``widget`` between the toolbar and the pages."""
        self._layout.insertWidget(1, widget)

    # --- state ----------------------------------------------------------------------------
    def is_ready(self) -> bool:
        return self.document.status() == QPdfDocument.Status.Ready

    def page_count(self) -> int:
        return self.document.pageCount() if self.is_ready() else 0

    def current_page(self) -> int:
        """The page at the top of the view, from 0."""
        return self.view.pageNavigator().currentPage()

    def show_message(self, text: str, hint: bool = False) -> None:
        """Show ``text`` in place of the pages; greyed when it is a ``hint``."""
        self.message.setText(text)
        self.message.setEnabled(not hint)
        self.stack.setCurrentWidget(self.message)

    def message_shown(self) -> str:
        """The text shown in place of the pages; empty when the pages are shown."""
        return self.message.text() if self.stack.currentWidget() is self.message else ""

    # --- navigation -----------------------------------------------------------------------
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

    # --- events ---------------------------------------------------------------------------
    @Slot(QPdfDocument.Status)
    def _on_document_status_changed(self, status: QPdfDocument.Status) -> None:
        if status == QPdfDocument.Status.Ready:
            self.stack.setCurrentWidget(self.view)
            self._update_page_label()
            self.loaded.emit(self.document.pageCount())
        elif status == QPdfDocument.Status.Error:
            self._update_page_label()
            self.failed.emit()
        else:
            self._update_page_label()

    @Slot(int)
    def _on_navigator_page_changed(self, _page: int) -> None:
        self._update_page_label()

    def _update_page_label(self) -> None:
        count = self.page_count()
        current = self.current_page() + 1 if count else 0
        if count:
            text = self.tr("Page {current} / {count}").format(current=current, count=count)
        elif self.document.status() == QPdfDocument.Status.Error:
            text = self.tr("No pages")
        else:
            text = ""  # nothing loaded yet, or loading
        self.page_label.setText(text)
        for act in (self.previous_action, self.first_action):
            act.setEnabled(count > 0 and current > 1)
        for act in (self.next_action, self.last_action):
            act.setEnabled(count > 0 and current < count)
        for act in (self.zoom_in_action, self.zoom_out_action, self.fit_width_action):
            act.setEnabled(count > 0)
