"""The table of contents, and the page numbers known only once the layout is over.

ReportLab's ``TableOfContents`` needs a second layout pass (a whole second build) to
print page numbers. Here every number that depends on the layout — the contents' page
numbers with their dot leaders, the « Y » of « page X / Y », the pages where attached
PDFs start — is a small form XObject drawn where it goes and *defined* when the PDF is
saved, once every page exists (a PDF may use a form defined further on). The contents'
entries are known before the layout (they are the story's headings), so the table has
its final height from the start: one layout pass makes the whole document.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib.colors import Color
from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName, PDFString
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from . import fonts
from .styles import MUTED, TABLE_FONT, DossierStyles

ENTRY_CALLBACK = "contentsEntryEnd"
APPENDIX_CALLBACK = "appendixPage"
TOTAL_FORM = "PageTotal"
DOT_LEADER = " . "
LEADER_COLOUR = MUTED


def appendix_form(index: int) -> str:
    """The form printing the first page of the ``index``-th appended PDF."""
    return f"AppendixPage{index}"


def appended_destination(offset: int) -> str:
    """The destination the contents line of the appended PDF at ``offset`` links to:
    named while the PDF is laid out, made a page once it is appended (see
    :mod:`.appendix`)."""
    return f"SeminaireAppended{offset}"


def entry_form(index: int) -> str:
    """The form printing the dot leader and page number of the ``index``-th entry."""
    return f"ContentsPage{index}"


@dataclass(frozen=True, slots=True)
class ContentsEntry:
    level: int
    text: str  # paragraph markup
    key: str | None  # the heading's bookmark: the entry links to it
    offset: int | None = None  # for an appended PDF: its first page after the layout


@dataclass(frozen=True, slots=True)
class NumberForm:
    """A number to write at save time, starting at x = 0; or with ``right_aligned``,
    ending there, after its dot ``leader`` (in ``leader_font``, muted)."""

    name: str
    text: str
    font: str
    size: float
    colour: Color
    right_aligned: bool = False
    leader: str = ""
    leader_font: str = ""
    digits: int = 3  # the widest number of its column: leaders end before it


class DeferredNumbersCanvas(Canvas):  # type: ignore[misc]  # ReportLab ships no types
    """A canvas that writes the :class:`NumberForm` s ``numbers(pages, free)`` gives when
    it saves; ``free`` holds, for each contents entry's form, the room its line left
    for the leader and the number."""

    def __init__(self, *args: Any,
                 numbers: Callable[[int, dict[str, float]], Sequence[NumberForm]],
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.numbers = numbers
        self.free_room: dict[str, float] = {}
        self.setNamedCB(APPENDIX_CALLBACK, _draw_appendix_page)

    def save(self) -> None:
        for form in self.numbers(len(self._doc.Pages.pages), self.free_room):
            width = stringWidth(form.text, form.font, form.size)
            left = -width if form.right_aligned else 0
            lead = stringWidth(form.leader, form.leader_font, form.size) if form.leader else 0
            # Leaders end at the same place on every line, whatever the number's width:
            # their dots line up in columns.
            lead_end = -number_room(form.font, form.size, form.digits) if form.leader else left
            self.beginForm(form.name, lowerx=lead_end - lead - 1, lowery=-form.size,
                           upperx=left + width + 1, uppery=form.size * 1.5)
            if form.leader:
                self.setFont(form.leader_font, form.size)
                self.setFillColor(LEADER_COLOUR)
                self.drawString(lead_end - lead, 0, form.leader)
            self.setFont(form.font, form.size)
            self.setFillColor(form.colour)
            self.drawString(left, 0, form.text)
            self.endForm()
        super().save()


def _draw_form_here(canvas: Canvas, name: str, x: float, y: float) -> None:
    canvas.saveState()
    canvas.translate(x, y)
    canvas.doForm(name)
    canvas.restoreState()


def _link_to_appended(canvas: Canvas, offset: int, rect: tuple[float, ...]) -> None:
    """A link over ``rect`` (current coordinates) to :func:`appended_destination`, a name
    ReportLab cannot bind (the page does not exist yet): written as a plain dictionary."""
    canvas._addAnnotation(PDFDictionary({
        "Type": PDFName("Annot"), "Subtype": PDFName("Link"),
        "Rect": PDFArray(canvas._absRect(rect, 1)), "Border": PDFArray([0, 0, 0]),
        "Dest": PDFString(appended_destination(offset))}))


def _draw_appendix_page(canvas: Canvas, _kind: str, label: str) -> None:
    """``<onDraw name=APPENDIX_CALLBACK label=i/>`` in a paragraph: the first page of the
    i-th appended PDF, at the current text position."""
    info = canvas._curr_tx_info
    _draw_form_here(canvas, appendix_form(int(label)), info["cur_x"], info["cur_y"])


def number_room(font: str, size: float, digits: int = 3) -> float:
    """Room kept at the right of a contents line for its page number (``digits`` wide,
    three at least)."""
    return float(stringWidth("0" * max(3, digits), font, size)) + size * 0.4


def leader(room: float, font: str, leader_font: str, size: float, digits: int = 3) -> str:
    """The dot leader that fills ``room`` points but the number's."""
    free = room - number_room(font, size, digits) - size * 0.4
    return DOT_LEADER * max(0, int(free / stringWidth(DOT_LEADER, leader_font, size)))


class ContentsTable(Flowable):  # type: ignore[misc]  # ReportLab ships no types
    """The contents: one line per entry, the title linked to its heading, the leader and
    page number drawn by a form. Splits across pages like a table."""

    def __init__(self, styles: DossierStyles) -> None:
        super().__init__()
        self.styles = styles
        self.entries: list[ContentsEntry] = []
        self._table: Table | None = None

    def style_of(self, level: int) -> Any:
        return self.styles.toc_levels[min(level, len(self.styles.toc_levels) - 1)]

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        def entry_end(canvas: Canvas, _kind: str, label: str) -> None:
            index = int(label)
            entry, info = self.entries[index], canvas._curr_tx_info
            style = self.style_of(entry.level)
            canvas.free_room[entry_form(index)] = availWidth - info["cur_x"]
            _draw_form_here(canvas, entry_form(index), availWidth, info["cur_y"])
            if entry.key:
                reserve = stringWidth("000", style.fontName, style.fontSize)
                canvas.linkRect("", entry.key, (availWidth - reserve, info["cur_y"],
                                                availWidth, info["cur_y"] + style.leading),
                                relative=1)
            elif entry.offset is not None:
                _link_to_appended(canvas, entry.offset, (
                    0, info["cur_y"] - style.fontSize * 0.3, availWidth,
                    info["cur_y"] + style.fontSize))

        self.canv.setNamedCB(ENTRY_CALLBACK, entry_end)
        rows: list[list[Flowable]] = []
        for index, entry in enumerate(self.entries):
            style = self.style_of(entry.level)
            text = f'<a href="#{entry.key}">{entry.text}</a>' if entry.key else entry.text
            if style.spaceBefore:
                rows.append([Spacer(1, style.spaceBefore)])
            rows.append([Paragraph(f'{text}<onDraw name="{ENTRY_CALLBACK}" label="{index}"/>',
                                   style)])
        self._table = Table(rows or [[Spacer(1, 1)]], colWidths=(availWidth,),
                            style=TableStyle([TABLE_FONT, ("VALIGN", (0, 0), (-1, -1), "TOP"),
                                              ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                              ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
        width, height = self._table.wrapOn(self.canv, availWidth, availHeight)
        return width, height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        assert self._table is not None, "ReportLab wraps a flowable before splitting it"
        parts: list[Flowable] = self._table.splitOn(self.canv, availWidth, availHeight)
        return parts

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802, N803
        assert self._table is not None, "ReportLab wraps a flowable before drawing it"
        self._table.drawOn(canvas, x, y, _sW)

    def number_forms(self, pages: int, heading_pages: dict[str, int],
                     free: dict[str, float]) -> list[NumberForm]:
        """The forms of the entries' leaders and page numbers, ``pages`` having been laid
        out and each heading found on ``heading_pages[key]``."""
        numbers: dict[str, str] = {}
        for index, entry in enumerate(self.entries):
            if entry.offset is not None:
                numbers[entry_form(index)] = str(pages + 1 + entry.offset)
            elif entry.key in heading_pages:
                numbers[entry_form(index)] = str(heading_pages[entry.key])
            else:  # a heading never laid out: no page to give
                numbers[entry_form(index)] = ""
        digits = max((len(n) for n in numbers.values()), default=3)
        forms = []
        for index, entry in enumerate(self.entries):
            name = entry_form(index)
            if name not in free:
                continue  # never drawn (a story cut short)
            style, number = self.style_of(entry.level), numbers[name]
            dots = leader(free[name], style.fontName, fonts.SERIF, style.fontSize,
                          digits) if number else ""
            forms.append(NumberForm(name, number, style.fontName, style.fontSize,
                                    style.textColor, right_aligned=True, leader=dots,
                                    leader_font=fonts.SERIF, digits=digits))
        return forms
