"""Reading and writing bibliographic files: BibTeX/BibLaTeX, RIS and CSL-JSON.

Every reader has the same shape: ``parse(text: str, base_dir: Path | None = None) ->
ParseResult``. It never raises for bad content: each broken entry becomes an
:class:`EntryError` with its line number, and reading resumes at the next entry. Every
writer is ``write(refs: Sequence[Reference]) -> str``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..domain import ReferenceDraft


@dataclass(frozen=True, slots=True)
class ParsedEntry:
    """One good entry: a draft ready for services.references, and where it came from."""

    draft: ReferenceDraft
    line: int  # 1-based line where the entry starts
    files: tuple[Path, ...] = ()  # existing files named by the entry (JabRef/Zotero `file`)


@dataclass(frozen=True, slots=True)
class EntryError:
    """One bad entry: where it starts and why it was left out."""

    line: int
    reason: str
    key: str = ""


@dataclass(frozen=True, slots=True)
class ParseResult:
    entries: tuple[ParsedEntry, ...] = ()
    errors: tuple[EntryError, ...] = ()
    warnings: tuple[str, ...] = field(default_factory=tuple)
