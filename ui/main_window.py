"""The main window: for now, the open library's references in a table."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QTableView, QVBoxLayout, QWidget

from seminaire_app.domain import Reference
from seminaire_app.services import references
from seminaire_app.storage.library import Library

_Index = QModelIndex | QPersistentModelIndex


class ReferenceTableModel(QAbstractTableModel):
    """References of the library, one per row (a first, small-library version)."""

    COLUMNS = ("Créateurs", "Titre", "Année")

    def __init__(self, rows: list[Reference]) -> None:
        super().__init__()
        self._rows = rows

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        ref = self._rows[index.row()]
        if index.column() == 0:
            return "; ".join(c.display() for c in ref.creators)
        if index.column() == 1:
            return ref.title
        return ref.year or ""

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt's name
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.COLUMNS[section]
        return None


class MainWindow(QMainWindow):
    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library
        self.setWindowTitle(f"Séminaire — {library.folder.name}")
        rows = references.list_references(library, limit=1000)
        self.table = QTableView()
        self.table.setModel(ReferenceTableModel(rows))
        self.table.horizontalHeader().setStretchLastSection(True)
        self.status = QLabel(f"{len(rows)} références")
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.table)
        layout.addWidget(self.status)
        self.setCentralWidget(central)
        self.resize(1000, 650)
