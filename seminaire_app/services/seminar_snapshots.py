"""Deleting seminar things so that the deletion can be undone exactly.

Each ``delete_*`` function captures, in the same transaction as the delete, everything
that hangs from what it deletes, as plain rows with their ids; the matching
``restore_*`` puts it all back with the same ids, so that other undo steps naming those
ids (notes, attachments, reading-list moves…) stay valid.

- a workshop: its reading list, notes, attachments, participants' assignments, and the
  programme items that pointed to it (the schema only unlinks those);
- an edition: its workshops (as above), programme, registrations, notes, attachments;
- a participant: their registrations and assignments;
- a registration (« unregister »): the role and the workshops of that edition;
- a programme item.

Stored files that no attachment uses any more go to the library's trash rather than
away, and come back on restore. Rows whose other end has gone meanwhile (a reference
deleted since, a participant removed) are left out of a restore rather than failing it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete as sql_delete
from sqlalchemy import insert, select, update
from sqlalchemy.orm import InstrumentedAttribute, Session

from .. import search
from ..domain import (
    Changes,
    Edition,
    EditionId,
    Participant,
    ProgrammeItem,
    ProgrammeItemId,
    Workshop,
)
from ..errors import NotFound, ValidationError
from ..storage import files
from ..storage.library import Library
from ..storage.models import (
    AssignmentRow,
    AttachmentRow,
    Base,
    EditionRow,
    NoteRow,
    ParticipantRow,
    ProgrammeItemRow,
    ReadingEntryRow,
    ReferenceRow,
    RegistrationRow,
    WorkshopRow,
)
from . import lookup, participants

Row = dict[str, Any]
Rows = tuple[Row, ...]

_WORKSHOP_CHANGES = (Changes.WORKSHOPS | Changes.READINGS | Changes.NOTES | Changes.ATTACHMENTS
                     | Changes.PARTICIPANTS | Changes.PROGRAMME)
_EDITION_CHANGES = _WORKSHOP_CHANGES | Changes.EDITIONS


def _rows(session: Session, model: type[Base], column: InstrumentedAttribute[Any],
          values: Iterable[int]) -> Rows:
    wanted = list(values)
    if not wanted:
        return ()
    table = model.__table__
    return tuple(dict(row._mapping) for row in session.execute(
        select(table).where(column.in_(wanted)).order_by(*table.primary_key)))


def _existing(session: Session, column: InstrumentedAttribute[int],
              values: Iterable[int]) -> set[int]:
    wanted = set(values)
    if not wanted:
        return set()
    return set(session.scalars(select(column).where(column.in_(wanted))))


def _insert(session: Session, model: type[Base], rows: Sequence[Row]) -> None:
    if rows:
        session.execute(insert(model), list(rows))


# --- stored files ------------------------------------------------------------------------

def _unused_hashes(session: Session, attachments: Iterable[Row]) -> set[str]:
    """Hashes of stored files that no attachment uses once ``attachments`` are gone."""
    hashes = {a["sha256"] for a in attachments if a["stored"]}
    if not hashes:
        return set()
    still_used = set(session.scalars(select(AttachmentRow.sha256).where(
        AttachmentRow.sha256.in_(hashes), AttachmentRow.stored.is_(True))))
    return hashes - still_used


def _trash(lib: Library, hashes: Iterable[str]) -> None:
    for sha in hashes:
        files.to_trash(lib.files_dir, sha)


def _untrash(lib: Library, attachments: Iterable[Row]) -> None:
    for attachment in attachments:
        if attachment["stored"]:
            files.from_trash(lib.files_dir, attachment["sha256"])


def _restore_notes_and_files(session: Session, notes: Rows, attachments: Rows) -> None:
    _insert(session, NoteRow, notes)
    _insert(session, AttachmentRow, attachments)
    for note in notes:
        search.index_note(session, note["id"], note["title"], note["body"])
    for attachment in attachments:
        search.index_attachment(session, attachment["id"], attachment["filename"],
                                attachment["text"])


# --- workshops ---------------------------------------------------------------------------

@dataclass(frozen=True)
class WorkshopSnapshot:
    """A workshop and everything hanging from it, as rows."""

    workshop: Workshop
    row: Row
    readings: Rows
    notes: Rows
    attachments: Rows
    assignments: Rows
    programme_item_ids: tuple[int, ...]  # items that named this workshop


def _capture_workshop(session: Session, row: WorkshopRow, year: int) -> WorkshopSnapshot:
    wid = [row.id]
    return WorkshopSnapshot(
        workshop=lookup.workshop_of(row, year),
        row=_rows(session, WorkshopRow, WorkshopRow.id, wid)[0],
        readings=_rows(session, ReadingEntryRow, ReadingEntryRow.workshop_id, wid),
        notes=_rows(session, NoteRow, NoteRow.workshop_id, wid),
        attachments=_rows(session, AttachmentRow, AttachmentRow.workshop_id, wid),
        assignments=_rows(session, AssignmentRow, AssignmentRow.workshop_id, wid),
        programme_item_ids=tuple(session.scalars(select(ProgrammeItemRow.id).where(
            ProgrammeItemRow.workshop_id == row.id).order_by(ProgrammeItemRow.id))))


def delete_workshop(lib: Library, year: int, number: int) -> WorkshopSnapshot:
    """Delete a workshop like :func:`workshops.delete`; returns what restore needs."""
    with lib.begin() as session:
        row = lookup.workshop_row(session, year, number)
        snap = _capture_workshop(session, row, year)
        session.execute(sql_delete(WorkshopRow).where(WorkshopRow.id == row.id))
        search.drop_orphans(session)
        unused = _unused_hashes(session, snap.attachments)
    _trash(lib, unused)
    lib.notify(_WORKSHOP_CHANGES)
    return snap


def _check_workshop_free(session: Session, snap: WorkshopSnapshot) -> None:
    row = snap.row
    if session.get(EditionRow, row["edition_id"]) is None:
        raise NotFound("edition", snap.workshop.year)
    taken = session.scalar(select(WorkshopRow.id).where(
        WorkshopRow.edition_id == row["edition_id"], WorkshopRow.number == row["number"]))
    if taken is not None or session.get(WorkshopRow, row["id"]) is not None:
        raise ValidationError("number", "workshop {year}/{number} exists again: cannot restore "
                              "the deleted one", year=snap.workshop.year, number=row["number"])


def _restore_workshop_rows(session: Session, snap: WorkshopSnapshot) -> None:
    """Insert a workshop's rows; the programme links are the caller's business."""
    _insert(session, WorkshopRow, [snap.row])
    refs = _existing(session, ReferenceRow.id, (r["reference_id"] for r in snap.readings))
    _insert(session, ReadingEntryRow, [r for r in snap.readings if r["reference_id"] in refs])
    people = _existing(session, ParticipantRow.id,
                       (a["participant_id"] for a in snap.assignments))
    _insert(session, AssignmentRow,
            [a for a in snap.assignments if a["participant_id"] in people])
    _restore_notes_and_files(session, snap.notes, snap.attachments)


def restore_workshop(lib: Library, snap: WorkshopSnapshot) -> Workshop:
    """Put a deleted workshop back as it was (same id and number)."""
    _untrash(lib, snap.attachments)
    with lib.begin() as session:
        _check_workshop_free(session, snap)
        _restore_workshop_rows(session, snap)
        if snap.programme_item_ids:
            session.execute(update(ProgrammeItemRow).where(
                ProgrammeItemRow.id.in_(snap.programme_item_ids),
                ProgrammeItemRow.workshop_id.is_(None)).values(workshop_id=snap.row["id"]))
        workshop = lookup.workshop_of(session.get_one(WorkshopRow, snap.row["id"]),
                                      snap.workshop.year)
    lib.notify(_WORKSHOP_CHANGES)
    return workshop


# --- editions ----------------------------------------------------------------------------

@dataclass(frozen=True)
class EditionSnapshot:
    """An edition with its workshops, programme, registrations, notes and attachments."""

    edition: Edition
    row: Row
    workshops: tuple[WorkshopSnapshot, ...]
    programme: Rows
    registrations: Rows
    notes: Rows
    attachments: Rows


def delete_edition(lib: Library, year: int) -> EditionSnapshot:
    """Delete an edition like :func:`editions.delete`; returns what restore needs."""
    with lib.begin() as session:
        row = lookup.edition_row(session, year)
        eid = [row.id]
        snap = EditionSnapshot(
            edition=lookup.edition_of(row),
            row=_rows(session, EditionRow, EditionRow.id, eid)[0],
            workshops=tuple(_capture_workshop(session, w, year) for w in session.scalars(
                select(WorkshopRow).where(WorkshopRow.edition_id == row.id)
                .order_by(WorkshopRow.number))),
            programme=_rows(session, ProgrammeItemRow, ProgrammeItemRow.edition_id, eid),
            registrations=_rows(session, RegistrationRow, RegistrationRow.edition_id, eid),
            notes=_rows(session, NoteRow, NoteRow.edition_id, eid),
            attachments=_rows(session, AttachmentRow, AttachmentRow.edition_id, eid))
        session.execute(sql_delete(EditionRow).where(EditionRow.id == row.id))
        search.drop_orphans(session)
        unused = _unused_hashes(session, [*snap.attachments,
                                          *(a for w in snap.workshops for a in w.attachments)])
    _trash(lib, unused)
    lib.notify(_EDITION_CHANGES)
    return snap


def restore_edition(lib: Library, snap: EditionSnapshot) -> Edition:
    """Put a deleted edition back as it was (same ids everywhere)."""
    _untrash(lib, [*snap.attachments, *(a for w in snap.workshops for a in w.attachments)])
    with lib.begin() as session:
        if session.scalar(select(EditionRow.id).where(
                (EditionRow.year == snap.row["year"]) | (EditionRow.id == snap.row["id"]))):
            raise ValidationError("year", "there is an edition {year} again: cannot restore "
                                  "the deleted one", year=snap.row["year"])
        _insert(session, EditionRow, [snap.row])
        for workshop in snap.workshops:
            _restore_workshop_rows(session, workshop)
        _insert(session, ProgrammeItemRow, snap.programme)
        people = _existing(session, ParticipantRow.id,
                           (r["participant_id"] for r in snap.registrations))
        _insert(session, RegistrationRow,
                [r for r in snap.registrations if r["participant_id"] in people])
        _restore_notes_and_files(session, snap.notes, snap.attachments)
        edition = lookup.edition_of(session.get_one(EditionRow, snap.row["id"]))
    lib.notify(_EDITION_CHANGES)
    return edition


# --- participants and registrations ------------------------------------------------------

@dataclass(frozen=True)
class ParticipantSnapshot:
    """A participant with their registrations and assignments in every edition."""

    participant: Participant
    row: Row
    registrations: Rows
    assignments: Rows


def delete_participant(lib: Library, participant_id: int) -> ParticipantSnapshot:
    """Delete a participant from the library; returns what restore needs."""
    with lib.begin() as session:
        row = session.get(ParticipantRow, participant_id)
        if row is None:
            raise NotFound("participant", participant_id)
        pid = [row.id]
        snap = ParticipantSnapshot(
            participant=participants.participant_of(row),
            row=_rows(session, ParticipantRow, ParticipantRow.id, pid)[0],
            registrations=_rows(session, RegistrationRow, RegistrationRow.participant_id, pid),
            assignments=_rows(session, AssignmentRow, AssignmentRow.participant_id, pid))
        session.execute(sql_delete(ParticipantRow).where(ParticipantRow.id == row.id))
    lib.notify(Changes.PARTICIPANTS)
    return snap


def restore_participant(lib: Library, snap: ParticipantSnapshot) -> Participant:
    """Put a deleted participant back (same id), registered and assigned as before."""
    with lib.begin() as session:
        if session.get(ParticipantRow, snap.row["id"]) is not None:
            raise ValidationError("participant", "participant {participant} exists again",
                                  participant=snap.row["id"])
        email = snap.row["email"]
        if email and participants.find_by_email(session, email) is not None:
            raise ValidationError("email", "« {email} » belongs to someone else now: "
                                  "cannot restore the deleted participant", email=email)
        _insert(session, ParticipantRow, [snap.row])
        editions = _existing(session, EditionRow.id,
                             (r["edition_id"] for r in snap.registrations))
        _insert(session, RegistrationRow,
                [r for r in snap.registrations if r["edition_id"] in editions])
        workshops = _existing(session, WorkshopRow.id,
                              (a["workshop_id"] for a in snap.assignments))
        _insert(session, AssignmentRow,
                [a for a in snap.assignments if a["workshop_id"] in workshops])
        participant = participants.participant_of(
            session.get_one(ParticipantRow, snap.row["id"]))
    lib.notify(Changes.PARTICIPANTS)
    return participant


@dataclass(frozen=True)
class RegistrationSnapshot:
    """A participant's registration to one edition, with their workshops there."""

    year: int
    participant_id: int
    row: Row
    assignments: Rows


def unregister(lib: Library, year: int, participant_id: int) -> RegistrationSnapshot:
    """Withdraw a registration like :func:`participants.unregister`; returns what
    :func:`restore_registration` needs."""
    with lib.begin() as session:
        edition = lookup.edition_row(session, year)
        reg = session.get(RegistrationRow, (edition.id, participant_id))
        if reg is None:
            raise NotFound("registration", f"{year}/{participant_id}")
        workshop_ids = list(session.scalars(select(WorkshopRow.id).where(
            WorkshopRow.edition_id == edition.id)))
        assignments = tuple(a for a in _rows(session, AssignmentRow,
                                             AssignmentRow.participant_id, [participant_id])
                            if a["workshop_id"] in workshop_ids)
        snap = RegistrationSnapshot(year, participant_id, {
            "edition_id": reg.edition_id, "participant_id": reg.participant_id,
            "role": reg.role}, assignments)
        session.execute(sql_delete(AssignmentRow).where(
            AssignmentRow.participant_id == participant_id,
            AssignmentRow.workshop_id.in_(workshop_ids)))
        session.delete(reg)
    lib.notify(Changes.PARTICIPANTS)
    return snap


def restore_registration(lib: Library, snap: RegistrationSnapshot) -> None:
    """Register the participant again with the same role and workshops (capacity is not
    checked: they had those places)."""
    with lib.begin() as session:
        edition = lookup.edition_row(session, snap.year)
        if session.get(ParticipantRow, snap.participant_id) is None:
            raise NotFound("participant", snap.participant_id)
        session.execute(sql_delete(RegistrationRow).where(
            RegistrationRow.edition_id == edition.id,
            RegistrationRow.participant_id == snap.participant_id))
        _insert(session, RegistrationRow, [{**snap.row, "edition_id": edition.id}])
        workshops = _existing(session, WorkshopRow.id,
                              (a["workshop_id"] for a in snap.assignments))
        present = set(session.scalars(select(AssignmentRow.workshop_id).where(
            AssignmentRow.participant_id == snap.participant_id)))
        _insert(session, AssignmentRow, [a for a in snap.assignments
                                         if a["workshop_id"] in workshops - present])
    lib.notify(Changes.PARTICIPANTS)


# --- programme ---------------------------------------------------------------------------

@dataclass(frozen=True)
class ProgrammeItemSnapshot:
    item: ProgrammeItem
    row: Row


def _programme_item(session: Session, row: Row) -> ProgrammeItem:
    number = None
    if row["workshop_id"] is not None:
        number = session.scalar(select(WorkshopRow.number)
                                .where(WorkshopRow.id == row["workshop_id"]))
    return ProgrammeItem(ProgrammeItemId(row["id"]), EditionId(row["edition_id"]), row["day"],
                         row["start"], row["end"], row["title"], row["room"], number)


def delete_programme_item(lib: Library, item_id: int) -> ProgrammeItemSnapshot:
    """Delete a programme item; returns what :func:`restore_programme_item` needs."""
    with lib.begin() as session:
        rows = _rows(session, ProgrammeItemRow, ProgrammeItemRow.id, [item_id])
        if not rows:
            raise NotFound("programme item", item_id)
        snap = ProgrammeItemSnapshot(_programme_item(session, rows[0]), rows[0])
        session.execute(sql_delete(ProgrammeItemRow).where(ProgrammeItemRow.id == item_id))
    lib.notify(Changes.PROGRAMME)
    return snap


def restore_programme_item(lib: Library, snap: ProgrammeItemSnapshot) -> ProgrammeItem:
    """Put a deleted programme item back (same id); unlinked if its workshop is gone."""
    with lib.begin() as session:
        if session.get(EditionRow, snap.row["edition_id"]) is None:
            raise NotFound("edition", snap.item.edition_id)
        if session.get(ProgrammeItemRow, snap.row["id"]) is not None:
            raise ValidationError("programme item", "item {item} exists again", item=snap.row["id"])
        row = dict(snap.row)
        if row["workshop_id"] is not None and not _existing(
                session, WorkshopRow.id, [row["workshop_id"]]):
            row["workshop_id"] = None
        _insert(session, ProgrammeItemRow, [row])
        item = _programme_item(session, row)
    lib.notify(Changes.PROGRAMME)
    return item
