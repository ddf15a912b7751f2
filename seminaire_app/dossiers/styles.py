"""The look of every dossier: one set of paragraph styles, made once per build.

Serif text for reading, sans-serif headings, mono code, 10 pt on 13.5 with room in the
margins for notes in pen: the dossiers are printed and annotated during the workshops.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle

from . import fonts

ACCENT = colors.HexColor("#7a1f3d")  # Sciences Po Grenoble's burgundy, for headings
MUTED = colors.HexColor("#555555")
RULE = colors.HexColor("#bbbbbb")
LINK = colors.HexColor("#1f4e79")
#: First command of every table style: ReportLab's tables set each cell's font, even
#: around paragraphs, and theirs is Helvetica (not embedded, Latin-1 only).
TABLE_FONT = ("FONT", (0, 0), (-1, -1), fonts.SERIF)


@dataclass(frozen=True)
class DossierStyles:
    """Named paragraph styles; ``heading(level)`` gives h1…h3."""

    body: ParagraphStyle
    body_left: ParagraphStyle  # ragged right, like body: lists, tables, short lines
    small: ParagraphStyle
    muted: ParagraphStyle
    cover_title: ParagraphStyle
    cover_subtitle: ParagraphStyle
    cover_line: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    bullet: ParagraphStyle  # list items; indent grows with nesting via ``left_indent``
    quote: ParagraphStyle
    code: ParagraphStyle
    entry: ParagraphStyle  # a bibliography entry, with a hanging indent
    annotation: ParagraphStyle  # under a reading-list entry
    table_head: ParagraphStyle
    table_cell: ParagraphStyle
    toc_levels: tuple[ParagraphStyle, ...]
    header_font: str = fonts.SANS
    header_size: float = 8

    def heading(self, level: int) -> ParagraphStyle:
        return (self.h1, self.h2, self.h3)[min(max(level, 1), 3) - 1]


def make_styles(size: float = 10) -> DossierStyles:
    """The styles at base size ``size`` (points); fonts are registered here."""
    fonts.register()
    lead = size * 1.35
    # Ragged right, all prose alike: without hyphenation, justified lines open wide gaps,
    # and a page would mix them with the ragged notes, lists and tables.
    body = ParagraphStyle("body", fontName=fonts.SERIF, fontSize=size, leading=lead,
                          alignment=TA_LEFT, spaceAfter=size * 0.6,
                          hyphenationLang="", embeddedHyphenation=0,
                          bulletFontName=fonts.SERIF)  # ReportLab's default is Helvetica
    body_left = ParagraphStyle("body_left", parent=body, alignment=TA_LEFT)
    heading = ParagraphStyle("heading", fontName=f"{fonts.SANS}-Bold", textColor=ACCENT,
                             alignment=TA_LEFT, keepWithNext=1)
    return DossierStyles(
        body=body,
        body_left=body_left,
        small=ParagraphStyle("small", parent=body_left, fontSize=size * 0.85,
                             leading=size * 1.15),
        muted=ParagraphStyle("muted", parent=body_left, fontSize=size * 0.85,
                             leading=size * 1.15, textColor=MUTED),
        cover_title=ParagraphStyle("cover_title", parent=heading, fontSize=size * 2.6,
                                   leading=size * 3.1, alignment=TA_CENTER,
                                   spaceAfter=size * 1.2),
        cover_subtitle=ParagraphStyle("cover_subtitle", parent=body, fontSize=size * 1.5,
                                      leading=size * 2, alignment=TA_CENTER,
                                      spaceAfter=size * 1.6),
        cover_line=ParagraphStyle("cover_line", parent=body, fontSize=size * 1.15,
                                  leading=size * 1.6, alignment=TA_CENTER),
        h1=ParagraphStyle("h1", parent=heading, fontSize=size * 1.8, leading=size * 2.2,
                          spaceBefore=0, spaceAfter=size * 1.0),
        h2=ParagraphStyle("h2", parent=heading, fontSize=size * 1.35, leading=size * 1.7,
                          spaceBefore=size * 1.2, spaceAfter=size * 0.5),
        h3=ParagraphStyle("h3", parent=heading, fontSize=size * 1.1, leading=size * 1.4,
                          spaceBefore=size * 0.9, spaceAfter=size * 0.35,
                          textColor=colors.black),
        bullet=ParagraphStyle("bullet", parent=body_left, leftIndent=size * 1.6,
                              bulletIndent=size * 0.5, spaceAfter=size * 0.25),
        quote=ParagraphStyle("quote", parent=body, leftIndent=size * 1.6,
                             rightIndent=size * 1.6, fontName=f"{fonts.SERIF}-Italic"),
        code=ParagraphStyle("code", parent=body_left, fontName=fonts.MONO,
                            fontSize=size * 0.85, leftIndent=size * 1.6),
        entry=ParagraphStyle("entry", parent=body_left, leftIndent=size * 1.8,
                             firstLineIndent=-size * 1.8, spaceAfter=size * 0.5,
                             allowWidows=0),  # never one line of an entry alone on a page
        annotation=ParagraphStyle("annotation", parent=body, leftIndent=size * 1.8,
                                  fontSize=size * 0.9, leading=size * 1.2,
                                  textColor=MUTED, spaceAfter=size * 0.6),
        table_head=ParagraphStyle("table_head", parent=body_left,
                                  fontName=f"{fonts.SANS}-Bold", fontSize=size * 0.85,
                                  leading=size * 1.1, spaceAfter=0),
        table_cell=ParagraphStyle("table_cell", parent=body_left, fontSize=size * 0.9,
                                  leading=size * 1.2, spaceAfter=0),
        # rightIndent keeps wrapped titles clear of the page numbers drawn at the right.
        toc_levels=(
            ParagraphStyle("toc1", parent=body_left, fontName=f"{fonts.SANS}-Bold",
                           leftIndent=size * 2, firstLineIndent=-size * 2,
                           rightIndent=size * 3, spaceBefore=size * 0.5,
                           spaceAfter=size * 0.2),
            ParagraphStyle("toc2", parent=body_left, leftIndent=size * 3.5,
                           firstLineIndent=-size * 2, rightIndent=size * 3,
                           spaceAfter=size * 0.1),
            ParagraphStyle("toc3", parent=body_left, fontSize=size * 0.9,
                           leftIndent=size * 5, firstLineIndent=-size * 2,
                           rightIndent=size * 3, spaceAfter=0),
        ),
    )
