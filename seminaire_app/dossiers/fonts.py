"""The fonts dossiers embed: DejaVu Serif for text, DejaVu Sans for headings, DejaVu Sans
Mono for code in notes.

ReportLab's built-in fonts cover Latin-1 only (no œ before 1.4 of its encodings, no ł,
ő, Greek or Cyrillic); DejaVu covers every European script the team meets. The files
are bundled in ``resources/fonts`` with their licence so that a dossier looks the same
on every machine.
"""

from __future__ import annotations

import functools
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_FOLDER = Path(__file__).resolve().parents[2] / "resources" / "fonts"

SERIF = "DejaVuSerif"
SANS = "DejaVuSans"
MONO = "DejaVuSansMono"

_FACES = {
    SERIF: {(0, 0): "DejaVuSerif", (1, 0): "DejaVuSerif-Bold",
            (0, 1): "DejaVuSerif-Italic", (1, 1): "DejaVuSerif-BoldItalic"},
    SANS: {(0, 0): "DejaVuSans", (1, 0): "DejaVuSans-Bold",
           (0, 1): "DejaVuSans-Oblique", (1, 1): "DejaVuSans-BoldOblique"},
    # Code keeps upright in italic text (« *see `x`* »): no oblique faces to bundle.
    MONO: {(0, 0): "DejaVuSansMono", (1, 0): "DejaVuSansMono-Bold",
           (0, 1): "DejaVuSansMono", (1, 1): "DejaVuSansMono-Bold"},
}


@functools.cache
def register() -> None:
    """Make :data:`SERIF`, :data:`SANS` and :data:`MONO` (with bold and italic faces)
    known to ReportLab, so that ``<b>``/``<i>`` in paragraphs pick the right face.

    Idempotent; safe to call from any thread before a build (ReportLab's registry is a
    plain dict, filled once here).
    """
    for family, faces in _FACES.items():
        for face in set(faces.values()):
            pdfmetrics.registerFont(TTFont(face, str(FONT_FOLDER / f"{face}.ttf")))
        # Italics first: a face that also stands for its italic (MONO) must map back to
        # upright, since ReportLab reads a font name's family, bold and italic from it.
        for (bold, italic), face in sorted(faces.items(), key=lambda item: -item[0][1]):
            addMapping(family, bold, italic, face)
