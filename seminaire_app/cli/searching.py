"""``search``: full-text search over references, notes and attached files."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from dataclasses import dataclass

from .. import search
from ..domain import Attachment, Note, Reference
from ..errors import NotFound
from ..services import attachments, notes, references
from ..storage.library import Library
from .context import Context, Subparsers, add_command, positive_int
from .output import reference_line
from .owners import owner_json, owner_label


@dataclass(frozen=True, slots=True)
class Found:
    """A hit resolved to what it stands for."""

    score: float
    item: Reference | Note | Attachment


def register(sub: Subparsers) -> None:
    parser = add_command(sub, "search", cmd_search,
                         "search references, notes and files (accents and case ignored)")
    parser.add_argument("query", metavar="QUERY",
                        help='words (all of them), "a phrase", prefix*, OR, -excluded')
    parser.add_argument("--limit", type=positive_int, default=50, metavar="N")


def _resolve(lib: Library, hit: search.Hit) -> Reference | Note | Attachment | None:
    """What a hit stands for; None when the index is ahead of the tables."""
    try:
        if hit.kind == "reference":
            return references.get(lib, hit.id)
        if hit.kind == "note":
            return notes.get(lib, hit.id)
        return attachments.get(lib, hit.id)
    except NotFound:
        return None


def _json(lib: Library, found: Found) -> dict[str, object]:
    item = found.item
    if isinstance(item, Reference):
        return {"kind": "reference", "score": found.score, "reference": item}
    if isinstance(item, Note):
        return {"kind": "note", "score": found.score, "id": item.id, "title": item.title,
                "owner": owner_json(lib, item.owner)}
    return {"kind": "attachment", "score": found.score, "id": item.id,
            "filename": item.filename, "owner": owner_json(lib, item.owner)}


def _line(lib: Library, found: Found) -> str:
    item = found.item
    if isinstance(item, Reference):
        return reference_line(item)
    if isinstance(item, Note):
        return f"note #{item.id}  « {item.title} »  on {owner_label(lib, item.owner)}"
    return f"file #{item.id}  {item.filename}  on {owner_label(lib, item.owner)}"


def _lines(lib: Library, results: list[Found]) -> Iterator[str]:
    return (_line(lib, found) for found in results)


def cmd_search(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.lib.begin() as session:
        hits = search.search(session, args.query, limit=args.limit)
    results = [Found(hit.score, item) for hit in hits
               if (item := _resolve(ctx.lib, hit)) is not None]
    ctx.emit([_json(ctx.lib, found) for found in results], _lines(ctx.lib, results))
    return 0
