"""A workshop's reading list: a small table model, a role delegate and the view.

Rows are reordered by drag and drop inside the list (``commands.move_reading``), and
references dragged from the main table (``REFERENCE_IDS_MIME``) are added where they
are dropped (``commands.add_reading``). Every change is an undoable command.

Signals of :class:`ReadingListModel`: ``failed(object)`` — an edit was refused by the
core (the exception); ``entries_dropped(list)`` — these reference ids were moved or
added by a drop. Signals of :class:`ReadingListView`: ``references_opened(list)``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QAbstractTableModel,
    QByteArray,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QKeyEvent, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from seminaire_app.domain import ReadingEntry, ReadingRole, Reference
from seminaire_app.errors import SeminaireError
from seminaire_app.services import workshops
from seminaire_app.storage.library import Library

from .. import commands as base_commands
from ..reference_table import REFERENCE_IDS_MIME, decode_ids, encode_ids
from . import commands
from .common import SeminarTable, one_step

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()  # the default parent (ruff B008: no call in defaults)
#: Rows dragged inside a reading list: « workshop id:reference ids ».
READING_MIME = "application/x-seminaire-reading-entries"
ROLE_COLUMN, ANNOTATION_COLUMN = 4, 5


def creators_text(ref: Reference) -> str:
    names = [c.literal or c.family for c in ref.creators if c.role == "author"] or [
        c.literal or c.family for c in ref.creators]
    return "; ".join(names[:3]) + (" et al." if len(names) > 3 else "")


class ReadingListModel(QAbstractTableModel):
    """The entries of one workshop's reading list, in order."""

    failed = Signal(object)
    entries_dropped = Signal(list)
    HEADERS = (QT_TRANSLATE_NOOP("ReadingListModel", "#"),
               QT_TRANSLATE_NOOP("ReadingListModel", "Creators"),
               QT_TRANSLATE_NOOP("ReadingListModel", "Title"),
               QT_TRANSLATE_NOOP("ReadingListModel", "Year"),
               QT_TRANSLATE_NOOP("ReadingListModel", "Role"),
               QT_TRANSLATE_NOOP("ReadingListModel", "Annotation"))

    def __init__(self, library: Library, undo_stack: QUndoStack,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library, self.undo_stack = library, undo_stack
        self._entries: list[ReadingEntry] = []
        self._workshop: tuple[int, int, int] | None = None  # (id, year, number)

    # --- content -----------------------------------------------------------------------
    def set_workshop(self, workshop_id: int, year: int, number: int) -> None:
        self._workshop = (workshop_id, year, number)
        self.reload()

    def clear(self) -> None:
        self._workshop = None
        self.set_entries([])

    def reload(self) -> None:
        """Read the list again from the core."""
        if self._workshop is None:
            return
        _wid, year, number = self._workshop
        try:
            entries = workshops.reading_list(self.library, year, number)
        except SeminaireError as exc:  # the workshop went away: the page shows why
            entries = []
            self.failed.emit(exc)
        self.set_entries(entries)

    def set_entries(self, entries: list[ReadingEntry]) -> None:
        same_rows = [e.reference.id for e in entries] == self.reference_ids()
        if same_rows:
            self._entries = entries
            if entries:
                self.dataChanged.emit(self.index(0, 0),
                                      self.index(len(entries) - 1, len(self.HEADERS) - 1))
            return
        self.beginResetModel()
        self._entries = entries
        self.endResetModel()

    def reference_ids(self, rows: Sequence[int] | None = None) -> list[int]:
        wanted = range(len(self._entries)) if rows is None else rows
        return [self._entries[r].reference.id for r in wanted]

    def entry_at(self, row: int) -> ReadingEntry:
        return self._entries[row]

    # --- Qt model API ------------------------------------------------------------------
    def rowCount(self, parent: _Index = _ROOT) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: _Index = _ROOT) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        entry, column = self._entries[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(entry, column)
        if role == Qt.ItemDataRole.EditRole:
            if column == ROLE_COLUMN:
                return entry.role.value
            return self._text(entry, column)
        if role == Qt.ItemDataRole.ToolTipRole and column in (1, 2, ANNOTATION_COLUMN):
            return self._text(entry, column) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (0, 3):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, entry: ReadingEntry, column: int) -> str:
        ref = entry.reference
        if column == 0:
            return str(entry.position + 1)
        if column == 1:
            return creators_text(ref)
        if column == 2:
            return ref.title
        if column == 3:
            return str(ref.year or "")
        if column == ROLE_COLUMN:
            return role_name(entry.role)
        return entry.annotation

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt's name
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("ReadingListModel", str(self.HEADERS[section]))
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if not index.isValid():  # drops land between rows, never on one
            return base | Qt.ItemFlag.ItemIsDropEnabled
        base |= Qt.ItemFlag.ItemIsDragEnabled
        if index.column() in (ROLE_COLUMN, ANNOTATION_COLUMN):
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: _Index, value: object,  # noqa: N802 - Qt's name
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (not index.isValid() or role != Qt.ItemDataRole.EditRole or self._workshop is None
                or index.column() not in (ROLE_COLUMN, ANNOTATION_COLUMN)):
            return False
        entry = self._entries[index.row()]
        _wid, year, number = self._workshop
        rid = entry.reference.id
        if index.column() == ROLE_COLUMN:
            if str(value) == entry.role.value:
                return True
            return self._do(lambda: commands.edit_reading(self.library, year, number, rid,
                                                          role=str(value)))
        text = str(value or "").strip()
        if text == entry.annotation:
            return True
        return self._do(lambda: commands.edit_reading(self.library, year, number, rid,
                                                      annotation=text))

    def _do(self, make: Callable[[], QUndoCommand]) -> bool:
        """Run a command maker, push the command, read the list again."""
        try:
            command = make()
        except SeminaireError as exc:
            self.failed.emit(exc)
            return False
        self.undo_stack.push(command)
        self.reload()
        return True

    # --- drag and drop ---------------------------------------------------------------------
    def mimeTypes(self) -> list[str]:  # noqa: N802 - Qt's name
        return [READING_MIME, REFERENCE_IDS_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:  # noqa: N802 - Qt's name
        ids = self.reference_ids(sorted({i.row() for i in indexes if i.isValid()}))
        mime = encode_ids(ids)  # other lists, collections in the sidebar take them too
        wid = self._workshop[0] if self._workshop else 0
        mime.setData(READING_MIME, QByteArray(f"{wid}:{','.join(map(str, ids))}".encode()))
        return mime

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802 - Qt's name
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802 - Qt's name
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction,  # noqa: N802
                        row: int, column: int, parent: _Index) -> bool:
        return self._workshop is not None and (data.hasFormat(READING_MIME)
                                               or data.hasFormat(REFERENCE_IDS_MIME))

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction,  # noqa: N802 - Qt's name
                     row: int, column: int, parent: _Index) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        if row < 0:
            row = parent.row() if parent.isValid() else len(self._entries)
        moved = self._own_rows(data)
        if moved is not None:
            done = self.move_references(moved, row)
        else:
            moved = decode_ids(data)
            done = self.add_references(moved, row)
        if done:
            self.entries_dropped.emit(moved)
        return done

    def _own_rows(self, data: QMimeData) -> list[int] | None:
        """The reference ids of rows dragged from this very list, else None."""
        if not data.hasFormat(READING_MIME) or self._workshop is None:
            return None
        raw = bytes(data.data(READING_MIME).data()).decode()
        wid, _sep, ids = raw.partition(":")
        if not wid.isdigit() or int(wid) != self._workshop[0]:
            return None
        present = set(self.reference_ids())
        return [int(p) for p in ids.split(",") if p.isdigit() and int(p) in present]

    def move_references(self, ids: Sequence[int], row: int) -> bool:
        """Move the entries of ``ids`` (in list order) before ``row``; one undo step."""
        if self._workshop is None or not ids:
            return False
        _wid, year, number = self._workshop
        order = self.reference_ids()
        dragged = [r for r in order if r in set(ids)]
        before = sum(1 for r in order[:row] if r not in set(ids))
        others = [r for r in order if r not in set(ids)]
        final = others[:before] + dragged + others[before:]
        if final == order:
            return False

        def move() -> None:
            current = list(order)
            for position, rid in enumerate(final):
                if current[position] != rid:
                    self.undo_stack.push(base_commands.move_reading(
                        self.library, year, number, rid, position))
                    current.remove(rid)
                    current.insert(position, rid)

        return self._in_one_step(self.tr("Reorder reading list"), move)

    def _in_one_step(self, text: str, action: Callable[[], None]) -> bool:
        try:
            one_step(self.undo_stack, text, action)
        except SeminaireError as exc:
            self.failed.emit(exc)
            return False
        finally:
            self.reload()
        return True

    def add_references(self, ids: Sequence[int], row: int | None = None) -> bool:
        """Put references on the list before ``row`` (at the end when None)."""
        if self._workshop is None:
            return False
        present = set(self.reference_ids())
        new = [i for i in dict.fromkeys(ids) if i not in present]
        if not new:
            return False
        _wid, year, number = self._workshop
        return self._do(lambda: base_commands.add_reading(self.library, year, number, new,
                                                          row))

    def remove_rows(self, rows: Sequence[int]) -> bool:
        """Take the entries at ``rows`` off the list; one undo step."""
        if self._workshop is None or not rows:
            return False
        _wid, year, number = self._workshop
        ids = self.reference_ids(sorted(set(rows)))

        def remove() -> None:
            for rid in ids:
                self.undo_stack.push(base_commands.remove_reading(self.library, year, number,
                                                                  rid))

        return self._in_one_step(self.tr("Remove from reading list"), remove)


_ROLE_NAMES = {
    ReadingRole.REQUIRED: QT_TRANSLATE_NOOP("ReadingRole", "Required reading"),
    ReadingRole.BACKGROUND: QT_TRANSLATE_NOOP("ReadingRole", "Background"),
    ReadingRole.PRODUCED: QT_TRANSLATE_NOOP("ReadingRole", "Produced by the workshop"),
}


def role_name(role: ReadingRole) -> str:
    return QCoreApplication.translate("ReadingRole", str(_ROLE_NAMES[role]))


class RoleDelegate(QStyledItemDelegate):
    """A combo box for the role of an entry; choosing commits at once."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,  # noqa: N802
                     index: _Index) -> QWidget:
        combo = QComboBox(parent)
        for role in ReadingRole:
            combo.addItem(role_name(role), role.value)
        combo.activated.connect(lambda _i, c=combo: self._on_combo_activated(c))
        return combo

    def _on_combo_activated(self, combo: QComboBox) -> None:
        self.commitData.emit(combo)
        self.closeEditor.emit(combo)

    def setEditorData(self, editor: QWidget, index: _Index) -> None:  # noqa: N802
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,  # noqa: N802
                     index: _Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class ReadingListView(SeminarTable):
    """The reading list: drag rows to reorder, drop references from the table, Enter
    edits the annotation (or the role in its column), Delete removes from the list."""

    references_opened = Signal(list)

    def __init__(self, model: ReadingListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self._model = model
        self.setItemDelegateForColumn(ROLE_COLUMN, RoleDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragDropOverwriteMode(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.SelectedClicked)
        header = self.horizontalHeader()
        for column, mode in enumerate((QHeaderView.ResizeMode.ResizeToContents,
                                       QHeaderView.ResizeMode.Interactive,
                                       QHeaderView.ResizeMode.Stretch,
                                       QHeaderView.ResizeMode.ResizeToContents,
                                       QHeaderView.ResizeMode.ResizeToContents,
                                       QHeaderView.ResizeMode.Stretch)):
            header.setSectionResizeMode(column, mode)
        header.resizeSection(1, 150)
        self.doubleClicked.connect(self._on_double_clicked)
        model.entries_dropped.connect(self._on_model_entries_dropped)
        self.setAccessibleName(self.tr("Reading list"))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if (event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and self.state() != QAbstractItemView.State.EditingState
                and self.currentIndex().isValid()):
            current = self.currentIndex()
            column = current.column() if current.column() in (ROLE_COLUMN, ANNOTATION_COLUMN) \
                else ANNOTATION_COLUMN
            self.setCurrentIndex(current.siblingAtColumn(column))
            self.edit(self.currentIndex())
            return
        super().keyPressEvent(event)

    @Slot(QModelIndex)
    def _on_double_clicked(self, index: QModelIndex) -> None:
        if index.isValid() and index.column() not in (ROLE_COLUMN, ANNOTATION_COLUMN):
            self.references_opened.emit([self._model.entry_at(index.row()).reference.id])

    @Slot(list)
    def _on_model_entries_dropped(self, ids: list[int]) -> None:
        wanted = set(ids)
        self.clearSelection()
        flags = self.selectionModel().SelectionFlag
        for row in range(self._model.rowCount()):
            if self._model.entry_at(row).reference.id in wanted:
                self.selectionModel().select(self._model.index(row, 0),
                                             flags.Select | flags.Rows)
