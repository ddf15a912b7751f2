"""Merging duplicates: links kept, choices, groups in one transaction, undoing a merge."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from seminaire_app import search
from seminaire_app.domain import Creator, Owner, ReadingRole, ReferenceDraft
from seminaire_app.errors import NotFound, ValidationError
from seminaire_app.services import (
    attachments,
    collections,
    editions,
    merging,
    notes,
    references,
    tags,
    workshops,
)
from seminaire_app.services.references import ReferenceFilter
from seminaire_app.storage.library import Library

DUPONT = Creator(family="Dupont", given="Marie")
MARTIN = Creator(family="Martin", given="Paul")


def draft(title: str) -> ReferenceDraft:
    return ReferenceDraft("book", title, (DUPONT,), "2016")


@pytest.fixture
def pair(lib: Library, tmp_path: Path) -> tuple[Library, int, int, int]:
    """Two duplicates and a bystander, each with links of every kind."""
    master, other, bystander = references.add_many(lib, [
        ReferenceDraft("book", "Les communs urbains", (DUPONT,), "2016",
                       {"publisher": "PUG"}, {"cote": "A12"}, ("Communs",), "dupont2016"),
        ReferenceDraft("book", "Les Communs urbains : enquête", (DUPONT, MARTIN), "2017",
                       {"publisher": "Presses universitaires", "ISBN": "2070368228",
                        "abstract": "Un résumé sur la gouvernance polycentrique"},
                       {"lieu": "BU"}, ("Territoires", "Communs"), "dupontCommuns"),
        ReferenceDraft("report", "Autre", (MARTIN,), "2010")])
    tags.add_tags(lib, bystander, ["Communs"])
    collections.create(lib, "ESS/Communs")
    collections.create(lib, "Lectures")
    collections.add_references(lib, "ESS/Communs", [master, other])
    collections.add_references(lib, "Lectures", [other, bystander])
    notes.add(lib, Owner("reference", other), "Lu en 2018 : **hétérarchie**", "Fiche")
    notes.add(lib, Owner("reference", master), "Ma note")
    for name, owner in (("a.txt", master), ("b.txt", other)):
        (tmp_path / name).write_text(f"texte {name} palimpseste", encoding="utf-8")
        attachments.attach(lib, Owner("reference", owner), tmp_path / name)
    editions.add(lib, 2017, "Séminaire 2017")
    for title in ("Communs", "Territoires"):
        workshops.add(lib, 2017, title)
    workshops.add_reading(lib, 2017, 1, bystander)
    workshops.add_reading(lib, 2017, 1, master, ReadingRole.BACKGROUND, "fond")
    workshops.add_reading(lib, 2017, 1, other, ReadingRole.REQUIRED)
    workshops.add_reading(lib, 2017, 2, other, ReadingRole.PRODUCED, "produit")
    workshops.add_reading(lib, 2017, 2, bystander)
    return lib, master, other, bystander


def snapshot(lib: Library) -> dict[str, Any]:
    """Everything a user can see of the library, to compare before and after."""
    refs = references.list_references(lib, sort="key")
    owners = [Owner("reference", r.id) for r in refs]
    with lib.begin() as session:
        hits = {q: search.search(session, q) for q in
                ("communs", "hétérarchie", "palimpseste", "polycentrique", "dupont")}
    return {
        "references": refs,
        "collections": [(c.path, references.list_ids(lib, ReferenceFilter(collection=c.path)))
                        for c in collections.list_collections(lib)],
        "tags": tags.list_tags(lib),
        "notes": [notes.list_for(lib, o) for o in owners],
        "attachments": [attachments.list_for(lib, o) for o in owners],
        "readings": [workshops.reading_list(lib, 2017, n) for n in (1, 2)],
        "search": hits,
    }


def test_merge_keeps_every_link_and_the_choices(
        pair: tuple[Library, int, int, int]) -> None:
    lib, master, other, bystander = pair
    result = merging.merge(lib, master, ["dupontCommuns"],
                              {"title": other, "custom.lieu": master, "publisher": other})
    merged = result.merged
    assert merged.id == master and merged.citation_key == "dupont2016"
    assert merged.title == "Les Communs urbains : enquête"
    assert merged.issued == "2016" and merged.creators == (DUPONT,)  # the master's
    assert merged.fields == {"publisher": "Presses universitaires", "ISBN": "2070368228",
                             "abstract": "Un résumé sur la gouvernance polycentrique"}
    assert merged.custom == {"cote": "A12"}  # « lieu » chosen from the master, which has none
    assert merged.tags == ("Communs", "Territoires")
    assert merged.attachment_count == 2
    assert [r.id for r in result.removed] == [other]
    with pytest.raises(NotFound):
        references.get(lib, other)
    paths = {c.path: c.count for c in collections.list_collections(lib)}
    assert paths == {"ESS": 0, "ESS/Communs": 1, "Lectures": 2}
    assert [n.title or n.body for n in notes.list_for(lib, Owner("reference", master))] \
        == ["Fiche", "Ma note"]
    first = workshops.reading_list(lib, 2017, 1)
    assert [(e.reference.id, e.role, e.position, e.annotation) for e in first] == [
        (bystander, ReadingRole.REQUIRED, 0, ""),
        (master, ReadingRole.REQUIRED, 1, "fond")]  # best role, first position, kept note
    second = workshops.reading_list(lib, 2017, 2)
    assert [(e.reference.id, e.role, e.annotation) for e in second] == [
        (master, ReadingRole.PRODUCED, "produit"), (bystander, ReadingRole.REQUIRED, "")]
    with lib.begin() as session:
        for query in ("hétérarchie", "palimpseste", "polycentrique"):
            assert [h.id for h in search.search(session, query)] == [master]


def test_unmerge_restores_exactly(pair: tuple[Library, int, int, int]) -> None:
    lib, master, other, _ = pair
    before = snapshot(lib)
    result = merging.merge(lib, master, [other], {"creators": other, "citation-key": other,
                                                     "issued": other, "type": other})
    assert result.merged.citation_key == "dupontCommuns"
    assert result.merged.creators == (DUPONT, MARTIN)
    assert snapshot(lib) != before
    restored = merging.unmerge(lib, result)
    assert [r.id for r in restored] == [master, other]
    assert snapshot(lib) == before


def test_merge_groups_in_one_transaction_and_undo(pair: tuple[Library, int, int, int]) -> None:
    lib, master, other, bystander = pair
    a, b, c = references.add_many(lib, [draft("Tiers-lieux"), draft("Tiers lieux"),
                                        draft("Tiers-lieux !")])
    before = snapshot(lib)
    with pytest.raises(ValidationError, match="two groups"):
        merging.merge_groups(lib, [(master, [other]), (a, [other])])
    with pytest.raises(ValidationError, match="colour"):
        merging.merge_groups(lib, [(master, [other]), (a, [b])], [None, {"colour": b}])
    assert snapshot(lib) == before  # the first group's merge was rolled back too
    results = merging.merge_groups(lib, [(master, [other]), (a, [b, c])])
    assert [r.merged.id for r in results] == [master, a]
    assert sorted(references.list_ids(lib)) == sorted([master, bystander, a])
    merging.unmerge_groups(lib, results)
    assert snapshot(lib) == before


@pytest.mark.parametrize(("master", "others", "choices", "field"), [
    (1, [1, 2], None, "others"),
    (1, [], None, "others"),
    (1, [2], {"colour": 2}, "colour"),
    (1, [2], {"title": 3}, "title"),
])
def test_merge_refuses_nonsense(pair: tuple[Library, int, int, int], master: int,
                                others: list[int], choices: dict[str, int] | None,
                                field: str) -> None:
    lib = pair[0]
    with pytest.raises(ValidationError) as err:
        merging.merge(lib, master, others, choices)  # type: ignore[arg-type]
    assert err.value.field == field
    with pytest.raises(NotFound):
        merging.merge(lib, 1, ["nokey"])


def test_unmerge_refuses_when_the_library_moved_on(pair: tuple[Library, int, int, int]) -> None:
    lib, master, other, _ = pair
    result = merging.merge(lib, master, [other])
    references.add(lib, ReferenceDraft("book", "Nouveau", citation_key="dupontCommuns"))
    with pytest.raises(ValidationError, match="changed since the merge"):
        merging.unmerge(lib, result)
