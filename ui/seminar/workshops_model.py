"""The workshops of an edition as a table: number, title, facilitators, room, capacity,
and how many participants are assigned."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QWidget

from seminaire_app.domain import Workshop
from seminaire_app.services import participants, workshops
from seminaire_app.storage.library import Library

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()  # the default parent (ruff B008: no call in defaults)


@dataclass(frozen=True)
class WorkshopRow:
    workshop: Workshop
    assigned: int


class WorkshopsModel(QAbstractTableModel):
    """The workshops of an edition: number, title, facilitators, room, capacity, assigned."""

    HEADERS = (QT_TRANSLATE_NOOP("WorkshopsModel", "No."),
               QT_TRANSLATE_NOOP("WorkshopsModel", "Title"),
               QT_TRANSLATE_NOOP("WorkshopsModel", "Facilitators"),
               QT_TRANSLATE_NOOP("WorkshopsModel", "Room"),
               QT_TRANSLATE_NOOP("WorkshopsModel", "Capacity"),
               QT_TRANSLATE_NOOP("WorkshopsModel", "Assigned"))

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[WorkshopRow] = []

    def set_rows(self, rows: list[WorkshopRow]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def workshop_at(self, row: int) -> Workshop:
        return self._rows[row].workshop

    def assigned_to(self, workshop_id: int) -> int:
        return next((r.assigned for r in self._rows if r.workshop.id == workshop_id), 0)

    def rowCount(self, parent: _Index = _ROOT) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = _ROOT) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        ws, column = row.workshop, index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and column in (1, 2):
            return self._text(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (0, 4, 5):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column == 5 and ws.capacity is not None \
                and row.assigned > ws.capacity:
            return Qt.GlobalColor.darkRed
        return None

    def _text(self, row: WorkshopRow, column: int) -> str:
        ws = row.workshop
        if column == 0:
            return str(ws.number)
        if column == 1:
            return ws.title
        if column == 2:
            return ", ".join(ws.facilitators)
        if column == 3:
            return ws.room
        if column == 4:
            return "" if ws.capacity is None else str(ws.capacity)
        return str(row.assigned)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt's name
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("WorkshopsModel", str(self.HEADERS[section]))
        return None


def load_workshop_rows(lib: Library, year: int) -> list[WorkshopRow]:
    counts: dict[int, int] = {}
    for registration in participants.registrations(lib, year):
        for number in registration.workshops:
            counts[number] = counts.get(number, 0) + 1
    return [WorkshopRow(ws, counts.get(ws.number, 0))
            for ws in workshops.list_workshops(lib, year)]
