"""CSL-JSON files: Zotero's and Better BibTeX's exports, pandoc's and citeproc's input.

The conversion itself is :mod:`seminaire_app.csl`'s; this module reads a file of
them (a JSON array of items, or one item), tells where each item starts so that a bad
one is reported at its line while the others still come in, and smooths what real
exports contain before :func:`~seminaire_app.csl.from_csl` sees it:

- the citation key is CSL 1.0.2's ``citation-key`` (Better BibTeX) or else ``id``, unless
  that is Zotero's item URI (``http://zotero.org/users/…/items/ABCD1234``): then
  Séminaire makes a key;
- legacy names (``shortTitle``, ``journalAbbreviation``, ``event``) become the CSL 1.0.2
  variables; ``keyword`` may be a list or use semicolons;
- an unknown item type is read as « document » (with a warning), the type kept in the
  custom field ``csl.type``; a date, ISBN or URL Séminaire cannot hold keeps what it can
  (the year, the first ISBN, a « www. » address with http://) and the value as it came
  goes to the custom field ``csl.VARIABLE``.

A file that is not valid JSON is one error at the line of the syntax error, and nothing
of it is imported: after a syntax error nothing says which items are whole.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..citekeys import validate_key
from ..csl import from_csl, to_csl
from ..dates import from_date_parts, parse_partial_date
from ..domain import (
    CREATOR_ROLES,
    DATE_VARIABLES,
    ITEM_TYPES,
    TEXT_VARIABLES,
    Reference,
    ReferenceDraft,
)
from ..errors import ValidationError
from ..services import references
from . import EntryError, ParsedEntry, ParseResult
from .formats import is_isbn, isbn_tokens, lenient_url, looks_binary

_ALIASES = {"shortTitle": "title-short", "journalAbbreviation": "container-title-short",
            "event": "event-title"}
_TEXT_SET = frozenset((*TEXT_VARIABLES, "title"))
_ZOTERO_ITEM_ID = re.compile(r"[0-9]+/[A-Z0-9]{8}")  # libraryID/itemKey
_WHITESPACE = re.compile(r"[ \t\n\r]*")
_YEAR = re.compile(r"(?<![0-9])([0-9]{4})(?![0-9])")


def parse(text: str, base_dir: Path | None = None) -> ParseResult:
    """Read CSL-JSON text. ``base_dir`` is unused: CSL-JSON names no files."""
    del base_dir
    if looks_binary(text):
        return ParseResult(errors=(EntryError(1, "binary data, not a CSL-JSON file"),))
    text = text.removeprefix("\ufeff")
    if not text.strip():
        return ParseResult(warnings=("the file holds no reference",))
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        return ParseResult(errors=(EntryError(
            exc.lineno, f"not valid JSON: {exc.msg} (column {exc.colno})"),))
    items: list[tuple[int, Any]]
    if isinstance(data, dict):
        items = [(_line_of(text, 0, _skip(text, 0), 1), data)]
    elif isinstance(data, list):
        items = list(zip(_item_lines(text), data, strict=True))
    else:
        return ParseResult(errors=(EntryError(
            1, "CSL-JSON is an array of items or one item, not a single value"),))
    entries: list[ParsedEntry] = []
    errors: list[EntryError] = []
    warnings: list[str] = []
    for line, item in items:
        if not isinstance(item, dict):
            errors.append(EntryError(line, "an item must be a JSON object"))
            continue
        try:
            entries.append(ParsedEntry(_draft(item, line, warnings), line))
        except ValidationError as exc:
            errors.append(EntryError(line, str(exc), _citation_key(item)))
    return ParseResult(tuple(entries), tuple(errors), tuple(warnings))


def write(refs: Sequence[Reference]) -> str:
    """A pretty-printed JSON array of the references' CSL-JSON, UTF-8 characters as is.
    A key that reads as a Zotero item URI (« a://b ») goes in ``citation-key`` too, so
    that it comes back as typed."""
    return json.dumps([_item(ref) for ref in refs], ensure_ascii=False, indent=2) + "\n"


def _item(ref: Reference) -> dict[str, Any]:
    item = to_csl(ref)
    key = ref.citation_key
    if "://" in key or _ZOTERO_ITEM_ID.fullmatch(key):
        item["citation-key"] = key
    return item


# --- where items start -----------------------------------------------------------------

def _line_of(text: str, from_pos: int, pos: int, from_line: int) -> int:
    return from_line + text.count("\n", from_pos, pos)


def _item_lines(text: str) -> list[int]:
    """The line where each element of the (valid) top-level JSON array starts."""
    decoder = json.JSONDecoder()
    lines: list[int] = []
    pos = _skip(text, _skip(text, 0) + 1)  # after « [ »
    last_pos, last_line = 0, 1
    while text[pos] != "]":
        last_line = _line_of(text, last_pos, pos, last_line)
        last_pos = pos
        lines.append(last_line)
        _, end = decoder.raw_decode(text, pos)
        pos = _skip(text, end)
        if text[pos] == ",":
            pos = _skip(text, pos + 1)
    return lines


def _skip(text: str, pos: int) -> int:
    match = _WHITESPACE.match(text, pos)
    return match.end() if match else pos


# --- one item --------------------------------------------------------------------------

def _draft(item: Mapping[str, Any], line: int, warnings: list[str]) -> ReferenceDraft:
    """The validated draft of one item; ValidationError naming the first bad value."""
    clean, extra = _sanitize(item)
    item_type = clean.get("type", "document")
    if item_type not in ITEM_TYPES:
        warnings.append(f"line {line}: unknown CSL type « {item_type} », read as a document")
        extra["csl.type"] = str(item_type)
        clean["type"] = "document"
    draft = from_csl(clean)
    draft = replace(draft, citation_key=_citation_key(item),
                    custom={**draft.custom, **extra})
    return references.validate(draft)


def _citation_key(item: Mapping[str, Any]) -> str:
    """``citation-key``, else ``id`` if it is a usable key (not a Zotero item URI)."""
    for candidate, is_id in ((item.get("citation-key"), False), (item.get("id"), True)):
        if not isinstance(candidate, str | int) or isinstance(candidate, bool):
            continue
        text = str(candidate).strip()
        if is_id and ("://" in text or _ZOTERO_ITEM_ID.fullmatch(text)):
            continue  # an item URI, not a key; a citation-key is one as written
        try:
            return validate_key(text)
        except ValidationError:
            continue
    return ""


def _sanitize(item: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
    """A copy of the item that :func:`from_csl` reads, and the custom fields it needs."""
    clean: dict[str, Any] = {}
    extra: dict[str, str] = {}
    for name, value in item.items():
        if name in ("id", "citation-key") or value is None:
            continue
        alias = _ALIASES.get(name)
        if alias is not None and alias not in item:
            name = alias
        if name in CREATOR_ROLES:  # one name alone is read as a list of one
            clean[name] = [value] if isinstance(value, Mapping) else value
        elif name == "issued" or name in DATE_VARIABLES:
            partial, kept = _date(name, value)
            if partial:
                clean[name] = partial
            if kept:
                extra[f"csl.{name}"] = kept
        elif name == "keyword":
            words = value if isinstance(value, list) else re.split(r"[;,]", str(value))
            clean[name] = ", ".join(str(w).strip() for w in words if str(w).strip())
        elif name == "custom":  # from_csl refuses one that is not an object
            clean[name] = ({str(k): _text(v) for k, v in value.items()}
                           if isinstance(value, Mapping) else value)
        elif name in _TEXT_SET:
            clean[name] = _text_variable(name, value)
        elif name == "type":
            clean[name] = value
        else:
            clean[name] = _text(value)
    for name, kept in (("ISBN", _isbn(clean)), ("URL", _url(clean))):
        if kept:
            extra[f"csl.{name}"] = kept
    return clean, extra


def _text(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _text_variable(name: str, value: Any) -> str:
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, list) and all(isinstance(v, str | int) for v in value):
        return ", ".join(str(v) for v in value)  # some tools give several ISBNs or ISSNs
    raise ValidationError(name, "must be text or a number")


def _date(name: str, value: Any) -> tuple[str, str]:
    """The partial ISO date of a CSL date, and the value as it came when it said more
    than that (« printemps 2017 », a date-parts Séminaire cannot hold)."""
    text = ""
    if isinstance(value, Mapping):
        partial = _from_date_parts(value.get("date-parts"))
        if partial is not None:
            return partial, ""
        text = str(value.get("raw") or value.get("literal") or "")
        if not text and not value.get("date-parts"):
            return "", ""  # {} or only a season: nothing to keep
    elif isinstance(value, str | int) and not isinstance(value, bool):
        text = str(value)
    if text:
        try:
            return parse_partial_date(text, name), ""
        except ValidationError:
            year = _YEAR.search(text)  # keep the year, and the value as it came
            return (year.group(1) if year else ""), text
    return "", _text(value)


def _from_date_parts(parts: Any) -> str | None:
    """The partial date of CSL ``date-parts``; None when they hold no date."""
    if not (isinstance(parts, list) and parts and isinstance(parts[0], list)):
        return None
    try:
        return from_date_parts(parts[0])
    except ValidationError:
        return None


def _isbn(clean: dict[str, Any]) -> str:
    """Keep the first ISBN of a value that holds several or has words around it."""
    value = clean.get("ISBN")
    if value is None or is_isbn(value.strip()):
        return ""
    tokens = isbn_tokens(value)
    if tokens:
        clean["ISBN"] = tokens[0]
    else:
        del clean["ISBN"]
    return str(value)


def _url(clean: dict[str, Any]) -> str:
    value = clean.get("URL")
    if value is None:
        return ""
    url = lenient_url(value)
    if url is not None and url == value.strip():
        return ""
    if url is None:
        del clean["URL"]
    else:
        clean["URL"] = url
    return str(value)
