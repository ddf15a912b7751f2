"""References: adding, validating, editing, listing, tags and collections."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seminaire_app import csl
from seminaire_app.domain import Changes, Creator, ReferenceDraft
from seminaire_app.errors import NotFound, ValidationError
from seminaire_app.names import format_creator, parse_creator
from seminaire_app.services import collections, editions, references, tags, workshops
from seminaire_app.services.references import ReferenceFilter
from seminaire_app.storage.library import Library

RAMEAU = Creator(literal="Le Rameau")


def phare(**overrides: object) -> ReferenceDraft:
    values: dict[str, object] = {
        "item_type": "report",
        "title": "Programme PHARE : les alliances entre associations et entreprises",
        "creators": (RAMEAU,), "issued": "2017-11",
        "fields": {"publisher": "Le Rameau", "publisher-place": "Paris"},
        "tags": ("Coopération", "Évaluation")}
    values.update(overrides)
    return ReferenceDraft(**values)  # type: ignore[arg-type]


def test_add_returns_the_stored_reference_with_a_generated_key(lib: Library) -> None:
    ref = references.add(lib, phare())
    assert ref.citation_key == "rameau2017programme"
    assert ref.creators == (RAMEAU,) and ref.creators[0].is_institution
    assert ref.issued == "2017-11" and ref.year == 2017
    assert ref.fields == {"publisher": "Le Rameau", "publisher-place": "Paris"}
    assert ref.tags == ("Coopération", "Évaluation")
    assert references.get(lib, ref.id) == references.get(lib, "rameau2017programme") == ref


def test_generated_keys_stay_unique(lib: Library) -> None:
    keys = [references.add(lib, phare()).citation_key for _ in range(3)]
    assert keys == ["rameau2017programme", "rameau2017programmea", "rameau2017programmeb"]


def test_creators_keep_order_roles_and_particles(lib: Library) -> None:
    creators = (parse_creator("d'Ormesson, Jean"), parse_creator("de Gaulle, Charles"),
                parse_creator("Tocqueville, Alexis de", "editor"),
                parse_creator("{Grenoble-Alpes Métropole}", "translator"))
    ref = references.add(lib, ReferenceDraft("book", "Essai", creators, "1999"))
    assert ref.creators == creators
    assert [c.role for c in ref.creators] == ["author", "author", "editor", "translator"]
    assert ref.creators[0].non_dropping_particle == "d'" and ref.creators[0].family == "Ormesson"
    assert ref.creators[2].dropping_particle == "de"
    assert ref.citation_key == "ormesson1999essai"


@pytest.mark.parametrize(("draft", "field"), [
    (phare(issued="2017-13"), "issued"),
    (phare(issued="novembre"), "issued"),
    (phare(item_type="livre"), "type"),
    (phare(title="   "), "title"),
    (phare(fields={"colour": "blue"}), "colour"),
    (phare(fields={"URL": "www.example.org"}), "URL"),
    (phare(fields={"ISBN": "pas un isbn"}), "ISBN"),
    (phare(fields={"accessed": "hier"}), "accessed"),
    (phare(creators=(Creator(role="author"),)), "creators"),
    (phare(creators=(Creator(role="boss", family="X"),)), "creators"),
    (phare(tags=("a, b",)), "tag"),
    (phare(citation_key="avec espace"), "citation-key"),
])
def test_bad_values_are_refused_naming_the_field(lib: Library, draft: ReferenceDraft,
                                                 field: str) -> None:
    with pytest.raises(ValidationError) as info:
        references.add(lib, draft)
    assert info.value.field == field
    assert references.list_ids(lib) == []  # nothing half-written


def test_duplicate_citation_key_is_refused(lib: Library) -> None:
    references.add(lib, phare(citation_key="phare2017"))
    with pytest.raises(ValidationError, match="already used"):
        references.add(lib, phare(citation_key="phare2017"))


def test_doi_is_normalised(lib: Library) -> None:
    ref = references.add(lib, phare(fields={"DOI": "https://doi.org/10.3917/recma.343.0010"}))
    assert ref.fields["DOI"] == "10.3917/recma.343.0010"


def test_unknown_reference_is_not_found(lib: Library) -> None:
    with pytest.raises(NotFound):
        references.get(lib, "personne2020")
    with pytest.raises(NotFound):
        references.get(lib, 42)


def test_update_changes_only_what_is_named(lib: Library) -> None:
    ref = references.add(lib, phare())
    updated = references.update(lib, ref.id, {
        "title": "Programme PHARE (2e édition)", "container-title": "Les cahiers du Rameau",
        "publisher-place": "", "custom.atelier": "4", "citation-key": "phare2017"})
    assert updated.title == "Programme PHARE (2e édition)"
    assert updated.citation_key == "phare2017"
    assert updated.fields == {"container-title": "Les cahiers du Rameau",
                              "publisher": "Le Rameau"}
    assert updated.custom == {"atelier": "4"}
    assert updated.tags == ref.tags and updated.creators == ref.creators
    assert updated.date_added == ref.date_added


def test_update_replaces_creators_and_validates(lib: Library) -> None:
    ref = references.add(lib, phare())
    new = (parse_creator("Dupont, Marie"), parse_creator("Łukasz, Ewa", "editor"))
    assert references.update(lib, ref.id, {"creators": new}).creators == new
    with pytest.raises(ValidationError) as info:
        references.update(lib, ref.id, {"issued": "2017-02-30"})
    assert info.value.field == "issued"
    assert references.get(lib, ref.id).issued == "2017-11"


def test_update_to_a_taken_key_is_refused(lib: Library) -> None:
    references.add(lib, phare(citation_key="a1"))
    other = references.add(lib, phare(citation_key="b1"))
    with pytest.raises(ValidationError, match="already used"):
        references.update(lib, other.id, {"citation-key": "a1"})


def test_delete_removes_the_reference_and_its_links(lib: Library) -> None:
    ref = references.add(lib, phare())
    editions.add(lib, 2017, "Séminaire 2017")
    workshops.add(lib, 2017, "Valoriser, évaluer et mesurer les impacts")
    workshops.add_reading(lib, 2017, 1, ref.id)
    collections.create(lib, "ESS")
    collections.add_references(lib, "ESS", [ref.id])
    assert references.delete_reference(lib, ref.id) == ref
    with pytest.raises(NotFound):
        references.get(lib, ref.id)
    assert workshops.reading_list(lib, 2017, 1) == []
    assert collections.list_collections(lib)[0].count == 0
    assert references.list_ids(lib, ReferenceFilter(text="phare")) == []


def test_changes_are_notified_after_commit(lib: Library) -> None:
    seen: list[Changes] = []
    lib.subscribe(seen.append)
    ref = references.add(lib, phare(tags=()))
    tags.add_tags(lib, ref.id, ["ESS"])
    lib.unsubscribe(seen.append)
    references.delete_reference(lib, ref.id)
    assert seen == [Changes.REFERENCES, Changes.TAGS | Changes.REFERENCES]


def test_tags_are_case_insensitive_and_counted(lib: Library) -> None:
    a = references.add(lib, phare(tags=("ESS",)))
    b = references.add(lib, phare(tags=()))
    assert tags.add_tags(lib, b.id, ["ess", "Territoire", "Territoire"]) == ("ESS", "Territoire")
    assert [(t.name, t.count) for t in tags.list_tags(lib)] == [("ESS", 2), ("Territoire", 1)]
    assert tags.remove_tags(lib, a.id, ["ESS"]) == ()
    tags.rename_tag(lib, "Territoire", "Territoires")
    assert references.get(lib, b.id).tags == ("ESS", "Territoires")
    assert references.list_ids(lib, ReferenceFilter(tag="Territoires")) == [b.id]


def test_collections_nest_and_filter(lib: Library) -> None:
    a = references.add(lib, phare(title="Alpha"))
    b = references.add(lib, phare(title="Beta"))
    references.add(lib, phare(title="Gamma"))
    collections.create(lib, "Séminaire/2017/Atelier 4")
    collections.create(lib, "Lectures")
    collections.add_references(lib, "Séminaire/2017/Atelier 4", [a.id])
    collections.add_references(lib, "Séminaire", [b.id])
    collections.add_references(lib, "Lectures", [a.citation_key])
    paths = [(c.path, c.count) for c in collections.list_collections(lib)]
    assert paths == [("Lectures", 1), ("Séminaire", 1), ("Séminaire/2017", 0),
                     ("Séminaire/2017/Atelier 4", 1)]
    assert set(references.list_ids(lib, ReferenceFilter(collection="Séminaire"))) == {a.id, b.id}
    assert references.list_ids(lib, ReferenceFilter(collection="Séminaire/2017")) == [a.id]
    assert [r.title for r in references.list_references(
        lib, ReferenceFilter(unfiled=True))] == ["Gamma"]
    with pytest.raises(NotFound):
        collections.add_references(lib, "Nulle part", [a.id])
    collections.delete_collection(lib, "Séminaire")
    assert [c.path for c in collections.list_collections(lib)] == ["Lectures"]


def test_listing_sorts_by_title_ignoring_accents_and_by_year(lib: Library) -> None:
    for title, year in (("Économie sociale", "2001"), ("Zèbre", "1990"), ("Ethique", "2010"),
                        ("« Abeilles »", "2005")):
        references.add(lib, phare(title=title, issued=year))
    by_title = [r.title for r in references.list_references(lib, sort="title")]
    assert by_title == ["« Abeilles »", "Économie sociale", "Ethique", "Zèbre"]
    by_year = [r.year for r in references.list_references(lib, sort="year", descending=True)]
    assert by_year == [2010, 2005, 2001, 1990]
    assert len(references.list_references(lib, limit=2)) == 2


def test_listing_by_edition_and_workshop(lib: Library) -> None:
    a = references.add(lib, phare(title="Alpha"))
    b = references.add(lib, phare(title="Beta"))
    editions.add(lib, 2017, "Séminaire 2017")
    workshops.add(lib, 2017, "Un")
    workshops.add(lib, 2017, "Deux")
    workshops.add_reading(lib, 2017, 1, a.id)
    workshops.add_reading(lib, 2017, 2, b.id)
    assert references.list_ids(lib, ReferenceFilter(workshop=(2017, 2))) == [b.id]
    assert references.list_ids(lib, ReferenceFilter(edition=2017)) == [a.id, b.id]
    assert references.list_ids(lib, ReferenceFilter(edition=2016)) == []


# --- CSL-JSON ---------------------------------------------------------------------------

_text = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=20)
_words = _text.map(lambda s: " ".join(s.split())).filter(bool)
_creators = st.one_of(
    st.builds(Creator, role=st.sampled_from(["author", "editor", "translator"]),
              family=_words, given=st.one_of(st.just(""), _words)),
    st.builds(Creator, role=st.just("author"), literal=_words))


@settings(max_examples=60, deadline=None)
@given(title=_words, creators=st.lists(_creators, max_size=4),
       issued=st.sampled_from(["", "2017", "2017-11", "2017-11-23"]),
       publisher=st.one_of(st.just(""), _words))
def test_csl_json_round_trip(title: str, creators: list[Creator], issued: str,
                             publisher: str) -> None:
    from seminaire_app.domain import Reference, ReferenceId

    fields = {"publisher": publisher} if publisher else {}
    ref = Reference(ReferenceId(1), "k2017", "book", title, tuple(creators), issued, fields,
                    {"salle": "B"}, ("ESS",))
    draft = csl.from_csl(csl.to_csl(ref))
    # CSL groups names by role: order is kept within a role, roles by first appearance.
    roles = list(dict.fromkeys(c.role for c in creators))
    grouped = tuple(sorted(creators, key=lambda c: roles.index(c.role)))
    assert (draft.citation_key, draft.item_type, draft.title, draft.creators, draft.issued,
            dict(draft.fields), dict(draft.custom), draft.tags) == (
        "k2017", "book", title, grouped, issued, fields, {"salle": "B"}, ("ESS",))


def test_csl_json_import_puts_unknown_variables_in_custom_fields() -> None:
    draft = csl.from_csl({"id": "x", "type": "webpage", "title": "T", "foo": 3,
                          "accessed": {"date-parts": [[2024, 5, 2]]},
                          "author": [{"family": "Durand", "given": "Léa"}]})
    assert draft.custom == {"foo": "3"}
    assert draft.fields == {"accessed": "2024-05-02"}
    with pytest.raises(ValidationError):
        csl.from_csl({"type": "not-a-type"})


@pytest.mark.parametrize("text", [
    "Dupont, Marie", "d'Ormesson, Jean", "de Gaulle, Charles", "Tocqueville, Alexis de",
    "van der Berg, Jan", "King, Jr, Martin Luther", "{Le Rameau}", "Łukasiewicz, Jan",
    "Ψαρράς, Νίκος", "Достоевский, Фёдор"])
def test_names_round_trip(text: str) -> None:
    assert format_creator(parse_creator(text)) == text


def test_name_without_comma_and_bad_names() -> None:
    assert parse_creator("Marie de La Fayette") == Creator(
        family="La Fayette", given="Marie", non_dropping_particle="de")
    with pytest.raises(ValidationError):
        parse_creator("  ")
    with pytest.raises(ValidationError):
        parse_creator("{ }")
    with pytest.raises(ValidationError):
        parse_creator("a, b, c, d")


def test_sorting_by_creator_uses_the_first_author(lib: Library) -> None:
    edited = references.add(lib, ReferenceDraft("book", "Ouvrage collectif", (
        parse_creator("Zeller, Anna", "editor"), parse_creator("Abel, Marc"))))
    other = references.add(lib, ReferenceDraft("book", "Autre", (parse_creator("Martin, Léa"),)))
    assert references.list_ids(lib, sort="creator") == [edited.id, other.id]


def test_issued_given_as_a_field_is_the_date(lib: Library) -> None:
    ref = references.add(lib, ReferenceDraft("book", "Livre", fields={"issued": "2016-05"}))
    assert ref.issued == "2016-05" and "issued" not in ref.fields
