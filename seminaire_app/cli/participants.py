"""``participant``: people, their registration to editions and their workshops."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain import ParticipantRole, Registration
from ..errors import SeminaireError
from ..services import editions, participants, workshops
from .context import (
    Context,
    Subparsers,
    UsageError,
    add_command,
    add_group,
    name_value,
    workshop_arg,
)
from .output import participant_line, registration_line

if TYPE_CHECKING:
    from ..services.participant_import import ImportReport

PARTICIPANT_ROLES = tuple(role.value for role in ParticipantRole)


def register(sub: Subparsers) -> None:
    group = add_group(sub, "participant", "participants, registrations and workshops")
    _register_add(group)
    parser = add_command(group, "list", cmd_list,
                         "list everyone, or with --edition the registrations")
    parser.add_argument("--edition", type=int, metavar="YEAR")
    parser = add_command(group, "edit", cmd_edit, "change a participant")
    parser.add_argument("participant", type=int, metavar="ID")
    _add_person_options(parser, editing=True)
    parser = add_command(group, "delete", cmd_delete, "delete a participant")
    parser.add_argument("participant", type=int, metavar="ID")
    parser = add_command(group, "register", cmd_register, "register someone to an edition")
    _add_year_and_id(parser)
    parser.add_argument("--role", choices=PARTICIPANT_ROLES, default="participant")
    parser = add_command(group, "unregister", cmd_unregister,
                         "withdraw a registration and its workshops")
    _add_year_and_id(parser)
    parser = add_command(group, "assign", cmd_assign, "put a participant in a workshop")
    _add_workshop_and_id(parser)
    parser.add_argument("--over-capacity", action="store_true",
                        help="even when the workshop is full")
    parser = add_command(group, "unassign", cmd_unassign, "take a participant out of it")
    _add_workshop_and_id(parser)
    _register_import(group)


def _add_year_and_id(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("year", type=int, metavar="YEAR")
    parser.add_argument("participant", type=int, metavar="ID")


def _add_workshop_and_id(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("workshop", metavar="YEAR/N")
    parser.add_argument("participant", type=int, metavar="ID")


def _add_person_options(parser: argparse.ArgumentParser, editing: bool) -> None:
    parser.add_argument("--family", required=not editing, metavar="NAME")
    parser.add_argument("--given", metavar="NAME")
    parser.add_argument("--organisation", metavar="TEXT")
    parser.add_argument("--email", metavar="ADDRESS")


def _register_add(group: Subparsers) -> None:
    parser = add_command(group, "add", cmd_add, "add a participant")
    _add_person_options(parser, editing=False)
    parser.add_argument("--edition", type=int, metavar="YEAR", help="register to this edition")
    parser.add_argument("--role", choices=PARTICIPANT_ROLES,
                        help="their role there (participant by default)")
    parser.add_argument("--workshop", action="append", default=[], metavar="YEAR/N",
                        help="assign to this workshop (repeatable)")


def _register_import(group: Subparsers) -> None:
    parser = add_command(group, "import", cmd_import,
                         "import participants from a CSV file and register them")
    parser.add_argument("csv", type=Path, metavar="CSV")
    parser.add_argument("--edition", type=int, required=True, metavar="YEAR")
    parser.add_argument("--map", action="append", type=name_value, default=[],
                        metavar="COLUMN=field", help="read COLUMN as field (repeatable)")
    parser.add_argument("--dry-run", action="store_true", help="check the file, save nothing")


# --- commands ---------------------------------------------------------------------------

def _registration_json(year: int, registration: Registration) -> dict[str, object]:
    return {"edition": year, "role": registration.role.value,
            "workshops": list(registration.workshops)}


def cmd_add(ctx: Context, args: argparse.Namespace) -> int:
    targets = [workshop_arg(text) for text in args.workshop]
    if args.role is not None and args.edition is None and not targets:
        raise UsageError("participant add: --role needs --edition or --workshop")
    # Everything named must exist before anyone is created.
    years = {year for year, _ in targets}
    if args.edition is not None:
        years.add(args.edition)
    for year in sorted(years):
        editions.get(ctx.lib, year)
    for year, number in targets:
        workshops.get(ctx.lib, year, number)
    person = participants.add(ctx.lib, args.family, given=args.given or "",
                              organisation=args.organisation or "", email=args.email or "")
    try:
        registered = _register_and_assign(ctx, args, person.id, sorted(years), targets)
    except SeminaireError:
        participants.delete_participant(ctx.lib, person.id)  # all or nothing
        raise
    ctx.emit({"participant": person,
              "registrations": [_registration_json(y, r) for y, r in registered.items()]},
             [participant_line(person)] + [f"  {year}: {registration_line(r)}"
                                           for year, r in registered.items()])
    return 0


def _register_and_assign(ctx: Context, args: argparse.Namespace, person: int,
                         years: list[int], targets: list[tuple[int, int]],
                         ) -> dict[int, Registration]:
    registered: dict[int, Registration] = {}
    for year in years:
        if year == args.edition or args.role is not None:
            registered[year] = participants.register(ctx.lib, year, person,
                                                     role=args.role or "participant")
    for year, number in targets:
        registered[year] = participants.assign(ctx.lib, year, number, person)
    return registered


def cmd_list(ctx: Context, args: argparse.Namespace) -> int:
    if args.edition is None:
        people = participants.list_participants(ctx.lib)
        ctx.emit(people, map(participant_line, people))
    else:
        found = participants.registrations(ctx.lib, args.edition)
        ctx.emit(found, map(registration_line, found))
    return 0


def cmd_edit(ctx: Context, args: argparse.Namespace) -> int:
    changes = {name: getattr(args, name) for name in ("family", "given", "organisation", "email")
               if getattr(args, name) is not None}
    if not changes:
        raise UsageError("participant edit: nothing to change; give --family, --given…")
    person = participants.update(ctx.lib, args.participant, changes)
    ctx.emit(person, [participant_line(person)])
    return 0


def cmd_delete(ctx: Context, args: argparse.Namespace) -> int:
    gone = participants.delete_participant(ctx.lib, args.participant)
    ctx.emit(gone, [f"deleted: {participant_line(gone)}"])
    return 0


def cmd_register(ctx: Context, args: argparse.Namespace) -> int:
    registration = participants.register(ctx.lib, args.year, args.participant, role=args.role)
    ctx.emit(registration, [f"{args.year}: {registration_line(registration)}"])
    return 0


def cmd_unregister(ctx: Context, args: argparse.Namespace) -> int:
    participants.get(ctx.lib, args.participant)  # unregister() accepts unknown people
    participants.unregister(ctx.lib, args.year, args.participant)
    ctx.emit({"edition": args.year, "unregistered": args.participant},
             [f"participant #{args.participant} is no longer registered to {args.year}"])
    return 0


def cmd_assign(ctx: Context, args: argparse.Namespace) -> int:
    year, number = workshop_arg(args.workshop)
    registration = participants.assign(ctx.lib, year, number, args.participant,
                                       allow_over_capacity=args.over_capacity)
    ctx.emit(registration, [f"{year}: {registration_line(registration)}"])
    return 0


def cmd_unassign(ctx: Context, args: argparse.Namespace) -> int:
    year, number = workshop_arg(args.workshop)
    participants.get(ctx.lib, args.participant)  # unassign() accepts unknown people
    participants.unassign(ctx.lib, year, number, args.participant)
    ctx.emit({"workshop": f"{year}/{number}", "unassigned": args.participant},
             [f"participant #{args.participant} is no longer in workshop {year}/{number}"])
    return 0


def _report_lines(report: ImportReport) -> Iterator[str]:
    if report.dry_run:
        yield "dry run: nothing was saved"
    yield (f"created: {report.created}, already known: {report.known}, "
           f"registered: {report.registered} (already registered: "
           f"{report.already_registered}), assigned: {report.assigned}")
    yield from (f"not assigned: {line}" for line in report.unassigned)
    yield from (f"warning: {line}" for line in report.warnings)
    yield from (f"error: {line}" for line in report.errors)


def cmd_import(ctx: Context, args: argparse.Namespace) -> int:
    from ..services.participant_import import import_csv

    report = import_csv(ctx.lib, args.csv, args.edition, mapping=dict(args.map) or None,
                        dry_run=args.dry_run)
    ctx.emit(report, _report_lines(report))
    if report.errors:
        ctx.err.write(f"seminaire: error: {len(report.errors)} problem(s) in {args.csv}\n")
        return 1
    return 0
