"""Attachments: stored copies, links, PDF text, and `check` finding what went wrong."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest
from reportlab.pdfgen import canvas

from seminaire_app.domain import Owner, ReferenceDraft
from seminaire_app.errors import NotFound, ValidationError
from seminaire_app.services import attachments, checks, editions, references
from seminaire_app.services.references import ReferenceFilter
from seminaire_app.storage import files
from seminaire_app.storage.library import Library


def make_pdf(path: Path, text: str, pages: int = 1) -> Path:
    pdf = canvas.Canvas(str(path))
    for page in range(pages):
        pdf.drawString(72, 720, f"{text} (page {page + 1})")
        pdf.showPage()
    pdf.save()
    return path


@pytest.fixture
def ref_owner(lib: Library) -> Owner:
    return Owner("reference", references.add(lib, ReferenceDraft("report", "Rapport")).id)


def test_stored_copy_is_content_addressed_and_deduplicated(
        lib: Library, ref_owner: Owner, tmp_path: Path) -> None:
    pdf = make_pdf(tmp_path / "synthese_seminaire.pdf", "Synthese du seminaire cooperation")
    first = attachments.attach(lib, ref_owner, pdf)
    copy = tmp_path / "copie.pdf"
    copy.write_bytes(pdf.read_bytes())
    second = attachments.attach(lib, ref_owner, copy)
    assert first.stored and first.sha256 == second.sha256 == files.sha256_of(pdf)
    assert Path(first.path) == lib.files_dir / first.sha256[:2] / first.sha256
    assert Path(first.path).read_bytes() == pdf.read_bytes()
    assert [p for _n, p in files.iter_stored(lib.files_dir)] == [Path(first.path)]
    assert first.text_status == "ok" and first.filename == "synthese_seminaire.pdf"
    assert references.get(lib, ref_owner.id).attachment_count == 2
    assert references.list_ids(lib, ReferenceFilter(text="synthese")) == [ref_owner.id]
    # The original can go: the library has its own copy.
    pdf.unlink()
    assert checks.run(lib) == []


def test_detach_deletes_the_copy_only_when_unused(
        lib: Library, ref_owner: Owner, tmp_path: Path) -> None:
    doc = tmp_path / "a.txt"
    doc.write_text("texte", encoding="utf-8")
    one = attachments.attach(lib, ref_owner, doc)
    two = attachments.attach(lib, ref_owner, doc)
    attachments.detach(lib, one.id)
    assert Path(two.path).exists()
    attachments.detach(lib, two.id)
    assert not Path(two.path).exists()
    with pytest.raises(NotFound):
        attachments.get(lib, two.id)


def test_linked_file_is_relative_to_the_base_folder(
        lib: Library, ref_owner: Owner, tmp_path: Path) -> None:
    inside = lib.folder.parent / "documents" / "slides.txt"
    inside.parent.mkdir()
    inside.write_text("diapositives", encoding="utf-8")
    outside_dir = tmp_path.parent / f"{tmp_path.name}-elsewhere"
    outside_dir.mkdir()
    outside = outside_dir / "photo.jpg"
    outside.write_bytes(b"\xff\xd8\xff")
    near = attachments.attach(lib, ref_owner, inside, link=True)
    far = attachments.attach(lib, ref_owner, outside, link=True)
    assert not near.stored and Path(near.path) == inside.resolve()
    assert far.text_status == "unsupported"
    with lib.begin() as session:
        from seminaire_app.storage.models import AttachmentRow

        rows = {r.id: r for r in session.query(AttachmentRow)}
        assert (rows[near.id].link_path, rows[near.id].link_relative) == (
            os.path.join("documents", "slides.txt"), True)
        assert rows[far.id].link_relative is False
    assert list(files.iter_stored(lib.files_dir)) == []


def test_attachments_of_editions(lib: Library, tmp_path: Path) -> None:
    edition = editions.add(lib, 2017, "Séminaire 2017")
    pdf = make_pdf(tmp_path / "synthese_seminaire.pdf", "Bilan", pages=3)
    attached = attachments.attach(lib, Owner("edition", edition.id), pdf)
    assert attachments.list_for(lib, Owner("edition", edition.id)) == [attached]


def test_a_pdf_without_its_extension_is_indexed_as_a_pdf(
        lib: Library, ref_owner: Owner, tmp_path: Path) -> None:
    unnamed = tmp_path / "synthese"
    unnamed.write_bytes(make_pdf(tmp_path / "s.pdf", "Coopératives d'habitants").read_bytes())
    photo = tmp_path / "photo.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n not a pdf")
    assert attachments.attach(lib, ref_owner, unnamed).text_status == "ok"
    assert attachments.attach(lib, ref_owner, photo).text_status == "unsupported"
    assert references.list_ids(lib, ReferenceFilter(text="habitants")) == [ref_owner.id]


def test_unreadable_pdf_is_attached_with_a_status(
        lib: Library, ref_owner: Owner, tmp_path: Path) -> None:
    bad = tmp_path / "casse.pdf"
    bad.write_bytes(b"%PDF-1.4\n garbage garbage \x00\x01\x02")
    attached = attachments.attach(lib, ref_owner, bad)
    assert attached.text_status.startswith("error:")
    assert Path(attached.path).exists()


def test_missing_source_and_unknown_owner(lib: Library, ref_owner: Owner,
                                          tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as info:
        attachments.attach(lib, ref_owner, tmp_path / "absent.pdf")
    assert info.value.field == "file"
    doc = tmp_path / "x.txt"
    doc.write_text("x", encoding="utf-8")
    with pytest.raises(NotFound):
        attachments.attach(lib, Owner("workshop", 404), doc)
    assert list(files.iter_stored(lib.files_dir)) == []  # nothing copied for nothing


def test_check_reports_missing_corrupt_and_orphan_files(
        lib: Library, ref_owner: Owner, tmp_path: Path) -> None:
    docs = []
    for name in ("a.txt", "b.txt", "c.txt"):
        doc = tmp_path / name
        doc.write_text(f"contenu {name}", encoding="utf-8")
        docs.append(doc)
    a = attachments.attach(lib, ref_owner, docs[0])
    b = attachments.attach(lib, ref_owner, docs[1])
    link = attachments.attach(lib, ref_owner, docs[2], link=True)
    assert checks.run(lib) == []
    Path(a.path).unlink()
    Path(b.path).write_text("altéré", encoding="utf-8")
    docs[2].unlink()
    orphan = lib.files_dir / "ab" / ("ab" + "0" * 62)
    orphan.parent.mkdir(exist_ok=True)
    orphan.write_text("perdu", encoding="utf-8")
    problems = {(p.code, p.path) for p in checks.run(lib)}
    assert problems == {("missing-file", a.path), ("corrupt-file", b.path),
                        ("missing-link", link.path), ("orphan-file", str(orphan))}


def test_check_reports_a_damaged_database(lib: Library) -> None:
    # Foreign keys can only be switched off outside a transaction: use a raw connection.
    raw = lib.engine.raw_connection()
    try:
        raw.execute("PRAGMA foreign_keys = OFF")
        raw.execute("INSERT INTO creator (reference_id, position, role, family, given, "
                    "dropping_particle, non_dropping_particle, suffix, literal) "
                    "VALUES (999, 0, 'author', 'Fantôme', '', '', '', '', '')")
        raw.commit()
        raw.execute("PRAGMA foreign_keys = ON")
    finally:
        raw.close()
    codes = [p.code for p in checks.run(lib)]
    assert codes == ["foreign-key"]


@pytest.mark.allow_warning_logs
def test_text_extraction_keeps_pypdf_warnings_out_of_the_log_and_only_then(
        lib: Library, ref_owner: Owner, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """A damaged PDF is still attached; pypdf's complaints while its text is read are
    logged at DEBUG, below the app log's level, and pypdf logs as usual afterwards."""
    whole = tmp_path / "entier.pdf"
    pdf = canvas.Canvas(str(whole))
    pdf.drawString(72, 720, "Synthèse")
    pdf.save()
    truncated = tmp_path / "tronque.pdf"
    truncated.write_bytes(whole.read_bytes()[:-40])
    with caplog.at_level(logging.DEBUG, logger="pypdf"):
        attached = attachments.attach(lib, ref_owner, truncated)
        logging.getLogger("pypdf").warning("after the extraction")
    assert attached.filename == "tronque.pdf"
    from_pypdf = {(r.getMessage(), r.levelno) for r in caplog.records
                  if r.name.startswith("pypdf")}
    assert ("after the extraction", logging.WARNING) in from_pypdf
    assert any(level == logging.DEBUG for _, level in from_pypdf - {
        ("after the extraction", logging.WARNING)})
    assert not any(level >= logging.WARNING for message, level in from_pypdf
                   if message != "after the extraction")
