"""A file is a PDF by its header, whatever its name (seminaire_app.filekinds)."""

from __future__ import annotations

from pathlib import Path

import pytest

from seminaire_app.domain import Owner, ReferenceDraft
from seminaire_app.dossiers.appendix import pdf_kind
from seminaire_app.filekinds import is_present, looks_like_pdf
from seminaire_app.services import attachments, references
from seminaire_app.storage.library import Library
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
    empty = tmp_path / "vide.pdf"
    empty.write_bytes(b"")  # a PDF cut short, as the dossiers list it
    assert extract_text(empty) == ("", "error: unreadable PDF (the file is empty)")
    photo = photo.rename(tmp_path / "affiche.jpg")
    assert extract_text(photo) == ("", "unsupported")


def test_a_stored_copy_is_judged_by_the_user_s_name_for_it(lib: Library, tmp_path: Path) -> None:
    """The library stores files under their hash, without extension: the junk a « .pdf »
    may start with is still allowed there (the name is the attachment's)."""
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"\x00" * 100 + (DATA / "unsupported-filter.pdf").read_bytes())
    attached = attachments.attach(lib, Owner("reference", references.add(
        lib, ReferenceDraft("book", "Synthèse")).id), scan)
    assert attached.stored and Path(attached.path).suffix == ""
    assert looks_like_pdf(Path(attached.path)) is False  # by its own name: no « .pdf »
    assert looks_like_pdf(Path(attached.path), attached.filename) is True
    assert pdf_kind(attached) is None  # to be opened as a PDF (then found damaged)


def test_a_path_the_system_refuses_is_not_present(tmp_path: Path) -> None:
    assert is_present(tmp_path / ("x" * 300)) is False  # too long: 3.11's is_file raises
    assert is_present(tmp_path) is False  # a folder
    (tmp_path / "a.txt").write_text("a", encoding="utf-8")
    assert is_present(tmp_path / "a.txt") is True
