"""RIS files, as Zotero, EndNote and library catalogues write them.

Reading follows the RIS specification and, where it is vague, Zotero's RIS translator:

- an entry runs from ``TY  - `` to ``ER  - ``; a line without a tag continues the
  value above it (a soft wrap, or a new line in ``AB``/``N1``/``N2``/``KW``);
- a ``TY`` line inside an entry closes it as broken (no ``ER``) and starts the next one;
  tags outside any entry make one error; every error names the line where it starts;
- creators: ``AU``/``A1`` authors, ``ED`` editors; ``A2``, ``A3`` and ``A4`` depend on the
  type as in the specification and Zotero (``A2`` is a book's series editor but a
  chapter's editor, ``A3`` a book's editor, ``A4`` a translator); the writer uses the
  same tags, and ``ED`` for an editor where the type has no tag for one.
  « Family, Given, Suffix » is a person, a name without a comma (« Le Rameau ») an
  institution (the writer puts one that holds a comma in braces);
- ``T2`` is the container (journal, book of a chapter) except for books, reports, maps
  and software, whose ``T2`` is their series (Zotero's convention, as ``T3`` elsewhere);
- a value a field cannot hold (a second title, a date with free text, a catalogue's
  « 978-2-7071-9436-6 (br.) »), and every unknown tag, is kept as the custom field
  ``ris.XX``, which the writer gives back as the tag ``XX``: nothing is lost.

The writer uses CRLF line ends, as the specification requires and Zotero and EndNote
write; readers that expect LF (bibutils, rispy, ours) read them too. Callers must write
the text unchanged (bytes, or ``newline=""``) so that Windows does not double the CR.
RIS cannot carry custom fields other than ``ris.XX``, creators in roles without a tag
for the type (a book's translator is fine, a film's director is not), and CSL types
without a RIS type of their own (written as their nearest type; see :data:`CSL_TO_RIS`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import unquote, urlparse

from ..citekeys import validate_key
from ..dates import parse_partial_date
from ..domain import Creator, Reference, ReferenceDraft
from ..errors import ValidationError
from ..names import parse_creator
from ..services import references
from . import EntryError, ParsedEntry, ParseResult
from .formats import is_isbn, is_issn, isbn_tokens, lenient_url, looks_binary
from .ris_tables import (
    CSL_TO_RIS,
    NEWLINE_TAGS,
    PAGE_COUNT_TYPES,
    PLAIN_TAGS,
    PREFERENCE,
    RIS_TYPES,
    SERIES_TYPES,
    TAG_ROLES,
    TEXT_TAGS,
    WRITE_CREATOR_TAGS,
)

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_TAG_LINE = re.compile(r"([A-Z][A-Z0-9]) {1,2}-(?: +(.*))?")
_CUSTOM_TAG = re.compile(r"ris\.([A-Z][A-Z0-9])")
_DOI_LIKE = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:)?10\.[0-9]{4,9}/\S+$", re.I)
_KEYWORD_SPLIT = re.compile(r"[;,\n]")
_RANGE = re.compile(r"([^\s\-]+)-([^\s\-]+)")
_PAGE_SPAN = re.compile(r"[-–]")
_YEAR = re.compile(r"(?<![0-9])([0-9]{4})(?![0-9])")
_TIME = re.compile(r"[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?(?:\s*[ap]m)?", re.IGNORECASE)
_DIGITS = re.compile(r"[0-9]+")


def creator_role(tag: str, item_type: str) -> str:
    """The CSL role of a creator tag (``AU``, ``A1``, ``ED``, ``A2``-``A4``) for a type."""
    roles = TAG_ROLES[tag]
    return roles.get(item_type, roles["*"])


def role_tag(role: str, item_type: str) -> str | None:
    """The tag the writer uses for a creator role, None when RIS has none for it."""
    return next((tag for tag in WRITE_CREATOR_TAGS if creator_role(tag, item_type) == role),
                None)


# --- reading ---------------------------------------------------------------------------

@dataclass
class _RawEntry:
    line: int
    type_code: str
    tags: list[tuple[str, list[str], int]] = field(default_factory=list)


def parse(text: str, base_dir: Path | None = None) -> ParseResult:
    """Read RIS text; every good entry becomes a validated draft, every bad one an error."""
    if looks_binary(text):
        return ParseResult(errors=(EntryError(1, "binary data, not a RIS file"),))
    raw_entries, errors = _split(text.removeprefix("\ufeff"))
    if not raw_entries and not errors:
        if text.strip():
            errors.append(EntryError(1, "no RIS entry: an entry starts with a « TY  - » line"))
        return ParseResult(errors=tuple(errors))
    entries: list[ParsedEntry] = []
    warnings: list[str] = []
    for raw in raw_entries:
        entry_reader = _EntryReader(raw, base_dir, warnings)
        try:
            draft, files = entry_reader.read()
            entries.append(ParsedEntry(references.validate(draft), raw.line, files))
        except ValidationError as exc:
            errors.append(EntryError(raw.line, str(exc), entry_reader.key))
    errors.sort(key=lambda e: e.line)
    return ParseResult(tuple(entries), tuple(errors), tuple(warnings))


def _split(text: str) -> tuple[list[_RawEntry], list[EntryError]]:
    """Cut the text into entries, each tag with its value lines and line number."""
    entries: list[_RawEntry] = []
    errors: list[EntryError] = []
    current: _RawEntry | None = None
    orphan: int | None = None  # first line of tags found outside any entry
    for number, line in enumerate(_LINE_BREAK.split(text), start=1):
        line = line.removeprefix("\ufeff").rstrip()
        match = _TAG_LINE.fullmatch(line)
        if match is None:
            if current is not None and current.tags:
                current.tags[-1][1].append(line.strip())
            continue
        tag, value = match.group(1), (match.group(2) or "").strip()
        if tag == "TY":
            if current is not None:
                errors.append(EntryError(current.line, (
                    f"no « ER  - » line ends this entry; the next one starts at line {number}")))
            if orphan is not None:
                errors.append(_orphan_error(orphan))
                orphan = None
            current = _RawEntry(number, value)
        elif current is not None:
            if tag == "ER":
                entries.append(current)
                current = None
            else:
                current.tags.append((tag, [value], number))
        elif tag == "ER":
            if orphan is not None:
                errors.append(_orphan_error(orphan))
                orphan = None
        elif orphan is None:
            orphan = number
    if current is not None:
        errors.append(EntryError(current.line, "the file ends before this entry's « ER  - »"))
    if orphan is not None:
        errors.append(_orphan_error(orphan))
    return entries, errors


def _orphan_error(line: int) -> EntryError:
    return EntryError(line, "tags outside an entry: an entry must start with « TY  - »")


def _variable(tag: str, item_type: str) -> str | None:
    if tag == "T2" and item_type in SERIES_TYPES:
        return "collection-title"
    if tag == "BT" and item_type in ("book", "manuscript"):
        return "title"
    return TEXT_TAGS.get(tag)


def _ris_date(raw: str) -> tuple[str, bool]:
    """A partial ISO date from a RIS date, and whether it says all the value said.

    « 2017 », « 2017/11/23/ », « 2017/11// », « 2017/00/00 », « 2024/03/05/09:12:45 » are
    exact; « 2017/11/23/Spring » or « c2017 » give 2017-11-23 or 2017 but are not.
    """
    text = raw.strip()
    try:
        return parse_partial_date(text), True
    except ValidationError:
        pass
    parts = [p.strip() for p in text.split("/")]
    if len(parts) > 1 and re.fullmatch(r"[0-9]{4}", parts[0]):
        kept = [parts[0]]
        for part in parts[1:3]:
            if not _DIGITS.fullmatch(part) or int(part) == 0:
                break
            kept.append(part)
        rest = parts[len(kept):]
        if len(parts) == 4 and _TIME.fullmatch(parts[3]):
            rest = rest[:-1]  # Zotero's access time: Séminaire keeps days
        exact = all(not p or (_DIGITS.fullmatch(p) and int(p) == 0) for p in rest)
        try:
            return parse_partial_date("-".join(kept)), exact
        except ValidationError:
            return parts[0], False
    year = _YEAR.search(text)
    return (year.group(1) if year else ""), False


def _ris_creator(value: str, role: str) -> Creator:
    """« Family, Given, Suffix » is a person; a name without a comma an institution."""
    raw = " ".join(value.split())
    if raw.startswith("{") and raw.endswith("}"):
        return Creator(role=role, literal=raw[1:-1].strip())
    parts = [p.strip() for p in raw.split(",")]
    if len(parts) == 1:
        return Creator(role=role, literal=raw)
    family, given = parts[0], parts[1]
    suffix = ", ".join(p for p in parts[2:] if p)
    if not family:
        return Creator(role=role, literal=", ".join(p for p in parts if p))
    creator = parse_creator(f"{family}, {given}", role)
    return replace(creator, suffix=suffix) if suffix else creator


def _valid_key(value: str) -> bool:
    try:
        validate_key(value)
    except ValidationError:
        return False
    return True


def _local_file(value: str, base_dir: Path | None) -> Path | None:
    """The existing file a ``L1``/``L4`` value names, if it is a path or a file: URL."""
    if value.lower().startswith("file:"):
        path = Path(unquote(urlparse(value).path))
    elif re.match(r"^[a-z][a-z0-9+.\-]+:", value, re.IGNORECASE):
        return None  # a web link or EndNote's internal-pdf://
    else:
        path = Path(value)
    if not path.is_absolute():
        if base_dir is None:
            return None
        path = base_dir / path
    try:
        return path.resolve() if path.is_file() else None
    except (OSError, ValueError):  # a name too long for the system, a NUL in it
        return None


@dataclass
class _Date:
    tag: str
    raw: str
    partial: str
    exact: bool


class _EntryReader:
    """Turns one raw entry into a draft (not yet validated) and the files it names."""

    def __init__(self, raw: _RawEntry, base_dir: Path | None, warnings: list[str]) -> None:
        self.raw, self.base_dir, self.warnings = raw, base_dir, warnings
        self.key = ""
        self.item_type = "document"
        self.creators: list[Creator] = []
        self.candidates: dict[str, list[tuple[int, str, str]]] = {}  # variable → rank, tag, value
        self.lists: dict[str, list[str]] = {}  # tags with several values: KW, N1, SP…
        self.dates: list[_Date] = []
        self.files: list[Path] = []
        self.custom: dict[str, list[str]] = {}
        self.fields: dict[str, str] = {}

    def keep(self, tag: str, value: str) -> None:
        """Keep a value no field holds as the custom field ``ris.TAG``."""
        self.custom.setdefault(f"ris.{tag}", []).append(value)

    def read(self) -> tuple[ReferenceDraft, tuple[Path, ...]]:
        self._read_type()
        for tag, lines, number in self.raw.tags:
            if len(lines) == 1:
                value = lines[0]
            elif tag in NEWLINE_TAGS:
                value = "\n".join(lines).strip()
            else:
                value = " ".join(p for p in lines if p).strip()
            if value:
                self._read_tag(tag, value, number)
        title = self._resolve_candidates()
        self._resolve_lists()
        self._resolve_dates()
        self._resolve_identifiers()
        draft = ReferenceDraft(
            item_type=self.item_type, title=title, creators=tuple(self.creators),
            issued=self.fields.pop("issued", ""), fields=self.fields,
            custom={k: "\n".join(v) for k, v in self.custom.items()},
            tags=self._tags(), citation_key=self.key)
        return draft, tuple(dict.fromkeys(self.files))

    def _read_type(self) -> None:
        code = self.raw.type_code.strip().upper()
        item_type = RIS_TYPES.get(code)
        if item_type is None:
            self.warnings.append(
                f"line {self.raw.line}: unknown RIS type « {code} », read as a document")
            if code:
                self.keep("TY", code)
            return
        self.item_type = item_type
        if code == "INPR":
            self.fields["status"] = "in press"

    def _read_tag(self, tag: str, value: str, line: int) -> None:
        if tag in TAG_ROLES:
            self.creators.append(_ris_creator(value, creator_role(tag, self.item_type)))
        elif tag in ("PY", "Y1", "DA"):
            self.dates.append(_Date(tag, value, *_ris_date(value)))
        elif tag in ("L1", "L4"):
            path = _local_file(value, self.base_dir)
            if path is not None:
                self.files.append(path)
            else:
                self.keep(tag, value)
                if not re.match(r"^[a-z][a-z0-9+.\-]+:", value, re.IGNORECASE):
                    self.warnings.append(f"line {line}: file « {value} » not found")
        elif tag in ("KW", "N1", "AB", "N2", "SP", "EP", "SN", "Y2", "ID"):
            self.lists.setdefault(tag, []).append(value)
        elif tag == "M3" and _DOI_LIKE.match(value):
            self._candidate("DOI", tag, value)
        elif (variable := _variable(tag, self.item_type)) is not None:
            self._candidate(variable, tag, value)
        else:
            self.keep(tag, value)

    def _candidate(self, variable: str, tag: str, value: str) -> None:
        rank = PREFERENCE.index(tag) if tag in PREFERENCE else len(PREFERENCE)
        self.candidates.setdefault(variable, []).append((rank, tag, value))

    def _resolve_candidates(self) -> str:
        """One value per variable; the other values are kept. Returns the title."""
        for variable, found in self.candidates.items():
            best = min(found, key=lambda c: c[0])  # min keeps the first of equal ranks
            for candidate in found:
                if candidate[2] != best[2]:  # the same value twice (T1 and TI) is one
                    self.keep(candidate[1], candidate[2])
            self.fields[variable] = best[2]
        if "URL" in self.fields:
            url = lenient_url(self.fields["URL"])
            if url is None:
                self.keep("UR", self.fields.pop("URL"))
            else:
                self.fields["URL"] = url
        title = self.fields.pop("title", "")
        if not title and "title-short" in self.fields:
            title = self.fields.pop("title-short")  # EndNote exports without a full title
        return title

    def _resolve_lists(self) -> None:
        lists = self.lists
        if "N1" in lists:
            self.fields["note"] = "\n\n".join(lists["N1"])
        abstracts = lists.get("AB") or lists.get("N2") or []
        if abstracts:
            self.fields["abstract"] = "\n\n".join(abstracts)
        if "AB" in lists:
            for value in lists.get("N2", []):
                if value not in lists["AB"]:
                    self.keep("N2", value)
        self._resolve_pages(lists.get("SP", []), lists.get("EP", []))

    def _resolve_pages(self, starts: list[str], ends: list[str]) -> None:
        for tag, extra in (("SP", starts[1:]), ("EP", ends[1:])):
            for value in extra:
                self.keep(tag, value)
        start, end = (starts or [""])[0], (ends or [""])[0]
        if start and end:
            self.fields["page"] = start if start == end else f"{start}-{end}"
        elif start and self.item_type in PAGE_COUNT_TYPES and not _PAGE_SPAN.search(start):
            self.fields["number-of-pages"] = start
        elif start or end:
            self.fields["page"] = start or end

    def _resolve_dates(self) -> None:
        found = [d for d in self.dates if d.partial]
        best = max(found, key=lambda d: (len(d.partial), d.exact)) if found else None
        for date in self.dates:
            redundant = (best is not None and date.exact and date is not best
                         and best.partial.startswith(date.partial))
            if not (date.exact and date is best) and not redundant:
                self.keep(date.tag, date.raw)
        if best is not None:
            self.fields["issued"] = best.partial
        for index, value in enumerate(self.lists.get("Y2", [])):
            partial, exact = _ris_date(value)
            if index == 0 and partial:
                self.fields["accessed"] = partial
            if index > 0 or not exact:
                self.keep("Y2", value)

    def _resolve_identifiers(self) -> None:
        """``SN`` is an ISBN or an ISSN by its shape (a report's number otherwise); the
        first valid ``ID`` is the citation key. Every other value is kept as it came."""
        values = self.lists.get("SN", [])
        isbn = next((v for v in values if is_isbn(v)), "")
        if not isbn:
            isbn = next((tokens[0] for v in values if (tokens := isbn_tokens(v))), "")
        issn = next((v for v in values if is_issn(v)), "")
        number = ""
        if self.item_type == "report":
            number = next((v for v in values if not (is_isbn(v) or is_issn(v)
                                                     or isbn_tokens(v))), "")
        chosen = {"ISBN": isbn, "ISSN": issn, "number": number}
        for variable, value in chosen.items():
            if value:
                self.fields[variable] = value
        for value in values:
            if value not in chosen.values():
                self.keep("SN", value)
        for value in self.lists.get("ID", []):
            if not self.key and _valid_key(value):
                self.key = value
            else:
                self.keep("ID", value)

    def _tags(self) -> tuple[str, ...]:
        tags: dict[str, str] = {}
        for value in self.lists.get("KW", []):
            for piece in _KEYWORD_SPLIT.split(value):
                tag = " ".join(piece.split())
                if tag:
                    tags.setdefault(tag.casefold(), tag)
        return tuple(tags.values())


# --- writing ---------------------------------------------------------------------------

def write(refs: Sequence[Reference]) -> str:
    """RIS text for ``refs``, CRLF line ends, one ``TY``…``ER`` record each."""
    return "".join(f"{line}\r\n" for ref in refs for line in _record(ref))


def _record(ref: Reference) -> list[str]:
    fields = ref.fields
    out = [f"TY  - {_type_code(ref)}"]

    def put(tag: str, value: str) -> None:
        value = _one_line(value)
        if value:
            out.append(f"{tag}  - {value}")

    put("ID", ref.citation_key)
    put("TI", ref.title)
    put("ST", fields.get("title-short", ""))
    for creator in ref.creators:
        tag = role_tag(creator.role, ref.item_type)
        if tag is not None:
            put(tag, _ris_name(creator))
    if ref.issued:
        put("PY", ref.issued[:4])
        if len(ref.issued) > 4:
            put("DA", _date_text(ref.issued))
    series = ref.item_type in SERIES_TYPES
    put("JF" if series else "T2", fields.get("container-title", ""))
    put("T2" if series else "T3", fields.get("collection-title", ""))
    for variable, tag in PLAIN_TAGS:
        put(tag, fields.get(variable, ""))
    out.extend(_page_lines(ref))
    for variable in ("ISBN", "ISSN") + (("number",) if ref.item_type == "report" else ()):
        put("SN", fields.get(variable, ""))
    if fields.get("accessed"):
        put("Y2", _date_text(fields["accessed"]))
    out.extend(_text_lines("AB", fields.get("abstract", "")))
    out.extend(_text_lines("N1", fields.get("note", "")))
    for tag in ref.tags:
        put("KW", tag)
    for name, value in ref.custom.items():
        match = _CUSTOM_TAG.fullmatch(name)
        if match and match.group(1) not in ("TY", "ER"):
            for piece in value.split("\n"):
                put(match.group(1), piece)
    out.append("ER  - ")
    return out


def _one_line(value: str) -> str:
    return _LINE_BREAK.sub(" ", value).strip()


def _type_code(ref: Reference) -> str:
    if ref.item_type == "document":
        kept = ref.custom.get("ris.TY", "").strip().upper()
        if re.fullmatch(r"[A-Z0-9]+", kept):
            return kept  # an unknown type read earlier goes back out as it came
    if ref.item_type == "article-journal" and ref.fields.get("status") == "in press":
        return "INPR"
    return CSL_TO_RIS.get(ref.item_type, "GEN")


def _ris_name(creator: Creator) -> str:
    """« Family, Given, Suffix »; an institution as typed (in braces if it has a comma)."""
    if creator.literal:
        return f"{{{creator.literal}}}" if "," in creator.literal else creator.literal
    family = creator.family
    if creator.non_dropping_particle:
        sep = "" if creator.non_dropping_particle.endswith(("'", "’")) else " "
        family = f"{creator.non_dropping_particle}{sep}{family}"
    given = " ".join(p for p in (creator.given, creator.dropping_particle) if p)
    if creator.suffix:
        return f"{family}, {given}, {creator.suffix}"
    return f"{family}, {given}" if given else f"{family},"  # the comma: still a person


def _date_text(partial: str) -> str:
    """« 2017-11-23 » → « 2017/11/23/ », « 2017-11 » → « 2017/11// » (Zotero's form)."""
    parts = [*partial.split("-"), "", ""]
    return f"{parts[0]}/{parts[1]}/{parts[2]}/"


def _page_lines(ref: Reference) -> list[str]:
    """``SP``/``EP``; for books, theses, reports a lone ``SP`` is the number of pages."""
    page = _one_line(ref.fields.get("page", ""))
    counts_pages = ref.item_type in PAGE_COUNT_TYPES
    if not page:
        pages = _one_line(ref.fields.get("number-of-pages", "")) if counts_pages else ""
        return [f"SP  - {pages}"] if pages else []
    match = _RANGE.fullmatch(page)
    if match and match.group(1) != match.group(2):
        return [f"SP  - {match.group(1)}", f"EP  - {match.group(2)}"]
    if counts_pages:
        return [f"SP  - {page}", f"EP  - {page}"]  # SP = EP reads back as this page
    return [f"SP  - {page}"]


def _text_lines(tag: str, text: str) -> list[str]:
    """One tag, the value's other lines following untagged (blank ones too): readers
    that know no multi-line values join them. A line that would look like a tag is
    indented, which our reader strips."""
    lines = [line.strip() for line in _LINE_BREAK.split(text.strip())]
    if not lines[0]:
        return []
    rest = (f" {line}" if _TAG_LINE.fullmatch(line) else line for line in lines[1:])
    return [f"{tag}  - {lines[0]}", *rest]
