"""Importing registrations from the CSV file of the university's online form.

The export is usually opened and saved again in Excel, so the file may be separated by
semicolons, commas or tabs, encoded in UTF-8 (with or without BOM) or Windows-1252, and
titled in French (``Nom; Prénom; Structure; Courriel; Atelier souhaité``) or English.
:func:`import_csv` reads it in one transaction: people already known by their e-mail
are reused, everyone valid is registered to the edition, and each person gets the
workshop they wished for when it exists and has room. Bad rows are reported with their
line number; they never stop the good ones.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain import Changes, ParticipantRole
from ..errors import ValidationError
from ..storage.library import Library
from ..storage.models import AssignmentRow, EditionRow, ParticipantRow, RegistrationRow, WorkshopRow
from ..textfold import fold
from . import lookup
from .participants import assigned_count, clean_email, create, find_by_email, register_in

#: The fields a column can hold.
FIELDS: tuple[str, ...] = ("family", "given", "organisation", "email", "workshop")

#: Column titles recognised without a mapping, as :func:`_header_key` normalises them.
_ALIASES: dict[str, tuple[str, ...]] = {
    "family": ("nom", "nom de famille", "nom d usage", "family name", "last name", "lastname",
               "surname", "family"),
    "given": ("prenom", "prenoms", "first name", "firstname", "given name", "given",
              "forename"),
    "organisation": ("structure", "organisation", "organization", "organisme",
                     "etablissement", "employeur", "institution", "affiliation",
                     "structure organisme", "nom de la structure", "nom de l organisme",
                     "company"),
    "email": ("courriel", "email", "e mail", "mail", "adresse electronique",
              "adresse mail", "adresse e mail", "adresse courriel", "email address",
              "e mail address"),
    "workshop": ("atelier souhaite", "atelier", "atelier choisi", "choix d atelier",
                 "choix de l atelier", "voeu d atelier", "workshop", "preferred workshop",
                 "workshop wished", "chosen workshop"),
}
_DELIMITERS = ";,\t"
_SEP_LINE = re.compile(r"^\s*sep=(.)\s*$", re.IGNORECASE)  # Excel's « sep=; » first line


@dataclass(frozen=True, slots=True)
class ImportReport:
    """What an import did (or, in a dry run, would do)."""

    created: int  # participants new to the library
    known: int  # participants found by their e-mail and reused
    registered: int  # registrations made to the edition
    assigned: int  # assignments made to workshops
    unassigned: tuple[str, ...]  # « line 4: Hélène Martin: workshop 2 is full (capacity 12) »
    errors: tuple[str, ...]  # « line 7: « marc@ » is not an e-mail address »: rows left out
    already_registered: int = 0  # people who were registered to the edition before
    warnings: tuple[str, ...] = ()  # rows repeating an e-mail of an earlier row, left out
    rows: int = 0  # data rows read (blank rows are not counted)
    columns: tuple[tuple[str, str], ...] = ()  # (field, title of the column read)
    delimiter: str = ""
    encoding: str = ""  # "utf-8" or "cp1252"
    dry_run: bool = False


class _RollbackError(Exception):
    """Raised at the end of a dry run so that the transaction rolls back."""


@dataclass(slots=True)
class _Tally:
    created: int = 0
    known: int = 0
    registered: int = 0
    already_registered: int = 0
    assigned: int = 0
    unassigned: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    rows: int = 0


@dataclass(frozen=True, slots=True)
class _Table:
    header: list[str]
    rows: list[tuple[int, list[str]]]  # (line number in the file, cells)
    delimiter: str
    encoding: str


# --- reading the file ---------------------------------------------------------------

def _decode(path: Path) -> tuple[str, str]:
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise ValidationError("file", "« {path} » does not exist", path=path) from exc
    except OSError as exc:
        raise ValidationError("file", "cannot read « {path} »: {reason}",
                              path=path, reason=exc.strerror or exc) from exc
    if b"\x00" in data:
        raise ValidationError("file", "« {name} » is not a text file; save it from Excel "
                              "as « CSV (separator: semicolon) »", name=path.name)
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if not text.strip():
            raise ValidationError("file", "« {name} » is empty", name=path.name)
        return text, "utf-8" if encoding == "utf-8-sig" else encoding
    raise ValidationError("file", "« {name} » is neither UTF-8 nor Windows-1252 text",
                          name=path.name)


def _sniff(first_line: str) -> str:
    """The separator of the header line: the most frequent of ; , and tab outside quotes."""
    unquoted = re.sub(r'"[^"]*"', "", first_line)
    counts = {d: unquoted.count(d) for d in _DELIMITERS}
    best = max(_DELIMITERS, key=lambda d: counts[d])
    if counts[best]:
        return best
    try:
        return csv.Sniffer().sniff(first_line, delimiters=_DELIMITERS).delimiter
    except csv.Error:
        return ";"  # a single column: any separator reads it


def _read(path: Path) -> _Table:
    text, encoding = _decode(path)
    first = next(line for line in text.splitlines() if line.strip())
    sep = _SEP_LINE.match(first)
    delimiter = sep.group(1) if sep else _sniff(first)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header: list[str] | None = None
    rows: list[tuple[int, list[str]]] = []
    start = 1
    for record in reader:
        line, start = start, reader.line_num + 1  # a quoted cell may span several lines
        if not any(cell.strip() for cell in record):
            continue
        if header is None:
            if sep is None or not _SEP_LINE.match(delimiter.join(record)):
                header = record
        else:
            rows.append((line, record))
    if header is None:
        raise ValidationError("file", "« {name} » has no column titles", name=path.name)
    return _Table(header, rows, delimiter, encoding)


# --- columns ------------------------------------------------------------------------

def _header_key(title: str) -> str:
    """« Adresse E-mail * » → « adresse e mail »: case, accents and punctuation ignored."""
    words = re.sub(r"[^a-z0-9]+", " ", fold(title)).split()
    return " ".join(words)


def detect_columns(header: Sequence[str],
                   mapping: Mapping[str, str] | None = None) -> dict[str, int]:
    """Which column holds each field: ``{field: column index}``.

    Known titles are recognised (French or English, any case or accents); ``mapping``
    ({column title: field}) names other columns and wins over the recognised ones; a
    column mapped to "" is ignored.
    """
    keys = [_header_key(h) for h in header]
    columns: dict[str, int] = {}
    for name, aliases in _ALIASES.items():
        for alias in aliases:  # the aliases are in order of preference
            if alias in keys:
                columns[name] = keys.index(alias)
                break
    for title, name in (mapping or {}).items():
        if name and name not in FIELDS:
            raise ValidationError("mapping", "« {value} » is not one of {choices}",
                                  value=name, choices=", ".join(FIELDS))
        key = _header_key(title)
        if key not in keys:
            raise ValidationError("mapping", "the file has no column « {title} »", title=title)
        index = keys.index(key)
        columns = {f: i for f, i in columns.items() if i != index}
        if name:
            columns[name] = index
    if "family" not in columns:
        raise ValidationError(
            "mapping", "no column holds the family names (« Nom »); say which one does")
    return columns


# --- workshops ----------------------------------------------------------------------

def _wished(session: Session, edition: EditionRow, wish: str) -> WorkshopRow | str:
    """The workshop wished for (« 2 », « Atelier n°2 », « 2 - Convergence… », a title), or
    the reason why there is none."""
    text = wish.strip()
    if not text:
        return "no workshop wished"
    workshops = list(session.scalars(select(WorkshopRow).where(
        WorkshopRow.edition_id == edition.id).order_by(WorkshopRow.number)))
    number = re.search(r"\d+", text)
    if number is not None:
        found = next((w for w in workshops if w.number == int(number.group())), None)
        return found or f"no workshop {number.group()} in {edition.year}"
    wanted = _header_key(text)
    for ws in workshops:
        title = _header_key(ws.title)
        if wanted == title or (len(wanted) >= 8 and title.startswith(wanted)):
            return ws
    return f"no workshop « {text} » in {edition.year}"


def _assign(session: Session, edition: EditionRow, person: ParticipantRow, wish: str,
            where: str, tally: _Tally) -> None:
    workshop = _wished(session, edition, wish)
    if isinstance(workshop, str):
        tally.unassigned.append(f"{where}: {workshop}")
        return
    if session.get(AssignmentRow, (workshop.id, person.id)) is not None:
        return
    if workshop.capacity is not None and assigned_count(session, workshop.id) >= workshop.capacity:
        tally.unassigned.append(
            f"{where}: workshop {workshop.number} is full (capacity {workshop.capacity})")
        return
    session.add(AssignmentRow(workshop_id=workshop.id, participant_id=person.id))
    session.flush()
    tally.assigned += 1


# --- rows ---------------------------------------------------------------------------

def _cell(cells: list[str], columns: Mapping[str, int], name: str) -> str:
    index = columns.get(name)
    if index is None or index >= len(cells):
        return ""
    return " ".join(cells[index].split())


def _import_rows(session: Session, edition: EditionRow, table: _Table,
                 columns: Mapping[str, int]) -> _Tally:
    tally = _Tally()
    seen: dict[str, int] = {}  # case-folded e-mail → the line where it first appeared
    for line, cells in table.rows:
        tally.rows += 1
        person = _person(session, line, cells, columns, seen, tally)
        if person is None:
            continue
        if session.get(RegistrationRow, (edition.id, person.id)) is None:
            register_in(session, edition, person, ParticipantRole.PARTICIPANT)
            session.flush()
            tally.registered += 1
        else:  # never change the role of someone registered before (a facilitator…)
            tally.already_registered += 1
        if "workshop" in columns:
            where = f"line {line}: {f'{person.given} {person.family}'.strip()}"
            _assign(session, edition, person, _cell(cells, columns, "workshop"), where, tally)
    return tally


def _person(session: Session, line: int, cells: list[str], columns: Mapping[str, int],
            seen: dict[str, int], tally: _Tally) -> ParticipantRow | None:
    """The participant of a row, found by e-mail or created; None for a row left out."""
    family, given = _cell(cells, columns, "family"), _cell(cells, columns, "given")
    problems = [] if family else ["no family name"]
    email = ""
    try:
        email = clean_email(_cell(cells, columns, "email")) or ""
    except ValidationError as exc:
        problems.append(exc.message)
    if problems:
        tally.errors.append(f"line {line}: {'; '.join(problems)}")
        return None
    if email.casefold() in seen:
        tally.warnings.append(f"line {line}: same e-mail as line {seen[email.casefold()]}; "
                              "only the first row was imported")
        return None
    person = find_by_email(session, email) if email else None
    if person is not None:
        tally.known += 1
    else:
        try:
            person = create(session, family, given, _cell(cells, columns, "organisation"),
                            email)
        except ValidationError as exc:
            tally.errors.append(f"line {line}: {exc.message}")
            return None
        tally.created += 1
    if email:
        seen[email.casefold()] = line
    return person


def import_csv(lib: Library, path: Path, year: int, mapping: dict[str, str] | None = None,
               dry_run: bool = False) -> ImportReport:
    """Register the people of a CSV file to the edition of ``year``, in one transaction.

    ``mapping`` ({column title: field}, fields being family, given, organisation, email and
    workshop) names columns whose titles are not recognised. With ``dry_run`` the report
    says what would happen and nothing is written. ValidationError("file") when the file
    is missing, empty or not text; ValidationError("mapping") when no family-name column
    is found; NotFound when there is no edition ``year``. Bad rows are only reported.
    """
    table = _read(Path(path))
    columns = detect_columns(table.header, mapping)
    tally = _Tally()
    try:
        with lib.begin() as session:
            edition = lookup.edition_row(session, year)
            tally = _import_rows(session, edition, table, columns)
            if dry_run:
                raise _RollbackError()
    except _RollbackError:
        pass
    if not dry_run:
        lib.notify(Changes.PARTICIPANTS)
    return ImportReport(
        created=tally.created, known=tally.known, registered=tally.registered,
        assigned=tally.assigned, unassigned=tuple(tally.unassigned),
        errors=tuple(tally.errors), already_registered=tally.already_registered,
        warnings=tuple(tally.warnings), rows=tally.rows,
        columns=tuple((name, table.header[i].strip()) for name, i in columns.items()),
        delimiter=table.delimiter, encoding=table.encoding, dry_run=dry_run)
