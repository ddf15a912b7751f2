"""``attach``, ``detach`` and ``attachments``: files of references, editions, workshops."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..services import attachments
from .context import Context, Subparsers, UsageError, add_command
from .output import attachment_line
from .owners import add_owner_options, owner_from_args, owner_given, owner_label


def register(sub: Subparsers) -> None:
    parser = add_command(
        sub, "attach", cmd_attach,
        "attach a file: attach REF FILE, attach --edition YEAR FILE, attach --workshop YEAR/N FILE")
    add_owner_options(parser, with_ref=False, required=False)
    parser.add_argument("first", metavar="REF",
                        help="the reference; the file itself with --edition or --workshop")
    parser.add_argument("second", nargs="?", metavar="FILE", help="the file")
    parser.add_argument("--link", action="store_true",
                        help="link to the file where it is instead of storing a copy")
    parser = add_command(sub, "detach", cmd_detach, "remove an attachment")
    parser.add_argument("attachment", type=int, metavar="ATTACHMENT_ID")
    parser = add_command(sub, "attachments", cmd_list,
                         "list the files of a reference, an edition or a workshop")
    add_owner_options(parser)


def _ref_and_file(args: argparse.Namespace) -> tuple[str | None, Path]:
    if owner_given(args):
        if args.second is not None:
            raise UsageError("attach: give only FILE with --edition or --workshop")
        return None, Path(args.first)
    if args.second is None:
        raise UsageError("attach: give REF FILE, or --edition YEAR FILE, or --workshop YEAR/N FILE")
    return args.first, Path(args.second)


def cmd_attach(ctx: Context, args: argparse.Namespace) -> int:
    ref, source = _ref_and_file(args)
    owner = owner_from_args(ctx.lib, args, ref=ref)
    attached = attachments.attach(ctx.lib, owner, source, link=args.link)
    ctx.emit(attached, [f"{attachment_line(attached)}  on {owner_label(ctx.lib, owner)}"])
    if attached.text_status.startswith("error"):
        ctx.warn(f"« {attached.filename} » is attached but its text cannot be read "
                 f"({attached.text_status}); search will not find its content")
    return 0


def cmd_detach(ctx: Context, args: argparse.Namespace) -> int:
    gone = attachments.detach(ctx.lib, args.attachment)
    ctx.emit(gone, [f"detached: {attachment_line(gone)}"])
    return 0


def cmd_list(ctx: Context, args: argparse.Namespace) -> int:
    found = attachments.list_for(ctx.lib, owner_from_args(ctx.lib, args))
    ctx.emit(found, map(attachment_line, found))
    return 0
