"""A file is a PDF by its header, whatever its name (seminaire_app.filekinds)."""

from __future__ import annotations

from pathlib import Path

import pytest

from seminaire_app.filekinds import looks_like_pdf
from seminaire_app.textextract import extract_text

DATA = Path(__file__).parent / "data" / "pdf"
PDF_START = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"


@pytest.mark.parametrize(("name", "content", "expected"), [
    ("synthese", PDF_START, True),  # no extension: the header says it
    ("synthese.PDF", PDF_START, True),
    ("scan.pdf", b"\x00" * 100 + PDF_START, True),  # junk first, as viewers allow
    ("scan.bin", b"\x00" * 100 + PDF_START, False),  # …only for a file named « .pdf »
    ("photo.pdf", b"\xff\xd8\xff\xe0 JFIF", False),
    ("notes.md", b"# Formats\nExport as %PDF-1.7 for printing.\n", False),
    ("vide.pdf", b"", False),
    ("late.pdf", b" " * 1100 + PDF_START, False),  # past the first KiB
])
def test_a_pdf_is_known_by_its_header(tmp_path: Path, name: str, content: bytes,
                                      expected: bool) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    assert looks_like_pdf(path) is expected


def test_an_unreadable_file_is_neither(tmp_path: Path) -> None:
    assert looks_like_pdf(tmp_path / "absent.pdf") is None
    assert looks_like_pdf(tmp_path) is None  # a folder


def test_a_pdf_pypdf_cannot_decode_gets_a_status_not_an_exception() -> None:
    # A damaged stream filter makes pypdf raise NotImplementedError, not PdfReadError.
    text, status = extract_text(DATA / "unsupported-filter.pdf")
    assert text == ""
    assert status.startswith("error: unreadable PDF (Unsupported filter")
    assert status.isprintable()


def test_a_note_quoting_a_pdf_header_is_read_as_text(tmp_path: Path) -> None:
    note = tmp_path / "formats.md"
    note.write_text("%PDF-1.7 is the version to export\n", encoding="utf-8")
    assert extract_text(note) == ("%PDF-1.7 is the version to export\n", "ok")
    photo = tmp_path / "affiche.pdf"
    photo.write_bytes(b"\xff\xd8\xff\xe0 JFIF")
    assert extract_text(photo) == ("", "error: not a PDF, whatever its name says")
    photo = photo.rename(tmp_path / "affiche.jpg")
    assert extract_text(photo) == ("", "unsupported")
