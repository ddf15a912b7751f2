"""CSL-JSON: the lingua franca of references (Zotero, pandoc, citeproc).

:func:`to_csl` and :func:`from_csl` convert losslessly for everything Séminaire models:
CSL variables, names with particles, partial dates, plus the free custom fields, which
travel in CSL's ``custom`` object.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .dates import date_parts, from_date_parts, parse_partial_date
from .domain import (
    CREATOR_ROLES,
    DATE_VARIABLES,
    ITEM_TYPES,
    TEXT_VARIABLES,
    Creator,
    Reference,
    ReferenceDraft,
)
from .errors import ValidationError

_NAME_KEYS = {
    "family": "family", "given": "given", "dropping-particle": "dropping_particle",
    "non-dropping-particle": "non_dropping_particle", "suffix": "suffix",
    "literal": "literal",
}
_TEXT_SET = frozenset(TEXT_VARIABLES)
_DATE_SET = frozenset(DATE_VARIABLES)


def creator_to_csl(creator: Creator) -> dict[str, str]:
    return {csl: getattr(creator, attr) for csl, attr in _NAME_KEYS.items()
            if getattr(creator, attr)}


def creator_from_csl(data: Mapping[str, Any], role: str) -> Creator:
    values = {attr: str(data.get(csl, "") or "") for csl, attr in _NAME_KEYS.items()}
    if not values["family"] and not values["literal"] and values["given"]:
        values["literal"] = values.pop("given")  # a mononym: keep it rather than lose it
        values["given"] = ""
    return Creator(role=role, **values)


def to_csl(ref: Reference) -> dict[str, Any]:
    """The CSL-JSON object of a reference; ``id`` is its citation key."""
    out: dict[str, Any] = {"id": ref.citation_key, "type": ref.item_type}
    if ref.title:
        out["title"] = ref.title
    for creator in ref.creators:
        out.setdefault(creator.role, []).append(creator_to_csl(creator))
    if ref.issued:
        out["issued"] = {"date-parts": [date_parts(ref.issued)]}
    for name, value in ref.fields.items():
        if name in _DATE_SET:
            out[name] = {"date-parts": [date_parts(value)]}
        else:
            out[name] = value
    if ref.tags:
        out["keyword"] = ", ".join(ref.tags)
    if ref.custom:
        out["custom"] = dict(ref.custom)
    return out


def _csl_date(value: Any, field: str) -> str:
    if isinstance(value, Mapping):
        parts = value.get("date-parts")
        if parts:
            if not (isinstance(parts, list) and isinstance(parts[0], list)):
                raise ValidationError(field, "date-parts must be [year, month, day] lists")
            if parts[0]:
                return from_date_parts(parts[0], field)
        if value.get("raw"):
            return parse_partial_date(str(value["raw"]), field)
        if value.get("literal"):
            raise ValidationError(field, "« {text} » is not a date Séminaire reads",
                                  text=value["literal"])
        return ""
    if isinstance(value, str | int):
        return parse_partial_date(str(value), field)
    raise ValidationError(field, "a date must be a CSL date object or a string")


def from_csl(data: Mapping[str, Any]) -> ReferenceDraft:
    """A draft from a CSL-JSON object; unknown variables go to the custom fields.

    A value of the wrong shape (names that are not objects, a ``custom`` that is not an
    object, odd ``date-parts``, a date that is none) is a ValidationError naming it.
    """
    item_type = str(data.get("type", "document"))
    if item_type not in ITEM_TYPES:
        raise ValidationError("type", "« {value} » is not a CSL item type", value=item_type)
    creators: list[Creator] = []
    fields: dict[str, str] = {}
    given_custom = data.get("custom") or {}
    if not isinstance(given_custom, Mapping):
        raise ValidationError("custom", "must be an object of name: value")
    custom: dict[str, str] = {str(k): str(v) for k, v in given_custom.items()}
    issued = ""
    tags: tuple[str, ...] = ()
    for name, value in data.items():
        if name in ("id", "type", "title", "custom"):
            continue
        if name in CREATOR_ROLES:
            if not (isinstance(value, list) and all(isinstance(v, Mapping) for v in value)):
                raise ValidationError(name, "names must be a list of objects (family, given…)")
            creators.extend(creator_from_csl(v, name) for v in value)
        elif name == "keyword":
            tags = tuple(t.strip() for t in str(value).split(",") if t.strip())
        elif name == "issued":
            issued = _csl_date(value, name)
        elif name in _DATE_SET:
            fields[name] = _csl_date(value, name)
        elif name in _TEXT_SET:
            fields[name] = str(value)
        else:
            custom[name] = value if isinstance(value, str) else str(value)
    return ReferenceDraft(
        item_type=item_type, title=str(data.get("title", "")), creators=tuple(creators),
        issued=issued, fields=fields, custom=custom, tags=tags,
        citation_key=str(data.get("id", "")))
