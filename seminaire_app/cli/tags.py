"""``tag`` and ``tags``: theme tags (« Thématiques ») on references."""

from __future__ import annotations

import argparse

from ..services import references, tags
from .context import Context, Subparsers, add_command


def register(sub: Subparsers) -> None:
    parser = add_command(sub, "tag", cmd_tag, "tag a reference (or untag it with --remove)")
    parser.add_argument("ref", metavar="REF", help="citation key or id")
    parser.add_argument("tags", nargs="+", metavar="TAG")
    parser.add_argument("--remove", action="store_true", help="remove these tags")
    add_command(sub, "tags", cmd_tags, "list the tags with their number of references")


def cmd_tag(ctx: Context, args: argparse.Namespace) -> int:
    if args.remove:
        now = tags.remove_tags(ctx.lib, args.ref, args.tags)
    else:
        now = tags.add_tags(ctx.lib, args.ref, args.tags)
    key = references.get(ctx.lib, args.ref).citation_key
    ctx.emit({"reference": key, "tags": now},
             [f"{key}: {', '.join(now)}" if now else f"{key}: no tags"])
    return 0


def cmd_tags(ctx: Context, args: argparse.Namespace) -> int:
    counts = tags.list_tags(ctx.lib)
    ctx.emit(counts, (f"{tag.name}  ({tag.count})" for tag in counts))
    return 0
