"""Folding text for search and sorting: case, accents and ligatures.

SQLite's ``unicode61 remove_diacritics 2`` folds é→e but leaves œ, æ, ł, ß, ø… alone, so
the core folds both what it indexes and what users type with :func:`fold`: then
``coeur`` finds « cœur » and ``Œuvre`` finds « oeuvre ».
"""

from __future__ import annotations

import unicodedata

# Letters that NFKD does not decompose into a base letter plus accents.
_SPECIAL = str.maketrans({
    "œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss", "ẞ": "ss", "ł": "l", "Ł": "l",
    "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ð": "d", "Ð": "d", "þ": "th", "Þ": "th",
    "ı": "i", "ħ": "h", "Ħ": "h", "’": "'", "ʼ": "'", "‘": "'",
})


def fold(text: str) -> str:
    """Lower-case ``text``, strip accents and ligatures: « Cœur Éléments » → « coeur elements »."""
    text = text.translate(_SPECIAL)
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.casefold()


def sort_key(text: str) -> str:
    """A key that sorts French titles as a reader expects (accents ignored, case too)."""
    return fold(text).strip(" \t\"'«»“”([{").lstrip()
