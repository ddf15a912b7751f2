"""Notes in Markdown printed in a dossier: read back from the PDF they build into."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate

from seminaire_app.dossiers import fonts
from seminaire_app.dossiers.markdown import note_flowables
from seminaire_app.dossiers.styles import DossierStyles, make_styles
from seminaire_app.dossiers.typography import NBSP


@pytest.fixture(scope="module")
def styles() -> DossierStyles:
    return make_styles()


def build(flowables: list[Flowable], path: Path, width: float | None = None) -> PdfReader:
    margin = 72.0 if width is None else (A4[0] - width) / 2
    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=margin, rightMargin=margin,
                            initialFontName=fonts.SERIF)  # else the canvas adds Helvetica
    doc.build(list(flowables) or [Paragraph("")])
    return PdfReader(path)


def pdf_text(reader: PdfReader) -> str:
    return "\n".join(page.extract_text() for page in reader.pages)


def fonts_used(reader: PdfReader) -> set[str]:
    names: set[str] = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            names.add(str(font.get_object()["/BaseFont"]).split("+")[-1])
    return names


def uris(reader: PdfReader) -> list[str]:
    found = []
    for page in reader.pages:
        for annot in page.get("/Annots", []):
            action = annot.get_object().get("/A", {})
            if "/URI" in action:
                found.append(str(action["/URI"]))
    return found


def render(body: str, styles: DossierStyles, tmp_path: Path, locale: str = "en-US",
           width: float | None = None) -> PdfReader:
    return build(note_flowables(body, styles, locale), tmp_path / "note.pdf", width)


def test_blocks_print_in_order(styles: DossierStyles, tmp_path: Path) -> None:
    body = ("# Heading one\n\nFirst paragraph,\nsoft-wrapped.\n\n## Heading two\n\n"
            "- apple\n- pear\n\n> quoted words\n\n```\n  code <x>\n```\n\n---\n\nLast words.")
    text = pdf_text(render(body, styles, tmp_path))
    order = ["Heading one", "First paragraph, soft-wrapped.", "Heading two", "apple", "pear",
             "quoted words", "code <x>", "Last words."]
    positions = [text.find(piece) for piece in order]
    assert -1 not in positions, text
    assert positions == sorted(positions)


def test_empty_note_gives_nothing(styles: DossierStyles) -> None:
    assert note_flowables("", styles, "fr-FR") == []
    assert note_flowables(" \n\n\t\n", styles, "fr-FR") == []


def test_bold_italic_and_code_faces(styles: DossierStyles, tmp_path: Path) -> None:
    reader = render("plain **bold** *italic* ***both*** `code`", styles, tmp_path)
    assert pdf_text(reader).strip() == "plain bold italic both code"
    assert {"DejaVuSerif", "DejaVuSerif-Bold", "DejaVuSerif-Italic",
            "DejaVuSerif-BoldItalic", "DejaVuSansMono"} <= fonts_used(reader)


def test_code_prints_in_the_bundled_mono_font(styles: DossierStyles, tmp_path: Path) -> None:
    body = ("Lancer `make <all> && test` ; puis :\n\n```python\nfor x in range(3):\n"
            "    print(\"« x » ?\")\n```\n\n**`gras`** *`italique`*")
    reader = render(body, styles, tmp_path, "fr-FR")
    lines = [" ".join(line.split()) for line in pdf_text(reader).splitlines()]
    assert f"Lancer make <all> && test{NBSP}; puis{NBSP}:".split() == lines[0].split()
    assert lines[1:] == ["for x in range(3):", 'print("« x » ?")', "gras italique"]
    # Bold code, in bold text or a bold heading, prints in the bold face.
    heading = note_flowables("# Le `code`\n\n**a `b`** `c`", styles, "fr-FR")
    assert [f'<font name="{fonts.MONO}-Bold">' in p.text for p in heading] == [True, True]
    assert f'<font name="{fonts.MONO}">c</font>' in heading[1].text
    embedded = {str(font.get_object()["/BaseFont"]).lstrip("/")
                for font in reader.pages[0]["/Resources"]["/Font"].values()}
    # Subsets (« AAAAAA+DejaVuSansMono »): embedded, not referenced.
    assert {"DejaVuSansMono", "DejaVuSansMono-Bold"} <= {
        name.split("+")[1] for name in embedded if "+" in name}


def test_every_font_is_embedded_dejavu(styles: DossierStyles, tmp_path: Path) -> None:
    body = ("# Title\n\n- **a**\n  1. *b*\n\n> `c`\n\n| x | y |\n|---|---|\n| 1 | 2 |\n\n"
            "```\ncode\n```\n\n---\n\n- [ ] box")
    faces = fonts_used(render(body, styles, tmp_path))
    assert faces and all(face.startswith("DejaVu") for face in faces), faces


def test_plain_text_uses_no_bold(styles: DossierStyles, tmp_path: Path) -> None:
    faces = fonts_used(render("nothing strong here", styles, tmp_path))
    assert "DejaVuSerif" in faces and "DejaVuSerif-Bold" not in faces


def test_markup_looking_text_prints_literally(styles: DossierStyles, tmp_path: Path) -> None:
    body = "A & B <b>x</b> <font size=40> AT&T &amp; <script>alert(1)</script>"
    reader = render(body, styles, tmp_path)
    printed = "A & B <b>x</b> <font size=40> AT&T & <script>alert(1)</script>"
    assert pdf_text(reader).strip() == printed
    assert "DejaVuSerif-Bold" not in fonts_used(reader)


def test_html_blocks_print_literally(styles: DossierStyles, tmp_path: Path) -> None:
    body = '<div style="color:red">\n<font size=40>big</font>\n</div>\n\n<!-- hidden? -->'
    text = pdf_text(render(body, styles, tmp_path))
    assert '<div style="color:red">' in text and "<font size=40>big</font>" in text
    assert "<!-- hidden? -->" in text


def test_links_are_live_for_web_and_mail_only(styles: DossierStyles, tmp_path: Path) -> None:
    body = ('[site](https://example.org/a?b=1&c=2) <http://auto.example/x> <me@example.org> '
            'bare https://bare.example/p(1). and www.example.com, '
            '[mail](mailto:team@example.org) [quote](http://q.example/"onclick=x) '
            '[relative](notes.html) [file](file:///etc/passwd) [js](javascript:alert(1))')
    reader = render(body, styles, tmp_path)
    assert uris(reader) == [
        "https://example.org/a?b=1&c=2", "http://auto.example/x", "mailto:me@example.org",
        "https://bare.example/p(1)", "http://www.example.com", "mailto:team@example.org",
        "http://q.example/%22onclick=x",
    ]
    text = pdf_text(reader)
    assert "relative" in text and "file" in text and "javascript:alert(1)" in text


def test_link_text_keeps_its_emphasis(styles: DossierStyles, tmp_path: Path) -> None:
    reader = render("[**bold** link](https://example.org)", styles, tmp_path)
    assert uris(reader) == ["https://example.org"]
    assert "DejaVuSerif-Bold" in fonts_used(reader)


def test_french_spacing_for_french_dossiers_only(styles: DossierStyles) -> None:
    body = "Une question ? Oui : « non » ; l'ESS et *mot* ! fin"
    french = note_flowables(body, styles, "fr-FR")[0].text
    english = note_flowables(body, styles, "en-US")[0].text
    assert "\u202f" not in french  # ReportLab breaks lines there: see typography.NBSP
    assert f"question{NBSP}?" in french and f"Oui{NBSP}:" in french
    assert f"«{NBSP}non{NBSP}»{NBSP};" in french and "l’ESS" in french
    assert f"</i>{NBSP}!" in french  # spaced across the emphasis
    # English keeps the spaces as typed, only unbroken before the signs and inside « »
    assert english == (f"Une question{NBSP}? Oui{NBSP}: «{NBSP}non{NBSP}»{NBSP}; l’ESS et "
                       f"<i>mot</i>{NBSP}! fin")


def test_apostrophes_curl_in_every_language_but_not_in_code_or_addresses(
        styles: DossierStyles, tmp_path: Path) -> None:
    body = ("It's l'ESS, the *team*'s l'**ESS**: `don't` "
            "https://example.org/l'ess [see https://x.example/it's](https://x.example/it's)"
            "\n\n    print('it's')")
    for locale in ("en-US", "fr-FR"):
        text = " ".join(pdf_text(render(body, styles, tmp_path, locale)).split())
        assert text.count("’") == 4  # the prose's, across emphasis too
        assert text.startswith("It’s l’ESS, the team’s l’ESS")
        assert "don't" in text and "print('it's')" in text  # code as typed
        assert "https://example.org/l'ess" in text and "see https://x.example/it's" in text
    assert uris(render(body, styles, tmp_path)) == ["https://example.org/l'ess",
                                                     "https://x.example/it's"]


def test_french_spacing_keeps_signs_with_their_words(styles: DossierStyles,
                                                      tmp_path: Path) -> None:
    body = " ".join(["Pourquoi *coopérer* ? Comment **durer** ; avec « qui » : `x` !"] * 6)
    lines = pdf_text(render(body, styles, tmp_path, "fr-FR", width=180)).splitlines()
    assert len(lines) > 5
    assert not [line for line in lines if line.lstrip()[:1] in "?;!:»"]
    (paragraph,) = note_flowables(body, styles, "fr-FR")
    for width in range(80, 240, 3):  # every word fits: ReportLab cuts wider ones anywhere
        paragraph.wrap(width, 10_000)
        printed = ["".join(frag.text for frag in line.words).strip()
                   for line in paragraph.blPara.lines]
        assert not [line for line in printed if line[:1] in "?;!:»" or line[-1:] == "«"]


def test_code_and_urls_keep_english_spacing(styles: DossierStyles) -> None:
    text = note_flowables("`a ? b` https://x.example/?q=1 ;", styles, "fr-FR")[0].text
    assert "a ? b" in text and ">https://x.example/?q=1</a>" in text


def test_numbered_lists_count_from_their_start(styles: DossierStyles, tmp_path: Path) -> None:
    body = ("3. three\n4. four\n   1. inner one\n   1. inner two\n5. five\n\n"
            "text between\n\n1) a\n1) b\n")
    lines = [line.strip() for line in pdf_text(render(body, styles, tmp_path)).splitlines()]
    assert lines == ["3. three", "4. four", "1. inner one", "2. inner two", "5. five",
                     "text between", "1) a", "2) b"]


def test_long_lists_align_numbers_and_text(styles: DossierStyles, tmp_path: Path) -> None:
    body = "".join(f"{n}. item {n}\n" for n in range(8, 12))
    xs: dict[str, float] = {}

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            xs.setdefault(text.strip(), tm[4] + cm[4])

    render(body, styles, tmp_path).pages[0].extract_text(visitor_text=visit)
    starts = {xs[f"item {n}"] for n in range(8, 12)}
    assert len(starts) == 1  # the text of every item starts at the same place
    assert xs["9."] > xs["10."]  # numbers are right-aligned


def test_nested_lists_indent(styles: DossierStyles) -> None:
    flowables = note_flowables("- outer\n  - inner\n    - innermost\n- back", styles, "en-US")
    indents = [f.style.leftIndent for f in flowables if isinstance(f, Paragraph)]
    assert indents[0] < indents[1] < indents[2] and indents[3] == indents[0]
    assert [f.bulletText for f in flowables if isinstance(f, Paragraph)] == ["•", "–", "◦", "•"]


def test_task_lists_print_boxes(styles: DossierStyles, tmp_path: Path) -> None:
    text = pdf_text(render("- [ ] to do\n- [x] done\n- [link](https://x.example)", styles,
                           tmp_path))
    assert [line.strip() for line in text.splitlines()] == ["☐ to do", "☒ done", "• link"]


def test_headings_stay_under_the_dossier_and_out_of_the_contents(styles: DossierStyles) -> None:
    flowables = note_flowables("# One\n## Two\n### Three\n###### Six", styles, "en-US")
    assert all(isinstance(f, Paragraph) for f in flowables)
    names = [f.style.name for f in flowables]
    assert not {"h1", "h2", "h3"} & set(names) and all(n.startswith("note-") for n in names)
    sizes = [f.style.fontSize for f in flowables]
    assert sizes[0] == styles.h3.fontSize and sizes == sorted(sizes, reverse=True)
    deeper = note_flowables("# One", styles, "en-US", base_level=4)[0]
    assert deeper.style.fontSize == styles.body.fontSize


def test_tables(styles: DossierStyles, tmp_path: Path) -> None:
    body = "| Name | Count |\n|:--|--:|\n| **apples** | 3 |\n| pears | 12 |\n"
    text = pdf_text(render(body, styles, tmp_path))
    cells = [piece.strip() for piece in text.split() if piece.strip()]
    assert cells == ["Name", "Count", "apples", "3", "pears", "12"]


def test_images_print_their_description(styles: DossierStyles, tmp_path: Path) -> None:
    reader = render("![a *diagram*](https://img.example/a.png)", styles, tmp_path)
    assert pdf_text(reader).strip() == "a diagram"
    assert uris(reader) == ["https://img.example/a.png"]


def test_long_note_spreads_over_pages(styles: DossierStyles, tmp_path: Path) -> None:
    body = "\n\n".join(f"Paragraph {n} " + "word " * 80 for n in range(40))
    body += "\n\n| a | b |\n|-|-|\n| " + "cell " * 2000 + " | x |\n"
    reader = render(body, styles, tmp_path)
    assert len(reader.pages) > 5
    assert "Paragraph 39" in pdf_text(reader)


_FRAGMENTS = ["# ", "### ", "**", "*", "_", "`", "```\n", "~~", "- ", "1. ", "7) ", "> ",
              "[", "](", ")", "](http://x.example/\"q", "<", ">", "<https://é.example/",
              "www.", "http://", "|", "|---|", "\n", "\n\n", "  \n", "    ", "---\n", "&amp;",
              "&", "<b>", "<font size=40>", "![a](", "- [ ] ", " ?", " :", "«", "»", "'",
              "\x00", "\u202f", "\\"]


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(body=st.lists(st.one_of(st.sampled_from(_FRAGMENTS), st.text(max_size=12)),
                     max_size=50).map("".join),
       locale=st.sampled_from(["fr-FR", "en-US"]))
def test_any_text_builds(styles: DossierStyles, body: str, locale: str) -> None:
    flowables = note_flowables(body, styles, locale)
    with tempfile.TemporaryDirectory() as folder:
        build(flowables, Path(folder) / "note.pdf")
