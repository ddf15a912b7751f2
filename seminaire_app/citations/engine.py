"""Formatting references with citeproc-py: marked strings in, runs out.

One call formats a set of references under the style's lock: citeproc-py keeps the
state of a rendering in the style's tree, so two threads must not share a style at the
same moment (the UI formats in its read pool). References are given to citeproc-py
under ids of our own (``r0``, ``r1``…): it lower-cases ids, and citation keys that
differ only in case would have collided.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from citeproc import Citation, CitationItem, CitationStylesBibliography

from ..domain import Reference
from . import data, disambiguation
from .markup import FORMATTER, Run, to_runs
from .styles import LoadedStyle, load


@dataclass(frozen=True, slots=True)
class Formatted:
    """A bibliography in the style's order, and the citation of all its references.

    References that a style leaves out of its bibliography (Chicago's classics and
    dictionary entries, cited in the text only) have no entry, as with pandoc."""

    entries: list[list[Run]]
    order: list[int]  # for each entry, the index of its reference in the unique list
    citation: list[Run]


def unique(refs: Sequence[Reference]) -> list[Reference]:
    """``refs`` without repeats (the same id and citation key), first place kept."""
    seen: set[tuple[int, str]] = set()
    out = []
    for ref in refs:
        key = (int(ref.id), ref.citation_key)
        if key not in seen:
            seen.add(key)
            out.append(ref)
    return out


def _bibliography(loaded: LoadedStyle, refs: Sequence[Reference]) -> tuple[
        CitationStylesBibliography, list[str]]:
    keys = [f"r{i}" for i in range(len(refs))]
    items = (data.citeproc_json(ref, key) for ref, key in zip(refs, keys, strict=True))
    bib = CitationStylesBibliography(loaded.style, data.source(items), FORMATTER)
    bib.register(Citation([data.Item(key) for key in keys]))
    bib.sort()
    return bib, keys


def _entries(loaded: LoadedStyle, bib: CitationStylesBibliography) -> list[str]:
    """The marked entries of ``bib``, in its order, from the cache where they are."""
    out = []
    for item in bib.items:
        key = (data.fingerprint(item), str(item.reference.get("year_suffix", "")),
               item.number if loaded.numbered else 0)
        marked = loaded.entries.get(key)
        if marked is None:
            rendered = loaded.style.render_bibliography([item])
            marked = str(rendered[0]) if rendered else ""
            loaded.entries.put(key, marked)
        out.append(marked)
    return out


def format_all(refs: Sequence[Reference], style: str, locale: str, entries: bool = True,
               cite: Sequence[int] = ()) -> Formatted:
    """Format ``refs`` (already without repeats) in ``style`` and ``locale``: their
    bibliography entries when ``entries``, and the citation of ``refs[i]`` for each
    ``i`` in ``cite``, in that order. The references are numbered (numeric styles) and
    told apart (year suffixes) within ``refs``."""
    loaded = load(style, locale)
    if not refs:
        return Formatted([], [], [])
    with loaded.lock:
        bib, keys = _bibliography(loaded, refs)
        disambiguation.add_year_suffixes(loaded, bib)
        marked = _entries(loaded, bib) if entries else []
        cited = ""
        if cite:
            citation = Citation([data.Item(keys[i]) for i in cite])
            bib.register(citation)
            cited = str(bib.cite(citation, _unknown))
        position = {key: i for i, key in enumerate(keys)}
        order = [position[item.key] for item in bib.items]
    piq = loaded.punctuation_in_quote
    runs = [to_runs(m, piq) for m in marked]
    shown = [i for i, entry in enumerate(runs) if entry]  # the style may leave some out
    return Formatted([runs[i] for i in shown], [order[i] for i in shown] if entries else order,
                     to_runs(cited, piq))


def _unknown(item: CitationItem) -> None:  # pragma: no cover - every key is registered
    raise KeyError(item.key)
