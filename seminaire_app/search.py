"""Full-text search over references, notes and attachment text (SQLite FTS5).

One FTS5 row per reference gathers its title, creators, container, abstract, tags,
notes and attachments' text; notes and attachments of editions and workshops get rows
of their own. The row id says what a row stands for (``id * 4 + kind``). The index is
derived data: :func:`rebuild` recreates it from the tables.

Users' queries are never passed to FTS5 as they are: :func:`build_match` turns them into
quoted terms, so that ``"a" OR (`` searches for « a » instead of failing.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal, cast

from sqlalchemy import Select, TextClause, literal_column, select, table, text
from sqlalchemy.orm import Session

from .domain import Creator
from .storage.library import driver_connection
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
    excluded: list[str] = []
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
        term = '"' + " ".join(pieces) + '"' + ("*" if prefix else "")
        (excluded if negate else parts).append(term)
    wanted = _tidy_operators(parts)
    if wanted is None:
        return None  # « -word » alone: FTS5 cannot search for « everything but »
    # Exclusions go last: FTS5's NOT needs something on its left.
    return " ".join([wanted, *(f"NOT {term}" for term in excluded)])


def _tidy_operators(parts: list[str]) -> str | None:
    """Drop operators with nothing to combine; FTS5 rejects a dangling OR or NOT."""
    out: list[str] = []
    for part in parts:
        if part in _OPERATORS and (not out or out[-1] in _OPERATORS):
            continue
        out.append(part)
    while out and out[-1] in _OPERATORS:
        out.pop()
    while out and out[0] in _OPERATORS:
        out.pop(0)
    return " ".join(out) or None


# --- ranking --------------------------------------------------------------------------
# bm25 costs 1–3 µs a matching row: ranking every match of « de* » or « économie » over
# 100,000 references takes 50–250 ms, while counting them takes 1–4 ms and ranking 2,000
# rows 3–6 ms. So search() counts first, and ranks everything only when that is cheap.

#: Queries with at most this many matches are ranked exactly, by bm25 over every match.
RANK_BOUND = 5000
#: Above RANK_BOUND, each ranking step ranks at most this many candidates.
CANDIDATE_BOUND = 2000
#: The columns whose hits tell most about a reference (the heaviest bm25 weights).
_STRONG_COLUMNS = "{title creators tags}"
# The parts of a build_match() expression: quoted phrases (a prefix has a * after the
# closing quote) and upper-case operators; phrases hold \w+ words only, never a quote.
_MATCH_PART = re.compile(r'"[^"]*"\*?|\S+')

_COUNT_SQL = text(f"SELECT count(*) FROM (SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH :q "
                  "LIMIT :cap)")
_RANKED_SQL = text(f"SELECT rowid, bm25({TABLE}, {_WEIGHTS}) AS score FROM {TABLE} "
                   f"WHERE {TABLE} MATCH :q ORDER BY score LIMIT :n")
# The newest :bound matches, best first. FTS5 walks its doclists by rowid, so the inner
# query stops after :bound rows and computes bm25 for those rows only.
_CANDIDATES_SQL = text(
    f"SELECT rowid, score FROM (SELECT rowid, bm25({TABLE}, {_WEIGHTS}) AS score "
    f"FROM {TABLE} WHERE {TABLE} MATCH :q ORDER BY rowid DESC LIMIT :bound) "
    "ORDER BY score LIMIT :n")


def search(session: Session, query: str, limit: int = 50) -> list[Hit]:
    """The best ``limit`` hits for ``query``, best first.

    A query with at most :data:`RANK_BOUND` matches — any query that says something —
    is ranked exactly: bm25 over every match. A query matching more (« co* »,
    « économie » in an ESS library) ranks bounded candidate sets instead:

    1. the newest :data:`CANDIDATE_BOUND` matches found in the titles, creators or tags,
       ranked by bm25 (of those columns): the hits a full ranking puts first, since
       those columns weigh most; all of them when they are fewer than the bound;
    2. only if that gives fewer than ``limit`` hits (words found in abstracts or
       attached text only), the best of the newest CANDIDATE_BOUND matches after them.

    The trade-off: for such unselective queries a reference can be missed among
    thousands of equally plausible ones (the newest are preferred), and an abstract
    or attachment hit comes after every title, creator or tag hit; scores compare
    within one call only. In exchange a search costs a count and one or two bounded
    rankings — under 30 ms on 100,000 references — instead of 50–250 ms.
    """
    match = build_match(query)
    if match is None:
        return []
    cap = max(RANK_BOUND, limit) + 1
    if session.execute(_COUNT_SQL, {"q": match, "cap": cap}).scalar_one() < cap:
        rows = _rows(session, _RANKED_SQL, {"q": match, "n": limit})
    else:
        bound = max(CANDIDATE_BOUND, limit)
        rows = _rows(session, _CANDIDATES_SQL,
                     {"q": _in_strong_columns(match), "bound": bound, "n": limit})
        if len(rows) < limit:
            seen = {rowid for rowid, _ in rows}
            more = _rows(session, _CANDIDATES_SQL,
                         {"q": match, "bound": bound, "n": limit + len(rows)})
            rows += [row for row in more if row[0] not in seen][:limit - len(rows)]
    return [Hit(_KIND_NAMES[rowid % 4], rowid // 4, score) for rowid, score in rows]


def _in_strong_columns(match: str) -> str:
    """``match`` with each of its terms required in the strong columns, but for the
    excluded ones (after NOT), still excluded from every column: a subset of its matches.
    """
    parts = _MATCH_PART.findall(match)
    return " ".join(
        part if part in _OPERATORS or before == "NOT" else f"{_STRONG_COLUMNS} : {part}"
        for before, part in zip(["", *parts], parts, strict=False))


def _rows(session: Session, sql: TextClause, params: dict[str, object]
          ) -> list[tuple[int, float]]:
    return [(int(rowid), float(score)) for rowid, score in session.execute(sql, params)]


_MATCHING_IDS_SQL = (f"SELECT json_group_array(rowid / 4) FROM {TABLE} "
                     f"WHERE {TABLE} MATCH ? AND rowid % 4 = 0")


def matching_reference_ids(session: Session, query: str) -> list[int]:
    """Ids of every reference matching ``query``, in no particular order (for filtering
    tables; unranked)."""
    match = build_match(query)
    if match is None:
        return []
    # Tables filter on every keystroke, with up to 64,000 matches in 100,000 references.
    # Row by row, the driver costs about 0.5 µs a row and lets go of the GIL at each
    # step, so the GUI thread slows it further; one JSON array, built by SQLite and
    # parsed by json's C code, takes a third of the time.
    (ids,) = driver_connection(session).execute(_MATCHING_IDS_SQL, (match,)).fetchone()
    return cast("list[int]", json.loads(ids))


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
_INSERT_MANY_SQL = (f"INSERT INTO {TABLE}(rowid, {', '.join(_COLUMNS)}) "
                    f"VALUES (?{', ?' * len(_COLUMNS)})")


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
    session.flush()  # the driver-level statements below do not autoflush
    conn = session.connection()
    if reference_ids is None:
        rows = conn.exec_driver_sql(_REFERENCE_SQL).fetchall()
    else:
        ids = list(reference_ids)
        if not ids:
            return 0
        placeholders = ", ".join(str(int(i)) for i in ids)
        rows = conn.exec_driver_sql(_REFERENCE_SQL + f" WHERE r.id IN ({placeholders})"
                                    ).fetchall()
        for gone in set(ids) - {row[0] for row in rows}:
            unindex_reference(session, gone)
    if not rows:  # an empty executemany would run once with no parameters
        return 0
    # Straight to the driver's executemany: at 100,000 rows SQLAlchemy's per-row
    # parameter handling costs as much as FTS5's own work.
    values = [(rid * 4 + KIND_REFERENCE, *(fold(col or "") for col in cols))
              for rid, *cols in rows]
    if not fresh:
        conn.exec_driver_sql(f"DELETE FROM {TABLE} WHERE rowid = ?", [v[:1] for v in values])
    conn.exec_driver_sql(_INSERT_MANY_SQL, values)
    return len(rows)


def creators_text(creators: Iterable[Creator]) -> str:
    """The creators column of a reference, as :data:`_REFERENCE_SQL` composes it."""
    return " ; ".join(" ".join((c.non_dropping_particle, c.family, c.given, c.literal))
                      .strip(" ") for c in creators)


def index_new_references(session: Session,
                         rows: Iterable[tuple[int, str, str, str, str, str]]) -> int:
    """Index references just inserted, from their values: ``(id, title, creators, container,
    abstract, tags)`` with creators as :func:`creators_text` gives them and tags joined by
    ``" ; "`` in tag id order — what :func:`index_references` would read back from the
    tables, without reading it (they have no notes or attachments yet). A test checks
    that both give the same index.
    """
    values = [(rid * 4 + KIND_REFERENCE, fold(title), fold(creators),
               fold(container), fold(abstract), fold(tags), "", "")
              for rid, title, creators, container, abstract, tags in rows]
    if values:
        session.connection().exec_driver_sql(_INSERT_MANY_SQL, values)
    return len(values)


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
