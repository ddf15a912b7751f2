"""What our element classes share: seams, caches, and the rendering's bookkeeping.

Some fixes need to know what happened while an entry was rendered (which variables a
group called, which ones a ``substitute`` used). lxml drops Python attributes of an
element once nothing refers to it, so that bookkeeping lives in :data:`TRACE`, one per
thread (a style is rendered by one thread at a time: see :mod:`.engine`).
"""

from __future__ import annotations

import re
import threading
from typing import Any

from citeproc import model
from citeproc.source import VariableError
from citeproc.string import String

from . import punctuation
from .markup import BLOCK, MARKERS

_WORDS = re.compile(r"(\s+)")
_STOP_WORDS = frozenset(model.TextCased._stop_words)
NS = {"cs": "http://purl.org/net/xbiblio/csl"}
TEXT_TAG = "{http://purl.org/net/xbiblio/csl}text"
NAMES_TAG = "{http://purl.org/net/xbiblio/csl}names"
YEAR_SUFFIX_SHOWN = "seminaire:year-suffix"  # noted in the layout's per-entry dict
CITATION_OR_BIBLIOGRAPHY = "./ancestor::*[self::cs:citation or self::cs:bibliography][1]"


class _Trace(threading.local):
    """What the element being rendered needs to know about the ones rendered before."""

    def __init__(self) -> None:
        self.called = 0  # variables asked for, so far
        self.rendered = 0  # variables that gave something, so far
        self.recording: list[set[tuple[str, str]]] = []  # one set per open substitute
        self.number_variable = ""  # the variable a cs:number is formatting
        self.names_depth = 0  # names elements being rendered, one inside the other
        self.capturing = False  # a cite is rendered: note its first names in names_seen
        self.names_seen: str | None = None
        self.suppress_names = False  # a cite is rendered without its first names

    def record(self, tag: str, variable: str) -> None:
        for frame in self.recording:
            frame.add((tag, variable))


TRACE = _Trace()


def _capitalize(word: str) -> str:
    """``word`` with its first letter (after any marker) in upper case."""
    for i, char in enumerate(word):
        if char not in MARKERS:
            return word[:i] + char.upper() + word[i + 1:]
    return word


def title_case(text: str) -> str:
    """CSL title case as pandoc's citeproc applies it: words in lower case are
    capitalised, stop words too at the start and after « : » or « . », each part of a
    hyphenated word too (« Co-Operative »), and spaces are kept as they were.

    citeproc-py left the part after a hyphen alone and turned no-break spaces into
    spaces."""
    out = []
    previous = ":"
    for token in _WORDS.split(text):
        if not token or token.isspace():
            out.append(token)
            continue
        parts = token.split("-")
        for i, part in enumerate(parts):
            bare = "".join(c for c in part if c not in MARKERS)
            starts = i == 0 and previous in ":."
            if bare.islower() and (bare not in _STOP_WORDS or starts):
                parts[i] = _capitalize(part)
        out.append("-".join(parts))
        previous = "".join(c for c in token if c not in MARKERS)[-1:] or previous
    return "".join(out)


def cased(case: Any, text: Any, language: str | None, text_case: str | None) -> Any:
    """citeproc-py's text-case, applied after any leading markers (it capitalised the
    first character, which would otherwise be the marker that opens italics); title
    case by :func:`title_case`, for English (citeproc-py's rule)."""
    if text_case == "title":
        return String(title_case(str(text))) if language == "en" else text
    raw = str(text)
    lead = 0
    while lead < len(raw) and raw[lead] in MARKERS:
        lead += 1
    if lead == 0 or lead == len(raw):
        return case(text, language)
    return String(raw[:lead]) + case(String(raw[lead:]), language)


class Seams:
    """Affixes and delimiters with pandoc's punctuation rules (:mod:`.punctuation`);
    terms and macros looked up once per style instead of by XPath each time."""

    get: Any
    iterchildren: Any
    get_root: Any

    def wrap(self, string: Any) -> Any:
        if string is None:
            return None
        prefix, suffix = self.get("prefix", ""), self.get("suffix", "")
        if prefix:
            string = punctuation.concat(prefix, string)
        if suffix:
            string = punctuation.concat(string, suffix)
        if self.get("display") == "block":  # citeproc-py ignored it
            string = BLOCK + string + BLOCK
        return string

    def join(self, strings: Any, default_delimiter: str = "") -> Any:
        delimiter = self.get("delimiter", default_delimiter)
        return punctuation.join((s for s in strings if s is not None), delimiter)

    def render_children(self, item: Any, delimiter: str = "", **kwargs: Any) -> Any:
        output = []
        for child in self.iterchildren():
            try:
                if isinstance(child, model.Choose):
                    text = child.render(item, delimiter=delimiter, **kwargs)
                else:
                    text = child.render(item, **kwargs)
            except VariableError:
                continue
            if text is not None:
                output.append(text)
        return punctuation.join(output, delimiter) if output else None

    def cached(self, key: tuple[Any, ...], compute: Any) -> Any:
        """``compute()``, once per style for ``key``; element keys stay alive in the cache,
        so that lxml gives back the same element objects."""
        cache: dict[tuple[Any, ...], Any] = self.get_root().seminaire_cache
        if key not in cache:
            cache[key] = compute()
        return cache[key]

    def get_macro(self, name: str) -> Any:
        return self.cached(("macro", name),
                           lambda: model.CitationStylesElement.get_macro(self, name))

    def get_term(self, name: str, form: str | None = None, fallback_locale: bool = True,
                 zero_padded: bool = False) -> Any:
        return self.cached(("term", name, form, fallback_locale, zero_padded),
                           lambda: model.CitationStylesElement.get_term(
                               self, name, form, fallback_locale, zero_padded))

    def get_layout(self) -> Any:
        return self.cached(("layout", self),
                           lambda: model.CitationStylesElement.get_layout(self))

    def citation_or_bibliography(self, context: Any) -> Any:
        """The ``citation`` or ``bibliography`` element that ``context`` is in."""
        where: Any = context if context is not None else self
        return self.cached(("parent", where),
                           lambda: where.xpath(CITATION_OR_BIBLIOGRAPHY, namespaces=NS)[0])


def layout_repressed(context: Any) -> dict[str, list[str]] | None:
    try:
        repressed: dict[str, list[str]] = context.get_layout().repressed
    except (IndexError, AttributeError):  # not below a layout: nothing substituted
        return None
    return repressed
