"""Adding, editing, listing and deleting references."""

from __future__ import annotations

import functools
import math
import operator
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, Literal, cast

from sqlalchemy import Select, Table, delete, func, insert, select
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
    Base,
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
        raise ValidationError("ISBN", "« {value} » is not an ISBN", value=value)
    if name == "URL" and value and not re.match(r"^[a-z][a-z0-9+.\-]*:", value, re.I):
        raise ValidationError("URL", "« {value} » is not a URL (it needs https:// or similar)",
                              value=value)
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
            raise ValidationError("creators", "« {role} » is not a creator role", role=creator.role)
        if not (creator.family.strip() or creator.literal.strip()):
            raise ValidationError("creators", "each creator needs a family name or a name")
        out.append(creator)
    return tuple(out)


def validate(draft: ReferenceDraft) -> ReferenceDraft:
    """The draft with its values normalised; ValidationError naming the first bad field."""
    if draft.item_type not in ITEM_TYPES:
        raise ValidationError("type", "« {value} » is not a reference type", value=draft.item_type)
    fields = dict(draft.fields)
    issued = fields.pop("issued", "") or draft.issued  # « issued » given as a plain field
    draft = replace(draft, fields=fields, issued=issued)
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

def row_values(draft: ReferenceDraft, now: datetime,
                creator_key: Callable[[str], str] = sort_key) -> dict[str, Any]:
    fields = dict(draft.fields)
    container = fields.pop("container-title", "")
    authors = [c for c in draft.creators if c.role == "author"] or list(draft.creators)
    first = authors[0] if authors else None
    creator_sort = "" if first is None else creator_key(first.literal or first.family)
    return {
        "item_type": draft.item_type, "title": draft.title, "issued": draft.issued,
        "year": int(draft.issued[:4]) if draft.issued else None,
        "container_title": container, "fields": fields, "custom": dict(draft.custom),
        "sort_title": sort_key(draft.title), "sort_creator": creator_sort,
        "date_modified": now,
    }


def creator_rows(reference_id: int, creators: Sequence[Creator]) -> list[dict[str, Any]]:
    return [{"reference_id": reference_id, "position": pos, "role": c.role, "family": c.family,
             "given": c.given, "dropping_particle": c.dropping_particle,
             "non_dropping_particle": c.non_dropping_particle, "suffix": c.suffix,
             "literal": c.literal} for pos, c in enumerate(creators)]


def insert_drafts(session: Session, drafts: Sequence[ReferenceDraft],
                  progress: Progress = NULL_PROGRESS) -> list[int]:
    """Insert validated drafts in the open transaction; returns their ids, in order."""
    session.flush()  # the rows below go through the driver, which does not autoflush
    taken = set(session.scalars(select(ReferenceRow.citation_key)))
    now = datetime.now()
    # The ids SQLite would give (the largest + 1, …), given here so that the rows can go
    # in by executemany instead of an INSERT … RETURNING per batch. The transaction
    # holds the write lock from the first insert on; a writer that committed since this
    # read makes that insert fail (WAL snapshot), it never makes ids collide.
    first_id = (session.scalar(select(func.max(ReferenceRow.id))) or 0) + 1
    ids = list(range(first_id, first_id + len(drafts)))
    creator_key = functools.lru_cache(maxsize=None)(sort_key)  # names recur, titles do not
    values = []
    for rid, draft in zip(ids, drafts, strict=True):
        if draft.citation_key:
            if draft.citation_key in taken:
                raise ValidationError("citation-key", "« {key} » is already used",
                                      key=draft.citation_key)
            key = draft.citation_key
        else:
            key = unique_key(base_key(draft.creators, draft.issued, draft.title),
                             taken.__contains__)
        taken.add(key)
        values.append({"id": rid, "citation_key": key, "date_added": now,
                       **row_values(draft, now, creator_key)})
    step = 5000
    for start in range(0, len(values), step):
        if progress.cancelled():
            raise Cancelled()
        _insert_rows(session, ReferenceRow, values[start:start + step])
        progress.report(min(start + step, len(values)), len(values), "references")
    _insert_rows(session, CreatorRow, [row for rid, d in zip(ids, drafts, strict=True)
                                       for row in creator_rows(rid, d.creators)])
    all_tags = {t for d in drafts for t in d.tags}
    tag_map = tag_ids(session, all_tags) if all_tags else {}
    names = {tid: name for tid, name in session.execute(
        select(TagRow.id, TagRow.name).where(TagRow.id.in_(set(tag_map.values()))))}
    # Each reference's tag ids, without repeats, in the order the index reads them back.
    ref_tags = [sorted({tag_map[t.casefold()] for t in d.tags}) for d in drafts]
    _insert_rows(session, ReferenceTagRow, [{"reference_id": rid, "tag_id": tid}
                                            for rid, tids in zip(ids, ref_tags, strict=True)
                                            for tid in tids])
    search.index_new_references(session, [
        (rid, v["title"], search.creators_text(d.creators), v["container_title"],
         v["fields"].get("abstract", ""), " ; ".join(names[t] for t in tids))
        for rid, d, v, tids in zip(ids, drafts, values, ref_tags, strict=True)])
    return ids


def _insert_rows(session: Session, model: type[Base], rows: Sequence[Mapping[str, Any]]
                 ) -> None:
    """INSERT ``rows`` (dicts with the same keys) with one executemany of the driver.

    Values are converted by the columns' own types (JSON, DateTime…), as SQLAlchemy
    would; skipping its per-row statement machinery makes a 100,000-reference import
    several seconds faster. Python-side column defaults are not applied: a key left out
    takes the server default (or NULL).
    """
    if not rows:
        return
    table = cast("Table", model.__table__)
    dialect = session.get_bind().dialect
    names = list(rows[0])
    columns = []
    for name in names:  # column by column: map() and zip() loop in C
        values = list(map(operator.itemgetter(name), rows))
        processor = table.c[name].type.bind_processor(dialect)
        if processor is not None:
            first = values[0]
            if all(value is first for value in values):  # one object: the import's time
                values = [processor(first)] * len(values)
            else:
                values = list(map(processor, values))
        columns.append(values)
    params = list(zip(*columns, strict=True))
    sql = (f"INSERT INTO {table.name} ({', '.join(names)}) "
           f"VALUES ({', '.join('?' * len(names))})")
    session.connection().exec_driver_sql(sql, params)


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
            raise ValidationError("citation-key", "« {key} » is already used",
                                  key=draft.citation_key)
        for attr, value in row_values(draft, datetime.now()).items():
            setattr(row, attr, value)
        row.citation_key = draft.citation_key
        if draft.creators != current.creators:
            session.execute(delete(CreatorRow).where(CreatorRow.reference_id == row.id))
            if draft.creators:
                session.execute(insert(CreatorRow), creator_rows(row.id, draft.creators))
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

def _text_ids(flt: ReferenceFilter) -> Select[Any] | None:
    match = search.build_match(flt.text)
    return None if match is None else search.reference_ids_select(match)


def _tag_ids(flt: ReferenceFilter) -> Select[Any]:
    return (select(ReferenceTagRow.reference_id).join(TagRow, TagRow.id == ReferenceTagRow.tag_id)
            .where(TagRow.name == flt.tag))


def _filtered(stmt: Select[Any], flt: ReferenceFilter,
              probed: frozenset[str] = frozenset()) -> Select[Any]:
    """``stmt`` restricted to what passes ``flt``.

    The criteria named in ``probed`` ("text", "tag") are written ``id + 0 IN (…)``: SQLite
    then tests them on each row it reads instead of reading their rows by id, so that a
    page can walk the sort index (see :func:`_probed`).
    """
    def ids(criterion: str) -> Any:
        return ReferenceRow.id + 0 if criterion in probed else ReferenceRow.id

    if flt.text:
        text_ids = _text_ids(flt)
        if text_ids is None:
            return stmt.where(ReferenceRow.id.is_(None))
        stmt = stmt.where(ids("text").in_(text_ids))
    if flt.tag:
        stmt = stmt.where(ids("tag").in_(_tag_ids(flt)))
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


def _selected(session: Session, flt: ReferenceFilter | None, sort: SortKey,
              descending: bool, probed: frozenset[str] = frozenset()) -> Select[Any]:
    """Ids of the references that pass ``flt``, in order: the statement behind a listing.

    Sorting is by the sort column then the id, so that the order is total and a page is
    a slice of :func:`list_ids`; on title, creator, year, date added and citation key an
    index gives that order without sorting.
    """
    flt = flt or ReferenceFilter()
    column = _SORT_COLUMNS.get(sort)
    if column is None:
        raise ValidationError("sort", "« {value} » is not a sort key", value=sort)
    order = [column.desc() if descending else column.asc(),
             ReferenceRow.id.desc() if descending else ReferenceRow.id.asc()]
    if flt.collection:
        from .collections import collection_ids_under

        ids = collection_ids_under(session, flt.collection)
        stmt = select(ReferenceRow.id).where(ReferenceRow.id.in_(
            select(CollectionItemRow.reference_id)
            .where(CollectionItemRow.collection_id.in_(ids))))
    else:
        stmt = select(ReferenceRow.id)
    return _filtered(stmt, flt, probed).order_by(*order)


def list_ids(lib: Library, flt: ReferenceFilter | None = None, sort: SortKey = "title",
             descending: bool = False) -> list[ReferenceId]:
    """Ids of the references that pass ``flt``, sorted: what a table holds."""
    with lib.begin() as session:
        return [ReferenceId(i) for i in session.scalars(_selected(session, flt, sort,
                                                                   descending))]


#: Sort keys an index (models.py) gives in order: a page can walk it and stop early.
_INDEXED_SORTS = frozenset({"title", "creator", "year", "added", "key"})


def _probed(session: Session, flt: ReferenceFilter | None, sort: SortKey,
            window: int) -> frozenset[str]:
    """The text and tag criteria that a page should test row by row (see _filtered).

    A criterion that lets ``n`` of ``N`` references through can drive the query (read
    its ``n`` rows by id, then sort them all: about ``n`` steps) or be tested while
    walking the sort index (about ``window × N / n`` entries read before the page is
    full). SQLite always picks the first; the walk wins when ``n² > window × N``: a page
    of « de* » or of a tag on 10 % of the library takes 3 ms instead of 60–180 ms.
    Counting up to that threshold is cheap (a capped FTS5 or index count).
    """
    if flt is None or sort not in _INDEXED_SORTS or not (flt.text or flt.tag):
        return frozenset()
    total = session.scalar(select(func.max(ReferenceRow.id))) or 0
    threshold = math.isqrt(window * total)
    candidates = {"text": _text_ids(flt) if flt.text else None,
                  "tag": _tag_ids(flt) if flt.tag else None}
    probed = set()
    for name, ids in candidates.items():
        if ids is not None:
            capped = ids.limit(threshold + 1).subquery()
            if (session.scalar(select(func.count()).select_from(capped)) or 0) > threshold:
                probed.add(name)
    return frozenset(probed)


def page(lib: Library, flt: ReferenceFilter | None = None, sort: SortKey = "title",
         descending: bool = False, offset: int = 0, limit: int = 100) -> list[Reference]:
    """One page of the sorted references that pass ``flt``: ``list_ids(…)[offset:offset +
    limit]``, fetched without listing the others (LIMIT/OFFSET on the sort index)."""
    if offset < 0 or limit < 0:
        raise ValidationError("page", "offset and limit cannot be negative")
    with lib.begin() as session:
        probed = _probed(session, flt, sort, offset + limit)
        stmt = _selected(session, flt, sort, descending, probed).offset(offset).limit(limit)
        return lookup.references_by_id(session, list(session.scalars(stmt)))


def count(lib: Library, flt: ReferenceFilter | None = None) -> int:
    """How many references pass ``flt`` (the length of :func:`list_ids`)."""
    with lib.begin() as session:
        stmt = _selected(session, flt, "title", False).order_by(None)
        return session.scalar(select(func.count()).select_from(stmt.subquery())) or 0


def list_references(lib: Library, flt: ReferenceFilter | None = None,
                    sort: SortKey = "title", descending: bool = False,
                    limit: int | None = None) -> list[Reference]:
    """The references that pass ``flt``, sorted, at most ``limit`` of them."""
    if limit is not None:
        return page(lib, flt, sort, descending, limit=limit)
    return fetch(lib, list_ids(lib, flt, sort, descending))
