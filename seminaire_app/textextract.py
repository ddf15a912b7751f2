"""Text of attached files, for the full-text index."""

from __future__ import annotations

import logging
from pathlib import Path

from .filekinds import looks_like_pdf

log = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".csv", ".bib", ".ris"}
MAX_CHARS = 2_000_000  # a 1,000-page PDF; past that the index only needs the start


def extract_text(path: Path) -> tuple[str, str]:
    """(text, status) of a file; status is "ok", "empty", "unsupported" or "error: …".

    Never raises for a bad file: an unreadable PDF is still attached, just not searchable.
    """
    if path.suffix.lower() not in TEXT_SUFFIXES:
        # A PDF by its content: saved without « .pdf » it is still one, and a photo
        # named « .pdf » is none.
        is_pdf = looks_like_pdf(path)
        if is_pdf is None:
            return "", "error: the file cannot be read"
        if is_pdf:
            return _pdf_text(path)
        if path.suffix.lower() == ".pdf":  # named so, and something else: say it
            if path.stat().st_size == 0:  # a PDF cut short, as the dossiers say
                return "", "error: unreadable PDF (the file is empty)"
            return "", "error: not a PDF, whatever its name says"
        return "", "unsupported"
    try:
        body = path.read_text(encoding="utf-8", errors="replace")[:MAX_CHARS]
    except OSError as exc:
        return "", f"error: {exc.strerror or exc}"
    return body, "ok" if body.strip() else "empty"


def _pdf_text(path: Path) -> tuple[str, str]:
    # pypdf logs warnings for every odd object in real-world PDFs; they say nothing to
    # users, whose file is attached anyway: demoted to DEBUG while we read it.
    from .pdflog import quiet_pypdf

    with quiet_pypdf():
        return _read_pdf_text(path)


def _read_pdf_text(path: Path) -> tuple[str, str]:
    from pypdf import PdfReader

    from .pdflog import DAMAGED_PDF_ERRORS

    try:
        reader = PdfReader(path)
        if reader.is_encrypted:
            try:
                reader.decrypt("")
            except Exception as exc:
                return "", f"error: encrypted PDF ({exc})"
        parts: list[str] = []
        total = 0
        for page in reader.pages:
            chunk = page.extract_text() or ""
            parts.append(chunk)
            total += len(chunk)
            if total > MAX_CHARS:
                break
    except (*DAMAGED_PDF_ERRORS, OSError) as exc:
        log.info("no text from %s: %s", path, exc)
        reason = "".join(c if c.isprintable() else "?" for c in str(exc))  # for a tooltip
        return "", f"error: unreadable PDF ({reason})"
    body = "\n".join(parts)[:MAX_CHARS]
    return body, "ok" if body.strip() else "empty"
