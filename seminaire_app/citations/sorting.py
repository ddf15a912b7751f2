"""Sort keys for bibliographies: what a French reader expects, not code-point order.

citeproc-py compares its sort keys as Python strings, so « Éme » came after « Zola »
and « Łapniewska » after everything. The keys are folded like the library's own sorts
(:func:`seminaire_app.textfold.fold`: accents, case and ligatures ignored), with the
original text after a separator to keep the order stable between keys that fold alike.
"""

from __future__ import annotations

from typing import Any

from ..textfold import fold
from .markup import GLUE_LEFT, GLUE_RIGHT, strip_markers

_TIE = "\x00"


def collation_key(key: Any) -> Any:
    """A string key folded for sorting; numbers and missing keys (None) unchanged."""
    if key is None or isinstance(key, int):
        return key
    text = str(key).replace(f"{GLUE_LEFT} {GLUE_RIGHT}", "")
    text = strip_markers(text)
    if text.isdigit():  # citeproc-py compares these as numbers: 9 before 10
        return text
    return f"{fold(text)}{_TIE}{text}"
