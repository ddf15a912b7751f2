"""What a note or an attachment belongs to, as users name it: a REF, a YEAR, a YEAR/N."""

from __future__ import annotations

import argparse

from ..domain import Owner
from ..services import editions, references, workshops
from ..storage.library import Library
from .context import workshop_arg


def add_owner_options(parser: argparse.ArgumentParser, with_ref: bool = True,
                      required: bool = True) -> None:
    """``--ref REF``, ``--edition YEAR`` or ``--workshop YEAR/N``: one of them."""
    group = parser.add_mutually_exclusive_group(required=required)
    if with_ref:
        group.add_argument("--ref", metavar="REF", help="a reference (citation key or id)")
    group.add_argument("--edition", type=int, metavar="YEAR", help="an edition")
    group.add_argument("--workshop", metavar="YEAR/N", help="a workshop, like 2017/3")


def owner_given(args: argparse.Namespace) -> bool:
    return any(getattr(args, name, None) is not None for name in ("ref", "edition", "workshop"))


def owner_from_args(lib: Library, args: argparse.Namespace, ref: str | None = None) -> Owner:
    """The owner named by the options, else the reference ``ref``."""
    if args.edition is not None:
        return Owner("edition", editions.get(lib, args.edition).id)
    if args.workshop is not None:
        year, number = workshop_arg(args.workshop)
        return Owner("workshop", workshops.get(lib, year, number).id)
    key = getattr(args, "ref", None) or ref
    if key is None:
        raise AssertionError("argparse requires an owner")
    return Owner("reference", references.get(lib, key).id)


def owner_label(lib: Library, owner: Owner) -> str:
    """« reference dupont2017 », « edition 2017 », « workshop 2017/3 »."""
    if owner.kind == "reference":
        found = references.fetch(lib, [owner.id])
        return f"reference {found[0].citation_key}" if found else f"reference #{owner.id}"
    if owner.kind == "workshop":
        workshop = workshops.get_by_id(lib, owner.id)
        return f"workshop {workshop.year}/{workshop.number}"
    years: dict[int, int] = {e.id: e.year for e in editions.list_editions(lib)}
    year = years.get(owner.id)
    return f"edition {year}" if year is not None else f"edition #{owner.id}"


def owner_json(lib: Library, owner: Owner) -> dict[str, object]:
    kind, _, name = owner_label(lib, owner).partition(" ")
    return {"kind": kind, "id": owner.id, "name": name}
