"""A demo library: the 2017 edition of the ESEAC prospective seminar, ready to explore.

:func:`create_demo` makes a NEW library and fills it through the public services only,
from the plain data of :mod:`.demo_data`, so that the demo exercises the same paths as
a user would. It never touches an existing library.
"""

from __future__ import annotations

import tempfile
from datetime import timedelta
from pathlib import Path

from .demo_data import (
    COLLECTIONS,
    EDITION,
    FACILITATORS,
    NOTES,
    PARTICIPANTS,
    PROGRAMME,
    READINGS,
    REFERENCES,
    SYNTHESIS_FILENAME,
    WORKSHOPS,
)
from .demo_pdf import write_synthesis_pdf
from .domain import Edition, Owner, WorkshopId
from .errors import Cancelled, ValidationError
from .progress import NULL_PROGRESS, Progress
from .services import (
    attachments,
    collections,
    editions,
    notes,
    participants,
    programme,
    references,
    tags,
    workshops,
)
from .storage.library import DATABASE_NAME, Library


class _Steps:
    """Counts the demo's steps for ``progress`` and stops when the user cancels."""

    def __init__(self, progress: Progress) -> None:
        self._progress = progress
        self._done = 0
        self.total = (len(REFERENCES) + len(COLLECTIONS) + 1 + len(WORKSHOPS) + len(READINGS)
                      + len(NOTES) + len(PARTICIPANTS) + len(FACILITATORS) + len(PROGRAMME)
                      + 1)

    def start(self, label: str) -> None:
        if self._progress.cancelled():
            raise Cancelled()
        self._progress.report(self._done, self.total, label)

    def step(self, label: str) -> None:
        self._done += 1
        self._progress.report(self._done, self.total, label)


def create_demo(folder: Path, progress: Progress = NULL_PROGRESS) -> Library:
    """Create a new library in ``folder`` holding the demo edition; returns it open.

    ValidationError("folder") when ``folder`` already holds a library: the demo is never
    mixed into a user's library. If the user cancels, Cancelled is raised and ``folder``
    keeps the part of the demo made so far.
    """
    folder = Path(folder).expanduser()
    if (folder / DATABASE_NAME).exists():
        raise ValidationError("folder", "« {folder} » already holds a Séminaire library; "
                              "create the demo in a new folder", folder=folder)
    lib = Library.open(folder)
    try:
        _fill(lib, _Steps(progress))
    except BaseException:
        lib.close()
        raise
    return lib


def _fill(lib: Library, steps: _Steps) -> None:
    _add_references(lib, steps)
    edition = _add_edition(lib, steps)
    workshop_ids = _add_workshops(lib, steps)
    _add_notes(lib, steps, edition, workshop_ids)
    _add_people(lib, steps)
    _add_programme(lib, steps)
    _attach_synthesis(lib, steps, edition)


def _add_references(lib: Library, steps: _Steps) -> None:
    steps.start("references")
    for item in REFERENCES:
        ref = references.add(lib, item.draft)
        if item.themes:
            tags.add_tags(lib, ref.id, item.themes)
        steps.step("references")
    steps.start("collections")
    for path, keys in COLLECTIONS:
        collections.create(lib, path)
        collections.add_references(lib, path, list(keys))
        steps.step("collections")


def _add_edition(lib: Library, steps: _Steps) -> Edition:
    steps.start("edition")
    edition = editions.add(
        lib, EDITION.year, EDITION.title, theme=EDITION.theme,
        start_date=EDITION.start_date, end_date=EDITION.end_date, venue=EDITION.venue,
        organisers=EDITION.organisers)
    steps.step("edition")
    return edition


def _add_workshops(lib: Library, steps: _Steps) -> dict[int, WorkshopId]:
    steps.start("workshops")
    ids: dict[int, WorkshopId] = {}
    for ws in WORKSHOPS:
        added = workshops.add(lib, EDITION.year, ws.title, number=ws.number,
                              description=ws.description, facilitators=ws.facilitators,
                              room=ws.room, capacity=ws.capacity)
        ids[ws.number] = added.id
        steps.step("workshops")
    steps.start("reading lists")
    for reading in READINGS:
        workshops.add_reading(lib, EDITION.year, reading.workshop, reading.key,
                              role=reading.role, annotation=reading.annotation)
        steps.step("reading lists")
    return ids


def _add_notes(lib: Library, steps: _Steps, edition: Edition,
               workshop_ids: dict[int, WorkshopId]) -> None:
    steps.start("notes")
    for note in NOTES:
        owner = (Owner("edition", edition.id) if note.workshop is None
                 else Owner("workshop", workshop_ids[note.workshop]))
        notes.add(lib, owner, note.body, title=note.title, visibility=note.visibility)
        steps.step("notes")


def _add_people(lib: Library, steps: _Steps) -> None:
    steps.start("participants")
    for person in (*FACILITATORS, *PARTICIPANTS):
        added = participants.add(lib, person.family, person.given, person.organisation,
                                 person.email)
        participants.register(lib, EDITION.year, added.id, person.role)
        participants.assign(lib, EDITION.year, person.workshop, added.id)
        steps.step("participants")


def _add_programme(lib: Library, steps: _Steps) -> None:
    steps.start("programme")
    for item in PROGRAMME:
        day = EDITION.start_date + timedelta(days=item.day)
        programme.add(lib, EDITION.year, day, item.start, item.end, title=item.title,
                      room=item.room, workshop=item.workshop)
        steps.step("programme")


def _attach_synthesis(lib: Library, steps: _Steps, edition: Edition) -> None:
    steps.start("synthesis")
    with tempfile.TemporaryDirectory(prefix="seminaire-demo-") as tmp:
        pdf = Path(tmp) / SYNTHESIS_FILENAME
        write_synthesis_pdf(pdf)
        attachments.attach(lib, Owner("edition", edition.id), pdf)
        pdf.unlink()
    steps.step("synthesis")
