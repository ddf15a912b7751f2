"""How long work reports progress and learns that the user cancelled it."""

from __future__ import annotations

from typing import Protocol


class Progress(Protocol):
    """Given to long operations; the UI implements it over a progress dialog."""

    def report(self, done: int, total: int, label: str = "") -> None:
        """``done`` of ``total`` steps are finished; ``label`` says what is being done."""

    def cancelled(self) -> bool:
        """True once the user asked to stop: the operation then raises Cancelled."""


class _NullProgress:
    def report(self, done: int, total: int, label: str = "") -> None:
        pass

    def cancelled(self) -> bool:
        return False


NULL_PROGRESS: Progress = _NullProgress()
