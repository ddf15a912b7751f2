"""Bibliography dossiers: selections, grouping, annotations; the runs-to-markup step."""

from __future__ import annotations

from pathlib import Path

import pytest
from dossier_support import font_names, layout_text, links, outline, page_texts, squash
from pypdf import PdfReader

from seminaire_app.citations import Run
from seminaire_app.domain import ReferenceDraft
from seminaire_app.dossiers import (
    DossierRequest,
    Grouping,
    Selection,
    Template,
    build_dossier,
)
from seminaire_app.dossiers.bibliography import runs_markup
from seminaire_app.errors import NotFound, ValidationError
from seminaire_app.services import references, workshops
from seminaire_app.storage.library import Library

BIB = Template.BIBLIOGRAPHY


def _text(path: Path) -> str:
    return squash(" ".join(page_texts(path)))


def _title(lib: Library, key: str) -> str:
    return squash(references.get(lib, key).title).replace("'", "’")


def _shown(lib: Library, text: str, keys: list[str]) -> set[str]:
    """Which of ``keys`` have their title in ``text`` (apostrophes are typographic)."""
    return {key for key in keys if _title(lib, key) in text}


ALL_KEYS = ["demoustier2001economie", "tocqueville1835democratie", "laville2007economie",
            "hely2013economie", "besancon2013innovation", "ostrom1990governing",
            "richezbattesti2012innovation", "pecqueur2000developpement", "gadrey2005nouveaux",
            "admical2016mecenat", "lerameau2017phare", "darcy2017atelier",
            "eseac2017synthese", "avise2017ptce", "loi2014ess"]


def test_a_tag(demo: Library, tmp_path: Path) -> None:
    out = tmp_path / "tag.pdf"
    report = build_dossier(demo, DossierRequest(BIB, selection=Selection(tag="Coopération")),
                           out)
    text = _text(out)
    assert text.startswith("Bibliographie Thématique : Coopération ")
    tagged = {r.citation_key for r in references.list_references(
        demo, references.ReferenceFilter(tag="Coopération"))}
    assert _shown(demo, text, ALL_KEYS) == tagged
    assert report.page_count == len(PdfReader(out).pages) and report.problems == ()
    info = PdfReader(out).metadata
    # a no-break space before the colon, as French typography wants
    assert info is not None and info.title == "Bibliographie — Thématique\u00a0: Coopération"
    assert info.author == "ESEAC"
    # the running header names the selection on the left, the chapter on the right
    assert squash(layout_text(out, 1).splitlines()[0]) == "Thématique : Coopération Bibliographie"
    assert font_names(out) <= {"DejaVuSerif", "DejaVuSerif-Bold", "DejaVuSerif-Italic",
                               "DejaVuSans", "DejaVuSans-Bold"}


def test_a_tag_in_english(demo: Library, tmp_path: Path) -> None:
    out = tmp_path / "tag.pdf"
    build_dossier(demo, DossierRequest(BIB, locale="en-US",
                                       selection=Selection(tag="Coopération")), out)
    assert _text(out).startswith("Bibliography Theme: Coopération ")
    info = PdfReader(out).metadata
    assert info is not None and info.title == "Bibliography — Theme: Coopération"


@pytest.mark.parametrize("typed", ["cooperation", "COOPÉRATION", "  Coopération "])
def test_a_tag_is_named_as_the_search_names_it(demo: Library, tmp_path: Path,
                                               typed: str) -> None:
    out = tmp_path / "tag.pdf"
    build_dossier(demo, DossierRequest(BIB, selection=Selection(tag=typed)), out)
    text = _text(out)
    assert text.startswith("Bibliographie Thématique : Coopération ")  # as the library spells it
    tagged = {r.citation_key for r in references.list_references(
        demo, references.ReferenceFilter(tag="Coopération"))}
    assert tagged and _shown(demo, text, ALL_KEYS) == tagged


def test_a_collection_is_named_as_the_search_names_it(demo: Library, tmp_path: Path) -> None:
    out = tmp_path / "collection.pdf"
    build_dossier(demo, DossierRequest(BIB, selection=Selection(
        collection="seminaire prospectif / 2017")), out)
    assert _text(out).startswith("Bibliographie Collection : Séminaire prospectif › 2017 ")
    assert "lerameau2017phare" in _shown(demo, _text(out), ALL_KEYS)


@pytest.mark.parametrize(("selection", "field", "message"), [
    (Selection(tag="cooperatoin"), "tag",
     "« cooperatoin » is not a tag of the library; the nearest: «\u00a0Coopération\u00a0»"),
    (Selection(tag="commun"), "tag",
     "« commun » is not a tag of the library; the nearest: «\u00a0Communs\u00a0»"),
    (Selection(collection="Territoires et communs"), "collection",
     "« Territoires et communs » is not a collection of the library; the nearest: "
     "«\u00a0Fondamentaux/Territoires et communs\u00a0»"),
])
def test_an_unknown_tag_or_collection_names_the_nearest(demo: Library, tmp_path: Path,
                                                        selection: Selection, field: str,
                                                        message: str) -> None:
    out = tmp_path / "x.pdf"
    with pytest.raises(ValidationError) as caught:
        build_dossier(demo, DossierRequest(BIB, selection=selection), out)
    assert (caught.value.field, caught.value.message) == (field, message)
    assert not out.exists()


def test_an_unknown_tag_far_from_all_still_names_some(demo: Library, tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as caught:
        build_dossier(demo, DossierRequest(BIB, selection=Selection(tag="zzz")),
                      tmp_path / "x.pdf")
    assert caught.value.message.startswith(
        "« zzz » is not a tag of the library; the nearest: «\u00a0")
    assert caught.value.params["nearest"].count("«") == 3


def test_a_tag_spelt_exactly_is_not_mixed_with_its_unaccented_twin(lib: Library,
                                                                    tmp_path: Path) -> None:
    accented = references.add(lib, ReferenceDraft("book", "Avec accent", tags=("Coopération",)))
    plain = references.add(lib, ReferenceDraft("book", "Sans accent", tags=("Cooperation",)))
    for typed, wanted, name in [("Coopération", accented, "Coopération"),
                                ("COOPERATION", plain, "Cooperation")]:
        out = tmp_path / "tag.pdf"
        build_dossier(lib, DossierRequest(BIB, selection=Selection(tag=typed)), out)
        text = _text(out)
        assert text.startswith(f"Bibliographie Thématique : {name} "), typed
        assert (wanted.title in text, "accent" in text.replace(wanted.title, "")) == (True,
                                                                                      False)
    # Spelt neither way, it names both, as a search finds both.
    build_dossier(lib, DossierRequest(BIB, selection=Selection(tag="coopératión")), out)
    assert _text(out).startswith("Bibliographie Thématique : Cooperation, Coopération ")
    with pytest.raises(ValidationError) as caught:  # blank is no tag
        build_dossier(lib, DossierRequest(BIB, selection=Selection(tag="  ")), out)
    assert caught.value.field == "selection"


def test_a_library_without_tags_says_so(tmp_path: Path) -> None:
    with Library.open(tmp_path / "lib") as library:
        for selection, message in [
                (Selection(tag="x"), "« x » is not a tag: the library has none yet"),
                (Selection(collection="A/B"),
                 "« A/B » is not a collection: the library has none yet")]:
            with pytest.raises(ValidationError) as caught:
                build_dossier(library, DossierRequest(BIB, selection=selection),
                              tmp_path / "x.pdf")
            assert caught.value.message == message


def test_a_collection_names_itself(demo: Library, tmp_path: Path) -> None:
    out = tmp_path / "collection.pdf"
    build_dossier(demo, DossierRequest(BIB, selection=Selection(
        collection="Séminaire prospectif/2017")), out)
    assert _text(out).startswith("Bibliographie Collection : Séminaire prospectif › 2017 ")
    info = PdfReader(out).metadata
    assert info is not None
    assert info.title == "Bibliographie — Collection\u00a0: Séminaire prospectif › 2017"


def test_a_workshop_bibliography_title_curls_its_apostrophes(demo: Library,
                                                           tmp_path: Path) -> None:
    out = tmp_path / "workshop.pdf"
    build_dossier(demo, DossierRequest(BIB, selection=Selection(workshop=(2017, 1))), out)
    info = PdfReader(out).metadata
    assert info is not None
    assert info.title == ("Bibliographie — Atelier n°\u00a01 — Des coopérations informelles "
                          "à l’émergence de nouveaux projets")


def test_a_collection_includes_its_sub_collections(demo: Library, tmp_path: Path) -> None:
    out = tmp_path / "collection.pdf"
    build_dossier(demo, DossierRequest(BIB, selection=Selection(
        collection="Séminaire prospectif/2017")), out)
    assert _shown(demo, _text(out), ALL_KEYS) == {
        "lerameau2017phare", "admical2016mecenat", "richezbattesti2012innovation",
        "besancon2013innovation", "gadrey2005nouveaux", "darcy2017atelier",
        "eseac2017synthese"}


def test_references_by_key_and_id_each_once(demo: Library, tmp_path: Path) -> None:
    ostrom = references.get(demo, "ostrom1990governing")
    out = tmp_path / "refs.pdf"
    build_dossier(demo, DossierRequest(BIB, selection=Selection(
        references=("avise2017ptce", str(ostrom.id),
                    "ostrom1990governing"))), out)
    text = _text(out)
    assert _shown(demo, text, ALL_KEYS) == {"avise2017ptce", "ostrom1990governing"}
    assert text.count(_title(demo, "ostrom1990governing")) == 1
    assert "https://www.avise.org/" in text


def test_a_workshop_reading_list_with_annotations_grouped_by_role(
        demo: Library, tmp_path: Path) -> None:
    out = tmp_path / "ws.pdf"
    build_dossier(demo, DossierRequest(BIB, year=2017, workshop=1, grouping=Grouping.ROLE),
                  out)
    text = _text(out)
    entries = workshops.reading_list(demo, 2017, 1)
    assert text.startswith("Bibliographie Atelier n° 1 — Des coopérations informelles")
    assert _shown(demo, text, ALL_KEYS) == {e.reference.citation_key for e in entries}
    for entry in entries:
        assert squash(entry.annotation)[:30].replace("'", "’") in text
    required = text.index("Lectures obligatoires")
    background = text.index("Lectures complémentaires")
    assert required < background
    assert [(depth, title) for depth, title, _ in outline(out)] == [
        (0, "Bibliographie"), (1, "Lectures obligatoires"), (1, "Lectures complémentaires")]


def test_an_edition_grouped_by_type(demo: Library, tmp_path: Path) -> None:
    out = tmp_path / "types.pdf"
    build_dossier(demo, DossierRequest(BIB, year=2017, grouping=Grouping.TYPE), out)
    text = _text(out)
    groups = [title for depth, title, _ in outline(out) if depth == 1]
    assert groups[0] == "Ouvrages" and "Rapports, thèses et documents" in groups
    assert all(group in text for group in groups)
    keys = {r.citation_key for r in references.list_references(
        demo, references.ReferenceFilter(edition=2017))}
    assert _shown(demo, text, ALL_KEYS) == keys
    header = squash(page_texts(out)[0])
    assert "Séminaire prospectif 2017" in header and "page 1 / " in header


def test_role_grouping_of_a_tag_without_roles_is_one_list(demo: Library, tmp_path: Path) -> None:
    out = tmp_path / "norole.pdf"
    build_dossier(demo, DossierRequest(BIB, selection=Selection(tag="Territoire"),
                                       grouping=Grouping.ROLE), out)
    assert [depth for depth, _, _ in outline(out)] == [0]


def test_impossible_selections(demo: Library, tmp_path: Path) -> None:
    out = tmp_path / "x.pdf"
    with pytest.raises(ValidationError):
        build_dossier(demo, DossierRequest(BIB), out)
    with pytest.raises(ValidationError):
        build_dossier(demo, DossierRequest(BIB, selection=Selection(tag="aucune")), out)
    with pytest.raises(NotFound):
        build_dossier(demo, DossierRequest(BIB, selection=Selection(references=("nokey",))),
                      out)
    with pytest.raises(ValidationError):
        build_dossier(demo, DossierRequest(BIB, selection=Selection(collection="Nulle/part")),
                      out)
    with pytest.raises(NotFound):
        build_dossier(demo, DossierRequest(BIB, selection=Selection(workshop=(2017, 9))), out)
    assert list(tmp_path.iterdir()) == []


def test_runs_become_escaped_markup() -> None:
    runs = [Run("A & B <b>"), Run("Titre", italic=True), Run("x", superscript=True),
            Run("10.1/x?a=1&b=\"2\"", link="https://doi.org/10.1/x?a=1&b=\"2\""),
            Run("Smith", small_caps=True, bold=True)]
    assert runs_markup(runs) == (
        "A &amp; B &lt;b&gt;<i>Titre</i><super>x</super>"
        '<a href="https://doi.org/10.1/x?a=1&amp;b=%222%22" color="#1f4e79">'
        "10.1/x?a=1&amp;b=\"2\"</a>"
        '<b><font size="-1.5">SMITH</font></b>')


def test_a_style_written_in_french_stays_french_in_an_english_dossier(
        demo: Library, tmp_path: Path) -> None:
    """An English dossier keeps the language of an ISO 690 (French) bibliography: its
    own words are French, so its dates must be too; APA follows the dossier."""
    selection = Selection(references=("avise2017ptce",))
    iso = tmp_path / "iso.pdf"
    build_dossier(demo, DossierRequest(BIB, locale="en-US", selection=selection), iso)
    assert "[Consulté le 16 octobre 2017]" in _text(iso)
    apa = tmp_path / "apa.pdf"
    build_dossier(demo, DossierRequest(BIB, locale="en-US", style="apa", selection=selection),
                  apa)
    assert "Retrieved October 16, 2017, from" in _text(apa)


def test_links_are_ascii_and_print_as_typed(tmp_path: Path) -> None:
    """A PDF link is 7-bit ASCII: a non-ASCII address is percent-encoded in the link,
    and prints as it was typed."""
    with Library.open(tmp_path / "lib") as lib:
        references.add(lib, ReferenceDraft(
            "webpage", "Кооперация", issued="2019", citation_key="coop",
            fields={"URL": "https://ru.wikipedia.org/wiki/Кооперация"}))
        references.add(lib, ReferenceDraft(
            "article-journal", "Économie sociale", issued="2020", citation_key="eco",
            fields={"container-title": "Revue", "DOI": "10.1000/éco<1>"}))
        out = tmp_path / "links.pdf"
        build_dossier(lib, DossierRequest(BIB, style="apa", selection=Selection(
            references=("coop", "eco"))), out)
    assert sorted(links(out)) == [
        "https://doi.org/10.1000/%C3%A9co%3C1%3E",
        "https://ru.wikipedia.org/wiki/%D0%9A%D0%BE%D0%BE%D0%BF%D0%B5%D1%80%D0%B0%D1%86%D0%B8%D1%8F"]
    text = _text(out)
    assert "https://ru.wikipedia.org/wiki/Кооперация" in text
    assert "https://doi.org/10.1000/éco<1>" in text


def test_an_entry_never_breaks_before_a_french_sign(tmp_path: Path) -> None:
    """The citation engine puts a narrow no-break space before « ; ? » and inside « »:
    an entry never breaks there, whatever the length of what comes before."""
    with Library.open(tmp_path / "lib") as lib:
        keys = []
        for k in range(30, 100):
            references.add(lib, ReferenceDraft(
                "article-journal", f"{'x' * k} « coopérer » ; ou pas ?", issued="2020",
                citation_key=f"ref{k}", fields={"container-title": "Revue"}))
            keys.append(f"ref{k}")
        out = tmp_path / "signs.pdf"
        build_dossier(lib, DossierRequest(BIB, selection=Selection(references=tuple(keys))),
                      out)
    lines = [line.strip() for page in range(1, len(PdfReader(out).pages) + 1)
             for line in layout_text(out, page).splitlines()]
    assert sum("coopérer" in line for line in lines) == 70
    assert [line for line in lines if line[:1] in ("?", ";", ":", "»")] == []
