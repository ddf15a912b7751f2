"""Full-text search: French accents, ligatures, prefixes, escaping, every source of text."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from seminaire_app import search
from seminaire_app.domain import Creator, Owner, ReferenceDraft
from seminaire_app.services import attachments, editions, notes, references, tags, workshops
from seminaire_app.services.references import ReferenceFilter
from seminaire_app.storage.library import Library


def add(lib: Library, title: str, **kw: object) -> int:
    draft = ReferenceDraft(item_type=str(kw.pop("item_type", "book")), title=title,
                           **kw)  # type: ignore[arg-type]
    return references.add(lib, draft).id


def found(lib: Library, query: str) -> set[int]:
    return set(references.list_ids(lib, ReferenceFilter(text=query)))


def hits(lib: Library, query: str) -> list[search.Hit]:
    with lib.begin() as session:
        return search.search(session, query)


def test_accents_and_case_do_not_matter(lib: Library) -> None:
    rid = add(lib, "La coopération entre acteurs de l'ÉCONOMIE sociale")
    for query in ("cooperation", "COOPÉRATION", "Coopération", "economie", "économie",
                  "l'économie"):
        assert found(lib, query) == {rid}, query


def test_ligatures_both_ways(lib: Library) -> None:
    heart = add(lib, "Le cœur des territoires")
    oeuvre = add(lib, "Une oeuvre collective")
    assert found(lib, "coeur") == {heart}
    assert found(lib, "cœur") == {heart}
    assert found(lib, "Œuvre") == {oeuvre}
    assert found(lib, "oeuvre") == {oeuvre}


def test_prefix_with_star(lib: Library) -> None:
    a = add(lib, "Coopératives d'habitants")
    b = add(lib, "Coopération territoriale")
    assert found(lib, "coop*") == {a, b}
    assert found(lib, "coop") == set()
    assert found(lib, "cooperatio*") == {b}


def test_words_are_anded_phrases_and_or_and_exclusion(lib: Library) -> None:
    a = add(lib, "Économie sociale et solidaire")
    b = add(lib, "Économie circulaire")
    assert found(lib, "economie sociale") == {a}
    assert found(lib, '"sociale et solidaire"') == {a}
    assert found(lib, '"solidaire et sociale"') == set()
    assert found(lib, "circulaire OR solidaire") == {a, b}
    assert found(lib, "economie -circulaire") == {a}


@pytest.mark.parametrize("query", [
    '"a" OR (', "(", ")", "*", "NOT", "OR OR", "a AND", '"', '""', "-", "col:umn",
    "NEAR(a b)", "^début", "{x}", "'", "\\", "a NOT", "🙂", "\x00",
])
def test_hostile_queries_never_crash(lib: Library, query: str) -> None:
    add(lib, "Un titre")
    assert isinstance(found(lib, query), set)
    assert isinstance(hits(lib, query), list)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=30))
def test_any_text_is_a_valid_query(query: str) -> None:
    match = search.build_match(query)
    if match is not None:
        import sqlite3

        db = sqlite3.connect(":memory:")
        db.execute(search.CREATE_SQL)
        db.execute(f"SELECT * FROM {search.TABLE} WHERE {search.TABLE} MATCH ?", (match,))
        db.close()


def test_creators_container_abstract_and_tags_are_searched(lib: Library) -> None:
    rid = add(lib, "Rapport", item_type="report",
              creators=(Creator(literal="Le Rameau"), Creator(family="Łukasiewicz")),
              fields={"container-title": "Revue internationale de l'économie sociale",
                      "abstract": "Les alliances stratégiques entre associations."})
    tags.add_tags(lib, rid, ["Mécénat de compétences"])
    for query in ("rameau", "lukasiewicz", "revue internationale", "alliances strategiques",
                  "mecenat competences"):
        assert found(lib, query) == {rid}, query


def test_reference_notes_and_attachment_text_count_for_the_reference(
        lib: Library, tmp_path: Path) -> None:
    rid = add(lib, "Sans rapport")
    notes.add(lib, Owner("reference", rid), "On y parle de **tiers-lieux**.")
    doc = tmp_path / "notes.txt"
    doc.write_text("Les pôles territoriaux de coopération économique", encoding="utf-8")
    attachments.attach(lib, Owner("reference", rid), doc)
    assert found(lib, "tiers lieux") == {rid}
    assert found(lib, "poles territoriaux") == {rid}


def test_edition_and_workshop_notes_and_files_are_hits_of_their_own(
        lib: Library, tmp_path: Path) -> None:
    edition = editions.add(lib, 2017, "Séminaire 2017")
    workshop = workshops.add(lib, 2017, "Structurer les coopérations")
    note = notes.add(lib, Owner("workshop", workshop.id), "La fatigue des bénévoles")
    doc = tmp_path / "synthese.txt"
    doc.write_text("Synthèse : le mécénat de compétences", encoding="utf-8")
    attached = attachments.attach(lib, Owner("edition", edition.id), doc)
    assert [(h.kind, h.id) for h in hits(lib, "benevoles")] == [("note", note.id)]
    assert [(h.kind, h.id) for h in hits(lib, "mecenat")] == [("attachment", attached.id)]
    notes.update(lib, note.id, body="Autre chose")
    assert hits(lib, "benevoles") == []
    attachments.detach(lib, attached.id)
    assert hits(lib, "mecenat") == []


def test_deleting_an_edition_drops_its_notes_from_the_index(lib: Library) -> None:
    edition = editions.add(lib, 2017, "Séminaire 2017")
    notes.add(lib, Owner("edition", edition.id), "Bilan du séminaire")
    assert hits(lib, "bilan")
    editions.delete(lib, 2017)
    assert hits(lib, "bilan") == []


def test_title_hits_rank_before_abstract_hits(lib: Library) -> None:
    in_abstract = add(lib, "Autre", fields={"abstract": "un mot sur la gouvernance ici"})
    in_title = add(lib, "La gouvernance des coopératives")
    ranked = [h.id for h in hits(lib, "gouvernance")]
    assert ranked == [in_title, in_abstract]


def test_rebuild_recreates_the_same_results(lib: Library) -> None:
    rid = add(lib, "Coopération")
    with lib.begin() as session:
        session.execute(text(f"DELETE FROM {search.TABLE}"))
    assert found(lib, "cooperation") == set()
    with lib.begin() as session:
        assert search.rebuild(session) == 1
    assert found(lib, "cooperation") == {rid}


def test_exclusions_only_exclude(lib: Library) -> None:
    a = add(lib, "Économie sociale")
    b = add(lib, "Économie circulaire")
    assert found(lib, "-circulaire") == set()  # never the opposite of what was asked
    assert found(lib, "-circulaire economie") == {a}
    assert found(lib, "economie -sociale -solidaire") == {b}
    assert search.build_match("-x") is None
