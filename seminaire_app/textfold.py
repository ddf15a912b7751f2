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


def fold_slowly(text: str) -> str:
    """The definition of :func:`fold`: ligatures, NFKD without combining marks, casefold."""
    text = text.translate(_SPECIAL)
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.casefold()


class _FoldTable(dict[int, str]):
    """``str.translate`` table of :func:`fold_slowly`, filled one character at a time.

    Each step of the definition works character by character (a ligature maps to
    letters, NFKD splits a character into a base and marks that are dropped, casefold is
    context-free), so translating each character by its fold is the same function, about
    four times faster on the megabytes a bulk import indexes and sorts (a test checks).
    """

    def __missing__(self, codepoint: int) -> str:
        folded = self[codepoint] = fold_slowly(chr(codepoint))
        return folded


_FOLD_TABLE = _FoldTable()


def fold(text: str) -> str:
    """Lower-case ``text``, strip accents and ligatures: « Cœur Éléments » → « coeur elements »."""
    return text.translate(_FOLD_TABLE)


def sort_key(text: str) -> str:
    """A key that sorts French titles as a reader expects (accents ignored, case too)."""
    return fold(text).strip(" \t\"'«»“”([{").lstrip()
