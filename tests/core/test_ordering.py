"""The fast ordering path gives exactly the core's answers, and follows changes."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from seminaire_app.domain import ReferenceDraft
from seminaire_app.names import parse_creator
from seminaire_app.services import collections, editions, ordering, references, workshops
from seminaire_app.services.references import ReferenceFilter
from seminaire_app.storage.library import Library

TITLES = ("Économie sociale", "La coopération", "Zèbres et coopératives", "Abeilles",
          "Territoires", "Œuvres communes", "économie circulaire")


@pytest.fixture
def filled(lib: Library) -> Library:
    for i, title in enumerate(TITLES):
        references.add(lib, ReferenceDraft(
            "book", title, (parse_creator(f"Auteur{(7 - i) % 4}, A"),), str(2000 + i % 3),
            tags=("ESS",) if i % 2 else ()))
    collections.create(lib, "Lot")
    collections.add_references(lib, "Lot", [1, 3, 5])
    editions.add(lib, 2017, "Séminaire")
    workshops.add(lib, 2017, "Atelier")
    workshops.add_reading(lib, 2017, 1, 2)
    return lib


FILTERS = (
    ReferenceFilter(), ReferenceFilter(text="coop*"), ReferenceFilter(text="economie"),
    ReferenceFilter(text="oeuvres"), ReferenceFilter(text="absent"), ReferenceFilter(text="("),
    ReferenceFilter(tag="ESS"), ReferenceFilter(tag="ESS", text="coop*"),
    ReferenceFilter(collection="Lot"), ReferenceFilter(unfiled=True),
    ReferenceFilter(workshop=(2017, 1)), ReferenceFilter(edition=2017),
)


def test_same_answers_as_the_core(filled: Library) -> None:
    for flt in FILTERS:
        for sort in ("title", "creator", "year", "added", "type", "key"):
            for descending in (False, True):
                expected = references.list_ids(filled, flt, sort, descending)  # type: ignore[arg-type]
                got = ordering.filtered_ids(filled, flt, sort, descending)  # type: ignore[arg-type]
                assert got == expected, (flt, sort, descending)


def test_the_cached_order_follows_changes(filled: Library) -> None:
    before = ordering.filtered_ids(filled, ReferenceFilter(), "title")
    new = references.add(filled, ReferenceDraft("book", "Aaa premier"))
    after = ordering.filtered_ids(filled, ReferenceFilter(), "title")
    assert after == [new.id, *before]
    references.update(filled, new.id, {"title": "Zzz dernier"})
    assert ordering.filtered_ids(filled, ReferenceFilter(), "title")[-1] == new.id
    references.delete_reference(filled, new.id)
    assert ordering.filtered_ids(filled, ReferenceFilter(), "title") == before


def test_libraries_of_no_or_one_reference(lib: Library) -> None:
    # The order's mask lookup has its own path below two ids.
    coop = ReferenceFilter(text="coop*")
    assert ordering.filtered_ids(lib, coop) == []
    only = references.add(lib, ReferenceDraft("book", "La coopération"))
    assert ordering.filtered_ids(lib, coop) == [only.id]
    assert ordering.filtered_ids(lib, ReferenceFilter(text="abeilles")) == []


def test_index_rows_of_unknown_references_are_left_out(filled: Library) -> None:
    coop = ReferenceFilter(text="coop*")
    expected = references.list_ids(filled, coop)
    assert ordering.filtered_ids(filled, coop) == expected  # the order is cached now
    with filled.begin() as session:  # a reference the cached order has never seen
        session.execute(text("INSERT INTO search_index(rowid, title) VALUES (:r, 'coop')"),
                        {"r": 1000 * 4})
    assert ordering.filtered_ids(filled, coop) == expected
