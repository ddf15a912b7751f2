"""What citeproc-py writes for us, and how it becomes runs, plain text and HTML.

citeproc-py's HTML formatter pastes user data into markup unescaped (« A & B <b>x</b> »
comes out as live tags). So the engine formats with :data:`FORMATTER`, which wraps
formatted text in private-use marker characters instead of tags; the data are stripped
of those characters before formatting, so a marker always comes from the style. The
marked string is then cut into :class:`Run` objects, and text and HTML are written from
the runs, escaping every character of data.

Other markers carry what the style layer knows but cannot say in plain text: where a
DOI or URL starts and ends (links in the dossiers' PDF), where a closing quotation mark
stands (punctuation moves inside it in American English), and how a particle ending in
an apostrophe joins the family name (« d’Arcy », not « d’ Arcy »).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from citeproc.string import String

ITALIC_ON, ITALIC_OFF = "\ue100", "\ue101"
BOLD_ON, BOLD_OFF = "\ue102", "\ue103"
SMALL_CAPS_ON, SMALL_CAPS_OFF = "\ue104", "\ue105"
SUP_ON, SUP_OFF = "\ue106", "\ue107"
SUB_ON, SUB_OFF = "\ue108", "\ue109"
DOI_ON, URL_ON, LINK_OFF = "\ue10a", "\ue10b", "\ue10c"
QUOTE_CLOSE_ON, QUOTE_CLOSE_OFF = "\ue10d", "\ue10e"  # around a closing quotation mark
GLUE_LEFT, GLUE_RIGHT = "\ue10f", "\ue110"  # « d’ » GLUE_LEFT, space, GLUE_RIGHT « Arcy »
BLOCK = "\ue111"  # around what the style displays as a block: a line of its own

#: Every marker; user data never contains them (:func:`strip_markers`).
MARKERS = frozenset(chr(c) for c in range(0xE100, 0xE112))
_MARKER_CLASS = "\ue100-\ue111"
_BLOCKS_RE = re.compile(f"[ ]*{BLOCK}[{BLOCK} ]*")
_MARKER_RE = re.compile(f"[{_MARKER_CLASS}]")
_SPLIT_RE = re.compile(f"([{_MARKER_CLASS}])")

_FLAGS = {ITALIC_ON: ("italic", 1), ITALIC_OFF: ("italic", -1),
          BOLD_ON: ("bold", 1), BOLD_OFF: ("bold", -1),
          SMALL_CAPS_ON: ("small_caps", 1), SMALL_CAPS_OFF: ("small_caps", -1),
          SUP_ON: ("superscript", 1), SUP_OFF: ("superscript", -1),
          SUB_ON: ("subscript", 1), SUB_OFF: ("subscript", -1)}
_LINK_SCHEMES = ("http://", "https://", "ftp://", "ftps://")
_DOI_RESOLVERS = ("https://doi.org/", "http://doi.org/", "https://dx.doi.org/",
                  "http://dx.doi.org/", "doi.org/")


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of a formatted entry with one look: what a PDF builder draws.

    ``text`` may hold a line break (``\\n``) where the style starts a block of its own
    (ISO 690 author-date puts the abstract on its own line).
    """

    text: str
    italic: bool = False
    bold: bool = False
    small_caps: bool = False
    link: str = ""  # the target of a DOI or URL, when the entry shows one
    superscript: bool = False
    subscript: bool = False

    def same_look(self, other: Run) -> bool:
        return replace(self, text="") == replace(other, text="")


def strip_markers(text: str) -> str:
    """User data without the private-use characters that the engine reserves."""
    return _MARKER_RE.sub("", text)


def is_marker(char: str) -> bool:
    return char in MARKERS


def _wrapper(on: str, off: str) -> Callable[[Any], Any]:
    def wrap(text: Any) -> Any:
        return String(on + str(text) + off)
    return wrap


def _unchanged(text: Any) -> Any:
    return text


class _MarkerFormatter:
    """citeproc-py's formatter protocol (a module in citeproc): markers instead of tags.

    ``preformat`` leaves style text alone: everything is escaped at the very end.
    Underline and light weight have no place in a reference list; they are ignored.
    """

    preformat = staticmethod(_unchanged)
    Italic = staticmethod(_wrapper(ITALIC_ON, ITALIC_OFF))
    Oblique = Italic
    Bold = staticmethod(_wrapper(BOLD_ON, BOLD_OFF))
    Light = staticmethod(_unchanged)
    Underline = staticmethod(_unchanged)
    Superscript = staticmethod(_wrapper(SUP_ON, SUP_OFF))
    Subscript = staticmethod(_wrapper(SUB_ON, SUB_OFF))
    SmallCaps = staticmethod(_wrapper(SMALL_CAPS_ON, SMALL_CAPS_OFF))


FORMATTER = _MarkerFormatter()


# --- from the marked string to runs ------------------------------------------------------

def _glue_particles(marked: str) -> str:
    """« d’ » + space + « Arcy » → « d’Arcy »; the markers go wherever they stand."""
    return marked.replace(f"{GLUE_LEFT} {GLUE_RIGHT}", "").replace(GLUE_LEFT, "").replace(
        GLUE_RIGHT, "")


def _next_visible(text: str, start: int) -> int:
    """Index of the first character at or after ``start`` that is not a marker."""
    while start < len(text) and text[start] in MARKERS:
        start += 1
    return start


def _move_into_quotes(marked: str, inside: bool) -> str:
    """Punctuation after a closing quotation mark.

    When the locale puts punctuation inside quotes (American English), a period or comma
    that follows the closing mark moves before it: « “Title.” ». A period is dropped when
    the quoted text already ends with . ? or ! (citeproc-js and pandoc do the same).
    Only the markers that the engine put around a closing quotation mark are looked at.
    """
    out: list[str] = []
    pos = 0
    while True:
        start = marked.find(QUOTE_CLOSE_ON, pos)
        if start < 0:
            out.append(marked[pos:])
            return "".join(out)
        end = marked.find(QUOTE_CLOSE_OFF, start)
        if end < 0:  # pragma: no cover - the engine always closes what it opens
            out.append(marked[pos:])
            return "".join(out)
        before, quote = marked[pos:start], marked[start + 1:end]
        after = _next_visible(marked, end + 1)
        punct = marked[after] if after < len(marked) else ""
        if inside and punct in (".", ","):
            last = strip_markers(before).rstrip()[-1:]
            if not (punct == "." and last in (".", "?", "!")):
                before += punct
            out.extend((before, quote, marked[end + 1:after]))
            pos = after + 1
        else:
            out.extend((before, quote))
            pos = end + 1


def _link_target(kind: str, text: str) -> str:
    if kind == DOI_ON:
        return "https://doi.org/" + text.strip()
    url = text.strip()
    return url if url.lower().startswith(_LINK_SCHEMES) else ""


def _tokens(marked: str) -> Iterable[str]:
    return (t for t in _SPLIT_RE.split(marked) if t)


def _blocks(marked: str) -> str:
    """A block of the style (ISO 690's abstract) starts a line: one line break for each
    run of block markers and the spaces around them."""
    return _BLOCKS_RE.sub("\n", marked)


def to_runs(marked: str, punctuation_in_quote: bool = False) -> list[Run]:
    """The runs of one entry or citation as the engine marked it."""
    marked = _blocks(_move_into_quotes(_glue_particles(marked), punctuation_in_quote))
    depth = {"italic": 0, "bold": 0, "small_caps": 0, "superscript": 0, "subscript": 0}
    link_kind = ""
    pending: list[tuple[str, dict[str, int]]] = []  # text inside a link, until it closes
    runs: list[Run] = []

    def run(text: str, state: dict[str, int], link: str = "") -> Run:
        return Run(text, italic=state["italic"] > 0, bold=state["bold"] > 0,
                   small_caps=state["small_caps"] > 0, link=link,
                   superscript=state["superscript"] > 0, subscript=state["subscript"] > 0)

    for token in _tokens(marked):
        if token in _FLAGS:
            name, step = _FLAGS[token]
            depth[name] = max(0, depth[name] + step)
        elif token in (DOI_ON, URL_ON):
            link_kind, pending = token, []
        elif token == LINK_OFF:
            target = _link_target(link_kind, "".join(text for text, _ in pending))
            runs.extend(run(text, state, target) for text, state in pending)
            link_kind, pending = "", []
        elif link_kind:
            pending.append((token, dict(depth)))
        else:
            runs.append(run(token, depth))
    runs.extend(run(text, state) for text, state in pending)  # an unclosed link
    return _tidy(_doi_prefix_in_link(runs))


def _doi_prefix_in_link(runs: list[Run]) -> list[Run]:
    """« https://doi.org/ » written by the style before a DOI belongs to its link."""
    out: list[Run] = []
    for run in runs:
        previous = out[-1] if out else None
        if (run.link.startswith("https://doi.org/") and previous is not None
                and not previous.link):
            resolver = next((r for r in _DOI_RESOLVERS if previous.text.endswith(r)), "")
            if resolver:
                head = previous.text[:-len(resolver)]
                out[-1:] = [replace(previous, text=head)] if head else []
                out.append(replace(run, text=resolver + run.text))
                continue
        out.append(run)
    return out


def _tidy(runs: Sequence[Run]) -> list[Run]:
    """Merge runs that look alike; no space at either end of the entry."""
    merged: list[Run] = []
    for run in runs:
        if not run.text:
            continue
        if merged and merged[-1].same_look(run):
            merged[-1] = replace(merged[-1], text=merged[-1].text + run.text)
        else:
            merged.append(run)
    while merged and not merged[0].text.strip():
        merged.pop(0)
    while merged and not merged[-1].text.strip():
        merged.pop()
    if merged:
        merged[0] = replace(merged[0], text=merged[0].text.lstrip())
        merged[-1] = replace(merged[-1], text=merged[-1].text.rstrip())
    return [replace(run, text=run.text.replace(" \n", "\n").replace("\n ", "\n"))
            if "\n" in run.text else run for run in merged]


# --- writing runs ------------------------------------------------------------------------

def runs_text(runs: Iterable[Run]) -> str:
    return "".join(run.text for run in runs)


def _run_html(run: Run) -> str:
    text = html.escape(run.text, quote=False).replace("\n", "<br>")
    if run.superscript:
        text = f"<sup>{text}</sup>"
    if run.subscript:
        text = f"<sub>{text}</sub>"
    if run.small_caps:
        text = f'<span style="font-variant:small-caps">{text}</span>'
    if run.bold:
        text = f"<b>{text}</b>"
    if run.italic:
        text = f"<i>{text}</i>"
    if run.link:
        text = f'<a href="{html.escape(run.link, quote=True)}">{text}</a>'
    return text


def runs_html(runs: Iterable[Run]) -> str:
    """HTML of the runs: every character of data is escaped."""
    return "".join(_run_html(run) for run in runs)

