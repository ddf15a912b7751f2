"""References as citeproc-py reads them, with the data fixed before formatting.

Starting from the CSL-JSON of :func:`seminaire_app.csl.to_csl`:

- user text is data: the engine's marker characters are removed, and CSL-JSON's
  ``<span class="nocase">`` is not interpreted (citeproc-py would);
- typography as pandoc's citeproc sets it: typewriter apostrophes become ’ (« L’économie »,
  « d’Arcy »), and the space before « ; ? ! » and inside « » becomes a narrow no-break
  space;
- a particle ending in an apostrophe or a hyphen is glued to the family name
  (« d’Arcy », « al-Farabi »; citeproc-py wrote « d' Arcy »), through markers that
  :mod:`.markup` resolves;
- DOI and URL carry link markers; a DOI given as a doi.org address loses the resolver;
- variables and name roles that citeproc-py does not know are left out (it warns about
  them and would mistake an unknown role for text); CSL 1.0.2's ``event-title`` is
  given as ``event``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from typing import Any

import citeproc
from citeproc import CitationItem
from citeproc.source.json import CiteProcJSON
from citeproc.string import MixedString, String

from ..csl import to_csl
from ..domain import Reference
from .markup import DOI_ON, GLUE_LEFT, GLUE_RIGHT, LINK_OFF, URL_ON, strip_markers

_NAMES = frozenset(n.replace("_", "-") for n in citeproc.NAMES)
_DATES = frozenset(d.replace("_", "-") for d in citeproc.DATES)
_VARIABLES = frozenset(v.replace("_", "-") for v in citeproc.VARIABLES) - {"keyword"}
#: Kept exactly as given: identifiers, codes and numbers (``is-numeric`` reads these).
_VERBATIM = frozenset({"DOI", "URL", "ISBN", "ISSN", "PMID", "PMCID", "language",
                       "call-number", "citation-label"}) | frozenset(
    n.replace("_", "-") for n in citeproc.NUMBERS) | {"page", "page-first", "locator"}
_DOI_RESOLVER = re.compile(r"^\s*(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.IGNORECASE)
_NARROW = (((" ;", "\u202f;"), (" ?", "\u202f?"), (" !", "\u202f!"), (" »", "\u202f»"),
            ("« ", "«\u202f")))
_SPACES = re.compile(r"[ \t\r\n\f\v]+")
_APOSTROPHES = str.maketrans({"'": "\u2019"})
FINGERPRINT = "seminaire:fingerprint"
_GLUING = ("\u2019", "\u02bc", "-")  # a particle ending so takes no space after it


def typeset(text: str) -> str:
    """User text with the engine's markers removed, line breaks and runs of spaces as one
    space (pandoc does so too), ’ and narrow no-break spaces."""
    text = _SPACES.sub(" ", strip_markers(text).translate(_APOSTROPHES)).strip()
    for plain, narrow in _NARROW:
        text = text.replace(plain, narrow)
    return text


def _name(data: Mapping[str, str]) -> dict[str, str]:
    if data.get("literal"):
        return {"literal": typeset(data["literal"])}
    name = {part: typeset(value) for part, value in data.items() if value}
    family = name.get("family", "")
    for particle in ("non-dropping-particle", "dropping-particle"):
        value = name.get(particle, "")
        if value.endswith(_GLUING) and family and not family.startswith(GLUE_RIGHT):
            name[particle] = value + GLUE_LEFT
            family = name["family"] = GLUE_RIGHT + family
    return name


def _value(variable: str, value: str) -> str:
    if variable == "DOI":
        return DOI_ON + _DOI_RESOLVER.sub("", strip_markers(value)).strip() + LINK_OFF
    if variable == "URL":
        return URL_ON + strip_markers(value).strip() + LINK_OFF
    if variable in _VERBATIM:
        return strip_markers(value)
    return typeset(value)


def citeproc_json(ref: Reference, key: str) -> dict[str, Any]:
    """The CSL-JSON object that citeproc-py formats for ``ref``, under id ``key``."""
    csl = to_csl(ref)
    out: dict[str, Any] = {"id": key, "type": csl["type"]}
    if "event-title" in csl and "event" not in csl:
        csl["event"] = csl["event-title"]
    for variable, value in csl.items():
        if variable in ("id", "type"):
            continue
        if variable in _NAMES:
            out[variable] = [_name(n) for n in value]
        elif variable in _DATES:
            if value.get("date-parts") and value["date-parts"][0]:
                out[variable] = value
        elif variable in _VARIABLES and isinstance(value, str) and value.strip():
            out[variable] = _value(variable, value)
    return out


class Source(CiteProcJSON):  # type: ignore[misc]  # citeproc has no type hints
    """citeproc-py's CSL-JSON source, reading every string as plain text; each reference
    keeps a fingerprint of its data (the key of :mod:`.cache`)."""

    def __init__(self, items: list[Mapping[str, Any]]) -> None:
        super().__init__(items)
        for item in items:
            rest = {k: v for k, v in item.items() if k != "id"}
            dict.__setitem__(self[str(item["id"]).lower()], FINGERPRINT,
                             json.dumps(rest, sort_keys=True, ensure_ascii=False))

    def parse_string(self, string: Any) -> Any:
        return MixedString([String(str(string))])


def issued_year(reference: Any) -> str:
    """The year of a citeproc reference's issued date (the first of a range), or ""."""
    issued = dict.get(reference, "issued")
    if not isinstance(issued, dict):
        return ""
    begin = dict.get(issued, "begin", issued)
    return str(dict.get(begin, "year", "")) if isinstance(begin, dict) else ""


def fingerprint(item: Any) -> str:
    """The fingerprint of a cited item's reference (see :class:`Source`)."""
    return str(dict.get(item.reference, FINGERPRINT, ""))


def source(items: Iterable[Mapping[str, Any]]) -> Any:
    return Source(list(items))


class Item(CitationItem):  # type: ignore[misc]  # citeproc has no type hints
    """A cited reference that finds its data once: citeproc-py went through the citation
    and the bibliography to its source for each of a hundred lookups per entry."""

    @property
    def reference(self) -> Any:
        found = dict.get(self, "seminaire:reference")
        if found is None:
            found = self.bibliography.source[self.key]
            dict.__setitem__(self, "seminaire:reference", found)
        return found
