"""Writing a Markdown note: a toolbar that inserts the syntax, a live preview, the audience.

The editing commands work on plain text (:func:`wrap_selection`, :func:`prefix_lines`,
:func:`make_link`), so they behave the same in tests and for users. The preview renders
GitHub-flavoured Markdown with HTML switched off: whatever the user types is text, never
markup, and links open in the system's browser only when clicked.

Saving is undoable: :func:`add_note`, :func:`edit_note` and :func:`delete_note` do the
change now and return a command already done. Undoing a delete, or redoing a creation,
writes the note again under a new id; :class:`_NoteHandles` keeps every command of the
library pointing at the note's current id.

Signals of :class:`NoteEditorDialog`: ``saved(Note)`` — the note was written.
"""

from __future__ import annotations

import re
import weakref
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import (
    QAction,
    QDesktopServices,
    QFont,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QTextCursor,
    QTextDocument,
    QUndoCommand,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QRadioButton,
    QSplitter,
    QTextBrowser,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from seminaire_app.domain import Note, Owner, Visibility
from seminaire_app.errors import SeminaireError
from seminaire_app.services import notes
from seminaire_app.storage.library import Library

from .commands import FunctionCommand
from .errors import show_error

MARKDOWN_FEATURES = (QTextDocument.MarkdownFeature.MarkdownDialectGitHub
                     | QTextDocument.MarkdownFeature.MarkdownNoHTML)
PREVIEW_DELAY_MS = 150
#: Links the preview hands to the system; anything else (file:, javascript:…) is ignored.
SAFE_LINK_SCHEMES = ("http", "https", "mailto")

_HEADING = re.compile(r"^(#{1,6})\s+")
_BULLET = re.compile(r"^[-*+]\s+")
_NUMBER = re.compile(r"^\d+[.)]\s+")
_URL = re.compile(r"^(https?://|mailto:|www\.)\S+$")


def _show_error(parent: QWidget | None, exc: BaseException) -> None:
    """Tell the user what went wrong (the project's wording lives in ``ui.errors``)."""
    show_error(parent, exc)


# --- Markdown editing on plain text -------------------------------------------------------
@dataclass(frozen=True)
class Edit:
    """The result of an editing command: the new text and what to select in it."""

    text: str
    start: int
    end: int


def _stars(chunk: str) -> int:
    return len(chunk) - len(chunk.lstrip("*"))


def _carries(stars: int, marker: str) -> bool:
    """Does a run of ``stars`` asterisks open ``marker`` (``*`` italic, ``**`` bold)?"""
    return stars in (2, 3) if marker == "**" else stars in (1, 3)


def wrap_selection(text: str, start: int, end: int, marker: str, placeholder: str) -> Edit:
    """Put ``marker`` on both sides of the selection (``**`` bold, ``*`` italic).

    Spaces at the selection's edges stay outside (``** word**`` is not emphasis); an
    empty selection inserts the placeholder, selected; a selection already wrapped in
    this marker, inside or just around it, is unwrapped.
    """
    chosen = text[start:end]
    core = chosen.strip()
    s = start + len(chosen) - len(chosen.lstrip())
    e = s + len(core)
    n = len(marker)
    lead, trail = _stars(core), _stars(core[::-1])
    if len(core) > lead + trail and _carries(lead, marker) and _carries(trail, marker):
        inner = core[n:-n]
        return Edit(text[:s] + inner + text[e:], s, s + len(inner))
    before, after = _stars(text[:s][::-1]), _stars(text[e:])
    if core and _carries(before, marker) and _carries(after, marker):
        return Edit(text[:s - n] + core + text[e + n:], s - n, e - n)
    inner = core or placeholder
    return Edit(text[:s] + marker + inner + marker + text[e:], s + n, s + n + len(inner))


def _line_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Start of the first and end of the last line the selection touches."""
    if end > start and text[end - 1:end] == "\n":
        end -= 1  # a selection ending at a line's start does not take that line
    first = text.rfind("\n", 0, start) + 1
    last = text.find("\n", end)
    return first, len(text) if last < 0 else last


def prefix_lines(text: str, start: int, end: int, kind: str) -> Edit:
    """Make the selected lines headings (``h1``, ``h2``), a ``bullet`` or ``number`` list.

    Applying the same kind again removes it; another kind replaces it. Blank lines
    inside a multi-line selection are left alone.
    """
    first, last = _line_span(text, start, end)
    lines = text[first:last].split("\n")
    content = [line for line in lines if line.strip()] or lines
    pattern = {"bullet": _BULLET, "number": _NUMBER}.get(kind, _HEADING)
    level = {"h1": 1, "h2": 2}.get(kind, 0)

    def has_it(line: str) -> bool:
        match = pattern.match(line.lstrip())
        return match is not None and (not level or len(match.group(1)) == level)

    remove = all(has_it(line) for line in content)
    out, number = [], 0
    for line in lines:
        if not line.strip() and len(lines) > 1:
            out.append(line)
            continue
        indent = line[:len(line) - len(line.lstrip())]
        body = line.lstrip()
        for strip in (_HEADING, _BULLET, _NUMBER):
            body = strip.sub("", body, count=1)
        if remove:
            out.append(indent + body)
            continue
        number += 1
        prefix = {"bullet": "- ", "number": f"{number}. "}.get(kind, "#" * level + " ")
        out.append(indent + prefix + body)
    block = "\n".join(out)
    if len(lines) == 1:  # the cursor goes to the end of the line, ready to type
        return Edit(text[:first] + block + text[last:], first + len(block), first + len(block))
    return Edit(text[:first] + block + text[last:], first, first + len(block))


def make_link(text: str, start: int, end: int, url: str, placeholder: str) -> Edit:
    """``[selection](url)``. Without a URL, « https:// » is selected for the user to type."""
    chosen = text[start:end].strip()
    if not url and _URL.match(chosen):
        url, chosen = chosen, ""
    label = chosen or placeholder
    target = url or "https://"
    new = f"[{label}]({target})"
    result = text[:start] + new + text[end:]
    if chosen and not url:  # select the URL to type
        return Edit(result, start + len(label) + 3, start + len(label) + 3 + len(target))
    return Edit(result, start + 1, start + 1 + len(label))  # select the label


def utf16_offset(text: str, index: int) -> int:
    """Qt's position (UTF-16 code units) of Python's ``text[index]``."""
    head = text[:index]
    return index if head.isascii() else len(head.encode("utf-16-le")) // 2


def python_index(text: str, offset: int) -> int:
    """Python's index in ``text`` of Qt's position ``offset`` (UTF-16 code units)."""
    if text.isascii():
        return offset
    units = 0
    for index, char in enumerate(text):
        if units >= offset:
            return index
        units += 2 if ord(char) > 0xFFFF else 1
    return len(text)


def render_markdown(document: QTextDocument, body: str) -> None:
    """The preview: GitHub Markdown, with HTML in the text shown as typed."""
    document.setMarkdown(body, MARKDOWN_FEATURES)


# --- undoable note changes ----------------------------------------------------------------
class _NoteHandle:
    """The current id of a note that undo may write again under a new id."""

    __slots__ = ("id",)

    def __init__(self, note_id: int) -> None:
        self.id = note_id


class _NoteHandles:
    """Handles of one library's notes by current id, shared by every undo command."""

    def __init__(self) -> None:
        self._by_id: dict[int, _NoteHandle] = {}

    @classmethod
    def of(cls, lib: Library) -> _NoteHandles:
        handles = _HANDLES.get(lib)
        if handles is None:
            handles = _HANDLES[lib] = cls()
        return handles

    def handle(self, note_id: int) -> _NoteHandle:
        found = self._by_id.get(note_id)
        if found is None:
            found = self._by_id[note_id] = _NoteHandle(note_id)
        return found

    def written(self, handle: _NoteHandle, note: Note) -> None:
        """The note exists again, under ``note.id``."""
        self.deleted(handle)
        handle.id = note.id
        self._by_id[note.id] = handle

    def deleted(self, handle: _NoteHandle) -> None:
        """Forget the id: SQLite may give it to the next new note."""
        if self._by_id.get(handle.id) is handle:
            del self._by_id[handle.id]


_HANDLES: weakref.WeakKeyDictionary[Library, _NoteHandles] = weakref.WeakKeyDictionary()


def add_note(lib: Library, owner: Owner, title: str, body: str,
             visibility: Visibility) -> tuple[Note, QUndoCommand]:
    """Write a new note now; the command deletes it and writes it again."""
    note = notes.add(lib, owner, body, title=title, visibility=visibility)
    handles = _NoteHandles.of(lib)
    handle = handles.handle(note.id)

    def redo() -> None:
        handles.written(handle, notes.add(lib, owner, body, title=title, visibility=visibility))

    def undo() -> None:
        notes.delete(lib, handle.id)
        handles.deleted(handle)

    return note, FunctionCommand(QCoreApplication.translate("Undo", "New note"), redo, undo)


def edit_note(lib: Library, note: Note, title: str, body: str,
              visibility: Visibility) -> tuple[Note, QUndoCommand]:
    """Change a note now; undo puts its previous title, text and audience back."""
    handle = _NoteHandles.of(lib).handle(note.id)
    changed = notes.update(lib, note.id, body=body, title=title, visibility=visibility)
    return changed, FunctionCommand(
        QCoreApplication.translate("Undo", "Edit note"),
        lambda: notes.update(lib, handle.id, body=body, title=title, visibility=visibility),
        lambda: notes.update(lib, handle.id, body=note.body, title=note.title,
                             visibility=note.visibility))


def delete_note(lib: Library, note: Note) -> QUndoCommand:
    """Delete a note now; undo writes it again (same text, title and audience)."""
    handles = _NoteHandles.of(lib)
    handle = handles.handle(note.id)
    gone = notes.delete(lib, note.id)
    handles.deleted(handle)

    def redo() -> None:
        notes.delete(lib, handle.id)
        handles.deleted(handle)

    def undo() -> None:
        handles.written(handle, notes.add(lib, gone.owner, gone.body, title=gone.title,
                                          visibility=gone.visibility))

    return FunctionCommand(QCoreApplication.translate("Undo", "Delete note"), redo, undo)


# --- the dialog ---------------------------------------------------------------------------
class _Preview(QTextBrowser):
    """Shows the rendered note; never loads files, images or pages by itself."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)

    def loadResource(self, _type: int, _name: QUrl | str) -> object:  # noqa: N802 - Qt's name
        return None


class NoteEditorDialog(QDialog):
    """Write a new note for ``owner``, or edit ``note``; OK saves it as an undo step."""

    saved = Signal(object)

    def __init__(self, library: Library, undo_stack: QUndoStack, owner: Owner,
                 note: Note | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._library, self._undo_stack, self._owner, self._note = (
            library, undo_stack, owner, note)
        self.setWindowTitle(self.tr("Edit note") if note else self.tr("New note"))
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(self.tr("Title (optional)"))
        self.title_edit.setAccessibleName(self.tr("Title"))
        self.internal_radio = QRadioButton(self.tr("&Internal"))
        self.internal_radio.setToolTip(self.tr("For the team only"))
        self.participants_radio = QRadioButton(self.tr("For &participants"))
        self.participants_radio.setToolTip(
            self.tr("May be shared with participants, for instance in their dossier"))
        self._audience = QButtonGroup(self)
        self._audience.addButton(self.internal_radio)
        self._audience.addButton(self.participants_radio)
        self.body_edit = QPlainTextEdit()
        self.body_edit.setAccessibleName(self.tr("Note text (Markdown)"))
        self.body_edit.setPlaceholderText(
            self.tr("Write in Markdown: # Heading, **bold**, *italic*, - list, [link](https://…)"))
        self.body_edit.setTabChangesFocus(True)
        self.body_edit.installEventFilter(self)
        self.preview = _Preview()
        self.preview.setAccessibleName(self.tr("Preview"))
        self.preview.anchorClicked.connect(self._on_preview_anchor_clicked)
        self.toolbar = QToolBar()
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self._build_actions()
        self._preview_timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self.update_preview)
        self.body_edit.textChanged.connect(self._preview_timer.start)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._lay_out()
        self._load(note)

    def _lay_out(self) -> None:
        audience = QHBoxLayout()
        audience.addWidget(self.internal_radio)
        audience.addWidget(self.participants_radio)
        audience.addStretch()
        form = QFormLayout()
        form.addRow(self.tr("&Title:"), self.title_edit)
        form.addRow(self.tr("Audience:"), audience)
        editor = QWidget()
        column = QVBoxLayout(editor)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.toolbar)
        column.addWidget(self.body_edit)
        preview = QWidget()
        column = QVBoxLayout(preview)
        column.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(self.tr("Preview"))
        heading.setBuddy(self.preview)
        column.addWidget(heading)
        column.addWidget(self.preview)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(editor)
        splitter.addWidget(preview)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)
        self.resize(860, 560)

    def _build_actions(self) -> None:
        specs = (
            ("h1", self.tr("H1"), self.tr("Heading 1"), "Ctrl+1"),
            ("h2", self.tr("H2"), self.tr("Heading 2"), "Ctrl+2"),
            ("bold", self.tr("B"), self.tr("Bold"), "Ctrl+B"),
            ("italic", self.tr("I"), self.tr("Italic"), "Ctrl+I"),
            ("bullet", self.tr("• List"), self.tr("Bulleted list"), "Ctrl+Shift+8"),
            ("number", self.tr("1. List"), self.tr("Numbered list"), "Ctrl+Shift+7"),
            ("link", self.tr("Link"), self.tr("Link"), "Ctrl+K"),
        )
        self.actions_by_name: dict[str, QAction] = {}
        for name, text, tip, shortcut in specs:
            action = QAction(text, self)
            action.setShortcut(QKeySequence(shortcut))
            # Only while the text has focus: Ctrl+B in the title field does nothing.
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            keys = QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(self.tr("{action} ({keys})").format(action=tip, keys=keys))
            action.triggered.connect(lambda _checked=False, n=name: self.apply_format(n))
            self.body_edit.addAction(action)
            self.toolbar.addAction(action)
            if name in ("h2", "italic", "number"):
                self.toolbar.addSeparator()
            self.actions_by_name[name] = action
        for name, style in (("bold", "bold"), ("italic", "italic")):
            button = self.toolbar.widgetForAction(self.actions_by_name[name])
            font = QFont(button.font())
            font.setBold(style == "bold")
            font.setItalic(style == "italic")
            button.setFont(font)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        # On Linux desktops Ctrl+K means « delete to the end of the line » to a text
        # field, which would claim the key before the Link shortcut: ours win.
        if (watched is self.body_edit and event.type() == QEvent.Type.ShortcutOverride
                and isinstance(event, QKeyEvent)):
            pressed = QKeySequence(event.keyCombination())
            if any(action.shortcut().matches(pressed) == QKeySequence.SequenceMatch.ExactMatch
                   for action in self.actions_by_name.values()):
                event.ignore()
                return True
        return super().eventFilter(watched, event)

    def _load(self, note: Note | None) -> None:
        self.title_edit.setText(note.title if note else "")
        self.body_edit.setPlainText(note.body if note else "")
        participants = note is not None and note.visibility is Visibility.PARTICIPANTS
        (self.participants_radio if participants else self.internal_radio).setChecked(True)
        self.body_edit.document().setModified(False)
        self.update_preview()
        (self.body_edit if note else self.title_edit).setFocus()

    # --- values ---------------------------------------------------------------------------
    @property
    def note(self) -> Note | None:
        """The note as last saved (None until a new note is saved)."""
        return self._note

    def title(self) -> str:
        return self.title_edit.text().strip()

    def body(self) -> str:
        return self.body_edit.toPlainText()

    def visibility(self) -> Visibility:
        return (Visibility.PARTICIPANTS if self.participants_radio.isChecked()
                else Visibility.INTERNAL)

    def set_visibility(self, visibility: Visibility) -> None:
        participants = visibility is Visibility.PARTICIPANTS
        (self.participants_radio if participants else self.internal_radio).setChecked(True)

    def is_modified(self) -> bool:
        note = self._note
        if note is None:
            return bool(self.title() or self.body().strip())
        return (self.title(), self.body(), self.visibility()) != (
            note.title, note.body, note.visibility)

    # --- formatting -----------------------------------------------------------------------
    def apply_format(self, name: str) -> None:
        """Apply a toolbar command (h1, h2, bold, italic, bullet, number, link)."""
        cursor = self.body_edit.textCursor()
        text = self.body()
        start = python_index(text, cursor.selectionStart())
        end = python_index(text, cursor.selectionEnd())
        if name in ("bold", "italic"):
            marker = "**" if name == "bold" else "*"
            placeholder = self.tr("bold text") if name == "bold" else self.tr("italic text")
            edit = wrap_selection(text, start, end, marker, placeholder)
        elif name == "link":
            clipboard = QGuiApplication.clipboard().text().strip()
            url = clipboard if _URL.match(clipboard) else ""
            edit = make_link(text, start, end, url, self.tr("link text"))
        else:
            edit = prefix_lines(text, start, end, name)
        self._replace_text(edit)

    def _replace_text(self, edit: Edit) -> None:
        """Put the edited text in as one step of the editor's own undo (Ctrl+Z)."""
        old = self.body()
        prefix = 0  # only the part that changed is replaced: the view does not jump
        while prefix < min(len(old), len(edit.text)) and old[prefix] == edit.text[prefix]:
            prefix += 1
        suffix = 0
        while (suffix < min(len(old), len(edit.text)) - prefix
               and old[-1 - suffix] == edit.text[-1 - suffix]):
            suffix += 1
        cursor = self.body_edit.textCursor()
        cursor.beginEditBlock()
        cursor.setPosition(utf16_offset(old, prefix))
        cursor.setPosition(utf16_offset(old, len(old) - suffix),
                           QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(edit.text[prefix:len(edit.text) - suffix])
        cursor.endEditBlock()
        cursor.setPosition(utf16_offset(edit.text, edit.start))
        cursor.setPosition(utf16_offset(edit.text, edit.end), QTextCursor.MoveMode.KeepAnchor)
        self.body_edit.setTextCursor(cursor)
        self.body_edit.setFocus()

    # --- preview --------------------------------------------------------------------------
    @Slot()
    def update_preview(self) -> None:
        self._preview_timer.stop()
        bar = self.preview.verticalScrollBar()
        position = bar.value()
        render_markdown(self.preview.document(), self.body())
        bar.setValue(position)

    @Slot(QUrl)
    def _on_preview_anchor_clicked(self, url: QUrl) -> None:
        if url.scheme().lower() in SAFE_LINK_SCHEMES:
            QDesktopServices.openUrl(url)

    # --- saving ---------------------------------------------------------------------------
    def accept(self) -> None:
        if self.is_modified() and not self._save():
            return  # the error was shown; the text stays for the user to fix
        super().accept()

    def _save(self) -> bool:
        title, body, visibility = self.title(), self.body(), self.visibility()
        try:
            if self._note is None:
                note, command = add_note(self._library, self._owner, title, body, visibility)
            else:
                note, command = edit_note(self._library, self._note, title, body, visibility)
        except SeminaireError as exc:
            _show_error(self, exc)
            return False
        self._undo_stack.push(command)
        self._note = note
        self.body_edit.document().setModified(False)
        self.saved.emit(note)
        return True

    def reject(self) -> None:
        if self.is_modified() and not self._confirm_discard():
            return
        super().reject()

    def _confirm_discard(self) -> bool:
        """Ask before losing typed text (tests replace this method)."""
        answer = QMessageBox.question(
            self, self.tr("Discard changes?"),
            self.tr("The note has changes that are not saved. Discard them?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Discard
