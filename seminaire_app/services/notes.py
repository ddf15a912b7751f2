"""Markdown notes on references, workshops and editions."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from .. import search
from ..domain import Changes, Note, NoteId, Owner, Visibility
from ..errors import NotFound, ValidationError
from ..storage.library import Library
from ..storage.models import NoteRow
from . import lookup


def _note(row: NoteRow) -> Note:
    return Note(id=NoteId(row.id), owner=lookup.owner_of(row), title=row.title, body=row.body,
                visibility=Visibility(row.visibility), created=row.created,
                modified=row.modified)


def _visibility(value: str | Visibility) -> Visibility:
    try:
        return Visibility(value)
    except ValueError as exc:
        raise ValidationError("visibility", "« {value} » is not internal or participants",
                              value=value) \
            from exc


def _reindex(session: Session, row: NoteRow) -> None:
    session.flush()
    if row.reference_id is not None:
        search.index_references(session, [row.reference_id])
    else:
        search.index_note(session, row.id, row.title, row.body)


def add(lib: Library, owner: Owner, body: str, title: str = "",
        visibility: str | Visibility = Visibility.INTERNAL) -> Note:
    """Write a note on a reference, an edition or a workshop."""
    vis = _visibility(visibility)
    if not body.strip() and not title.strip():
        raise ValidationError("body", "a note needs a title or some text")
    now = datetime.now()
    with lib.begin() as session:
        lookup.check_owner(session, owner)
        row = NoteRow(title=title.strip(), body=body, visibility=vis.value, created=now,
                      modified=now, **lookup.owner_columns(owner))
        session.add(row)
        _reindex(session, row)
        note = _note(row)
    lib.notify(Changes.NOTES)
    return note


def _row(session: Session, note_id: int) -> NoteRow:
    row = session.get(NoteRow, note_id)
    if row is None:
        raise NotFound("note", note_id)
    return row


def get(lib: Library, note_id: int) -> Note:
    with lib.begin() as session:
        return _note(_row(session, note_id))


def update(lib: Library, note_id: int, *, body: str | None = None, title: str | None = None,
           visibility: str | Visibility | None = None) -> Note:
    """Change a note's text, title or visibility."""
    with lib.begin() as session:
        row = _row(session, note_id)
        if body is not None:
            row.body = body
        if title is not None:
            row.title = title.strip()
        if visibility is not None:
            row.visibility = _visibility(visibility).value
        row.modified = datetime.now()
        _reindex(session, row)
        note = _note(row)
    lib.notify(Changes.NOTES)
    return note


def delete(lib: Library, note_id: int) -> Note:
    with lib.begin() as session:
        row = _row(session, note_id)
        note = _note(row)
        session.delete(row)
        session.flush()
        if row.reference_id is not None:
            search.index_references(session, [row.reference_id])
        else:
            search.unindex_note(session, row.id)
    lib.notify(Changes.NOTES)
    return note


def list_for(lib: Library, owner: Owner, visibility: Visibility | None = None) -> list[Note]:
    """The notes of one owner, oldest first; only one visibility when given."""
    with lib.begin() as session:
        lookup.check_owner(session, owner)
        column = getattr(NoteRow, f"{owner.kind}_id")
        stmt = select(NoteRow).where(column == owner.id).order_by(NoteRow.created, NoteRow.id)
        if visibility is not None:
            stmt = stmt.where(NoteRow.visibility == visibility.value)
        return [_note(r) for r in session.scalars(stmt)]
