"""Year suffixes: « (Le Rameau 2017a) » and « (Le Rameau 2017b) ».

citeproc-py does no disambiguation at all: two reports of Le Rameau in 2017 were cited
alike. When the style asks for it (``disambiguate-add-year-suffix``), the references
whose citations come out the same get suffixes a, b, c… in bibliography order, as the
``year-suffix`` variable: styles that print it themselves (APA, Chicago) place it, and
for the others (ISO 690) :class:`.fixes.Date` appends it to the year of the issued
date, once per entry, as CSL says. CSL's other methods (adding names or given names)
are not implemented: a suffix separates those references too.

Citing every reference alone to compare would double the work; only references that
share their year and a name or title with another one can be cited alike, so only those
are tried.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import count
from typing import Any

from citeproc import Citation
from citeproc.string import String

from ..textfold import fold
from . import data
from .styles import LoadedStyle

_NAME_PARTS = ("family", "literal")
_TITLES = ("title", "title_short", "container_title")


def _suffix(n: int) -> str:
    """0 → a, 25 → z, 26 → aa…"""
    letters = ""
    n += 1
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters


def _clues(reference: Any) -> set[tuple[str, str]]:
    """(year, name or title) pairs: two references cited alike share one of them."""
    year = data.issued_year(reference)
    words = {fold(str(reference[t])) for t in _TITLES if t in reference}
    for role, value in reference.items():
        if isinstance(value, list) and role != "keyword":
            words.update(fold(str(name[p])) for name in value for p in _NAME_PARTS
                         if isinstance(name, dict) and p in name)
    return {(year, word) for word in words}


def _candidates(items: list[Any]) -> list[Any]:
    """The items that share a clue with another one, in their order."""
    by_clue: defaultdict[tuple[str, str], list[int]] = defaultdict(list)
    for i, item in enumerate(items):
        for clue in _clues(item.reference):
            by_clue[clue].append(i)
    shared = {i for group in by_clue.values() if len(group) > 1 for i in group}
    return [item for i, item in enumerate(items) if i in shared]


def _cited_alone(loaded: LoadedStyle, bib: Any, item: Any) -> str:
    key = data.fingerprint(item)
    text = None if loaded.numbered else loaded.citations.get(key)
    if text is None:
        alone = Citation([data.Item(item.key)])
        alone.bibliography = bib
        text = str(bib.cite(alone, None))
        loaded.citations.put(key, text)
    return text


def add_year_suffixes(loaded: LoadedStyle, bib: Any) -> None:
    """Give ``year-suffix`` to the references of ``bib`` (sorted) cited alike."""
    citation = loaded.style.root.citation
    if citation is None or citation.get("disambiguate-add-year-suffix") != "true":
        return
    by_text: dict[str, list[Any]] = {}
    for item in _candidates(bib.items):
        by_text.setdefault(_cited_alone(loaded, bib, item), []).append(item)
    bib._cites = []  # these trial citations must not count as earlier cites
    for items in by_text.values():
        if len(items) > 1:
            for item, n in zip(items, count(), strict=False):
                item.reference["year_suffix"] = String(_suffix(n))
