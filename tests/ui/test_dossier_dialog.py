"""Seminar → Dossiers…: options, preview, save, print, cancel, per-participant packs,
attachment problems, driven on the 2017 demo as the team would before a seminar."""

from __future__ import annotations

from pathlib import Path

import pytest
from dossier_ui import BUILD_TIMEOUT, answer_replace, menu_action, open_dialog
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QComboBox, QDialog, QFileDialog, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from seminaire_app.domain import Owner
from seminaire_app.dossiers.model import Grouping, PageSize, Section, Selection, Template
from seminaire_app.progress import NULL_PROGRESS
from seminaire_app.services import attachments, participants, workshops
from seminaire_app.storage.library import Library
from ui.dossier_build import remember
from ui.dossier_dialog import OPTIONS_KEY, DossierDialog
from ui.dossier_flow import DossierContext, context_for, load_choices
from ui.dossier_names import Source
from ui.dossier_options import DossierOptions
from ui.main_window import MainWindow
from ui.settings import Settings
from ui.sidebar import Place


def choose_workshop(dialog: DossierDialog, number: int) -> None:
    dialog.options.set_template(Template.WORKSHOP)
    dialog.options.set_workshop(number)


def preview(qtbot: QtBot, dialog: DossierDialog) -> int:
    """Build the preview and wait until its pages can be drawn; the page count."""
    with qtbot.waitSignal(dialog.preview_ready, timeout=BUILD_TIMEOUT) as blocker:
        dialog.preview_button.click()
    assert dialog.preview.document.status() == QPdfDocument.Status.Ready
    return int(blocker.args[0])


def pdf_text(path: Path) -> str:
    """The text of the PDF, its apostrophes straight (the dossier curls them)."""
    text = "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)
    return text.replace("\u2019", "'")


def workshop_title(dialog: DossierDialog, number: int) -> str:
    return workshops.get(dialog.library, 2017, number).title


# --- menu and options ----------------------------------------------------------------------

def test_the_seminar_menu_opens_the_dialog_on_the_workshop_shown(qtbot: QtBot,
                                                                 window: MainWindow) -> None:
    window.sidebar.select(Place("workshop", year=2017, number=3))
    action = menu_action(window, "&Seminar", "&Dossiers and printing…")
    assert action.shortcut().toString() == "Ctrl+P"
    dialog = open_dialog(qtbot, window)
    request = dialog.options.request()
    assert request.template is Template.WORKSHOP
    assert (request.year, request.workshop) == (2017, 3)
    assert dialog.preview_button.isDefault()
    dialog.reject()


def test_context_of_sidebar_places() -> None:
    assert context_for(Place("edition", year=2017)) == DossierContext(year=2017)
    assert context_for(Place("programme", year=2017)) == DossierContext(year=2017)
    assert context_for(Place("workshop", year=2017, number=2)) == DossierContext(2017, 2)
    assert context_for(Place("tag", "Tiers-lieux"), [4]) == DossierContext(
        tag="Tiers-lieux", selected=(4,))
    assert context_for(None, [1, 2]) == DossierContext(selected=(1, 2))


def test_fields_follow_the_template(dialog: DossierDialog) -> None:
    options = dialog.options
    options.set_template(Template.BADGES)
    assert not options.style.isEnabled() and not options.grouping.isEnabled()
    assert not options.contents_box.isEnabled()
    assert not any(box.isEnabled() for box in options.sections.values())
    assert not options.workshop.isEnabled() and not options.participant.isEnabled()
    assert options.locale.isEnabled() and options.page_size.isEnabled()
    options.set_template(Template.PACK)
    assert options.style.isEnabled() and options.contents_box.isEnabled()
    assert not options.workshop.isEnabled() and options.participant.isEnabled()
    assert not options.sections[Section.PARTICIPANTS].isChecked()
    assert not options.emails.isEnabled()  # only with the participants list
    options.sections[Section.PARTICIPANTS].setChecked(True)
    assert options.emails.isEnabled()
    options.emails.setChecked(True)
    assert options.request().include_emails
    options.sections[Section.PARTICIPANTS].setChecked(False)
    assert not options.emails.isEnabled() and not options.request().include_emails
    options.sections[Section.ATTACHMENTS].setChecked(False)
    assert not options.append_pdfs.isEnabled() and not options.request().attachments
    options.set_template(Template.BIBLIOGRAPHY)
    assert options.grouping.isEnabled() and options.source.isEnabled()
    assert not options.contents_box.isEnabled()


def test_a_bibliography_of_a_tag_or_a_workshop(dialog: DossierDialog) -> None:
    options = dialog.options
    options.set_template(Template.BIBLIOGRAPHY)
    options.source.setCurrentIndex(options.source.findData(Source.TAG.value))
    assert options.source_value.isEnabled() and not options.edition.isEnabled()
    tag = options.source_value.currentData()
    options.grouping.setCurrentIndex(options.grouping.findData(Grouping.TYPE.value))
    request = options.request()
    assert request.selection == Selection(tag=tag) and request.year is None
    assert request.grouping is Grouping.TYPE
    options.source.setCurrentIndex(options.source.findData(Source.WORKSHOP.value))
    options.set_workshop(4)
    assert options.workshop.isEnabled() and not options.source_value.isEnabled()
    assert options.request().selection == Selection(workshop=(2017, 4))
    # No reference was selected in the table: that source cannot be chosen.
    model = options.source.model()
    row = options.source.findData(Source.SELECTED.value)
    assert not model.flags(model.index(row, 0)) & Qt.ItemFlag.ItemIsEnabled


def test_selected_references_are_a_source(qtbot: QtBot, window: MainWindow) -> None:
    page = window.references_page
    page.table.selectRow(0)
    ids = page.selected_ids()
    dialog = open_dialog(qtbot, window)
    options = dialog.options
    options.set_template(Template.BIBLIOGRAPHY)
    options.source.setCurrentIndex(options.source.findData(Source.SELECTED.value))
    assert options.source.currentText() == "The references selected in the table (1)"
    assert options.request().selection == Selection(references=tuple(map(str, ids)))
    dialog.reject()


def test_options_are_remembered(qtbot: QtBot, window: MainWindow) -> None:
    dialog = open_dialog(qtbot, window)
    options = dialog.options
    options.set_template(Template.BIBLIOGRAPHY)
    options.page_size.setCurrentIndex(options.page_size.findData(PageSize.LETTER.value))
    options.sections[Section.PROGRAMME].setChecked(False)
    style = options.style.itemData(2)
    options.style.setCurrentIndex(2)
    dialog.reject()
    qtbot.waitUntil(lambda: window.dossier_flow.dialog is None)
    again = open_dialog(qtbot, window).options
    assert again.current_template() is Template.BIBLIOGRAPHY
    assert again.request().page_size is PageSize.LETTER and again.request().style == style
    again.set_template(Template.PACK)
    assert Section.PROGRAMME not in again.request().sections
    assert again.request().participant_id is None
    window.dossier_flow.dialog.reject()


# --- preview, save, print ------------------------------------------------------------------

def test_preview_of_a_workshop_dossier(qtbot: QtBot, dialog: DossierDialog) -> None:
    choose_workshop(dialog, 2)
    pages = preview(qtbot, dialog)
    assert pages > 0 and dialog.preview.page_count() == pages
    path = dialog.preview.path
    assert path is not None and len(PdfReader(path).pages) == pages
    text = " ".join(pdf_text(path).split())
    assert " ".join(workshop_title(dialog, 2).split()[:4]) in text
    assert not dialog.preview.is_outdated() and dialog.has_fresh_preview()
    assert "Preview: " in dialog.status.text()
    # Another option: the preview says it is out of date, and Enter builds it again.
    dialog.options.set_workshop(3)
    assert dialog.preview.is_outdated() and not dialog.has_fresh_preview()
    dialog.options.workshop.setFocus()
    with qtbot.waitSignal(dialog.preview_ready, timeout=BUILD_TIMEOUT):
        qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert not dialog.preview.is_outdated()
    assert path is not None and not path.exists()  # the previous preview file is gone
    assert dialog.focusWidget() is dialog.options.workshop  # Enter again: a preview again
    # An option changed while the preview is built: it arrives out of date.
    with qtbot.waitSignal(dialog.preview_ready, timeout=BUILD_TIMEOUT):
        dialog.options.set_workshop(4)
        qtbot.keyClick(dialog, Qt.Key.Key_Return)
        dialog.options.set_workshop(1)
    assert dialog.preview.is_outdated()


def test_save_as_pdf_copies_the_fresh_preview(qtbot: QtBot, dialog: DossierDialog,
                                              tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    choose_workshop(dialog, 2)
    pages = preview(qtbot, dialog)
    asked: list[str] = []

    def get_save_file_name(_parent: object, _title: str, suggested: str,
                           _filter: str) -> tuple[str, str]:
        asked.append(suggested)
        return str(tmp_path / "out" / "atelier 2"), "PDF"

    (tmp_path / "out").mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", get_save_file_name)
    with qtbot.waitSignal(dialog.saved, timeout=BUILD_TIMEOUT) as blocker:
        dialog.save_button.click()
    saved = tmp_path / "out" / "atelier 2.pdf"
    assert blocker.args[0] == (saved,)
    assert Path(asked[0]).name.startswith("Workshop 2") and asked[0].endswith(".pdf")
    assert len(PdfReader(saved).pages) == pages
    assert [p.name for p in saved.parent.iterdir()] == [saved.name]
    assert "atelier 2.pdf" in dialog.status.text()
    # The folder is remembered for the next time. The same name typed again without
    # « .pdf »: the file dialog could not ask before replacing « atelier 2.pdf », we do.
    questions = answer_replace(monkeypatch, replace=True)
    dialog.options.set_workshop(3)
    with qtbot.waitSignal(dialog.saved, timeout=BUILD_TIMEOUT):
        dialog.save_button.click()  # not previewed: built straight into the file
    assert Path(asked[1]).parent == tmp_path / "out"
    assert len(questions) == 1 and "atelier 2.pdf" in questions[0]
    text = " ".join(pdf_text(saved).split())
    assert " ".join(workshop_title(dialog, 3).split()[:4]) in text


def test_save_without_a_preview_builds_into_the_file(qtbot: QtBot, dialog: DossierDialog,
                                                     tmp_path: Path) -> None:
    choose_workshop(dialog, 1)
    target = tmp_path / "atelier 1.pdf"
    with qtbot.waitSignal(dialog.saved, timeout=BUILD_TIMEOUT):
        dialog.save(target)
    text = " ".join(pdf_text(target).split())
    assert " ".join(workshop_title(dialog, 1).split()[:4]) in text
    assert not dialog.has_fresh_preview()


def test_print_to_a_pdf_printer(qtbot: QtBot, dialog: DossierDialog, tmp_path: Path) -> None:
    choose_workshop(dialog, 2)
    pages = preview(qtbot, dialog)
    printer = dialog.make_printer()
    printer.setResolution(150)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    with qtbot.waitSignal(dialog.printed, timeout=BUILD_TIMEOUT) as blocker:
        dialog.print_to(printer)
    assert blocker.args[0] == pages
    reader = PdfReader(printed)
    assert len(reader.pages) == pages
    width = float(reader.pages[0].mediabox.width)
    assert abs(width - 595) < 2  # A4, as the dossier
    assert dialog.task is None and dialog.save_button.isEnabled()
    assert dialog.status.text() == f"{pages} pages sent to the printer."


def test_printing_can_be_cancelled(qtbot: QtBot, dialog: DossierDialog, tmp_path: Path) -> None:
    dialog.options.set_template(Template.PACK)
    preview(qtbot, dialog)
    printer = dialog.make_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "cancelled.pdf"))
    with qtbot.waitSignal(dialog.printed, timeout=BUILD_TIMEOUT) as blocker:
        dialog.print_to(printer)
        assert dialog.task is not None and not dialog.print_button.isEnabled()
        dialog.task.cancel()
    assert blocker.args[0] == 0 and dialog.status.text() == "Printing cancelled."
    assert dialog.print_button.isEnabled()


def test_print_builds_the_preview_first_and_honours_a_page_range(
        qtbot: QtBot, dialog: DossierDialog, tmp_path: Path) -> None:
    choose_workshop(dialog, 2)
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "two.pdf"))
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(1, 2)
    with qtbot.waitSignal(dialog.printed, timeout=BUILD_TIMEOUT) as blocker:
        dialog.print_to(printer)
    assert dialog.preview.page_count() >= 2
    assert blocker.args[0] == 2 and len(PdfReader(tmp_path / "two.pdf").pages) == 2


# --- cancel, errors, problems --------------------------------------------------------------

def test_cancel_leaves_no_file_and_the_dialog_usable(qtbot: QtBot, dialog: DossierDialog,
                                                     tmp_path: Path) -> None:
    dialog.options.set_template(Template.PACK)
    out = tmp_path / "out"
    out.mkdir()
    target = out / "pack.pdf"
    with qtbot.waitSignal(dialog.built, timeout=BUILD_TIMEOUT) as blocker:
        dialog.save(target)
        assert dialog.busy() and not dialog.save_button.isEnabled()
        assert dialog.task is not None
        dialog.task.cancel()
    assert blocker.args[0] is None
    assert list(out.iterdir()) == []  # nor a temporary file
    assert dialog.status.text() == "Cancelled: nothing was written."
    assert not dialog.busy() and dialog.preview_button.isEnabled()
    assert dialog.options.isEnabled()
    with qtbot.waitSignal(dialog.built, timeout=BUILD_TIMEOUT) as blocker:
        dialog.build_preview()
        assert dialog.task is not None
        dialog.task.cancel()
    assert blocker.args[0] is None and not any(dialog._tmp.iterdir())
    assert preview(qtbot, dialog) > 0  # and it works again


def test_escape_during_a_build_cancels_then_closes(qtbot: QtBot, dialog: DossierDialog,
                                                   tmp_path: Path) -> None:
    dialog.options.set_template(Template.PACK)
    dialog.save(tmp_path / "pack.pdf")
    with qtbot.waitSignal(dialog.finished, timeout=BUILD_TIMEOUT):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        assert dialog.isVisible()  # until the build has stopped
    assert not (tmp_path / "pack.pdf").exists()


def test_a_workshop_without_workshops_cannot_be_built(qtbot: QtBot, window: MainWindow) -> None:
    for ws in workshops.list_workshops(window.library, 2017):
        workshops.delete(window.library, 2017, ws.number)
    dialog = open_dialog(qtbot, window)
    choose_workshop(dialog, 1)
    assert not dialog.preview_button.isEnabled() and not dialog.save_button.isEnabled()
    assert dialog.status.text() == "This edition has no workshop yet."
    dialog.options.set_template(Template.PACK)
    assert dialog.preview_button.isEnabled() and dialog.status.text() == ""
    dialog.reject()


def test_a_corrupt_attachment_is_listed_after_the_build(qtbot: QtBot, window: MainWindow,
                                                        tmp_path: Path) -> None:
    broken = tmp_path / "compte-rendu atelier 2.pdf"
    broken.write_bytes(b"%PDF-1.4\nthis is no PDF at all\n")
    ws = workshops.get(window.library, 2017, 2)
    attachments.attach(window.library, Owner("workshop", ws.id), broken)
    dialog = open_dialog(qtbot, window)
    choose_workshop(dialog, 2)
    preview(qtbot, dialog)
    status = dialog.status.text()
    assert "1 attached file could not be added to the dossier:" in status
    assert "“compte-rendu atelier 2.pdf”" in status
    assert "damaged" in status
    dialog.reject()


# --- one pack per participant --------------------------------------------------------------

def test_one_pack_per_participant_into_a_folder(qtbot: QtBot, dialog: DossierDialog,
                                                tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "packs"
    folder.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        lambda *_args: str(folder))
    options = dialog.options
    options.set_template(Template.PACK)
    for section in (Section.BIBLIOGRAPHY, Section.ATTACHMENTS, Section.CONTENTS):
        options.sections[section].setChecked(False)  # quicker, and enough to tell
    options.per_participant.setChecked(True)
    options.combined.setChecked(False)
    assert not options.participant.isEnabled() and options.combined.isEnabled()
    with qtbot.waitSignal(dialog.saved, timeout=BUILD_TIMEOUT * 2) as blocker:
        dialog.save_button.click()
    registered = participants.registrations(dialog.library, 2017)
    written = sorted(folder.glob("*.pdf"))
    assert len(written) == len(registered) == len(blocker.args[0])
    assert all(len(PdfReader(p).pages) > 0 for p in written[:2])
    assert f"{len(registered)} copies written to" in dialog.status.text()


def test_print_button_goes_through_the_print_dialog(qtbot: QtBot, dialog: DossierDialog,
                                                    tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    printed = tmp_path / "from the dialog.pdf"
    asked: list[tuple[int, int]] = []

    def accept(print_dialog: QPrintDialog) -> int:
        asked.append((print_dialog.fromPage(), print_dialog.toPage()))
        printer = print_dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        printer.setResolution(100)
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    choose_workshop(dialog, 2)
    with qtbot.waitSignal(dialog.printed, timeout=BUILD_TIMEOUT) as blocker:
        dialog.print_button.click()  # no preview yet: it is built first
    pages = dialog.preview.page_count()
    assert blocker.args[0] == pages > 0 and len(PdfReader(printed).pages) == pages
    assert "sent to the printer" in dialog.status.text()


def test_a_rebuilt_preview_keeps_its_page_another_document_starts_at_the_first(
        qtbot: QtBot, dialog: DossierDialog) -> None:
    dialog.options.set_template(Template.PACK)
    assert preview(qtbot, dialog) > 4
    dialog.preview.go_to_page(3)
    qtbot.waitUntil(lambda: dialog.preview.current_page() == 3)
    style = dialog.options.style
    style.setCurrentIndex((style.currentIndex() + 1) % style.count())  # the same pack
    preview(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.preview.current_page() == 3)
    choose_workshop(dialog, 1)  # another document
    preview(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.preview.current_page() == 0)


def test_a_preview_gone_from_disk_is_not_blamed_on_the_printer(
        qtbot: QtBot, dialog: DossierDialog, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: said.append(text))
    choose_workshop(dialog, 2)
    preview(qtbot, dialog)
    assert dialog.preview.path is not None
    dialog.preview.path.unlink()  # a temporary-files cleaner passed by
    printer = dialog.make_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    with qtbot.waitSignal(dialog.printed, timeout=BUILD_TIMEOUT) as blocker:
        dialog.print_to(printer)
    assert blocker.args[0] == 0
    assert said == ["The document to print could not be read. Press “Preview” to build "
                    "it again, then print."]
    assert not dialog.has_fresh_preview()


def test_print_to_file_proposes_the_dossier_s_file(qtbot: QtBot, window: MainWindow,
                                                   settings: Settings, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """« Print to file » in Qt's print dialog (the only choice without a printer, as
    offscreen) proposes the file « Save as PDF… » would, in the folder of the last save."""
    remember(settings, OPTIONS_KEY, {"folder": str(tmp_path)})
    proposed: list[str] = []
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: said.append(text))

    def print_to_file(print_dialog: QPrintDialog) -> int:
        print_dialog.show()  # it lists the printers, « Print to file » last, when shown
        printers = print_dialog.findChild(QComboBox, "printers")
        printers.setCurrentIndex(printers.count() - 1)  # « Print to File (PDF) »
        proposed.append(print_dialog.findChild(QLineEdit, "filename").text())
        print_dialog.printer().setResolution(100)
        print_dialog.accept()  # the dialog sets the printer up as it is filled in
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(QPrintDialog, "exec", print_to_file)
    dialog = open_dialog(qtbot, window)
    choose_workshop(dialog, 2)
    saved = tmp_path / dialog.suggested_name()
    assert dialog.suggested_file() == saved
    assert workshop_title(dialog, 2)[:20] in saved.name
    expected = saved.with_name(f"{saved.stem} (printed).pdf")  # never over the saved PDF
    with qtbot.waitSignal(dialog.printed, timeout=BUILD_TIMEOUT) as blocker:
        dialog.print_button.click()
    assert proposed == [str(expected)] and not said
    assert blocker.args[0] == dialog.preview.page_count() > 0
    assert len(PdfReader(expected).pages) == blocker.args[0]
    dialog.reject()


@pytest.mark.qt_log_ignore(r"QPainter::begin\(\): Returned false")
def test_a_file_that_cannot_be_printed_to_is_named(qtbot: QtBot, dialog: DossierDialog,
                                                   tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: said.append(text))
    target = tmp_path / "no such folder" / "printed.pdf"
    printer = dialog.make_printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(target))
    choose_workshop(dialog, 1)
    with qtbot.waitSignal(dialog.printed, timeout=BUILD_TIMEOUT) as blocker:
        dialog.print_to(printer)
    assert blocker.args[0] == 0 and not target.parent.exists()
    assert said == [f"The file “{target}” could not be written. Check that its folder "
                    "exists and that you may write to it."]
    assert dialog.status.text() == said[0]
    assert dialog.print_button.isEnabled()


def test_a_pack_for_one_participant(qtbot: QtBot, dialog: DossierDialog) -> None:
    options = dialog.options
    options.set_template(Template.PACK)
    person = participants.registrations(dialog.library, 2017)[0].participant
    options.participant.setCurrentIndex(options.participant.findData(person.id))
    assert options.request().participant_id == person.id
    assert options.describe() == f"Participant pack 2017 — {person.display()}"
    preview(qtbot, dialog)
    path = dialog.preview.path
    assert path is not None
    cover = PdfReader(path).pages[0].extract_text()
    assert person.family == "d'Arcy"  # the first by name
    assert "Hélène d’Arcy" in cover  # as the dossier prints it: its apostrophe curled


def test_errors_of_the_core_are_shown(qtbot: QtBot, dialog: DossierDialog,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: said.append(text))
    choose_workshop(dialog, 4)
    workshops.delete(dialog.library, 2017, 4)  # by someone else, meanwhile
    dialog.build_preview()
    qtbot.waitUntil(lambda: bool(said), timeout=BUILD_TIMEOUT)
    assert "workshop" in said[0] and "no longer exists" in said[0]
    assert not dialog.busy() and dialog.preview_button.isEnabled()


def test_a_section_new_since_the_options_were_saved_keeps_its_default(
        qtbot: QtBot, demo: Library) -> None:
    saved = {"sections": ["cover", "participants"], "known_sections": [
        "cover", "contents", "programme", "workshops", "bibliography", "participants",
        "attachments"]}
    options = DossierOptions(load_choices(demo, NULL_PROGRESS), DossierContext(), saved)
    qtbot.addWidget(options)
    assert options.request().sections == {Section.COVER, Section.PARTICIPANTS,
                                          Section.INTRODUCTION}
