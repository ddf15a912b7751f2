"""Yearly editions of the seminar, and preparing the next one from the last."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from .. import search
from ..domain import Changes, Edition
from ..errors import NotFound, ValidationError
from ..storage.library import Library
from ..storage.models import (
    AssignmentRow,
    EditionRow,
    NoteRow,
    ProgrammeItemRow,
    ReadingEntryRow,
    RegistrationRow,
    WorkshopRow,
)
from . import lookup

_EDITABLE = ("title", "theme", "start_date", "end_date", "venue", "organisers")


def _check_year(year: int) -> int:
    if not 1900 <= year <= 2200:
        raise ValidationError("year", "{year} is not a plausible year for an edition", year=year)
    return year


def _check_dates(start: date | None, end: date | None) -> None:
    if start and end and end < start:
        raise ValidationError("end_date", "an edition cannot end before it starts")


def add(lib: Library, year: int, title: str, theme: str = "", start_date: date | None = None,
        end_date: date | None = None, venue: str = "",
        organisers: Sequence[str] = ()) -> Edition:
    """Create the edition of ``year``."""
    _check_year(year)
    _check_dates(start_date, end_date)
    if not title.strip():
        raise ValidationError("title", "an edition needs a title")
    with lib.begin() as session:
        if session.scalar(select(EditionRow.id).where(EditionRow.year == year)):
            raise ValidationError("year", "there is already an edition {year}", year=year)
        row = EditionRow(year=year, title=title.strip(), theme=theme.strip(),
                         start_date=start_date, end_date=end_date, venue=venue.strip(),
                         organisers=[o.strip() for o in organisers if o.strip()])
        session.add(row)
        session.flush()
        edition = lookup.edition_of(row)
    lib.notify(Changes.EDITIONS)
    return edition


def get(lib: Library, year: int) -> Edition:
    with lib.begin() as session:
        return lookup.edition_of(lookup.edition_row(session, year))


def get_by_id(lib: Library, edition_id: int) -> Edition:
    with lib.begin() as session:
        row = session.get(EditionRow, edition_id)
        if row is None:
            raise NotFound("edition", edition_id)
        return lookup.edition_of(row)


def list_editions(lib: Library) -> list[Edition]:
    """All editions, the latest first."""
    with lib.begin() as session:
        return [lookup.edition_of(r) for r in
                session.scalars(select(EditionRow).order_by(EditionRow.year.desc()))]


def update(lib: Library, year: int, changes: Mapping[str, object]) -> Edition:
    """Change some of title, theme, start_date, end_date, venue, organisers."""
    with lib.begin() as session:
        row = lookup.edition_row(session, year)
        for name, value in changes.items():
            if name not in _EDITABLE:
                raise ValidationError(name, "is not a field of an edition")
            if name == "title" and not str(value).strip():
                raise ValidationError("title", "an edition needs a title")
            setattr(row, name, list(value) if name == "organisers" else value)  # type: ignore[call-overload]
        _check_dates(row.start_date, row.end_date)
        edition = lookup.edition_of(row)
    lib.notify(Changes.EDITIONS)
    return edition


def delete(lib: Library, year: int) -> Edition:
    """Delete an edition with its workshops, programme, notes and attachments."""
    with lib.begin() as session:
        row = lookup.edition_row(session, year)
        edition = lookup.edition_of(row)
        session.delete(row)
        session.flush()
        search.drop_orphans(session)
    lib.notify(Changes.EDITIONS | Changes.WORKSHOPS | Changes.PROGRAMME | Changes.NOTES)
    return edition


@dataclass(frozen=True, slots=True)
class CloneOptions:
    """What « Préparer l'édition suivante » carries over besides the structure."""

    participants: bool = False
    notes: bool = False
    programme: bool = True


def _shift(day: date | None, years: int) -> date | None:
    if day is None:
        return None
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def clone(lib: Library, source_year: int, target_year: int, title: str | None = None,
          options: CloneOptions = CloneOptions()) -> Edition:
    """Prepare ``target_year`` from ``source_year``: edition details, workshops, reading
    lists and programme (dates moved by the years between); participants and notes only
    when asked; attachments never (they belong to the year they were made for)."""
    _check_year(target_year)
    with lib.begin() as session:
        src = lookup.edition_row(session, source_year)
        if session.scalar(select(EditionRow.id).where(EditionRow.year == target_year)):
            raise ValidationError("year", "there is already an edition {year}", year=target_year)
        years = target_year - source_year
        new = EditionRow(year=target_year, title=title or src.title, theme=src.theme,
                         start_date=_shift(src.start_date, years),
                         end_date=_shift(src.end_date, years), venue=src.venue,
                         organisers=list(src.organisers))
        session.add(new)
        session.flush()
        workshop_map = _clone_workshops(session, src.id, new.id)
        if options.programme:
            _clone_programme(session, src.id, new.id, years, workshop_map)
        if options.participants:
            _clone_participants(session, src.id, new.id, workshop_map)
        if options.notes:
            _clone_notes(session, src.id, new.id, workshop_map)
        edition = lookup.edition_of(new)
    lib.notify(Changes.EDITIONS | Changes.WORKSHOPS | Changes.READINGS | Changes.PROGRAMME
               | Changes.PARTICIPANTS | Changes.NOTES)
    return edition


def _clone_workshops(session: Session, src_id: int, new_id: int) -> dict[int, int]:
    mapping: dict[int, int] = {}
    for ws in session.scalars(select(WorkshopRow).where(WorkshopRow.edition_id == src_id)):
        copy = WorkshopRow(edition_id=new_id, number=ws.number, title=ws.title,
                           description=ws.description, facilitators=list(ws.facilitators),
                           room=ws.room, capacity=ws.capacity)
        session.add(copy)
        session.flush()
        mapping[ws.id] = copy.id
    entries = session.scalars(select(ReadingEntryRow)
                              .where(ReadingEntryRow.workshop_id.in_(list(mapping))))
    rows = [{"workshop_id": mapping[e.workshop_id], "reference_id": e.reference_id,
             "position": e.position, "role": e.role, "annotation": e.annotation}
            for e in entries]
    if rows:
        session.execute(insert(ReadingEntryRow), rows)
    return mapping


def _clone_programme(session: Session, src_id: int, new_id: int, years: int,
                     workshops: dict[int, int]) -> None:
    for item in session.scalars(select(ProgrammeItemRow)
                                .where(ProgrammeItemRow.edition_id == src_id)):
        session.add(ProgrammeItemRow(
            edition_id=new_id, day=_shift(item.day, years), start=item.start, end=item.end,
            title=item.title, room=item.room,
            workshop_id=workshops.get(item.workshop_id) if item.workshop_id else None))


def _clone_participants(session: Session, src_id: int, new_id: int,
                        workshops: dict[int, int]) -> None:
    regs = session.scalars(select(RegistrationRow).where(RegistrationRow.edition_id == src_id))
    for reg in regs:
        session.add(RegistrationRow(edition_id=new_id, participant_id=reg.participant_id,
                                    role=reg.role))
    for assignment in session.scalars(select(AssignmentRow).where(
            AssignmentRow.workshop_id.in_(list(workshops)))):
        session.add(AssignmentRow(workshop_id=workshops[assignment.workshop_id],
                                  participant_id=assignment.participant_id))


def _clone_notes(session: Session, src_id: int, new_id: int, workshops: dict[int, int]) -> None:
    notes = session.scalars(select(NoteRow).where(
        (NoteRow.edition_id == src_id) | NoteRow.workshop_id.in_(list(workshops))))
    for note in list(notes):
        copy = NoteRow(title=note.title, body=note.body, visibility=note.visibility,
                       created=note.created, modified=note.modified,
                       edition_id=new_id if note.edition_id else None,
                       workshop_id=workshops[note.workshop_id] if note.workshop_id else None)
        session.add(copy)
        session.flush()
        search.index_note(session, copy.id, copy.title, copy.body)
