"""What every command receives, and the helpers that declare and read arguments.

A command is a function ``(Context, argparse.Namespace) -> exit status``. The context
opens the library on first use, so that ``init`` and ``demo`` never open one, and
prints either text lines or one JSON document.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TextIO, TypeAlias

from ..dates import parse_day
from ..errors import StorageError, ValidationError
from ..services.lookup import parse_workshop_ref
from ..storage.library import DATABASE_NAME, Library
from .output import jsonable

if TYPE_CHECKING:
    Subparsers: TypeAlias = argparse._SubParsersAction[argparse.ArgumentParser]
else:
    Subparsers = argparse._SubParsersAction


class UsageError(Exception):
    """The arguments contradict each other in a way argparse cannot see (exit status 2)."""


@dataclass
class Context:
    """The library folder, the output mode and streams of one command."""

    library_dir: Path
    json: bool
    out: TextIO
    err: TextIO
    _lib: Library | None = None

    @property
    def lib(self) -> Library:
        """The library, opened on first use; never created (that is ``init``'s job)."""
        if self._lib is None:
            if not (self.library_dir / DATABASE_NAME).is_file():
                raise StorageError(
                    f"no Séminaire library in {self.library_dir}; create one with "
                    f"`seminaire --library {self.library_dir} init`")
            self._lib = Library.open(self.library_dir, create=False)
        return self._lib

    def close(self) -> None:
        if self._lib is not None:
            self._lib.close()
            self._lib = None

    def emit(self, data: object, lines: Iterable[str]) -> None:
        """Print ``data`` as JSON with ``--json``, else the text ``lines``."""
        if self.json:
            self.out.write(json.dumps(jsonable(data), ensure_ascii=False, indent=2) + "\n")
        else:
            for line in lines:
                self.out.write(line + "\n")

    def warn(self, message: str) -> None:
        self.err.write(f"seminaire: warning: {message}\n")


Command = Callable[[Context, argparse.Namespace], int]


def _common_options() -> argparse.ArgumentParser:
    """``--json`` and ``--library`` again after the command: ``seminaire list --json``."""
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--json", action="store_true", default=argparse.SUPPRESS,
                        help="print JSON (references as CSL-JSON)")
    parser.add_argument("--library", metavar="DIR", type=Path, default=argparse.SUPPRESS,
                        help="the library folder")
    return parser


_COMMON = _common_options()


def add_command(sub: Subparsers, name: str, func: Command,
                summary: str) -> argparse.ArgumentParser:
    """Declare a command that runs ``func``."""
    parser = sub.add_parser(name, help=summary, description=summary, parents=[_COMMON])
    parser.set_defaults(func=func)
    return parser


def add_group(sub: Subparsers, name: str, summary: str) -> Subparsers:
    """Declare a command with actions of its own (``collection add``, ``collection list``…)."""
    parser = sub.add_parser(name, help=summary, description=summary, parents=[_COMMON])
    return parser.add_subparsers(dest=f"{name}_action", required=True, metavar="ACTION")


# --- argument types (argparse reports their errors as usage errors, exit status 2) ----

def name_value(text: str) -> tuple[str, str]:
    """``NAME=VALUE`` → (NAME, VALUE); the value may be empty."""
    name, sep, value = text.partition("=")
    if not sep or not name.strip():
        raise argparse.ArgumentTypeError(f"« {text} » is not NAME=VALUE")
    return name.strip(), value


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"« {text} » is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{value} is not 1 or more")
    return value


# --- values checked by the core (its errors exit with status 1) ------------------------

def workshop_arg(text: str) -> tuple[int, int]:
    """``2017/3`` → (2017, 3)."""
    return parse_workshop_ref(text)


def optional_day(text: str, field: str) -> date | None:
    """A day like 2017-11-23, or None for an empty value (clearing it)."""
    return parse_day(text, field) if text.strip() else None


def optional_count(text: str, field: str) -> int | None:
    """A whole number, or None for an empty value (clearing it)."""
    if not text.strip():
        return None
    try:
        return int(text)
    except ValueError:
        raise ValidationError(field, "« {text} » is not a whole number", text=text) from None


def read_text_file(path: Path) -> str:
    """The UTF-8 text of a file the user names (a note in Markdown)."""
    try:
        return path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ValidationError("file", "cannot read « {path} »: {reason}",
                              path=path, reason=exc.strerror or exc) from exc
    except UnicodeDecodeError as exc:
        raise ValidationError("file", "« {path} » is not UTF-8 text", path=path) from exc
