"""``programme``: the dated, timed items of an edition."""

from __future__ import annotations

import argparse

from ..dates import parse_day
from ..services import programme
from .context import Context, Subparsers, add_command, add_group, positive_int
from .output import programme_item_line, programme_lines


def register(sub: Subparsers) -> None:
    group = add_group(sub, "programme", "the programme of an edition")
    parser = add_command(group, "add", cmd_add, "add an item to the programme")
    parser.add_argument("year", type=int, metavar="YEAR")
    parser.add_argument("--day", required=True, metavar="DAY", help="like 2017-11-23")
    parser.add_argument("--start", required=True, metavar="HH:MM", help="like 09:00 or 9h30")
    parser.add_argument("--end", required=True, metavar="HH:MM")
    parser.add_argument("--title", metavar="TEXT", help="the workshop's title by default")
    parser.add_argument("--room", metavar="ROOM")
    parser.add_argument("--workshop", type=positive_int, metavar="N",
                        help="the item is this workshop of the edition")
    parser = add_command(group, "list", cmd_list, "print the programme, day by day")
    parser.add_argument("year", type=int, metavar="YEAR")
    parser = add_command(group, "delete", cmd_delete, "delete an item")
    parser.add_argument("item", type=int, metavar="ID")


def cmd_add(ctx: Context, args: argparse.Namespace) -> int:
    item = programme.add(ctx.lib, args.year, parse_day(args.day, "day"), args.start, args.end,
                         title=args.title or "", room=args.room or "", workshop=args.workshop)
    ctx.emit(item, [f"{item.day.isoformat()}  {programme_item_line(item)}"])
    return 0


def cmd_list(ctx: Context, args: argparse.Namespace) -> int:
    items = programme.list_items(ctx.lib, args.year)
    ctx.emit(items, programme_lines(items))
    return 0


def cmd_delete(ctx: Context, args: argparse.Namespace) -> int:
    gone = programme.delete(ctx.lib, args.item)
    ctx.emit(gone, [f"deleted: {gone.day.isoformat()}  {programme_item_line(gone)}"])
    return 0
