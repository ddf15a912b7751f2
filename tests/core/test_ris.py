"""RIS: Zotero and catalogue exports, every tag mapping, broken files, writing, round trips."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import rispy
from hypothesis import given, settings
from hypothesis import strategies as st

from seminaire_app.domain import Creator, Reference, ReferenceDraft, ReferenceId
from seminaire_app.interchange import ParsedEntry, ParseResult, ris
from seminaire_app.services import references

DATA = Path(__file__).parent / "data" / "ris"
MODS = "{http://www.loc.gov/mods/v3}"


def person(family: str, given: str = "", role: str = "author", **kw: str) -> Creator:
    return Creator(role=role, family=family, given=given, **kw)


def institution(name: str, role: str = "author") -> Creator:
    return Creator(role=role, literal=name)


def read(text: str, base_dir: Path | None = None) -> ParseResult:
    return ris.parse(text, base_dir)


def only(text: str, base_dir: Path | None = None) -> ReferenceDraft:
    """The one draft of a clean text (no error, no warning)."""
    result = read(text, base_dir)
    assert result.errors == () and result.warnings == ()
    (entry,) = result.entries
    return entry.draft


def entry(*lines: str, ty: str = "JOUR", title: str = "Titre") -> str:
    body = [f"TY  - {ty}", *([f"TI  - {title}"] if title else []), *lines, "ER  - "]
    return "\n".join(body) + "\n"


def ref(item_type: str = "article-journal", title: str = "Titre", key: str = "cle2017",
        **kw: object) -> Reference:
    return Reference(id=ReferenceId(1), citation_key=key, item_type=item_type, title=title,
                     **kw)  # type: ignore[arg-type]


def draft_of(reference: Reference) -> ReferenceDraft:
    return ReferenceDraft(
        item_type=reference.item_type, title=reference.title, creators=reference.creators,
        issued=reference.issued, fields=dict(reference.fields), custom=dict(reference.custom),
        tags=reference.tags, citation_key=reference.citation_key)


def round_trip(reference: Reference) -> ReferenceDraft:
    return only(ris.write([reference]))


# --- real files ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def zotero() -> list[ParsedEntry]:
    """Zotero's RIS export: UTF-8 with a BOM, CRLF line ends, a PDF under files/."""
    raw = (DATA / "zotero_export.ris").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    result = ris.parse(raw.decode("utf-8"), DATA)
    assert result.errors == () and result.warnings == ()
    return list(result.entries)


def test_zotero_export_reads_every_entry_at_its_line(zotero: list[ParsedEntry]) -> None:
    assert [(e.line, e.draft.item_type) for e in zotero] == [
        (1, "article-journal"), (27, "book"), (43, "chapter"), (58, "report"),
        (70, "webpage"), (80, "thesis")]
    assert all(references.validate(e.draft) == e.draft for e in zotero)


def test_zotero_journal_article(zotero: list[ParsedEntry]) -> None:
    article = zotero[0]
    assert article.draft == ReferenceDraft(
        item_type="article-journal",
        title="Les alliances entre associations et entreprises : un état des lieux",
        creators=(person("Dupont", "Marie"),
                  person("Ormesson", "Jean", non_dropping_particle="d'")),
        issued="2017-11-23",
        fields={
            "container-title": "RECMA : Revue internationale de l'économie sociale",
            "container-title-short": "RECMA",
            "title-short": "Les alliances entre associations et entreprises",
            "abstract": "Cet article dresse un état des lieux des partenariats stratégiques "
                        "entre associations et entreprises en France.\n\n"
                        "Il s'appuie sur l'enquête PHARE menée en 2016.",
            "DOI": "10.3917/recma.346.0012", "source": "Cairn.info", "page": "12-34",
            "language": "fr", "ISSN": "1626-1682", "issue": "346",
            "URL": "https://www.cairn.info/revue-recma-2017-4-page-12.htm",
            "accessed": "2024-03-05",  # Zotero's access time is dropped, not kept aside
            "note": "<p>Lu pour l'atelier 3 : « Alliances ».</p>"},
        tags=("Coopération", "Économie sociale"))
    pdf = DATA / "files" / "12" / "Dupont et d'Ormesson - 2017 - Les alliances.pdf"
    assert article.files == (pdf.resolve(),)


def test_zotero_book_chapter_report_webpage_thesis(zotero: list[ParsedEntry]) -> None:
    book, chapter, report, webpage, thesis = (e.draft for e in zotero[1:])
    # BOOK: A3 is the editor, A2 the series editor, T2 the series, a lone SP its pages.
    assert book.creators == (person("Laville", "Jean-Louis"),
                             person("Hiez", "David", role="editor"),
                             person("Bidet", "Éric", role="collection-editor"))
    assert book.issued == "2016"
    assert book.fields == {
        "collection-title": "Repères", "publisher-place": "Paris", "edition": "2e éd.",
        "publisher": "La Découverte", "ISBN": "978-2-7071-9436-6",
        "number-of-pages": "128", "language": "fr"}
    # CHAP: A2 editor, A3 series editor, A4 translator; T2 the book, T3 the series.
    assert chapter.creators == (
        person("Tocqueville", "Alexis", dropping_particle="de"),
        person("Gaulle", "Charles", role="editor", non_dropping_particle="de"),
        person("Coriat", "Benjamin", role="collection-editor"),
        person("Martin", "Anne", role="translator"))
    assert chapter.fields["container-title"] == "Le retour des communs"
    assert chapter.fields["collection-title"] == "Les liens qui libèrent"
    assert chapter.fields["page"] == "45-67"
    # RPRT: a name without a comma is an institution; SN not an ISBN is its number.
    assert report.creators == (institution("Le Rameau"),)
    assert report.issued == "2017-11"
    assert report.fields["number"] == "RR-2017-04" and report.tags == ("Évaluation",)
    assert webpage.creators == (institution("Grenoble-Alpes Métropole"),)
    assert webpage.fields == {"container-title": "Site de la Métropole",
                              "URL": "https://www.grenoblealpesmetropole.fr/communs",
                              "accessed": "2024-01-15"}
    assert thesis.creators == (person("Bouchard", "Marie", suffix="Jr"),)
    assert thesis.fields == {"publisher": "Université Grenoble Alpes",
                             "genre": "Thèse de doctorat", "number-of-pages": "412"}


def test_library_catalogue_export() -> None:
    """A catalogue (Sudoc-like): header lines, LF, « 2017/// », « (br.) » after the ISBN."""
    result = ris.parse((DATA / "catalogue.ris").read_text("utf-8"), DATA)
    assert result.errors == () and result.warnings == ()
    book, article = result.entries
    assert book.line == 4 and article.line == 22
    assert book.draft == ReferenceDraft(
        item_type="book", title="La démocratie locale à l'épreuve des communs",
        creators=(person("Laville", "Jean-Louis"), person("Salmon", "Anne")),
        issued="2017",
        fields={"publisher-place": "Paris", "publisher": "La Découverte",
                "collection-title": "Recherches", "ISBN": "978-2-7071-9436-6",
                "number-of-pages": "350 p.", "note": "Bibliogr. p. 320-345. Index",
                "language": "fre", "URL": "http://www.sudoc.fr/199875215"},
        # what no field holds comes in as ris.* custom fields: nothing is lost
        custom={"ris.ID": "199875215", "ris.SN": "978-2-7071-9436-6 (br.)"},
        tags=("Économie sociale", "Associations", "Démocratie participative"))
    assert article.draft.issued == "2018-06"  # « 2018/06/00 »: day unknown
    assert article.draft.fields["container-title"] == "Revue française de socio-économie"
    assert article.draft.custom == {"ris.JO": "Revue française"}  # JF wins over JO
    assert article.draft.fields["page"] == "89-108"
    assert article.draft.fields["ISSN"] == "1966-6608"


# --- mappings --------------------------------------------------------------------------

@pytest.mark.parametrize(("code", "item_type"), [
    ("JOUR", "article-journal"), ("BOOK", "book"), ("CHAP", "chapter"), ("RPRT", "report"),
    ("ELEC", "webpage"), ("WEB", "webpage"), ("ICOMM", "webpage"), ("THES", "thesis"),
    ("CONF", "paper-conference"), ("CPAPER", "paper-conference"), ("GEN", "document"),
    ("NEWS", "article-newspaper"), ("MGZN", "article-magazine"), ("SLIDE", "speech"),
    ("SOUND", "song"), ("VIDEO", "motion_picture"), ("MPCT", "motion_picture"),
    ("EDBOOK", "book"), ("ECHAP", "chapter"), ("UNPB", "manuscript"), ("DATA", "dataset"),
    ("jour", "article-journal"),
])
def test_types(code: str, item_type: str) -> None:
    assert only(entry(ty=code)).item_type == item_type


def test_in_press_is_a_status_and_goes_back_out_as_inpr() -> None:
    draft = only(entry(ty="INPR"))
    assert (draft.item_type, draft.fields) == ("article-journal", {"status": "in press"})
    text = ris.write([ref(fields={"status": "in press"})])
    assert text.startswith("TY  - INPR\r\n")


def test_unknown_type_is_a_document_kept_for_writing_back() -> None:
    result = read(entry(ty="XYZ"))
    (parsed,) = result.entries
    assert parsed.draft.item_type == "document"
    assert parsed.draft.custom == {"ris.TY": "XYZ"}
    assert result.warnings == ("line 1: unknown RIS type « XYZ », read as a document",)
    assert ris.write([ref("document", custom={"ris.TY": "XYZ"})]).startswith("TY  - XYZ\r\n")


@pytest.mark.parametrize(("lines", "issued", "custom"), [
    (["PY  - 2017"], "2017", {}),
    (["PY  - 2017///"], "2017", {}),
    (["PY  - 2017/11/23/"], "2017-11-23", {}),
    (["Y1  - 2017/11//"], "2017-11", {}),
    (["DA  - 2017/00/00"], "2017", {}),
    (["DA  - 2017-11-23"], "2017-11-23", {}),
    (["PY  - 2017", "DA  - 2017/11/23/"], "2017-11-23", {}),
    (["DA  - 2017/11/23/Printemps"], "2017-11-23", {"ris.DA": "2017/11/23/Printemps"}),
    (["PY  - c2017"], "2017", {"ris.PY": "c2017"}),
    (["PY  - s.d."], "", {"ris.PY": "s.d."}),
    (["PY  - 2018", "DA  - 2017/11/23/"], "2017-11-23", {"ris.PY": "2018"}),
])
def test_dates(lines: list[str], issued: str, custom: dict[str, str]) -> None:
    draft = only(entry(*lines))
    assert (draft.issued, dict(draft.custom)) == (issued, custom)


def test_access_date() -> None:
    assert only(entry("Y2  - 2020/01/02/")).fields == {"accessed": "2020-01-02"}
    draft = only(entry("Y2  - hier"))
    assert (dict(draft.fields), dict(draft.custom)) == ({}, {"ris.Y2": "hier"})


@pytest.mark.parametrize(("ty", "tag", "role"), [
    ("JOUR", "AU", "author"), ("JOUR", "A1", "author"), ("BOOK", "ED", "editor"),
    ("JOUR", "A2", "editor"), ("CHAP", "A2", "editor"), ("BOOK", "A2", "collection-editor"),
    ("RPRT", "A2", "collection-editor"), ("PCOMM", "A2", "recipient"),
    ("BOOK", "A3", "editor"), ("CHAP", "A3", "collection-editor"),
    ("THES", "A3", "contributor"), ("BOOK", "A4", "translator"),
    ("CONF", "A4", "contributor"),
])
def test_creator_tags(ty: str, tag: str, role: str) -> None:
    assert only(entry(f"{tag}  - Dupont, Marie", ty=ty)).creators == (
        person("Dupont", "Marie", role=role),)


@pytest.mark.parametrize(("value", "creator"), [
    ("Dupont, Marie", person("Dupont", "Marie")),
    ("Le Rameau", institution("Le Rameau")),
    ("Platon", institution("Platon")),
    ("{Université Grenoble Alpes, laboratoire PACTE}",
     institution("Université Grenoble Alpes, laboratoire PACTE")),
    ("Bouchard, Marie, Jr.", person("Bouchard", "Marie", suffix="Jr.")),
    ("Dupont,", person("Dupont")),
    ("de La Fayette, Marie-Madeleine",
     person("La Fayette", "Marie-Madeleine", non_dropping_particle="de")),
    ("Tocqueville, Alexis de", person("Tocqueville", "Alexis", dropping_particle="de")),
    ("d'Ormesson, Jean", person("Ormesson", "Jean", non_dropping_particle="d'")),
    ("  Dupont ,   Marie  ", person("Dupont", "Marie")),
])
def test_names(value: str, creator: Creator) -> None:
    assert only(entry(f"AU  - {value}")).creators == (creator,)


@pytest.mark.parametrize(("ty", "lines", "fields"), [
    ("JOUR", ["SP  - 12", "EP  - 14"], {"page": "12-14"}),
    ("JOUR", ["SP  - 12-14"], {"page": "12-14"}),
    ("JOUR", ["SP  - 12"], {"page": "12"}),
    ("JOUR", ["EP  - 14"], {"page": "14"}),
    ("BOOK", ["SP  - 350"], {"number-of-pages": "350"}),
    ("BOOK", ["SP  - 12", "EP  - 12"], {"page": "12"}),
    ("BOOK", ["SP  - 12–14"], {"page": "12–14"}),
])
def test_pages(ty: str, lines: list[str], fields: dict[str, str]) -> None:
    assert only(entry(*lines, ty=ty)).fields == fields


@pytest.mark.parametrize(("tag", "variable"), [
    ("T2", "container-title"), ("JO", "container-title"), ("JF", "container-title"),
    ("BT", "container-title"), ("T3", "collection-title"), ("PB", "publisher"),
    ("CY", "publisher-place"), ("PP", "publisher-place"), ("VL", "volume"), ("IS", "issue"),
    ("ET", "edition"), ("LA", "language"), ("J2", "container-title-short"),
    ("ST", "title-short"), ("NV", "number-of-volumes"), ("SE", "section"), ("M3", "genre"),
    ("DB", "archive"), ("AN", "archive_location"), ("CN", "call-number"), ("DP", "source"),
    ("N1", "note"), ("AB", "abstract"), ("N2", "abstract"),
])
def test_text_tags(tag: str, variable: str) -> None:
    assert only(entry(f"{tag}  - Valeur")).fields == {variable: "Valeur"}


def test_identifiers_and_links() -> None:
    draft = only(entry("DO  - https://doi.org/10.1/abc", "UR  - https://example.org/x",
                       "SN  - 0035-2969", "SN  - 2-07-036002-0", "ID  - dupont2017"))
    assert draft.fields == {"DOI": "10.1/abc", "URL": "https://example.org/x",
                            "ISSN": "0035-2969", "ISBN": "2-07-036002-0"}
    assert draft.citation_key == "dupont2017"
    assert only(entry("M3  - 10.1234/doi-in-m3")).fields == {"DOI": "10.1234/doi-in-m3"}
    draft = only(entry("UR  - voir la bibliothèque", "ID  - pas une clé", "SN  - n.c."))
    assert draft.fields == {} and draft.citation_key == ""
    assert draft.custom == {"ris.UR": "voir la bibliothèque", "ris.ID": "pas une clé",
                            "ris.SN": "n.c."}


def test_keywords_notes_abstracts() -> None:
    draft = only(entry("KW  - Économie sociale; Associations", "KW  - coopération, ESS",
                       "KW  - associations", "N1  - Première note", "N1  - Seconde note",
                       "AB  - Résumé", "N2  - Résumé", "N2  - Autre résumé"))
    assert draft.tags == ("Économie sociale", "Associations", "coopération", "ESS")
    assert draft.fields == {"note": "Première note\n\nSeconde note", "abstract": "Résumé"}
    assert draft.custom == {"ris.N2": "Autre résumé"}


def test_continuation_lines_join_soft_wraps_and_keep_paragraphs() -> None:
    draft = only("TY  - JOUR\nTI  - Un titre coupé\n  à 70 caractères\n"
                 "AB  - Ligne un\nligne deux\n\nparagraphe\nKW  - un\ndeux\nER  - \n")
    assert draft.title == "Un titre coupé à 70 caractères"
    assert draft.fields == {"abstract": "Ligne un\nligne deux\n\nparagraphe"}
    assert draft.tags == ("un", "deux")


def test_repeated_and_unknown_tags_become_custom_fields() -> None:
    draft = only(entry("TI  - Second titre", "ZZ  - inconnu", "M1  - un", "M1  - deux",
                       "UR  - https://a.example", "UR  - https://b.example",
                       "T1  - Titre", "JF  - Revue", "JO  - Revue"))
    assert draft.title == "Titre"  # T1 says the same: no custom field for it
    assert draft.fields == {"URL": "https://a.example", "container-title": "Revue"}
    assert draft.custom == {"ris.TI": "Second titre", "ris.ZZ": "inconnu",
                            "ris.M1": "un\ndeux", "ris.UR": "https://b.example"}


def test_file_links(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.pdf").write_bytes(b"%PDF")
    (tmp_path / "b b.pdf").write_bytes(b"%PDF")
    other = tmp_path / "c.pdf"
    other.write_bytes(b"%PDF")
    text = entry("L1  - sub/a.pdf", "L1  - file://" + str(tmp_path / "b%20b.pdf"),
                 f"L4  - {other}", "L1  - https://example.org/d.pdf", "L1  - absent.pdf",
                 "L1  - internal-pdf://1234/e.pdf")
    result = read(text, tmp_path)
    (parsed,) = result.entries
    assert parsed.files == ((tmp_path / "sub" / "a.pdf").resolve(),
                            (tmp_path / "b b.pdf").resolve(), other.resolve())
    assert parsed.draft.custom == {
        "ris.L1": "https://example.org/d.pdf\nabsent.pdf\ninternal-pdf://1234/e.pdf"}
    assert result.warnings == ("line 7: file « absent.pdf » not found",)
    assert read(entry("L1  - sub/a.pdf")).entries[0].files == ()  # no base folder


# --- broken files ----------------------------------------------------------------------

def test_broken_entries_are_reported_at_their_line_and_the_rest_comes_in() -> None:
    result = ris.parse((DATA / "broken.ris").read_text("utf-8"))
    assert [(e.line, e.draft.title) for e in result.entries] == [
        (1, "Premier livre, bien formé"), (11, "Entrée après l'entrée sans ER"),
        (25, "Dernière entrée, bien formée")]
    assert [(e.line, e.reason) for e in result.errors] == [
        (7, "no « ER  - » line ends this entry; the next one starts at line 11"),
        (16, "tags outside an entry: an entry must start with « TY  - »"),
        (20, "title: a reference needs a title"),
        (30, "the file ends before this entry's « ER  - »")]


def test_a_bad_entry_names_its_key() -> None:
    result = read(entry("ID  - dupont2017", "AU  - Dupont, Marie", title=""))
    assert result.entries == ()
    assert result.errors[0].key == "dupont2017" and result.errors[0].line == 1


@pytest.mark.parametrize("text", [
    "TY  - JOUR\x00\x00\x01binary",
    "\x89PNG\r\n\x1a\n" + "\x00" * 50,
    "".join(chr(1 + i % 8) for i in range(2000)),  # control characters, no NUL
])
def test_binary_garbage_is_one_error(text: str) -> None:
    result = ris.parse(text)
    assert result.entries == ()
    assert [(e.line, e.reason) for e in result.errors] == [(1, "binary data, not a RIS file")]


def test_text_without_entries() -> None:
    assert ris.parse("") == ParseResult()
    assert ris.parse("\n\n  \n") == ParseResult()
    result = ris.parse("Ceci n'est pas un fichier RIS.\nDeuxième ligne.\n")
    assert [(e.line, e.reason) for e in result.errors] == [
        (1, "no RIS entry: an entry starts with a « TY  - » line")]


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_line_ends_and_byte_order_marks(newline: str) -> None:
    text = ("\ufeff" + entry("AU  - Dupont, Marie") + "\ufeff" + entry(title="Second")
            ).replace("\n", newline)  # two exports concatenated, each with its BOM
    result = ris.parse(text)
    assert [(e.line, e.draft.title) for e in result.entries] == [(1, "Titre"), (5, "Second")]
    assert result.entries[0].draft.creators == (person("Dupont", "Marie"),)


def test_ten_thousand_entries_in_reasonable_time() -> None:
    text = entry("AU  - Dupont, Marie", "PY  - 2017///", "KW  - un", "SP  - 1",
                 "EP  - 9") * 10_000
    result = ris.parse(text)
    assert len(result.entries) == 10_000 and result.errors == ()


# --- writing ---------------------------------------------------------------------------

def test_written_records_are_spec_shaped() -> None:
    text = ris.write([ref(), ref("book", title="Livre", key="livre")])
    assert "\n" not in text.replace("\r\n", "")
    lines = text.split("\r\n")
    assert lines[-1] == ""  # the text ends with a line end
    assert [i for i, line in enumerate(lines) if line.startswith("TY  - ")] == [0, 4]
    assert lines[3] == "ER  - " and lines[7] == "ER  - "  # no blank line between records
    assert all(re.fullmatch(r"[A-Z][A-Z0-9]  - .*", line) for line in lines[:-1])


def test_writing_every_tag() -> None:
    reference = ref(
        "chapter", title="Gouverner les communs", key="tocqueville2015gouverner",
        creators=(person("Tocqueville", "Alexis", dropping_particle="de"),
                  institution("Le Rameau"),
                  institution("Université Grenoble Alpes, PACTE", "editor"),
                  person("Martin", "Anne", role="translator"),
                  person("Coriat", "", role="collection-editor"),
                  person("Bouchard", "Marie", suffix="Jr."),
                  person("Dupont", "Paul", role="director")),  # no RIS tag: left out
        issued="2015-03",
        fields={"container-title": "Le retour des communs", "page": "45-67",
                "note": "Ligne un\nAB  - pas un tag\n\nParagraphe", "accessed": "2020-01-02"},
        custom={"ris.M1": "un\ndeux", "programme": "not carried by RIS"},
        tags=("Communs", "Économie sociale"))
    assert ris.write([reference]).split("\r\n") == [
        "TY  - CHAP", "ID  - tocqueville2015gouverner", "TI  - Gouverner les communs",
        "AU  - Tocqueville, Alexis de", "AU  - Le Rameau",
        "A2  - {Université Grenoble Alpes, PACTE}", "A4  - Martin, Anne", "A3  - Coriat,",
        "AU  - Bouchard, Marie, Jr.", "PY  - 2015", "DA  - 2015/03//",
        "T2  - Le retour des communs", "SP  - 45", "EP  - 67", "Y2  - 2020/01/02/",
        "N1  - Ligne un", " AB  - pas un tag", "", "Paragraphe", "KW  - Communs",
        "KW  - Économie sociale", "M1  - un", "M1  - deux", "ER  - ", ""]
    back = round_trip(reference)
    assert back.creators == reference.creators[:-1]
    assert back.fields == reference.fields
    assert back.custom == {"ris.M1": "un\ndeux"}


@pytest.mark.parametrize(("item_type", "fields", "lines"), [
    ("book", {"collection-title": "Repères", "container-title": "Œuvres"},
     ["JF  - Œuvres", "T2  - Repères"]),
    ("article-journal", {"collection-title": "Dossier", "container-title": "RECMA"},
     ["T2  - RECMA", "T3  - Dossier"]),
    ("book", {"number-of-pages": "350"}, ["SP  - 350"]),
    ("book", {"page": "12"}, ["SP  - 12", "EP  - 12"]),
    ("report", {"number": "RR-12", "ISBN": "978-2-07-036002-4"},
     ["SN  - 978-2-07-036002-4", "SN  - RR-12"]),
])
def test_type_dependent_writing(item_type: str, fields: dict[str, str],
                                lines: list[str]) -> None:
    reference = ref(item_type, fields=fields)
    written = ris.write([reference]).split("\r\n")
    assert [line for line in written if line[:2] not in ("TY", "ID", "TI", "ER", "")] == lines
    assert round_trip(reference) == draft_of(reference)


def test_ris2xml_reads_what_we_write(tmp_path: Path) -> None:
    """bibutils (installed by ./dev) reads every record without complaint."""
    program = shutil.which("ris2xml")
    assert program is not None, "bibutils' ris2xml is installed by the project's set-up"
    refs = [
        ref("article-journal", "Les alliances : un état des lieux", "dupont2017alliances",
            creators=(person("Dupont", "Marie"), person("Ormesson", "Jean",
                                                        non_dropping_particle="d'")),
            issued="2017-11-23", tags=("Coopération",),
            fields={"container-title": "RECMA", "volume": "3", "issue": "346",
                    "page": "12-34", "DOI": "10.3917/recma.346.0012", "ISSN": "1626-1682",
                    "abstract": "Un résumé.\n\nDeux paragraphes."}),
        ref("book", "L'économie sociale et solidaire", "laville2016economie",
            creators=(person("Laville", "Jean-Louis"), person("Hiez", "David", "editor")),
            issued="2016", fields={"publisher": "La Découverte", "publisher-place": "Paris",
                                   "ISBN": "978-2-7071-9436-6", "edition": "2"}),
        ref("chapter", "Gouverner les communs", "tocqueville2015gouverner",
            creators=(person("Tocqueville", "Alexis", dropping_particle="de"),),
            fields={"container-title": "Le retour des communs", "page": "45-67"}),
        ref("report", "Programme PHARE", "rameau2017programme",
            creators=(institution("Le Rameau"),), issued="2017-11",
            fields={"number": "RR-2017-04", "URL": "https://www.lerameau.fr/phare"}),
        ref("thesis", "Les coopératives d'habitants", "bouchard2019cooperatives",
            creators=(person("Bouchard", "Marie", suffix="Jr."),), issued="2019",
            fields={"publisher": "Université Grenoble Alpes", "genre": "Thèse"}),
    ]
    path = tmp_path / "export.ris"
    path.write_bytes(ris.write(refs).encode("utf-8"))
    run = subprocess.run([program, str(path)], capture_output=True, check=False)
    stderr = run.stderr.decode("utf-8", "replace")
    assert run.returncode == 0, stderr
    assert f"Processed {len(refs)} references." in stderr
    assert "error" not in stderr.lower()
    root = ET.fromstring(run.stdout.decode("utf-8").removeprefix("\ufeff"))
    mods = root.findall(f"{MODS}mods")
    assert [m.get("ID") for m in mods] == [r.citation_key for r in refs]
    families = {p.text for p in root.iter(f"{MODS}namePart") if p.get("type") == "family"}
    assert {"Dupont", "d'Ormesson", "Laville", "Hiez", "Tocqueville", "Bouchard"} <= families


def test_rispy_reads_what_we_write() -> None:
    text = ris.write([ref(creators=(person("Dupont", "Marie"),), issued="2017",
                          tags=("un", "deux"), fields={"page": "12-14"})])
    (record,) = rispy.loads(text)
    assert record["type_of_reference"] == "JOUR" and record["title"] == "Titre"
    assert record["authors"] == ["Dupont, Marie"] and record["keywords"] == ["un", "deux"]
    assert (record["start_page"], record["end_page"]) == ("12", "14")


# --- round trips -----------------------------------------------------------------------

ROUND_TRIP_TYPES = sorted(t for t, code in ris.CSL_TO_RIS.items() if ris.RIS_TYPES[code] == t)
PAGE_COUNT_TYPES = {"book", "thesis", "report", "manuscript"}
UNMAPPED_TAGS = ("M1", "M2", "C1", "C2", "RP", "AD", "LB", "OP", "ZZ")
LETTERS = "abcdefghijklmnopqrstuvwxyzéèêàâçîôûœæ"

word = st.text(alphabet=LETTERS, min_size=1, max_size=8)
capitalised = word.map(lambda w: w[0].upper() + w[1:])
line = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1,
    max_size=30).map(str.strip).filter(bool)
title = line.map(lambda s: " ".join(s.split())).filter(bool)
multiline = st.lists(st.tuples(line, st.sampled_from(["\n", "\n\n", "\n\n\n"])),
                     min_size=1, max_size=4).map(
    lambda parts: "".join(text + sep for text, sep in parts).strip())
partial_date = st.dates().map(str).flatmap(
    lambda d: st.sampled_from([d[:4], d[:7], d])).filter(lambda d: d[:1] != "0")
tag_text = st.text(alphabet=LETTERS + "ABCDÉ0123 -'", min_size=1, max_size=15).map(
    lambda s: " ".join(s.split())).filter(bool)


@st.composite
def creators(draw: st.DrawFn, item_type: str) -> Creator:
    roles = sorted({ris.creator_role(tag, item_type) for tag in ("AU", "A2", "A3", "A4")}
                   | {"editor"})
    role = draw(st.sampled_from(roles))
    if draw(st.booleans()):
        words = draw(st.lists(st.text(alphabet=LETTERS + "ABÉ,.-'", min_size=1, max_size=8),
                              min_size=1, max_size=4))
        literal = " ".join(" ".join(words).split()).strip(" ,")
        return Creator(role=role, literal=literal or "Institut")
    family_words = draw(st.lists(capitalised, min_size=1, max_size=2))
    particle = draw(st.sampled_from(["", "de", "van der"] + (["d'"] if len(family_words) == 1
                                                              else [])))
    given = " ".join(draw(st.lists(capitalised, max_size=2)))
    return Creator(role=role, family=" ".join(family_words), given=given,
                   non_dropping_particle=particle,
                   dropping_particle=draw(st.sampled_from(["", "de"])) if given else "",
                   suffix=draw(st.sampled_from(["", "", "Jr.", "III"])))


@st.composite
def ris_references(draw: st.DrawFn) -> Reference:
    item_type = draw(st.sampled_from(ROUND_TRIP_TYPES))
    fields: dict[str, str] = {}
    for variable in ("container-title", "container-title-short", "collection-title",
                     "title-short", "edition", "volume", "issue", "number-of-volumes",
                     "section", "publisher", "publisher-place", "language", "archive",
                     "archive_location", "call-number", "source"):
        if draw(st.integers(0, 3)) == 0:
            fields[variable] = draw(line)
    optional = {
        "genre": line.filter(lambda s: not s.startswith("10.")),
        "DOI": st.from_regex(r"10\.[0-9]{4}/[a-z0-9.]{1,10}", fullmatch=True),
        "URL": st.from_regex(r"https://example\.org/[a-z0-9/]{0,12}", fullmatch=True),
        "ISBN": st.from_regex(r"97[89]-[0-9]-[0-9]{4}-[0-9]{4}-[0-9]", fullmatch=True),
        "ISSN": st.from_regex(r"[0-9]{4}-[0-9]{3}[0-9X]", fullmatch=True),
        "accessed": partial_date, "abstract": multiline, "note": multiline,
        "page": line,
    }
    for variable, strategy in optional.items():
        if draw(st.booleans()):
            fields[variable] = draw(strategy)
    if item_type in PAGE_COUNT_TYPES and "page" not in fields and draw(st.booleans()):
        fields["number-of-pages"] = draw(
            st.from_regex(r"[1-9][0-9]{0,3}( p\.)?", fullmatch=True))
    if item_type == "report" and draw(st.booleans()):
        fields["number"] = draw(st.from_regex(r"[A-Z]{2}-[0-9]{1,4}", fullmatch=True))
    custom = {f"ris.{tag}": "\n".join(draw(st.lists(line, min_size=1, max_size=3)))
              for tag in draw(st.lists(st.sampled_from(UNMAPPED_TAGS), max_size=2))}
    tags = draw(st.lists(tag_text, max_size=4, unique_by=str.casefold))
    return Reference(
        id=ReferenceId(1), item_type=item_type, title=draw(title),
        citation_key=draw(st.from_regex(r"[a-z][a-z0-9_:.+/\-]{0,15}", fullmatch=True)),
        creators=tuple(draw(st.lists(creators(item_type), max_size=4))),
        issued=draw(st.one_of(st.just(""), partial_date)), fields=fields, custom=custom,
        tags=tuple(tags))


@settings(max_examples=200, deadline=None)
@given(ris_references())
def test_round_trip(reference: Reference) -> None:
    assert round_trip(reference) == draft_of(reference)


@settings(max_examples=30, deadline=None)
@given(st.lists(ris_references(), min_size=1, max_size=5))
def test_round_trip_of_several(refs: list[Reference]) -> None:
    result = ris.parse(ris.write(refs))
    assert result.errors == ()
    assert [e.draft for e in result.entries] == [draft_of(r) for r in refs]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_never_raises_on_any_text(text: str) -> None:
    result = ris.parse(text)
    assert all(e.line >= 1 for e in result.entries)
    assert all(e.line >= 1 for e in result.errors)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([
    "TY  - JOUR", "TY  - BOOK", "ER  - ", "TI  - Titre", "AU  - Dupont, Marie", "PY  - 2017",
    "AU  - ", "KW  - a;b", "SP  - 3", "", "suite", "PY  - 2017/13/45"]), max_size=30))
def test_never_raises_on_tag_soup(lines: list[str]) -> None:
    result = ris.parse("\n".join(lines))
    for parsed in result.entries:
        assert references.validate(parsed.draft) == parsed.draft
