"""``add``, ``show``, ``edit``, ``delete`` and ``list``: references."""

from __future__ import annotations

import argparse
from collections.abc import Mapping, Sequence
from itertools import chain

from ..domain import Creator, Owner, ReferenceDraft
from ..names import parse_creator
from ..services import attachments, notes, references
from ..services.references import ReferenceFilter
from .context import (
    Context,
    Subparsers,
    UsageError,
    add_command,
    name_value,
    positive_int,
    workshop_arg,
)
from .output import attachment_line, note_line, reference_details, reference_line, section

#: Options that set a CSL variable, and that variable.
FIELD_OPTIONS: tuple[tuple[str, str], ...] = (
    ("--container", "container-title"), ("--publisher", "publisher"),
    ("--place", "publisher-place"), ("--doi", "DOI"), ("--isbn", "ISBN"), ("--url", "URL"),
    ("--language", "language"), ("--abstract", "abstract"), ("--volume", "volume"),
    ("--issue", "issue"), ("--page", "page"), ("--edition", "edition"),
)
#: Options that name creators, and their CSL role.
CREATOR_OPTIONS: tuple[tuple[str, str], ...] = (
    ("--author", "author"), ("--editor", "editor"), ("--translator", "translator"),
)
SORT_KEYS = ("title", "creator", "year", "added")


def register(sub: Subparsers) -> None:
    parser = add_command(sub, "add", cmd_add, "add a reference")
    _add_reference_options(parser, editing=False)
    parser.add_argument("--tag", action="append", default=[], metavar="TAG",
                        help="a theme tag (repeatable)")
    parser = add_command(sub, "show", cmd_show, "show a reference, its files and notes")
    parser.add_argument("ref", metavar="REF", help="citation key or id")
    parser = add_command(sub, "edit", cmd_edit, "change a reference")
    parser.add_argument("ref", metavar="REF", help="citation key or id")
    _add_reference_options(parser, editing=True)
    parser = add_command(sub, "delete", cmd_delete, "delete a reference")
    parser.add_argument("ref", metavar="REF", help="citation key or id")
    _register_list(sub)


def _add_reference_options(parser: argparse.ArgumentParser, editing: bool) -> None:
    parser.add_argument("--type", required=not editing, metavar="TYPE",
                        help="CSL item type: book, article-journal, chapter, report, webpage…")
    parser.add_argument("--title", required=not editing)
    replaces = " (replaces them all; \"\" removes them)" if editing else " (repeatable)"
    for flag, role in CREATOR_OPTIONS:
        parser.add_argument(flag, dest=f"creators:{role}", action="append", metavar="NAME",
                            help=f"« Family, Given » or « {{Institution}} »{replaces}")
    parser.add_argument("--issued", metavar="DATE", help="2017, 2017-11 or 2017-11-23")
    for flag, variable in FIELD_OPTIONS:
        parser.add_argument(flag, dest=f"csl:{variable}", metavar="TEXT",
                            help=f"CSL variable {variable}")
    parser.add_argument("--key", metavar="KEY", help="the citation key (made up when absent)")
    parser.add_argument("--field", action="append", type=name_value, default=[],
                        metavar="NAME=VALUE", help="any CSL variable (repeatable; "
                        "NAME= empties it)")
    parser.add_argument("--custom", action="append", type=name_value, default=[],
                        metavar="NAME=VALUE", help="a free field of your own (repeatable)")


def _register_list(sub: Subparsers) -> None:
    parser = add_command(sub, "list", cmd_list, "list references")
    parser.add_argument("--tag", metavar="TAG", help="only those with this tag")
    parser.add_argument("--collection", metavar="PATH", help="only those in this collection")
    parser.add_argument("--unfiled", action="store_true", help="only those in no collection")
    parser.add_argument("--edition", type=int, metavar="YEAR",
                        help="only those on a reading list of this edition")
    parser.add_argument("--workshop", metavar="YEAR/N",
                        help="only those on this workshop's reading list")
    parser.add_argument("--sort", choices=SORT_KEYS, default="title")
    parser.add_argument("--desc", action="store_true", help="in descending order")
    parser.add_argument("--limit", type=positive_int, metavar="N")


# --- reading the options -------------------------------------------------------------

def creators_given(args: argparse.Namespace) -> dict[str, list[Creator]]:
    """The creators given, by role; an empty list when the only name given is empty."""
    given: dict[str, list[Creator]] = {}
    for _flag, role in CREATOR_OPTIONS:
        texts: list[str] | None = getattr(args, f"creators:{role}")
        if texts is not None:
            given[role] = [parse_creator(text, role) for text in texts if text.strip()]
    return given


def fields_given(args: argparse.Namespace) -> dict[str, str]:
    """The CSL variables given, by their CSL name (``--field`` ones included)."""
    values = {variable: getattr(args, f"csl:{variable}") for _flag, variable in FIELD_OPTIONS
              if getattr(args, f"csl:{variable}") is not None}
    values.update(args.field)
    return values


def replace_creators(current: Sequence[Creator],
                     replaced: Mapping[str, Sequence[Creator]]) -> tuple[Creator, ...]:
    """``current`` with the roles of ``replaced`` swapped for the new names, authors first."""
    kept = [c for c in current if c.role not in replaced]
    new = [c for group in replaced.values() for c in group]
    return tuple(sorted(kept + new, key=lambda c: c.role != "author"))


# --- commands ---------------------------------------------------------------------------

def cmd_add(ctx: Context, args: argparse.Namespace) -> int:
    creators = [c for group in creators_given(args).values() for c in group]
    draft = ReferenceDraft(
        item_type=args.type, title=args.title, creators=tuple(creators),
        issued=args.issued or "", fields=fields_given(args), custom=dict(args.custom),
        tags=tuple(args.tag), citation_key=args.key or "")
    ref = references.add(ctx.lib, draft)
    ctx.emit(ref, reference_details(ref))
    return 0


def cmd_show(ctx: Context, args: argparse.Namespace) -> int:
    ref = references.get(ctx.lib, args.ref)
    owner = Owner("reference", ref.id)
    files = attachments.list_for(ctx.lib, owner)
    written = notes.list_for(ctx.lib, owner)
    ctx.emit(ref, chain(reference_details(ref), section("attachments", map(attachment_line, files)),
                        section("notes", map(note_line, written))))
    return 0


def _changes(ctx: Context, args: argparse.Namespace) -> dict[str, object]:
    changes: dict[str, object] = {}
    for option, name in (("type", "type"), ("title", "title"), ("issued", "issued"),
                         ("key", "citation-key")):
        if getattr(args, option) is not None:
            changes[name] = getattr(args, option)
    changes.update(fields_given(args))
    changes.update({f"custom.{name}": value for name, value in args.custom})
    replaced = creators_given(args)
    if replaced:
        current = references.get(ctx.lib, args.ref).creators
        changes["creators"] = replace_creators(current, replaced)
    return changes


def cmd_edit(ctx: Context, args: argparse.Namespace) -> int:
    changes = _changes(ctx, args)
    if not changes:
        raise UsageError("edit: nothing to change; give an option such as --title")
    ref = references.update(ctx.lib, args.ref, changes)
    ctx.emit(ref, reference_details(ref))
    return 0


def cmd_delete(ctx: Context, args: argparse.Namespace) -> int:
    gone = references.delete_reference(ctx.lib, args.ref)
    ctx.emit(gone, [f"deleted: {reference_line(gone)}"])
    return 0


def cmd_list(ctx: Context, args: argparse.Namespace) -> int:
    flt = ReferenceFilter(
        tag=args.tag or "", collection=args.collection or "", unfiled=args.unfiled,
        edition=args.edition,
        workshop=workshop_arg(args.workshop) if args.workshop is not None else None)
    found = references.list_references(ctx.lib, flt, sort=args.sort, descending=args.desc,
                                       limit=args.limit)
    ctx.emit(found, map(reference_line, found))
    return 0

