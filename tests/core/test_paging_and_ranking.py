"""Paged listing (page/count), bounded search ranking and the bulk-insert fast paths."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import text

from seminaire_app import search
from seminaire_app.domain import Creator, Owner, ReferenceDraft
from seminaire_app.errors import ValidationError
from seminaire_app.services import attachments, collections, references
from seminaire_app.services.references import ReferenceFilter
from seminaire_app.storage.library import Library
from seminaire_app.textfold import fold, fold_slowly

WORDS = ["coopération", "territoire", "mécénat", "œuvre", "économie", "réseau", "social"]
NAMES = [Creator(family="Dupont", given="Anne"), Creator(family="Lefèvre", given="Élise"),
         Creator(family="Ormesson", given="Jean", non_dropping_particle="d'"),
         Creator(family="Tocqueville", given="Alexis", dropping_particle="de"),
         Creator(literal="Le Rameau"), Creator(family="Łukasiewicz", given="Jan")]
TAGS = ["ESS", "Mécénat", "Territoires"]


def _drafts(n: int) -> list[ReferenceDraft]:
    """Varied drafts: repeated titles and years, missing years, several types and tags."""
    out = []
    for i in range(n):
        title = f"{WORDS[i % 7].capitalize()} et {WORDS[(i * 3) % 7]}"  # 49 distinct, repeats
        out.append(ReferenceDraft(
            item_type=("book", "article-journal", "report")[i % 3], title=title,
            creators=(NAMES[i % 6], NAMES[(i + 2) % 6])[: 1 + i % 2],
            issued="" if i % 11 == 0 else str(1950 + (i * 7) % 70),
            fields={"container-title": f"Revue {i % 4}"} if i % 3 == 1 else {},
            tags=tuple(TAGS[j] for j in range(3) if (i >> j) & 1)))
    return out


@pytest.fixture
def library(tmp_path: Path) -> Iterator[Library]:
    lib = Library.open(tmp_path / "library")
    yield lib
    lib.close()


@pytest.fixture
def filled(library: Library) -> Library:
    """60 references, some in collections, added in two batches."""
    drafts = _drafts(60)
    ids = references.add_many(library, drafts[:35]) + references.add_many(library, drafts[35:])
    collections.create(library, "Séminaire/2017")
    collections.add_references(library, "Séminaire", ids[:10])
    collections.add_references(library, "Séminaire/2017", ids[5:15])
    return library


FILTERS = [None, ReferenceFilter(tag="Mécénat"), ReferenceFilter(text="cooperation"),
           ReferenceFilter(text="œuvre -territoire"), ReferenceFilter(collection="Séminaire"),
           ReferenceFilter(unfiled=True), ReferenceFilter(tag="ESS", text="economie"),
           ReferenceFilter(text="absent")]


@pytest.mark.parametrize("flt", FILTERS, ids=lambda f: "all" if f is None else repr(f))
def test_page_is_a_slice_of_list_ids(filled: Library, flt: ReferenceFilter | None) -> None:
    for sort, descending in itertools.product(
            ("title", "creator", "year", "added", "modified", "type", "container", "key"),
            (False, True)):
        every = references.list_ids(filled, flt, sort, descending)
        for offset, limit in ((0, 100), (0, 7), (7, 7), (55, 10), (200, 5), (3, 0)):
            page = references.page(filled, flt, sort, descending, offset, limit)
            assert [r.id for r in page] == every[offset:offset + limit], (sort, descending)
        assert references.count(filled, flt) == len(every)


def test_page_holds_whole_references(filled: Library) -> None:
    first = references.page(filled, sort="year", descending=True, limit=3)
    assert first == references.fetch(filled, [r.id for r in first])
    assert [r.year for r in first] == sorted((r.year for r in first), reverse=True)
    assert references.list_references(filled, sort="creator", limit=9) == (
        references.list_references(filled, sort="creator")[:9])


def test_page_rejects_bad_arguments(filled: Library) -> None:
    with pytest.raises(ValidationError):
        references.page(filled, offset=-1)
    with pytest.raises(ValidationError):
        references.page(filled, limit=-5)
    with pytest.raises(ValidationError):
        references.page(filled, sort="colour")  # type: ignore[arg-type]


def test_count_of_an_empty_library(library: Library) -> None:
    assert references.count(library) == 0
    assert references.page(library) == []


# --- ranking -----------------------------------------------------------------------------

def _hits(lib: Library, query: str, limit: int = 50) -> list[search.Hit]:
    with lib.begin() as session:
        return search.search(session, query, limit=limit)


def _bm25_floor(lib: Library, query: str, limit: int = 50) -> list[tuple[int, float]]:
    """Every match ranked by bm25: what search() did before bounded ranking."""
    match = search.build_match(query)
    with lib.begin() as session:
        return [(rowid // 4, score) for rowid, score in session.execute(text(
            f"SELECT rowid, bm25(search_index, {search._WEIGHTS}) AS s FROM search_index "
            "WHERE search_index MATCH :q ORDER BY s LIMIT :n"), {"q": match, "n": limit})]


def _matching(lib: Library, query: str) -> set[int]:
    with lib.begin() as session:
        return set(search.matching_reference_ids(session, query))


def test_a_title_match_ranks_before_an_attachment_match(library: Library,
                                                        tmp_path: Path) -> None:
    in_pdf = references.add(library, ReferenceDraft("report", "Rapport d'activité 2016"))
    minutes = tmp_path / "pv.txt"
    minutes.write_text("Procès-verbal : la coopération avec les fondations progresse.\n"
                       * 20, encoding="utf-8")
    attachments.attach(library, Owner("reference", in_pdf.id), minutes)
    in_title = references.add(library, ReferenceDraft("book", "La coopération territoriale"))
    hits = _hits(library, "cooperation")
    assert [h.id for h in hits] == [in_title.id, in_pdf.id]
    assert all(h.kind == "reference" for h in hits)


@pytest.fixture
def many_matches(library: Library) -> dict[str, list[int]]:
    """40 references matching « coopération »: in titles, in creators' tags, in abstracts
    only (some also with « territoire »), and 10 that do not match."""
    groups: dict[str, list[ReferenceDraft]] = {
        "title": [ReferenceDraft("book", f"Coopération numéro {i}") for i in range(12)],
        "tag": [ReferenceDraft("book", f"Ouvrage {i}", tags=("Coopération",))
                for i in range(3)],
        "abstract": [ReferenceDraft("article-journal", f"Article {i}", fields={
            "abstract": "Une étude de la coopération" + (" et du territoire" if i % 2 else "")})
            for i in range(25)],
        "none": [ReferenceDraft("book", f"Autre sujet {i}") for i in range(10)],
    }
    out: dict[str, list[int]] = {}
    for name, drafts in groups.items():
        out[name] = list(references.add_many(library, drafts))
    return out


def _assert_sound(hits: list[search.Hit], allowed: set[int], limit: int) -> None:
    ids = [h.id for h in hits]
    assert len(ids) == len(set(ids)), "a hit came twice"
    assert set(ids) <= allowed, "a hit does not match the query"
    assert len(ids) == min(limit, len(allowed))
    assert all(h.kind == "reference" for h in hits)


def test_bounded_ranking_prefers_strong_columns(library: Library,
                                                many_matches: dict[str, list[int]],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search, "RANK_BOUND", 5)
    monkeypatch.setattr(search, "CANDIDATE_BOUND", 6)
    allowed = _matching(library, "coopération")
    assert len(allowed) == 40
    strong = set(many_matches["title"] + many_matches["tag"])
    for limit in (1, 4, 10, 15):
        hits = _hits(library, "coopération", limit)
        _assert_sound(hits, allowed, limit)
        # 15 strong matches, more than the bound: the newest CANDIDATE_BOUND (or limit) of
        # them, ranked; never an abstract-only match while strong ones remain.
        assert {h.id for h in hits} <= strong
        assert [h.score for h in hits] == sorted(h.score for h in hits)
    newest = sorted(strong)[-6:]
    assert {h.id for h in _hits(library, "coopération", 6)} == set(newest)


def test_bounded_ranking_fills_up_from_weaker_columns(library: Library,
                                                      many_matches: dict[str, list[int]],
                                                      monkeypatch: pytest.MonkeyPatch
                                                      ) -> None:
    monkeypatch.setattr(search, "RANK_BOUND", 5)
    monkeypatch.setattr(search, "CANDIDATE_BOUND", 8)
    allowed = _matching(library, "coopération")
    strong = many_matches["title"] + many_matches["tag"]
    hits = _hits(library, "coopération", 20)  # more than the 15 strong matches
    _assert_sound(hits, allowed, 20)
    assert {h.id for h in hits[:15]} == set(strong)
    assert {h.id for h in hits[15:]} <= set(many_matches["abstract"])
    # A word found only in abstracts: no strong match at all, all hits come from step 2.
    hits = _hits(library, "etude", 7)
    _assert_sound(hits, set(many_matches["abstract"]), 7)


def test_bounded_ranking_keeps_exclusions_and_or(library: Library,
                                                 many_matches: dict[str, list[int]],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search, "RANK_BOUND", 3)
    monkeypatch.setattr(search, "CANDIDATE_BOUND", 4)
    for query in ("coopération -territoire", "cooperation NOT territoire",
                  "ouvrage OR article", "coop*", '"etude de la cooperation"'):
        allowed = _matching(library, query)
        assert len(allowed) > 4, query
        for limit in (2, 5, 30):
            _assert_sound(_hits(library, query, limit), allowed, limit)
    # the exclusion holds even for a word found in another column than the match
    excluded = set(_matching(library, "territoire"))
    assert not {h.id for h in _hits(library, "coopération -territoire", 30)} & excluded


def test_selective_queries_are_ranked_exactly(library: Library,
                                              many_matches: dict[str, list[int]]) -> None:
    for query in ("coopération", "etude", "coopération -territoire", "ouvrage OR article"):
        for limit in (3, 50):
            hits = _hits(library, query, limit)
            assert [(h.id, h.score) for h in hits] == _bm25_floor(library, query, limit)


def test_bound_never_cuts_below_the_limit(library: Library,
                                          many_matches: dict[str, list[int]],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search, "RANK_BOUND", 2)
    monkeypatch.setattr(search, "CANDIDATE_BOUND", 2)
    # A limit above the bound ranks at least `limit` rows: here all 40, exactly.
    hits = _hits(library, "coopération", 45)
    assert [(h.id, h.score) for h in hits] == _bm25_floor(library, "coopération", 45)


def test_user_text_is_still_escaped_in_the_bounded_path(
        library: Library, many_matches: dict[str, list[int]],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search, "RANK_BOUND", 1)
    monkeypatch.setattr(search, "CANDIDATE_BOUND", 1)
    for query in ('coopération) OR (', '{title} : coopération', 'NEAR(coopération',
                  'coopération"', "coopération AND", "NOT coopération", "-"):
        _hits(library, query)  # no FTS5 syntax error


# --- bulk insert fast paths --------------------------------------------------------------

@given(st.text())
def test_search_folds_text_as_textfold_does(value: str) -> None:
    assert fold(value) == fold_slowly(value)


def test_fold_of_tricky_characters() -> None:
    for value in ("Cœur ÉLÉMENTS", "İstanbul", "ΟΔΟΣ", "ﬁnance", "e\u0301te\u0301", "Łódź",
                  "Straße ẞ", "한국어", "d’Ormesson", "x\u0345\u0301y", "Å\u212b"):
        assert fold(value) == fold_slowly(value), value


def test_fresh_index_rows_equal_a_rebuild(library: Library) -> None:
    drafts = [*_drafts(30), ReferenceDraft(
        "book", "  Titre   à  espaces ", tags=("ESS", "ess", "Mécénat", "ESS"),
        creators=(Creator(literal="Le Rameau"), Creator(family="", literal="Avise"),
                  Creator(family="Ormesson", non_dropping_particle="d'", given="Jean"),
                  Creator(family="Tocqueville", dropping_particle="de", suffix="Jr.")),
        fields={"abstract": "Résumé : l'œuvre", "container-title": "Revue Projet"})]
    references.add_many(library, drafts[:10])
    references.add(library, ReferenceDraft("book", "Seul", tags=("mécénat",)))
    references.add_many(library, drafts[10:])
    query = text("SELECT rowid, * FROM search_index ORDER BY rowid")
    with library.begin() as session:
        fresh = session.execute(query).all()
        search.index_references(session)
        rebuilt = session.execute(query).all()
    assert len(fresh) == 32
    assert fresh == rebuilt


def test_add_many_gives_the_ids_in_order(library: Library) -> None:
    first = references.add_many(library, _drafts(5))
    second = references.add_many(library, _drafts(4))
    assert second == list(range(first[-1] + 1, first[-1] + 5))
    fetched = references.fetch(library, [*first, *second])
    assert [r.title for r in fetched] == [d.title for d in (*_drafts(5), *_drafts(4))]
    assert fetched[0].date_added is not None
    assert fetched[0].date_added == fetched[-1].date_added or fetched[-1].date_added
    # the JSON and date columns went through their types: they read back as written
    with_container = next(r for r in fetched if r.fields.get("container-title"))
    assert with_container.fields["container-title"].startswith("Revue")


def test_unselective_criteria_walk_the_sort_index(filled: Library) -> None:
    common = ReferenceFilter(tag="Mécénat")
    rare = ReferenceFilter(text='"territoire et oeuvre" dupont')  # 1 reference
    with filled.begin() as session:
        # 30 of 60 references carry the tag: for a page of 7, walking the index is cheaper
        assert references._probed(session, common, "title", 7) == {"tag"}
        assert references._probed(session, common, "title", 100) == set()
        assert references._probed(session, common, "type", 7) == set()  # no index on type
        assert references._probed(session, rare, "year", 1) == set()
        assert len(references.list_ids(filled, rare)) == 1
        both = ReferenceFilter(tag="Mécénat", text="cooperation OR economie OR reseau")
        assert references._probed(session, both, "year", 2) == {"tag", "text"}
    for flt in (common, rare, both):
        for offset, limit in ((0, 1), (0, 2), (3, 4), (25, 7)):
            assert [r.id for r in references.page(filled, flt, "year", True, offset, limit)] \
                == references.list_ids(filled, flt, "year", True)[offset:offset + limit]
