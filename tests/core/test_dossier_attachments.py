"""Attached files in packs: appended PDFs with bookmarks and contents lines; missing,
encrypted, corrupt and non-PDF files listed with a note and reported."""

from __future__ import annotations

import logging
import threading
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from dossier_support import (
    ContentsLine,
    contents_lines,
    encrypted_pdf,
    link_targets,
    outline,
    outlined_pdf,
    page_texts,
    small_edition,
    small_pdf,
    squash,
    word_boxes,
)
from pypdf import PageObject, PdfReader, PdfWriter
from pypdf.errors import PdfReadError
from pypdf.generic import NameObject, RectangleObject

from seminaire_app.domain import Attachment, AttachmentId, Owner, Visibility
from seminaire_app.dossiers import (
    AttachmentProblem,
    DossierRequest,
    ProblemKind,
    Template,
    build_dossier,
)
from seminaire_app.dossiers.appendix import pdf_kind
from seminaire_app.pdflog import _demote, quiet_pypdf
from seminaire_app.services import attachments, notes, workshops
from seminaire_app.storage.library import Library


def _edition_owner(lib: Library) -> Owner:
    return Owner("edition", small_edition(lib).id)


def test_attached_pdfs_are_appended_with_bookmarks_and_contents_lines(
        lib: Library, tmp_path: Path) -> None:
    owner = _edition_owner(lib)
    attachments.attach(lib, owner, small_pdf(tmp_path / "synthese.pdf", 3, "Synthèse"))
    ws = workshops.get(lib, 2024, 2)
    attachments.attach(lib, Owner("workshop", ws.id),
                       small_pdf(tmp_path / "compte-rendu.pdf", 2, "Compte rendu"))
    out = tmp_path / "pack.pdf"
    report = build_dossier(lib, DossierRequest(year=2024), out)
    assert report.appended == ("synthese.pdf", "compte-rendu.pdf")
    assert report.problems == ()
    texts = [squash(t) for t in page_texts(out)]
    total = len(texts)
    assert report.page_count == total
    assert [t.startswith(label) for t, label in zip(texts[-5:], [
        "Synthèse page 1", "Synthèse page 2", "Synthèse page 3", "Compte rendu page 1",
        "Compte rendu page 2"], strict=True)] == [True] * 5
    lines = contents_lines(out)
    assert [(line.title, line.page) for line in lines[-2:]] == [
        ("synthese.pdf", total - 4), ("compte-rendu.pdf", total - 1)]
    annex = next(line.page for line in lines if line.title == "Documents joints")
    listing = texts[annex - 1]
    assert "synthese.pdf Séminaire prospectif 2024" in listing
    assert "compte-rendu.pdf Atelier n° 2 — Évaluer les impacts" in listing
    assert f"page {total - 4}" in listing or str(total - 4) in listing
    assert (1, "synthese.pdf", total - 4) in outline(out)
    marks = outline(out)
    chapter = marks.index((0, "Documents joints", annex))
    assert marks[chapter + 1:] == [(1, "synthese.pdf", total - 4),
                                   (1, "compte-rendu.pdf", total - 1)]
    # « page X / Y » counts the appended pages, and is stamped on them too.
    assert f"page 2 / {total}" in texts[1]
    for number in range(total - 4, total + 1):
        assert f"page {number} / {total}" in texts[number - 1]
    # The contents lines of the appended PDFs are links to their first pages, like the
    # chapters' (the contents fit on page 2).
    assert contents_lines(out, 2) == []
    targets = link_targets(out, 2)
    assert targets[-2:] == [total - 4, total - 1]
    assert annex in targets


def test_an_attached_pdfs_own_bookmarks_nest_under_its_bookmark(
        lib: Library, tmp_path: Path) -> None:
    owner = _edition_owner(lib)
    attachments.attach(lib, owner, outlined_pdf(
        tmp_path / "synthese.pdf", 4, "Synthèse",
        [(0, "Introduction", 1), (0, "Méthode", 2), (1, "Terrain « rural »", 3),
         (2, "Entretiens", 3), (0, "Conclusion", 4)]))
    attachments.attach(lib, owner, small_pdf(tmp_path / "annexe.pdf", 2, "Annexe"))
    out = tmp_path / "pack.pdf"
    report = build_dossier(lib, DossierRequest(year=2024), out)
    assert report.appended == ("synthese.pdf", "annexe.pdf") and report.problems == ()
    total = len(PdfReader(out).pages)
    first = total - 5
    marks = outline(out)
    chapter = next(i for i, mark in enumerate(marks) if mark[1] == "Documents joints")
    assert marks[chapter + 1:] == [
        (1, "synthese.pdf", first),
        (2, "Introduction", first), (2, "Méthode", first + 1),
        (3, "Terrain « rural »", first + 2), (4, "Entretiens", first + 2),
        (2, "Conclusion", first + 3),
        (1, "annexe.pdf", total - 1)]
    assert page_texts(out)[first + 1].startswith("Synthèse page 3")
    # Still one contents line per attached file.
    assert [line.title for line in contents_lines(out)][-2:] == ["synthese.pdf", "annexe.pdf"]


def test_a_note_titled_like_the_attachments_chapter_keeps_its_own_bookmarks(
        lib: Library, tmp_path: Path) -> None:
    owner = _edition_owner(lib)
    notes.add(lib, owner, "Ce qui est joint, et pourquoi.", title="Documents joints",
              visibility=Visibility.PARTICIPANTS)
    attachments.attach(lib, owner, small_pdf(tmp_path / "synthese.pdf", 1, "Synthèse"))
    out = tmp_path / "pack.pdf"
    build_dossier(lib, DossierRequest(year=2024), out)
    marks = outline(out)
    total = len(PdfReader(out).pages)
    chapters = [i for i, mark in enumerate(marks) if mark[:2] == (0, "Documents joints")]
    assert len(chapters) == 2
    assert marks[chapters[0] + 1][0] == 0  # the note's bookmark has no children
    assert marks[chapters[1] + 1:] == [(1, "synthese.pdf", total)]


def test_a_damaged_outline_is_left_out_and_the_pdf_appended(
        lib: Library, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    owner = _edition_owner(lib)
    writer = PdfWriter(clone_from=outlined_pdf(tmp_path / "source.pdf", 2, "Abîmé",
                                               [(0, "Début", 1), (1, "Suite", 2)]))
    # A /Count that is not a number: pypdf cannot read this outline at all.
    writer.outline[0].node[NameObject("/Count")] = NameObject("/Beaucoup")  # type: ignore[union-attr]
    writer.write(tmp_path / "abime.pdf")
    attachments.attach(lib, owner, tmp_path / "abime.pdf")
    out = tmp_path / "pack.pdf"
    with caplog.at_level(logging.DEBUG, logger="seminaire_app"):
        report = build_dossier(lib, DossierRequest(year=2024), out)
    assert report.appended == ("abime.pdf",) and report.problems == ()
    total = len(PdfReader(out).pages)
    assert outline(out)[-1] == (1, "abime.pdf", total - 1)
    assert page_texts(out)[-1].startswith("Abîmé page 2")
    assert any("outline of" in r.getMessage() and r.levelno == logging.DEBUG
               for r in caplog.records)


def test_stamps_are_upright_on_rotated_and_offset_pages(lib: Library, tmp_path: Path) -> None:
    owner = _edition_owner(lib)
    source = PdfReader(small_pdf(tmp_path / "plain.pdf", 2, "Tourné"))
    writer = PdfWriter(clone_from=source)
    writer.pages[0].rotation = 90
    writer.pages[1].cropbox = RectangleObject((50, 60, 500, 700))
    writer.write(tmp_path / "tourne.pdf")
    attachments.attach(lib, owner, tmp_path / "tourne.pdf")
    out = tmp_path / "pack.pdf"
    build_dossier(lib, DossierRequest(year=2024), out)
    total = len(PdfReader(out).pages)
    # Poppler gives word boxes as the page is shown (turned, cropped), from its top left.
    for page, (width, height) in ((total - 1, (841.89, 595.28)), (total, (450, 640))):
        stamp = [w for w in word_boxes(out, page) if height - 25 < w.y_max <= height]
        assert " ".join(w.text for w in stamp) == f"page {page} / {total}"  # at the foot
        left, right = stamp[0].x_min, stamp[-1].x_max
        assert abs((left + right) / 2 - width / 2) < 5, (page, left, right)  # centred
        assert right - left > 5 * (stamp[0].y_max - stamp[0].y_min)  # upright
    assert "Tourné" in [w.text for w in word_boxes(out, total - 1)]


def test_files_that_cannot_be_appended_are_listed_and_reported(
        lib: Library, tmp_path: Path) -> None:
    owner = _edition_owner(lib)
    attachments.attach(lib, owner, encrypted_pdf(tmp_path / "secret.pdf", "pw", "Secret"))
    attachments.attach(lib, owner, encrypted_pdf(tmp_path / "owner-only.pdf", "", "Ouvert"))
    corrupt = tmp_path / "abime.pdf"
    corrupt.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 8)
    attachments.attach(lib, owner, corrupt)
    gone = attachments.attach(lib, owner, small_pdf(tmp_path / "perdu.pdf", 1, "Perdu"))
    Path(gone.path).unlink()
    linked = small_pdf(tmp_path / "lien.pdf", 1, "Lien")
    attachments.attach(lib, owner, linked, link=True)
    linked.unlink()
    slides = tmp_path / "diapos.odp"
    slides.write_bytes(b"PK\x03\x04 not really slides")
    attachments.attach(lib, owner, slides)
    out = tmp_path / "pack.pdf"
    report = build_dossier(lib, DossierRequest(year=2024), out)
    label = "Séminaire prospectif 2024"
    assert set(report.problems) == {
        AttachmentProblem("secret.pdf", ProblemKind.ENCRYPTED, label),
        AttachmentProblem("abime.pdf", ProblemKind.CORRUPT, label),
        AttachmentProblem("perdu.pdf", ProblemKind.MISSING, label),
        AttachmentProblem("lien.pdf", ProblemKind.MISSING, label),
        AttachmentProblem("diapos.odp", ProblemKind.NOT_PDF, label)}
    # A PDF with an owner password only opens without one: it is appended.
    assert report.appended == ("owner-only.pdf",)
    texts = [squash(t) for t in page_texts(out)]
    assert texts[-1].startswith("Ouvert page 1")
    annex = next(line.page for line in contents_lines(out) if line.title == "Documents joints")
    listing = texts[annex - 1]
    for note in ("secret.pdf Séminaire prospectif 2024 PDF protégé par un mot de passe",
                 "abime.pdf Séminaire prospectif 2024 PDF illisible",
                 "perdu.pdf Séminaire prospectif 2024 fichier introuvable",
                 "lien.pdf Séminaire prospectif 2024 fichier introuvable",
                 "diapos.odp Séminaire prospectif 2024 document non PDF"):
        assert note in listing, note
    assert [line.title for line in contents_lines(out)][-1] == "owner-only.pdf"


def test_without_attachments_nothing_is_appended_but_files_are_listed(
        lib: Library, tmp_path: Path) -> None:
    owner = _edition_owner(lib)
    attachments.attach(lib, owner, small_pdf(tmp_path / "synthese.pdf", 3, "Synthèse"))
    out = tmp_path / "pack.pdf"
    report = build_dossier(lib, DossierRequest(year=2024, attachments=False), out)
    assert report.appended == () and report.problems == ()
    texts = [squash(t) for t in page_texts(out)]
    assert "synthese.pdf Séminaire prospectif 2024 non joint à ce dossier" in texts[-1]
    assert not any("Synthèse page" in t for t in texts)
    assert report.page_count == len(PdfReader(out).pages)


def test_workshop_dossier_appends_the_edition_and_workshop_files_only(
        lib: Library, tmp_path: Path) -> None:
    owner = _edition_owner(lib)
    attachments.attach(lib, owner, small_pdf(tmp_path / "synthese.pdf", 1, "Synthèse"))
    for number in (1, 2):
        ws = workshops.get(lib, 2024, number)
        attachments.attach(lib, Owner("workshop", ws.id),
                           small_pdf(tmp_path / f"cr{number}.pdf", 1, f"CR {number}"))
    out = tmp_path / "ws1.pdf"
    report = build_dossier(lib, DossierRequest(Template.WORKSHOP, year=2024, workshop=1), out)
    assert report.appended == ("synthese.pdf", "cr1.pdf")


def test_a_pdf_is_known_by_its_first_bytes_not_its_name(lib: Library, tmp_path: Path) -> None:
    owner = _edition_owner(lib)
    unnamed = small_pdf(tmp_path / "synthese.pdf", 2, "Sans extension")
    attachments.attach(lib, owner, unnamed.rename(tmp_path / "synthese"))
    disguised = tmp_path / "photo.pdf"
    disguised.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))  # a picture named .pdf
    attachments.attach(lib, owner, disguised)
    out = tmp_path / "pack.pdf"
    report = build_dossier(lib, DossierRequest(year=2024), out)
    assert report.appended == ("synthese",)
    label = "Séminaire prospectif 2024"
    assert report.problems == (AttachmentProblem("photo.pdf", ProblemKind.NOT_PDF, label),)
    texts = [squash(t) for t in page_texts(out)]
    assert texts[-1].startswith("Sans extension page 2")
    assert f"photo.pdf {label} document non PDF" in texts[-3]


def test_checking_attachments_reports_progress_to_the_end(lib: Library,
                                                          tmp_path: Path) -> None:
    owner = _edition_owner(lib)
    for name in ("a.pdf", "b.pdf"):
        attachments.attach(lib, owner, small_pdf(tmp_path / name, 1, name))
    reports: list[tuple[int, int]] = []

    class Recorder:
        def report(self, done: int, total: int, label: str = "") -> None:
            if label == "attachments":
                reports.append((done, total))

        def cancelled(self) -> bool:
            return False

    build_dossier(lib, DossierRequest(year=2024), tmp_path / "pack.pdf", progress=Recorder())
    assert reports[-1] == (2, 2)


@pytest.mark.parametrize("size", [0, 5])
def test_empty_or_tiny_pdf_files_are_corrupt(lib: Library, tmp_path: Path, size: int) -> None:
    owner = _edition_owner(lib)
    bad = tmp_path / "vide.pdf"
    bad.write_bytes(b"%PDF-"[:size])
    attachments.attach(lib, owner, bad)
    report = build_dossier(lib, DossierRequest(year=2024), tmp_path / "pack.pdf")
    assert [p.kind for p in report.problems] == [ProblemKind.CORRUPT]


def _mark_pages(path: Path, key: str) -> Path:
    """``path`` with an entry ``key`` (a page dictionary entry viewers ignore) on every
    page, to tell its pages apart once copied into a dossier."""
    writer = PdfWriter(clone_from=path)
    for page in writer.pages:
        page[NameObject(key)] = NameObject("/Oui")
    writer.write(path)
    return path


@pytest.mark.parametrize("step", ["append", "stamp"])
def test_a_pdf_that_opens_but_cannot_be_copied_is_listed_and_pages_stay_true(
        lib: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str) -> None:
    owner = _edition_owner(lib)
    attachments.attach(lib, owner, _mark_pages(small_pdf(tmp_path / "casse.pdf", 3, "Cassé"),
                                               "/Casse"))
    attachments.attach(lib, owner, small_pdf(tmp_path / "bon.pdf", 2, "Bon"))
    original_append, original_cropbox = PdfWriter.append, PageObject.cropbox

    def flaky_append(self: PdfWriter, fileobj: Any, *args: Any, **kwargs: Any) -> None:
        if isinstance(fileobj, PdfReader) and "/Casse" in fileobj.pages[0]:
            raise PdfReadError("a broken object deep inside")
        original_append(self, fileobj, *args, **kwargs)

    def flaky_cropbox(self: PageObject) -> RectangleObject:
        # pypdf reads the crop box of every page to stamp it; no damage found makes it
        # fail in a way not already caught, hence a failure made here.
        if "/Casse" in self:
            raise PdfReadError("a crop box beyond repair")
        box: RectangleObject = original_cropbox.fget(self)  # type: ignore[attr-defined]
        return box

    if step == "append":
        monkeypatch.setattr(PdfWriter, "append", flaky_append)
    else:
        monkeypatch.setattr(PageObject, "cropbox", property(flaky_cropbox))
    out = tmp_path / "pack.pdf"
    report = build_dossier(lib, DossierRequest(year=2024), out)
    assert report.appended == ("bon.pdf",)
    assert [(p.filename, p.kind) for p in report.problems] == [("casse.pdf",
                                                                ProblemKind.CORRUPT)]
    texts = [squash(t) for t in page_texts(out)]
    assert report.page_count == len(texts)
    assert texts[-2].startswith("Bon page 1") and not any("Cassé" in t for t in texts)
    assert any("casse.pdf Séminaire prospectif 2024 PDF illisible" in t for t in texts)
    assert contents_lines(out)[-1] == ContentsLine("bon.pdf", len(texts) - 1)
    assert f"page {len(texts)} / {len(texts)}" in texts[-1]


def _truncated_pdf(path: Path) -> Path:
    whole = small_pdf(path, 3, "Tronqué").read_bytes()
    path.write_bytes(whole[:len(whole) // 2])
    return path


def test_pypdf_warnings_about_attached_pdfs_stay_out_of_the_log(
        lib: Library, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    owner = _edition_owner(lib)
    attachments.attach(lib, owner, _truncated_pdf(tmp_path / "tronque.pdf"))
    attachments.attach(lib, owner, small_pdf(tmp_path / "bon.pdf", 1, "Bon"))
    # textextract (run by attach) quiets pypdf only while it reads: the level is back.
    with caplog.at_level(logging.DEBUG), caplog.at_level(logging.DEBUG, logger="pypdf"):
        report = build_dossier(lib, DossierRequest(year=2024), tmp_path / "pack.pdf")
    assert [(p.filename, p.kind) for p in report.problems] == [("tronque.pdf",
                                                                ProblemKind.CORRUPT)]
    assert report.appended == ("bon.pdf",)
    from_pypdf = [r for r in caplog.records if r.name.startswith("pypdf")]
    assert "EOF marker not found" in [r.getMessage() for r in from_pypdf]
    assert {r.levelno for r in from_pypdf} == {logging.DEBUG}  # kept, below the app's level


@pytest.mark.allow_warning_logs
def test_pypdf_warnings_are_quiet_only_in_the_block_and_its_thread(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    truncated = _truncated_pdf(tmp_path / "tronque.pdf")

    def read() -> None:
        with pytest.raises(PdfReadError):
            PdfReader(truncated)

    def levels() -> set[int]:
        found = {r.levelno for r in caplog.records if r.name.startswith("pypdf")}
        caplog.clear()
        return found

    with caplog.at_level(logging.DEBUG), caplog.at_level(logging.DEBUG, logger="pypdf"):
        with quiet_pypdf(), quiet_pypdf():  # blocks nest
            read()
            assert levels() == {logging.DEBUG}
            elsewhere = threading.Thread(target=read)
            elsewhere.start()
            elsewhere.join()
            assert levels() == {logging.WARNING}  # another thread's reading
            read()
        read()
    assert levels() == {logging.DEBUG, logging.WARNING}  # the outer block, then none
    assert not any(_demote in logging.getLogger(name).filters
                   for name in logging.root.manager.loggerDict if name.startswith("pypdf"))


def test_a_path_the_system_refuses_to_look_at_is_listed_as_missing(tmp_path: Path) -> None:
    # Python 3.11's is_file() raises for a name too long, or a folder we may not enter.
    refused = Attachment(AttachmentId(1), Owner("edition", 1), "synthèse.pdf", False, "",
                         str(tmp_path / ("x" * 300 + ".pdf")), 0, "ok", datetime.now())
    assert pdf_kind(refused) is ProblemKind.MISSING
