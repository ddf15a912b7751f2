"""Full-text search over references, notes and attachment text (SQLite FTS5).

One FTS5 row per reference gathers its title, creators, container, abstract, tags,
notes and attachments' text; notes and attachments of editions and workshops get rows
of their own. The row id says what a row stands for (``id * 4 + kind``). The index is
derived data: :func:`rebuild` recreates it from the tables.

Users' queries are never passed to FTS5 as they are: :func:`build_match` turns them into
quoted terms, so that ``"a" OR (`` searches for « a » instead of failing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import Select, literal_column, select, table, text
from sqlalchemy.orm import Session

from .textfold import fold

TABLE = "search_index"
CREATE_SQL = (
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5("
    "title, creators, container, abstract, tags, notes, fulltext, "
    "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')"
)
# bm25 weights, in column order: a hit in a title matters more than one in a PDF.
_WEIGHTS = "10.0, 5.0, 3.0, 2.0, 4.0, 1.0, 0.5"

KIND_REFERENCE, KIND_NOTE, KIND_ATTACHMENT = 0, 1, 2
HitKind = Literal["reference", "note", "attachment"]
_KIND_NAMES: dict[int, HitKind] = {
    KIND_REFERENCE: "reference", KIND_NOTE: "note", KIND_ATTACHMENT: "attachment"}

_TOKEN = re.compile(r'"([^"]*)"?|(\S+)')
_WORD = re.compile(r"\w+")
_OPERATORS = {"OR", "AND", "NOT"}


@dataclass(frozen=True, slots=True)
class Hit:
    """One search result: a reference, or a note or attachment of an edition/workshop."""

    kind: HitKind
    id: int
    score: float


def build_match(query: str) -> str | None:
    """An FTS5 MATCH expression for what a user typed, or None when nothing is searchable.

    Words are ANDed; ``"…"`` is a phrase; a trailing ``*`` searches a prefix; ``OR`` and
    ``NOT`` (upper case) combine terms and ``-word`` excludes one. Every term goes to FTS5
    quoted, so no user text is ever read as FTS5 syntax.
    """
    parts: list[str] = []
    for match in _TOKEN.finditer(query):
        phrase, word = match.groups()
        if word is not None and word in _OPERATORS:
            parts.append(word)
            continue
        negate = False
        raw = phrase if phrase is not None else word
        if phrase is None and raw.startswith("-") and len(raw) > 1:
            negate, raw = True, raw[1:]
        prefix = phrase is None and raw.endswith("*")
        pieces = _WORD.findall(fold(raw))
        if not pieces:
            continue
        if negate:
            parts.append("NOT")
        parts.append('"' + " ".join(pieces) + '"' + ("*" if prefix else ""))
    return _tidy_operators(parts)


def _tidy_operators(parts: list[str]) -> str | None:
    """Drop operators with nothing to combine; FTS5 rejects a dangling OR or NOT."""
    out: list[str] = []
    for part in parts:
        if part in _OPERATORS and (not out or out[-1] in _OPERATORS):
            if part == "NOT" and out and out[-1] != "NOT":
                out[-1] = "NOT"  # "a OR -b": keep the exclusion
            continue
        out.append(part)
    while out and out[-1] in _OPERATORS:
        out.pop()
    while out and out[0] in _OPERATORS:
        out.pop(0)
    return " ".join(out) or None


def search(session: Session, query: str, limit: int = 50) -> list[Hit]:
    """The best ``limit`` hits for ``query``, best first."""
    match = build_match(query)
    if match is None:
        return []
    rows = session.execute(
        text(f"SELECT rowid, bm25({TABLE}, {_WEIGHTS}) AS score FROM {TABLE} "
             f"WHERE {TABLE} MATCH :q ORDER BY score LIMIT :n"),
        {"q": match, "n": limit})
    return [Hit(_KIND_NAMES[rowid % 4], rowid // 4, score) for rowid, score in rows]


def matching_reference_ids(session: Session, query: str) -> set[int]:
    """Ids of every reference matching ``query`` (for filtering tables; unranked)."""
    match = build_match(query)
    if match is None:
        return set()
    rows = session.execute(
        text(f"SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH :q AND rowid % 4 = 0"),
        {"q": match})
    return {rowid // 4 for (rowid,) in rows}


def reference_ids_select(match: str) -> Select[tuple[int]]:
    """A sub-select of the ids of references matching an expression of build_match."""
    return (select(literal_column("rowid / 4", type_=None))
            .select_from(table(TABLE))
            .where(text(f"{TABLE} MATCH :fts_query").bindparams(fts_query=match))
            .where(text("rowid % 4 = 0")))


# --- indexing -------------------------------------------------------------------------

_COLUMNS = ("title", "creators", "container", "abstract", "tags", "notes", "fulltext")
_INSERT_SQL = text(f"INSERT INTO {TABLE}(rowid, {', '.join(_COLUMNS)}) "
                   f"VALUES (:rowid, {', '.join(':' + n for n in _COLUMNS)})")


def _put(session: Session, rowid: int, **columns: str) -> None:
    session.execute(text(f"DELETE FROM {TABLE} WHERE rowid = :r"), {"r": rowid})
    if any(columns.values()):
        session.execute(_INSERT_SQL, _row(rowid, columns))


def _row(rowid: int, columns: dict[str, str]) -> dict[str, object]:
    return {"rowid": rowid, **{name: fold(columns.get(name) or "") for name in _COLUMNS}}


_REFERENCE_SQL = """
SELECT r.id, r.title,
  (SELECT group_concat(trim(c.non_dropping_particle || ' ' || c.family || ' ' || c.given
           || ' ' || c.literal), ' ; ') FROM creator c WHERE c.reference_id = r.id),
  r.container_title, COALESCE(json_extract(r.fields, '$.abstract'), ''),
  (SELECT group_concat(t.name, ' ; ') FROM reference_tag rt JOIN tag t ON t.id = rt.tag_id
     WHERE rt.reference_id = r.id),
  (SELECT group_concat(n.title || ' ' || n.body, ' ') FROM note n WHERE n.reference_id = r.id),
  (SELECT group_concat(a.filename || ' ' || a.text, ' ') FROM attachment a
     WHERE a.reference_id = r.id)
FROM reference r
"""


def index_references(session: Session, reference_ids: Iterable[int] | None = None,
                     fresh: bool = False) -> int:
    """(Re)index the given references, or all of them; returns how many were indexed.

    ``fresh`` says the references were never indexed: their rows go in in one batch.
    """
    if reference_ids is None:
        rows = session.execute(text(_REFERENCE_SQL)).all()
    else:
        ids = list(reference_ids)
        if not ids:
            return 0
        placeholders = ", ".join(str(int(i)) for i in ids)
        rows = session.execute(text(_REFERENCE_SQL + f" WHERE r.id IN ({placeholders})")).all()
        for gone in set(ids) - {row[0] for row in rows}:
            unindex_reference(session, gone)
    values = [_row(rid * 4 + KIND_REFERENCE, dict(zip(_COLUMNS, cols, strict=True)))
              for rid, *cols in rows]
    if not values:  # an empty executemany would run once with no parameters
        return 0
    if not fresh:
        session.execute(text(f"DELETE FROM {TABLE} WHERE rowid = :rowid"), values)
    session.execute(_INSERT_SQL, values)
    return len(rows)


def unindex_reference(session: Session, reference_id: int) -> None:
    session.execute(text(f"DELETE FROM {TABLE} WHERE rowid = :r"),
                    {"r": reference_id * 4 + KIND_REFERENCE})


def index_note(session: Session, note_id: int, title: str, body: str) -> None:
    """Index a note of an edition or a workshop (reference notes live in their reference)."""
    _put(session, note_id * 4 + KIND_NOTE, title=title, notes=body)


def unindex_note(session: Session, note_id: int) -> None:
    session.execute(text(f"DELETE FROM {TABLE} WHERE rowid = :r"),
                    {"r": note_id * 4 + KIND_NOTE})


def index_attachment(session: Session, attachment_id: int, filename: str, body: str) -> None:
    """Index an attachment of an edition or a workshop."""
    _put(session, attachment_id * 4 + KIND_ATTACHMENT, title=filename, fulltext=body)


def unindex_attachment(session: Session, attachment_id: int) -> None:
    session.execute(text(f"DELETE FROM {TABLE} WHERE rowid = :r"),
                    {"r": attachment_id * 4 + KIND_ATTACHMENT})


def rebuild(session: Session) -> int:
    """Recreate the whole index from the tables; returns the number of rows indexed."""
    session.execute(text(f"DROP TABLE IF EXISTS {TABLE}"))
    session.execute(text(CREATE_SQL))
    count = index_references(session, fresh=True)
    for nid, title, body in session.execute(text(
            "SELECT id, title, body FROM note WHERE reference_id IS NULL")):
        index_note(session, nid, title, body)
        count += 1
    for aid, filename, body in session.execute(text(
            "SELECT id, filename, text FROM attachment WHERE reference_id IS NULL")):
        index_attachment(session, aid, filename, body)
        count += 1
    return count


def drop_orphans(session: Session) -> None:
    """Remove index rows whose reference, note or attachment is gone (after cascades)."""
    for kind, table_name in ((KIND_REFERENCE, "reference"), (KIND_NOTE, "note"),
                             (KIND_ATTACHMENT, "attachment")):
        session.execute(text(
            f"DELETE FROM {TABLE} WHERE rowid IN (SELECT rowid FROM {TABLE} "
            f"WHERE rowid % 4 = {kind} AND rowid / 4 NOT IN (SELECT id FROM {table_name}))"))
