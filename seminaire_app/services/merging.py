"""Merging probable duplicates into one reference, and undoing a merge.

A merge keeps the master's row and id; the others' tags, collections, notes,
attachments and places on reading lists move to it, then the others are deleted.
:class:`MergeResult` keeps the rows as they were, so that :func:`unmerge` puts back the
exact state (ids and citation keys included): the app's undo step. Finding the
duplicates is :mod:`.duplicates`'s.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import delete, insert, or_, select, update
from sqlalchemy.orm import Session

from .. import search
from ..domain import (
    DATE_VARIABLES,
    TEXT_VARIABLES,
    Changes,
    ReadingRole,
    Reference,
    ReferenceDraft,
)
from ..errors import NotFound, ValidationError
from ..storage.library import Library
from ..storage.models import (
    AttachmentRow,
    CollectionItemRow,
    CollectionRow,
    CreatorRow,
    NoteRow,
    ReadingEntryRow,
    ReferenceRow,
    ReferenceTagRow,
    TagRow,
    WorkshopRow,
)
from . import lookup, references

#: Which entry a reading list keeps when several merged references sit on it.
_ROLE_RANK = {ReadingRole.REQUIRED.value: 0, ReadingRole.PRODUCED.value: 1,
              ReadingRole.BACKGROUND.value: 2}
_CHOOSABLE = frozenset(("title", "issued", "type", "creators", "citation-key",
                        *TEXT_VARIABLES, *DATE_VARIABLES))
_ALL_CHANGES = (Changes.REFERENCES | Changes.TAGS | Changes.COLLECTIONS | Changes.NOTES
                | Changes.ATTACHMENTS | Changes.READINGS)

Row = Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class ReferenceState:
    """A reference's row, creators and links as they were before a merge."""

    row: Row  # every column of the reference table
    creators: tuple[Row, ...]
    tag_ids: tuple[int, ...]
    collection_ids: tuple[int, ...]
    note_ids: tuple[int, ...]
    attachment_ids: tuple[int, ...]

    @property
    def id(self) -> int:
        return int(self.row["id"])


@dataclass(frozen=True, slots=True)
class MergeResult:
    """The merged reference, and what :func:`unmerge` needs to restore the state before."""

    merged: Reference
    removed: tuple[Reference, ...]  # the others, as they were
    master_before: ReferenceState
    others_before: tuple[ReferenceState, ...]
    readings_before: tuple[Row, ...]  # every entry of the reading lists the merge touched
    changes: Changes = _ALL_CHANGES


def _state(session: Session, rid: int) -> ReferenceState:
    def ids(column: Any, owner: Any) -> tuple[int, ...]:
        return tuple(session.scalars(select(column).where(owner == rid).order_by(column)))

    row = session.execute(select(ReferenceRow.__table__).where(ReferenceRow.id == rid))
    creators = session.execute(select(CreatorRow.__table__).where(
        CreatorRow.reference_id == rid).order_by(CreatorRow.position))
    return ReferenceState(
        row=dict(row.mappings().one()), creators=tuple(dict(c) for c in creators.mappings()),
        tag_ids=ids(ReferenceTagRow.tag_id, ReferenceTagRow.reference_id),
        collection_ids=ids(CollectionItemRow.collection_id, CollectionItemRow.reference_id),
        note_ids=ids(NoteRow.id, NoteRow.reference_id),
        attachment_ids=ids(AttachmentRow.id, AttachmentRow.reference_id))


def _readings_of(session: Session, group: Sequence[int]) -> tuple[Row, ...]:
    """Every entry of the reading lists where a reference of ``group`` sits."""
    workshops = select(ReadingEntryRow.workshop_id).where(
        ReadingEntryRow.reference_id.in_(group))
    rows = session.execute(select(ReadingEntryRow.__table__).where(
        ReadingEntryRow.workshop_id.in_(workshops)).order_by(ReadingEntryRow.id))
    return tuple(dict(r) for r in rows.mappings())


def _merged_draft(master: Reference, others: Sequence[Reference],
                  chosen: Mapping[str, Reference]) -> ReferenceDraft:
    """The master's values; what it lacks from the first other that has it; then choices."""
    everyone = [master, *others]
    fields: dict[str, str] = {}
    custom: dict[str, str] = {}
    for ref in reversed(everyone):
        fields.update(ref.fields)
        custom.update(ref.custom)
    draft = ReferenceDraft(
        item_type=master.item_type, citation_key=master.citation_key,
        title=next((r.title for r in everyone if r.title), ""),
        creators=next((r.creators for r in everyone if r.creators), ()),
        issued=next((r.issued for r in everyone if r.issued), ""))
    simple = {"title": "title", "issued": "issued", "type": "item_type",
              "creators": "creators", "citation-key": "citation_key"}
    for name, source in chosen.items():
        if name in simple:
            attr = simple[name]
            draft = replace(draft, **{attr: getattr(source, attr)})
        else:
            values, own, key = ((custom, source.custom, name[7:]) if name.startswith("custom.")
                                else (fields, source.fields, name))
            if key in own:
                values[key] = own[key]
            else:
                values.pop(key, None)
    return references.validate(replace(draft, fields=fields, custom=custom))


def _move_links(session: Session, master: int, others: Sequence[int]) -> None:
    for model, column in ((ReferenceTagRow, "tag_id"), (CollectionItemRow, "collection_id")):
        owner, linked = model.reference_id, getattr(model, column)
        have = set(session.scalars(select(linked).where(owner == master)))
        new = set(session.scalars(select(linked).where(owner.in_(others)))) - have
        if new:
            session.execute(insert(model), [{"reference_id": master, column: i} for i in new])
    for owned in (NoteRow, AttachmentRow):
        session.execute(update(owned).where(owned.reference_id.in_(others))
                        .values(reference_id=master)
                        .execution_options(synchronize_session=False))


def _merge_readings(session: Session, master: int, group: Sequence[int],
                    before: Sequence[Row]) -> None:
    """One entry per reading list: the best role, at the first position of them all."""
    mine: dict[int, list[Row]] = defaultdict(list)
    for entry in before:
        if entry["reference_id"] in group:
            mine[entry["workshop_id"]].append(entry)
    for workshop, entries in mine.items():
        best = min(entries, key=lambda e: (_ROLE_RANK.get(e["role"], 9), e["position"]))
        losers = [e["id"] for e in entries if e is not best]
        if losers:
            session.execute(delete(ReadingEntryRow).where(ReadingEntryRow.id.in_(losers)))
        annotation = best["annotation"] or next(
            (e["annotation"] for e in entries if e["annotation"]), "")
        session.execute(update(ReadingEntryRow).where(ReadingEntryRow.id == best["id"]).values(
            reference_id=master, annotation=annotation,
            position=min(e["position"] for e in entries))
            .execution_options(synchronize_session=False))
        if losers:
            order = session.scalars(select(ReadingEntryRow.id).where(
                ReadingEntryRow.workshop_id == workshop).order_by(
                ReadingEntryRow.position, ReadingEntryRow.id)).all()
            session.execute(update(ReadingEntryRow).execution_options(
                synchronize_session=False), [{"id": i, "position": p} for p, i in enumerate(order)])


def _chosen(session: Session, group: Sequence[int], refs: Mapping[int, Reference],
            choices: Mapping[str, str | int] | None) -> dict[str, Reference]:
    chosen: dict[str, Reference] = {}
    for name, ref in (choices or {}).items():
        if name not in _CHOOSABLE and not (name.startswith("custom.") and name[7:]):
            raise ValidationError(name, "is not a value that can be chosen in a merge")
        rid = lookup.reference_row(session, ref).id
        if rid not in group:
            raise ValidationError(name, "reference {reference} is not among those merged",
                                  reference=ref)
        chosen[name] = refs[rid]
    return chosen


def _merge_in(session: Session, master: str | int, others: Sequence[str | int],
              choices: Mapping[str, str | int] | None) -> tuple[ReferenceState,
                                                                 tuple[ReferenceState, ...],
                                                                 tuple[Row, ...],
                                                                 tuple[Reference, ...]]:
    master_id = lookup.reference_row(session, master).id
    other_ids = list(dict.fromkeys(lookup.reference_row(session, o).id for o in others))
    if not other_ids:
        raise ValidationError("others", "name at least one reference to merge into the master")
    if master_id in other_ids:
        raise ValidationError("others", "a reference cannot be merged into itself")
    group = [master_id, *other_ids]
    refs: dict[int, Reference] = {r.id: r for r in lookup.references_by_id(session, group)}
    chosen = _chosen(session, group, refs, choices)
    master_before = _state(session, master_id)
    others_before = tuple(_state(session, o) for o in other_ids)
    readings = _readings_of(session, group)
    draft = _merged_draft(refs[master_id], [refs[o] for o in other_ids], chosen)
    _move_links(session, master_id, other_ids)
    _merge_readings(session, master_id, group, readings)
    session.execute(delete(ReferenceRow).where(ReferenceRow.id.in_(other_ids))
                    .execution_options(synchronize_session=False))
    session.execute(update(ReferenceRow).where(ReferenceRow.id == master_id).values(
        citation_key=draft.citation_key,
        **references.row_values(draft, datetime.now()))  # the columns add() writes
        .execution_options(synchronize_session=False))
    if draft.creators != refs[master_id].creators:
        session.execute(delete(CreatorRow).where(CreatorRow.reference_id == master_id))
        if draft.creators:
            session.execute(insert(CreatorRow),
                            references.creator_rows(master_id, draft.creators))
    for other in other_ids:
        search.unindex_reference(session, other)
    search.index_references(session, [master_id])
    return master_before, others_before, readings, tuple(refs[o] for o in other_ids)


def merge(lib: Library, master: str | int, others: Sequence[str | int],
          choices: Mapping[str, str | int] | None = None) -> MergeResult:
    """Merge ``others`` into ``master`` in one transaction.

    The master keeps its id and, unless ``choices`` says otherwise, its values; what it
    lacks is taken from the first other that has it. ``choices`` maps a value's name
    (``title``, ``issued``, ``type``, ``creators``, ``citation-key``, any CSL variable,
    ``custom.NAME``) to the reference whose value wins (an absent value then removes it).
    Tags, collections, notes, attachments and places on reading lists of all are kept
    on the master; a reading list that had several keeps one entry: the best role
    (required, produced, background) at the first of their positions.
    """
    return merge_groups(lib, [(master, others)], [choices])[0]


def merge_groups(lib: Library, groups: Sequence[tuple[str | int, Sequence[str | int]]],
                 choices: Sequence[Mapping[str, str | int] | None] | None = None,
                 ) -> list[MergeResult]:
    """Merge many groups (master, others) in one transaction; ``choices`` per group."""
    per_group = list(choices) if choices is not None else [None] * len(groups)
    if len(per_group) != len(groups):
        raise ValidationError("choices", "give one set of choices per group, or none")
    done: list[tuple[int, ReferenceState, tuple[ReferenceState, ...], tuple[Row, ...],
                     tuple[Reference, ...]]] = []
    with lib.begin() as session:
        seen: set[int] = set()
        for master, others in groups:
            ids = {lookup.reference_row(session, r).id for r in (master, *others)}
            if seen & ids:
                raise ValidationError("groups", "reference {reference} is in two groups",
                                      reference=min(seen & ids))
            seen.update(ids)
        for (master, others), group_choices in zip(groups, per_group, strict=True):
            before = _merge_in(session, master, others, group_choices)
            done.append((lookup.reference_row(session, master).id, *before))
        session.flush()
        session.expire_all()
        merged: dict[int, Reference] = {
            r.id: r for r in lookup.references_by_id(session, [d[0] for d in done])}
    lib.notify(_ALL_CHANGES)
    return [MergeResult(merged[mid], removed, m, o, readings)
            for mid, m, o, readings, removed in done]


# --- undoing a merge -------------------------------------------------------------------

def _restore_links(session: Session, state: ReferenceState) -> None:
    rid = state.id
    session.execute(delete(CreatorRow).where(CreatorRow.reference_id == rid))
    if state.creators:
        session.execute(insert(CreatorRow),
                        [{k: v for k, v in c.items() if k != "id"} for c in state.creators])
    for model, column, model_ids, wanted in (
            (ReferenceTagRow, "tag_id", TagRow.id, state.tag_ids),
            (CollectionItemRow, "collection_id", CollectionRow.id, state.collection_ids)):
        session.execute(delete(model).where(model.reference_id == rid))
        alive = set(session.scalars(select(model_ids).where(model_ids.in_(wanted))))
        if alive:
            session.execute(insert(model), [{"reference_id": rid, column: i}
                                             for i in wanted if i in alive])
    for kind, owned in ((NoteRow, state.note_ids), (AttachmentRow, state.attachment_ids)):
        if owned:
            session.execute(update(kind).where(kind.id.in_(owned)).values(reference_id=rid)
                            .execution_options(synchronize_session=False))


def _restore_readings(session: Session, before: Sequence[Row], group: set[int]) -> None:
    workshops = {e["workshop_id"] for e in before}
    alive = set(session.scalars(select(WorkshopRow.id).where(WorkshopRow.id.in_(workshops))))
    session.execute(delete(ReadingEntryRow).where(
        ReadingEntryRow.workshop_id.in_(workshops), ReadingEntryRow.reference_id.in_(group)))
    taken = set(session.scalars(select(ReadingEntryRow.id).where(
        ReadingEntryRow.id.in_([e["id"] for e in before]))))
    back = [dict(e) if e["id"] not in taken else {k: v for k, v in e.items() if k != "id"}
            for e in before if e["reference_id"] in group and e["workshop_id"] in alive]
    if back:
        session.execute(insert(ReadingEntryRow), back)
    moved = [{"id": e["id"], "position": e["position"]} for e in before
             if e["reference_id"] not in group and e["id"] in taken]
    if moved:
        session.execute(update(ReadingEntryRow).execution_options(synchronize_session=False),
                        moved)


def _unmerge_in(session: Session, result: MergeResult) -> list[int]:
    master, others = result.master_before, result.others_before
    if session.get(ReferenceRow, master.id) is None:
        raise NotFound("reference", master.id)
    ids = [o.id for o in others]
    keys = [s.row["citation_key"] for s in (master, *others)]
    clash = session.scalar(select(ReferenceRow.citation_key).where(
        ReferenceRow.id != master.id,
        or_(ReferenceRow.id.in_(ids), ReferenceRow.citation_key.in_(keys))).limit(1))
    if clash is not None:
        raise ValidationError("undo", "the library changed since the merge (« {clash} »); "
                              "the merge cannot be undone", clash=clash)
    session.execute(update(ReferenceRow).where(ReferenceRow.id == master.id).values(
        {k: v for k, v in master.row.items() if k != "id"})
        .execution_options(synchronize_session=False))
    session.execute(insert(ReferenceRow), [dict(o.row) for o in others])
    for state in (master, *others):
        _restore_links(session, state)
    _restore_readings(session, result.readings_before, {master.id, *ids})
    search.index_references(session, [master.id, *ids])
    return [master.id, *ids]


def unmerge(lib: Library, result: MergeResult) -> list[Reference]:
    """Undo :func:`merge`: the master and the others exactly as they were, with their links."""
    return unmerge_groups(lib, [result])


def unmerge_groups(lib: Library, results: Sequence[MergeResult]) -> list[Reference]:
    """Undo :func:`merge_groups` (its results, in any order) in one transaction."""
    with lib.begin() as session:
        ids = [i for result in reversed(results) for i in _unmerge_in(session, result)]
        session.flush()
        session.expire_all()
        restored = lookup.references_by_id(session, ids)
    lib.notify(_ALL_CHANGES)
    return restored
