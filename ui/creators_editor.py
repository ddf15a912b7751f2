"""Editing a reference's creators: add, remove, reorder; person or institution; role.

Signals: ``edited(tuple)`` — the user finished a change; the tuple holds the Creators.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from seminaire_app.domain import Creator
from seminaire_app.errors import ValidationError
from seminaire_app.names import parse_creator

from . import labels

ROLES = ("author", "editor", "translator", "contributor", "presenter", "organizer",
         "container-author", "collection-editor", "interviewer", "recipient")
KINDS = ("person", "institution")


role_name = labels.creator_role


class CreatorsEditor(QWidget):
    edited = Signal(tuple)

    COLUMNS = (QT_TRANSLATE_NOOP("CreatorsEditor", "Role"),
                      QT_TRANSLATE_NOOP("CreatorsEditor", "Kind"),
                      QT_TRANSLATE_NOOP("CreatorsEditor", "Name"),
                      QT_TRANSLATE_NOOP("CreatorsEditor", "Given names"))

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in self.COLUMNS])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setVerticalScrollMode(QTableWidget.ScrollMode.ScrollPerPixel)
        self.table.model().rowsInserted.connect(self._fit_height)
        self.table.model().rowsRemoved.connect(self._fit_height)
        self._fit_height()
        # Its height is its rows': a form with room to spare must not stretch it.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.table.itemChanged.connect(self._on_table_item_changed)
        buttons = QHBoxLayout()
        for text, slot, tip in (("+", self._on_add_clicked, self.tr("Add a creator")),
                                ("−", self._on_remove_clicked, self.tr("Remove the creator")),
                                ("↑", self._on_up_clicked, self.tr("Move up")),
                                ("↓", self._on_down_clicked, self.tr("Move down"))):
            button = QPushButton(text)
            button.setToolTip(tip)
            button.setAccessibleName(tip)
            button.setFixedWidth(32)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self._loading = False

    @Slot()
    def _fit_height(self) -> None:
        """As tall as its rows (two to six of them): no empty box, no scrolling for few."""
        rows = min(max(self.table.rowCount(), 2), 6)
        row_height = self.table.verticalHeader().defaultSectionSize()
        frame = 2 * self.table.frameWidth()
        self.table.setFixedHeight(self.table.horizontalHeader().height() + rows * row_height
                                  + frame + 2)

    def set_creators(self, creators: tuple[Creator, ...]) -> None:
        self._loading = True
        self.table.setRowCount(0)
        for creator in creators:
            self._append(creator)
        self._loading = False

    def creators(self) -> tuple[Creator, ...]:
        out = []
        for row in range(self.table.rowCount()):
            role = self._combo(row, 0).currentData()
            institution = self._combo(row, 1).currentData() == "institution"
            family = (self.table.item(row, 2) or QTableWidgetItem()).text().strip()
            given = (self.table.item(row, 3) or QTableWidgetItem()).text().strip()
            if not family:
                continue
            if institution:
                out.append(Creator(role=role, literal=family))
                continue
            try:  # « de Gaulle » / « d'Ormesson »: keep the particle apart, as BibTeX does
                out.append(parse_creator(f"{family}, {given}", role))
            except ValidationError:
                out.append(Creator(role=role, family=family, given=given))
        return tuple(out)

    def _combo(self, row: int, column: int) -> QComboBox:
        widget = self.table.cellWidget(row, column)
        assert isinstance(widget, QComboBox)
        return widget

    def _append(self, creator: Creator, row: int | None = None) -> None:
        row = self.table.rowCount() if row is None else row
        self.table.insertRow(row)
        roles = QComboBox()
        for role in ROLES if creator.role in ROLES else (*ROLES, creator.role):
            roles.addItem(role_name(role), role)
        roles.setCurrentIndex(roles.findData(creator.role))
        # As wide as a short role: the longest (« Directeur de collection ») would squeeze
        # the name columns; the list still shows every name whole.
        roles.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        roles.setMinimumContentsLength(10)
        roles.currentIndexChanged.connect(self._emit)
        kinds = QComboBox()
        kinds.addItem(self.tr("Person"), "person")
        kinds.addItem(self.tr("Institution"), "institution")
        kinds.setCurrentIndex(1 if creator.is_institution else 0)
        kinds.currentIndexChanged.connect(self._emit)
        self.table.setCellWidget(row, 0, roles)
        self.table.setCellWidget(row, 1, kinds)
        family = creator.literal or _family_with_particle(creator)
        self.table.setItem(row, 2, QTableWidgetItem(family))
        self.table.setItem(row, 3, QTableWidgetItem(creator.given))

    @Slot()
    def _emit(self) -> None:
        if not self._loading:
            self.edited.emit(self.creators())

    @Slot(QTableWidgetItem)
    def _on_table_item_changed(self, _item: QTableWidgetItem) -> None:
        self._emit()

    @Slot()
    def _on_add_clicked(self) -> None:
        self._loading = True
        self._append(Creator(role="author"))
        self._loading = False
        self.table.setCurrentCell(self.table.rowCount() - 1, 2)
        self.table.editItem(self.table.item(self.table.rowCount() - 1, 2))

    @Slot()
    def _on_remove_clicked(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self._emit()

    def _move(self, delta: int) -> None:
        row = self.table.currentRow()
        target = row + delta
        if row < 0 or not 0 <= target < self.table.rowCount():
            return
        creators = list(self.creators())
        creators.insert(target, creators.pop(row))
        self.set_creators(tuple(creators))
        self.table.setCurrentCell(target, 2)
        self._emit()

    @Slot()
    def _on_up_clicked(self) -> None:
        self._move(-1)

    @Slot()
    def _on_down_clicked(self) -> None:
        self._move(+1)


def _family_with_particle(creator: Creator) -> str:
    if not creator.non_dropping_particle:
        return creator.family
    sep = "" if creator.non_dropping_particle.endswith(("'", "’")) else " "
    return f"{creator.non_dropping_particle}{sep}{creator.family}"
