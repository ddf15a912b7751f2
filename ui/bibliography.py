"""Formatted bibliographies in the app: the detail pane's preview and Copy bibliography.

Formatting a handful of references takes milliseconds, so up to :data:`SYNC_LIMIT` of
them are formatted on the GUI thread; more go to the task runner (1,000 references take
3 s in ISO 690 and 12 s in APA), and a preview whose answer comes after the selection
changed again is dropped. The preview formats at most :data:`PREVIEW_LIMIT` references;
the copy formats them all, behind a progress dialog.

The clipboard receives both HTML (word processors keep italics and links) and plain
text, one entry per line.

Signals of :class:`BibliographyPanel`: ``copied(int)`` — a bibliography of that many
entries is on the clipboard.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QMimeData, QObject, Signal, Slot
from PySide6.QtGui import QGuiApplication, QShowEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from seminaire_app import citations
from seminaire_app.citations.markup import runs_html, runs_text
from seminaire_app.domain import Changes
from seminaire_app.errors import Cancelled
from seminaire_app.progress import Progress
from seminaire_app.services import references
from seminaire_app.storage.library import Library

from . import changes
from .errors import show_error
from .settings import Settings
from .tasks import Task, TaskRunner

#: Up to this many references are formatted on the GUI thread (a few ms each).
SYNC_LIMIT = 20
#: The preview formats at most this many of the selected references (about 0.3 s in
#: ISO 690, 1.2 s in APA); Copy bibliography formats them all.
PREVIEW_LIMIT = 100

STYLE_NAMES = {
    "iso690-author-date-fr": QT_TRANSLATE_NOOP("CitationStyle", "ISO 690 author-date"),
    "iso690-author-date-fr-no-abstract": QT_TRANSLATE_NOOP(
        "CitationStyle", "ISO 690 author-date, without abstracts"),
    "iso690-numeric-fr": QT_TRANSLATE_NOOP("CitationStyle", "ISO 690 numeric"),
    "apa": QT_TRANSLATE_NOOP("CitationStyle", "APA 7th edition"),
    "chicago-author-date": QT_TRANSLATE_NOOP("CitationStyle", "Chicago author-date"),
}
LOCALE_NAMES = {
    "fr-FR": QT_TRANSLATE_NOOP("CitationStyle", "French (fr-FR)"),
    "en-US": QT_TRANSLATE_NOOP("CitationStyle", "English (en-US)"),
}


def style_name(style: str) -> str:
    source = STYLE_NAMES.get(style)
    return QCoreApplication.translate("CitationStyle", str(source)) if source \
        else citations.STYLES.get(style, style)


def locale_name(locale: str) -> str:
    source = LOCALE_NAMES.get(locale)
    return QCoreApplication.translate("CitationStyle", str(source)) if source else locale


@dataclass(frozen=True, slots=True)
class Bibliography:
    """Formatted entries, in the style's order, as HTML fragments and as plain text."""

    html: tuple[str, ...]
    text: tuple[str, ...]
    style: str
    locale: str

    def html_document(self) -> str:
        """The entries as one HTML document, with hanging indents (as Zotero copies)."""
        body = "\n".join(f'<div class="csl-entry" style="margin-left: 2em; '
                         f'text-indent: -2em; margin-bottom: 0.5em">{entry}</div>'
                         for entry in self.html)
        return (f'<html><head><meta charset="utf-8"></head><body>'
                f'<div class="csl-bib-body">\n{body}\n</div></body></html>')

    def preview_document(self) -> str:
        """The entries for the preview (QTextDocument ignores negative indents)."""
        return "".join(f'<p style="margin-bottom: 8px">{entry}</p>' for entry in self.html)

    def plain_text(self) -> str:
        return "\n".join(self.text)

    def mime_data(self) -> QMimeData:
        """Both forms, for QClipboard.setMimeData (which takes ownership)."""
        mime = _qt_made_mime_data()
        mime.setHtml(self.html_document())
        mime.setText(self.plain_text())
        return mime


def _qt_made_mime_data() -> QMimeData:
    """An empty QMimeData constructed by Qt, not by Python.

    The clipboard keeps its data until the process ends and deletes it from a static
    destructor, after Python has shut down. A QMimeData constructed in Python is a
    shiboken subclass whose destructor then calls into the finalised interpreter: a
    segmentation fault at every exit after a copy (PySide6 6.11.3, offscreen, seen in
    gdb). One made by Qt has no such destructor; an item model's mimeData() is the
    public factory at hand.
    """
    model = QStandardItemModel()
    model.appendRow(QStandardItem())
    mime = model.mimeData([model.index(0, 0)])
    for fmt in mime.formats():
        mime.removeFormat(fmt)
    return mime


def format_ids(lib: Library, ids: Sequence[int], style: str, locale: str,
               progress: Progress) -> Bibliography:
    """The bibliography of the references ``ids`` (unknown ids are left out)."""
    refs = references.fetch(lib, ids)
    if progress.cancelled():
        raise Cancelled()
    progress.report(0, 0, "")
    entries = citations.rich_entries(refs, style, locale)
    return Bibliography(tuple(runs_html(e) for e in entries),
                        tuple(runs_text(e) for e in entries), style, locale)


class _Sync:
    """The Progress of a formatting done on the GUI thread: never cancelled."""

    def report(self, done: int, total: int, label: str = "") -> None:
        pass

    def cancelled(self) -> bool:
        return False


class BibliographyFormatter(QObject):
    """Formats on the GUI thread when it is quick, on the runner otherwise.

    citeproc-py serialises the use of a style, so while one of our formattings runs on a
    worker, the next ones go to the runner too: the GUI thread never waits on that lock.
    """

    def __init__(self, library: Library, runner: TaskRunner,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library, self.runner = library, runner
        self._running = 0

    @property
    def busy(self) -> bool:
        return self._running > 0

    def format(self, ids: Sequence[int], style: str, locale: str,
               on_done: Callable[[Bibliography], None], *, label: str = "",
               parent: QWidget | None = None) -> Task[Bibliography | None] | None:
        """Call ``on_done`` with the bibliography of ``ids``: now, or later from a task
        (returned, so that the caller can cancel it: ``on_done`` is then not called)."""
        ids = list(ids)
        if len(ids) <= SYNC_LIMIT and not self._running:
            on_done(format_ids(self.library, ids, style, locale, _Sync()))
            return None

        def op(lib: Library, progress: Progress) -> Bibliography | None:
            try:
                return format_ids(lib, ids, style, locale, progress)
            except Cancelled:
                return None

        def finished(result: Bibliography | None) -> None:
            self._running -= 1
            if result is not None:
                on_done(result)

        def failed(error: BaseException) -> None:
            self._running -= 1
            show_error(parent, error)

        self._running += 1
        return self.runner.run(op, finished, failed, label=label, parent=parent)


class BibliographyPanel(QWidget):
    """The « Bibliography » tab: the selected references in the chosen style."""

    copied = Signal(int)

    def __init__(self, library: Library, runner: TaskRunner, settings: Settings,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library, self.settings = library, settings
        self.formatter = BibliographyFormatter(library, runner, self)
        self._ids: list[int] = []
        self._dirty = False
        self._generation = 0
        self._task: Task[Bibliography | None] | None = None
        self.style_combo = QComboBox()
        # Style names are long; the combo must not widen the whole detail pane.
        self.style_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.style_combo.setMinimumContentsLength(14)
        self.style_combo.setAccessibleName(self.tr("Citation style"))
        for style in citations.STYLES:
            self.style_combo.addItem(style_name(style), style)
        self.locale_combo = QComboBox()
        self.locale_combo.setAccessibleName(self.tr("Language of the bibliography"))
        for locale in citations.LOCALES:
            self.locale_combo.addItem(locale_name(locale), locale)
        for combo, value in ((self.style_combo, settings.citation_style()),
                             (self.locale_combo, settings.citation_locale())):
            combo.setCurrentIndex(max(0, combo.findData(value)))  # unknown: the default
        self.copy_button = QPushButton(self.tr("&Copy"))
        self.copy_button.setEnabled(False)  # until references are selected
        self.copy_button.setToolTip(self.tr("Copy the bibliography of the selected references "
                                            "(Ctrl+Shift+C)"))
        self.view = QTextBrowser()
        self.view.setOpenExternalLinks(True)
        self.view.setPlaceholderText(self.tr("Select one or more references to see their "
                                             "bibliography here."))
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.hide()
        top = QHBoxLayout()
        top.addWidget(self.style_combo, 2)
        top.addWidget(self.locale_combo, 1)
        top.addWidget(self.copy_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.note)
        layout.addWidget(self.view, 1)
        self.style_combo.currentIndexChanged.connect(self._on_style_current_index_changed)
        self.locale_combo.currentIndexChanged.connect(self._on_locale_current_index_changed)
        self.copy_button.clicked.connect(self._on_copy_button_clicked)
        changes.subscribe(library, self, self._on_library_changed)

    # --- what is shown ------------------------------------------------------------------
    def current_style(self) -> str:
        return str(self.style_combo.currentData())

    def current_locale(self) -> str:
        return str(self.locale_combo.currentData())

    def set_ids(self, ids: Sequence[int]) -> None:
        """The selected references; formatted now if the tab is visible, else when shown."""
        if list(ids) == self._ids:
            return  # every search keystroke with nothing selected comes here
        self._ids = list(ids)
        self.copy_button.setEnabled(bool(self._ids))
        self._invalidate()

    def _invalidate(self) -> None:
        self._dirty = True
        self._generation += 1  # an answer on its way is now stale
        if self._task is not None:
            self._task.cancel()
            self._task = None
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._dirty:
            self.refresh()

    def refresh(self) -> None:
        self._dirty = False
        ids = self._ids[:PREVIEW_LIMIT]
        if len(self._ids) > PREVIEW_LIMIT:
            self.note.setText(self.tr(
                "The preview shows {shown} of the {count} selected references; Copy "
                "formats them all.").format(shown=PREVIEW_LIMIT, count=len(self._ids)))
        self.note.setVisible(len(self._ids) > PREVIEW_LIMIT)
        if not ids:
            self.view.clear()
            return
        generation = self._generation
        self._task = self.formatter.format(
            ids, self.current_style(), self.current_locale(),
            lambda bib: self._on_formatted(generation, bib))
        if self._task is not None:
            self._show_message(self.tr("Formatting %n reference(s)…", "", len(ids)))

    def _on_formatted(self, generation: int, bib: Bibliography) -> None:
        if generation != self._generation:
            return  # the selection or the style changed meanwhile
        self._task = None
        if bib.html:
            self.view.setHtml(bib.preview_document())
        else:
            self._show_message(self.tr("This style leaves these references out of "
                                       "bibliographies."))

    def _show_message(self, message: str) -> None:
        self.view.setHtml(f"<p><i>{html.escape(message)}</i></p>")

    def preview_text(self) -> str:
        return self.view.toPlainText()

    @Slot(int)
    def _on_style_current_index_changed(self, _index: int) -> None:
        self.settings.set_citation_style(self.current_style())
        self._invalidate()

    @Slot(int)
    def _on_locale_current_index_changed(self, _index: int) -> None:
        self.settings.set_citation_locale(self.current_locale())
        self._invalidate()

    def _on_library_changed(self, what: Changes) -> None:
        if what & Changes.REFERENCES and self._ids:
            self._invalidate()

    # --- copying ------------------------------------------------------------------------
    @Slot()
    def _on_copy_button_clicked(self) -> None:
        self.copy(self._ids)

    def copy(self, ids: Sequence[int]) -> None:
        """Put the bibliography of ``ids`` on the clipboard, as HTML and as plain text."""
        if not ids:
            self._tell(self.tr("Select the references to copy first."))
            return
        self.formatter.format(
            ids, self.current_style(), self.current_locale(), self._on_copy_formatted,
            label=self.tr("Formatting %n reference(s)…", "", len(ids)), parent=self.window())

    def _on_copy_formatted(self, bib: Bibliography) -> None:
        QGuiApplication.clipboard().setMimeData(bib.mime_data())
        self._tell(self.tr("Bibliography of %n reference(s) copied in {style}.", "",
                           len(bib.text)).format(style=style_name(bib.style)))
        self.copied.emit(len(bib.text))

    def _tell(self, message: str) -> None:
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(message, 5000)
