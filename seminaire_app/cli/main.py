"""``seminaire [--library DIR] [--json] COMMAND …``: the parser and the dispatch.

Exit status: 0 on success; 1 when the core refuses (a user mistake or an environment
problem, reported on one ``seminaire: error: …`` line) or when ``check`` finds a
problem; 2 for a command line that does not parse.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from .. import __version__
from ..errors import SeminaireError
from ..storage.library import default_library_dir
from . import (
    attachments,
    cite,
    collections,
    dossier,
    editions,
    interchange,
    maintenance,
    notes,
    participants,
    programme,
    references,
    searching,
    tags,
    workshops,
)
from .context import Context, UsageError

COMMAND_MODULES = (maintenance, references, searching, tags, collections, attachments, notes,
                   editions, workshops, participants, programme, interchange, cite, dossier)
EXIT_ERROR, EXIT_USAGE, EXIT_INTERRUPTED = 1, 2, 130


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="seminaire",
        description="Séminaire: references, editions, workshops and participants "
                    "of a research seminar, from the command line.",
        epilog="REF is a citation key or a numeric id. The library is --library, else "
               "$SEMINAIRE_LIBRARY, else the user data folder.")
    parser.add_argument("--library", metavar="DIR", type=Path, default=None,
                        help="the library folder")
    parser.add_argument("--json", action="store_true", default=False,
                        help="print JSON (references as CSL-JSON)")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


def _use_utf8(stream: TextIO) -> None:
    """Write UTF-8 whatever the locale says (« Coopération » must survive LANG=C)."""
    if isinstance(stream, io.TextIOWrapper) and stream.encoding.lower() not in ("utf-8", "utf8"):
        stream.reconfigure(encoding="utf-8")


def _discard_stdout() -> None:
    """Point stdout at /dev/null so that flushing it at exit cannot fail again (Python docs,
    « Note on SIGPIPE »)."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def _exit_status(exc: SystemExit) -> int:
    if exc.code is None:
        return 0
    return exc.code if isinstance(exc.code, int) else EXIT_USAGE


def _error_message(error: SeminaireError) -> str:
    """The first line of the error: one line, as scripts expect (drivers append more)."""
    lines = [line for line in str(error).splitlines() if line.strip()]
    return lines[0] if lines else error.__class__.__name__


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; returns the exit status."""
    _use_utf8(sys.stdout)
    _use_utf8(sys.stderr)
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version and usage errors
        return _exit_status(exc)
    folder = (args.library or default_library_dir()).expanduser()
    ctx = Context(library_dir=folder, json=args.json, out=sys.stdout, err=sys.stderr)
    try:
        status: int = args.func(ctx, args)
    except UsageError as exc:
        ctx.err.write(f"seminaire: error: {exc}\n")
        return EXIT_USAGE
    except SeminaireError as exc:
        ctx.err.write(f"seminaire: error: {_error_message(exc)}\n")
        return EXIT_ERROR
    except KeyboardInterrupt:
        ctx.err.write("seminaire: interrupted\n")
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # `seminaire list | head`: the reader has gone, nothing to say
        _discard_stdout()
        return EXIT_ERROR
    finally:
        ctx.close()
    return status
