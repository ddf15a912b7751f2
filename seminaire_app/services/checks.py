"""`check`: is the library whole? Database integrity, managed files, the index."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select, text

from .. import search
from ..storage import files
from ..storage.library import Library
from ..storage.models import AttachmentRow
from .attachments import link_base


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong, said plainly; ``code`` is stable for clients."""

    # integrity, foreign-key, missing-file, corrupt-file, orphan-file, missing-link, index
    code: str
    message: str
    path: str = ""


def run(lib: Library) -> list[Problem]:
    """Every problem found; an empty list means the library is sound."""
    problems: list[Problem] = []
    with lib.begin() as session:
        for (result,) in session.execute(text("PRAGMA integrity_check")):
            if result != "ok":
                problems.append(Problem("integrity", f"database: {result}"))
        for table, rowid, parent, _fk in session.execute(text("PRAGMA foreign_key_check")):
            problems.append(Problem("foreign-key",
                                    f"{table} row {rowid} points to a missing {parent}"))
        try:
            session.execute(text(f"INSERT INTO {search.TABLE}({search.TABLE}) "
                                 "VALUES ('integrity-check')"))
        except Exception as exc:
            problems.append(Problem("index", f"the search index is damaged ({exc}); "
                                             "rebuild it with `seminaire reindex`"))
        rows = session.execute(select(AttachmentRow.id, AttachmentRow.filename,
                                      AttachmentRow.stored, AttachmentRow.sha256,
                                      AttachmentRow.link_path, AttachmentRow.link_relative)).all()
    base = link_base(lib)
    stored_hashes = set()
    for aid, filename, stored, sha, link_path, relative in rows:
        if stored:
            stored_hashes.add(sha)
            continue
        path = base / link_path if relative else Path(link_path)
        if not path.is_file():
            problems.append(Problem("missing-link",
                                    f"attachment {aid} « {filename} »: linked file is gone",
                                    str(path)))
    for sha in sorted(stored_hashes):
        path = files.stored_path(lib.files_dir, sha)
        names = [f for (_a, f, s, h, _l, _r) in rows if s and h == sha]
        if not path.is_file():
            problems.append(Problem("missing-file",
                                    f"stored file of « {names[0]} » is missing", str(path)))
        elif files.sha256_of(path) != sha:
            problems.append(Problem("corrupt-file",
                                    f"stored file of « {names[0]} » is damaged (its content "
                                    "changed)", str(path)))
    for name, path in files.iter_stored(lib.files_dir):
        if name not in stored_hashes:
            problems.append(Problem("orphan-file", "file in the library that no attachment "
                                                   "uses", str(path)))
    return problems
