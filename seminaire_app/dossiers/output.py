"""Writing dossiers atomically: a reader of the output never sees half a PDF, and a
cancelled or failed build leaves no file behind (nor a previous version damaged)."""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from ..errors import StorageError


def _reason(exc: OSError, temp: Path) -> str:
    """Why ``exc`` happened, without naming ``temp``: the user never chose that name."""
    if str(temp) in (str(exc.filename), str(exc.filename2)):
        return exc.strerror or type(exc).__name__
    return str(exc)


@contextlib.contextmanager
def temporary_path(path: Path) -> Iterator[Path]:
    """A temporary file next to ``path`` (same file system, so that renaming it over
    ``path`` is atomic), moved to ``path`` when the block succeeds, removed otherwise."""
    folder = path.parent
    temp = folder / f".{path.stem[:40]}.{secrets.token_hex(4)}.part"
    try:
        # Not mkstemp: its files are private (0600), the PDF should have the usual rights.
        os.close(os.open(temp, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666))
    except (FileNotFoundError, NotADirectoryError) as exc:
        raise StorageError(f"folder {folder} does not exist") from exc
    except OSError as exc:
        raise StorageError(f"cannot write in {folder}: {_reason(exc, temp)}") from exc
    try:
        yield temp
        os.replace(temp, path)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        raise StorageError(f"cannot write {path}: {_reason(exc, temp)}") from exc
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


@contextlib.contextmanager
def atomic_file(path: Path) -> Iterator[BinaryIO]:
    """A binary file to write ``path`` through (see :func:`temporary_path`), flushed to
    disk before it takes ``path``'s place."""
    with temporary_path(path) as temp:
        try:
            handle = temp.open("wb")
        except OSError as exc:
            raise StorageError(f"cannot write {path}: {_reason(exc, temp)}") from exc
        with handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
