"""Duplicates: the detection rules, blocking, finding groups (merging: test_merging.py)."""

from __future__ import annotations

import itertools
import random

import pytest

from seminaire_app.domain import Creator, ReferenceDraft
from seminaire_app.errors import Cancelled
from seminaire_app.services import duplicates, references
from seminaire_app.services.duplicates import Reason, match, signature
from seminaire_app.storage.library import Library

RAMEAU = Creator(literal="Le Rameau")
DUPONT = Creator(family="Dupont", given="Marie")
MARTIN = Creator(family="Martin", given="Paul")


def draft(title: str, creators: tuple[Creator, ...] = (DUPONT,), issued: str = "2016",
          item_type: str = "book", **fields: str) -> ReferenceDraft:
    return ReferenceDraft(item_type, title, creators, issued,
                          {k.replace("_", "-"): v for k, v in fields.items()})


def same(a: ReferenceDraft, b: ReferenceDraft) -> Reason | None:
    return match(signature(1, a), signature(2, b))


# --- normalisation -----------------------------------------------------------------------

@pytest.mark.parametrize(("raw", "normal"), [
    ("10.1000/ABC.12", "10.1000/abc.12"),
    ("https://doi.org/10.1000/ABC.12", "10.1000/abc.12"),
    ("http://dx.doi.org/10.1000/abc.12", "10.1000/abc.12"),
    ("doi: 10.1000/abc.12", "10.1000/abc.12"),
    ("https://doi.org/10.1000%2Fabc.12", "10.1000/abc.12"),
])
def test_doi_normalisation(raw: str, normal: str) -> None:
    assert duplicates.normal_doi(raw) == normal


@pytest.mark.parametrize(("raw", "normal"), [
    ("2-07-036822-X", "9782070368228"),  # ISBN-10 with its check letter
    ("2070368228", "9782070368228"),
    ("978-2-07-036822-8", "9782070368228"),
    ("978 2 07 036822 8", "9782070368228"),
    ("0-19-853453-1", "9780198534532"),
    ("12345", ""),
])
def test_isbn_normalisation(raw: str, normal: str) -> None:
    assert duplicates.normal_isbn(raw) == normal


def test_creator_key_drops_particles_and_keeps_institutions_whole() -> None:
    key = duplicates.creator_key
    assert key(Creator(family="Ormesson", non_dropping_particle="d'")) == "ormesson"
    assert key(Creator(family="d'Ormesson")) == key(Creator(family="Ormesson")) == "ormesson"
    assert key(Creator(family="de Gaulle")) == "gaulle"
    assert key(Creator(family="Lévy-Bruhl")) == key(Creator(family="Levy Bruhl"))
    assert key(RAMEAU) == "lerameau"
    assert key(None) == ""


# --- rules --------------------------------------------------------------------------------

def test_same_doi_is_a_duplicate_whatever_the_rest() -> None:
    a = draft("Un titre", DOI="https://doi.org/10.3917/RECMA.343.0021")
    b = draft("Another title", (MARTIN,), "1990", DOI="10.3917/recma.343.0021")
    assert same(a, b) is Reason.DOI


def test_different_dois_are_never_duplicates() -> None:
    a = draft("L'économie sociale", DOI="10.1/a")
    assert same(a, draft("L'économie sociale", DOI="10.1/b")) is None
    assert same(a, draft("L'économie sociale")) is Reason.TITLE  # one DOI missing: fine


def test_same_isbn_10_and_13_for_whole_works_only() -> None:
    book = draft("Histoire de l'économie sociale", ISBN="2-07-036822-X")
    assert same(book, draft("Histoire économie sociale (2e éd.)", (MARTIN,), "2001",
                            ISBN="978-2-07-036822-8")) is Reason.ISBN
    chapter_a = draft("Introduction", (MARTIN,), item_type="chapter", ISBN="2070368228")
    chapter_b = draft("Les coopératives", (DUPONT,), item_type="chapter", ISBN="2070368228")
    assert same(chapter_a, chapter_b) is None
    assert same(book, draft("Histoire de l'économie sociale", ISBN="9780198534532")) is None


@pytest.mark.parametrize(("issued", "expected"), [
    ("2017", Reason.TITLE), ("2016", Reason.TITLE), ("2018-05", Reason.TITLE),
    ("", Reason.TITLE), ("2019", None), ("2015", None)])
def test_normalised_title_needs_close_years(issued: str, expected: Reason | None) -> None:
    a = draft("Programme PHARE : les alliances", (RAMEAU,), "2017")
    b = draft("PROGRAMME « PHARE », les Alliances", (RAMEAU,), issued)
    assert same(a, b) is expected


def test_normalised_title_needs_the_same_first_creator() -> None:
    a = draft("Les communs urbains", (DUPONT, MARTIN))
    assert same(a, draft("Les communs urbains", (Creator(family="DUPONT", given="M."),))) \
        is Reason.TITLE
    assert same(a, draft("Les communs urbains", (MARTIN, DUPONT))) is None
    assert same(a, draft("Les communs urbains", ())) is None  # a creator on one side only
    editor = Creator(role="editor", family="Martin")
    assert same(draft("Les communs urbains", (editor, DUPONT)), a) is Reason.TITLE  # 1st author
    assert same(draft("Sans auteur", ()), draft("Sans auteur", ())) is Reason.TITLE


def test_institutions_compare_by_their_name() -> None:
    a = draft("Rapport d'activité", (RAMEAU,))
    assert same(a, draft("Rapport d'activite", (Creator(literal="LE RAMEAU"),))) is Reason.TITLE
    assert same(a, draft("Rapport d'activité", (Creator(literal="Avise"),))) is None


@pytest.mark.parametrize(("a", "b"), [
    ("L'économie sociale et solidaire", "Economie sociale & solidaire"),
    ("Le mécénat de compétences en France", "Le mecenat de competence en France"),
    ("Governing the commons: the evolution of institutions for collective action",
     "Governing the Commons. The Evolution of Institutions for Collective Actions"),
    ("La prospective territoriale, mode d'emploi", "Prospective territoriale : mode d’emploi"),
    ("Innovation sociale et territoires", "Innovation sociale et teritoires"),
])
def test_similar_titles_match(a: str, b: str) -> None:
    assert same(draft(a), draft(b)) in (Reason.TITLE, Reason.SIMILAR_TITLE)
    assert same(draft(a), draft(b, (MARTIN,))) is None  # the first creator must agree
    assert same(draft(a), draft(b, issued="2019")) is None  # and the years


@pytest.mark.parametrize(("a", "b"), [
    ("Économie sociale", "Économie solidaire"),
    ("Économie sociale et solidaire en Isère", "Économie sociale et solidaire en Savoie"),
    ("Gouvernance des associations", "Gouvernance des fondations"),
    ("La coopération intercommunale", "La coopération internationale"),
    ("Rapport annuel 2016", "Rapport annuel 2017"),
    ("Les associations employeurs", "Les associations et l'emploi"),
    ("Introduction", "Conclusion"),
])
def test_different_titles_do_not_match(a: str, b: str) -> None:
    assert same(draft(a), draft(b)) is None


# --- in a library ---------------------------------------------------------------------

def test_probable_duplicates_of_import_candidates(lib: Library) -> None:
    ids = references.add_many(lib, [
        draft("L'économie sociale et solidaire", issued="2016"),
        draft("Économie sociale", issued="2016"),
        draft("Autre chose", (MARTIN,), DOI="10.1/xyz")])
    found = duplicates.probable_duplicates(lib, [
        draft("Economie sociale & solidaire", issued="2017"),
        draft("Économie solidaire", issued="2016"),
        draft("Rien à voir", (RAMEAU,), DOI="https://doi.org/10.1/XYZ"),
        draft("Économie sociale", issued="")])
    assert found == [(ids[0],), (), (ids[2],), (ids[1],)]
    assert duplicates.probable_duplicates(lib, []) == []


def test_find_groups_biggest_then_surest_first(lib: Library) -> None:
    ids = references.add_many(lib, [
        draft("Les communs urbains"), draft("Les communs urbains", issued="2017"),
        draft("Les communs urbain", issued="2015"),
        draft("Tiers-lieux", (MARTIN,), DOI="10.1/t"), draft("Tiers lieux", DOI="10.1/T"),
        draft("Seul au monde", (RAMEAU,))])
    groups = duplicates.find_duplicate_groups(lib)
    assert [[r.id for r in g.references] for g in groups] == [ids[:3], ids[3:5]]
    assert [g.reason for g in groups] == [Reason.SIMILAR_TITLE, Reason.DOI]
    assert [[r.id for r in g] for g in duplicates.find_groups(lib)] == [ids[:3], ids[3:5]]


def _variant_drafts(count: int, seed: int) -> list[ReferenceDraft]:
    rng = random.Random(seed)
    families = ["Dupont", "Martin", "Lévy", "d'Ormesson", "Bernard", ""]
    words = ["économie", "sociale", "solidaire", "communs", "territoires", "coopération",
             "associations", "innovation", "mécénat", "gouvernance", "tiers-lieux"]
    out = []
    for _ in range(count):
        title = " ".join(rng.sample(words, rng.randint(1, 4)))
        if rng.random() < 0.3:
            title = title.replace("é", "e").upper()
        if rng.random() < 0.2:
            title = "L'" + title
        if rng.random() < 0.2:  # a typo
            i = rng.randrange(len(title))
            title = title[:i] + title[i + 1:]
        family = rng.choice(families)
        fields = {}
        if rng.random() < 0.1:
            fields["DOI"] = f"10.1/{rng.randint(1, 15)}"
        if rng.random() < 0.1:
            fields["ISBN"] = rng.choice(["2070368228", "9782070368228", "0198534531"])
        out.append(ReferenceDraft(
            rng.choice(["book", "book", "chapter"]), title or "x",
            (Creator(family=family),) if family else (),
            rng.choice(["", "2015", "2016", "2017", "2018", "2020"]), fields))
    return out


def test_blocking_finds_exactly_what_pairwise_comparison_finds(lib: Library) -> None:
    drafts = _variant_drafts(400, seed=7)
    ids = references.add_many(lib, drafts)
    sigs = [signature(i, d) for i, d in zip(ids, drafts, strict=True)]
    brute = {(a.id, b.id) for a, b in itertools.combinations(sigs, 2) if match(a, b)}
    assert len(brute) > 100  # the data really holds duplicates
    index = duplicates.BlockIndex(sigs)
    blocked = {(s.id, other) for s in sigs for other in index.matches(s) if other > s.id}
    assert blocked == brute
    # The groups are the connected components of those pairs.
    parent = {i: i for i in ids}

    def root(x: int) -> int:
        while parent[x] != x:
            x = parent[x]
        return x

    for a, b in brute:
        parent[root(a)] = root(b)
    components: dict[int, set[int]] = {}
    for i in ids:
        components.setdefault(root(i), set()).add(i)
    expected = sorted(sorted(c) for c in components.values() if len(c) > 1)
    assert sorted(sorted(r.id for r in g) for g in duplicates.find_groups(lib)) == expected
    # Import candidates against the library: the same answers as comparing one by one.
    news = _variant_drafts(60, seed=8)
    got = duplicates.probable_duplicates(lib, news)
    for new, found in zip(news, got, strict=True):
        sig = signature(-1, new)
        assert set(found) == {s.id for s in sigs if match(sig, s)}


def test_find_groups_reports_progress_and_can_be_cancelled(lib: Library) -> None:
    references.add_many(lib, _variant_drafts(1500, seed=3))

    class Sink:
        def __init__(self, stop: bool) -> None:
            self.stop, self.calls = stop, []  # type: list[tuple[int, int]]

        def report(self, done: int, total: int, label: str = "") -> None:
            self.calls.append((done, total))

        def cancelled(self) -> bool:
            return self.stop

    sink = Sink(stop=False)
    duplicates.find_groups(lib, sink)
    assert sink.calls[-1] == (1500, 1500) and len(sink.calls) == 2
    with pytest.raises(Cancelled):
        duplicates.find_groups(lib, Sink(stop=True))
