"""Punctuation where two pieces of a formatted reference meet.

citeproc-py only drops a doubled mark when both sides are plain text: it writes
« l’analyse ?. » (a title ending in « ? » before the style's « . »), « autrement. . »
(a suffix « . » after a macro that ends in « . »), and keeps both marks on either side of
italics. :func:`concat` applies instead the table of citeproc-js, which pandoc's citeproc
copies, and looks through the engine's markers (italics, links, quotes) to find the
characters that really meet. It is only used where the style joins pieces (affixes and
delimiters), never inside one piece of data.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from typing import Any

from citeproc.string import String

from .markup import MARKERS

_KEEP_FIRST = frozenset({
    ("!", "."), ("!", ":"), ("?", "."), ("?", ":"), (":", "."), (";", ":"), (";", "."),
    ("!", "!"), ("?", "?"), (".", "."), (":", ":"), (";", ";"), (",", ","),
})
_KEEP_SECOND = frozenset({
    (":", "!"), (":", "?"), (";", "!"), (";", "?"), (" ", " "), (" ", ","), (" ", "."),
})


def _last_visible(text: str) -> int:
    i = len(text) - 1
    while i >= 0 and text[i] in MARKERS:
        i -= 1
    return i


def _first_visible(text: str) -> int:
    i = 0
    while i < len(text) and text[i] in MARKERS:
        i += 1
    return i if i < len(text) else -1


def _is_quote_like(char: str) -> bool:
    return char in "\"'" or unicodedata.category(char) == "Pf"


def _end_before_quote(text: str) -> str:
    """The last character before closing quotation marks (and spaces), if ``text`` ends
    with one: « “Quoi ?” » gives « ? », so that a period after it can go."""
    visible = "".join(c for c in text if c not in MARKERS).rstrip()
    if not visible or not _is_quote_like(visible[-1]):
        return ""
    inner = visible
    while inner and (inner[-1].isspace() or _is_quote_like(inner[-1])):
        inner = inner[:-1]
    return inner[-1:]


def _drop_leading(text: str, char: str) -> str:
    out = []
    dropping = True
    for c in text:
        if dropping and c == char:
            continue
        if c not in MARKERS:
            dropping = False
        out.append(c)
    return "".join(out)


def _drop_trailing(text: str, char: str) -> str:
    return _drop_leading(text[::-1], char)[::-1]


def fix_pair(left: str, right: str) -> tuple[str, str]:
    """``left`` and ``right`` with the marks that must go where they meet removed."""
    while True:
        i, j = _last_visible(left), _first_visible(right)
        if i < 0 or j < 0:
            return left, right
        start, end = right[j], left[i]
        if start == ".":
            end = _end_before_quote(left) or end
        if (end, start) in _KEEP_FIRST:
            trimmed = _drop_leading(right, start)
            if trimmed == right:
                return left, right
            right = trimmed
        elif (end, start) in _KEEP_SECOND:
            trimmed = _drop_trailing(left, end)
            if trimmed == left:
                return left, right
            left = trimmed
        else:
            return left, right


def concat(left: Any, right: Any) -> Any:
    """``left + right`` (citeproc strings) with the punctuation fixed at the seam."""
    left_text, right_text = str(left), str(right)
    if not left_text:
        return right
    if not right_text:
        return left
    new_left, new_right = fix_pair(left_text, right_text)
    if new_left != left_text:
        left = String(new_left)
    if new_right != right_text:
        right = String(new_right)
    if not new_left:
        return right
    if not new_right:
        return left
    return left + right


def join(items: Iterable[Any], delimiter: str = "") -> Any:
    """Like ``citeproc.string.join``, with :func:`concat` at each seam."""
    output: Any = None
    for item in items:
        if output is None:
            output = item
            continue
        if delimiter:
            output = concat(output, delimiter)
        output = concat(output, item)
    return String("") if output is None else output
