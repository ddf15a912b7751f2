"""CSL-JSON objects to drafts: a malformed item is a ValidationError naming the value."""

from __future__ import annotations

import contextlib
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from seminaire_app import csl
from seminaire_app.domain import Creator, ReferenceDraft
from seminaire_app.errors import ValidationError


def item(**values: object) -> dict[str, Any]:
    return {"id": "cle", "type": "book", "title": "Titre", **values}


def test_well_formed_dates_and_names() -> None:
    draft = csl.from_csl(item(author=[{"family": "Dupont", "given": "Marie"}],
                              issued={"date-parts": [["2017", " 11 "]]},
                              accessed={"date-parts": [[2024, 5, 2]]}))
    assert draft.creators == (Creator(family="Dupont", given="Marie"),)
    assert (draft.issued, dict(draft.fields)) == ("2017-11", {"accessed": "2024-05-02"})


@pytest.mark.parametrize(("values", "field"), [
    ({"author": ["Dupont, Marie"]}, "author"),
    ({"editor": [{"family": "Dupont"}, None]}, "editor"),
    ({"translator": {"family": "Dupont"}}, "translator"),
    ({"custom": "x"}, "custom"),
    ({"custom": [["salle", "B"]]}, "custom"),
    ({"issued": {"date-parts": [2017, 11]}}, "issued"),
    ({"issued": {"date-parts": "2017"}}, "issued"),
    ({"issued": {"date-parts": [[None]]}}, "issued"),
    ({"issued": {"date-parts": [["deux mille dix-sept"]]}}, "issued"),
    ({"issued": {"date-parts": [["٢٠١٧"]]}}, "issued"),
    ({"issued": {"date-parts": [[{"year": 2017}]]}}, "issued"),
    ({"accessed": {"date-parts": [[2017.5]]}}, "accessed"),
    ({"accessed": {"date-parts": [[True]]}}, "accessed"),
    ({"accessed": {"date-parts": [[2017, 13]]}}, "accessed"),
    ({"issued": ["2017"]}, "issued"),
])
def test_malformed_items_are_validation_errors(values: dict[str, object], field: str) -> None:
    with pytest.raises(ValidationError) as err:
        csl.from_csl(item(**values))
    assert err.value.field == field


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
        st.sampled_from(["family", "given", "literal", "date-parts", "raw", "season"]),
        inner, max_size=3),
    max_leaves=10)


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.sampled_from(["id", "type", "title", "author", "editor", "issued",
                                        "accessed", "keyword", "custom", "ISBN", "x"]),
                       JSON, max_size=5))
def test_any_json_object_gives_a_draft_or_a_validation_error(data: dict[str, Any]) -> None:
    with contextlib.suppress(ValidationError):  # the one error allowed
        assert isinstance(csl.from_csl(data), ReferenceDraft)
