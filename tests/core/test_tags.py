"""Tags ignore case: which spelling a new tag gets, and finding a tag whatever its case."""

from __future__ import annotations

import pytest

from seminaire_app.domain import ReferenceDraft
from seminaire_app.interchange import ParsedEntry, ParseResult
from seminaire_app.services import imports, references, tags
from seminaire_app.storage.library import Library


@pytest.mark.parametrize("names", [
    ["Communs", "communs", "COMMUNS"],
    ["communs", "Communs"],
    ["Économie", "économie"],
    ["économie", "Économie"],
])
def test_a_new_tag_is_spelt_as_the_first_of_the_batch(lib: Library, names: list[str]) -> None:
    with lib.begin() as session:
        found = tags.tag_ids(session, names)
    assert list(found) == [names[0].casefold()]
    assert [t.name for t in tags.list_tags(lib)] == [names[0]]


def test_a_tag_of_the_library_is_found_whatever_its_case(lib: Library) -> None:
    ref = references.add(lib, ReferenceDraft("book", "Les communs"))
    tags.add_tags(lib, ref.id, ["Économie", "Communs"])
    after = tags.add_tags(lib, ref.id, ["économie", "COMMUNS", "Tiers-lieux"])
    assert sorted(after) == ["Communs", "Tiers-lieux", "Économie"]
    assert {t.name: t.count for t in tags.list_tags(lib)} == {
        "Communs": 1, "Économie": 1, "Tiers-lieux": 1}


def test_an_import_spells_a_new_tag_as_first_met(lib: Library) -> None:
    drafts = [ReferenceDraft("book", f"Titre {i}", tags=spelling)
              for i, spelling in enumerate([("économie",), ("Économie", "ESS"), ("ess",)])]
    preview = imports.preview_parsed(
        lib, ParseResult(tuple(ParsedEntry(d, i) for i, d in enumerate(drafts, 1))))
    imports.run_import(lib, preview, tags=["Lot"])
    assert {t.name: t.count for t in tags.list_tags(lib)} == {
        "économie": 2, "ESS": 2, "Lot": 3}
