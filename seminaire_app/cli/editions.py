"""``edition``: the yearly editions of the seminar, and preparing the next one."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from itertools import chain
from typing import Any

from ..domain import Owner
from ..services import attachments, editions, participants, workshops
from ..services.editions import CloneOptions
from .context import Context, Subparsers, UsageError, add_command, add_group, optional_day
from .output import attachment_line, edition_details, edition_line, jsonable, section
from .workshops import WorkshopView, workshop_view


def register(sub: Subparsers) -> None:
    group = add_group(sub, "edition", "the yearly editions of the seminar")
    parser = add_command(group, "add", cmd_add, "create an edition")
    parser.add_argument("year", type=int, metavar="YEAR")
    _add_edition_options(parser, editing=False)
    add_command(group, "list", cmd_list, "list the editions, the latest first")
    parser = add_command(group, "show", cmd_show,
                         "show an edition, its workshops, reading lists and files")
    parser.add_argument("year", type=int, metavar="YEAR")
    parser = add_command(group, "edit", cmd_edit, "change an edition")
    parser.add_argument("year", type=int, metavar="YEAR")
    _add_edition_options(parser, editing=True)
    parser = add_command(group, "delete", cmd_delete,
                         "delete an edition with its workshops, programme, notes and files")
    parser.add_argument("year", type=int, metavar="YEAR")
    _register_clone(group)


def _register_clone(group: Subparsers) -> None:
    parser = add_command(group, "clone", cmd_clone,
                         "prepare an edition from another: workshops, reading lists, programme")
    parser.add_argument("source", type=int, metavar="FROM")
    parser.add_argument("target", type=int, metavar="TO")
    parser.add_argument("--title", help="the new edition's title (the old one by default)")
    parser.add_argument("--with-participants", action="store_true",
                        help="register the same participants in the same workshops")
    parser.add_argument("--with-notes", action="store_true", help="copy the notes")
    parser.add_argument("--no-programme", action="store_true", help="leave the programme out")


def _add_edition_options(parser: argparse.ArgumentParser, editing: bool) -> None:
    clear = "; empty to clear" if editing else ""
    parser.add_argument("--title", required=not editing)
    parser.add_argument("--theme", metavar="TEXT")
    parser.add_argument("--start", metavar="DAY", help=f"first day, like 2017-11-23{clear}")
    parser.add_argument("--end", metavar="DAY", help=f"last day{clear}")
    parser.add_argument("--venue", metavar="TEXT")
    parser.add_argument("--organiser", action="append", metavar="NAME",
                        help="replaces them all" if editing else "repeatable")


def cmd_add(ctx: Context, args: argparse.Namespace) -> int:
    edition = editions.add(
        ctx.lib, args.year, args.title, theme=args.theme or "",
        start_date=optional_day(args.start or "", "start"),
        end_date=optional_day(args.end or "", "end"), venue=args.venue or "",
        organisers=args.organiser or ())
    ctx.emit(edition, edition_details(edition))
    return 0


def cmd_list(ctx: Context, args: argparse.Namespace) -> int:
    found = editions.list_editions(ctx.lib)
    ctx.emit(found, map(edition_line, found))
    return 0


def cmd_show(ctx: Context, args: argparse.Namespace) -> int:
    edition = editions.get(ctx.lib, args.year)
    files = attachments.list_for(ctx.lib, Owner("edition", edition.id))
    registrations = participants.registrations(ctx.lib, args.year)
    views = [workshop_view(ctx.lib, w, registrations)
             for w in workshops.list_workshops(ctx.lib, args.year)]
    data: dict[str, Any] = jsonable(edition)
    data.update(attachments=jsonable(files), workshops=[v.as_json() for v in views],
                participants=jsonable(registrations))
    ctx.emit(data, chain(edition_details(edition),
                         section("attachments", map(attachment_line, files)),
                         _workshop_lines(views)))
    return 0


def _workshop_lines(views: list[WorkshopView]) -> Iterator[str]:
    for view in views:
        yield ""
        yield from view.lines(indent="    ")


def _edition_changes(args: argparse.Namespace) -> dict[str, object]:
    changes: dict[str, object] = {}
    for name in ("title", "theme", "venue"):
        if getattr(args, name) is not None:
            changes[name] = getattr(args, name)
    if args.start is not None:
        changes["start_date"] = optional_day(args.start, "start")
    if args.end is not None:
        changes["end_date"] = optional_day(args.end, "end")
    if args.organiser is not None:
        changes["organisers"] = [o.strip() for o in args.organiser if o.strip()]
    return changes


def cmd_edit(ctx: Context, args: argparse.Namespace) -> int:
    changes = _edition_changes(args)
    if not changes:
        raise UsageError("edition edit: nothing to change; give an option such as --title")
    edition = editions.update(ctx.lib, args.year, changes)
    ctx.emit(edition, edition_details(edition))
    return 0


def cmd_delete(ctx: Context, args: argparse.Namespace) -> int:
    gone = editions.delete(ctx.lib, args.year)
    ctx.emit(gone, [f"deleted: {edition_line(gone)}"])
    return 0


def cmd_clone(ctx: Context, args: argparse.Namespace) -> int:
    options = CloneOptions(participants=args.with_participants, notes=args.with_notes,
                           programme=not args.no_programme)
    edition = editions.clone(ctx.lib, args.source, args.target, title=args.title,
                             options=options)
    count = len(workshops.list_workshops(ctx.lib, edition.year))
    ctx.emit(edition, chain(edition_details(edition),
                            [f"  {count} workshop(s) prepared from {args.source}"]))
    return 0
