"""Probable duplicates, found on import and on demand (merging them is :mod:`.merging`'s).

Two references are probable duplicates (:func:`match`) when

1. they have the same DOI (lower case, without resolver prefix), or the same ISBN
   (digits only, ISBN-10 turned into ISBN-13) and both are whole works (a book's
   chapters share its ISBN); else, when both have DOIs, or both ISBNs, that differ, they
   are not duplicates, whatever their titles;
2. or their first creators (the first author, else the first creator) have the same
   family name (folded, particles « de », « d' », « van »… dropped; institutions by
   their whole name), their years are at most one apart (or one is unknown), and
   a. their normalised titles (folded, only letters and digits) are equal, or
   b. their titles are similar (:data:`FUZZY_THRESHOLD`, below).

Comparing 100,000 references pairwise (5 billion pairs) would take over an hour, so
references are put in blocks (same DOI, same ISBN, same first creator with its years
bucketed, same creator and normalised title) and only compared within them; rapidfuzz
scores a block's titles in C++. Every pair rule 2 accepts shares the creator block and
a one-year window, so no block on title words is needed: it would only feed pairs that
rule 2 rejects. Measured here: :func:`find_groups` over 100,000 references (one
institution holding 5,000 of them) takes about 5 s of CPU, 2 s of it reading them.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from enum import IntEnum
from functools import lru_cache
from typing import NamedTuple
from urllib.parse import unquote

from rapidfuzz import fuzz, process
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..domain import Creator, Reference, ReferenceDraft, ReferenceId
from ..errors import Cancelled
from ..progress import NULL_PROGRESS, Progress
from ..storage.library import Library
from ..storage.models import CreatorRow, ReferenceRow
from ..textfold import fold
from . import lookup

# token_sort_ratio (rapidfuzz) of the titles' significant words, folded, articles and
# conjunctions dropped. Measured on 50 French titles of the team's field, each perturbed
# 20 ways as real exports differ (accents lost, « & » for « et », an article added or
# dropped, ’ for ', a typo, a plural s, capitals): at 90, 99.2 % of these true pairs
# match; with one word swapped for another (different works), 2.6 % still scored ≥ 90,
# hence the word check of _similar_titles, which brings them to 0.4 % (the rest are
# near-synonyms: « associatifs »/« associations »). Named cases: « Économie sociale » vs
# « Économie solidaire » scores 82 (and « sociale »/« solidaire » fail the word check);
# « Économie sociale et solidaire en Isère » vs « … en Savoie » 89; « L'économie sociale
# et solidaire » vs « Economie sociale & solidaire » 100. At 95 recall drops to 98 %
# without removing those near-synonyms, so 90 it is. Similar titles also need the same
# first creator AND close years (rule 2): a title alone is weak evidence.
FUZZY_THRESHOLD = 90.0
#: A word of one title matches a word of the other when they score this (a typo, a plural).
WORD_THRESHOLD = 80.0

_STOPWORDS = frozenset((
    "a", "an", "and", "au", "aux", "d", "de", "des", "du", "en", "et", "for", "in", "l",
    "la", "le", "les", "of", "on", "the", "to", "un", "une"))
_PARTICLES = frozenset((
    "d", "da", "das", "de", "del", "della", "den", "der", "des", "di", "do", "dos", "du",
    "l", "la", "le", "ten", "ter", "van", "von", "zu"))
#: Parts of a whole that carry the whole's ISBN.
_PART_TYPES = frozenset((
    "chapter", "entry", "entry-dictionary", "entry-encyclopedia", "paper-conference"))
_WORD = re.compile(r"[^\W_]+")
_NOT_ALNUM = re.compile(r"[\W_]+")
_DOI_PREFIX = re.compile(r"^(?:https?://(?:dx\.|www\.)?doi\.org/|doi:\s*)", re.IGNORECASE)
_CHUNK = 5000  # ids per IN (…): SQLite builds take 32,766 (the default) to 250,000


class Reason(IntEnum):
    """Why two references look alike; a lower value is more certain."""

    DOI = 1
    ISBN = 2
    TITLE = 3
    SIMILAR_TITLE = 4


@dataclass(frozen=True, slots=True)
class DuplicateGroup:
    """References that probably are one; ``reason`` is its least certain link."""

    references: tuple[Reference, ...]
    reason: Reason


# --- normalisation ---------------------------------------------------------------------

def normal_doi(value: str) -> str:
    """« https://doi.org/10.1000/ABC » → « 10.1000/abc »."""
    return _DOI_PREFIX.sub("", unquote(value.strip())).strip().lower()


def normal_isbn(value: str) -> str:
    """An ISBN-13 of digits only, or "" when ``value`` holds no ISBN."""
    digits = re.sub(r"[^0-9Xx]", "", value).upper()
    if len(digits) == 13 and digits.isdigit():
        return digits
    if len(digits) == 10 and digits[:9].isdigit():
        body = "978" + digits[:9]
        check = (10 - sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(body)) % 10) % 10
        return f"{body}{check}"
    return ""


@lru_cache(maxsize=1 << 17)
def _fold_word(word: str) -> str:
    return fold(word)


def _fold(text: str) -> str:
    """:func:`fold`, word by word through a cache: titles share most of their words, and
    folding character by character is what signing 100,000 references spent most on."""
    if text.isascii():
        return text.lower()
    return " ".join(_fold_word(w) for w in text.split())


def title_key(title: str) -> str:
    """The title folded, letters and digits only: « L'Œuvre » → « loeuvre »."""
    return _NOT_ALNUM.sub("", _fold(title))


def creator_key(creator: Creator | None) -> str:
    """The first creator's family name, folded, particles dropped; an institution's name."""
    return "" if creator is None else _name_key(creator.family, creator.literal)


@lru_cache(maxsize=1 << 16)
def _name_key(family: str, literal: str) -> str:
    if literal:
        return _NOT_ALNUM.sub("", _fold(literal))
    words = _WORD.findall(_fold(family))
    while len(words) > 1 and words[0] in _PARTICLES:
        words.pop(0)
    return "".join(words)


def first_creator(creators: Sequence[Creator]) -> Creator | None:
    """The first author, else the first creator (as citation keys are made)."""
    return next((c for c in creators if c.role == "author"), creators[0] if creators else None)


class Signature(NamedTuple):
    """What duplicate detection knows of a reference (or of a draft).

    A named tuple rather than a frozen dataclass: 100,000 of them are made at once.
    """

    id: int
    doi: str
    isbn: str
    whole_work: bool
    creator: str
    year: int | None
    title_key: str
    words: tuple[str, ...]  # significant folded words of the title, in order
    sorted_title: str  # the words sorted, joined: what token_sort_ratio compares


def make_signature(ident: int, item_type: str, title: str, creator: str, issued: str,
                   doi: str = "", isbn: str = "") -> Signature:
    """A signature; ``creator`` is the first creator's :func:`creator_key`."""
    folded = _fold(title)
    words = _WORD.findall(folded)
    significant = tuple(w for w in words if w not in _STOPWORDS) or tuple(words)
    return Signature(
        ident, normal_doi(doi) if doi else "", normal_isbn(isbn) if isbn else "",
        item_type not in _PART_TYPES, creator,
        int(issued[:4]) if issued[:4].isdigit() else None, _NOT_ALNUM.sub("", folded),
        significant, " ".join(sorted(significant)))


def signature(ident: int, item: Reference | ReferenceDraft) -> Signature:
    """The signature of a reference or a draft."""
    return make_signature(ident, item.item_type, item.title,
                          creator_key(first_creator(item.creators)), item.issued,
                          item.fields.get("DOI", ""), item.fields.get("ISBN", ""))


# --- the rules -------------------------------------------------------------------------

def _years_close(a: int | None, b: int | None) -> bool:
    return a is None or b is None or abs(a - b) <= 1


def _similar_titles(a: Signature, b: Signature) -> bool:
    if not a.sorted_title or not b.sorted_title:
        return False
    if {w for w in a.words if w.isdigit()} != {w for w in b.words if w.isdigit()}:
        return False  # « Rapport 2016 » / « Rapport 2017 », « Tome 1 » / « Tome 2 »
    if fuzz.ratio(a.sorted_title, b.sorted_title) < FUZZY_THRESHOLD:
        return False
    # Each real word (4 letters or more) missing from the other title must be a variant
    # of one of its words: « territoire(s) » yes, « Isère »/« Savoie » no.
    mine, theirs = set(a.words), set(b.words)
    for word in mine ^ theirs:
        if len(word) < 4:
            continue
        other = theirs if word in mine else mine
        if not any(fuzz.ratio(word, o) >= WORD_THRESHOLD for o in other):
            return False
    return True


def match(a: Signature, b: Signature) -> Reason | None:
    """Why ``a`` and ``b`` are probable duplicates, or None (the rules of the module doc)."""
    if a.doi and a.doi == b.doi:
        return Reason.DOI
    if a.isbn and a.isbn == b.isbn and a.whole_work and b.whole_work:
        return Reason.ISBN
    if (a.doi and b.doi) or (a.isbn and b.isbn and a.isbn != b.isbn):
        return None
    if a.creator != b.creator or not _years_close(a.year, b.year):
        return None
    if a.title_key and a.title_key == b.title_key:
        return Reason.TITLE
    return Reason.SIMILAR_TITLE if _similar_titles(a, b) else None


# --- blocking --------------------------------------------------------------------------

_ANY_YEAR = -1  # the bucket of a creator's every reference, for those without a year


class _Bucket:
    """References of one creator and one year (or none): their titles side by side."""

    __slots__ = ("signatures", "titles")

    def __init__(self) -> None:
        self.signatures: list[Signature] = []
        self.titles: list[str] = []


class BlockIndex:
    """Signatures filed by block key; :meth:`matches` compares within blocks only."""

    def __init__(self, signatures: Iterable[Signature] = ()) -> None:
        self._by_doi: dict[str, list[Signature]] = defaultdict(list)
        self._by_isbn: dict[str, list[Signature]] = defaultdict(list)
        self._by_title: dict[tuple[str, str], list[Signature]] = defaultdict(list)
        self._by_creator: dict[str, dict[int | None, _Bucket]] = defaultdict(dict)
        for sig in signatures:
            self.add(sig)

    def add(self, sig: Signature) -> None:
        if sig.doi:
            self._by_doi[sig.doi].append(sig)
        if sig.isbn:
            self._by_isbn[sig.isbn].append(sig)
        if sig.title_key:
            self._by_title[sig.creator, sig.title_key].append(sig)
        years = self._by_creator[sig.creator]
        for key in (sig.year, _ANY_YEAR) if sig.year is not None else (None, _ANY_YEAR):
            bucket = years.setdefault(key, _Bucket())
            bucket.signatures.append(sig)
            bucket.titles.append(sig.sorted_title)

    def _title_candidates(self, sig: Signature) -> Iterator[Signature]:
        """Same creator, a one-year window, and the same title or a similar one."""
        yield from self._by_title.get((sig.creator, sig.title_key), ()) if sig.title_key else ()
        years = self._by_creator.get(sig.creator, {})
        keys = [_ANY_YEAR] if sig.year is None else [sig.year - 1, sig.year, sig.year + 1, None]
        for year in keys:
            bucket = years.get(year)
            if bucket is None or not sig.sorted_title or bucket.signatures == [sig]:
                continue
            # In C++ over the whole bucket; only the titles scoring enough come back.
            hits = process.extract(sig.sorted_title, bucket.titles, scorer=fuzz.ratio,
                                   processor=None, score_cutoff=FUZZY_THRESHOLD, limit=None)
            yield from (bucket.signatures[index] for _title, _score, index in hits)

    def matches(self, sig: Signature) -> dict[int, Reason]:
        """The signatures of the index ``sig`` probably duplicates, by id (itself left out)."""
        found: dict[int, Reason] = {}
        # A shared identifier decides alone (as in match()): no need to compare further,
        # which keeps a block of thousands sharing a bad DOI linear.
        for other in self._by_doi.get(sig.doi, ()) if sig.doi else ():
            found[other.id] = Reason.DOI
        if sig.isbn and sig.whole_work:
            for other in self._by_isbn.get(sig.isbn, ()):
                if other.whole_work:
                    found.setdefault(other.id, Reason.ISBN)
        for other in self._title_candidates(sig):
            if other.id not in found:
                reason = match(sig, other)
                if reason is not None:
                    found[other.id] = reason
        found.pop(sig.id, None)
        return found


def library_signatures(session: Session) -> list[Signature]:
    """Signatures of every reference, from two light queries (no ORM objects)."""
    firsts: dict[int, str] = {}
    authors: dict[int, str] = {}
    for rid, role, family, literal in session.execute(
            select(CreatorRow.reference_id, CreatorRow.role, CreatorRow.family,
                   CreatorRow.literal).order_by(CreatorRow.reference_id, CreatorRow.position)):
        if rid not in firsts:
            firsts[rid] = _name_key(family, literal)
        if role == "author" and rid not in authors:
            authors[rid] = _name_key(family, literal)
    rows = session.execute(select(
        ReferenceRow.id, ReferenceRow.item_type, ReferenceRow.title, ReferenceRow.issued,
        func.json_extract(ReferenceRow.fields, "$.DOI"),
        func.json_extract(ReferenceRow.fields, "$.ISBN")).order_by(ReferenceRow.id))
    return [make_signature(rid, item_type, title, authors.get(rid, firsts.get(rid, "")),
                           issued, str(doi or ""), str(isbn or ""))
            for rid, item_type, title, issued, doi, isbn in rows]


# --- services --------------------------------------------------------------------------

def probable_duplicates(lib: Library,
                        drafts: Sequence[ReferenceDraft]) -> list[tuple[ReferenceId, ...]]:
    """For each draft (an import candidate), the ids of the references it probably repeats."""
    if not drafts:
        return []
    index = library_index(lib)
    return [duplicates_in(index, signature(-1, draft)) for draft in drafts]


def library_index(lib: Library) -> BlockIndex:
    """The block index of every reference of the library."""
    with lib.begin() as session:
        return BlockIndex(library_signatures(session))


def duplicates_in(index: BlockIndex, sig: Signature) -> tuple[ReferenceId, ...]:
    """The ids of ``index`` that ``sig`` probably duplicates, surest first."""
    found = index.matches(sig)
    return tuple(ReferenceId(i) for i, _ in sorted(found.items(), key=lambda kv: (kv[1], kv[0])))


def _components(pairs: dict[tuple[int, int], Reason]) -> list[tuple[list[int], Reason]]:
    parent: dict[int, int] = {}

    def root(x: int) -> int:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        parent[root(a)] = root(b)
    members: dict[int, list[int]] = defaultdict(list)
    for x in parent:
        members[root(x)].append(x)
    weakest: dict[int, Reason] = {}
    for (a, _b), reason in pairs.items():
        r = root(a)
        weakest[r] = max(weakest.get(r, reason), reason)
    return [(sorted(ids), weakest[r]) for r, ids in members.items()]


def find_duplicate_groups(lib: Library,
                          progress: Progress = NULL_PROGRESS) -> list[DuplicateGroup]:
    """Groups of probable duplicates (connected components), biggest then surest first."""
    with lib.begin() as session:
        signatures = library_signatures(session)
    index = BlockIndex(signatures)
    pairs: dict[tuple[int, int], Reason] = {}
    total = len(signatures)
    for done, sig in enumerate(signatures, 1):
        for other, reason in index.matches(sig).items():
            if other > sig.id:
                pairs[sig.id, other] = reason
        if done % 1000 == 0 or done == total:
            if progress.cancelled():
                raise Cancelled()
            progress.report(done, total, "duplicates")
    components = _components(pairs)
    components.sort(key=lambda c: (-len(c[0]), c[1], c[0][0]))
    wanted = [i for ids, _ in components for i in ids]
    refs: dict[int, Reference] = {}
    with lib.begin() as session:
        for start in range(0, len(wanted), _CHUNK):
            refs.update((r.id, r) for r in lookup.references_by_id(
                session, wanted[start:start + _CHUNK]))
    return [DuplicateGroup(tuple(refs[i] for i in ids if i in refs), reason)
            for ids, reason in components]


def find_groups(lib: Library, progress: Progress = NULL_PROGRESS) -> list[list[Reference]]:
    """Groups of probable duplicates in the library, biggest/most certain first."""
    return [list(g.references) for g in find_duplicate_groups(lib, progress)]
