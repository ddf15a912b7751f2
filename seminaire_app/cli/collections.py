"""``collection``: nested collections of references (a reference may sit in several)."""

from __future__ import annotations

import argparse

from ..services import collections
from .context import Context, Subparsers, add_command, add_group


def register(sub: Subparsers) -> None:
    group = add_group(sub, "collection", "nested collections of references")
    parser = add_command(group, "add", cmd_add, "create a collection (and its parents)")
    parser.add_argument("path", metavar="PATH", help="like « ESS/Coopérations »")
    add_command(group, "list", cmd_list, "list the collections")
    parser = add_command(group, "file", cmd_file, "put references in a collection")
    parser.add_argument("path", metavar="PATH")
    parser.add_argument("refs", nargs="+", metavar="REF")
    parser = add_command(group, "unfile", cmd_unfile, "take references out of a collection")
    parser.add_argument("path", metavar="PATH")
    parser.add_argument("refs", nargs="+", metavar="REF")
    parser = add_command(group, "delete", cmd_delete,
                         "delete a collection and its sub-collections (not the references)")
    parser.add_argument("path", metavar="PATH")


def cmd_add(ctx: Context, args: argparse.Namespace) -> int:
    created = collections.create(ctx.lib, args.path)
    ctx.emit(created, [f"collection « {created.path} »"])
    return 0


def cmd_list(ctx: Context, args: argparse.Namespace) -> int:
    found = collections.list_collections(ctx.lib)
    ctx.emit(found, (f"{c.path}  ({c.count})" for c in found))
    return 0


def cmd_file(ctx: Context, args: argparse.Namespace) -> int:
    filed = collections.add_references(ctx.lib, args.path, args.refs)
    ctx.emit({"collection": args.path, "filed": filed},
             [f"{filed} reference(s) newly filed in « {args.path} »"])
    return 0


def cmd_unfile(ctx: Context, args: argparse.Namespace) -> int:
    collections.remove_references(ctx.lib, args.path, args.refs)
    ctx.emit({"collection": args.path, "unfiled": args.refs},
             [f"taken out of « {args.path} »: {', '.join(args.refs)}"])
    return 0


def cmd_delete(ctx: Context, args: argparse.Namespace) -> int:
    collections.delete_collection(ctx.lib, args.path)
    ctx.emit({"deleted": args.path}, [f"deleted collection « {args.path} »"])
    return 0
