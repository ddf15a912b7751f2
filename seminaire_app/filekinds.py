"""What a file is, by its content rather than its name.

A PDF saved without its extension (« synthèse ») or a photo renamed « .pdf » is common in
a shared folder; the full-text index, the dossiers and the attachment panel all ask here.
"""

from __future__ import annotations

import re
from pathlib import Path

# Where a PDF's header may start: viewers look this far (some writers put a few bytes
# of junk first).
PDF_HEADER_ROOM = 1024
_PDF_HEADER = re.compile(rb"%PDF-\d\.\d")


def is_present(path: Path) -> bool:
    """Whether a file is at ``path``. False also where Python 3.11's ``is_file`` raises:
    a folder we may not enter, a name too long for the system."""
    try:
        return path.is_file()
    except OSError:
        return False


def looks_like_pdf(path: Path, name: str = "") -> bool | None:
    """Whether the file at ``path`` is a PDF by its header; None when it cannot be read.

    The header must open the file, or (as viewers allow) come within its first KiB when
    the file is named « .pdf » — ``name``, the user's name for it, or the path's own (a
    stored copy's path has no extension): a note that quotes « %PDF-1.7 » is no PDF."""
    try:
        with path.open("rb") as file:
            head = file.read(PDF_HEADER_ROOM)
    except OSError:
        return None
    if head.startswith(b"%PDF-"):  # even cut short there: a PDF, damaged
        return True
    named_pdf = (name or path.name).lower().endswith(".pdf")
    return named_pdf and _PDF_HEADER.search(head) is not None
