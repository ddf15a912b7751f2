"""The managed files of a library: content-addressed by SHA-256, written atomically.

A stored copy lives at ``files/ab/abcdef…`` (the first two hex digits fan the folder
out). Writing goes through a temporary file in the same folder, ``fsync`` and
``os.replace``, so a crash leaves either the whole file or nothing under its name.
Identical content is stored once.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from ..errors import StorageError

CHUNK = 1 << 20


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(CHUNK):
                digest.update(chunk)
    except OSError as exc:
        raise StorageError(f"cannot read {path}: {exc.strerror or exc}") from exc
    return digest.hexdigest()


def stored_path(files_dir: Path, sha256: str) -> Path:
    return files_dir / sha256[:2] / sha256


def store(files_dir: Path, source: Path) -> tuple[str, int]:
    """Copy ``source`` into the store; returns its SHA-256 and size. Idempotent."""
    digest = hashlib.sha256()
    target_dir = files_dir / "tmp"
    try:
        target_dir.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(dir=target_dir, prefix="incoming-")
    except OSError as exc:
        raise StorageError(f"cannot write in {files_dir}: {exc.strerror or exc}") from exc
    tmp = Path(tmp_name)
    size = 0
    try:
        with os.fdopen(fd, "wb") as out, source.open("rb") as src:
            while chunk := src.read(CHUNK):
                digest.update(chunk)
                out.write(chunk)
                size += len(chunk)
            out.flush()
            os.fsync(out.fileno())
        sha = digest.hexdigest()
        final = stored_path(files_dir, sha)
        if final.exists():
            tmp.unlink()
        else:
            final.parent.mkdir(exist_ok=True)
            os.replace(tmp, final)
            _fsync_dir(final.parent)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise StorageError(f"cannot store {source.name}: {exc.strerror or exc}") from exc
    return sha, size


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


TRASH = "trash"


def to_trash(files_dir: Path, sha256: str) -> None:
    """Move a stored file no attachment uses any more aside, so that undo can bring it
    back; the trash is emptied when the library is next opened."""
    source = stored_path(files_dir, sha256)
    if source.is_file():
        (files_dir / TRASH).mkdir(exist_ok=True)
        os.replace(source, files_dir / TRASH / sha256)


def from_trash(files_dir: Path, sha256: str) -> None:
    """Bring a stored file back from the trash (undo of a delete)."""
    source = files_dir / TRASH / sha256
    if source.is_file():
        target = stored_path(files_dir, sha256)
        target.parent.mkdir(exist_ok=True)
        os.replace(source, target)


def empty_trash(files_dir: Path) -> None:
    trash = files_dir / TRASH
    if trash.is_dir():
        for path in trash.iterdir():
            path.unlink(missing_ok=True)


def iter_stored(files_dir: Path) -> Iterator[tuple[str, Path]]:
    """Every stored file as (name, path); names that are not hashes are listed too."""
    if not files_dir.is_dir():
        return
    for sub in sorted(files_dir.iterdir()):
        if not sub.is_dir() or sub.name in ("tmp", TRASH):
            continue
        for path in sorted(sub.iterdir()):
            yield path.name, path
