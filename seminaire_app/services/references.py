"""Adding, editing, listing and deleting references."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, Literal, cast

from sqlalchemy import Select, delete, insert, select
from sqlalchemy.orm import Session

from .. import search
from ..citekeys import base_key, unique_key, validate_key
from ..dates import parse_partial_date
from ..domain import (
    CREATOR_ROLES,
    DATE_VARIABLES,
    ITEM_TYPES,
    TEXT_VARIABLES,
    Changes,
    Creator,
    Reference,
    ReferenceDraft,
    ReferenceId,
)
from ..errors import Cancelled, ValidationError
from ..progress import NULL_PROGRESS, Progress
from ..storage.library import Library
from ..storage.models import (
    CollectionItemRow,
    CreatorRow,
    EditionRow,
    ReadingEntryRow,
    ReferenceRow,
    ReferenceTagRow,
    TagRow,
    WorkshopRow,
)
from ..textfold import sort_key
from . import lookup
from .tags import tag_ids, validate_tag

_TEXT_SET = frozenset(TEXT_VARIABLES)
_DATE_SET = frozenset(DATE_VARIABLES)
_DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:)", re.IGNORECASE)

SortKey = Literal["title", "creator", "year", "added", "modified", "type", "container", "key"]
_SORT_COLUMNS: dict[str, Any] = {
    "title": ReferenceRow.sort_title, "creator": ReferenceRow.sort_creator,
    "year": ReferenceRow.year, "added": ReferenceRow.date_added,
    "modified": ReferenceRow.date_modified, "type": ReferenceRow.item_type,
    "container": ReferenceRow.container_title, "key": ReferenceRow.citation_key,
}


@dataclass(frozen=True, slots=True)
class ReferenceFilter:
    """Which references a list shows; every criterion given must hold."""

    text: str = ""
    tag: str = ""
    collection: str = ""  # a path: "Parent/Child"
    unfiled: bool = False  # in no collection
    edition: int | None = None  # on a reading list of that year's workshops
    workshop: tuple[int, int] | None = None  # (year, number)


# --- validation ------------------------------------------------------------------------

def _clean_field(name: str, value: str) -> str:
    value = value.strip()
    if name in _DATE_SET:
        return parse_partial_date(value, name)
    if name == "DOI":
        return _DOI_PREFIX.sub("", value)
    if name == "ISBN" and value and not re.fullmatch(r"[0-9Xx\- ]{10,17}", value):
        raise ValidationError("ISBN", f"« {value} » is not an ISBN")
    if name == "URL" and value and not re.match(r"^[a-z][a-z0-9+.\-]*:", value, re.I):
        raise ValidationError("URL", f"« {value} » is not a URL (it needs https:// or similar)")
    return value


def _clean_fields(fields: Mapping[str, str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for name, value in fields.items():
        if name not in _TEXT_SET and name not in _DATE_SET:
            raise ValidationError(name, "is not a CSL variable; use a custom field")
        cleaned = _clean_field(name, str(value))
        if cleaned:
            out[name] = cleaned
    return out


def _clean_creators(creators: Iterable[Creator]) -> tuple[Creator, ...]:
    out = []
    for creator in creators:
        if creator.role not in CREATOR_ROLES:
            raise ValidationError("creators", f"« {creator.role} » is not a creator role")
        if not (creator.family.strip() or creator.literal.strip()):
            raise ValidationError("creators", "each creator needs a family name or a name")
        out.append(creator)
    return tuple(out)


def validate(draft: ReferenceDraft) -> ReferenceDraft:
    """The draft with its values normalised; ValidationError naming the first bad field."""
    if draft.item_type not in ITEM_TYPES:
        raise ValidationError("type", f"« {draft.item_type} » is not a reference type")
    title = " ".join(draft.title.split())
    if not title:
        raise ValidationError("title", "a reference needs a title")
    return replace(
        draft, title=title, creators=_clean_creators(draft.creators),
        issued=parse_partial_date(draft.issued, "issued"), fields=_clean_fields(draft.fields),
        custom={k.strip(): str(v) for k, v in draft.custom.items() if k.strip()},
        tags=tuple(validate_tag(t) for t in draft.tags),
        citation_key=validate_key(draft.citation_key) if draft.citation_key else "")


# --- writing ---------------------------------------------------------------------------

def _row_values(draft: ReferenceDraft, now: datetime) -> dict[str, Any]:
    fields = dict(draft.fields)
    container = fields.pop("container-title", "")
    first = draft.creators[0] if draft.creators else None
    creator_sort = "" if first is None else sort_key(first.literal or first.family)
    return {
        "item_type": draft.item_type, "title": draft.title, "issued": draft.issued,
        "year": int(draft.issued[:4]) if draft.issued else None,
        "container_title": container, "fields": fields, "custom": dict(draft.custom),
        "sort_title": sort_key(draft.title), "sort_creator": creator_sort,
        "date_modified": now,
    }


def _creator_rows(reference_id: int, creators: Sequence[Creator]) -> list[dict[str, Any]]:
    return [{"reference_id": reference_id, "position": pos, "role": c.role, "family": c.family,
             "given": c.given, "dropping_particle": c.dropping_particle,
             "non_dropping_particle": c.non_dropping_particle, "suffix": c.suffix,
             "literal": c.literal} for pos, c in enumerate(creators)]


def insert_drafts(session: Session, drafts: Sequence[ReferenceDraft],
                  progress: Progress = NULL_PROGRESS) -> list[int]:
    """Insert validated drafts in the open transaction; returns their ids, in order."""
    taken = set(session.scalars(select(ReferenceRow.citation_key)))
    now = datetime.now()
    values = []
    for draft in drafts:
        if draft.citation_key:
            if draft.citation_key in taken:
                raise ValidationError(
                    "citation-key", f"« {draft.citation_key} » is already used")
            key = draft.citation_key
        else:
            key = unique_key(base_key(draft.creators, draft.issued, draft.title),
                             taken.__contains__)
        taken.add(key)
        values.append({"citation_key": key, "date_added": now, **_row_values(draft, now)})
    ids: list[int] = []
    step = 2000
    for start in range(0, len(values), step):
        if progress.cancelled():
            raise Cancelled()
        ids.extend(session.scalars(insert(ReferenceRow).returning(
            ReferenceRow.id, sort_by_parameter_order=True), values[start:start + step]))
        progress.report(len(ids), len(values), "references")
    creator_rows = [row for rid, d in zip(ids, drafts, strict=True)
                    for row in _creator_rows(rid, d.creators)]
    if creator_rows:
        session.execute(insert(CreatorRow), creator_rows)
    all_tags = {t for d in drafts for t in d.tags}
    if all_tags:
        tag_map = tag_ids(session, all_tags)
        links = {(rid, tag_map[t.casefold()]) for rid, d in zip(ids, drafts, strict=True)
                 for t in d.tags}
        session.execute(insert(ReferenceTagRow),
                        [{"reference_id": r, "tag_id": t} for r, t in links])
    search.index_references(session, ids, fresh=True)
    return ids


def add(lib: Library, draft: ReferenceDraft) -> Reference:
    """Add one reference; its citation key is generated unless the draft has one."""
    draft = validate(draft)
    with lib.begin() as session:
        (rid,) = insert_drafts(session, [draft])
        ref = lookup.references_by_id(session, [rid])[0]
    lib.notify(Changes.REFERENCES | (Changes.TAGS if draft.tags else Changes.NONE))
    return ref


def add_many(lib: Library, drafts: Sequence[ReferenceDraft],
             progress: Progress = NULL_PROGRESS) -> list[ReferenceId]:
    """Add many references in one transaction (all or none); returns their ids."""
    valid = [validate(d) for d in drafts]
    with lib.begin() as session:
        ids = insert_drafts(session, valid, progress)
    lib.notify(Changes.REFERENCES | Changes.TAGS)
    return [ReferenceId(i) for i in ids]


def get(lib: Library, ref: str | int) -> Reference:
    """A reference by citation key or id; NotFound otherwise."""
    with lib.begin() as session:
        row = lookup.reference_row(session, ref)
        return lookup.references_by_id(session, [row.id])[0]


def fetch(lib: Library, ids: Sequence[int]) -> list[Reference]:
    """References for ``ids`` in that order (unknown ids are left out): a table's page."""
    with lib.begin() as session:
        return lookup.references_by_id(session, ids)


def update(lib: Library, ref: str | int, changes: Mapping[str, object]) -> Reference:
    """Change some values of a reference.

    Keys: ``title``, ``type``, ``issued``, ``citation-key``, ``creators`` (a sequence of
    Creator), any CSL variable (an empty value removes it) and ``custom.NAME``.
    """
    with lib.begin() as session:
        row = lookup.reference_row(session, ref)
        current = lookup.references_by_id(session, [row.id])[0]
        fields, custom = dict(current.fields), dict(current.custom)
        draft = ReferenceDraft(item_type=current.item_type, title=current.title,
                               creators=current.creators, issued=current.issued,
                               citation_key=current.citation_key)
        for name, value in changes.items():
            if name == "creators":
                draft = replace(draft, creators=tuple(cast("Iterable[Creator]", value)))
            elif name == "title":
                draft = replace(draft, title=str(value))
            elif name == "issued":
                draft = replace(draft, issued=str(value))
            elif name == "type":
                draft = replace(draft, item_type=str(value))
            elif name == "citation-key":
                draft = replace(draft, citation_key=str(value))
            elif name.startswith("custom."):
                custom[name[7:]] = str(value)
                if not str(value):
                    del custom[name[7:]]
            else:
                fields[name] = str(value)
        draft = validate(replace(draft, fields=fields, custom=custom))
        if draft.citation_key != row.citation_key and session.scalar(
                select(ReferenceRow.id).where(ReferenceRow.citation_key == draft.citation_key)):
            raise ValidationError("citation-key", f"« {draft.citation_key} » is already used")
        for attr, value in _row_values(draft, datetime.now()).items():
            setattr(row, attr, value)
        row.citation_key = draft.citation_key
        if draft.creators != current.creators:
            session.execute(delete(CreatorRow).where(CreatorRow.reference_id == row.id))
            if draft.creators:
                session.execute(insert(CreatorRow), _creator_rows(row.id, draft.creators))
        session.flush()
        search.index_references(session, [row.id])
        session.expire_all()
        updated = lookup.references_by_id(session, [row.id])[0]
    lib.notify(Changes.REFERENCES)
    return updated


def delete_reference(lib: Library, ref: str | int) -> Reference:
    """Delete a reference with its notes, attachments and places on reading lists."""
    from . import snapshots

    return snapshots.delete(lib, [ref])[0].reference


# --- listing ---------------------------------------------------------------------------

def _filtered(stmt: Select[Any], flt: ReferenceFilter) -> Select[Any]:
    if flt.text:
        match = search.build_match(flt.text)
        if match is None:
            return stmt.where(ReferenceRow.id.is_(None))
        stmt = stmt.where(ReferenceRow.id.in_(search.reference_ids_select(match)))
    if flt.tag:
        stmt = stmt.where(ReferenceRow.id.in_(
            select(ReferenceTagRow.reference_id).join(TagRow, TagRow.id == ReferenceTagRow.tag_id)
            .where(TagRow.name == flt.tag)))
    if flt.unfiled:
        stmt = stmt.where(ReferenceRow.id.not_in(select(CollectionItemRow.reference_id)))
    if flt.workshop is not None or flt.edition is not None:
        readings = (select(ReadingEntryRow.reference_id)
                    .join(WorkshopRow, WorkshopRow.id == ReadingEntryRow.workshop_id)
                    .join(EditionRow, EditionRow.id == WorkshopRow.edition_id))
        if flt.workshop is not None:
            readings = readings.where(EditionRow.year == flt.workshop[0],
                                      WorkshopRow.number == flt.workshop[1])
        if flt.edition is not None:
            readings = readings.where(EditionRow.year == flt.edition)
        stmt = stmt.where(ReferenceRow.id.in_(readings))
    return stmt


def list_ids(lib: Library, flt: ReferenceFilter | None = None, sort: SortKey = "title",
             descending: bool = False) -> list[ReferenceId]:
    """Ids of the references that pass ``flt``, sorted: what a table holds."""
    flt = flt or ReferenceFilter()
    column = _SORT_COLUMNS[sort]
    order = [column.desc() if descending else column.asc(),
             ReferenceRow.id.desc() if descending else ReferenceRow.id.asc()]
    with lib.begin() as session:
        if flt.collection:
            from .collections import collection_ids_under

            ids = collection_ids_under(session, flt.collection)
            stmt = select(ReferenceRow.id).where(ReferenceRow.id.in_(
                select(CollectionItemRow.reference_id)
                .where(CollectionItemRow.collection_id.in_(ids))))
        else:
            stmt = select(ReferenceRow.id)
        stmt = _filtered(stmt, flt).order_by(*order)
        return [ReferenceId(i) for i in session.scalars(stmt)]


def list_references(lib: Library, flt: ReferenceFilter | None = None,
                    sort: SortKey = "title", descending: bool = False,
                    limit: int | None = None) -> list[Reference]:
    """The references that pass ``flt``, sorted, at most ``limit`` of them."""
    ids = list_ids(lib, flt, sort, descending)
    return fetch(lib, ids[:limit] if limit is not None else ids)
