"""The page machinery of every flowing dossier: page templates, running header, footer,
contents and outline, in a single layout pass.

ReportLab's ``multiBuild`` repeats the whole layout until its table of contents stops
changing: twice at least. Here the page numbers that only the layout can tell are
written when the PDF is saved (see :mod:`.contents`), so one pass makes a dossier.

Headings that go into the contents and the outline are :class:`Heading` paragraphs;
PDFs appended after the layout are listed at the end of the contents, with the pages
they will start on (:class:`AppendedEntry`).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, BinaryIO

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageBreak,
    PageTemplate,
    Paragraph,
    Table,
)

from ..errors import Cancelled
from ..progress import NULL_PROGRESS, Progress
from . import fonts
from .contents import (
    TOTAL_FORM,
    ContentsEntry,
    ContentsTable,
    DeferredNumbersCanvas,
    NumberForm,
    appendix_form,
)
from .model import PageSize
from .styles import MUTED, RULE, DossierStyles
from .typography import clean, markup, spaced

PAGE_SIZES = {PageSize.A4: A4, PageSize.LETTER: LETTER}
MARGIN_SIDE = 22 * mm
MARGIN_TOP = 24 * mm
MARGIN_BOTTOM = 22 * mm
COVER_TEMPLATE = "cover"
BODY_TEMPLATE = "body"

_keys = itertools.count(1)


class Heading(Paragraph):  # type: ignore[misc]  # ReportLab ships no types
    """A heading listed in the contents (at ``toc_level``) and in the PDF outline.

    ``text`` is plain text: the team's (``locale`` given: spaced the French way in a
    French dossier) or the dossier's own words. ``toc_level`` None keeps the heading out
    of the contents but still bookmarks it.
    """

    def __init__(self, text: str, style: ParagraphStyle, locale: str | None = None,
                 toc_level: int | None = 0) -> None:
        self.plain = spaced(clean(text), locale) if locale else clean(text)
        super().__init__(markup(self.plain), style)
        self.toc_level = toc_level
        self.outline_level = 0 if toc_level is None else toc_level
        self.key = f"h{next(_keys)}"


@dataclass(frozen=True, slots=True)
class AppendedEntry:
    """A PDF appended after the layout: its contents line, and its page offset from the
    first page after the laid-out ones (0 for the first appended PDF)."""

    text: str  # paragraph markup
    offset: int


@dataclass(frozen=True, slots=True)
class PageFurniture:
    """What every page but the cover carries."""

    header_left: str  # the edition, plain text
    page_label: str  # « page {page} / {total} », {total} last or followed by plain text
    appended_pages: int = 0  # pages appended after the layout, counted in the total
    appended: tuple[AppendedEntry, ...] = ()  # the appended PDFs, listed in the contents


class DossierDocument(BaseDocTemplate):  # type: ignore[misc]  # ReportLab ships no types
    """A4 or Letter pages: a cover without furniture (when ``with_cover``), then body
    pages with the running header and « page X / Y »."""

    def __init__(self, target: BinaryIO, page_size: PageSize, styles: DossierStyles,
                 furniture: PageFurniture, metadata: dict[str, str],
                 progress: Progress = NULL_PROGRESS, with_cover: bool = True) -> None:
        self.styles = styles
        self.furniture = furniture
        self.progress = progress
        self.pages = 0
        self.expected_pages = 0
        self.heading_pages: dict[str, int] = {}
        self.contents: ContentsTable | None = None
        self._chapter = ""
        self._outline_levels: list[int] = []
        fonts.register()
        super().__init__(
            target, pagesize=PAGE_SIZES[page_size], leftMargin=MARGIN_SIDE,
            rightMargin=MARGIN_SIDE, topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM,
            initialFontName=fonts.SERIF, initialFontSize=10,
            pageCompression=1, **metadata)
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="main",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        cover = PageTemplate(COVER_TEMPLATE, [frame], pagesize=self.pagesize)
        body = PageTemplate(BODY_TEMPLATE, [frame], onPageEnd=self._decorate,
                            pagesize=self.pagesize)
        # The first template is the first page's.
        self.addPageTemplates([cover, body] if with_cover else [body, cover])

    # --- building ---------------------------------------------------------------------
    def build_story(self, story: list[Flowable]) -> int:
        """Lay ``story`` out in one pass and write the PDF; returns the number of pages
        laid out. A :class:`ContentsTable` in the story lists its headings and the
        appended PDFs. Cancelled between pages when asked."""
        self.expected_pages = estimate_pages(story)
        self.contents = next((f for f in story if isinstance(f, ContentsTable)), None)
        if self.contents is not None:
            self.contents.entries = contents_entries(story, self.furniture.appended)

        def canvas(*args: Any, **kwargs: Any) -> DeferredNumbersCanvas:
            return DeferredNumbersCanvas(*args, numbers=self._numbers, **kwargs)

        self.build(story, canvasmaker=canvas)
        return self.pages

    def _numbers(self, pages: int, free: dict[str, float]) -> list[NumberForm]:
        """What the canvas writes at save time, ``pages`` having been laid out."""
        size = self.styles.header_size
        appended = self.furniture.appended
        cell = self.styles.table_cell
        forms = [NumberForm(TOTAL_FORM, str(pages + self.furniture.appended_pages),
                            fonts.SANS, size, MUTED)]
        forms += [NumberForm(appendix_form(i), str(pages + 1 + entry.offset), cell.fontName,
                             cell.fontSize, cell.textColor) for i, entry in enumerate(appended)]
        if self.contents is not None:
            forms += self.contents.number_forms(pages, self.heading_pages, free)
        return forms

    def beforeDocument(self) -> None:  # noqa: N802 - ReportLab's hook
        self.pages = 0
        self.heading_pages = {}
        self._chapter = ""
        self._outline_levels = []

    def afterPage(self) -> None:  # noqa: N802
        self.pages = self.page
        self.progress.report(self.page, max(self.page, self.expected_pages), "layout")
        if self.progress.cancelled():
            raise Cancelled()

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802
        if isinstance(flowable, Heading):
            self._register(flowable)

    def _register(self, heading: Heading) -> None:
        canvas: Canvas = self.canv
        canvas.bookmarkHorizontal(heading.key, 0, self.frame._y + heading.height + 12)
        level = self._outline_level(heading.outline_level)
        canvas.addOutlineEntry(heading.plain, heading.key, level=level, closed=level > 0)
        canvas.showOutline()  # a dossier with bookmarks opens on them
        self.heading_pages[heading.key] = self.page
        if heading.outline_level == 0:
            self._chapter = heading.plain

    def _outline_level(self, wanted: int) -> int:
        """``wanted``, but never more than one below the last level (the outline has no
        gaps: a level-2 entry right after a level-0 one becomes level 1)."""
        last = self._outline_levels[-1] if self._outline_levels else -1
        level = min(wanted, last + 1)
        self._outline_levels.append(level)
        return level

    # --- page furniture ---------------------------------------------------------------
    def _decorate(self, canvas: Canvas, doc: Any) -> None:
        furniture = self.furniture
        width, height = self.pagesize
        top = height - MARGIN_TOP + 8 * mm
        size = self.styles.header_size
        canvas.saveState()
        canvas.setFont(fonts.SANS, size)
        canvas.setFillColor(MUTED)
        left, right = header_parts(furniture.header_left, self._chapter, fonts.SANS, size,
                                   self.width)
        canvas.drawString(MARGIN_SIDE, top, left)
        if right:
            canvas.drawRightString(width - MARGIN_SIDE, top, right)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN_SIDE, top - 2.5 * mm, width - MARGIN_SIDE, top - 2.5 * mm)
        self._draw_page_label(canvas, width / 2, MARGIN_BOTTOM - 10 * mm)
        canvas.restoreState()

    def _draw_page_label(self, canvas: Canvas, centre: float, y: float) -> None:
        """« page X / Y » centred on ``centre``, Y being the form written at save time.
        Its width is guessed: off by half a digit at worst."""
        from reportlab.pdfbase.pdfmetrics import stringWidth

        size = self.styles.header_size
        guess = max(self.expected_pages, self.page) + self.furniture.appended_pages
        before, _, after = self.furniture.page_label.format(
            page=self.page, total="\0").partition("\0")
        widths = [stringWidth(t, fonts.SANS, size) for t in (before, str(guess), after)]
        x = centre - sum(widths) / 2
        canvas.drawString(x, y, before)
        canvas.saveState()
        canvas.translate(x + widths[0], y)
        canvas.doForm(TOTAL_FORM)
        canvas.restoreState()
        if after:
            canvas.drawString(x + widths[0] + widths[1], y, after)


#: The least room between the two parts of the running header.
HEADER_GAP = 6 * mm


def header_parts(left: str, right: str, font: str, size: float, width: float
                 ) -> tuple[str, str]:
    """The running header's two parts on a line ``width`` points wide: whole when they
    fit; otherwise the longer part is cut (with an ellipsis) to the room the other
    leaves, and both to half the line when each is longer than that."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    room = width - (HEADER_GAP if left and right else 0)
    left_width, right_width = (stringWidth(t, font, size) for t in (left, right))
    if left_width + right_width <= room:
        return left, right
    half = room / 2
    if right_width <= half:
        return _fit(left, font, size, room - right_width), right
    if left_width <= half:
        return left, _fit(right, font, size, room - left_width)
    return _fit(left, font, size, half), _fit(right, font, size, half)


def _fit(text: str, font: str, size: float, width: float) -> str:
    """``text`` cut with an ellipsis to fit ``width`` points."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def estimate_pages(story: Sequence[Flowable]) -> int:
    """A rough page count before the layout, for progress reports: page breaks, then
    about 2,500 characters of text and 40 table rows a page."""
    breaks = sum(isinstance(f, PageBreak) for f in story)
    chars = sum(len(f.text) for f in story if isinstance(f, Paragraph))
    rows = sum(len(getattr(f, "_cellvalues", ())) for f in story if isinstance(f, Table))
    return 1 + breaks + chars // 2500 + rows // 40


def contents_entries(story: Sequence[Flowable], appended: Sequence[AppendedEntry]
                     ) -> list[ContentsEntry]:
    """The story's headings that go into the contents, then the appended PDFs."""
    entries = [ContentsEntry(f.toc_level, f.text, f.key) for f in story
               if isinstance(f, Heading) and f.toc_level is not None]
    entries += [ContentsEntry(1, a.text, None, a.offset) for a in appended]
    return entries
