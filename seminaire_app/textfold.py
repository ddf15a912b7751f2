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


# Prepositions a family name may start with, not sorted on when typed in lower case
# (French usage, as in the BnF's catalogue: « La Fontaine, Jean de » among the L's);
# articles (« Le Goff », « Du Bellay », « la Tour ») are part of the name and count.
_SORT_PARTICLES = ("de ", "d'", "d\u2019", "von ", "van der ", "van den ", "van ")


def family_sort_key(family: str) -> str:
    """:func:`sort_key` of a family name, past its lower-case « de », « d’ », « von » or
    « van »: « d’Arcy » sorts among the A's, « de La Fontaine » among the L's."""
    name = " ".join(family.split())  # a no-break space pasted from a word processor too
    stripped = True
    while stripped:
        stripped = False
        for particle in _SORT_PARTICLES:
            rest = name[len(particle):]
            if name.startswith(particle) and rest.strip():
                name, stripped = rest.lstrip(), True
                break
    return sort_key(name)
