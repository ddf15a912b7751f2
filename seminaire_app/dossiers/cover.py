"""The cover of a pack or workshop dossier: always exactly one page.

Seminar, edition title and theme, dates in words, venue, the kind of dossier, and for a
personal pack the participant's name and workshops in a tinted box; the organisers at
the foot. Both parts shrink to fit rather than spill onto a second page (the organisers
to a third of it at most): personal packs swap their cover page for another (see
:mod:`.batch`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepInFrame, Paragraph, Spacer, Table, TableStyle

from ..domain import Edition, Registration, Workshop
from . import fonts
from .labels import Labels
from .sections import capitalised, workshop_heading
from .styles import ACCENT, MUTED, RULE, TABLE_FONT, DossierStyles
from .typography import format_date_range, markup, typeset

TINT = colors.HexColor("#f6f0f2")  # the accent, very light: the personal box


class Cover(Flowable):  # type: ignore[misc]  # ReportLab ships no types
    """A whole page: ``top`` from the top, ``bottom`` against the bottom margin, an
    accent bar above all. Each block shrinks rather than spill: ``bottom`` to a third of
    the page at most, ``top`` to what remains. ``box`` makes the last part of ``top``
    once the width is known (a table given a relative width is laid out again at another
    width when its block shrinks, and its rows then overprint each other)."""

    def __init__(self, top: Sequence[Flowable], bottom: Sequence[Flowable],
                 box: Callable[[float], Flowable] | None = None) -> None:
        super().__init__()
        self.top = list(top)
        self.bottom = list(bottom)
        self.box = box
        self._avail = (0.0, 0.0)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self._avail = (availWidth, availHeight)
        return availWidth, availHeight - 1

    def draw(self) -> None:
        width, height = self._avail
        canvas = self.canv
        canvas.saveState()
        canvas.setFillColor(ACCENT)
        canvas.rect(0, height - 2.2 * mm, width, 2.2 * mm, stroke=0, fill=1)
        canvas.restoreState()
        bottom = KeepInFrame(width, height / 3, self.bottom, mode="shrink")
        _, y = bottom.wrapOn(canvas, width, height / 3)
        bottom.drawOn(canvas, 0, 0)
        room = height - y - 24 * mm
        top = KeepInFrame(width, room, [*self.top, *([self.box(width)] if self.box else [])],
                          mode="shrink")
        _, h = top.wrapOn(canvas, width, room)
        top.drawOn(canvas, 0, height - 14 * mm - h)


def _styles(styles: DossierStyles) -> dict[str, ParagraphStyle]:
    size = styles.body.fontSize
    return {
        "kicker": ParagraphStyle("cover_kicker", parent=styles.cover_line,
                                 fontName=f"{fonts.SANS}-Bold", fontSize=size * 0.95,
                                 textColor=ACCENT),
        "theme": ParagraphStyle("cover_theme", parent=styles.cover_subtitle,
                                fontName=f"{fonts.SERIF}-Italic"),
        "kind": ParagraphStyle("cover_kind", parent=styles.cover_line,
                               fontName=f"{fonts.SANS}-Bold", fontSize=size * 1.3,
                               leading=size * 1.8, textColor=ACCENT),
        "label": ParagraphStyle("cover_label", parent=styles.cover_line,
                                fontName=fonts.SANS, fontSize=size * 0.85, textColor=MUTED),
        "name": ParagraphStyle("cover_name", parent=styles.cover_subtitle,
                               fontName=f"{fonts.SERIF}-Bold", spaceAfter=size * 0.8),
        "foot": ParagraphStyle("cover_foot", parent=styles.cover_line, fontSize=size * 0.95),
    }


def cover(edition: Edition, kind: str, labels: Labels, styles: DossierStyles, locale: str,
          workshop: Workshop | None = None, person: Registration | None = None,
          workshops: Sequence[Workshop] = ()) -> Cover:
    """The cover: seminar, edition title and theme, dates, venue, the kind of dossier
    (with the workshop of a workshop dossier), and the participant's box if personal."""
    look = _styles(styles)
    top: list[Flowable] = [
        Paragraph(markup(labels.seminar.upper()), look["kicker"]),
        Spacer(1, 30 * mm),
        Paragraph(typeset(edition.title, locale), styles.cover_title),
    ]
    if edition.theme:
        top.append(Paragraph(typeset(capitalised(edition.theme), locale), look["theme"]))
    top.append(Spacer(1, 4 * mm))
    when = format_date_range(edition.start_date, edition.end_date, locale)
    top += [Paragraph(typeset(line, locale), styles.cover_line)
            for line in (capitalised(when), edition.venue) if line]
    top += [Spacer(1, 20 * mm), Paragraph(markup(kind.upper()), look["kind"])]
    if workshop is not None:
        top.append(Paragraph(typeset(workshop_heading(labels, workshop), locale),
                             styles.cover_subtitle))
    box = None
    if person is not None:
        top.append(Spacer(1, 14 * mm))
        box = partial(_personal, person, workshops, labels, look, styles, locale)
    bottom: list[Flowable] = []
    if edition.organisers:
        bottom = [Paragraph(markup(labels.organised_by), look["label"]),
                  Paragraph(typeset(" · ".join(edition.organisers), locale), look["foot"])]
    return Cover(top, bottom, box)


def _personal(person: Registration, workshops: Sequence[Workshop], labels: Labels,
              look: dict[str, ParagraphStyle], styles: DossierStyles, locale: str,
              width: float) -> Table:
    """The participant's name and workshops, in a tinted box of most of ``width``."""
    rows: list[list[Flowable]] = [
        [Paragraph(markup(labels.prepared_for), look["label"])],
        [Paragraph(typeset(person.participant.display(), locale), look["name"])],
    ]
    mine = [w for w in workshops if w.number in person.workshops]
    if mine:
        rows.append([Paragraph(markup(labels.your_workshops), look["label"])])
        rows += [[Paragraph(typeset(workshop_heading(labels, w), locale), styles.cover_line)]
                 for w in mine]
    box = Table(rows, colWidths=[0.86 * width])
    gap = [("TOPPADDING", (0, 2), (-1, 2), 9)] if mine else []
    box.setStyle(TableStyle([
        TABLE_FONT, ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, -1), TINT),
        ("LINEABOVE", (0, 0), (-1, 0), 1.2, ACCENT), ("LINEBELOW", (0, -1), (-1, -1), 0.4, RULE),
        ("TOPPADDING", (0, 0), (-1, 0), 10), ("BOTTOMPADDING", (0, -1), (-1, -1), 12),
        ("TOPPADDING", (0, 1), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -2), 2),
        *gap,
    ]))
    return box
