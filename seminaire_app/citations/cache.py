"""A small least-recently-used cache: formatted entries, sort keys and trial citations.

citeproc-py takes 3 to 20 ms an entry, so formatting the same references again (a
preview, a dossier rebuilt) reuses what was formatted. Keys hold everything the result
depends on: the style and locale (one cache per loaded style), the reference's data as
given to citeproc-py (its fingerprint), and its year suffix and number where they show.
Not thread-safe by itself: it is used under the style's lock.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable
from typing import Generic, TypeVar

V = TypeVar("V")
_MISSING = object()


class LRU(Generic[V]):
    """At most ``size`` values; the least recently used goes first."""

    def __init__(self, size: int) -> None:
        self._size = size
        self._data: OrderedDict[Hashable, V] = OrderedDict()

    def __len__(self) -> int:
        return len(self._data)

    def get(self, key: Hashable) -> V | None:
        value = self._data.get(key, _MISSING)
        if value is _MISSING:
            return None
        self._data.move_to_end(key)
        return value  # type: ignore[return-value]  # not _MISSING, so a V

    def put(self, key: Hashable, value: V) -> None:
        self._data[key] = value
        self._data.move_to_end(key)
        while len(self._data) > self._size:
            self._data.popitem(last=False)

    def clear(self) -> None:
        self._data.clear()
