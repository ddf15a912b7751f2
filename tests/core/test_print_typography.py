"""Text as dossiers print it: escaping, French spacing, dates in words, fonts."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Paragraph, SimpleDocTemplate

from seminaire_app.dossiers import fonts
from seminaire_app.dossiers.styles import make_styles
from seminaire_app.dossiers.typography import (
    NBSP,
    format_date,
    format_date_range,
    french_spacing,
    markup,
    spaced,
    typeset,
)


def build_text(tmp_path: Path, markups: list[str]) -> str:
    styles = make_styles()
    out = tmp_path / "t.pdf"
    SimpleDocTemplate(str(out)).build([Paragraph(m, styles.body) for m in markups])
    return "\n".join(page.extract_text() for page in PdfReader(out).pages)


@pytest.mark.parametrize(("typed", "printed"), [
    ("Quoi ? Vraiment !", f"Quoi{NBSP}? Vraiment{NBSP}!"),
    ("Quoi? Vraiment!", f"Quoi{NBSP}? Vraiment{NBSP}!"),
    ("Quoi\u202f? Vraiment\u202f!", f"Quoi{NBSP}? Vraiment{NBSP}!"),
    ("Deux points : voilà", f"Deux points{NBSP}: voilà"),
    ("« ESS »", f"«{NBSP}ESS{NBSP}»"),
    ("«ESS»", f"«{NBSP}ESS{NBSP}»"),
    ("l'économie d'aujourd'hui", "l’économie d’aujourd’hui"),
    ("Ah !? Non ; si.", f"Ah{NBSP}!? Non{NBSP}; si."),
    ("«\u202fESS\u202f»", f"«{NBSP}ESS{NBSP}»"),
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


def printed_lines(paragraph_markup: str, width: float) -> list[str]:
    """The lines ReportLab breaks ``paragraph_markup`` into, in a column ``width`` wide."""
    paragraph = Paragraph(paragraph_markup, make_styles().body)
    paragraph.wrap(width, 10_000)
    lines = paragraph.blPara.lines
    if paragraph.blPara.kind == 0:  # one font all along: (spare width, words) per line
        return [" ".join(words) for _spare, words in lines]
    return ["".join(fragment.text for fragment in line.words) for line in lines]


def stranded_signs(paragraph_markup: str) -> list[str]:
    """Lines starting with « ? ! ; : » » or ending with « «, in narrow columns (yet wide
    enough for every word: ReportLab cuts a word wider than its column anywhere)."""
    stranded = []
    for width in range(80, 240, 3):
        lines = [line.strip() for line in printed_lines(paragraph_markup, width)]
        assert len(lines) > 3
        stranded += [line for line in lines if line[:1] in "?!;:»" or line[-1:] == "«"]
    return stranded


FRENCH = "Pourquoi coopérer ? Avec qui ; comment ! Réponse : « la confiance » et « le temps »."


def test_reportlab_breaks_lines_at_the_thin_no_break_space() -> None:
    # Why the dossiers use NBSP only: should this fail, U+202F may come back.
    thin = FRENCH.replace(" ?", "\u202f?").replace(" ;", "\u202f;").replace(" !", "\u202f!")
    assert stranded_signs(" ".join([thin] * 4))


def test_french_signs_never_start_a_line() -> None:
    assert not stranded_signs(typeset(" ".join([FRENCH] * 4), "fr-FR"))
    mixed = f"{typeset(FRENCH, 'fr-FR')} <i>{typeset(FRENCH, 'fr-FR')}</i> " * 2
    assert not stranded_signs(mixed)


def test_typed_thin_spaces_stay_unbroken() -> None:
    # As a citation style writes them (« l’analyse ? »), or a user between digits.
    typed = "Innovations, l’analyse\u202f? Vol.\u00a038\u202f; 10\u202f000 lecteurs\u202f! " * 5
    assert markup(typed).count(NBSP) == 25 and "\u202f" not in markup(typed)
    assert not stranded_signs(markup(typed))


def test_every_bundled_face_has_the_no_break_space() -> None:
    fonts.register()
    for face in ["DejaVuSerif", "DejaVuSerif-Bold", "DejaVuSerif-Italic",
                 "DejaVuSerif-BoldItalic", "DejaVuSans", "DejaVuSans-Bold",
                 "DejaVuSansMono", "DejaVuSansMono-Bold"]:
        assert ord(NBSP) in pdfmetrics.getFont(face).face.charToGlyph, face


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
                 "DejaVuSans-Oblique", "DejaVuSans-BoldOblique", "DejaVuSansMono",
                 "DejaVuSansMono-Bold"]:
        assert (fonts.FONT_FOLDER / f"{name}.ttf").stat().st_size > 100_000
    assert "Bitstream" in (fonts.FONT_FOLDER / "LICENSE.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(("start", "end", "locale", "words"), [
    # two days of a month are « les 23 et 24 », three or more « du 23 au 25 »
    (date(2017, 11, 23), date(2017, 11, 24), "fr-FR", f"les 23 et 24{NBSP}novembre 2017"),
    (date(2017, 12, 1), date(2017, 12, 2), "fr-FR", f"les 1er et 2{NBSP}décembre 2017"),
    (date(2017, 11, 23), date(2017, 11, 25), "fr-FR", f"du 23 au 25{NBSP}novembre 2017"),
    (date(2017, 11, 30), date(2017, 12, 1), "fr-FR",
     f"du 30{NBSP}novembre au 1er{NBSP}décembre 2017"),
    (date(2017, 12, 31), date(2018, 1, 1), "fr-FR",
     f"du 31{NBSP}décembre 2017 au 1er{NBSP}janvier 2018"),
    (date(2017, 11, 23), date(2017, 11, 23), "fr-FR", f"le 23{NBSP}novembre 2017"),
    (date(2017, 11, 23), None, "fr-FR", f"le 23{NBSP}novembre 2017"),
    (date(2017, 11, 23), date(2017, 11, 24), "en-US", f"23–24{NBSP}November 2017"),
    (date(2017, 11, 23), date(2017, 11, 25), "en-US", f"23–25{NBSP}November 2017"),
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


def test_english_text_gets_curled_apostrophes_but_no_french_spacing() -> None:
    assert spaced("the team's l'ESS: why?", "en-US") == "the team\u2019s l\u2019ESS: why?"
    assert spaced("O'Brien's 'quoted'", "en-US") == "O\u2019Brien\u2019s 'quoted'"


@pytest.mark.parametrize(("typed", "printed"), [
    ("Why ? Really !", f"Why{NBSP}? Really{NBSP}!"),
    ("publiques : le paysage", f"publiques{NBSP}: le paysage"),
    ("« ESS » and «  two  »", f"«{NBSP}ESS{NBSP}» and «{NBSP}two{NBSP}»"),  # a run: one space
    ("Pourquoi  ?", f"Pourquoi{NBSP}?"),
    ("Ah !? No ; yes.", f"Ah{NBSP}!? No{NBSP}; yes."),
    ("l'ESS : ok", f"l\u2019ESS{NBSP}: ok"),
])
def test_english_text_keeps_its_typed_spaces_before_signs_unbroken(typed: str,
                                                                    printed: str) -> None:
    assert spaced(typed, "en-US") == printed


@pytest.mark.parametrize("text", [
    "Why? Really!", "Deux points: voilà", "«ESS»", "at 10:30 sharp", "ratio 3 :2",
    "https://example.org/?q=1", "a;b", " : at the start",
])
def test_english_text_gets_no_space_added(text: str) -> None:
    assert spaced(text, "en-US") == text


@given(st.text(max_size=80))
@settings(max_examples=150, deadline=None)
def test_english_spacing_is_idempotent_and_adds_nothing(text: str) -> None:
    once = spaced(text, "en-US")
    assert spaced(once, "en-US") == once
    assert len(once) == len(text)


def test_french_signs_never_start_a_line_in_an_english_dossier() -> None:
    # French text in an English pack (a workshop's title, its description)
    assert stranded_signs(markup(" ".join([FRENCH] * 4)))  # what happened before
    assert not stranded_signs(typeset(" ".join([FRENCH] * 4), "en-US"))
