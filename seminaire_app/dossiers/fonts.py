"""The fonts every dossier embeds: DejaVu Serif for text, DejaVu Sans for headings.

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

_FACES = {
    SERIF: {(0, 0): "DejaVuSerif", (1, 0): "DejaVuSerif-Bold",
            (0, 1): "DejaVuSerif-Italic", (1, 1): "DejaVuSerif-BoldItalic"},
    SANS: {(0, 0): "DejaVuSans", (1, 0): "DejaVuSans-Bold",
           (0, 1): "DejaVuSans-Oblique", (1, 1): "DejaVuSans-BoldOblique"},
}


@functools.cache
def register() -> None:
    """Make :data:`SERIF` and :data:`SANS` (with bold and italic faces) known to
    ReportLab, so that ``<b>``/``<i>`` in paragraphs pick the right face.

    Idempotent; safe to call from any thread before a build (ReportLab's registry is a
    plain dict, filled once here).
    """
    for family, faces in _FACES.items():
        for (bold, italic), face in faces.items():
            pdfmetrics.registerFont(TTFont(face, str(FONT_FOLDER / f"{face}.ttf")))
            addMapping(family, bold, italic, face)
