"""The table of references: ordered ids from the core, rows fetched a page at a time.

Sorting and filtering run in the core (SQL over indexed columns and the FTS index) on a
worker thread, so 100,000 references sort and filter without freezing the window; the
model only keeps the ordered ids and a small cache of the rows on screen (Anki's
browser table works the same way).

Signals: ``loaded(int)`` — the ids were (re)loaded; the int is how many rows there are;
``files_dropped(int, list)`` — files were dropped on a reference (its id, their paths).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QByteArray,
    QCoreApplication,
    QLocale,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from seminaire_app.domain import Reference
from seminaire_app.progress import Progress
from seminaire_app.services import ordering, references
from seminaire_app.services.references import ReferenceFilter, SortKey
from seminaire_app.storage.library import Library

from . import labels
from .tasks import TaskRunner

_Index = QModelIndex | QPersistentModelIndex
REFERENCE_IDS_MIME = "application/x-seminaire-reference-ids"
PAGE = 100
CACHE_ROWS = 3000


@dataclass(frozen=True)
class Column:
    key: str
    title: str  # source text, translated in the "ReferenceTable" context
    sort: SortKey | None  # None: the core cannot sort on it


COLUMNS: tuple[Column, ...] = (
    Column("type", QT_TRANSLATE_NOOP("ReferenceTable", "Type"), "type"),
    Column("creators", QT_TRANSLATE_NOOP("ReferenceTable", "Creators"), "creator"),
    Column("title", QT_TRANSLATE_NOOP("ReferenceTable", "Title"), "title"),
    Column("year", QT_TRANSLATE_NOOP("ReferenceTable", "Year"), "year"),
    Column("container", QT_TRANSLATE_NOOP("ReferenceTable", "Published in"), "container"),
    Column("tags", QT_TRANSLATE_NOOP("ReferenceTable", "Tags"), None),
    Column("attachments", QT_TRANSLATE_NOOP("ReferenceTable", "Files"), None),
    Column("added", QT_TRANSLATE_NOOP("ReferenceTable", "Added"), "added"),
    Column("key", QT_TRANSLATE_NOOP("ReferenceTable", "Citation key"), "key"),
)
COLUMN_KEYS = tuple(c.key for c in COLUMNS)


def item_type_name(item_type: str) -> str:
    """A readable, translated name for a CSL item type."""
    return labels.item_type(item_type)


def encode_ids(ids: Sequence[int]) -> QMimeData:
    mime = QMimeData()
    mime.setData(REFERENCE_IDS_MIME, QByteArray(",".join(map(str, ids)).encode()))
    return mime


def decode_ids(mime: QMimeData) -> list[int]:
    raw = bytes(mime.data(REFERENCE_IDS_MIME).data()).decode()
    return [int(p) for p in raw.split(",") if p.isdigit()]


class ReferenceTableModel(QAbstractTableModel):
    """References in the core's order; rows are fetched on demand, 100 at a time."""

    loaded = Signal(int)
    files_dropped = Signal(int, list)

    def __init__(self, runner: TaskRunner) -> None:
        super().__init__()
        self._runner = runner
        self._library: Library = runner.library
        self._ids: list[int] = []
        self._row_of: dict[int, int] | None = None
        self._cache: OrderedDict[int, Reference] = OrderedDict()
        self._filter = ReferenceFilter()
        self._sort: SortKey = "title"
        self._descending = False
        self._generation = 0
        self._in_flight = False
        self._pending = False
        self.loads = 0  # how many times the ids were (re)loaded: for tests and benchmarks
        self._locale = QLocale()

    # --- loading ---------------------------------------------------------------------
    @property
    def filter(self) -> ReferenceFilter:
        return self._filter

    def set_filter(self, flt: ReferenceFilter) -> None:
        self._filter = flt
        self.reload()

    def reload(self) -> None:
        """Ask the core for the ids again, off the GUI thread.

        One query at a time: while one runs, only the latest request waits, so fast
        typing never queues a backlog of searches whose answers would be thrown away.
        """
        self._generation += 1
        if self._in_flight:
            self._pending = True
            return
        self._in_flight = True
        generation, flt = self._generation, self._filter
        sort, descending = self._sort, self._descending

        def query(lib: Library, _progress: Progress) -> tuple[list[int], list[Reference]]:
            ids = list(ordering.filtered_ids(lib, flt, sort, descending))
            # The first page too, here: the GUI thread then only swaps lists.
            return ids, references.fetch(lib, ids[:PAGE])

        self._runner.run(query, lambda result: self._on_ids(generation, *result),
                         lambda error: self._on_failed(error))

    def set_ids(self, ids: list[int], known: Sequence[Reference] = ()) -> None:
        """Show exactly these ids; ``known`` rows need not be fetched again."""
        self.beginResetModel()
        self._ids = ids
        self._row_of = None
        self._cache.clear()
        for ref in known:
            self._cache[ref.id] = ref
        self.endResetModel()
        self.loads += 1
        self.loaded.emit(len(ids))

    def _on_ids(self, generation: int, ids: list[int], first_page: list[Reference]) -> None:
        self._in_flight = False
        if self._pending:
            self._pending = False
            self.reload()
        elif generation == self._generation:
            self.set_ids(ids, first_page)

    def _on_failed(self, error: BaseException) -> None:
        self._in_flight = self._pending = False
        raise error  # a bug or a broken library: the excepthook logs and reports it

    def refresh_rows(self, ids: Sequence[int] | None = None) -> None:
        """Forget cached rows (all, or these) and repaint them: after an edit."""
        if ids is None:
            self._cache.clear()
            if self._ids:
                self.dataChanged.emit(self.index(0, 0),
                                      self.index(len(self._ids) - 1, len(COLUMNS) - 1))
            return
        for rid in ids:
            self._cache.pop(rid, None)
            row = self.row_of(rid)
            if row is not None:
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    # --- lookups ---------------------------------------------------------------------
    def id_at(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, reference_id: int) -> int | None:
        if self._row_of is None:
            self._row_of = {rid: row for row, rid in enumerate(self._ids)}
        return self._row_of.get(reference_id)

    def reference_at(self, row: int) -> Reference | None:
        rid = self._ids[row]
        ref = self._cache.get(rid)
        if ref is None:
            start = (row // PAGE) * PAGE
            for fetched in references.fetch(self._library, self._ids[start:start + PAGE]):
                self._cache[fetched.id] = fetched
            while len(self._cache) > CACHE_ROWS:
                self._cache.popitem(last=False)
            ref = self._cache.get(rid)
        return ref

    # --- Qt model API ----------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole,
                                               Qt.ItemDataRole.ToolTipRole):
            return None
        ref = self.reference_at(index.row())
        if ref is None:  # deleted meanwhile; the reload is on its way
            return None
        text = self._cell(ref, COLUMNS[index.column()].key)
        if role == Qt.ItemDataRole.ToolTipRole:
            return text if index.column() in (1, 2, 4) and len(text) > 40 else None
        return text

    def _cell(self, ref: Reference, key: str) -> str:
        if key == "type":
            return item_type_name(ref.item_type)
        if key == "creators":
            people = [c for c in ref.creators if c.role == "author"] or list(ref.creators)
            names = [c.literal or c.display().split(",")[0] for c in people]
            return "; ".join(names[:3]) + (" et al." if len(names) > 3 else "")
        if key == "title":
            return ref.title
        if key == "year":
            return str(ref.year or "")
        if key == "container":
            return ref.fields.get("container-title", "")
        if key == "tags":
            return ", ".join(ref.tags)
        if key == "attachments":
            return str(ref.attachment_count or "")
        if key == "added":
            added = ref.date_added
            return self._locale.toString(added.date(), QLocale.FormatType.ShortFormat) \
                if added else ""
        return ref.citation_key

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt's name
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("ReferenceTable", COLUMNS[section].title)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid():
            return base | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled
        return base | Qt.ItemFlag.ItemIsDropEnabled

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = COLUMNS[column].sort
        if key is None:
            return
        self._sort = key
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.reload()

    def mimeTypes(self) -> list[str]:  # noqa: N802 - Qt's name
        return [REFERENCE_IDS_MIME, "text/uri-list"]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:  # noqa: N802 - Qt's name
        rows = sorted({i.row() for i in indexes})
        return encode_ids([self._ids[r] for r in rows])

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802 - Qt's name
        return Qt.DropAction.CopyAction | Qt.DropAction.LinkAction

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802 - Qt's name
        return Qt.DropAction.CopyAction

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction,  # noqa: N802
                        row: int, column: int, parent: _Index) -> bool:
        return data.hasUrls() and parent.isValid()

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction,  # noqa: N802 - Qt's name
                     row: int, column: int, parent: _Index) -> bool:
        """Files dropped on a row are attached to that reference (by the window)."""
        paths = [url.toLocalFile() for url in data.urls() if url.isLocalFile()]
        if not paths or not parent.isValid():
            return False
        self.files_dropped.emit(self._ids[parent.row()], paths)
        return True
