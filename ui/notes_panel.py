"""The notes of one reference, edition or workshop: a list with New, Edit and Delete.

Embedded by the reference detail pane, the edition page and the workshop page. Each row
shows the note's title (or its first line), its audience (internal or for participants)
and when it was last changed, in the user's locale. Enter edits the selected note,
Delete deletes it after a confirmation; every change is an undo step.

The panel refreshes itself when the library reports ``Changes.NOTES``.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QDateTime, QLocale, QPoint, Qt, QTimer, Signal, Slot
from PySide6.QtGui import (
    QAction,
    QBrush,
    QColor,
    QIcon,
    QKeySequence,
    QPainter,
    QPixmap,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from seminaire_app.domain import Changes, Note, Owner, Visibility
from seminaire_app.errors import SeminaireError
from seminaire_app.services import notes
from seminaire_app.storage.library import Library

from . import changes as library_changes
from .markdown_editor import NoteEditorDialog, _show_error, delete_note

NOTE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
TITLE_CHARS = 80
TOOLTIP_CHARS = 400
_MARKUP = re.compile(r"^\s*(#{1,6}\s+|[-*+]\s+|\d+[.)]\s+|>\s*)")
_PARTICIPANTS_COLOUR = QColor("#2e7d32")
_INTERNAL_COLOUR = QColor("#757575")


def note_heading(note: Note) -> str:
    """The note's title, else its first line without Markdown markers."""
    if note.title:
        return note.title
    for line in note.body.splitlines():
        text = _MARKUP.sub("", line).replace("**", "").replace("__", "").strip()
        if text:
            return text if len(text) <= TITLE_CHARS else text[:TITLE_CHARS - 1] + "…"
    return ""


def _dot(colour: QColor) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawEllipse(1, 1, 10, 10)
    painter.end()
    return QIcon(pixmap)


class NotesPanel(QWidget):
    """Lists an owner's notes and edits them through :class:`NoteEditorDialog`.

    Signals: none public (``_library_changed`` only relays notifications to the GUI
    thread).
    """

    _library_changed = Signal(object)

    def __init__(self, library: Library, undo_stack: QUndoStack,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._library, self._undo_stack = library, undo_stack
        self._owner: Owner | None = None
        self._owner_exists = False  # the owner may be deleted while shown (undo: back)
        self._notes: list[Note] = []
        self._select_id: int | None = None
        self.editor: NoteEditorDialog | None = None
        self.tree = self._make_tree()
        self.empty_label = QLabel(self.tr("No notes yet. Click New to write one."))
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setEnabled(False)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.tree)
        self.stack.addWidget(self.empty_label)
        self.new_button = QPushButton(self.tr("New…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.new_button.setToolTip(self.tr("Write a new note"))
        self.edit_button.setToolTip(self.tr("Edit the selected note (Enter)"))
        self.delete_button.setToolTip(self.tr("Delete the selected note (Delete)"))
        self.new_button.clicked.connect(self.new_note)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        # No mnemonics (Alt+letter): the panel sits in pages and windows that have theirs.
        self._make_actions()
        buttons = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        # The style's margins: the panel usually fills a tab page (set 0 to embed it flush).
        layout.addWidget(self.stack, 1)
        layout.addLayout(buttons)
        self._refresh_timer = QTimer(self, singleShot=True, interval=0)
        self._refresh_timer.timeout.connect(self.refresh)
        # Notifications may come from a worker thread: the signal queues them to ours.
        self._library_changed.connect(self._on_library_changed)
        library_changes.subscribe(library, self, self._relay_change)
        self._show_notes([])

    def _make_tree(self) -> QTreeWidget:
        tree = QTreeWidget()
        tree.setColumnCount(3)
        tree.setHeaderLabels([self.tr("Note"), self.tr("Audience"), self.tr("Modified")])
        tree.setRootIsDecorated(False)
        tree.setUniformRowHeights(True)
        tree.setAllColumnsShowFocus(True)
        tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        tree.setAccessibleName(self.tr("Notes"))
        header = tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        tree.itemDoubleClicked.connect(self._on_tree_item_double_clicked)
        tree.itemSelectionChanged.connect(self._update_buttons)
        tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        tree.customContextMenuRequested.connect(self._on_tree_context_menu_requested)
        return tree

    def _make_actions(self) -> None:
        self.edit_action = QAction(self.tr("Edit…"), self)
        self.edit_action.setShortcuts([QKeySequence(Qt.Key.Key_Return),
                                       QKeySequence(Qt.Key.Key_Enter)])
        self.delete_action = QAction(self.tr("Delete"), self)
        self.delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.new_action = QAction(self.tr("New note…"), self)
        for action, slot in ((self.edit_action, self.edit_selected),
                             (self.delete_action, self.delete_selected),
                             (self.new_action, self.new_note)):
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(slot)
            self.tree.addAction(action)

    # --- what is shown --------------------------------------------------------------------
    @property
    def owner(self) -> Owner | None:
        return self._owner

    def set_owner(self, owner: Owner | None) -> None:
        """Show the notes of ``owner`` (None: nothing, and the buttons are disabled)."""
        if owner != self._owner:
            self._select_id = None
        self._owner = owner
        self.refresh()

    def notes(self) -> list[Note]:
        """The notes shown, in order."""
        return list(self._notes)

    def selected_note(self) -> Note | None:
        item = self.tree.currentItem()
        if item is None or not item.isSelected():
            return None
        note_id = item.data(0, NOTE_ID_ROLE)
        return next((n for n in self._notes if n.id == note_id), None)

    def select_note(self, note_id: int) -> None:
        for row in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(row)
            if item is not None and item.data(0, NOTE_ID_ROLE) == note_id:
                self.tree.setCurrentItem(item)
                return

    @Slot()
    def refresh(self) -> None:
        """Read the owner's notes again (they are few: the GUI thread does it)."""
        self._refresh_timer.stop()
        found: list[Note] = []
        self._owner_exists = self._owner is not None
        if self._owner is not None:
            try:
                found = notes.list_for(self._library, self._owner)
            except SeminaireError:
                self._owner_exists = False  # deleted: show nothing, quietly
        self._show_notes(found)

    def _show_notes(self, found: list[Note]) -> None:
        keep = self._select_id
        if keep is None and (current := self.selected_note()) is not None:
            keep = current.id
        self._select_id = None
        self._notes = found
        self.tree.clear()
        locale = QLocale()
        for note in found:
            self.tree.addTopLevelItem(self._item(note, locale))
        if keep is not None:
            self.select_note(keep)
        self.stack.setCurrentWidget(self.tree if found or not self._owner_exists
                                    else self.empty_label)
        self._update_buttons()

    def _item(self, note: Note, locale: QLocale) -> QTreeWidgetItem:
        for_participants = note.visibility is Visibility.PARTICIPANTS
        audience = (self.tr("For participants") if for_participants else self.tr("Internal"))
        modified = QDateTime.fromMSecsSinceEpoch(int(note.modified.timestamp() * 1000))
        item = QTreeWidgetItem([note_heading(note) or self.tr("(empty note)"), audience,
                                locale.toString(modified, QLocale.FormatType.ShortFormat)])
        item.setData(0, NOTE_ID_ROLE, note.id)
        body = note.body.strip()
        tip = body if len(body) <= TOOLTIP_CHARS else body[:TOOLTIP_CHARS - 1] + "…"
        item.setToolTip(0, tip or note.title)
        colour = _PARTICIPANTS_COLOUR if for_participants else _INTERNAL_COLOUR
        item.setIcon(1, _dot(colour))
        item.setForeground(1, QBrush(colour))
        item.setToolTip(1, self.tr("May be shared with participants") if for_participants
                        else self.tr("For the team only"))
        item.setToolTip(2, locale.toString(modified, QLocale.FormatType.LongFormat))
        return item

    @Slot()
    def _update_buttons(self) -> None:
        has_owner = self._owner_exists
        selected = self.selected_note() is not None
        self.new_button.setEnabled(has_owner)
        self.new_action.setEnabled(has_owner)
        for widget in (self.edit_button, self.delete_button, self.edit_action,
                       self.delete_action):
            widget.setEnabled(selected)

    def _relay_change(self, what: Changes) -> None:
        self._library_changed.emit(what)  # queued when it comes from another thread

    @Slot(object)
    def _on_library_changed(self, what: Changes) -> None:
        if what & Changes.NOTES and self._owner is not None:
            self._refresh_timer.start()  # several changes in a row: one refresh

    # --- actions --------------------------------------------------------------------------
    @Slot()
    def new_note(self) -> NoteEditorDialog | None:
        """Open the editor on a new note (window-modal; returns the dialog)."""
        if not self._owner_exists:
            return None
        return self._open_editor(None)

    @Slot()
    def edit_selected(self) -> NoteEditorDialog | None:
        note = self.selected_note()
        return self._open_editor(note) if note is not None else None

    def _open_editor(self, note: Note | None) -> NoteEditorDialog | None:
        if self.editor is not None:
            self.editor.raise_()
            self.editor.activateWindow()
            return self.editor
        assert self._owner is not None
        dialog = NoteEditorDialog(self._library, self._undo_stack, self._owner, note, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self._on_editor_saved)
        dialog.finished.connect(self._on_editor_finished)
        self.editor = dialog
        dialog.open()
        return dialog

    @Slot(object)
    def _on_editor_saved(self, note: Note) -> None:
        self._select_id = note.id
        self._refresh_timer.start()

    @Slot(int)
    def _on_editor_finished(self, _result: int) -> None:
        self.editor = None
        self.tree.setFocus()

    @Slot()
    def delete_selected(self) -> None:
        note = self.selected_note()
        if note is None or not self._confirm_delete(note):
            return
        try:
            command = delete_note(self._library, note)
        except SeminaireError as exc:
            _show_error(self, exc)
            self.refresh()
            return
        self._undo_stack.push(command)

    def _confirm_delete(self, note: Note) -> bool:
        """Ask before deleting (tests replace this method)."""
        answer = QMessageBox.question(
            self, self.tr("Delete note"),
            self.tr("Delete the note “{title}”? You can undo this with Ctrl+Z.").format(
                title=note_heading(note) or self.tr("(empty note)")))
        return answer == QMessageBox.StandardButton.Yes

    @Slot(QTreeWidgetItem, int)
    def _on_tree_item_double_clicked(self, _item: QTreeWidgetItem, _column: int) -> None:
        self.edit_selected()

    @Slot(QPoint)
    def _on_tree_context_menu_requested(self, pos: QPoint) -> None:
        menu = QMenu(self)
        for action in (self.new_action, self.edit_action, self.delete_action):
            menu.addAction(action)
        menu.exec(self.tree.viewport().mapToGlobal(pos))
