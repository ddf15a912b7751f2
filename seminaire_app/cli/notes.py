"""``note``: Markdown notes on references, editions and workshops."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..domain import Visibility
from ..services import notes
from .context import Context, Subparsers, UsageError, add_command, add_group, read_text_file
from .output import note_details, note_line
from .owners import add_owner_options, owner_from_args, owner_label


def register(sub: Subparsers) -> None:
    group = add_group(sub, "note", "notes on references, editions and workshops")
    parser = add_command(group, "add", cmd_add, "write a note")
    add_owner_options(parser)
    _add_note_options(parser, editing=False)
    parser = add_command(group, "list", cmd_list, "list the notes of an owner")
    add_owner_options(parser)
    parser = add_command(group, "show", cmd_show, "print a note")
    parser.add_argument("note", type=int, metavar="ID")
    parser = add_command(group, "edit", cmd_edit, "change a note")
    parser.add_argument("note", type=int, metavar="ID")
    _add_note_options(parser, editing=True)
    parser = add_command(group, "delete", cmd_delete, "delete a note")
    parser.add_argument("note", type=int, metavar="ID")


def _add_note_options(parser: argparse.ArgumentParser, editing: bool) -> None:
    parser.add_argument("--title", metavar="TITLE")
    body = parser.add_mutually_exclusive_group(required=not editing)
    body.add_argument("--text", metavar="TEXT", help="the note (Markdown)")
    body.add_argument("--file", type=Path, metavar="FILE.md", help="read the note from a file")
    seen = parser.add_mutually_exclusive_group()
    seen.add_argument("--participants", dest="visibility", action="store_const",
                      const=Visibility.PARTICIPANTS, help="written for the participants")
    if editing:
        seen.add_argument("--internal", dest="visibility", action="store_const",
                          const=Visibility.INTERNAL, help="for the team only")


def _body(args: argparse.Namespace) -> str | None:
    if args.file is not None:
        return read_text_file(args.file)
    text: str | None = args.text
    return text


def cmd_add(ctx: Context, args: argparse.Namespace) -> int:
    owner = owner_from_args(ctx.lib, args)
    note = notes.add(ctx.lib, owner, _body(args) or "", title=args.title or "",
                     visibility=args.visibility or Visibility.INTERNAL)
    ctx.emit(note, [f"{note_line(note)}  on {owner_label(ctx.lib, owner)}"])
    return 0


def cmd_list(ctx: Context, args: argparse.Namespace) -> int:
    found = notes.list_for(ctx.lib, owner_from_args(ctx.lib, args))
    ctx.emit(found, map(note_line, found))
    return 0


def cmd_show(ctx: Context, args: argparse.Namespace) -> int:
    note = notes.get(ctx.lib, args.note)
    ctx.emit(note, note_details(note))
    return 0


def cmd_edit(ctx: Context, args: argparse.Namespace) -> int:
    body = _body(args)
    if body is None and args.title is None and args.visibility is None:
        raise UsageError("note edit: nothing to change; give --title, --text or --file")
    note = notes.update(ctx.lib, args.note, body=body, title=args.title,
                        visibility=args.visibility)
    ctx.emit(note, note_details(note))
    return 0


def cmd_delete(ctx: Context, args: argparse.Namespace) -> int:
    gone = notes.delete(ctx.lib, args.note)
    ctx.emit(gone, [f"deleted: {note_line(gone)}"])
    return 0
