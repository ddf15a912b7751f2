"""Text as dossiers print it: escaping, French spacing, dates in words, fonts."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from reportlab.platypus import Paragraph, SimpleDocTemplate

from seminaire_app.dossiers import fonts
from seminaire_app.dossiers.styles import make_styles
from seminaire_app.dossiers.typography import (
    NBSP,
    NNBSP,
    format_date,
    format_date_range,
    french_spacing,
    markup,
    typeset,
)


def build_text(tmp_path: Path, markups: list[str]) -> str:
    styles = make_styles()
    out = tmp_path / "t.pdf"
    SimpleDocTemplate(str(out)).build([Paragraph(m, styles.body) for m in markups])
    return "\n".join(page.extract_text() for page in PdfReader(out).pages)


@pytest.mark.parametrize(("typed", "printed"), [
    ("Quoi ? Vraiment !", f"Quoi{NNBSP}? Vraiment{NNBSP}!"),
    ("Quoi? Vraiment!", f"Quoi{NNBSP}? Vraiment{NNBSP}!"),
    ("Deux points : voilà", f"Deux points{NBSP}: voilà"),
    ("« ESS »", f"«{NBSP}ESS{NBSP}»"),
    ("«ESS»", f"«{NBSP}ESS{NBSP}»"),
    ("l'économie d'aujourd'hui", "l’économie d’aujourd’hui"),
    ("Ah !? Non ; si.", f"Ah{NNBSP}!? Non{NNBSP}; si."),
])
def test_french_spacing_follows_french_rules(typed: str, printed: str) -> None:
    assert french_spacing(typed) == printed


@pytest.mark.parametrize("text", [
    "à 10:30 précises", "https://example.org/?q=1&r=2", "ratio 3:2", "a;b", "Gift'", "'quoted'",
])
def test_french_spacing_leaves_times_links_and_code_alone(text: str) -> None:
    assert french_spacing(text) == text


@given(st.text(max_size=80))
@settings(max_examples=150, deadline=None)
def test_french_spacing_is_idempotent(text: str) -> None:
    once = french_spacing(text)
    assert french_spacing(once) == once


def test_markup_prints_markup_looking_text_literally(tmp_path: Path) -> None:
    typed = "A & B <b>x</b> <font size=40> AT&T &amp;"
    text = build_text(tmp_path, [markup(typed)])
    assert typed in text


def test_markup_keeps_line_breaks_and_drops_control_characters(tmp_path: Path) -> None:
    text = build_text(tmp_path, [markup("première\nseconde\x00\x07 ligne\ue100")])
    assert text.splitlines() == ["première", "seconde ligne"]


@given(st.text(max_size=60))
@settings(max_examples=60, deadline=None)
def test_any_text_builds(text: str) -> None:
    # ReportLab's parser must never see user text as markup, whatever it holds.
    Paragraph(typeset(text, "fr-FR"), make_styles().body).wrap(400, 800)


def test_european_names_print_with_the_bundled_fonts(tmp_path: Path) -> None:
    names = "Œuvre Łukasiewicz Őrsi d’Ormesson Ἀριστοτέλης Достоевский Müller Ñúñez"
    text = build_text(tmp_path, [markup(names), f"<b>{markup(names)}</b>",
                                 f"<i>{markup(names)}</i>"])
    assert text.split() == names.split() * 3
    used = {str(font) for page in PdfReader(tmp_path / "t.pdf").pages
            for font in page["/Resources"]["/Font"].values()
            for font in [font.get_object()["/BaseFont"]]}
    # Subsets (« AAAAAA+DejaVuSerif ») of each face: embedded, not referenced.
    embedded = {name.lstrip("/").split("+")[-1] for name in used if "+" in name}
    assert embedded == {"DejaVuSerif", "DejaVuSerif-Bold", "DejaVuSerif-Italic"}


def test_every_bundled_font_is_there_with_its_licence() -> None:
    for name in ["DejaVuSerif", "DejaVuSerif-Bold", "DejaVuSerif-Italic",
                 "DejaVuSerif-BoldItalic", "DejaVuSans", "DejaVuSans-Bold",
                 "DejaVuSans-Oblique", "DejaVuSans-BoldOblique"]:
        assert (fonts.FONT_FOLDER / f"{name}.ttf").stat().st_size > 100_000
    assert "Bitstream" in (fonts.FONT_FOLDER / "LICENSE.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(("start", "end", "locale", "words"), [
    (date(2017, 11, 23), date(2017, 11, 24), "fr-FR", f"du 23 au 24{NBSP}novembre 2017"),
    (date(2017, 11, 30), date(2017, 12, 1), "fr-FR",
     f"du 30{NBSP}novembre au 1er{NBSP}décembre 2017"),
    (date(2017, 12, 31), date(2018, 1, 1), "fr-FR",
     f"du 31{NBSP}décembre 2017 au 1er{NBSP}janvier 2018"),
    (date(2017, 11, 23), date(2017, 11, 23), "fr-FR", f"le 23{NBSP}novembre 2017"),
    (date(2017, 11, 23), None, "fr-FR", f"le 23{NBSP}novembre 2017"),
    (date(2017, 11, 23), date(2017, 11, 24), "en-US", f"23–24{NBSP}November 2017"),
    (date(2017, 11, 30), date(2017, 12, 1), "en-US",
     f"30{NBSP}November – 1{NBSP}December 2017"),
    (None, None, "fr-FR", ""),
])
def test_date_ranges_in_words(start: date | None, end: date | None, locale: str,
                              words: str) -> None:
    assert format_date_range(start, end, locale) == words


def test_days_with_their_weekday() -> None:
    assert format_date(date(2017, 11, 23), "fr-FR", weekday=True) == f"jeudi 23{NBSP}novembre 2017"
    assert format_date(date(2017, 12, 1), "en-US", weekday=True) == f"Friday 1{NBSP}December 2017"
