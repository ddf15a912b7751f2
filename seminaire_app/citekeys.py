"""Citation keys: ``rameau2017programme``, made unique with a letter suffix."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from .domain import Creator
from .errors import ValidationError
from .textfold import fold

_KEY_CHARS = re.compile(r"^[A-Za-z0-9_:.\-+/]+$")
_STOPWORDS = frozenset((
    "a", "an", "the", "of", "on", "in", "and", "for", "to", "le", "la", "les", "l", "un", "une",
    "des", "du", "de", "d", "et", "en", "au", "aux", "pour", "sur", "par", "dans", "avec",
    "entre"))


def _ascii_word(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", fold(text))


def base_key(creators: Sequence[Creator], issued: str, title: str) -> str:
    first = next((c for c in creators if c.role == "author"), creators[0] if creators else None)
    if first is None:
        name = "anon"
    elif first.literal:
        words = [_ascii_word(w) for w in first.literal.split()]
        name = next((w for w in words if w and w not in _STOPWORDS), "") or "anon"
    else:
        name = _ascii_word(first.family) or "anon"
    year = issued[:4] if issued[:4].isdigit() else "nd"
    title_words = [_ascii_word(w) for w in re.split(r"[\s'’\-]+", title)]
    word = next((w for w in title_words if w and w not in _STOPWORDS), "")
    return f"{name}{year}{word}"


def unique_key(base: str, taken: Callable[[str], bool]) -> str:
    """``base``, else ``base`` + a, b, …, z, aa, ab… — the first one not ``taken``."""
    if not taken(base):
        return base
    n = 0
    while True:
        suffix, m = "", n
        while True:
            suffix = chr(ord("a") + m % 26) + suffix
            m = m // 26 - 1
            if m < 0:
                break
        if not taken(base + suffix):
            return base + suffix
        n += 1


def validate_key(key: str) -> str:
    key = key.strip()
    if not key:
        raise ValidationError("citation-key", "a citation key cannot be empty")
    if not _KEY_CHARS.match(key):
        raise ValidationError("citation-key",
                              "« {key} » may only hold letters a-z, digits and _ : . - + /",
                              key=key)
    if key.isdigit():
        raise ValidationError("citation-key", "a citation key cannot be only digits")
    return key
