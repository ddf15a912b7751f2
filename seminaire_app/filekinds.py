"""What a file is, by its content rather than its name.

A PDF saved without its extension (« synthèse ») or a photo renamed « .pdf » is common in
a shared folder; the full-text index, the dossiers and the attachment panel all ask here.
"""

from __future__ import annotations

from pathlib import Path

# Where a PDF's header may start: viewers look this far (some writers put a few bytes
# of junk first).
PDF_HEADER_ROOM = 1024


def looks_like_pdf(path: Path) -> bool | None:
    """Whether the file at ``path`` starts like a PDF; None when it cannot be read."""
    try:
        with path.open("rb") as file:
            return b"%PDF-" in file.read(PDF_HEADER_ROOM)
    except OSError:
        return None
