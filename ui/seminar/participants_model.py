"""The registrations of an edition as a table, and the small in-memory filter over it."""

from __future__ import annotations

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import QWidget

from seminaire_app.domain import Registration
from seminaire_app.textfold import family_sort_key, fold, sort_key

from .participant_dialog import role_name

_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()  # the default parent (ruff B008: no call in defaults)
# What a click on a column header sorts by: names as the core sorts them (accents and
# case ignored, past a lower-case « de »), workshops by number.
SORT_ROLE = Qt.ItemDataRole.UserRole + 1


class RegistrationsModel(QAbstractTableModel):
    """The registrations of an edition: family, given, organisation, e-mail, role,
    workshops (« 1, 3 »)."""

    HEADERS = (QT_TRANSLATE_NOOP("RegistrationsModel", "Family name"),
               QT_TRANSLATE_NOOP("RegistrationsModel", "Given name"),
               QT_TRANSLATE_NOOP("RegistrationsModel", "Organisation"),
               QT_TRANSLATE_NOOP("RegistrationsModel", "E-mail"),
               QT_TRANSLATE_NOOP("RegistrationsModel", "Role"),
               QT_TRANSLATE_NOOP("RegistrationsModel", "Workshops"))

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Registration] = []

    def set_registrations(self, rows: list[Registration]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def registration_at(self, row: int) -> Registration:
        return self._rows[row]

    def rowCount(self, parent: _Index = _ROOT) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = _ROOT) -> int:  # noqa: N802 - Qt's name
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole,
                                               Qt.ItemDataRole.ToolTipRole, SORT_ROLE):
            return None
        reg, column = self._rows[index.row()], index.column()
        person = reg.participant
        if role == SORT_ROLE:
            return self._sort_key(reg, column)
        values = (person.family, person.given, person.organisation, person.email,
                  role_name(reg.role), ", ".join(str(n) for n in reg.workshops))
        text = values[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return text if column in (2, 3) and text else None
        return text

    @staticmethod
    def _sort_key(reg: Registration, column: int) -> str:
        person = reg.participant
        family, given = family_sort_key(person.family), sort_key(person.given)
        if column == 0:
            return f"{family}\0{given}"
        if column == 1:
            return f"{given}\0{family}"
        if column == 5:
            return ",".join(f"{n:04d}" for n in reg.workshops)
        texts = (person.organisation, person.email, role_name(reg.role))
        return f"{sort_key(texts[column - 2])}\0{family}\0{given}"

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt's name
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("RegistrationsModel", str(self.HEADERS[section]))
        return None


class ParticipantFilter(QSortFilterProxyModel):
    """Keeps the rows where every word typed appears, accents and case ignored."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self.setSortRole(SORT_ROLE)

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._words = fold(text).split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:  # noqa: N802
        if not self._words:
            return True
        model = self.sourceModel()
        haystack = fold(" ".join(str(model.index(source_row, c, source_parent).data() or "")
                                 for c in range(model.columnCount(source_parent))))
        return all(word in haystack for word in self._words)
