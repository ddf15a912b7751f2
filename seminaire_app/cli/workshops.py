"""``workshop`` and ``reading``: the numbered workshops of an edition and their reading lists.

Positions on reading lists count from 1 on the command line.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import chain
from typing import Any

from ..domain import Attachment, Owner, ReadingEntry, ReadingRole, Registration, Workshop
from ..services import attachments, participants, workshops
from ..storage.library import Library
from .context import (
    Context,
    Subparsers,
    UsageError,
    add_command,
    add_group,
    optional_count,
    positive_int,
    workshop_arg,
)
from .output import (
    attachment_line,
    jsonable,
    reading_line,
    registration_line,
    section,
    workshop_details,
    workshop_line,
)

READING_ROLES = tuple(role.value for role in ReadingRole)


@dataclass(frozen=True, slots=True)
class WorkshopView:
    """A workshop with its reading list, files and participants: what ``show`` prints."""

    workshop: Workshop
    readings: list[ReadingEntry]
    files: list[Attachment]
    participants: list[Registration]

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = jsonable(self.workshop)
        data.update(readings=jsonable(self.readings), attachments=jsonable(self.files),
                    participants=jsonable(self.participants))
        return data

    def lines(self, indent: str = "  ") -> Iterator[str]:
        return chain(
            workshop_details(self.workshop, indent),
            section("reading list", map(reading_line, self.readings), indent),
            section("attachments", map(attachment_line, self.files), indent),
            section("participants", map(registration_line, self.participants), indent))


def workshop_view(lib: Library, workshop: Workshop,
                  registrations: list[Registration]) -> WorkshopView:
    """Gather a workshop's lists; ``registrations`` are those of its edition."""
    return WorkshopView(
        workshop, workshops.reading_list(lib, workshop.year, workshop.number),
        attachments.list_for(lib, Owner("workshop", workshop.id)),
        [r for r in registrations if workshop.number in r.workshops])


def register(sub: Subparsers) -> None:
    _register_workshop(sub)
    _register_reading(sub)


def _register_workshop(sub: Subparsers) -> None:
    group = add_group(sub, "workshop", "the workshops (« ateliers ») of an edition")
    parser = add_command(group, "add", cmd_add, "add a workshop to an edition")
    parser.add_argument("year", type=int, metavar="YEAR")
    parser.add_argument("--number", type=positive_int, metavar="N",
                        help="its number (after the last one by default)")
    _add_workshop_options(parser, editing=False)
    parser = add_command(group, "list", cmd_list, "list the workshops of an edition")
    parser.add_argument("year", type=int, metavar="YEAR")
    parser = add_command(group, "show", cmd_show,
                         "show a workshop, its reading list, files and participants")
    parser.add_argument("workshop", metavar="YEAR/N")
    parser = add_command(group, "edit", cmd_edit, "change a workshop")
    parser.add_argument("workshop", metavar="YEAR/N")
    parser.add_argument("--number", type=positive_int, metavar="N", help="renumber it")
    _add_workshop_options(parser, editing=True)
    parser = add_command(group, "delete", cmd_delete, "delete a workshop")
    parser.add_argument("workshop", metavar="YEAR/N")


def _add_workshop_options(parser: argparse.ArgumentParser, editing: bool) -> None:
    parser.add_argument("--title", required=not editing)
    parser.add_argument("--description", metavar="TEXT")
    parser.add_argument("--facilitator", action="append", metavar="NAME",
                        help="replaces them all" if editing else "repeatable")
    parser.add_argument("--room", metavar="ROOM")
    parser.add_argument("--capacity", metavar="N",
                        help="places; empty for no limit" if editing else "places")


def cmd_add(ctx: Context, args: argparse.Namespace) -> int:
    capacity = optional_count(args.capacity or "", "capacity")
    added = workshops.add(ctx.lib, args.year, args.title, number=args.number,
                          description=args.description or "",
                          facilitators=args.facilitator or (), room=args.room or "",
                          capacity=capacity)
    ctx.emit(added, workshop_details(added))
    return 0


def cmd_list(ctx: Context, args: argparse.Namespace) -> int:
    found = workshops.list_workshops(ctx.lib, args.year)
    ctx.emit(found, map(workshop_line, found))
    return 0


def cmd_show(ctx: Context, args: argparse.Namespace) -> int:
    year, number = workshop_arg(args.workshop)
    workshop = workshops.get(ctx.lib, year, number)
    view = workshop_view(ctx.lib, workshop, participants.registrations(ctx.lib, year))
    ctx.emit(view.as_json(), view.lines())
    return 0


def _workshop_changes(args: argparse.Namespace) -> dict[str, object]:
    changes: dict[str, object] = {}
    for name in ("title", "description", "room", "number"):
        if getattr(args, name) is not None:
            changes[name] = getattr(args, name)
    if args.facilitator is not None:
        changes["facilitators"] = [f for f in args.facilitator if f.strip()]
    if args.capacity is not None:
        changes["capacity"] = optional_count(args.capacity, "capacity")
    return changes


def cmd_edit(ctx: Context, args: argparse.Namespace) -> int:
    year, number = workshop_arg(args.workshop)
    changes = _workshop_changes(args)
    if not changes:
        raise UsageError("workshop edit: nothing to change; give an option such as --title")
    changed = workshops.update(ctx.lib, year, number, changes)
    ctx.emit(changed, workshop_details(changed))
    return 0


def cmd_delete(ctx: Context, args: argparse.Namespace) -> int:
    gone = workshops.delete(ctx.lib, *workshop_arg(args.workshop))
    ctx.emit(gone, [f"deleted: {workshop_line(gone)}"])
    return 0


# --- reading lists ----------------------------------------------------------------------

def _register_reading(sub: Subparsers) -> None:
    group = add_group(sub, "reading", "the reading list of a workshop")
    parser = add_command(group, "add", cmd_reading_add, "put a reference on a reading list")
    _add_entry_arguments(parser)
    parser.add_argument("--role", choices=READING_ROLES, default=ReadingRole.REQUIRED.value)
    parser.add_argument("--note", metavar="TEXT", help="an annotation for the readers")
    parser.add_argument("--position", type=positive_int, metavar="P",
                        help="where, from 1 (at the end by default)")
    parser = add_command(group, "list", cmd_reading_list, "print a reading list")
    parser.add_argument("workshop", metavar="YEAR/N")
    parser = add_command(group, "edit", cmd_reading_edit, "change an entry's role or note")
    _add_entry_arguments(parser)
    parser.add_argument("--role", choices=READING_ROLES)
    parser.add_argument("--note", metavar="TEXT")
    parser = add_command(group, "move", cmd_reading_move, "move an entry (positions from 1)")
    _add_entry_arguments(parser)
    parser.add_argument("position", type=positive_int, metavar="POSITION")
    parser = add_command(group, "remove", cmd_reading_remove, "take a reference off the list")
    _add_entry_arguments(parser)


def _add_entry_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("workshop", metavar="YEAR/N")
    parser.add_argument("ref", metavar="REF", help="citation key or id")


def _emit_readings(ctx: Context, entries: list[ReadingEntry]) -> int:
    ctx.emit(entries, map(reading_line, entries))
    return 0


def cmd_reading_add(ctx: Context, args: argparse.Namespace) -> int:
    year, number = workshop_arg(args.workshop)
    position = args.position - 1 if args.position is not None else None
    return _emit_readings(ctx, workshops.add_reading(
        ctx.lib, year, number, args.ref, role=args.role, annotation=args.note or "",
        position=position))


def cmd_reading_list(ctx: Context, args: argparse.Namespace) -> int:
    return _emit_readings(ctx, workshops.reading_list(ctx.lib, *workshop_arg(args.workshop)))


def cmd_reading_edit(ctx: Context, args: argparse.Namespace) -> int:
    if args.role is None and args.note is None:
        raise UsageError("reading edit: nothing to change; give --role or --note")
    year, number = workshop_arg(args.workshop)
    return _emit_readings(ctx, workshops.update_reading(
        ctx.lib, year, number, args.ref, role=args.role, annotation=args.note))


def cmd_reading_move(ctx: Context, args: argparse.Namespace) -> int:
    year, number = workshop_arg(args.workshop)
    return _emit_readings(ctx, workshops.move_reading(
        ctx.lib, year, number, args.ref, args.position - 1))


def cmd_reading_remove(ctx: Context, args: argparse.Namespace) -> int:
    year, number = workshop_arg(args.workshop)
    return _emit_readings(ctx, workshops.remove_reading(ctx.lib, year, number, args.ref))
