"""``init``, ``demo``, ``check`` and ``reindex``: the library as a whole."""

from __future__ import annotations

import argparse
import shlex
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .. import search
from ..services import checks, editions, references, workshops
from ..storage.library import DATABASE_NAME, Library
from .context import Context, Subparsers, add_command


def register(sub: Subparsers) -> None:
    add_command(sub, "init", cmd_init, "create an empty library (in --library's folder)")
    parser = add_command(sub, "demo", cmd_demo,
                         "create a demo library: the 2017 edition of the ESEAC seminar")
    parser.add_argument("folder", type=Path, metavar="DIR", nargs="?",
                        help="a new folder for it (default: --library's folder, which must "
                             "not hold a library yet)")
    add_command(sub, "check", cmd_check,
                "check the database, the stored files and the search index")
    add_command(sub, "reindex", cmd_reindex, "rebuild the full-text search index")


def cmd_init(ctx: Context, args: argparse.Namespace) -> int:
    existed = (ctx.library_dir / DATABASE_NAME).is_file()
    with Library.open(ctx.library_dir, create=True) as lib:
        folder = lib.folder
    message = "library already there" if existed else "created an empty library"
    ctx.emit({"library": folder, "created": not existed}, [f"{message} in {folder}"])
    return 0


@dataclass(frozen=True, slots=True)
class EditionSummary:
    year: int
    title: str
    workshops: int


@dataclass(frozen=True, slots=True)
class LibrarySummary:
    library: Path
    references: int
    editions: list[EditionSummary]

    def lines(self) -> Iterator[str]:
        yield f"demo library created in {self.library}"
        yield f"  {self.references} references"
        for edition in self.editions:
            yield f"  edition {edition.year}: {edition.workshops} workshops"
        if self.editions:
            # Quoted for the shell: a folder may hold spaces (« Démo 2017 »).
            yield (f"try: seminaire --library {shlex.quote(str(self.library))} "
                   f"edition show {self.editions[0].year}")


def summarize(lib: Library) -> LibrarySummary:
    return LibrarySummary(
        lib.folder, len(references.list_ids(lib)),
        [EditionSummary(e.year, e.title, len(workshops.list_workshops(lib, e.year)))
         for e in editions.list_editions(lib)])


def cmd_demo(ctx: Context, args: argparse.Namespace) -> int:
    from ..demo import create_demo

    with create_demo(args.folder or ctx.library_dir) as lib:
        summary = summarize(lib)
    ctx.emit(summary, summary.lines())
    return 0


def cmd_check(ctx: Context, args: argparse.Namespace) -> int:
    problems = checks.run(ctx.lib)
    lines = [f"{p.code}: {p.message}" + (f" ({p.path})" if p.path else "") for p in problems]
    ctx.emit({"ok": not problems, "problems": problems}, lines or ["OK: no problem found"])
    return 1 if problems else 0


def cmd_reindex(ctx: Context, args: argparse.Namespace) -> int:
    with ctx.lib.begin() as session:
        count = search.rebuild(session)
    ctx.emit({"indexed": count}, [f"search index rebuilt: {count} entries"])
    return 0
