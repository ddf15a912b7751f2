"""Participants, their registration to editions and assignment to workshops."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from ..domain import (
    Changes,
    Participant,
    ParticipantId,
    ParticipantRole,
    Registration,
)
from ..errors import NotFound, ValidationError
from ..storage.library import Library
from ..storage.models import (
    AssignmentRow,
    EditionRow,
    ParticipantRow,
    RegistrationRow,
    WorkshopRow,
)
from ..textfold import family_sort_key, sort_key
from . import lookup

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_EDITABLE = ("family", "given", "organisation", "email")


def participant_of(row: ParticipantRow) -> Participant:
    return Participant(ParticipantId(row.id), row.family, row.given, row.organisation,
                       row.email or "")


def clean_email(email: str) -> str | None:
    email = email.strip()
    if not email:
        return None
    if not _EMAIL.match(email):
        raise ValidationError("email", "« {email} » is not an e-mail address", email=email)
    # Stored case-folded: SQLite's NOCASE only folds ASCII, and addresses are matched
    # without regard to case in practice.
    return email.casefold()


def _row(session: Session, participant_id: int) -> ParticipantRow:
    row = session.get(ParticipantRow, participant_id)
    if row is None:
        raise NotFound("participant", participant_id)
    return row


def find_by_email(session: Session, email: str) -> ParticipantRow | None:
    return session.scalar(select(ParticipantRow).where(ParticipantRow.email == email))


def create(session: Session, family: str, given: str, organisation: str,
           email: str) -> ParticipantRow:
    """Insert a participant in an open transaction (validated; e-mail unique)."""
    if not family.strip():
        raise ValidationError("family", "a participant needs a family name")
    address = clean_email(email)
    if address and find_by_email(session, address):
        raise ValidationError("email", "« {email} » already belongs to a participant",
                              email=address)
    row = ParticipantRow(family=family.strip(), given=given.strip(),
                         organisation=organisation.strip(), email=address)
    session.add(row)
    session.flush()
    return row


def add(lib: Library, family: str, given: str = "", organisation: str = "",
        email: str = "") -> Participant:
    with lib.begin() as session:
        participant = participant_of(create(session, family, given, organisation, email))
    lib.notify(Changes.PARTICIPANTS)
    return participant


def update(lib: Library, participant_id: int, changes: Mapping[str, str]) -> Participant:
    with lib.begin() as session:
        row = _row(session, participant_id)
        for name, value in changes.items():
            if name not in _EDITABLE:
                raise ValidationError(name, "is not a field of a participant")
            if name == "email":
                address = clean_email(value)
                other = find_by_email(session, address) if address else None
                if other is not None and other.id != row.id:
                    raise ValidationError("email", "« {email} » already belongs to someone",
                                          email=address)
                row.email = address
            elif name == "family" and not value.strip():
                raise ValidationError("family", "a participant needs a family name")
            else:
                setattr(row, name, value.strip())
        participant = participant_of(row)
    lib.notify(Changes.PARTICIPANTS)
    return participant


def delete_participant(lib: Library, participant_id: int) -> Participant:
    with lib.begin() as session:
        row = _row(session, participant_id)
        participant = participant_of(row)
        session.delete(row)
    lib.notify(Changes.PARTICIPANTS)
    return participant


def get(lib: Library, participant_id: int) -> Participant:
    with lib.begin() as session:
        return participant_of(_row(session, participant_id))


def list_participants(lib: Library) -> list[Participant]:
    """Everyone the library knows, by family name."""
    with lib.begin() as session:
        people = [participant_of(r) for r in session.scalars(select(ParticipantRow))]
    return sorted(people, key=_by_name)


def _by_name(person: Participant) -> tuple[str, str]:
    # In Python: SQL's lower() only folds ASCII, and « Émile » belongs among the E's.
    return family_sort_key(person.family), sort_key(person.given)


def _role(value: str | ParticipantRole) -> ParticipantRole:
    try:
        return ParticipantRole(value)
    except ValueError as exc:
        allowed = ", ".join(r.value for r in ParticipantRole)
        raise ValidationError("role", "« {value} » is not one of {choices}",
                              value=value, choices=allowed) from exc


def register_in(session: Session, edition: EditionRow, participant: ParticipantRow,
                role: ParticipantRole) -> None:
    existing = session.get(RegistrationRow, (edition.id, participant.id))
    if existing is None:
        session.add(RegistrationRow(edition_id=edition.id, participant_id=participant.id,
                                    role=role.value))
    else:
        existing.role = role.value


def register(lib: Library, year: int, participant_id: int,
             role: str | ParticipantRole = ParticipantRole.PARTICIPANT) -> Registration:
    """Register a participant to an edition (again: only the role changes)."""
    role = _role(role)
    with lib.begin() as session:
        edition = lookup.edition_row(session, year)
        register_in(session, edition, _row(session, participant_id), role)
        session.flush()
        registration = _registrations(session, edition, participant_id)[0]
    lib.notify(Changes.PARTICIPANTS)
    return registration


def unregister(lib: Library, year: int, participant_id: int) -> None:
    """Withdraw a registration and the participant's workshops in that edition."""
    with lib.begin() as session:
        edition = lookup.edition_row(session, year)
        _row(session, participant_id)
        workshops = select(WorkshopRow.id).where(WorkshopRow.edition_id == edition.id)
        session.execute(delete(AssignmentRow).where(
            AssignmentRow.participant_id == participant_id,
            AssignmentRow.workshop_id.in_(workshops)))
        session.execute(delete(RegistrationRow).where(
            RegistrationRow.edition_id == edition.id,
            RegistrationRow.participant_id == participant_id))
    lib.notify(Changes.PARTICIPANTS)


def assigned_count(session: Session, workshop_id: int) -> int:
    return session.scalar(select(func.count()).select_from(AssignmentRow)
                          .where(AssignmentRow.workshop_id == workshop_id)) or 0


def assign(lib: Library, year: int, number: int, participant_id: int,
           allow_over_capacity: bool = False) -> Registration:
    """Assign a participant to a workshop; registers them to the edition if needed."""
    with lib.begin() as session:
        workshop = lookup.workshop_row(session, year, number)
        participant = _row(session, participant_id)
        edition = lookup.edition_row(session, year)
        if session.get(RegistrationRow, (edition.id, participant.id)) is None:
            register_in(session, edition, participant, ParticipantRole.PARTICIPANT)
        if session.get(AssignmentRow, (workshop.id, participant.id)) is None:
            if (workshop.capacity is not None and not allow_over_capacity
                    and assigned_count(session, workshop.id) >= workshop.capacity):
                raise ValidationError("capacity",
                                      "workshop {year}/{number} is full ({capacity} places)",
                                      year=year, number=number, capacity=workshop.capacity)
            session.add(AssignmentRow(workshop_id=workshop.id, participant_id=participant.id))
        session.flush()
        registration = _registrations(session, edition, participant.id)[0]
    lib.notify(Changes.PARTICIPANTS)
    return registration


def unassign(lib: Library, year: int, number: int, participant_id: int) -> None:
    with lib.begin() as session:
        workshop = lookup.workshop_row(session, year, number)
        _row(session, participant_id)
        session.execute(delete(AssignmentRow).where(
            AssignmentRow.workshop_id == workshop.id,
            AssignmentRow.participant_id == participant_id))
    lib.notify(Changes.PARTICIPANTS)


def registrations(lib: Library, year: int) -> list[Registration]:
    """Who is registered to the edition of ``year``, by family name, with their workshops."""
    with lib.begin() as session:
        return _registrations(session, lookup.edition_row(session, year))


def _registrations(session: Session, edition: EditionRow,
                   participant_id: int | None = None) -> list[Registration]:
    stmt = (select(ParticipantRow, RegistrationRow.role)
            .join(RegistrationRow, RegistrationRow.participant_id == ParticipantRow.id)
            .where(RegistrationRow.edition_id == edition.id))
    if participant_id is not None:
        stmt = stmt.where(ParticipantRow.id == participant_id)
    workshops: dict[int, list[int]] = defaultdict(list)
    for pid, number in session.execute(
            select(AssignmentRow.participant_id, WorkshopRow.number)
            .join(WorkshopRow, WorkshopRow.id == AssignmentRow.workshop_id)
            .where(WorkshopRow.edition_id == edition.id).order_by(WorkshopRow.number)):
        workshops[pid].append(number)
    regs = [Registration(participant_of(p), lookup.edition_of(edition).id, ParticipantRole(role),
                         tuple(workshops[p.id]))
            for p, role in session.execute(stmt)]
    return sorted(regs, key=lambda r: _by_name(r.participant))
