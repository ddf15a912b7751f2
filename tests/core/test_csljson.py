"""CSL-JSON: Zotero's export, broken items at their line, writing, pandoc, round trips."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seminaire_app import csl
from seminaire_app.domain import (
    CREATOR_ROLES,
    DATE_VARIABLES,
    ITEM_TYPES,
    TEXT_VARIABLES,
    Creator,
    Reference,
    ReferenceDraft,
    ReferenceId,
)
from seminaire_app.interchange import ParseResult, csljson

DATA = Path(__file__).parent / "data" / "csljson"


def only(text: str) -> ReferenceDraft:
    result = csljson.parse(text)
    assert result.errors == () and result.warnings == ()
    (entry,) = result.entries
    return entry.draft


def item(**values: object) -> str:
    return json.dumps({"id": "cle", "type": "book", "title": "Titre", **values},
                      ensure_ascii=False)


def draft_of(ref: Reference) -> ReferenceDraft:
    """What reading CSL-JSON gives back: creators grouped by role, as CSL-JSON holds them."""
    roles = list(dict.fromkeys(c.role for c in ref.creators))
    creators = tuple(c for role in roles for c in ref.creators if c.role == role)
    return ReferenceDraft(item_type=ref.item_type, title=ref.title, creators=creators,
                          issued=ref.issued, fields=dict(ref.fields), custom=dict(ref.custom),
                          tags=ref.tags, citation_key=ref.citation_key)


def test_zotero_export() -> None:
    text = (DATA / "zotero_export.json").read_text("utf-8")
    result = csljson.parse(text)
    assert result.errors == () and result.warnings == ()
    article, report, book = result.entries
    assert (article.line, report.line, book.line) == (2, 47, 68)
    assert article.draft == ReferenceDraft(
        item_type="article-journal",
        title="Les alliances entre associations et entreprises : un état des lieux",
        creators=(Creator(family="Dupont", given="Marie"),
                  Creator(family="Ormesson", given="Jean", non_dropping_particle="d'")),
        issued="2017-11-23",
        fields={"abstract": "Cet article dresse un état des lieux des partenariats "
                            "stratégiques entre associations et entreprises.",
                "container-title": "RECMA : Revue internationale de l'économie sociale",
                "container-title-short": "RECMA",  # Zotero's journalAbbreviation
                "DOI": "10.3917/recma.346.0012", "ISSN": "1626-1682", "issue": "346",
                "language": "fr", "page": "12-34", "source": "Cairn.info",
                "title-short": "Les alliances",
                "URL": "https://www.cairn.info/revue-recma-2017-4-page-12.htm",
                "accessed": "2024-03-05"},
        citation_key="")  # Zotero's item URI is no citation key: Séminaire makes one
    assert report.draft.creators == (Creator(literal="Le Rameau"),)
    assert report.draft.issued == "2017-11"
    assert book.draft.citation_key == "laville2016economie"  # Better BibTeX's citation-key
    assert book.draft.creators[1] == Creator(role="editor", family="Tocqueville",
                                             given="Alexis", dropping_particle="de")
    assert book.draft.tags == ("Économie sociale", "Coopération")
    assert book.draft.issued == "2016"
    assert book.draft.fields["ISBN"] == "978-2-7071-9436-6"
    assert book.draft.custom == {"csl.issued": "printemps 2016",
                                 "csl.ISBN": "978-2-7071-9436-6 2-7071-9436-3"}


def test_one_object_rather_than_an_array() -> None:
    result = csljson.parse('\ufeff\n\n  {"id": "a1", "type": "book", "title": "Seul"}')
    (entry,) = result.entries
    assert (entry.line, entry.draft.title, entry.draft.citation_key) == (3, "Seul", "a1")


def test_bad_items_are_reported_at_their_line_and_the_others_come_in() -> None:
    result = csljson.parse((DATA / "broken_items.json").read_text("utf-8"))
    assert [(e.line, e.draft.citation_key, e.draft.item_type) for e in result.entries] == [
        (2, "bon1", "book"), (18, "bon2", "document")]
    assert result.entries[1].draft.custom == {"csl.type": "motion-picture"}
    assert result.warnings == (
        "line 18: unknown CSL type « motion-picture », read as a document",)
    assert [(e.line, e.reason, e.key) for e in result.errors] == [
        (7, "title: a reference needs a title", "sanstitre"),
        (11, "an item must be a JSON object", ""),
        (12, "author: names must be a list of objects (family, given…)", "auteurs")]


def test_a_syntax_error_is_one_error_at_its_line() -> None:
    result = csljson.parse((DATA / "syntax_error.json").read_text("utf-8"))
    assert result.entries == ()
    assert [(e.line, e.reason) for e in result.errors] == [
        (10, "not valid JSON: Expecting ',' delimiter (column 5)")]


@pytest.mark.parametrize(("text", "line", "reason"), [
    ('"juste une chaîne"', 1, "CSL-JSON is an array of items or one item, not a single value"),
    ("[1, 2", 1, "not valid JSON: Expecting ',' delimiter (column 6)"),
    ("\x00\x01PK\x03\x04", 1, "binary data, not a CSL-JSON file"),
])
def test_garbage(text: str, line: int, reason: str) -> None:
    result = csljson.parse(text)
    assert result.entries == ()
    assert [(e.line, e.reason) for e in result.errors] == [(line, reason)]


def test_empty() -> None:
    assert csljson.parse("  \n") == ParseResult(warnings=("the file holds no reference",))
    assert csljson.parse("[]") == ParseResult()


@pytest.mark.parametrize(("values", "expected"), [
    ({"id": "http://zotero.org/users/1/items/ABCD1234"}, ""),
    ({"id": "12345/ABCD1234"}, ""),
    ({"id": "1234"}, ""),
    ({"id": "pas une clé"}, ""),
    ({"id": "ITEM-1"}, "ITEM-1"),
    ({"id": 7, "citation-key": "dupont2017"}, "dupont2017"),
])
def test_citation_keys(values: dict[str, object], expected: str) -> None:
    assert only(item(**values)).citation_key == expected


def test_keywords_legacy_names_and_unknown_variables() -> None:
    draft = only(item(keyword=["un", "deux"], shortTitle="Court", event="Colloque",
                      **{"event-title": "Rencontres"}, extra={"a": 1}, pages=12))
    assert draft.tags == ("un", "deux")
    assert draft.fields == {"title-short": "Court", "event-title": "Rencontres"}
    assert draft.custom == {"event": "Colloque", "extra": '{"a": 1}', "pages": "12"}
    assert only(item(keyword="a; b, c")).tags == ("a", "b", "c")


@pytest.mark.parametrize(("value", "issued", "custom"), [
    ({"date-parts": [[2017, 11, 23]]}, "2017-11-23", {}),
    ({"date-parts": [["2017", "11"]]}, "2017-11", {}),
    ({"date-parts": [[2017], [2018]]}, "2017", {}),
    ({"date-parts": [[2017]], "season": 1}, "2017", {}),
    ({"raw": "2017-11-23"}, "2017-11-23", {}),
    ("2017", "2017", {}),
    ({"literal": "printemps 2017"}, "2017", {"csl.issued": "printemps 2017"}),
    ({"date-parts": [[2017, 13]]}, "", {"csl.issued": '{"date-parts": [[2017, 13]]}'}),
    ({"date-parts": [["²"]]}, "", {"csl.issued": '{"date-parts": [["²"]]}'}),
    ({"literal": "s.d."}, "", {"csl.issued": "s.d."}),
    ({}, "", {}),
])
def test_dates(value: object, issued: str, custom: dict[str, str]) -> None:
    draft = only(item(issued=value))
    assert (draft.issued, dict(draft.custom)) == (issued, custom)


def test_values_a_field_cannot_hold_are_kept_aside() -> None:
    draft = only(item(URL="www.cairn.info/revue", ISBN="ISBN 978-2-7071-9436-6 (br.)"))
    assert draft.fields == {"URL": "http://www.cairn.info/revue", "ISBN": "978-2-7071-9436-6"}
    assert draft.custom == {"csl.URL": "www.cairn.info/revue",
                            "csl.ISBN": "ISBN 978-2-7071-9436-6 (br.)"}
    draft = only(item(URL="voir la bibliothèque", ISBN="n.c.", ISSN=["1626-1682", "0035-2969"]))
    assert draft.fields == {"ISSN": "1626-1682, 0035-2969"}
    assert draft.custom == {"csl.URL": "voir la bibliothèque", "csl.ISBN": "n.c."}


@pytest.mark.parametrize(("values", "reason"), [
    ({"title": ["a", {"b": 1}]}, "title: must be text or a number"),
    ({"editor": [{"family": "Dupont"}, "Martin"]},
     "editor: names must be a list of objects (family, given…)"),
    ({"custom": "x"}, "custom: must be an object of name: value"),
])
def test_malformed_items(values: dict[str, object], reason: str) -> None:
    result = csljson.parse(item(**values))
    assert [e.reason for e in result.errors] == [reason]


def test_write_is_a_pretty_utf8_array() -> None:
    ref = Reference(id=ReferenceId(3), citation_key="dupont2017", item_type="book",
                    title="L'économie « sociale »", creators=(Creator(family="Dupont"),),
                    issued="2017-11", tags=("Économie",), custom={"programme": "PHARE"})
    text = csljson.write([ref])
    assert text.startswith('[\n  {\n    "id": "dupont2017",') and text.endswith("]\n")
    assert "L'économie « sociale »" in text and "\\u" not in text
    assert json.loads(text) == [csl.to_csl(ref)]
    assert csljson.write([]) == "[]\n"


def test_zotero_export_round_trips() -> None:
    first = csljson.parse((DATA / "zotero_export.json").read_text("utf-8"))
    refs = [Reference(id=ReferenceId(i), citation_key=e.draft.citation_key or f"k{i}",
                      item_type=e.draft.item_type, title=e.draft.title,
                      creators=e.draft.creators, issued=e.draft.issued, fields=e.draft.fields,
                      custom=e.draft.custom, tags=e.draft.tags)
            for i, e in enumerate(first.entries)]
    again = csljson.parse(csljson.write(refs))
    assert again.errors == () and again.warnings == ()
    assert [e.draft for e in again.entries] == [draft_of(r) for r in refs]


def test_pandoc_reads_what_we_write(tmp_path: Path) -> None:
    """pandoc's citeproc formats our export (pandoc comes with the project's set-up)."""
    pandoc = shutil.which("pandoc")
    assert pandoc is not None, "pandoc is missing: ./dev test installs it"
    refs = [Reference(id=ReferenceId(1), citation_key="dupont2017alliances",
                      item_type="article-journal", title="Les alliances",
                      creators=(Creator(family="Dupont", given="Marie"),), issued="2017-11",
                      fields={"container-title": "RECMA", "page": "12-34"}),
            Reference(id=ReferenceId(2), citation_key="rameau2017programme",
                      item_type="report", title="Programme PHARE",
                      creators=(Creator(literal="Le Rameau"),), issued="2017")]
    bibliography = tmp_path / "refs.json"
    bibliography.write_text(csljson.write(refs), encoding="utf-8")
    run = subprocess.run(
        [pandoc, "--citeproc", f"--bibliography={bibliography}", "-t", "plain"],
        input="[@dupont2017alliances; @rameau2017programme]", capture_output=True,
        text=True, check=False)
    assert run.returncode == 0 and run.stderr == "", run.stderr
    assert "(Dupont 2017; Le Rameau 2017)" in run.stdout
    assert "Les Alliances" in run.stdout  # Chicago, pandoc's default, capitalises titles
    assert "Programme PHARE" in run.stdout and "12–34" in run.stdout


# --- round trips -----------------------------------------------------------------------

text = st.text(alphabet=st.characters(codec="utf-8"), min_size=1,
               max_size=30).map(str.strip).filter(bool)
title = text.map(lambda s: " ".join(s.split())).filter(bool)
partial_date = st.dates().map(str).flatmap(
    lambda d: st.sampled_from([d[:4], d[:7], d])).filter(lambda d: d[:1] != "0")
tag = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc"),
                                     blacklist_characters=",;"),
              min_size=1, max_size=12).map(lambda s: " ".join(s.split())).filter(bool)
SPECIAL = {"ISBN", "URL", "DOI"}


@st.composite
def creators(draw: st.DrawFn) -> Creator:
    role = draw(st.sampled_from(CREATOR_ROLES))
    if draw(st.booleans()):
        return Creator(role=role, literal=draw(text))
    optional = st.one_of(st.just(""), text)
    return Creator(role=role, family=draw(text), given=draw(optional),
                   dropping_particle=draw(optional), non_dropping_particle=draw(optional),
                   suffix=draw(optional))


@st.composite
def csl_references(draw: st.DrawFn) -> Reference:
    fields: dict[str, str] = {}
    for variable in draw(st.lists(st.sampled_from(sorted(set(TEXT_VARIABLES) - SPECIAL)),
                                  max_size=6)):
        fields[variable] = draw(text)
    for variable in draw(st.lists(st.sampled_from(DATE_VARIABLES), max_size=2)):
        fields[variable] = draw(partial_date)
    if draw(st.booleans()):
        fields["ISBN"] = draw(st.from_regex(r"97[89]-[0-9]-[0-9]{4}-[0-9]{4}-[0-9]",
                                            fullmatch=True))
    if draw(st.booleans()):
        fields["URL"] = draw(st.from_regex(r"https://example\.org/[a-z0-9/]{0,12}",
                                           fullmatch=True))
    if draw(st.booleans()):
        fields["DOI"] = draw(st.from_regex(r"10\.[0-9]{4}/[a-z0-9.]{1,10}", fullmatch=True))
    custom = draw(st.dictionaries(text, st.text(max_size=20), max_size=3))
    return Reference(
        id=ReferenceId(1), item_type=draw(st.sampled_from(ITEM_TYPES)), title=draw(title),
        citation_key=draw(st.from_regex(r"[a-z][a-z0-9_:.+/\-]{0,15}", fullmatch=True)),
        creators=tuple(draw(st.lists(creators(), max_size=5))),
        issued=draw(st.one_of(st.just(""), partial_date)), fields=fields, custom=custom,
        tags=tuple(draw(st.lists(tag, max_size=4, unique_by=str.casefold))))


@pytest.mark.parametrize("key", ["a://", "web://x", "12345/ABCD1234", "dupont2017"])
def test_a_key_that_reads_like_a_zotero_uri_comes_back_as_typed(key: str) -> None:
    # found by the property test below: « a:// » came back empty
    ref = Reference(id=ReferenceId(1), item_type="article", title="0", citation_key=key)
    written = json.loads(csljson.write([ref]))[0]
    assert written["id"] == key
    assert [e.draft.citation_key for e in csljson.parse(csljson.write([ref])).entries] == [key]


@settings(max_examples=100, deadline=None)
@given(st.lists(csl_references(), min_size=1, max_size=3))
def test_round_trip(refs: list[Reference]) -> None:
    result = csljson.parse(csljson.write(refs))
    assert result.errors == () and result.warnings == ()
    assert [e.draft for e in result.entries] == [draft_of(r) for r in refs]


@settings(max_examples=200, deadline=None)
@given(st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=10),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
        st.sampled_from(["id", "type", "title", "author", "issued", "keyword", "custom",
                         "ISBN", "URL", "date-parts", "family", "literal", "x"]),
        inner, max_size=5),
    max_leaves=20))
def test_never_raises_on_any_json(value: object) -> None:
    result = csljson.parse(json.dumps(value))
    assert all(e.line >= 1 for e in result.entries)
    assert all(e.line >= 1 for e in result.errors)
