"""The sidebar: the library (all, unfiled, collections, tags) and the seminar (editions,
workshops, participants, programme).

Each item carries a :class:`Place`, what the central area should show when it is
selected. References dropped on a collection are filed there; dropped on a workshop they
join its reading list.

Signals: ``place_selected(Place)``, ``references_dropped(Place, list)``.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QMimeData, QModelIndex, QPersistentModelIndex, Qt, Signal, Slot
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import QAbstractItemView, QTreeView, QWidget

from seminaire_app.domain import Collection, Edition, TagCount, Workshop

from .reference_table import REFERENCE_IDS_MIME, decode_ids

PLACE_ROLE = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Place:
    """What to show: kind is all, unfiled, collection, tag, edition, workshop,
    participants or programme; ``name`` a collection path or a tag; ``year``/``number``
    an edition or a workshop."""

    kind: str
    name: str = ""
    year: int = 0
    number: int = 0


@dataclass(frozen=True)
class SidebarContent:
    """Everything the sidebar shows, fetched from the core in one go."""

    collections: list[Collection]
    tags: list[TagCount]
    editions: list[Edition]
    workshops: dict[int, list[Workshop]]


class SidebarModel(QStandardItemModel):
    def __init__(self) -> None:
        super().__init__()
        self.setHorizontalHeaderLabels([self.tr("Library")])

    def populate(self, content: SidebarContent) -> None:
        self.clear()
        root = self.invisibleRootItem()
        library = self._item(self.tr("Library"), None, bold=True)
        library.appendRow(self._item(self.tr("All references"), Place("all")))
        library.appendRow(self._item(self.tr("Unfiled"), Place("unfiled")))
        collections = self._item(self.tr("Collections"), None)
        parents: dict[str, QStandardItem] = {"": collections}
        for coll in content.collections:
            parent_path = coll.path.rpartition("/")[0]
            item = self._item(coll.name, Place("collection", coll.path), drop=True)
            parents.get(parent_path, collections).appendRow(item)
            parents[coll.path] = item
        library.appendRow(collections)
        tags = self._item(self.tr("Tags"), None)
        for tag in content.tags:
            tags.appendRow(self._item(f"{tag.name} ({tag.count})", Place("tag", tag.name)))
        library.appendRow(tags)
        root.appendRow(library)
        seminar = self._item(self.tr("Seminar"), None, bold=True)
        for edition in content.editions:
            item = self._item(f"{edition.year} — {edition.title}",
                              Place("edition", year=edition.year))
            for ws in content.workshops.get(edition.year, []):
                label = self.tr("Workshop {n} — {title}").format(n=ws.number, title=ws.title)
                item.appendRow(self._item(label, Place("workshop", year=edition.year,
                                                       number=ws.number), drop=True))
            item.appendRow(self._item(self.tr("Participants"),
                                      Place("participants", year=edition.year)))
            item.appendRow(self._item(self.tr("Programme"),
                                      Place("programme", year=edition.year)))
            seminar.appendRow(item)
        root.appendRow(seminar)

    @staticmethod
    def _item(text: str, place: Place | None, bold: bool = False,
              drop: bool = False) -> QStandardItem:
        item = QStandardItem(text)
        item.setEditable(False)
        item.setToolTip(text)
        flags = Qt.ItemFlag.ItemIsEnabled
        if place is not None:
            item.setData(place, PLACE_ROLE)
            flags |= Qt.ItemFlag.ItemIsSelectable
        if drop:
            flags |= Qt.ItemFlag.ItemIsDropEnabled
        item.setFlags(flags)
        if bold:
            font = item.font()
            font.setBold(True)
            item.setFont(font)
        return item

    def mimeTypes(self) -> list[str]:  # noqa: N802 - Qt's name
        return [REFERENCE_IDS_MIME]

    def find(self, place: Place) -> QModelIndex:
        for row in range(self.rowCount()):
            found = self._find(self.index(row, 0), place)
            if found.isValid():
                return found
        return QModelIndex()

    def _find(self, index: QModelIndex, place: Place) -> QModelIndex:
        if index.data(PLACE_ROLE) == place:
            return index
        for row in range(self.rowCount(index)):
            found = self._find(self.index(row, 0, index), place)
            if found.isValid():
                return found
        return QModelIndex()


class Sidebar(QTreeView):
    place_selected = Signal(object)
    references_dropped = Signal(object, list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model_ = SidebarModel()
        self.setModel(self.model_)
        self.setHeaderHidden(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.selectionModel().currentChanged.connect(self._on_selection_current_changed)

    def populate(self, content: SidebarContent, keep: Place | None = None) -> None:
        self.model_.populate(content)
        self.expandAll()
        self.select(keep or Place("all"))

    def select(self, place: Place) -> None:
        index = self.model_.find(place)
        if not index.isValid():
            index = self.model_.find(Place("all"))
        self.setCurrentIndex(index)

    def current_place(self) -> Place | None:
        place = self.currentIndex().data(PLACE_ROLE)
        return place if isinstance(place, Place) else None

    @Slot(QModelIndex, QModelIndex)
    def _on_selection_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        place = current.data(PLACE_ROLE)
        if isinstance(place, Place):
            self.place_selected.emit(place)

    # Drops of references from the table (the view handles them: the model is generic).
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt's name
        if event.mimeData().hasFormat(REFERENCE_IDS_MIME):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:  # noqa: N802 - Qt's name
        place = self.indexAt(event.position().toPoint()).data(PLACE_ROLE)
        if (isinstance(place, Place) and place.kind in ("collection", "workshop")
                and event.mimeData().hasFormat(REFERENCE_IDS_MIME)):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt's name
        place = self.indexAt(event.position().toPoint()).data(PLACE_ROLE)
        mime: QMimeData = event.mimeData()
        if isinstance(place, Place) and mime.hasFormat(REFERENCE_IDS_MIME):
            self.references_dropped.emit(place, decode_ids(mime))
            event.acceptProposedAction()
        else:
            event.ignore()
