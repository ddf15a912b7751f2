"""The files of one reference, edition or workshop: add, open, preview, remove.

Embedded by the reference detail pane, the edition page and the workshop page. Files
are added by a dialog or by dropping them on the panel; the main window calls
:func:`attach_files` for files dropped on a reference row. Attaching copies the file into
the library (or links to it) and extracts its text for search, on the writer thread.

Every add and remove is an undo step (:mod:`ui.attachment_actions`).

Signals of :class:`AttachmentsPanel`: none public (``_library_changed`` only relays
notifications to the GUI thread).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QLocale,
    QMimeData,
    QPoint,
    Qt,
    QTimer,
    QUrl,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QAction,
    QBrush,
    QColor,
    QDesktopServices,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeySequence,
    QShowEvent,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QStyle,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from seminaire_app.domain import Attachment, Changes, Owner
from seminaire_app.errors import SeminaireError
from seminaire_app.filekinds import is_present, looks_like_pdf
from seminaire_app.progress import Progress
from seminaire_app.services import attachments
from seminaire_app.storage.library import Library

from . import changes as library_changes
from .attachment_actions import (
    AttachResult,
    Gone,
    attach_files,
    copy_out,
    detach_keeping,
    removed_command,
)
from .markdown_editor import _show_error
from .pdf_preview import PdfPreviewDialog
from .tasks import Task, TaskRunner

ATTACHMENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
MISSING_COLOUR = QColor("#c62828")


def local_paths(mime: QMimeData) -> list[Path]:
    """The local files named by dropped data (folders and remote URLs are left out)."""
    if not mime.hasUrls():
        return []
    paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
    return [p for p in paths if is_present(p)]


def text_status(status: str) -> tuple[str, str]:
    """What the core's text status means to a user: (short text, explanation)."""
    translate = QCoreApplication.translate
    if status == "ok":
        return (translate("Attachments", "Searchable"),
                translate("Attachments", "The text of this file is in the search index."))
    if status == "empty":
        return (translate("Attachments", "No text"),
                translate("Attachments", "This file contains no text (a scan, perhaps)."))
    if status == "unsupported":
        return (translate("Attachments", "Not indexed"),
                translate("Attachments",
                          "Séminaire does not read the text of this kind of file."))
    detail = status.removeprefix("error:").strip()
    return (translate("Attachments", "Unreadable"),
            translate("Attachments", "The text could not be read: {detail}").format(
                detail=detail))


# --- the panel ------------------------------------------------------------------------------
class AttachmentsPanel(QWidget):
    """Lists an owner's files; add (dialog or drop), open, preview, remove."""

    _library_changed = Signal(object)

    def __init__(self, library: Library, runner: TaskRunner, undo_stack: QUndoStack,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._library, self._runner, self._undo_stack = library, runner, undo_stack
        self._owner: Owner | None = None
        self._owner_exists = False  # the owner may be deleted while shown (undo: back)
        self._attachments: list[Attachment] = []
        self._pdf_files: dict[tuple[str, str], bool] = {}  # (path, sha256) → a PDF?
        self.preview: PdfPreviewDialog | None = None
        self.tree = self._make_tree()
        self.empty_label = QLabel(self.tr("No files yet. Click Add… or drop files here."))
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        self.empty_label.setEnabled(False)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.tree)
        self.stack.addWidget(self.empty_label)
        self.add_button = QPushButton(self.tr("Add…"))
        self.add_button.setToolTip(self.tr("Attach files (you can also drop them here)"))
        self.link_check = QCheckBox(self.tr("Link instead of copying"))
        self.link_check.setToolTip(self.tr(
            "Leave the files where they are and remember their place. A copy is safer: it "
            "stays with the library even if the original is moved or deleted."))
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.setToolTip(self.tr("Open with the system's application (Enter)"))
        self.preview_button = QPushButton(self.tr("Preview"))
        self.preview_button.setToolTip(self.tr("Show the PDF inside Séminaire (Space)"))
        self.remove_button = QPushButton(self.tr("Remove…"))
        self.remove_button.setToolTip(self.tr("Remove the file from this item (Delete)"))
        self.add_button.clicked.connect(self._on_add_clicked)
        self.open_button.clicked.connect(self.open_selected)
        self.preview_button.clicked.connect(self.preview_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        # No mnemonics (Alt+letter): the panel sits in pages and windows that have theirs.
        self._make_actions()
        self._lay_out()
        self.setAcceptDrops(True)
        self._refresh_timer = QTimer(self, singleShot=True, interval=0)
        self._refresh_timer.timeout.connect(self.refresh)
        self._library_changed.connect(self._on_library_changed)
        library_changes.subscribe(library, self, self._relay_change)
        self._show_attachments([])

    def _make_tree(self) -> QTreeWidget:
        tree = QTreeWidget()
        tree.setHeaderLabels([self.tr("File"), self.tr("Size"), self.tr("Kind"),
                              self.tr("Full text")])
        tree.setRootIsDecorated(False)
        tree.setUniformRowHeights(True)
        tree.setAllColumnsShowFocus(True)
        tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        tree.setAccessibleName(self.tr("Attached files"))
        header = tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        tree.itemDoubleClicked.connect(self._on_tree_item_double_clicked)
        tree.itemSelectionChanged.connect(self._update_buttons)
        tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        tree.customContextMenuRequested.connect(self._on_tree_context_menu_requested)
        return tree

    def _make_actions(self) -> None:
        self.open_action = QAction(self.tr("Open"), self)
        self.open_action.setShortcuts([QKeySequence(Qt.Key.Key_Return),
                                       QKeySequence(Qt.Key.Key_Enter)])
        self.preview_action = QAction(self.tr("Preview"), self)
        self.preview_action.setShortcut(QKeySequence(Qt.Key.Key_Space))
        self.remove_action = QAction(self.tr("Remove…"), self)
        self.remove_action.setShortcut(QKeySequence.StandardKey.Delete)
        for action, slot in ((self.open_action, self.open_selected),
                             (self.preview_action, self.preview_selected),
                             (self.remove_action, self.remove_selected)):
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(slot)
            self.tree.addAction(action)

    def _lay_out(self) -> None:
        adding = QHBoxLayout()
        adding.addWidget(self.add_button)
        adding.addWidget(self.link_check)
        adding.addStretch()
        using = QHBoxLayout()
        for button in (self.open_button, self.preview_button, self.remove_button):
            using.addWidget(button)
        using.addStretch()
        layout = QVBoxLayout(self)
        # The style's margins: the panel usually fills a tab page (set 0 to embed it flush).
        layout.addWidget(self.stack, 1)
        layout.addLayout(using)
        layout.addLayout(adding)

    # --- what is shown --------------------------------------------------------------------
    @property
    def owner(self) -> Owner | None:
        return self._owner

    def set_owner(self, owner: Owner | None) -> None:
        """Show the files of ``owner`` (None: nothing, and the buttons are disabled)."""
        self._owner = owner
        self.refresh()

    def attachments(self) -> list[Attachment]:
        """The attachments shown, in order."""
        return list(self._attachments)

    def selected_attachment(self) -> Attachment | None:
        item = self.tree.currentItem()
        if item is None or not item.isSelected():
            return None
        att_id = item.data(0, ATTACHMENT_ID_ROLE)
        return next((a for a in self._attachments if a.id == att_id), None)

    def select_attachment(self, attachment_id: int) -> None:
        for row in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(row)
            if item is not None and item.data(0, ATTACHMENT_ID_ROLE) == attachment_id:
                self.tree.setCurrentItem(item)
                return

    @staticmethod
    def is_missing(att: Attachment) -> bool:
        return not is_present(Path(att.path))

    def is_pdf(self, att: Attachment) -> bool:
        """A PDF by its first bytes, whatever its name. The GUI thread reads that KiB, as
        it checks the file is there; once per file and content (a synced folder's file
        that is online only would be fetched for it)."""
        key = (att.path, att.sha256)
        if key not in self._pdf_files:
            found = looks_like_pdf(Path(att.path), att.filename)
            if found is None:
                return False  # unreadable now: ask again next time
            self._pdf_files[key] = found
        return self._pdf_files[key]

    @Slot()
    def refresh(self) -> None:
        """Read the owner's attachments again (a few rows: the GUI thread does it)."""
        self._refresh_timer.stop()
        found: list[Attachment] = []
        self._owner_exists = self._owner is not None
        if self._owner is not None:
            try:
                found = attachments.list_for(self._library, self._owner)
            except SeminaireError:
                self._owner_exists = False  # deleted: show nothing, quietly
        self._show_attachments(found)

    def _show_attachments(self, found: list[Attachment]) -> None:
        current = self.selected_attachment()
        self._attachments = found
        self.tree.clear()
        locale = QLocale()
        for att in found:
            self.tree.addTopLevelItem(self._item(att, locale))
        if current is not None:
            self.select_attachment(current.id)
        self.stack.setCurrentWidget(self.tree if found or not self._owner_exists
                                    else self.empty_label)
        self._update_buttons()

    def _item(self, att: Attachment, locale: QLocale) -> QTreeWidgetItem:
        status, status_tip = text_status(att.text_status)
        kind = self.tr("Copy") if att.stored else self.tr("Link")
        missing = self.is_missing(att)
        name = (self.tr("{name} (file not found)").format(name=att.filename) if missing
                else att.filename)
        item = QTreeWidgetItem([name, locale.formattedDataSize(
            att.size, 1, QLocale.DataSizeFormat.DataSizeSIFormat), kind, status])
        item.setData(0, ATTACHMENT_ID_ROLE, att.id)
        item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        item.setToolTip(0, att.path)
        item.setToolTip(2, self.tr("A copy kept in the library") if att.stored
                        else self.tr("A link to the file where it is: {path}").format(
                            path=att.path))
        item.setToolTip(3, status_tip)
        if missing:
            tip = self._missing_tip(att)
            item.setIcon(0, self.style().standardIcon(
                QStyle.StandardPixmap.SP_MessageBoxWarning))
            for column in range(4):
                item.setForeground(column, QBrush(MISSING_COLOUR))
                item.setToolTip(column, tip)
        return item

    def _missing_tip(self, att: Attachment) -> str:
        if att.stored:
            return self.tr(
                "The library's copy of this file is missing ({path}). Restore the library "
                "folder from a backup, or remove this attachment and add the file again."
            ).format(path=att.path)
        return self.tr(
            "The linked file is no longer at {path}. Put it back there, or remove this "
            "attachment and add the file from its new place.").format(path=att.path)

    @Slot()
    def _update_buttons(self) -> None:
        att = self.selected_attachment()
        present = att is not None and not self.is_missing(att)
        is_pdf = present and att is not None and self.is_pdf(att)
        self.add_button.setEnabled(self._owner_exists)
        self.link_check.setEnabled(self._owner_exists)
        for widget in (self.open_button, self.open_action):
            widget.setEnabled(present)
        for widget in (self.preview_button, self.preview_action):
            widget.setEnabled(is_pdf)
        for widget in (self.remove_button, self.remove_action):
            widget.setEnabled(att is not None)

    def _relay_change(self, what: Changes) -> None:
        self._library_changed.emit(what)  # queued when it comes from another thread

    @Slot(object)
    def _on_library_changed(self, what: Changes) -> None:
        if what & Changes.ATTACHMENTS and self._owner is not None:
            self._refresh_timer.start()  # several changes in a row: one refresh

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._owner is not None:
            self._refresh_timer.start()  # a missing file may have come back

    # --- adding ---------------------------------------------------------------------------
    @Slot()
    def _on_add_clicked(self) -> None:
        self.add_files()

    def add_files(self, paths: Sequence[Path | str] | None = None,
                  link: bool | None = None) -> Task[AttachResult] | None:
        """Attach ``paths`` (None: ask with a file dialog); ``link`` defaults to the box."""
        if self._owner is None or not self._owner_exists:
            return None
        if paths is None:
            paths = self._choose_files()
        return attach_files(self._library, self._runner, self._undo_stack, self._owner,
                            list(paths), self,
                            self.link_check.isChecked() if link is None else link)

    def _choose_files(self) -> list[Path]:
        """The file dialog (tests replace this method)."""
        names, _filter = QFileDialog.getOpenFileNames(self, self.tr("Attach files"))
        return [Path(name) for name in names]

    def _answer_drag(self, event: QDragMoveEvent) -> None:
        if self._owner_exists and local_paths(event.mimeData()):
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
        else:
            event.ignore()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        self._answer_drag(event)  # a QDragEnterEvent is a QDragMoveEvent

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802 - Qt's name
        self._answer_drag(event)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        paths = local_paths(event.mimeData())
        if not self._owner_exists or not paths:
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self.add_files(paths)

    # --- opening --------------------------------------------------------------------------
    @Slot()
    def open_selected(self) -> Task[Path] | None:
        """Open the file with the system's application.

        A stored copy has no extension in the library, so it is first copied to a
        temporary folder under its own name (read-only: changes would not reach the
        library) for the system to pick the right application.
        """
        att = self.selected_attachment()
        if att is None or self.is_missing(att):
            return None
        if not att.stored:
            self._open_path(Path(att.path))
            return None

        def copy(_lib: Library, _progress: Progress) -> Path:
            target = copy_out(Path(att.path), "open", att.filename)
            target.chmod(0o444)
            return target

        return self._runner.run(copy, self._open_path, lambda exc: _show_error(self, exc),
                                label=self.tr("Opening {name}…").format(name=att.filename),
                                parent=self)

    def _open_path(self, path: Path) -> None:
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            QMessageBox.warning(self, self.tr("Cannot open the file"), self.tr(
                "No application could open {name}. Install one for this kind of file, "
                "or find the file here: {path}").format(name=path.name, path=path))

    @Slot()
    def preview_selected(self) -> PdfPreviewDialog | None:
        """Show the selected PDF in a preview window (returned)."""
        att = self.selected_attachment()
        if att is None or self.is_missing(att) or not self.is_pdf(att):
            return None
        dialog = PdfPreviewDialog(att.path, att.filename, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._on_preview_finished)
        self.preview = dialog
        dialog.show()
        return dialog

    @Slot(int)
    def _on_preview_finished(self, _result: int) -> None:
        if self.sender() is self.preview:  # several previews may be open
            self.preview = None

    # --- removing -------------------------------------------------------------------------
    @Slot()
    def remove_selected(self) -> Task[Gone] | None:
        """Detach the selected file after a confirmation; undoable when the file exists."""
        att = self.selected_attachment()
        if att is None:
            return None
        restorable = not self.is_missing(att)
        if not self._confirm_remove(att, restorable):
            return None
        def done(gone: Gone) -> None:
            if restorable and gone.source is not None:
                self._undo_stack.push(removed_command(self._library, gone))

        return self._runner.run(lambda lib, _progress: detach_keeping(lib, att), done,
                                lambda exc: _show_error(self, exc), write=True,
                                label=self.tr("Removing {name}…").format(name=att.filename),
                                parent=self)

    def _confirm_remove(self, att: Attachment, restorable: bool) -> bool:
        """Ask before removing (tests replace this method)."""
        if restorable:
            text = self.tr("Remove “{name}” from this item? You can undo this with "
                           "Ctrl+Z.")
        else:
            text = self.tr("Remove “{name}”? Its file is missing, so this cannot be "
                           "undone.")
        if att.stored:
            text += " " + self.tr("The library's copy is deleted when nothing else uses it.")
        else:
            text += " " + self.tr("The linked file itself is not touched.")
        answer = QMessageBox.question(self, self.tr("Remove file"),
                                      text.format(name=att.filename))
        return answer == QMessageBox.StandardButton.Yes

    # --- list events ----------------------------------------------------------------------
    @Slot(QTreeWidgetItem, int)
    def _on_tree_item_double_clicked(self, _item: QTreeWidgetItem, _column: int) -> None:
        att = self.selected_attachment()
        if att is not None and att.filename.lower().endswith(".pdf"):
            self.preview_selected()
        else:
            self.open_selected()

    @Slot(QPoint)
    def _on_tree_context_menu_requested(self, pos: QPoint) -> None:
        menu = QMenu(self)
        for action in (self.open_action, self.preview_action, self.remove_action):
            menu.addAction(action)
        menu.exec(self.tree.viewport().mapToGlobal(pos))
