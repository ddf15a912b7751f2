"""The bookmarks of an attached PDF, carried into the dossier under the attachment's own.

pypdf's ``PdfWriter.append`` can import an outline only at the top level of the
document, and gives up on the whole file when the outline is damaged. Here the outline
is read first, whole, into plain :class:`Bookmark` s (a damaged one is left out, never
the file), then written under the attachment's bookmark, each pointing at its page of
the merged document with the source's view (fit, position, zoom), colour and style.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pypdf import PdfReader, PdfWriter
from pypdf.constants import OutlineFontFlag
from pypdf.generic import Destination, Fit, IndirectObject

from ..pdflog import DAMAGED_PDF_ERRORS

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Bookmark:
    """A bookmark of an attached PDF; ``page`` is 0-based in that PDF, None when the
    bookmark goes nowhere in it (an action, a page that is not there)."""

    title: str
    page: int | None
    fit: Fit
    colour: tuple[float, float, float] | None = None
    bold: bool = False
    italic: bool = False
    is_open: bool = True
    children: tuple[Bookmark, ...] = ()


def _colour(item: Destination) -> tuple[float, float, float] | None:
    if "/C" not in item:
        return None
    values = [float(v) for v in item.color or ()]
    if len(values) != 3 or not all(0 <= v <= 1 for v in values):
        return None
    return values[0], values[1], values[2]


def _bookmark(reader: PdfReader, item: Destination) -> Bookmark:
    page = reader.get_destination_page_number(item)
    flags = OutlineFontFlag(int(item.get("/F", 0)) & 3)
    count = item.outline_count
    return Bookmark(
        title=str(item.title or ""),
        page=page if page is not None and page >= 0 else None,
        fit=Fit(str(item.typ), list(item.dest_array[2:])),
        colour=_colour(item),
        bold=OutlineFontFlag.bold in flags, italic=OutlineFontFlag.italic in flags,
        is_open=count is None or int(count) >= 0)


def _bookmarks(reader: PdfReader, items: Sequence[Any]) -> list[Bookmark]:
    """pypdf's outline (items, each possibly followed by the list of its children) as
    a tree."""
    out: list[Bookmark] = []
    for item in items:
        if isinstance(item, list):
            children = tuple(_bookmarks(reader, item))
            if out:
                last = out[-1]
                out[-1] = Bookmark(last.title, last.page, last.fit, last.colour, last.bold,
                                   last.italic, last.is_open, last.children + children)
            else:  # children without a parent: keep them one level up
                out.extend(children)
        elif isinstance(item, Destination):
            out.append(_bookmark(reader, item))
    return out


def read_outline(reader: PdfReader, name: str) -> tuple[Bookmark, ...]:
    """The outline of ``reader`` (the PDF ``name``); empty when it has none or cannot be
    read."""
    try:
        return tuple(_bookmarks(reader, reader.outline))
    except DAMAGED_PDF_ERRORS as exc:
        log.debug("leaving out the outline of %s: %s", name, exc)
        return ()


def add_outline(writer: PdfWriter, bookmarks: Sequence[Bookmark], first: int,
                parent: IndirectObject) -> None:
    """Write ``bookmarks`` under ``parent``, for a PDF whose first page is ``writer``'s
    page ``first`` (0-based)."""
    for mark in bookmarks:
        added = writer.add_outline_item(
            title=mark.title, page_number=None if mark.page is None else first + mark.page,
            parent=parent, color=mark.colour, bold=mark.bold, italic=mark.italic,
            fit=mark.fit, is_open=mark.is_open)
        add_outline(writer, mark.children, first, added)
