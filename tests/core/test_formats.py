"""Format detection from content, dispatch to readers and writers, shared value checks."""

from __future__ import annotations

import subprocess
import sys
import types
from pathlib import Path

import pytest

from seminaire_app.errors import ValidationError
from seminaire_app.interchange import ParseResult, csljson, formats, ris

DATA = Path(__file__).parent

BIBTEX = "% Exporté par JabRef\n\n@Book{laville2016,\n  title = {L'économie sociale},\n}\n"
RIS = "TY  - JOUR\r\nTI  - Les communs\r\nER  - \r\n"
CSL = '[\n  {"id": "a", "type": "book", "title": "Les communs"}\n]\n'


@pytest.mark.parametrize(("text", "expected"), [
    (BIBTEX, "bibtex"),
    ("  @article (cle,\n title = {x})", "bibtex"),
    ("\ufeff" + BIBTEX, "bibtex"),
    (RIS, "ris"),
    ("\ufeff" + RIS, "ris"),
    ("Provider: Sudoc\nContent: text/plain\n\n" + RIS, "ris"),
    ("TY - JOUR\nER - \n", "ris"),
    (CSL, "csljson"),
    ("\ufeff\n  " + CSL, "csljson"),
    ('{"id": "a", "type": "book", "title": "Seul"}', "csljson"),
    ('[{"id": "a", "type": "book" "title": "Virgule oubliée"}]', "csljson"),  # broken JSON
])
def test_detect_from_content(text: str, expected: str) -> None:
    assert formats.detect_format(text) == expected
    # the content wins over a misleading extension
    assert formats.detect_format(text, "export.txt") == expected
    wrong = {"bibtex": "x.ris", "ris": "x.json", "csljson": "x.bib"}[expected]
    assert formats.detect_format(text, wrong) == expected


def test_json_that_parses_is_csljson_whatever_its_strings_hold() -> None:
    text = '[{"title": "x", "note": "TY  - JOUR\\n@book{y,"}]'
    assert formats.detect_format(text, "refs.ris") == "csljson"


def test_the_extension_breaks_a_tie() -> None:
    """A RIS abstract holding a BibTeX entry, and the other way round."""
    text = RIS.replace("TI  - Les communs", "AB  - Cité ainsi :\r\n@book{x,\r\n}")
    assert formats.detect_format(text) == "ris"  # found first
    assert formats.detect_format(text, "export.bib") == "bibtex"
    assert formats.detect_format(text, "EXPORT.RIS") == "ris"
    bib = "@misc{x,\n  note = {\nTY  - JOUR\n}}\n"
    assert formats.detect_format(bib) == "bibtex"
    assert formats.detect_format(bib, "x.ris") == "ris"


@pytest.mark.parametrize(("text", "message"), [
    ("", "the file is empty"),
    (" \n\ufeff\n", "the file is empty"),
    ("Titre;Auteur;Année\nLes communs;Dupont;2017\n",
     "not a bibliography: no BibTeX entry (@article{…), no RIS entry (a line « TY  - … ») "
     "and no CSL-JSON array or object"),
    ("%PDF-1.7\n\x00\x01\x02", "the file holds binary data, not BibTeX, RIS or CSL-JSON text"),
])
def test_nothing_fits(text: str, message: str) -> None:
    with pytest.raises(ValidationError) as caught:
        formats.detect_format(text, "export.ris")  # an extension alone is not enough
    assert (caught.value.field, caught.value.message) == ("format", message)


def test_reader_and_writer_dispatch() -> None:
    assert formats.FORMATS == ("bibtex", "ris", "csljson")
    assert formats.reader("ris") is ris.parse and formats.writer("ris") is ris.write
    assert formats.reader("csljson") is csljson.parse
    assert formats.writer("csljson") is csljson.write
    with pytest.raises(ValidationError) as caught:
        formats.reader("endnote")
    assert caught.value.field == "format"
    assert "bibtex, ris, csljson" in caught.value.message
    with pytest.raises(ValidationError):
        formats.writer("RIS")


def test_bibtex_is_imported_only_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    """Dispatch reaches whatever module stands at interchange.bibtex, when asked."""
    fake = types.ModuleType("seminaire_app.interchange.bibtex")

    def parse(text: str, base_dir: Path | None = None) -> ParseResult:
        return ParseResult(warnings=(text,))

    def write(refs: object) -> str:
        return "@comment{}"

    fake.parse = parse  # type: ignore[attr-defined]
    fake.write = write  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "seminaire_app.interchange.bibtex", fake)
    assert formats.reader("bibtex")("x", None) == ParseResult(warnings=("x",))
    assert formats.writer("bibtex")([]) == "@comment{}"


def test_detection_works_without_the_bibtex_module() -> None:
    script = (
        "import sys\n"
        "sys.modules['seminaire_app.interchange.bibtex'] = None  # import fails\n"
        "from seminaire_app.interchange import formats\n"
        "print(formats.detect_format('@book{a,}'), formats.detect_format('TY  - GEN'))\n"
        "try:\n"
        "    formats.reader('bibtex')\n"
        "except ImportError:\n"
        "    print('lazy')\n")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         check=True, cwd=DATA.parent.parent)
    assert out.stdout.split() == ["bibtex", "ris", "lazy"]


@pytest.mark.parametrize(("text", "binary"), [
    ("", False),
    ("Texte ordinaire, accentué : « œuvre », tabulation\tet saut\fde page\r\n", False),
    ("un seul \x01 contrôle" * 3, False),
    ("a\x00b", True),
    ("".join(chr(1 + i % 8) for i in range(500)), True),
    ("x" * 70_000 + "\x00", False),  # only the first 64 KiB are looked at
])
def test_looks_binary(text: str, binary: bool) -> None:
    assert formats.looks_binary(text) is binary


@pytest.mark.parametrize(("value", "isbn", "issn"), [
    ("978-2-7071-9436-6", True, False),
    ("2-07-036002-0", True, False),
    ("207036002X", True, False),
    ("978 2 7071 9436 6", True, False),
    ("1626-1682", False, True),
    ("0035296X", False, True),
    ("978-2-7071-9436", False, False),
    ("ISBN 978-2-7071-9436-6", False, False),
    ("١٦٢٦-١٦٨٢", False, False),  # Arabic-Indic digits are not an ISSN
])
def test_isbn_and_issn_shapes(value: str, isbn: bool, issn: bool) -> None:
    assert (formats.is_isbn(value), formats.is_issn(value)) == (isbn, issn)


def test_isbn_tokens() -> None:
    assert formats.isbn_tokens("978-2-7071-9436-6 (br.)") == ["978-2-7071-9436-6"]
    assert formats.isbn_tokens("ISBN:2-07-036002-0; 978-2-07-036002-4") == [
        "2-07-036002-0", "978-2-07-036002-4"]
    assert formats.isbn_tokens("n.c.") == []


@pytest.mark.parametrize(("value", "url"), [
    ("https://www.cairn.info/revue", "https://www.cairn.info/revue"),
    ("  doi:10.1/x ", "doi:10.1/x"),
    ("www.sudoc.fr/199875215", "http://www.sudoc.fr/199875215"),
    ("lerameau.fr", "http://lerameau.fr"),
    ("voir la bibliothèque", None),
    ("", None),
])
def test_lenient_url(value: str, url: str | None) -> None:
    assert formats.lenient_url(value) == url
