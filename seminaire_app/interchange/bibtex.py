"""BibTeX and BibLaTeX files: :func:`parse` reads them into drafts, :func:`write` writes them.

Reading
=======
A splitter of our own rather than bibtexparser's ``parse_string`` + ``failed_blocks``.
Measured on the 10,000-entry file of ``bench/import_bench.py`` (CPU time, busy 2-core
machine): bibtexparser's splitter alone takes 1.1–1.8 s, its bare ``parse_string``
1.9–2.2 s, and still leaves all LaTeX, names, macros of later use, crossref and dates to
do; this splitter takes 0.4 s and the whole of :func:`parse` (decoding, names, validation)
about as long as bare bibtexparser. Its failed blocks also carry no reason we could show.

An entry is found by its ``@type{`` (or ``@type(``) and read field by field with anchored
regular expressions (one per field in the common case); it may not run past the next line
that starts with ``@type{`` (after spaces, if any). So a missing closing brace, a
missing comma or a bad value makes that one entry an :class:`EntryError` at the line of
its ``@``, and reading resumes at that next entry. LaTeX is decoded by :mod:`.latex`
(one pass over all the values of an entry, a table lookup per command): no pylatexenc.

Choices a user may meet:

- Braces are counted as BibTeX counts them (``\\{`` included). A value may not contain a
  line starting with ``@word{``: it is taken as the next entry (a missing brace).
- ``@string`` macros are expanded in file order, ``#`` concatenates, jan…dec are
  predefined; an undefined macro is kept as its name, with a warning. ``@comment``,
  ``@preamble`` and lines starting with ``%`` outside entries are skipped.
- ``crossref``: the child takes the parent's missing fields (the parent's ``title`` as
  ``booktitle``, its ``author`` as ``bookauthor`` for chapters and papers), except
  identifiers, ``file``, ``keywords``, ``abstract``, ``note``, ``pages``.
- Names: split on ``and`` at brace depth 0; ``von Last, Jr, First``, ``von Last, First``
  and ``First von Last`` as BibTeX reads them, with Séminaire's particle rules
  (:mod:`seminaire_app.names`: « d'Ormesson » has the particle « d' »); a word wholly in
  braces is never a particle; a name wholly in braces is an institution (``literal``).
  ``and others`` is kept, not dropped: the custom field ``et-al`` lists the roles that
  had it (« author »), and the writer turns it back into ``and others``.
- When two fields give one CSL variable (``journal`` and ``journaltitle``), the first
  wins and the other is kept as a custom field; ``publisher`` wins over ``institution``,
  ``school`` and ``organization``, which are the publisher when it is missing.
- A value Séminaire cannot take costs the value, never the entry, and is not lost: a year
  like ``20xx``, a bad month or day, an unreadable ``date``, an ISBN or URL that
  :func:`~seminaire_app.services.references.validate` refuses go, as typed, to a custom
  field of their BibTeX name, with a warning (« in press » becomes the CSL ``status``;
  « www.x.org » gets its ``http://``; of several ISBNs the first is the ISBN). An entry
  is an error only when it is broken as BibTeX, has no title, or has an unreadable name.
- A citation key that :func:`~seminaire_app.citekeys.validate_key` refuses is dropped
  (one is generated on import), with a warning; a key used twice is kept, with a
  warning (the import makes keys unique).
- ``file`` (JabRef ``desc:path:type`` with its ``\\:`` escapes, Zotero's
  ``Full Text:files/1/a.pdf:application/pdf``, Mendeley's ``$\\backslash$``;
  ``;``-separated) gives :attr:`ParsedEntry.files`: the files that exist, relative paths
  taken from ``base_dir`` (without it, only absolute paths); the others are named in a
  warning.
- Single-line values have their spaces collapsed (``~`` stays a no-break space);
  ``abstract``, ``note`` and ``annote`` keep their line breaks. Unknown LaTeX commands
  lose their name, keep their argument, and are listed in one warning.

Writing
=======
UTF-8 (BibTeX 0.99 reads 8-bit input, biber, pandoc and bibutils read UTF-8); the
escaping of :func:`.latex.to_latex`; the words of titles holding a capital after their
first letter in braces (``{PHARE}``), which the reader drops again; names as
``Family, Given`` (``de Gaulle, Charles``, ``d'Ormesson, Jean``, ``Tocqueville, Alexis
de``, ``Bouchard, Jr, Marie``) with braces where the reader would otherwise split them
differently (``{van Gogh}, Vincent``); institutions in braces (``{{Le Rameau}}``); tags
in ``keywords``; ``year`` and ``month`` (a macro), plus BibLaTeX ``date`` when the day
is known. Types and fields are the inverse of the reading maps, with the types bibutils
knows; a CSL type without one goes out as ``@misc`` with ``entrysubtype = {csl-type}``
(``magazine``/``newspaper`` for articles), which the reader honours. A CSL variable
without a BibTeX field goes out under its CSL name, a custom field under its own name
(prefixed ``custom-`` when the reader would give that name another meaning).

``parse(write(refs))`` gives the drafts back (tests/core/test_bibtex.py checks it with
hypothesis), creators grouped by role (BibTeX keeps the order within a role only). Not
carried: particles that are not lower-case words (« De », « 't »), a dropping particle
without a given name, an en dash inside ``page`` (read as a hyphen), line breaks in
single-line fields, a custom field named like a BibTeX field the reader maps.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..citekeys import validate_key
from ..dates import parse_partial_date
from ..domain import (
    CREATOR_ROLES,
    DATE_VARIABLES,
    ITEM_TYPES,
    TEXT_VARIABLES,
    Creator,
    Reference,
    ReferenceDraft,
)
from ..errors import ValidationError
from ..services.references import validate
from . import EntryError, ParsedEntry, ParseResult
from .formats import is_isbn, isbn_tokens, lenient_url, looks_binary
from .latex import protect_capitals, to_latex, to_unicode

# --- the vocabulary --------------------------------------------------------------------

_TYPES_IN: dict[str, str] = {
    "article": "article-journal", "suppperiodical": "article-journal", "book": "book",
    "mvbook": "book", "proceedings": "book", "mvproceedings": "book", "collection": "book",
    "mvcollection": "book", "reference": "book", "mvreference": "book", "manual": "book",
    "inbook": "chapter", "incollection": "chapter", "bookinbook": "chapter",
    "suppbook": "chapter", "suppcollection": "chapter", "inproceedings": "paper-conference",
    "conference": "paper-conference", "inreference": "entry-encyclopedia",
    "techreport": "report", "report": "report", "phdthesis": "thesis",
    "mastersthesis": "thesis", "thesis": "thesis", "unpublished": "manuscript",
    "booklet": "pamphlet", "patent": "patent", "periodical": "periodical",
    "standard": "standard", "dataset": "dataset", "software": "software",
    "letter": "personal_communication", "movie": "motion_picture", "video": "motion_picture",
    "audio": "song", "music": "song", "artwork": "graphic", "image": "graphic",
    "performance": "performance", "legislation": "legislation", "legal": "legislation",
    "jurisdiction": "legal_case", "review": "review",
}
_WEB_TYPES = frozenset(("misc", "online", "electronic", "www"))  # webpage with a URL
_ARTICLES = frozenset(("article-journal", "article-magazine", "article-newspaper", "article"))
_CHAPTERS = frozenset(("chapter", "paper-conference", "entry-encyclopedia"))
_THESIS_GENRES = {"phdthesis": "PhD thesis", "mastersthesis": "Master's thesis"}
# Types the writer uses: those bibutils knows without a warning.
_TYPES_OUT: dict[str, str] = {
    "article-journal": "article", "article-magazine": "article",
    "article-newspaper": "article", "article": "article", "book": "book",
    "chapter": "incollection", "paper-conference": "inproceedings", "report": "techreport",
    "thesis": "phdthesis", "webpage": "online", "document": "misc",
    "manuscript": "unpublished", "pamphlet": "booklet", "patent": "patent",
    "periodical": "periodical", "standard": "standard",
}
_SUBTYPES = {"magazine": "article-magazine", "newspaper": "article-newspaper"}

_CSL_NAMES = {name.lower(): name for name in (*TEXT_VARIABLES, *DATE_VARIABLES)}
_FIELDS_IN: dict[str, str] = {
    **_CSL_NAMES,
    "journal": "container-title", "journaltitle": "container-title",
    "booktitle": "container-title", "address": "publisher-place",
    "location": "publisher-place", "institution": "publisher", "school": "publisher",
    "organization": "publisher", "pages": "page", "series": "collection-title",
    "annotation": "annote", "langid": "language", "type": "genre",
    "shorttitle": "title-short", "shortjournal": "container-title-short",
    "urldate": "accessed", "eventdate": "event-date", "origdate": "original-date",
    "eventtitle": "event-title", "venue": "event-place", "chapter": "chapter-number",
    "pagetotal": "number-of-pages", "volumes": "number-of-volumes", "eid": "number",
    "origtitle": "original-title", "origpublisher": "original-publisher",
    "origlocation": "original-publisher-place",
}
_FIELDS_OUT: dict[str, str] = {
    "publisher-place": "address", "page": "pages",
    "collection-title": "series", "genre": "type", "title-short": "shorttitle",
    "container-title-short": "shortjournal", "accessed": "urldate",
    "event-date": "eventdate", "original-date": "origdate", "event-title": "eventtitle",
    "event-place": "venue", "chapter-number": "chapter", "number-of-pages": "pagetotal",
    "number-of-volumes": "volumes", "original-title": "origtitle",
    "original-publisher": "origpublisher", "original-publisher-place": "origlocation",
}
_ROLES_IN = {**{r: r for r in CREATOR_ROLES}, "bookauthor": "container-author"}
_ROLES_OUT = {"container-author": "bookauthor"}
_MULTILINE = frozenset(("abstract", "note", "annote"))
_VERBATIM = frozenset(("url", "doi", "eprint"))
_TITLES = frozenset(("title", "title-short", "original-title", "volume-title", "part-title",
                     "reviewed-title"))
_NOT_INHERITED = frozenset((
    "crossref", "xref", "ids", "title", "subtitle", "titleaddon", "shorttitle", "author",
    "file", "keywords", "abstract", "doi", "url", "urldate", "note", "annote", "pages",
    "entrysubtype", "eprint", "isbn", "issn"))
_MONTHS_EN = ("january", "february", "march", "april", "may", "june", "july", "august",
              "september", "october", "november", "december")
_MONTHS_FR = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
              "septembre", "octobre", "novembre", "décembre")
_MONTH_NUMBERS: dict[str, int] = {
    "janv": 1, "févr": 2, "fevr": 2, "fév": 2, "fev": 2, "fevrier": 2, "avr": 4, "aout": 8,
    "juil": 7, "sept": 9, "déc": 12, "decembre": 12}
for _i, (_en, _fr) in enumerate(zip(_MONTHS_EN, _MONTHS_FR, strict=True), start=1):
    _MONTH_NUMBERS.update({_en: _i, _fr: _i, _en[:3]: _i, str(_i): _i, f"{_i:02d}": _i})
_MONTH_MACROS = {m[:3]: m.capitalize() for m in _MONTHS_EN}
_STATUS_YEARS = frozenset(("in press", "forthcoming", "submitted", "sous presse", "à paraître"))
ET_AL = "et-al"
#: The longest value ``#`` may build: @string macros that double at each step would
#: otherwise fill the memory from a small file.
MAX_VALUE = 200_000

# --- splitting the text into entries ------------------------------------------------------

_ENTRY = re.compile(r"@[ \t\n]*([A-Za-z][\w-]*)[ \t\n]*([{(])")
_LINE_START = re.compile(r"^[ \t]*@[ \t]*[A-Za-z][\w-]*[ \t]*[{(]", re.MULTILINE)
_KEY = re.compile(r"[ \t\n]*([^,\s{}()=]*)[ \t\n]*")
_NAME = re.compile(r"[ \t\n]*([A-Za-z_][^\s=,{}\"#%()]*)[ \t\n]*=[ \t\n]*")
_WS = re.compile(r"[ \t\n]*")
_SIMPLE_BRACED = re.compile(r"\{([^{}]*)\}")
# The common field: name = {value with groups one level deep}, "value", 2017 or macro,
# followed by the comma or the entry's end; anything else takes the general path.
_FAST_FIELD = re.compile(
    r'[ \t\n]*([A-Za-z_][^\s=,{}"#%()]*)[ \t\n]*=[ \t\n]*'
    r'(?:\{([^{}]*(?:\{[^{}]*\}[^{}]*)*)\}|"([^"{}\\]*)"|([0-9]+)'
    r'|([A-Za-z_][^\s,{}"#%()=]*))[ \t\n]*([,})]?)')
_SIMPLE_QUOTED = re.compile(r'"([^"{}\\]*)"')
_BRACES = re.compile(r"[{}]")
_QUOTED = re.compile(r'[{}"]')
_BARE = re.compile(r"[0-9]+|[A-Za-z_][^\s,{}\"#%()=]*")
_COMMA = re.compile(",")
_COMMENT_LINE = re.compile(r"[ \t]*%")


class _Broken(Exception):  # noqa: N818 - internal signal, never leaves this module
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(slots=True)
class _Raw:
    """One entry as written: its type, key, line and fields (raw LaTeX, macros expanded)."""

    type: str
    key: str
    line: int
    fields: dict[str, tuple[str, str]]  # lower-case name → (name as written, value)


@dataclass(slots=True)
class _Scan:
    text: str
    strings: dict[str, str] = field(default_factory=lambda: dict(_MONTH_MACROS))
    undefined: set[str] = field(default_factory=set)
    warnings: list[str] = field(default_factory=list)


def _closing(text: str, start: int, limit: int) -> int:
    """Index of the brace closing the one at ``start``."""
    depth = 0
    for m in _BRACES.finditer(text, start, limit):
        if m.group() == "{":
            depth += 1
        else:
            depth -= 1
            if depth == 0:
                return m.start()
    raise _Broken("a { is never closed (missing closing brace)")


def _quote_end(text: str, start: int, limit: int) -> int:
    depth = 0
    for m in _QUOTED.finditer(text, start + 1, limit):
        char = m.group()
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth < 0:
                raise _Broken('a "…" value holds an unbalanced }')
        elif depth == 0 and text[m.start() - 1] != "\\":
            return m.start()
    raise _Broken('a "…" value is never closed')


def _value(scan: _Scan, pos: int, limit: int, name: str) -> tuple[str, int]:
    """The value at ``pos`` (pieces joined by ``#``, macros expanded) and where it ends."""
    text, pieces = scan.text, []
    while True:
        pos = _WS.match(text, pos, limit).end()  # type: ignore[union-attr] # always matches
        char = text[pos] if pos < limit else ""
        if char == "{":
            m = _SIMPLE_BRACED.match(text, pos, limit)
            end = m.end() - 1 if m else _closing(text, pos, limit)
            pieces.append(text[pos + 1:end])
        elif char == '"':
            m = _SIMPLE_QUOTED.match(text, pos, limit)
            end = m.end() - 1 if m else _quote_end(text, pos, limit)
            pieces.append(text[pos + 1:end])
        else:
            m = _BARE.match(text, pos, limit)
            if not m:
                raise _Broken(f"field « {name} » has no value")
            end = m.end() - 1
            word = m.group()
            if word.isdigit():
                pieces.append(word)
            else:
                macro = scan.strings.get(word.lower())
                if macro is None:
                    scan.undefined.add(word)
                pieces.append(word if macro is None else macro)
        pos = _WS.match(text, end + 1, limit).end()  # type: ignore[union-attr]
        if pos < limit and text[pos] == "#":
            pos += 1
            if sum(map(len, pieces)) > MAX_VALUE:
                raise _Broken(f"field « {name} » is longer than {MAX_VALUE:,} characters "
                              "(@string macros that double at each step?)")
            continue
        return "".join(pieces), pos


def _fields(scan: _Scan, pos: int, limit: int, close: str,
            where: str) -> tuple[dict[str, tuple[str, str]], int]:
    text, strings = scan.text, scan.strings
    fields: dict[str, tuple[str, str]] = {}
    while True:
        fast = _FAST_FIELD.match(text, pos, limit)
        if fast is not None and fast.group(6) in (",", close):
            name, braced, quoted, number, macro, after = fast.groups()
            value = braced if braced is not None else quoted if quoted is not None else number
            if value is None:
                value = strings.get(macro.lower())
                if value is None:
                    scan.undefined.add(macro)
                    value = macro
            lower = name.lower()
            if lower in fields:
                scan.warnings.append(f"{where}: field « {name} » given twice; the first is kept")
            else:
                fields[lower] = (name, value)
            pos = fast.end()
            if after == close:
                return fields, pos
            continue
        pos = _WS.match(text, pos, limit).end()  # type: ignore[union-attr]
        if pos < limit and text[pos] == close:
            return fields, pos + 1
        m = _NAME.match(text, pos, limit)
        if not m:
            if pos >= limit:
                raise _Broken(f"missing closing {close} at the end of the entry")
            raise _Broken(f"expected a field name, found « {text[pos:pos + 12].strip()} »")
        name = m.group(1)
        value, pos = _value(scan, m.end(), limit, name)
        lower = name.lower()
        if lower in fields:
            scan.warnings.append(f"{where}: field « {name} » given twice; the first is kept")
        else:
            fields[lower] = (name, value)
        if pos < limit and text[pos] == ",":
            pos += 1
        elif not (pos < limit and text[pos] == close):
            if pos >= limit:
                raise _Broken(f"missing closing {close} at the end of the entry")
            raise _Broken(f"missing comma after field « {name} »")


def _skip_group(text: str, m: re.Match[str], limit: int) -> int:
    if m.group(2) == "{":
        return _closing(text, m.end() - 1, limit) + 1
    end = text.find(")", m.end(), limit)
    if end < 0:
        raise _Broken("missing closing )")
    return end + 1


def _read_entry(scan: _Scan, m: re.Match[str], limit: int, line: int) -> tuple[_Raw | None, int]:
    text, kind = scan.text, m.group(1).lower()
    close = "}" if m.group(2) == "{" else ")"
    if kind == "comment":
        try:
            return None, _skip_group(text, m, limit)
        except _Broken:
            return None, m.end()  # BibTeX ignores the word « comment » and reads on
    if kind == "preamble":
        return None, _skip_group(text, m, limit)
    if kind == "string":
        fields, end = _fields(scan, m.end(), limit, close, f"line {line}")
        scan.strings.update((k, v) for k, (_, v) in fields.items())
        return None, end
    key_match = _KEY.match(text, m.end(), limit)
    assert key_match is not None
    key, pos = key_match.group(1), key_match.end()
    following = text[pos] if pos < limit else ""
    if following == ",":
        pos += 1
    elif following == "=":
        key, pos = "", m.end()  # no key at all: read the fields, generate a key
    elif following != close:
        if not following:
            raise _Broken(f"missing closing {close} at the end of the entry")
        raise _Broken(f"missing comma after the citation key « {key} »")
    where = f"line {line} ({key})" if key else f"line {line}"
    fields, end = _fields(scan, pos, limit, close, where)
    return _Raw(kind, key, line, fields), end


def _split(scan: _Scan) -> tuple[list[_Raw], list[EntryError]]:
    text = scan.text
    starts = [m.end() - len(m.group().lstrip(" \t")) for m in _LINE_START.finditer(text)]
    raws: list[_Raw] = []
    errors: list[EntryError] = []
    pos, line, line_pos, line_start, next_start = 0, 1, 0, 0, 0
    while True:
        m = _ENTRY.search(text, pos)
        if m is None:
            break
        at = m.start()
        newlines = text.count("\n", line_pos, at)
        if newlines:
            line += newlines
            line_start = text.rfind("\n", line_pos, at) + 1
        line_pos = at
        if _COMMENT_LINE.match(text, line_start, at):
            pos = m.end()  # a commented-out entry
            continue
        while next_start < len(starts) and starts[next_start] <= at:
            next_start += 1
        limit = starts[next_start] if next_start < len(starts) else len(text)
        try:
            raw, pos = _read_entry(scan, m, limit, line)
        except _Broken as exc:
            key = _KEY.match(text, m.end(), limit)
            special = m.group(1).lower() in ("string", "preamble", "comment")
            errors.append(EntryError(line, exc.reason,
                                     key.group(1) if key and not special else ""))
            pos = limit
            continue
        if raw is not None:
            raws.append(raw)
    return raws, errors


# --- names --------------------------------------------------------------------------------

_INNER_GROUP = re.compile(r"\{[^{}]*\}")
# Braces that change how a name list splits: a group that starts a word and is not a
# special character ({van Gogh}, {Le Rameau}), one holding a space or comma, or a whole
# name that is a special character ({\&}: an institution).
_PLAIN_GROUP = re.compile(
    r"(?:^|[\s,])\{(?!\\)|\{(?!\\)[^{}]*[ ,]"
    r"|(?:^|[ \t\n]and)[ \t\n]*\{\\[^{}]*(?:\{[^{}]*\}[^{}]*)*\}[ \t\n]*(?:$|and[ \t\n])",
    re.IGNORECASE)
_AND = re.compile(r"[ \t\n]+and[ \t\n]+", re.IGNORECASE)
_SPACES = re.compile(r"[ \t\n]+")
_UNESCAPED_TILDE = re.compile(r"(?<!\\)~")


class _Protected(str):
    """A name word wholly in braces (``{van Gogh}``): never a particle."""

    __slots__ = ()


def _is_particle(word: str) -> bool:
    return word[:1].islower() and not isinstance(word, _Protected)


def _mask(text: str) -> str:
    """``text`` with its brace groups blotted out (same length), for splits at depth 0."""
    if "{" not in text:
        return text
    while True:
        masked = _INNER_GROUP.sub(lambda m: "x" * len(m.group()), text)
        if masked == text:
            return masked
        text = masked


def _split_at(text: str, pattern: re.Pattern[str]) -> list[str]:
    masked = _mask(text)
    if masked is text:
        return pattern.split(text)
    pieces, start = [], 0
    for m in pattern.finditer(masked):
        pieces.append(text[start:m.start()])
        start = m.end()
    pieces.append(text[start:])
    return pieces


def _whole_group(text: str) -> bool:
    """Is ``text`` one brace group, like ``{Le Rameau}``?"""
    if not (text.startswith("{") and text.endswith("}")):
        return False
    try:
        return _closing(text, 0, len(text)) == len(text) - 1
    except _Broken:
        return False


def _raw_name(name: str, role: str, unknown: set[str]) -> Creator | list[list[str]]:
    """An institution, or the words of each comma-separated part of a name, decoded."""
    name = name.strip(" ")
    if _whole_group(name):
        literal = to_unicode(name[1:-1], unknown).strip(" ")
        if not literal:
            raise ValidationError(role, "an institution needs a name")
        return Creator(role=role, literal=literal)
    parts: list[list[str]] = []
    for part in _split_at(name, _COMMA):
        words: list[str] = []
        for word in _split_at(part, _SPACES):
            if word:
                text = to_unicode(word, unknown)
                protected = _whole_group(word) and not word.startswith("{\\")
                words.append(_Protected(text) if protected else text)
        parts.append(words)
    return parts


def _creator(parts: list[list[str]], role: str, name: str) -> Creator:
    """BibTeX's three forms, with the particle rules of :mod:`seminaire_app.names`."""
    suffix = ""
    if len(parts) == 1:
        words = parts[0]
        lower = [i for i in range(1, len(words) - 1) if _is_particle(words[i])]
        start = lower[0] if lower else max(len(words) - 1, 0)
        family, given = words[start:], words[:start]
    elif len(parts) == 2:
        family, given = parts
    elif len(parts) == 3:
        family, given, suffix = parts[0], parts[2], " ".join(parts[1])
    else:
        raise ValidationError(role, "« {name} » has too many commas for « Family, Given »",
                              name=name)
    particle: list[str] = []
    while len(family) > 1 and _is_particle(family[0]):
        particle.append(family.pop(0))
    family_text = " ".join(family)
    dropping: list[str] = []
    while len(given) > 1 and _is_particle(given[-1]):
        dropping.insert(0, given.pop())
    if not particle and len(family) == 1 and not isinstance(family[0], _Protected):
        for apostrophe in ("'", "’"):
            head, sep, tail = family_text.partition(apostrophe)
            if sep and len(head) <= 2 and head.islower() and tail[:1].isupper():
                particle, family_text = [head + sep], tail
                break
    if not family_text:
        raise ValidationError(role, "« {name} » has no family name", name=name)
    return Creator(role=role, family=family_text, given=" ".join(given),
                   non_dropping_particle=" ".join(particle), dropping_particle=" ".join(dropping),
                   suffix=suffix)


def _creators_latex(raw: str, role: str, unknown: set[str]) -> tuple[list[Creator], bool]:
    """The creators of a name list with protecting braces, and whether it ended with
    ``and others``: split at brace depth 0 first, then decode each word."""
    raw = _SPACES.sub(" ", _UNESCAPED_TILDE.sub(" ", raw)).strip(" ")
    names = [n for n in _split_at(raw, _AND) if n.strip(" ")]
    others = bool(names) and names[-1].strip(" ").lower() == "others"
    creators: list[Creator] = []
    for name in names[:-1] if others else names:
        parsed = _raw_name(name, role, unknown)
        creators.append(parsed if isinstance(parsed, Creator) else _creator(parsed, role, name))
    return creators, others


def _creators_text(text: str, role: str) -> tuple[list[Creator], bool]:
    """The same for a list whose only braces were special characters, decoded already."""
    names = [n for n in _AND.split(text) if n.strip(" ")]
    others = bool(names) and names[-1].strip(" ").lower() == "others"
    return [_creator([[w for w in p.split(" ") if w] for p in name.split(",")], role, name)
            for name in (names[:-1] if others else names)], others


# --- from a raw entry to a draft ----------------------------------------------------------

_TAG_SEPARATORS = re.compile(r"[,;]")
_DASHES = re.compile(r"\s*(?:-{1,3}|–|—)\s*")
_JABREF_SPLIT = re.compile(r"(?<!\\);")
_JABREF_PART = re.compile(r"(?<!\\):")
_JABREF_ESCAPE = re.compile(r"\\(.)")
_VERBATIM_ESCAPES = re.compile(r"\\(?:textasciitilde|textunderscore|url)\b|\\(.)|[{}]")
_VERBATIM_WORDS = {"\\textasciitilde": "~", "\\textunderscore": "_", "\\url": ""}


def _verbatim(raw: str) -> str:
    """A URL or DOI: only the escapes other tools add are undone (``~`` stays ``~``)."""
    value = raw.strip(" \t\n")
    if "\\" not in value and "{" not in value:
        return value
    return _VERBATIM_ESCAPES.sub(
        lambda m: m.group(1) if m.group(1) is not None else _VERBATIM_WORDS.get(m.group(), ""),
        value)


def _files(raw: str, base_dir: Path | None) -> tuple[list[Path], list[str]]:
    found: list[Path] = []
    missing: list[str] = []
    for item in _JABREF_SPLIT.split(raw.replace("$\\backslash$", "\\")):
        parts = [_JABREF_ESCAPE.sub(r"\1", p).strip() for p in _JABREF_PART.split(item)]
        if len(parts) >= 4 and len(parts[1]) == 1 and parts[1].isalpha():
            parts[1:3] = [parts[1] + ":" + parts[2]]  # an unescaped C:\… path
        name = parts[0] if len(parts) == 1 else parts[1]
        if not name:
            continue
        path = Path(name).expanduser()
        if not path.is_absolute() and base_dir is not None:
            path = base_dir / path
        try:  # a relative path without base_dir would depend on the current folder
            exists = (path.is_absolute() or base_dir is not None) and path.is_file()
        except (OSError, ValueError):
            exists = False
        if exists and path not in found:
            found.append(path)
        elif not exists:
            missing.append(name)
    return found, missing


def _entry_type(bib_type: str, has_url: bool, subtype: str) -> str | None:
    base = _TYPES_IN.get(bib_type)
    if base is None and bib_type in _WEB_TYPES:
        base = "webpage" if has_url else "document"
    if subtype in ITEM_TYPES:
        return subtype
    if base == "article-journal" and subtype in _SUBTYPES:
        return _SUBTYPES[subtype]
    return base


def _inherit(raw: _Raw, parents: dict[str, _Raw], warnings: list[str]) -> None:
    crossref = raw.fields.get("crossref")
    if crossref is None:
        return
    parent = parents.get(crossref[1].strip().lower())
    if parent is None:
        warnings.append(f"line {raw.line} ({raw.key}): crossref « {crossref[1]} » not found")
        return
    chapter = _TYPES_IN.get(raw.type) in _CHAPTERS
    for name, value in parent.fields.items():
        if name not in _NOT_INHERITED:
            raw.fields.setdefault(name, value)
    if chapter and "title" in parent.fields:
        raw.fields.setdefault("booktitle", ("booktitle", parent.fields["title"][1]))
    if chapter and "author" in parent.fields:
        raw.fields.setdefault("bookauthor", ("bookauthor", parent.fields["author"][1]))
    raw.fields.pop("crossref")


class _Draft:
    """What an entry becomes, filled field by field."""

    __slots__ = ("creators", "custom", "dates", "et_al", "fields", "item_type", "sources",
                 "tags", "title", "where")

    def __init__(self, where: str, item_type: str) -> None:
        self.where, self.item_type, self.title = where, item_type, ""
        self.creators: list[Creator] = []
        self.fields: dict[str, str] = {}
        self.sources: dict[str, str] = {}  # CSL variable → the BibTeX field it came from
        self.custom: dict[str, str] = {}
        self.tags: list[str] = []
        self.et_al: list[str] = []
        self.dates: dict[str, str] = {}  # year, month, day, date


class _Reader:
    """Turns raw entries into drafts, gathering warnings and unknown LaTeX commands.

    The values of an entry that need decoding are joined with NUL and decoded in one
    :func:`.latex.to_unicode` call (no token spans a NUL; the text holds none).
    """

    def __init__(self, base_dir: Path | None) -> None:
        self.base_dir = base_dir
        self.unknown: set[str] = set()
        self.warnings: list[str] = []

    def convert(self, raw: _Raw) -> ParsedEntry | EntryError:
        where = f"line {raw.line} ({raw.key})" if raw.key else f"line {raw.line}"
        fields = raw.fields
        subtype = fields["entrysubtype"][1].strip().lower() if "entrysubtype" in fields else ""
        item_type = _entry_type(raw.type, "url" in fields, subtype)
        if item_type is None:
            self.warnings.append(f"{where}: unknown entry type @{raw.type}, read as a document")
            item_type = "document"
        if item_type != subtype and _SUBTYPES.get(subtype) != item_type:
            subtype = ""  # not a type marker: entrysubtype stays a custom field
        draft = _Draft(where, item_type)
        if raw.type in _THESIS_GENRES and "type" not in fields:
            draft.fields["genre"] = _THESIS_GENRES[raw.type]
        files: list[Path] = []
        texts: list[str] = []
        plan: list[tuple[str, str, int | str]] = []  # a decoded text's index, or a value
        for lower, (name, value) in fields.items():
            kind = _KINDS.get(lower)
            if kind is None:  # most fields: collapse spaces, decode with the others
                plan.append((lower, name, len(texts)))
                if "\n" in value or "\t" in value or "  " in value:
                    value = _SPACES.sub(" ", value)
                texts.append(value)
            elif kind == "file":
                found, missing = _files(value, self.base_dir)
                files.extend(f for f in found if f not in files)
                if missing:
                    self.warnings.append(f"{where}: file not found: {', '.join(missing)}")
            elif kind == "verbatim":
                plan.append((lower, name, _verbatim(value)))
            elif kind == "names" and _PLAIN_GROUP.search(value):
                plan.append((lower, name, value))  # protecting braces: see _creators_latex
            elif not (kind == "entrysubtype" and subtype):
                plan.append((lower, name, len(texts)))
                texts.append(_prepare(lower, value))
        decoded = to_unicode("\x00".join(texts), self.unknown).split("\x00") if texts else []
        values, sources, custom = draft.fields, draft.sources, draft.custom
        try:
            for lower, name, item in plan:
                if isinstance(item, int):
                    text = decoded[item].strip(" \t\n")
                    variable = _PLAIN_FIELDS.get(lower)
                    if variable is None:
                        self.field(draft, raw.type, lower, name, text)
                    elif text and variable in values:
                        if lower == "publisher":  # it wins over institution, school…
                            custom.setdefault(sources[variable], values[variable])
                            values[variable], sources[variable] = text, name
                        else:
                            custom.setdefault(name, text)
                    elif text:
                        values[variable] = text
                        sources[variable] = name
                elif lower in _ROLES_IN:
                    names = _creators_latex(item, _ROLES_IN[lower], self.unknown)
                    self.add_creators(draft, lower, names)
                else:
                    self.field(draft, raw.type, lower, name, item)
            self.finish_dates(draft)
            result = self.validated(draft, self.key(raw.key, where))
        except ValidationError as exc:
            return EntryError(raw.line, str(exc), raw.key)
        return ParsedEntry(result, raw.line, tuple(files))

    @staticmethod
    def add_creators(draft: _Draft, field_name: str, found: tuple[list[Creator], bool]) -> None:
        draft.creators.extend(found[0])
        if found[1]:
            draft.et_al.append(_ROLES_IN[field_name])

    def field(self, draft: _Draft, bib_type: str, lower: str, name: str, text: str) -> None:
        if lower in _ROLES_IN:
            self.add_creators(draft, lower, _creators_text(text, _ROLES_IN[lower]))
        elif lower in ("title", "subtitle"):
            draft.title = f"{draft.title}: {text}" if draft.title and text else draft.title or text
        elif lower == "keywords":
            seen = {t.casefold() for t in draft.tags}
            for tag in _TAG_SEPARATORS.split(text):
                tag = " ".join(tag.split())
                if tag and tag.casefold() not in seen:
                    seen.add(tag.casefold())
                    draft.tags.append(tag)
        elif lower in ("year", "month", "day", "date"):
            draft.dates[lower] = text
        elif lower == "type" and bib_type in ("phdthesis", "mastersthesis", "thesis"):
            draft.fields["genre"] = text  # even empty: then no default genre
            draft.sources["genre"] = name
        else:
            variable = _FIELDS_IN.get(lower)
            if lower == "number" and draft.item_type in _ARTICLES:
                variable = "issue"
            if variable is None or variable in draft.fields:
                if text:
                    draft.custom.setdefault(name, text)
            elif text:
                draft.fields[variable] = text
                draft.sources[variable] = name

    def finish_dates(self, draft: _Draft) -> None:
        dates = draft.dates
        if dates.get("date"):
            issued = _biblatex_date(dates["date"])
            if issued is not None:
                draft.fields["issued"] = issued
                return
            self.demote(draft, "date", dates["date"], "is not a date")
        year, month, day = dates.get("year", ""), dates.get("month", ""), dates.get("day", "")
        if not year:
            if month:
                self.demote(draft, "month", month, "without a year")
            return
        if not re.fullmatch(r"\d{4}", year):
            if year.lower() in _STATUS_YEARS and "status" not in draft.fields:
                draft.fields["status"] = year
            else:
                self.demote(draft, "year", year, "is not a year")
            for name in ("month", "day"):
                if dates.get(name):
                    draft.custom.setdefault(name, dates[name])
            return
        number = _MONTH_NUMBERS.get(month.lower().rstrip(".")) if month else None
        if month and number is None:
            self.demote(draft, "month", month, "is not a month")
        issued = year if number is None else f"{year}-{number:02d}"
        if number is not None and day:
            try:
                issued = parse_partial_date(f"{issued}-{day}")
            except ValidationError:
                self.demote(draft, "day", day, "is not a day of that month")
        draft.fields["issued"] = issued

    def demote(self, draft: _Draft, name: str, value: str, why: str) -> str:
        """Keep a value Séminaire refuses as a custom field; returns that field's name."""
        free, n = name, 1
        while draft.custom.get(free, value) != value:
            n += 1
            free = f"{name}-{n}"
        draft.custom[free] = value
        self.warnings.append(
            f"{draft.where}: {name} « {value} » {why}; kept as the custom field « {free} »")
        return free

    def salvage(self, draft: _Draft) -> None:
        """« www.x.org » as a URL, the first ISBN of « 978-… (br.) » or of a list."""
        fields = draft.fields
        if "URL" in fields:
            url = lenient_url(fields["URL"])
            if url is not None:
                fields["URL"] = url
        isbn = fields.get("ISBN", "")
        if isbn and not is_isbn(isbn):
            tokens = isbn_tokens(isbn)
            if tokens:
                fields["ISBN"] = tokens[0]
                if len(tokens) > 1:
                    self.demote(draft, draft.sources.get("ISBN", "isbn"), isbn,
                                "holds several ISBNs; the first is the ISBN")

    def key(self, key: str, where: str) -> str:
        if not key:
            return ""
        try:
            return validate_key(key)
        except ValidationError as exc:
            self.warnings.append(f"{where}: {exc.message}; a new key will be generated")
            return ""

    def validated(self, draft: _Draft, key: str) -> ReferenceDraft:
        self.salvage(draft)
        fields = dict(draft.fields)
        issued = fields.pop("issued", "")
        custom = dict(draft.custom)
        if draft.et_al:
            custom[ET_AL] = ", ".join(draft.et_al)
        result = ReferenceDraft(
            item_type=draft.item_type, title=draft.title, creators=tuple(draft.creators),
            issued=issued, fields=fields, custom=custom, tags=tuple(draft.tags),
            citation_key=key)
        while True:
            try:
                return validate(result)
            except ValidationError as exc:
                bad = exc.field
                if bad not in result.fields:
                    raise
                value = result.fields[bad]
                name = self.demote(draft, draft.sources.get(bad, bad), value,
                                   f"is refused ({exc.message})")
                rest = {k: v for k, v in result.fields.items() if k != bad}
                result = replace(result, fields=rest, custom={**result.custom, name: value})


# How convert() treats a field before decoding (fields not named here: the common way).
_KINDS: dict[str, str] = {
    "file": "file", "entrysubtype": "entrysubtype", "pages": "pages",
    **{name: "verbatim" for name in _VERBATIM}, **{name: "names" for name in _ROLES_IN},
    **{name: "multiline" for name in _MULTILINE}}
# Fields that are one CSL variable whatever the type (not « type », not « number »).
_PLAIN_FIELDS = {k: v for k, v in _FIELDS_IN.items()
                 if k not in ("type", "number") and k not in _KINDS}


def _prepare(lower: str, value: str) -> str:
    """A raw value before decoding: spaces collapsed (but in multi-line fields), ``~``
    between names a plain space, page ranges with one hyphen."""
    if lower in _MULTILINE:
        return value.strip(" \t\n")
    if lower in _ROLES_IN and "~" in value:
        value = _UNESCAPED_TILDE.sub(" ", value)
    elif lower == "pages":
        value = _DASHES.sub("-", value)
    if "\n" in value or "\t" in value or "  " in value:
        value = _SPACES.sub(" ", value)
    return value


def _biblatex_date(value: str) -> str | None:
    """``2017``, ``2017-11``, ``2017-11-23``, ranges (their start), EDTF marks dropped."""
    start = value.split("/")[0].strip(" []?~%")
    start = start.split("T")[0]
    try:
        return parse_partial_date(start, "date") or None
    except ValidationError:
        return None


# --- reading ------------------------------------------------------------------------------

def _not_bibtex(text: str) -> str | None:
    if "\x00" in text:
        return "not a BibTeX file: it holds binary data (NUL bytes)"
    if looks_binary(text):
        return "not a BibTeX file: it holds binary data"
    return None


def parse(text: str, base_dir: Path | None = None) -> ParseResult:
    """Read a BibTeX/BibLaTeX text; never raises for bad content (see the module doc)."""
    text = text.lstrip("\ufeff")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    garbage = _not_bibtex(text)
    if garbage:
        return ParseResult(errors=(EntryError(1, garbage),))
    scan = _Scan(text)
    raws, errors = _split(scan)
    if not raws and not errors and _ENTRY.search(text) is None and any(
            line.strip() and not line.lstrip().startswith("%") for line in text.split("\n")):
        return ParseResult(errors=(EntryError(1, "not a BibTeX file: no @entry found"),))
    parents: dict[str, _Raw] = {}
    for raw in raws:
        parents.setdefault(raw.key.lower(), raw)
    reader = _Reader(base_dir)
    reader.warnings.extend(scan.warnings)
    if scan.undefined:
        reader.warnings.append("undefined @string macros kept as typed: "
                               + ", ".join(sorted(scan.undefined)))
    entries: list[ParsedEntry] = []
    keys: set[str] = set()
    for raw in raws:
        _inherit(raw, parents, reader.warnings)
        result = reader.convert(raw)
        if isinstance(result, EntryError):
            errors.append(result)
            continue
        key = result.draft.citation_key
        if key and key in keys:
            reader.warnings.append(f"line {raw.line}: citation key « {key} » used twice")
        keys.add(key)
        entries.append(result)
    if reader.unknown:
        reader.warnings.append("unknown LaTeX commands dropped (their arguments kept): "
                               + ", ".join("\\" + n for n in sorted(reader.unknown)))
    errors.sort(key=lambda e: e.line)
    return ParseResult(tuple(entries), tuple(errors), tuple(reader.warnings))


# --- writing ------------------------------------------------------------------------------

_FIELD_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_\-:.]*$")
_HAS_AND = re.compile(r"(?:^|\s)and(?:\s|$)", re.IGNORECASE)
_APOSTROPHE_WORD = re.compile(r"^[^\W\d_]{1,2}['’][^\W\d_]")
_APOSTROPHE_PARTICLE = re.compile(r"[^\W\d_]{1,2}['’]")
# Names the reader gives a meaning: a custom field by such a name is written prefixed,
# unless the reader would put it back in the custom fields (its variable is already set,
# or its value is one the reader demotes again).
_RESERVED = frozenset((*_FIELDS_IN, *_ROLES_IN, "title", "subtitle", "keywords", "file",
                       "crossref", "entrysubtype"))
_DEMOTABLE = frozenset(("year", "month", "day", "date", "isbn", "url", "doi", "urldate",
                        "eventdate", "origdate", *(v.lower() for v in DATE_VARIABLES)))


_AT_LINE_START = re.compile(r"^([ \t]*)@", re.MULTILINE)


def _braced(text: str) -> str:
    if "\n" in text:  # a line « @type{ » inside a value would read as the next entry
        text = _AT_LINE_START.sub(r"\1{}@", text)
    return "{" + text + "}"


def _name_latex(text: str) -> str:
    """Escaped for a name list, where the reader takes ``~`` for a space."""
    latex = to_latex(text)
    return latex.replace("~", "\\nobreakspace{}") if "~" in latex else latex


def _name(creator: Creator) -> str:
    if creator.literal:
        return _braced(_name_latex(creator.literal))
    family, given, particle = creator.family, creator.given, creator.non_dropping_particle
    family_words = family.split(" ")
    protect = ("," in family or bool(_HAS_AND.search(family)) or family.lower() == "others"
               or (len(family_words) > 1 and family_words[0][:1].islower())
               or (not particle and len(family_words) == 1
                   and bool(_APOSTROPHE_WORD.match(family)) and family[:1].islower()))
    out = _braced(_name_latex(family)) if protect else _name_latex(family)
    if particle:
        joined = (bool(_APOSTROPHE_PARTICLE.fullmatch(particle)) and particle[:-1].islower()
                  and len(family_words) == 1 and family[:1].isupper() and not protect)
        out = _name_latex(particle) + ("" if joined else " ") + out
    given_words = given.split(" ") if given else []
    given_out = _name_latex(given)
    if ("," in given or _HAS_AND.search(given)
            or (len(given_words) > 1 and given_words[-1][:1].islower())):
        given_out = _braced(given_out)
    if creator.dropping_particle:
        given_out = f"{given_out} {_name_latex(creator.dropping_particle)}".strip()
    suffix = _name_latex(creator.suffix)
    if "," in creator.suffix or _HAS_AND.search(creator.suffix):
        suffix = _braced(suffix)
    if suffix:
        return f"{out}, {suffix}, {given_out}".rstrip()
    if given_out:
        return f"{out}, {given_out}"
    single = " " not in out and not out.startswith("{")
    return out if single else out + ","


def _bib_type(ref: Reference) -> tuple[str, str]:
    """The BibTeX type and, when that type reads back as another CSL type, entrysubtype."""
    csl = ref.item_type
    bib = _TYPES_OUT.get(csl, "misc")
    if csl == "thesis" and ref.fields.get("genre") == _THESIS_GENRES["mastersthesis"]:
        bib = "mastersthesis"
    if _entry_type(bib, "URL" in ref.fields, "") == csl:
        return bib, ""
    subtype = {v: k for k, v in _SUBTYPES.items()}.get(csl, csl)
    return bib, subtype


def _field_name(variable: str, item_type: str, bib_type: str) -> str:
    if variable == "container-title":  # bibutils reads booktitle only in these two
        return "booktitle" if bib_type in ("incollection", "inproceedings") else "journal"
    if variable == "publisher":
        return {"techreport": "institution", "phdthesis": "school",
                "mastersthesis": "school"}.get(bib_type, "publisher")
    if variable == "issue":
        return "number" if item_type in _ARTICLES else "issue"
    if variable == "number":
        return "eid" if item_type in _ARTICLES else "number"
    return _FIELDS_OUT.get(variable, variable.lower())


def _text_value(variable: str, value: str) -> str:
    if variable in ("URL", "DOI"):
        return value.replace("{", "%7B").replace("}", "%7D")
    if variable == "page":
        return "--".join(to_latex(p) for p in value.split("-"))
    latex = to_latex(value)
    return protect_capitals(latex) if variable in _TITLES else latex


def _dates(ref: Reference) -> list[tuple[str, str]]:
    if not ref.issued:
        return []
    parts = ref.issued.split("-")
    out = [("year", _braced(parts[0]))]
    if len(parts) > 1:
        out.append(("month", _MONTHS_EN[int(parts[1]) - 1][:3]))
    if len(parts) > 2:
        out.append(("date", _braced(ref.issued)))
    return out


def _creator_fields(ref: Reference) -> list[tuple[str, str]]:
    roles: dict[str, list[str]] = {}
    for creator in ref.creators:
        roles.setdefault(creator.role, []).append(_name(creator))
    et_al = [r.strip() for r in ref.custom.get(ET_AL, "").split(",") if r.strip()]
    if all(r in CREATOR_ROLES for r in et_al):
        for role in et_al:
            roles.setdefault(role, []).append("others")
    return [(_ROLES_OUT.get(role, role), _braced(" and ".join(names)))
            for role, names in roles.items()]


def _entry(ref: Reference) -> str:
    bib_type, subtype = _bib_type(ref)
    out = _creator_fields(ref)
    out.append(("title", _braced(_text_value("title", ref.title))))
    out.extend(_dates(ref))
    for variable, value in ref.fields.items():
        if variable == "genre" and (bib_type == "mastersthesis" or (
                bib_type == "phdthesis" and value == _THESIS_GENRES["phdthesis"])):
            continue
        name = _field_name(variable, ref.item_type, bib_type)
        out.append((name, _braced(_text_value(variable, value))))
    if ref.item_type == "thesis" and bib_type == "phdthesis" and "genre" not in ref.fields:
        out.append(("type", "{}"))
    if subtype:
        out.append(("entrysubtype", _braced(subtype)))
    if ref.tags:
        out.append(("keywords", _braced(to_latex(", ".join(ref.tags)))))
    out.extend(_custom_fields(ref, {name.lower() for name, _ in out}))
    body = ",\n".join(f"  {name} = {value}" for name, value in out)
    return f"@{bib_type}{{{ref.citation_key},\n{body}\n}}\n"


def _custom_fields(ref: Reference, taken: set[str]) -> Iterable[tuple[str, str]]:
    for name, value in ref.custom.items():
        if name == ET_AL and all(r.strip() in CREATOR_ROLES for r in value.split(",")):
            continue
        safe = name if _FIELD_NAME.match(name) else "x-" + re.sub(r"[^A-Za-z0-9_\-:.]", "-", name)
        lower = safe.lower()
        variable = "issue" if lower == "number" and ref.item_type in _ARTICLES else (
            _FIELDS_IN.get(lower))
        if lower in taken or (lower in _RESERVED and lower not in _DEMOTABLE
                              and variable not in ref.fields):
            safe = "custom-" + safe
        taken.add(safe.lower())
        yield safe, _braced(to_latex(value))


def write(refs: Sequence[Reference]) -> str:
    """BibTeX for ``refs``, UTF-8 text; see the module doc for the choices."""
    return "% Encoding: UTF-8\n\n" + "\n".join(_entry(ref) for ref in refs)
