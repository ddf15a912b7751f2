"""Notes: the panel lists them, the Markdown editor writes them, every change is undoable."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QLocale, Qt, QUrl
from PySide6.QtGui import QGuiApplication, QKeySequence, QTextCursor, QUndoStack
from pytestqt.qtbot import QtBot

from seminaire_app.domain import Note, Owner, ReferenceDraft, Visibility
from seminaire_app.errors import SeminaireError
from seminaire_app.services import notes, references
from seminaire_app.storage.library import Library
from ui import changes, commands, markdown_editor
from ui.markdown_editor import (
    NoteEditorDialog,
    make_link,
    prefix_lines,
    python_index,
    utf16_offset,
    wrap_selection,
)
from ui.notes_panel import NotesPanel, note_heading


@pytest.fixture(autouse=True)
def _discard_without_asking(monkeypatch: pytest.MonkeyPatch) -> None:
    # Closing a dialog with typed text asks first; at teardown that box would block.
    monkeypatch.setattr(NoteEditorDialog, "_confirm_discard", lambda _self: True)


@pytest.fixture
def owner(lib: Library) -> Owner:
    changes.install(lib)  # as the app does: notifications arrive in the GUI thread
    ref = references.add(lib, ReferenceDraft("book", "L'économie sociale et solidaire"))
    return Owner("reference", ref.id)


@pytest.fixture
def stack() -> QUndoStack:
    return QUndoStack()


@pytest.fixture
def panel(qtbot: QtBot, lib: Library, stack: QUndoStack, owner: Owner) -> NotesPanel:
    widget = NotesPanel(lib, stack)
    qtbot.addWidget(widget)
    widget.set_owner(owner)
    return widget


def _write(dialog: NoteEditorDialog, title: str, body: str,
           visibility: Visibility = Visibility.INTERNAL) -> None:
    dialog.title_edit.setText(title)  # through the widget API: accents are safe
    dialog.body_edit.setPlainText(body)
    dialog.set_visibility(visibility)


def _select(dialog: NoteEditorDialog, start: int, end: int) -> None:
    cursor = dialog.body_edit.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    dialog.body_edit.setTextCursor(cursor)


def _create(qtbot: QtBot, panel: NotesPanel, title: str, body: str,
            visibility: Visibility = Visibility.INTERNAL) -> Note:
    count = len(panel.notes())
    dialog = panel.new_note()
    assert dialog is not None
    _write(dialog, title, body, visibility)
    dialog.accept()
    qtbot.waitUntil(lambda: len(panel.notes()) == count + 1)
    return panel.notes()[-1]


# --- creating, listing ------------------------------------------------------------------------
def test_a_note_written_in_the_dialog_is_listed(qtbot: QtBot, panel: NotesPanel,
                                                lib: Library, owner: Owner,
                                                stack: QUndoStack) -> None:
    note = _create(qtbot, panel, "Séance du 23 novembre", "# Déroulé\n\nTour de table.",
                   Visibility.PARTICIPANTS)
    assert note.title == "Séance du 23 novembre"
    assert note.visibility is Visibility.PARTICIPANTS
    assert notes.list_for(lib, owner) == [note]
    item = panel.tree.topLevelItem(0)
    assert item.text(0) == "Séance du 23 novembre"
    assert item.text(1) == "For participants"
    assert item.text(2)  # the date, in the user's locale
    assert panel.selected_note() == note  # the new note is selected
    assert stack.undoText() == "New note"
    assert panel.editor is None


def test_internal_is_the_default_audience_and_is_saved(qtbot: QtBot, panel: NotesPanel) -> None:
    dialog = panel.new_note()
    assert dialog is not None
    assert dialog.internal_radio.isChecked()
    dialog.body_edit.setPlainText("Réservé à l'équipe")
    dialog.accept()
    qtbot.waitUntil(lambda: len(panel.notes()) == 1)
    assert panel.notes()[0].visibility is Visibility.INTERNAL
    assert panel.tree.topLevelItem(0).text(1) == "Internal"


def test_dates_follow_the_users_locale(qtbot: QtBot, lib: Library, stack: QUndoStack,
                                      owner: Owner) -> None:
    note = notes.add(lib, owner, "texte")
    previous = QLocale()
    QLocale.setDefault(QLocale("fr_FR"))
    try:
        panel = NotesPanel(lib, stack)
        qtbot.addWidget(panel)
        panel.set_owner(owner)
        expected = note.modified.strftime("%d/%m/%Y %H:%M")
        assert panel.tree.topLevelItem(0).text(2) == expected
    finally:
        QLocale.setDefault(previous)


def test_an_untitled_note_shows_its_first_line(qtbot: QtBot, panel: NotesPanel) -> None:
    _create(qtbot, panel, "", "\n## **Points** à suivre\n- salles")
    assert panel.tree.topLevelItem(0).text(0) == "Points à suivre"


def test_note_heading_shortens_long_lines(lib: Library) -> None:
    from datetime import datetime

    now = datetime.now()
    note = Note(1, Owner("reference", 1), "", "- " + "mot " * 40, Visibility.INTERNAL, now, now)
    assert note_heading(note).endswith("…")
    assert len(note_heading(note)) == 80


def test_no_owner_disables_the_buttons(qtbot: QtBot, lib: Library, stack: QUndoStack) -> None:
    panel = NotesPanel(lib, stack)
    qtbot.addWidget(panel)
    panel.set_owner(None)
    assert not panel.new_button.isEnabled()
    assert not panel.edit_button.isEnabled()
    assert panel.new_note() is None


def test_an_empty_owner_shows_a_hint(panel: NotesPanel) -> None:
    assert panel.stack.currentWidget() is panel.empty_label


# --- the editor's toolbar -------------------------------------------------------------------
@pytest.fixture
def dialog(qtbot: QtBot, lib: Library, stack: QUndoStack, owner: Owner) -> NoteEditorDialog:
    editor = NoteEditorDialog(lib, stack, owner)
    qtbot.addWidget(editor)
    return editor


@pytest.mark.parametrize(("action", "expected"), [
    ("bold", "Une **coopération** durable"),
    ("italic", "Une *coopération* durable"),
    ("h1", "# Une coopération durable"),
    ("h2", "## Une coopération durable"),
    ("bullet", "- Une coopération durable"),
    ("number", "1. Une coopération durable"),
])
def test_toolbar_actions_wrap_the_selection(dialog: NoteEditorDialog, action: str,
                                            expected: str) -> None:
    dialog.body_edit.setPlainText("Une coopération durable")
    _select(dialog, 4, 15)  # « coopération »
    dialog.actions_by_name[action].trigger()
    assert dialog.body() == expected


def test_bold_keeps_the_word_selected_and_toggles_off(dialog: NoteEditorDialog) -> None:
    dialog.body_edit.setPlainText("un mot ")
    _select(dialog, 3, 7)  # « mot » and the space after it
    dialog.actions_by_name["bold"].trigger()
    assert dialog.body() == "un **mot** "
    assert dialog.body_edit.textCursor().selectedText() == "mot"
    dialog.actions_by_name["bold"].trigger()
    assert dialog.body() == "un mot "


def test_bold_without_selection_inserts_a_placeholder(dialog: NoteEditorDialog) -> None:
    dialog.body_edit.setPlainText("")
    dialog.actions_by_name["bold"].trigger()
    assert dialog.body() == "**bold text**"
    assert dialog.body_edit.textCursor().selectedText() == "bold text"


def test_the_editor_undoes_a_toolbar_action_in_one_step(dialog: NoteEditorDialog) -> None:
    dialog.body_edit.setPlainText("a\nb")
    _select(dialog, 0, 3)
    dialog.actions_by_name["number"].trigger()
    assert dialog.body() == "1. a\n2. b"
    dialog.body_edit.undo()
    assert dialog.body() == "a\nb"


def test_link_wraps_the_selection_and_selects_the_url(dialog: NoteEditorDialog) -> None:
    QGuiApplication.clipboard().clear()
    dialog.body_edit.setPlainText("voir le rapport")
    _select(dialog, 8, 15)
    dialog.actions_by_name["link"].trigger()
    assert dialog.body() == "voir le [rapport](https://)"
    assert dialog.body_edit.textCursor().selectedText() == "https://"


def test_link_takes_a_url_from_the_clipboard(dialog: NoteEditorDialog) -> None:
    QGuiApplication.clipboard().setText("https://www.lelabo-ess.org/")
    dialog.body_edit.setPlainText("voir le rapport")
    _select(dialog, 8, 15)
    dialog.actions_by_name["link"].trigger()
    QGuiApplication.clipboard().clear()
    assert dialog.body() == "voir le [rapport](https://www.lelabo-ess.org/)"


def test_keyboard_shortcuts_work_in_the_text(qtbot: QtBot, dialog: NoteEditorDialog) -> None:
    QGuiApplication.clipboard().clear()
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    dialog.body_edit.setFocus()
    qtbot.waitUntil(dialog.body_edit.hasFocus)
    dialog.body_edit.setPlainText("abc")
    _select(dialog, 0, 3)
    qtbot.keyClick(dialog.body_edit, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert dialog.body() == "**abc**"
    _select(dialog, 2, 5)
    qtbot.keyClick(dialog.body_edit, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert dialog.body() == "***abc***"
    _select(dialog, 3, 6)
    qtbot.keyClick(dialog.body_edit, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert dialog.body() == "***[abc](https://)***"


def test_toolbar_shortcuts_win_over_the_text_fields_own_keys(
        qtbot: QtBot, dialog: NoteEditorDialog) -> None:
    # On Linux desktops a text field claims Ctrl+K (delete to the end of the line); here
    # Ctrl+Z (which it claims as undo everywhere) stands in for it.
    QGuiApplication.clipboard().clear()
    dialog.actions_by_name["link"].setShortcut(QKeySequence("Ctrl+Z"))
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    dialog.body_edit.setFocus()
    qtbot.waitUntil(dialog.body_edit.hasFocus)
    dialog.body_edit.setPlainText("abc")
    _select(dialog, 0, 3)
    qtbot.keyClick(dialog.body_edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert dialog.body() == "[abc](https://)"


def test_ctrl_b_in_the_title_does_not_touch_the_text(qtbot: QtBot,
                                                     dialog: NoteEditorDialog) -> None:
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    dialog.body_edit.setPlainText("abc")
    dialog.title_edit.setFocus()
    qtbot.waitUntil(dialog.title_edit.hasFocus)
    qtbot.keyClick(dialog.title_edit, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert dialog.body() == "abc"


@pytest.mark.parametrize(("text", "start", "end", "marker", "expected"), [
    ("**gras**", 0, 8, "**", "gras"),  # the selection holds the markers
    ("**gras**", 2, 6, "**", "gras"),  # the markers surround the selection
    ("**gras**", 2, 6, "*", "***gras***"),  # italic inside bold
    ("***les deux***", 3, 11, "*", "**les deux**"),
    ("***les deux***", 3, 11, "**", "*les deux*"),
    ("*it*", 1, 3, "**", "***it***"),
])
def test_wrap_selection_toggles(text: str, start: int, end: int, marker: str,
                                expected: str) -> None:
    assert wrap_selection(text, start, end, marker, "x").text == expected


def test_prefix_lines_replaces_and_toggles() -> None:
    text = "# Titre\n\n- un\n- deux"
    assert prefix_lines(text, 0, 3, "h2").text == "## Titre\n\n- un\n- deux"
    assert prefix_lines(text, 0, 3, "h1").text == "Titre\n\n- un\n- deux"
    assert prefix_lines(text, 9, len(text), "bullet").text == "# Titre\n\nun\ndeux"
    assert prefix_lines(text, 9, len(text), "number").text == "# Titre\n\n1. un\n2. deux"
    # a selection ending at the start of a line leaves that line alone
    assert prefix_lines("a\nb\nc", 0, 2, "bullet").text == "- a\nb\nc"
    # blank lines inside the selection stay blank
    assert prefix_lines("a\n\nb", 0, 4, "bullet").text == "- a\n\n- b"


def test_make_link_from_a_selected_url() -> None:
    edit = make_link("https://ess.fr", 0, 14, "", "link text")
    assert edit.text == "[link text](https://ess.fr)"
    assert edit.text[edit.start:edit.end] == "link text"


def test_positions_beyond_the_basic_plane(dialog: NoteEditorDialog) -> None:
    text = "🙂 café **x**"
    assert utf16_offset(text, 2) == 3
    assert python_index(text, 3) == 2
    dialog.body_edit.setPlainText("🙂 mot")
    _select(dialog, 3, 6)  # Qt counts the emoji as two units
    dialog.actions_by_name["bold"].trigger()
    assert dialog.body() == "🙂 **mot**"


# --- the preview ------------------------------------------------------------------------------
def test_preview_renders_markdown_but_never_html(qtbot: QtBot, dialog: NoteEditorDialog) -> None:
    dialog.body_edit.setPlainText("# Restitution\n\n<b>html</b> et **gras**")
    # live: the preview follows the text after a short pause
    qtbot.waitUntil(lambda: "Restitution" in dialog.preview.toPlainText())
    document = dialog.preview.document()
    heading = document.firstBlock()
    assert heading.text() == "Restitution"
    assert heading.blockFormat().headingLevel() == 1
    paragraph = heading.next()
    assert paragraph.text() == "<b>html</b> et gras"
    cursor = QTextCursor(paragraph)
    cursor.setPosition(paragraph.position() + 4)  # inside « html »
    assert not cursor.charFormat().font().bold()
    cursor.setPosition(paragraph.position() + len("<b>html</b> et g"))
    assert cursor.charFormat().font().bold()


def test_preview_opens_only_web_links_when_clicked(dialog: NoteEditorDialog,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(markdown_editor.QDesktopServices, "openUrl", opened.append)
    dialog.preview.anchorClicked.emit(QUrl("https://www.ess-france.org/"))
    dialog.preview.anchorClicked.emit(QUrl("file:///etc/passwd"))
    dialog.preview.anchorClicked.emit(QUrl("javascript:alert(1)"))
    assert opened == [QUrl("https://www.ess-france.org/")]


def test_preview_does_not_load_local_images(dialog: NoteEditorDialog, tmp_path: Path) -> None:
    image = tmp_path / "secret.png"
    image.write_bytes(b"not really an image")
    assert dialog.preview.loadResource(2, QUrl.fromLocalFile(str(image))) is None


# --- saving, errors, cancelling -------------------------------------------------------------
def test_a_dialog_left_unchanged_saves_nothing(qtbot: QtBot, panel: NotesPanel,
                                               stack: QUndoStack) -> None:
    dialog = panel.new_note()
    assert dialog is not None
    dialog.accept()
    assert stack.count() == 0


def test_a_core_error_keeps_the_dialog_open(qtbot: QtBot, lib: Library, stack: QUndoStack,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[BaseException] = []
    monkeypatch.setattr(markdown_editor, "_show_error", lambda _parent, exc: shown.append(exc))
    dialog = NoteEditorDialog(lib, stack, Owner("reference", 999))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.body_edit.setPlainText("Sur une référence disparue")
    dialog.accept()
    assert len(shown) == 1 and isinstance(shown[0], SeminaireError)
    assert dialog.isVisible()
    assert dialog.body() == "Sur une référence disparue"
    assert stack.count() == 0


def test_cancel_asks_before_losing_text(qtbot: QtBot, dialog: NoteEditorDialog,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[bool] = []
    monkeypatch.setattr(dialog, "_confirm_discard", lambda: asked.append(True) or False)
    dialog.show()
    dialog.body_edit.setPlainText("brouillon")
    dialog.reject()
    assert asked == [True]
    assert dialog.isVisible()


# --- undo and redo ----------------------------------------------------------------------------
def test_undo_and_redo_create_edit_delete(qtbot: QtBot, panel: NotesPanel, lib: Library,
                                          owner: Owner, stack: QUndoStack,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    def bodies() -> list[str]:
        return [n.body for n in panel.notes()]

    def settle(expected: list[str]) -> None:
        qtbot.waitUntil(lambda: bodies() == expected)
        assert [n.body for n in notes.list_for(lib, owner)] == expected

    _create(qtbot, panel, "Ordre du jour", "premier jet", Visibility.INTERNAL)
    panel.select_note(panel.notes()[0].id)
    dialog = panel.edit_selected()
    assert dialog is not None
    assert dialog.body() == "premier jet"
    _write(dialog, "Ordre du jour", "version revue", Visibility.PARTICIPANTS)
    dialog.accept()
    settle(["version revue"])
    assert stack.undoText() == "Edit note"
    assert panel.notes()[0].visibility is Visibility.PARTICIPANTS

    stack.undo()  # edit
    settle(["premier jet"])
    assert panel.notes()[0].visibility is Visibility.INTERNAL
    stack.undo()  # create
    settle([])
    stack.redo()  # create again: a new id
    settle(["premier jet"])
    stack.redo()  # the edit reaches the note under its new id
    settle(["version revue"])

    monkeypatch.setattr(panel, "_confirm_delete", lambda _note: True)
    panel.select_note(panel.notes()[0].id)
    panel.delete_selected()
    settle([])
    assert stack.undoText() == "Delete note"
    stack.undo()  # the same note comes back (under a new id)
    settle(["version revue"])
    restored = panel.notes()[0]
    assert (restored.title, restored.visibility) == ("Ordre du jour", Visibility.PARTICIPANTS)
    stack.redo()
    settle([])
    stack.undo()
    settle(["version revue"])
    for _ in range(3):  # delete, edit, create
        stack.undo()
    settle([])


def test_deleting_asks_first(qtbot: QtBot, panel: NotesPanel,
                             monkeypatch: pytest.MonkeyPatch) -> None:
    _create(qtbot, panel, "À garder", "texte")
    monkeypatch.setattr(panel, "_confirm_delete", lambda _note: False)
    panel.select_note(panel.notes()[0].id)
    panel.delete_selected()
    assert len(panel.notes()) == 1


# --- keyboard -------------------------------------------------------------------------------
def test_enter_edits_and_delete_deletes(qtbot: QtBot, panel: NotesPanel,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    _create(qtbot, panel, "Clavier", "texte")
    panel.show()
    qtbot.waitExposed(panel)
    panel.activateWindow()
    panel.select_note(panel.notes()[0].id)
    panel.tree.setFocus()
    qtbot.waitUntil(panel.tree.hasFocus)
    qtbot.keyClick(panel.tree, Qt.Key.Key_Return)
    assert panel.editor is not None
    assert panel.editor.title() == "Clavier"
    panel.editor.reject()  # unchanged: closes without asking
    qtbot.waitUntil(lambda: panel.editor is None)
    panel.tree.setFocus()
    qtbot.waitUntil(panel.tree.hasFocus)
    monkeypatch.setattr(panel, "_confirm_delete", lambda _note: True)
    qtbot.keyClick(panel.tree, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: panel.notes() == [])


# --- lifetime and changes from elsewhere -------------------------------------------------------
def test_the_panel_follows_changes_made_elsewhere(qtbot: QtBot, panel: NotesPanel,
                                                  lib: Library, owner: Owner) -> None:
    notes.add(lib, owner, "écrit par la ligne de commande")
    qtbot.waitUntil(lambda: len(panel.notes()) == 1)


def test_the_library_outlives_the_panel(qtbot: QtBot, lib: Library, stack: QUndoStack,
                                        owner: Owner) -> None:
    before = len(lib._listeners)
    panel = NotesPanel(lib, stack)
    panel.set_owner(owner)
    assert len(lib._listeners) == before + 1
    panel.deleteLater()
    qtbot.waitUntil(lambda p=panel: not shiboken6.isValid(p))
    del panel
    gc.collect()
    notes.add(lib, owner, "après la fermeture du panneau")  # must not reach a dead widget
    QCoreApplication.processEvents()
    assert len(lib._listeners) == before


def test_a_deleted_owner_empties_the_panel_until_undo(qtbot: QtBot, panel: NotesPanel,
                                                      lib: Library, owner: Owner,
                                                      stack: QUndoStack) -> None:
    _create(qtbot, panel, "Note", "texte")
    stack.push(commands.delete_references(lib, [owner.id]))
    qtbot.waitUntil(lambda: panel.notes() == [])
    assert not panel.new_button.isEnabled()
    stack.undo()  # the reference comes back with its notes, under the same ids
    qtbot.waitUntil(lambda: len(panel.notes()) == 1)
    assert panel.new_button.isEnabled()
