"""How the command line shows the core's values: JSON-ready data and lines of text.

References become CSL-JSON objects (:func:`seminaire_app.csl.to_csl`, whose ``id`` is the
citation key); other values become plain objects. Positions on reading lists count from
1 here, as users count.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import fields, is_dataclass
from datetime import date
from itertools import groupby
from pathlib import Path
from typing import Any

from ..csl import to_csl
from ..domain import (
    Attachment,
    Creator,
    Edition,
    Note,
    Participant,
    ProgrammeItem,
    ReadingEntry,
    Reference,
    Registration,
    Workshop,
)

MAX_NAMES = 3  # more creators than this print as « First et al. »


def jsonable(value: object) -> Any:
    """``value`` as what :func:`json.dumps` takes; a Reference becomes CSL-JSON."""
    if isinstance(value, Reference):
        return to_csl(value)
    if isinstance(value, ReadingEntry):
        return reading_json(value)
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, date):  # datetime too
        return value.isoformat()
    if isinstance(value, Path):
        return str(value)
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: jsonable(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [jsonable(v) for v in value]
    return value


def reading_json(entry: ReadingEntry) -> dict[str, Any]:
    return {"position": entry.position + 1, "role": entry.role.value,
            "annotation": entry.annotation, "reference": to_csl(entry.reference)}


# --- references ------------------------------------------------------------------------

def _names(creators: Sequence[Creator]) -> str:
    if len(creators) > MAX_NAMES:
        return f"{creators[0].display()} et al."
    return " ; ".join(c.display() for c in creators)


def creators_text(creators: Sequence[Creator]) -> str:
    """The authors; else the editors, marked « (dir.) »; else whoever is named."""
    authors = [c for c in creators if c.role == "author"]
    if authors:
        return _names(authors)
    editors = [c for c in creators if c.role == "editor"]
    if editors:
        return f"{_names(editors)} (dir.)"
    return _names(creators)


def reference_line(ref: Reference) -> str:
    """``key  Creators (year). Title``; « s. d. » when the year is unknown."""
    who = creators_text(ref.creators)
    year = ref.year if ref.year is not None else "s. d."
    return f"{ref.citation_key}  {who + ' ' if who else ''}({year}). {ref.title}"


def reference_details(ref: Reference) -> Iterator[str]:
    yield reference_line(ref)
    yield f"  id: {ref.id}"
    yield f"  type: {ref.item_type}"
    yield f"  title: {ref.title}"
    for creator in ref.creators:
        yield f"  {creator.role}: {creator.display()}"
    if ref.issued:
        yield f"  issued: {ref.issued}"
    for name, value in ref.fields.items():
        yield f"  {name}: {value}"
    for name, value in ref.custom.items():
        yield f"  custom {name}: {value}"
    if ref.tags:
        yield f"  tags: {', '.join(ref.tags)}"


def section(title: str, lines: Iterable[str], indent: str = "  ") -> Iterator[str]:
    """``title:`` then the lines indented, or nothing when there are none."""
    items = list(lines)
    if items:
        yield f"{indent}{title}:"
        yield from (f"{indent}  {line}" for line in items)


# --- attachments and notes ------------------------------------------------------------

def size_text(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def attachment_line(att: Attachment) -> str:
    kind = "stored" if att.stored else f"link to {att.path}"
    return f"#{att.id}  {att.filename}  ({kind}, {size_text(att.size)}, text {att.text_status})"


def note_line(note: Note) -> str:
    first = next((line.strip() for line in note.body.splitlines() if line.strip()), "")
    title = note.title or first or "(untitled)"
    return f"#{note.id}  {title}  [{note.visibility.value}]"


def note_details(note: Note) -> Iterator[str]:
    yield note_line(note)
    yield f"  modified: {note.modified:%Y-%m-%d %H:%M}"
    yield ""
    yield from note.body.splitlines()


# --- editions, workshops and reading lists --------------------------------------------

def _dates(start: date | None, end: date | None) -> str:
    days = [day.isoformat() for day in (start, end) if day is not None]
    return " → ".join(dict.fromkeys(days))


def edition_line(edition: Edition) -> str:
    return f"{edition.year}  {edition.title}"


def edition_details(edition: Edition) -> Iterator[str]:
    yield edition_line(edition)
    if edition.theme:
        yield f"  theme: {edition.theme}"
    if edition.start_date or edition.end_date:
        yield f"  dates: {_dates(edition.start_date, edition.end_date)}"
    if edition.venue:
        yield f"  venue: {edition.venue}"
    if edition.organisers:
        yield f"  organisers: {' ; '.join(edition.organisers)}"


def workshop_line(workshop: Workshop) -> str:
    return f"{workshop.year}/{workshop.number}  {workshop.title}"


def workshop_details(workshop: Workshop, indent: str = "  ") -> Iterator[str]:
    yield workshop_line(workshop)
    if workshop.description:
        yield f"{indent}description: {workshop.description}"
    if workshop.facilitators:
        yield f"{indent}facilitators: {' ; '.join(workshop.facilitators)}"
    if workshop.room:
        yield f"{indent}room: {workshop.room}"
    if workshop.capacity is not None:
        yield f"{indent}capacity: {workshop.capacity}"


def reading_line(entry: ReadingEntry) -> str:
    line = f"{entry.position + 1}. [{entry.role.value}] {reference_line(entry.reference)}"
    return f"{line} — {entry.annotation}" if entry.annotation else line


# --- participants and programme -------------------------------------------------------

def participant_line(person: Participant) -> str:
    line = f"#{person.id}  {person.display()}"
    if person.organisation:
        line += f"  ({person.organisation})"
    return f"{line}  <{person.email}>" if person.email else line


def registration_line(registration: Registration) -> str:
    numbers = ", ".join(str(n) for n in registration.workshops)
    line = f"{participant_line(registration.participant)}  {registration.role.value}"
    return f"{line}  workshops {numbers}" if numbers else line


def programme_item_line(item: ProgrammeItem) -> str:
    line = f"{item.start}–{item.end}  {item.title}"
    if item.room:
        line += f"  [{item.room}]"
    if item.workshop_number is not None:
        line += f"  (workshop {item.workshop_number})"
    return f"{line}  #{item.id}"


def programme_lines(items: Iterable[ProgrammeItem]) -> Iterator[str]:
    """The programme grouped by day."""
    for day, group in groupby(items, key=lambda item: item.day):
        yield day.isoformat()
        yield from (f"  {programme_item_line(item)}" for item in group)
