"""Numbered workshops (« ateliers ») of an edition and their reading lists."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .. import search
from ..domain import Changes, ReadingEntry, ReadingRole, Reference, Workshop, WorkshopId
from ..errors import NotFound, ValidationError
from ..storage.library import Library
from ..storage.models import EditionRow, ReadingEntryRow, WorkshopRow
from . import lookup

_EDITABLE = ("title", "description", "facilitators", "room", "capacity", "number")


def _check(title: str | None = None, number: int | None = None,
           capacity: int | None = None) -> None:
    if title is not None and not title.strip():
        raise ValidationError("title", "a workshop needs a title")
    if number is not None and number < 1:
        raise ValidationError("number", "workshops are numbered from 1")
    if capacity is not None and capacity < 0:
        raise ValidationError("capacity", "a capacity cannot be negative")


def add(lib: Library, year: int, title: str, number: int | None = None,
        description: str = "", facilitators: Sequence[str] = (), room: str = "",
        capacity: int | None = None) -> Workshop:
    """Add a workshop to the edition of ``year``; numbered after the last by default."""
    _check(title, number, capacity)
    with lib.begin() as session:
        edition = lookup.edition_row(session, year)
        last = session.scalar(select(func.max(WorkshopRow.number))
                              .where(WorkshopRow.edition_id == edition.id)) or 0
        number = number or last + 1
        if session.scalar(select(WorkshopRow.id).where(
                WorkshopRow.edition_id == edition.id, WorkshopRow.number == number)):
            raise ValidationError("number", "workshop {year}/{number} already exists",
                                  year=year, number=number)
        row = WorkshopRow(edition_id=edition.id, number=number, title=title.strip(),
                          description=description, room=room, capacity=capacity,
                          facilitators=[f.strip() for f in facilitators if f.strip()])
        session.add(row)
        session.flush()
        workshop = lookup.workshop_of(row, year)
    lib.notify(Changes.WORKSHOPS)
    return workshop


def get(lib: Library, year: int, number: int) -> Workshop:
    with lib.begin() as session:
        return lookup.workshop_of(lookup.workshop_row(session, year, number), year)


def get_by_id(lib: Library, workshop_id: int) -> Workshop:
    with lib.begin() as session:
        row = session.get(WorkshopRow, workshop_id)
        if row is None:
            raise NotFound("workshop", workshop_id)
        year = session.scalar(select(EditionRow.year).where(EditionRow.id == row.edition_id))
        return lookup.workshop_of(row, int(year or 0))


def list_workshops(lib: Library, year: int) -> list[Workshop]:
    with lib.begin() as session:
        edition = lookup.edition_row(session, year)
        return [lookup.workshop_of(r, year) for r in session.scalars(
            select(WorkshopRow).where(WorkshopRow.edition_id == edition.id)
            .order_by(WorkshopRow.number))]


def update(lib: Library, year: int, number: int, changes: Mapping[str, object]) -> Workshop:
    """Change some of title, description, facilitators, room, capacity, number."""
    with lib.begin() as session:
        row = lookup.workshop_row(session, year, number)
        for name, value in changes.items():
            if name not in _EDITABLE:
                raise ValidationError(name, "is not a field of a workshop")
            if name == "title":
                _check(title=str(value))
            if name == "number" and value != row.number:
                _check(number=int(value))  # type: ignore[call-overload]
                if session.scalar(select(WorkshopRow.id).where(
                        WorkshopRow.edition_id == row.edition_id,
                        WorkshopRow.number == value)):
                    raise ValidationError("number", "workshop {year}/{number} already exists",
                                          year=year, number=value)
            setattr(row, name, list(value) if name == "facilitators" else value)  # type: ignore[call-overload]
        session.flush()
        workshop = lookup.workshop_of(row, year)
    lib.notify(Changes.WORKSHOPS)
    return workshop


def delete(lib: Library, year: int, number: int) -> Workshop:
    """Delete a workshop with its reading list, notes and attachments."""
    with lib.begin() as session:
        row = lookup.workshop_row(session, year, number)
        workshop = lookup.workshop_of(row, year)
        session.delete(row)
        session.flush()
        search.drop_orphans(session)
    lib.notify(Changes.WORKSHOPS | Changes.READINGS | Changes.NOTES | Changes.PROGRAMME)
    return workshop


# --- reading lists ----------------------------------------------------------------------

def _role(value: str | ReadingRole) -> ReadingRole:
    try:
        return ReadingRole(value)
    except ValueError as exc:
        raise ValidationError("role", "« {value} » is not required, background or produced",
                              value=value) from exc


def _entries(session: Session, workshop: WorkshopRow) -> list[ReadingEntryRow]:
    return list(session.scalars(select(ReadingEntryRow)
                                .where(ReadingEntryRow.workshop_id == workshop.id)
                                .order_by(ReadingEntryRow.position, ReadingEntryRow.id)))


def _renumber(entries: list[ReadingEntryRow]) -> None:
    for position, entry in enumerate(entries):
        entry.position = position


def add_reading(lib: Library, year: int, number: int, ref: str | int,
                role: str | ReadingRole = ReadingRole.REQUIRED, annotation: str = "",
                position: int | None = None) -> list[ReadingEntry]:
    """Put a reference on a workshop's reading list (at the end, or at ``position``)."""
    role = _role(role)
    with lib.begin() as session:
        workshop = lookup.workshop_row(session, year, number)
        reference = lookup.reference_row(session, ref)
        entries = _entries(session, workshop)
        if any(e.reference_id == reference.id for e in entries):
            raise ValidationError("reference", "« {key} » is already on this reading list",
                                  key=reference.citation_key)
        entry = ReadingEntryRow(workshop_id=workshop.id, reference_id=reference.id,
                                position=len(entries), role=role.value,
                                annotation=annotation.strip())
        session.add(entry)
        at = len(entries) if position is None else max(0, min(position, len(entries)))
        entries.insert(at, entry)
        _renumber(entries)
        session.flush()
        result = _reading_list(session, workshop)
    lib.notify(Changes.READINGS)
    return result


def update_reading(lib: Library, year: int, number: int, ref: str | int, *,
                   role: str | ReadingRole | None = None,
                   annotation: str | None = None) -> list[ReadingEntry]:
    with lib.begin() as session:
        workshop = lookup.workshop_row(session, year, number)
        entry = _entry(session, workshop, ref)
        if role is not None:
            entry.role = _role(role).value
        if annotation is not None:
            entry.annotation = annotation.strip()
        session.flush()
        result = _reading_list(session, workshop)
    lib.notify(Changes.READINGS)
    return result


def _entry(session: Session, workshop: WorkshopRow, ref: str | int) -> ReadingEntryRow:
    reference = lookup.reference_row(session, ref)
    entry = session.scalar(select(ReadingEntryRow).where(
        ReadingEntryRow.workshop_id == workshop.id,
        ReadingEntryRow.reference_id == reference.id))
    if entry is None:
        raise NotFound("reading-list entry", reference.citation_key)
    return entry


def move_reading(lib: Library, year: int, number: int, ref: str | int,
                 position: int) -> list[ReadingEntry]:
    """Move an entry of a reading list to ``position`` (0 is first)."""
    with lib.begin() as session:
        workshop = lookup.workshop_row(session, year, number)
        entry = _entry(session, workshop, ref)
        entries = [e for e in _entries(session, workshop) if e.id != entry.id]
        entries.insert(max(0, min(position, len(entries))), entry)
        _renumber(entries)
        session.flush()
        result = _reading_list(session, workshop)
    lib.notify(Changes.READINGS)
    return result


def remove_reading(lib: Library, year: int, number: int, ref: str | int) -> list[ReadingEntry]:
    with lib.begin() as session:
        workshop = lookup.workshop_row(session, year, number)
        session.delete(_entry(session, workshop, ref))
        session.flush()
        _renumber(_entries(session, workshop))
        session.flush()
        result = _reading_list(session, workshop)
    lib.notify(Changes.READINGS)
    return result


def reading_list(lib: Library, year: int, number: int) -> list[ReadingEntry]:
    """A workshop's reading list in order."""
    with lib.begin() as session:
        return _reading_list(session, lookup.workshop_row(session, year, number))


def _reading_list(session: Session, workshop: WorkshopRow) -> list[ReadingEntry]:
    entries = _entries(session, workshop)
    found = lookup.references_by_id(session, [e.reference_id for e in entries])
    refs: dict[int, Reference] = {r.id: r for r in found}
    return [ReadingEntry(WorkshopId(workshop.id), refs[e.reference_id], e.position,
                         ReadingRole(e.role), e.annotation) for e in entries]

