"""Deleting references so that the deletion can be undone exactly.

A :class:`ReferenceSnapshot` holds everything attached to a reference (creators, tags,
collections, notes, attachments, places on reading lists) as plain rows, ids included;
:func:`restore` puts it all back with the same ids, so that other undo steps that name
those ids stay valid. Stored files that no attachment uses any more go to the library's
trash rather than away, and come back with the reference.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete as sql_delete
from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from .. import search
from ..domain import Changes, Reference
from ..errors import ValidationError
from ..storage import files
from ..storage.library import Library
from ..storage.models import (
    AttachmentRow,
    Base,
    CollectionItemRow,
    CreatorRow,
    NoteRow,
    ReadingEntryRow,
    ReferenceRow,
    ReferenceTagRow,
)
from . import lookup

_CHANGES = (Changes.REFERENCES | Changes.TAGS | Changes.COLLECTIONS | Changes.NOTES
            | Changes.ATTACHMENTS | Changes.READINGS)


def _rows(session: Session, model: type[Base], column: Any,
          value: int) -> tuple[dict[str, Any], ...]:
    table = model.__table__
    return tuple(dict(row._mapping) for row in session.execute(
        select(table).where(column == value)))


@dataclass(frozen=True)
class ReferenceSnapshot:
    """A reference and everything hanging from it, as rows."""

    reference: Reference
    row: dict[str, Any]
    creators: tuple[dict[str, Any], ...]
    tag_names: tuple[str, ...]
    collection_ids: tuple[int, ...]
    notes: tuple[dict[str, Any], ...]
    attachments: tuple[dict[str, Any], ...]
    readings: tuple[dict[str, Any], ...]


def capture(session: Session, reference_id: str | int) -> ReferenceSnapshot:
    row = lookup.reference_row(session, reference_id)
    reference = lookup.references_by_id(session, [row.id])[0]
    return ReferenceSnapshot(
        reference=reference,
        row=_rows(session, ReferenceRow, ReferenceRow.id, row.id)[0],
        creators=_rows(session, CreatorRow, CreatorRow.reference_id, row.id),
        tag_names=reference.tags,
        collection_ids=tuple(session.scalars(select(CollectionItemRow.collection_id).where(
            CollectionItemRow.reference_id == row.id))),
        notes=_rows(session, NoteRow, NoteRow.reference_id, row.id),
        attachments=_rows(session, AttachmentRow, AttachmentRow.reference_id, row.id),
        readings=_rows(session, ReadingEntryRow, ReadingEntryRow.reference_id, row.id))


def delete(lib: Library, refs: Sequence[str | int]) -> list[ReferenceSnapshot]:
    """Delete references in one transaction; returns what :func:`restore` needs."""
    with lib.begin() as session:
        snapshots = [capture(session, ref) for ref in refs]
        ids = [s.reference.id for s in snapshots]
        session.execute(sql_delete(ReferenceRow).where(ReferenceRow.id.in_(ids)))
        for rid in ids:
            search.unindex_reference(session, rid)
        hashes = {a["sha256"] for s in snapshots for a in s.attachments if a["stored"]}
        still_used = set(session.scalars(select(AttachmentRow.sha256).where(
            AttachmentRow.sha256.in_(hashes), AttachmentRow.stored.is_(True))))
    for sha in hashes - still_used:
        files.to_trash(lib.files_dir, sha)
    lib.notify(_CHANGES)
    return snapshots


def restore(lib: Library, snapshots: Sequence[ReferenceSnapshot]) -> list[Reference]:
    """Put deleted references back exactly as they were (same ids and keys)."""
    for snap in snapshots:
        for attachment in snap.attachments:
            if attachment["stored"]:
                files.from_trash(lib.files_dir, attachment["sha256"])
    with lib.begin() as session:
        for snap in snapshots:
            if session.get(ReferenceRow, snap.row["id"]) is not None or session.scalar(
                    select(ReferenceRow.id).where(
                        ReferenceRow.citation_key == snap.row["citation_key"])):
                raise ValidationError("citation-key", "« {key} » is in use again: cannot restore",
                                      key=snap.row["citation_key"])
            session.execute(insert(ReferenceRow), [snap.row])
            for model, rows in ((CreatorRow, snap.creators), (NoteRow, snap.notes),
                                (AttachmentRow, snap.attachments),
                                (ReadingEntryRow, snap.readings)):
                if rows:
                    session.execute(insert(model), list(rows))
            if snap.tag_names:
                from .tags import tag_ids

                tag_map = tag_ids(session, snap.tag_names)
                session.execute(insert(ReferenceTagRow), [
                    {"reference_id": snap.row["id"], "tag_id": tag_map[n.casefold()]}
                    for n in snap.tag_names])
            if snap.collection_ids:
                session.execute(insert(CollectionItemRow), [
                    {"collection_id": c, "reference_id": snap.row["id"]}
                    for c in snap.collection_ids])
        restored_ids = [s.row["id"] for s in snapshots]
        search.index_references(session, restored_ids)
        restored = lookup.references_by_id(session, restored_ids)
    lib.notify(_CHANGES)
    return restored

