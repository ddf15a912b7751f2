"""Attachments: add by dialog or drop, open, preview PDFs, show missing files, undo."""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QUndoStack
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from reportlab.pdfgen import canvas

from seminaire_app.domain import Owner, ReferenceDraft
from seminaire_app.errors import SeminaireError, StorageError, ValidationError
from seminaire_app.services import attachments, references
from seminaire_app.storage.library import Library
from ui import attachment_actions, attachments_panel, changes, commands
from ui.attachments_panel import AttachmentsPanel, attach_files, local_paths, text_status
from ui.pdf_preview import PdfPreviewDialog
from ui.tasks import TaskRunner


def make_pdf(path: Path, pages: int = 2) -> Path:
    pdf = canvas.Canvas(str(path))
    for number in range(1, pages + 1):
        pdf.drawString(100, 750, f"Synthèse du séminaire — page {number}")
        pdf.showPage()
    pdf.save()
    return path


@pytest.fixture
def owner(lib: Library) -> Owner:
    changes.install(lib)  # as the app does: notifications arrive in the GUI thread
    ref = references.add(lib, ReferenceDraft("report", "Programme PHARE"))
    return Owner("reference", ref.id)


@pytest.fixture
def runner(lib: Library) -> Iterator[TaskRunner]:
    task_runner = TaskRunner(lib)
    yield task_runner
    task_runner.shutdown()


@pytest.fixture
def stack() -> QUndoStack:
    return QUndoStack()


@pytest.fixture
def panel(qtbot: QtBot, lib: Library, runner: TaskRunner, stack: QUndoStack,
          owner: Owner) -> AttachmentsPanel:
    widget = AttachmentsPanel(lib, runner, stack)
    qtbot.addWidget(widget)
    widget.set_owner(owner)
    return widget


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    folder = tmp_path / "documents"
    folder.mkdir()
    text = folder / "compte rendu séance.txt"
    text.write_text("Coopérations entre structures de l'ESS et entreprises.\n", encoding="utf-8")
    return {"text": text, "pdf": make_pdf(folder / "synthese_seminaire.pdf")}


def _names(panel: AttachmentsPanel) -> list[str]:
    return [a.filename for a in panel.attachments()]


def _settle(qtbot: QtBot, runner: TaskRunner) -> None:
    """Wait until the runner's work is done and its results delivered (undo step pushed)."""
    qtbot.waitUntil(lambda: not runner.busy)


def _attach(qtbot: QtBot, panel: AttachmentsPanel, runner: TaskRunner, *paths: Path,
            link: bool = False) -> None:
    count = len(panel.attachments())
    panel.add_files(list(paths), link=link)
    _settle(qtbot, runner)
    qtbot.waitUntil(lambda: len(panel.attachments()) == count + len(paths))


def _row(panel: AttachmentsPanel, name: str) -> int:
    return _names(panel).index(name)


def _select(panel: AttachmentsPanel, name: str) -> None:
    panel.select_attachment(panel.attachments()[_row(panel, name)].id)


# --- adding -----------------------------------------------------------------------------------
def test_add_asks_for_files_and_attaches_copies(qtbot: QtBot, panel: AttachmentsPanel,
                                                runner: TaskRunner, files: dict[str, Path],
                                                stack: QUndoStack,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(panel, "_choose_files", lambda: [files["text"], files["pdf"]])
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    _settle(qtbot, runner)
    qtbot.waitUntil(lambda: len(panel.attachments()) == 2)
    assert _names(panel) == ["compte rendu séance.txt", "synthese_seminaire.pdf"]
    assert all(a.stored for a in panel.attachments())
    item = panel.tree.topLevelItem(0)
    assert item.text(0) == "compte rendu séance.txt"
    assert item.text(1)  # the size, in the user's locale
    assert item.text(2) == "Copy"
    assert item.text(3) == "Searchable"
    assert stack.undoText() == "Add 2 attachments"


def test_sizes_follow_the_users_locale(qtbot: QtBot, lib: Library, runner: TaskRunner,
                                      stack: QUndoStack, owner: Owner, tmp_path: Path) -> None:
    big = tmp_path / "données.csv"
    big.write_bytes(b"x" * 48_000)
    attachments.attach(lib, owner, big)
    previous = QLocale()
    QLocale.setDefault(QLocale("fr_FR"))
    try:
        panel = AttachmentsPanel(lib, runner, stack)
        qtbot.addWidget(panel)
        panel.set_owner(owner)
        assert panel.tree.topLevelItem(0).text(1) == "48,0 ko"
    finally:
        QLocale.setDefault(previous)


def test_a_cancelled_file_dialog_attaches_nothing(panel: AttachmentsPanel, stack: QUndoStack,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(panel, "_choose_files", list)
    assert panel.add_files() is None
    assert stack.count() == 0


def test_link_instead_of_copying(qtbot: QtBot, panel: AttachmentsPanel, runner: TaskRunner,
                                 files: dict[str, Path]) -> None:
    panel.link_check.setChecked(True)
    panel.add_files([files["text"]])
    _settle(qtbot, runner)
    qtbot.waitUntil(lambda: len(panel.attachments()) == 1)
    att = panel.attachments()[0]
    assert not att.stored
    assert Path(att.path) == files["text"]
    assert panel.tree.topLevelItem(0).text(2) == "Link"


def test_undo_and_redo_attaching(qtbot: QtBot, panel: AttachmentsPanel, runner: TaskRunner,
                                 files: dict[str, Path], stack: QUndoStack, lib: Library) -> None:
    _attach(qtbot, panel, runner, files["pdf"])
    stored = Path(panel.attachments()[0].path)
    assert stored.is_file()
    files["pdf"].unlink()  # redo must not need the original any more
    stack.undo()
    qtbot.waitUntil(lambda: panel.attachments() == [])
    assert not stored.exists()  # the core deleted the copy nothing uses
    stack.redo()
    qtbot.waitUntil(lambda: len(panel.attachments()) == 1)
    assert panel.attachments()[0].filename == "synthese_seminaire.pdf"
    assert stored.is_file()
    assert panel.attachments()[0].text_status == "ok"


def test_dropping_files_attaches_them(qtbot: QtBot, panel: AttachmentsPanel, runner: TaskRunner,
                                      files: dict[str, Path], stack: QUndoStack) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(files["text"])), QUrl("https://example.org/a.pdf")])
    enter = QDragEnterEvent(QPointF(20, 20).toPoint(), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(panel, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(20, 20), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(panel, drop)
    assert drop.isAccepted()
    _settle(qtbot, runner)
    qtbot.waitUntil(lambda: _names(panel) == ["compte rendu séance.txt"])
    assert stack.undoText() == "Add attachment"


def test_drops_without_local_files_are_refused(panel: AttachmentsPanel, tmp_path: Path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl("https://example.org/a.pdf"), QUrl.fromLocalFile(str(tmp_path))])
    assert local_paths(mime) == []  # a folder is not a file to attach
    enter = QDragEnterEvent(QPointF(20, 20).toPoint(), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(panel, enter)
    assert not enter.isAccepted()


def test_attach_files_reports_the_files_it_could_not_attach(
        qtbot: QtBot, lib: Library, runner: TaskRunner, stack: QUndoStack, owner: Owner,
        files: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    reported: list[list[tuple[Path, SeminaireError]]] = []
    monkeypatch.setattr(attachment_actions, "show_failures",
                        lambda _parent, failed: reported.append(failed))
    gone = tmp_path / "parti.pdf"
    task = attach_files(lib, runner, stack, owner, [gone, files["text"]], None)
    assert task is not None
    qtbot.waitUntil(lambda: bool(reported))
    assert [path for path, _why in reported[0]] == [gone]
    assert [a.filename for a in attachments.list_for(lib, owner)] == ["compte rendu séance.txt"]
    assert stack.undoText() == "Add attachment"


def test_the_failure_message_names_each_file(monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(attachment_actions.QMessageBox, "warning",
                        lambda _parent, _title, text: shown.append(text))
    attachment_actions.show_failures(None, [
        (Path("/x/parti.pdf"), ValidationError("file", "« /x/parti.pdf » is not a file")),
        (Path("/x/verrou.odt"), StorageError("cannot read /x/verrou.odt: Permission denied"))])
    assert "• parti.pdf: " in shown[0] and "• verrou.odt: " in shown[0]
    assert "Permission denied" in shown[0]


# --- missing files, removing, undo ------------------------------------------------------------
def test_a_missing_stored_copy_is_shown_as_missing(qtbot: QtBot, panel: AttachmentsPanel,
                                                   runner: TaskRunner,
                                                   files: dict[str, Path]) -> None:
    _attach(qtbot, panel, runner, files["pdf"])
    os.unlink(panel.attachments()[0].path)
    panel.refresh()
    item = panel.tree.topLevelItem(0)
    assert item.text(0) == "synthese_seminaire.pdf (file not found)"
    assert item.foreground(0).color() == attachments_panel.MISSING_COLOUR
    assert "missing" in item.toolTip(0) and "backup" in item.toolTip(0)
    panel.select_attachment(panel.attachments()[0].id)
    assert not panel.open_button.isEnabled()
    assert not panel.preview_button.isEnabled()
    assert panel.remove_button.isEnabled()


def test_a_moved_linked_file_is_shown_as_missing(qtbot: QtBot, panel: AttachmentsPanel,
                                                 runner: TaskRunner,
                                                 files: dict[str, Path]) -> None:
    _attach(qtbot, panel, runner, files["text"], link=True)
    files["text"].rename(files["text"].with_name("ailleurs.txt"))
    panel.refresh()
    item = panel.tree.topLevelItem(0)
    assert item.text(0).endswith("(file not found)")
    assert "no longer at" in item.toolTip(0)


def test_remove_then_undo_brings_the_copy_back(qtbot: QtBot, panel: AttachmentsPanel,
                                               runner: TaskRunner, files: dict[str, Path],
                                               stack: QUndoStack,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    _attach(qtbot, panel, runner, files["text"], files["pdf"])
    before = panel.attachments()[1]
    digest = hashlib.sha256(files["pdf"].read_bytes()).hexdigest()
    files["pdf"].unlink()  # undo must not need the original
    monkeypatch.setattr(panel, "_confirm_remove", lambda _att, _restorable: True)
    _select(panel, "synthese_seminaire.pdf")
    panel.remove_selected()
    _settle(qtbot, runner)
    qtbot.waitUntil(lambda: _names(panel) == ["compte rendu séance.txt"])
    assert not Path(before.path).exists()  # the core deleted the unused copy
    assert stack.undoText() == "Remove attachment"
    stack.undo()
    qtbot.waitUntil(lambda: len(panel.attachments()) == 2)
    back = panel.attachments()[1]
    assert (back.filename, back.stored, back.sha256) == (before.filename, True, digest)
    assert Path(back.path).is_file()
    stack.redo()
    qtbot.waitUntil(lambda: len(panel.attachments()) == 1)
    stack.undo()
    qtbot.waitUntil(lambda: len(panel.attachments()) == 2)
    stack.undo()  # the first « add »: both files go
    qtbot.waitUntil(lambda: panel.attachments() == [])


def test_remove_then_undo_links_again(qtbot: QtBot, panel: AttachmentsPanel, runner: TaskRunner,
                                      files: dict[str, Path], stack: QUndoStack,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    _attach(qtbot, panel, runner, files["text"], link=True)
    monkeypatch.setattr(panel, "_confirm_remove", lambda _att, _restorable: True)
    _select(panel, "compte rendu séance.txt")
    panel.remove_selected()
    _settle(qtbot, runner)
    qtbot.waitUntil(lambda: panel.attachments() == [])
    assert files["text"].is_file()  # a linked file itself is never touched
    stack.undo()
    qtbot.waitUntil(lambda: len(panel.attachments()) == 1)
    assert not panel.attachments()[0].stored
    assert Path(panel.attachments()[0].path) == files["text"]


def test_removing_a_missing_file_is_not_an_undo_step(qtbot: QtBot, panel: AttachmentsPanel,
                                                     runner: TaskRunner, files: dict[str, Path],
                                                     stack: QUndoStack,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    _attach(qtbot, panel, runner, files["text"])
    os.unlink(panel.attachments()[0].path)
    panel.refresh()
    asked: list[bool] = []
    monkeypatch.setattr(panel, "_confirm_remove",
                        lambda _att, restorable: asked.append(restorable) or True)
    _select(panel, "compte rendu séance.txt")
    panel.remove_selected()
    _settle(qtbot, runner)
    qtbot.waitUntil(lambda: panel.attachments() == [])
    assert asked == [False]  # the confirmation says it cannot be undone
    assert stack.count() == 1  # only the « add »
    stack.undo()  # nothing left to detach: a no-op, not an error
    assert panel.attachments() == []


def test_removing_asks_first(qtbot: QtBot, panel: AttachmentsPanel, runner: TaskRunner,
                             files: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    _attach(qtbot, panel, runner, files["text"])
    monkeypatch.setattr(panel, "_confirm_remove", lambda _att, _restorable: False)
    _select(panel, "compte rendu séance.txt")
    assert panel.remove_selected() is None
    assert len(panel.attachments()) == 1


# --- opening and previewing ---------------------------------------------------------------------
def test_open_copies_a_stored_file_under_its_name(qtbot: QtBot, panel: AttachmentsPanel,
                                                  runner: TaskRunner, files: dict[str, Path],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(attachments_panel.QDesktopServices, "openUrl",
                        lambda url: opened.append(url) or True)
    _attach(qtbot, panel, runner, files["text"])
    stored = Path(panel.attachments()[0].path)
    _select(panel, "compte rendu séance.txt")
    panel.open_selected()
    qtbot.waitUntil(lambda: bool(opened))
    copy = Path(opened[0].toLocalFile())
    assert copy.name == "compte rendu séance.txt"  # the system picks the app by extension
    assert copy != stored
    assert copy.read_bytes() == stored.read_bytes()
    assert not copy.stat().st_mode & stat.S_IWUSR  # read-only: edits would be lost
    assert stored.stat().st_mode & stat.S_IWUSR  # the library's copy is left alone


def test_open_a_link_opens_the_file_itself(qtbot: QtBot, panel: AttachmentsPanel,
                                           runner: TaskRunner, files: dict[str, Path],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(attachments_panel.QDesktopServices, "openUrl",
                        lambda url: opened.append(url) or True)
    _attach(qtbot, panel, runner, files["text"], link=True)
    _select(panel, "compte rendu séance.txt")
    panel.open_selected()
    assert opened == [QUrl.fromLocalFile(str(files["text"]))]


def test_preview_shows_the_pdf_and_counts_pages(qtbot: QtBot, panel: AttachmentsPanel,
                                                runner: TaskRunner, files: dict[str, Path]) -> None:
    _attach(qtbot, panel, runner, files["text"], files["pdf"])
    _select(panel, "compte rendu séance.txt")
    assert not panel.preview_button.isEnabled()  # not a PDF
    _select(panel, "synthese_seminaire.pdf")
    assert panel.preview_button.isEnabled()
    dialog = panel.preview_selected()
    assert dialog is not None
    qtbot.waitUntil(dialog.is_ready)
    qtbot.waitUntil(lambda: "1 / 2" in dialog.page_label.text())
    assert dialog.error_text() == ""
    assert not dialog.previous_action.isEnabled()
    dialog.next_page()
    qtbot.waitUntil(lambda: "2 / 2" in dialog.page_label.text())
    assert not dialog.next_action.isEnabled()
    dialog.close()
    qtbot.waitUntil(lambda: panel.preview is None)


def test_a_pdf_is_known_by_its_content_not_its_name(qtbot: QtBot, panel: AttachmentsPanel,
                                                     runner: TaskRunner, tmp_path: Path) -> None:
    unnamed = tmp_path / "synthèse"
    unnamed.write_bytes(make_pdf(tmp_path / "made.pdf").read_bytes())
    photo = tmp_path / "affiche.pdf"
    photo.write_bytes(b"\xff\xd8\xff\xe0 a JPEG named like a PDF")
    _attach(qtbot, panel, runner, unnamed, photo)
    _select(panel, "affiche.pdf")
    assert not panel.preview_button.isEnabled()
    assert panel.preview_selected() is None
    _select(panel, "synthèse")
    assert panel.preview_button.isEnabled()
    dialog = panel.preview_selected()
    assert dialog is not None
    qtbot.waitUntil(lambda: "1 / 2" in dialog.page_label.text())
    dialog.close()


def test_page_keys_move_a_page(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = PdfPreviewDialog(make_pdf(tmp_path / "trois.pdf", pages=3), "trois.pdf")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    dialog.view.setFocus()
    qtbot.waitUntil(dialog.view.hasFocus)
    assert dialog.page_label.text() == "Page 1 / 3"
    qtbot.keyClick(dialog.view, Qt.Key.Key_PageDown)
    qtbot.waitUntil(lambda: dialog.page_label.text() == "Page 2 / 3")
    qtbot.keyClick(dialog.view, Qt.Key.Key_End)
    qtbot.waitUntil(lambda: dialog.page_label.text() == "Page 3 / 3")
    qtbot.keyClick(dialog.view, Qt.Key.Key_PageUp)
    qtbot.waitUntil(lambda: dialog.page_label.text() == "Page 2 / 3")
    dialog.zoom_by(2.0)
    assert not dialog.fit_width_action.isChecked()
    dialog.fit_width()
    assert dialog.fit_width_action.isChecked()


def test_a_corrupt_pdf_shows_an_error(qtbot: QtBot, tmp_path: Path) -> None:
    broken = tmp_path / "abîmé.pdf"
    broken.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage")
    dialog = PdfPreviewDialog(broken)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.error_text() != "")
    assert "not a readable PDF" in dialog.error_text()
    assert dialog.pages.currentWidget() is dialog.error_label
    assert dialog.page_label.text() == "No pages"
    assert not dialog.next_action.isEnabled()


def test_a_missing_pdf_shows_an_error(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = PdfPreviewDialog(tmp_path / "absent.pdf")
    qtbot.addWidget(dialog)
    assert "cannot be found" in dialog.error_text()


# --- the rest ----------------------------------------------------------------------------------
def test_text_status_words() -> None:
    assert text_status("ok")[0] == "Searchable"
    assert text_status("unsupported")[0] == "Not indexed"
    word, why = text_status("error: encrypted PDF")
    assert word == "Unreadable" and "encrypted PDF" in why


def test_no_owner_disables_adding(qtbot: QtBot, lib: Library, runner: TaskRunner,
                                  stack: QUndoStack) -> None:
    panel = AttachmentsPanel(lib, runner, stack)
    qtbot.addWidget(panel)
    panel.set_owner(None)
    assert not panel.add_button.isEnabled()
    assert panel.add_files([Path("x")]) is None


def test_the_panel_follows_changes_made_elsewhere(qtbot: QtBot, panel: AttachmentsPanel,
                                                  runner: TaskRunner, lib: Library, owner: Owner,
                                                  files: dict[str, Path]) -> None:
    assert panel.stack.currentWidget() is panel.empty_label
    attachments.attach(lib, owner, files["text"])
    qtbot.waitUntil(lambda: len(panel.attachments()) == 1)
    assert panel.stack.currentWidget() is panel.tree


def test_a_deleted_owner_empties_the_panel_until_undo(qtbot: QtBot, panel: AttachmentsPanel,
                                                      runner: TaskRunner, lib: Library,
                                                      owner: Owner, stack: QUndoStack,
                                                      files: dict[str, Path]) -> None:
    _attach(qtbot, panel, runner, files["pdf"])
    stack.push(commands.delete_references(lib, [owner.id]))
    qtbot.waitUntil(lambda: panel.attachments() == [])
    assert not panel.add_button.isEnabled()
    assert panel.add_files([files["text"]]) is None
    stack.undo()  # the reference comes back with its file
    qtbot.waitUntil(lambda: len(panel.attachments()) == 1)
    assert panel.add_button.isEnabled()
    assert not panel.is_missing(panel.attachments()[0])
