"""Import, export and bibliographies in the app, driven as Claire would on the demo."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from seminaire_app import citations
from seminaire_app.domain import Creator, Owner, ReferenceDraft
from seminaire_app.interchange import bibtex
from seminaire_app.services import attachments, references
from seminaire_app.services.imports import ImportReport
from seminaire_app.services.references import ReferenceFilter
from seminaire_app.storage.library import Library
from ui import bibliography
from ui.export_dialog import ExportDialog
from ui.import_dialog import ImportDialog
from ui.import_flow import ImportFlow
from ui.main_window import MainWindow
from ui.settings import Settings
from ui.sidebar import Place

# One entry repeats a demo reference (same DOI), one is broken (line 9), one is new.
SAMPLE = r"""@string{pug = {Presses universitaires de Grenoble}}

@book{ostrom,
  author = {Ostrom, Elinor},
  title = {Governing the Commons},
  year = {1990},
  doi = {10.1017/CBO9780511807763}
}
@article{broken,
  author = {Dupont, Jean},
  title = {Sans fin,
  year = 2019

@book{martin2020,
  author = {Martin, Sophie and Durand, Paul},
  title = {Les tiers-lieux en {Is\`ere} : coop{\'e}rations et territoires},
  publisher = pug,
  year = {2020}
}
"""
OSTROM_DOI = "10.1017/CBO9780511807763"


@pytest.fixture
def bib_file(tmp_path: Path) -> Path:
    path = tmp_path / "export collègue.bib"
    path.write_text(SAMPLE, encoding="utf-8")
    return path


def open_import(qtbot: QtBot, window: MainWindow, path: Path) -> ImportDialog:
    with qtbot.waitSignal(window.import_flow.dialog_opened, timeout=10000) as blocker:
        window.import_flow.start(path)
    dialog = blocker.args[0]
    assert isinstance(dialog, ImportDialog)
    return dialog


def ostrom_id(lib: Library) -> int:
    return next(r.id for r in references.fetch(lib, references.list_ids(lib))
                if r.fields.get("DOI") == OSTROM_DOI)


def shown(entries: list[str]) -> list[str]:
    """Entries as the preview's plain text gives them (QTextDocument turns NBSP to spaces)."""
    return [e.replace("\xa0", " ") for e in entries]


def select_rows(window: MainWindow, rows: list[int]) -> list[int]:
    page = window.references_page
    page.table.clearSelection()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in rows:
        page.table.selectionModel().select(page.model.index(row, 0), flags)
    return page.selected_ids()


# --- import ------------------------------------------------------------------------------

def test_preview_lists_entries_the_duplicate_and_the_broken_entry_line(
        qtbot: QtBot, window: MainWindow, bib_file: Path) -> None:
    dialog = open_import(qtbot, window, bib_file)
    model = dialog.model
    assert model.rowCount() == 2
    assert [model.data(model.index(r, 3)) for r in range(2)] == [
        "Governing the Commons", "Les tiers-lieux en Isère : coopérations et territoires"]
    assert [model.data(model.index(r, 0)) for r in range(2)] == ["3", "14"]
    assert model.data(model.index(1, 2)) == "Martin; Durand"
    duplicate = model.data(model.index(0, 5))
    assert duplicate.startswith("Ostrom 1990, Governing the Commons: The Evolution")
    assert model.data(model.index(1, 5)) == ""
    assert dialog.errors.rowCount() == 1
    assert dialog.errors.item(0, 0).text() == "9"
    assert dialog.errors.item(0, 1).text() == "broken"
    assert "never closed" in dialog.errors.item(0, 2).text()
    assert "Broken entries, left out: 1" in dialog.summary.text()
    dialog.only_duplicates.setChecked(True)
    assert model.rowCount() == 1 and model.entry_at(0).line == 3
    assert dialog.import_button.text() == "&Import 2 references"
    dialog.skip_duplicates.setChecked(True)
    assert dialog.import_button.text() == "&Import 1 reference"
    dialog.strict.setChecked(True)
    assert not dialog.import_button.isEnabled() and not dialog.status.isHidden()
    assert references.count(window.library) == 15  # the preview wrote nothing
    dialog.reject()


def test_the_entries_model_is_a_sound_qt_model(qtbot: QtBot, qtmodeltester: ModelTester,
                                               window: MainWindow, bib_file: Path) -> None:
    dialog = open_import(qtbot, window, bib_file)
    qtmodeltester.check(dialog.model)
    dialog.only_duplicates.setChecked(True)
    qtmodeltester.check(dialog.model)
    dialog.reject()


def test_import_skipping_duplicates_with_a_tag_and_a_collection(
        qtbot: QtBot, window: MainWindow, bib_file: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    summaries: list[ImportReport] = []
    monkeypatch.setattr(ImportFlow, "show_summary",
                        lambda _self, report: summaries.append(report) or False)
    lib = window.library
    dialog = open_import(qtbot, window, bib_file)
    dialog.skip_duplicates.setChecked(True)
    dialog.tags.setText("Tiers-lieux, Import collègue")
    dialog.collection.setEditText("Imports/Claire")
    with qtbot.waitSignal(window.import_flow.finished, timeout=10000) as blocker:
        dialog.import_button.click()
    report = blocker.args[0]
    assert summaries == [report]
    assert len(report.imported) == 1 and report.skipped_duplicates == 1
    assert [e.line for e in report.errors] == [9]
    assert report.backup is not None and report.backup.exists()
    new = references.get(lib, report.imported[0])
    assert new.title == "Les tiers-lieux en Isère : coopérations et territoires"
    assert new.fields["publisher"] == "Presses universitaires de Grenoble"
    assert {"Tiers-lieux", "Import collègue"} <= set(new.tags)
    assert references.list_ids(lib, ReferenceFilter(collection="Imports/Claire")) == [new.id]
    assert references.count(lib) == 16
    page = window.references_page
    qtbot.waitUntil(lambda: page.model.row_of(new.id) is not None)
    assert window.undo_stack.count() == 0  # an import is not an undo step


def test_summary_offers_to_review_duplicates(qtbot: QtBot, window: MainWindow,
                                             bib_file: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    texts: list[str] = []

    def click_review(box: QMessageBox) -> int:
        texts.append(box.text())
        review = next(b for b in box.buttons() if b.text() == "&Review duplicates…")
        review.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", click_review)
    references.add(window.library, ReferenceDraft(  # an older pair, not the import's
        "book", "L'innovation sociale", (Creator(family="Besançon", given="E."),), "2013",
        {"ISBN": "9782343020693"}))
    dialog = open_import(qtbot, window, bib_file)
    with qtbot.waitSignal(window.duplicates_flow.dialog_opened, timeout=10000) as blocker:
        dialog.import_button.click()
    assert texts and "References imported: 2." in texts[0]
    assert "Imported but probably duplicates: 1." in texts[0]
    review = blocker.args[0]
    assert review.groups.count() == 1  # only the group of what the import brought
    assert {r.title for r in review.choices[0].references} == {
        "Governing the Commons",
        "Governing the Commons: The Evolution of Institutions for Collective Action"}
    review.reject()


def test_strict_import_with_a_broken_entry_imports_nothing(
        qtbot: QtBot, window: MainWindow, bib_file: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = open_import(qtbot, window, bib_file)
    dialog.strict.setChecked(True)
    assert not dialog.import_button.isEnabled()
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    dialog.start_import()  # even forced, the core refuses
    qtbot.waitUntil(lambda: bool(warnings))
    assert "nothing imported" in warnings[0]
    assert references.count(window.library) == 15 and dialog.isVisible()
    dialog.reject()


def test_a_binary_file_gets_a_clear_error(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    junk = tmp_path / "photo.bib"
    junk.write_bytes(bytes(range(256)) * 64)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    window.import_flow.start(junk)
    qtbot.waitUntil(lambda: bool(warnings))
    assert "binary" in warnings[0]


def test_file_menu_import_asks_for_the_file(qtbot: QtBot, window: MainWindow,
                                            bib_file: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("ui.import_flow.choose_import_file", lambda _parent: bib_file)
    action = next(a for m in window.menuBar().actions() for a in m.menu().actions()
                  if a.text() == "&Import…")
    assert action.shortcut().toString() == "Ctrl+Shift+I"
    with qtbot.waitSignal(window.import_flow.dialog_opened, timeout=10000) as blocker:
        action.trigger()
    blocker.args[0].reject()


def file_mime(*paths: Path) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def test_a_file_dropped_on_the_window_opens_the_import(qtbot: QtBot, window: MainWindow,
                                                       bib_file: Path,
                                                       tmp_path: Path) -> None:
    pdf = tmp_path / "synthese.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    refused = file_mime(pdf)  # the events do not own their data: keep it alive
    enter = QDragEnterEvent(QPoint(5, 5), Qt.DropAction.CopyAction, refused,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    enter.ignore()
    window.dragEnterEvent(enter)
    assert not enter.isAccepted()
    mime = file_mime(bib_file)
    enter = QDragEnterEvent(QPoint(5, 5), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dragEnterEvent(enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(5, 5), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.import_flow.dialog_opened, timeout=10000) as blocker:
        window.dropEvent(drop)
    assert drop.isAccepted()
    assert blocker.args[0].plan.preview.path == bib_file
    blocker.args[0].reject()


def send_drop(qtbot: QtBot, window: MainWindow, mime: QMimeData, pos: QPoint) -> QDropEvent:
    viewport = window.references_page.table.viewport()
    for kind in (QDragEnterEvent, QDragMoveEvent):
        event = kind(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(viewport, event)
    drop = QDropEvent(QPointF(pos), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(viewport, drop)
    return drop


def test_a_file_dropped_on_the_empty_table_is_imported(qtbot: QtBot, window: MainWindow,
                                                       bib_file: Path) -> None:
    page = window.references_page
    page.model.set_ids([])  # as in a new library
    mime = file_mime(bib_file)
    with qtbot.waitSignal(window.import_flow.dialog_opened, timeout=10000) as blocker:
        drop = send_drop(qtbot, window, mime, QPoint(40, 40))
    assert drop.isAccepted()
    blocker.args[0].reject()


def test_a_text_file_dropped_on_a_row_is_still_attached(qtbot: QtBot, window: MainWindow,
                                                        tmp_path: Path) -> None:
    notes = tmp_path / "notes atelier.txt"
    notes.write_text("Compte rendu", encoding="utf-8")
    page = window.references_page
    rid = page.model.id_at(0)
    mime = file_mime(notes)
    with qtbot.assertNotEmitted(window.import_flow.dialog_opened, wait=200):
        send_drop(qtbot, window, mime, page.table.visualRect(page.model.index(0, 2)).center())
        qtbot.waitUntil(lambda: any(a.filename == notes.name for a in attachments.list_for(
            window.library, Owner("reference", rid))), timeout=5000)


# --- export ------------------------------------------------------------------------------

def run_export(qtbot: QtBot, window: MainWindow, target: Path, fmt: str = "bibtex",
               scope: int | None = None) -> ExportDialog:
    action = next(a for m in window.menuBar().actions() for a in m.menu().actions()
                  if a.text() == "&Export…")
    action.trigger()
    dialog = window.findChild(ExportDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.choose_file = lambda: target  # type: ignore[method-assign]  # no file dialog
    dialog.format.setCurrentIndex(dialog.format.findData(fmt))
    if scope is not None:
        dialog.scope.button(scope).setChecked(True)
    with qtbot.waitSignal(dialog.exported, timeout=10000):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    return dialog


def test_export_the_selection_to_bibtex_and_read_it_back(qtbot: QtBot, window: MainWindow,
                                                         tmp_path: Path) -> None:
    ids = select_rows(window, [0, 2, 4])
    target = tmp_path / "sélection.bib"
    run_export(qtbot, window, target)
    parsed = bibtex.parse(target.read_text(encoding="utf-8"))
    assert not parsed.errors
    expected = references.fetch(window.library, ids)
    assert [e.draft.citation_key for e in parsed.entries] == [r.citation_key for r in expected]
    assert [e.draft.title for e in parsed.entries] == [r.title for r in expected]
    assert not list(tmp_path.glob(".*.tmp"))
    assert "3 references exported" in window.statusBar().currentMessage()


def test_export_the_whole_library_as_ris_keeps_crlf(qtbot: QtBot, window: MainWindow,
                                                    tmp_path: Path) -> None:
    select_rows(window, [1])
    target = tmp_path / "bibliotheque.ris"
    target.write_text("ancien contenu", encoding="utf-8")  # replaced whole
    run_export(qtbot, window, target, "ris", scope=2)
    data = target.read_bytes()
    assert data.count(b"TY  - ") == 15
    assert b"\r\n" in data and b"\r\r\n" not in data and b"ancien" not in data


def test_export_the_list_shown_as_csl_json(qtbot: QtBot, window: MainWindow,
                                           tmp_path: Path) -> None:
    import json

    page = window.references_page
    window.sidebar.select(Place("tag", "Coopération"))
    wanted = set(references.list_ids(window.library, ReferenceFilter(tag="Coopération")))
    qtbot.waitUntil(lambda: set(page.model_ids()) == wanted)
    target = tmp_path / "cooperation.json"
    run_export(qtbot, window, target, "csljson", scope=1)
    items = json.loads(target.read_text(encoding="utf-8"))
    assert len(items) == len(wanted) == 7


def test_export_to_a_missing_folder_says_so(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    select_rows(window, [0])
    window._on_export_triggered()
    dialog = window.findChild(ExportDialog)
    assert dialog is not None
    dialog.path.setText(str(tmp_path / "absent" / "x.bib"))
    dialog.start_export()
    qtbot.waitUntil(lambda: bool(warnings))
    assert "cannot write" in warnings[0] and dialog.isVisible()
    dialog.reject()


# --- bibliographies ----------------------------------------------------------------------

def test_copy_bibliography_puts_html_and_text_on_the_clipboard(
        qtbot: QtBot, window: MainWindow) -> None:
    ids = select_rows(window, [0, 1, 5])
    action = next(a for m in window.menuBar().actions() for a in m.menu().actions()
                  if a.text() == "Copy &bibliography")
    assert action.shortcut().toString() == "Ctrl+Shift+C"
    with qtbot.waitSignal(window.references_page.bibliography.copied):
        action.trigger()
    refs = references.fetch(window.library, ids)
    mime = QGuiApplication.clipboard().mimeData()
    assert mime.hasHtml() and mime.hasText()
    assert mime.text() == "\n".join(citations.bibliography(refs))
    for entry in citations.bibliography(refs, fmt="html"):
        assert entry in mime.html()
    assert "<i>" in mime.html()


def test_copying_many_references_runs_on_a_worker(qtbot: QtBot, window: MainWindow,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bibliography, "SYNC_LIMIT", 2)
    panel = window.references_page.bibliography
    panel.style_combo.setCurrentIndex(panel.style_combo.findData("apa"))
    ids = select_rows(window, list(range(8)))
    QGuiApplication.clipboard().clear()
    with qtbot.waitSignal(panel.copied, timeout=10000):
        window._on_copy_bibliography_triggered()
        assert panel.formatter.busy  # not formatted on the GUI thread
    refs = references.fetch(window.library, ids)
    assert QGuiApplication.clipboard().text() == "\n".join(
        citations.bibliography(refs, "apa", "fr-FR"))


def test_bibliography_tab_previews_the_selection_and_switches_style(
        qtbot: QtBot, window: MainWindow, demo: Library, settings: Settings) -> None:
    page = window.references_page
    panel = page.bibliography
    page.detail.setCurrentWidget(panel)
    ids = select_rows(window, [2])
    refs = references.fetch(demo, ids)
    assert panel.preview_text().split("\n") == shown(citations.bibliography(refs))
    ids = select_rows(window, [2, 3])
    refs = references.fetch(demo, ids)
    assert panel.preview_text().split("\n") == shown(citations.bibliography(refs))
    panel.style_combo.setCurrentIndex(panel.style_combo.findData("apa"))
    panel.locale_combo.setCurrentIndex(panel.locale_combo.findData("en-US"))
    expected = citations.bibliography(refs, "apa", "en-US")
    assert panel.preview_text().split("\n") == shown(expected)
    assert settings.citation_style() == "apa" and settings.citation_locale() == "en-US"
    window.grab()  # paints with the preview
    window.close()
    again = MainWindow(demo, settings)
    qtbot.addWidget(again)
    assert again.references_page.bibliography.current_style() == "apa"
    assert again.references_page.bibliography.current_locale() == "en-US"


def test_many_references_are_previewed_off_the_gui_thread_and_stale_answers_dropped(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bibliography, "SYNC_LIMIT", 3)
    page = window.references_page
    panel = page.bibliography
    page.detail.setCurrentWidget(panel)
    select_rows(window, list(range(10)))
    assert panel.formatter.busy and "Formatting 10" in panel.preview_text()
    ids = select_rows(window, [4])  # before the first answer: it becomes stale
    refs = references.fetch(window.library, ids)
    qtbot.waitUntil(lambda: not panel.formatter.busy, timeout=10000)
    assert panel.preview_text().split("\n") == shown(citations.bibliography(refs))


def test_the_process_exits_cleanly_after_a_copy() -> None:
    """The clipboard outlives Python: what it holds must not call back into it."""
    script = (
        "from PySide6.QtWidgets import QApplication\n"
        "from ui.bibliography import Bibliography\n"
        "app = QApplication([])\n"
        "bib = Bibliography(('<i>Titre</i>',), ('Titre',), 'apa', 'fr-FR')\n"
        "QApplication.clipboard().setMimeData(bib.mime_data())\n"
        "assert QApplication.clipboard().mimeData().hasHtml()\n")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            cwd=Path(__file__).resolve().parents[2], timeout=60,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, check=False)
    assert result.returncode == 0, result.stderr


def test_the_preview_follows_edits(qtbot: QtBot, window: MainWindow) -> None:
    page = window.references_page
    panel = page.bibliography
    page.detail.setCurrentWidget(panel)
    (rid,) = select_rows(window, [0])
    references.update(window.library, rid, {"title": "Un titre tout neuf"})
    qtbot.waitUntil(lambda: "Un titre tout neuf" in panel.preview_text())
