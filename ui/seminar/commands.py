"""Undoable seminar edits. Each function does the change now, through the core, and
returns the command to push already done (the pattern of ``ui.commands``): the caller
sees the core's errors, and undo/redo replay through services only.

Deletions go through ``services.seminar_snapshots`` so that undo gives back the same
ids, and every later command naming them stays valid.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from seminaire_app.domain import Edition, ParticipantRole, ProgrammeItem, Workshop
from seminaire_app.errors import SeminaireError, ValidationError
from seminaire_app.services import editions, participants, programme, workshops
from seminaire_app.services import seminar_snapshots as snaps
from seminaire_app.storage.library import Library

from ..commands import FunctionCommand

# --- editions ------------------------------------------------------------------------------

def edit_edition(lib: Library, year: int, name: str, old: object, new: object,
                 label: str) -> QUndoCommand:
    """Change one field of an edition; ``label`` names it for the Edit menu."""
    editions.update(lib, year, {name: new})
    text = QCoreApplication.translate("Undo", "Edit edition: {field}").format(field=label)
    return FunctionCommand(text,
                           lambda: editions.update(lib, year, {name: new}),
                           lambda: editions.update(lib, year, {name: old}))


def _created_edition(text: str, lib: Library, edition: Edition) -> QUndoCommand:
    """A command for an edition just created: undo deletes it, redo brings it back."""
    state: list[snaps.EditionSnapshot] = []

    def undo() -> None:
        state[:] = [snaps.delete_edition(lib, edition.year)]

    return FunctionCommand(text, lambda: snaps.restore_edition(lib, state[0]), undo)


def add_edition(lib: Library, year: int, title: str, theme: str) -> tuple[Edition, QUndoCommand]:
    edition = editions.add(lib, year, title, theme=theme)
    text = QCoreApplication.translate("Undo", "New edition {year}").format(year=year)
    return edition, _created_edition(text, lib, edition)


def cloned_edition(lib: Library, edition: Edition) -> QUndoCommand:
    """The command for an edition that ``editions.clone`` has just made (on the runner)."""
    text = QCoreApplication.translate("Undo", "Prepare edition {year}").format(year=edition.year)
    return _created_edition(text, lib,
                            edition)


# --- workshops -----------------------------------------------------------------------------

def edit_workshop(lib: Library, year: int, number: int, name: str, old: object, new: object,
                  label: str) -> QUndoCommand:
    """Change one field of a workshop (its number too: the keys follow)."""
    workshops.update(lib, year, number, {name: new})
    after = int(str(new)) if name == "number" else number
    text = QCoreApplication.translate("Undo", "Edit workshop: {field}").format(field=label)
    return FunctionCommand(text,
                           lambda: workshops.update(lib, year, number, {name: new}),
                           lambda: workshops.update(lib, year, after, {name: old}))


def add_workshop(lib: Library, year: int, title: str, number: int | None, room: str,
                 capacity: int | None) -> tuple[Workshop, QUndoCommand]:
    workshop = workshops.add(lib, year, title, number=number, room=room, capacity=capacity)
    state: list[snaps.WorkshopSnapshot] = []

    def undo() -> None:
        state[:] = [snaps.delete_workshop(lib, year, workshop.number)]

    return workshop, FunctionCommand(QCoreApplication.translate("Undo", "Add workshop"),
                                     lambda: snaps.restore_workshop(lib, state[0]), undo)


def delete_workshop(lib: Library, year: int, number: int) -> QUndoCommand:
    """Delete a workshop; undo restores it with its reading list, notes, files,
    assignments and programme links."""
    state = [snaps.delete_workshop(lib, year, number)]

    def redo() -> None:
        state[:] = [snaps.delete_workshop(lib, year, number)]

    return FunctionCommand(QCoreApplication.translate("Undo", "Delete workshop"), redo,
                           lambda: snaps.restore_workshop(lib, state[0]))


def edit_reading(lib: Library, year: int, number: int, reference_id: int, *,
                 role: str | None = None, annotation: str | None = None) -> QUndoCommand:
    """Change the role or the annotation of a reading-list entry."""
    entry = next(e for e in workshops.reading_list(lib, year, number)
                 if e.reference.id == reference_id)
    workshops.update_reading(lib, year, number, reference_id, role=role, annotation=annotation)
    old_role = entry.role.value if role is not None else None
    old_note = entry.annotation if annotation is not None else None
    text = (QCoreApplication.translate("Undo", "Edit reading role") if role is not None
            else QCoreApplication.translate("Undo", "Edit annotation"))
    return FunctionCommand(
        text,
        lambda: workshops.update_reading(lib, year, number, reference_id, role=role,
                                         annotation=annotation),
        lambda: workshops.update_reading(lib, year, number, reference_id, role=old_role,
                                         annotation=old_note))


# --- participants --------------------------------------------------------------------------

def full_workshops(lib: Library, year: int, numbers: Sequence[int],
                   participant_id: int | None = None) -> list[Workshop]:
    """The workshops among ``numbers`` with no place left for ``participant_id``."""
    if not numbers:
        return []
    registrations = participants.registrations(lib, year)
    full = []
    for workshop in workshops.list_workshops(lib, year):
        if workshop.number not in numbers or workshop.capacity is None:
            continue
        holders = [r.participant.id for r in registrations if workshop.number in r.workshops]
        if participant_id not in holders and len(holders) >= workshop.capacity:
            full.append(workshop)
    return full


def add_participant(lib: Library, year: int, family: str, given: str, organisation: str,
                    email: str, role: ParticipantRole, numbers: Sequence[int],
                    over_capacity: bool = False) -> tuple[int, QUndoCommand]:
    """Create a participant, register them and assign their workshops; if a workshop
    turns out full, nothing is kept. Undo deletes the participant."""
    person = participants.add(lib, family, given, organisation, email)
    try:
        participants.register(lib, year, person.id, role)
        for number in numbers:
            participants.assign(lib, year, number, person.id,
                                allow_over_capacity=over_capacity)
    except SeminaireError:
        participants.delete_participant(lib, person.id)
        raise
    state: list[snaps.ParticipantSnapshot] = []

    def undo() -> None:
        state[:] = [snaps.delete_participant(lib, person.id)]

    return person.id, FunctionCommand(QCoreApplication.translate("Undo", "Add participant"),
                                      lambda: snaps.restore_participant(lib, state[0]), undo)


def register_known(lib: Library, year: int, participant_id: int, role: ParticipantRole,
                   numbers: Sequence[int], over_capacity: bool = False) -> QUndoCommand:
    """Register someone the library already knows; undo withdraws the registration."""
    before = {r.participant.id: r for r in participants.registrations(lib, year)}
    if participant_id in before:
        raise ValidationError("participant", "is already registered to this edition")
    participants.register(lib, year, participant_id, role)
    try:
        for number in numbers:
            participants.assign(lib, year, number, participant_id,
                                allow_over_capacity=over_capacity)
    except SeminaireError:
        participants.unregister(lib, year, participant_id)
        raise
    state: list[snaps.RegistrationSnapshot] = []

    def undo() -> None:
        state[:] = [snaps.unregister(lib, year, participant_id)]

    return FunctionCommand(QCoreApplication.translate("Undo", "Register participant"),
                           lambda: snaps.restore_registration(lib, state[0]), undo)


def unregister(lib: Library, year: int, participant_id: int) -> QUndoCommand:
    state = [snaps.unregister(lib, year, participant_id)]

    def redo() -> None:
        state[:] = [snaps.unregister(lib, year, participant_id)]

    return FunctionCommand(QCoreApplication.translate("Undo", "Unregister participant"), redo,
                           lambda: snaps.restore_registration(lib, state[0]))


def edit_participant(lib: Library, participant_id: int, old: Mapping[str, str],
                     new: Mapping[str, str]) -> QUndoCommand:
    participants.update(lib, participant_id, new)
    return FunctionCommand(QCoreApplication.translate("Undo", "Edit participant"),
                           lambda: participants.update(lib, participant_id, new),
                           lambda: participants.update(lib, participant_id, old))


def set_role(lib: Library, year: int, participant_id: int, old: ParticipantRole,
             new: ParticipantRole) -> QUndoCommand:
    participants.register(lib, year, participant_id, new)
    return FunctionCommand(QCoreApplication.translate("Undo", "Change participant role"),
                           lambda: participants.register(lib, year, participant_id, new),
                           lambda: participants.register(lib, year, participant_id, old))


def assign(lib: Library, year: int, number: int, participant_id: int,
           over_capacity: bool = False) -> QUndoCommand:
    participants.assign(lib, year, number, participant_id, allow_over_capacity=over_capacity)
    return FunctionCommand(
        QCoreApplication.translate("Undo", "Assign to workshop {n}").format(n=number),
        lambda: participants.assign(lib, year, number, participant_id,
                                    allow_over_capacity=True),
        lambda: participants.unassign(lib, year, number, participant_id))


def unassign(lib: Library, year: int, number: int, participant_id: int) -> QUndoCommand:
    participants.unassign(lib, year, number, participant_id)
    return FunctionCommand(
        QCoreApplication.translate("Undo", "Withdraw from workshop {n}").format(n=number),
        lambda: participants.unassign(lib, year, number, participant_id),
        lambda: participants.assign(lib, year, number, participant_id,
                                    allow_over_capacity=True))


# --- programme -----------------------------------------------------------------------------

def add_programme_item(lib: Library, year: int, item: ProgrammeItem) -> tuple[
        ProgrammeItem, QUndoCommand]:
    """Add ``item`` (its id is ignored); undo deletes it, redo brings the same id back."""
    added = programme.add(lib, year, item.day, item.start, item.end, title=item.title,
                          room=item.room, workshop=item.workshop_number)
    state: list[snaps.ProgrammeItemSnapshot] = []

    def undo() -> None:
        state[:] = [snaps.delete_programme_item(lib, added.id)]

    return added, FunctionCommand(QCoreApplication.translate("Undo", "Add programme item"),
                                  lambda: snaps.restore_programme_item(lib, state[0]), undo)


def delete_programme_item(lib: Library, item_id: int) -> QUndoCommand:
    state = [snaps.delete_programme_item(lib, item_id)]

    def redo() -> None:
        state[:] = [snaps.delete_programme_item(lib, item_id)]

    return FunctionCommand(QCoreApplication.translate("Undo", "Delete programme item"), redo,
                           lambda: snaps.restore_programme_item(lib, state[0]))
