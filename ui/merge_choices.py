"""What a merge keeps: the master of a group of duplicates and the value of each field.

:class:`GroupChoice` holds the choices for one group (no Qt in it); :class:`MergeChoicesWidget`
shows a group's references with a radio button for the master, and a table « field ×
reference » with a radio button per value for the fields whose values differ.

The default values are the ones the core's merge keeps without choices: the master's
value, or when it has none the first other reference's that has one.

Signals of :class:`MergeChoicesWidget`: ``choices_changed()``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal, Slot
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHeaderView,
    QLabel,
    QRadioButton,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from seminaire_app.domain import DATE_VARIABLES, TEXT_VARIABLES, Reference
from seminaire_app.services.duplicates import DuplicateGroup, Reason

from . import labels

#: Compared first, in this order; any other field whose values differ follows.
MAIN_FIELDS = ("title", "issued", "type", "creators", "container-title", "publisher", "DOI")
_CHOOSABLE = frozenset((*TEXT_VARIABLES, *DATE_VARIABLES))


def raw_value(ref: Reference, name: str) -> object:
    """The value of ``name`` in ``ref`` as the core compares it ("" when absent)."""
    simple = {"title": ref.title, "issued": ref.issued, "type": ref.item_type,
              "creators": ref.creators, "citation-key": ref.citation_key}
    if name in simple:
        return simple[name]
    if name.startswith("custom."):
        return ref.custom.get(name[7:], "")
    return ref.fields.get(name, "")


def shown_value(ref: Reference, name: str) -> str:
    """The value of ``name`` as people read it."""
    if name == "type":
        return labels.item_type(ref.item_type)
    if name == "creators":
        return "; ".join(c.display() for c in ref.creators)
    return str(raw_value(ref, name))


def differing_fields(refs: Sequence[Reference]) -> list[str]:
    """The names of the values that are not the same in every reference of ``refs``."""
    others = sorted({n for r in refs for n in r.fields if n in _CHOOSABLE} - set(MAIN_FIELDS),
                    key=str.casefold)
    custom = sorted({f"custom.{n}" for r in refs for n in r.custom}, key=str.casefold)
    names = [*MAIN_FIELDS, *others, *custom, "citation-key"]
    return [n for n in names if len({repr(raw_value(r, n)) for r in refs}) > 1]


def completeness(ref: Reference) -> int:
    return len(ref.fields) + bool(ref.title) + bool(ref.issued) + bool(ref.creators) \
        + len(ref.tags) + ref.attachment_count


@dataclass
class GroupChoice:
    """The master and the values chosen for one group of probable duplicates."""

    group: DuplicateGroup
    master: int = 0  # a reference id; 0 until set: the most complete, then the oldest
    picks: dict[str, int] = field(default_factory=dict)  # set by the user
    fields: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        refs = self.group.references
        if not self.master:
            self.master = min(refs, key=lambda r: (-completeness(r), r.id)).id
        self.fields = differing_fields(refs)

    @property
    def references(self) -> tuple[Reference, ...]:
        return self.group.references

    def others(self) -> list[int]:
        return [r.id for r in self.references if r.id != self.master]

    def default(self, name: str) -> int:
        """Whose value of ``name`` the core keeps without a choice."""
        ordered = [self.by_id(self.master), *(self.by_id(i) for i in self.others())]
        if name in ("type", "citation-key"):
            return self.master
        return next((r.id for r in ordered if raw_value(r, name) not in ("", ())),
                    self.master)

    def chosen(self, name: str) -> int:
        return self.picks.get(name, self.default(name))

    def choices(self) -> dict[str, int]:
        """What to give the core's merge for each value that differs."""
        return {name: self.chosen(name) for name in self.fields}

    def by_id(self, reference_id: int) -> Reference:
        return next(r for r in self.references if r.id == reference_id)


class _ValueRadio(QRadioButton):
    """A radio button whose text is elided to the width of its table cell."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self._full = text
        self.setToolTip(text if len(text) > 30 else "")

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        hint = super().sizeHint()
        return QSize(min(hint.width(), 320), hint.height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(40, super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        style = self.style()
        room = self.width() - 8 - style.pixelMetric(
            QStyle.PixelMetric.PM_ExclusiveIndicatorWidth) - style.pixelMetric(
            QStyle.PixelMetric.PM_RadioButtonLabelSpacing)
        elided = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight,
                                               max(room, 10))
        if elided != self.text():
            self.setText(elided)


def _cell(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setToolTip(text if len(text) > 30 else "")
    return item


class MergeChoicesWidget(QWidget):
    """The references of one group (pick the master) and their differing values."""

    choices_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choice: GroupChoice | None = None
        self.references = QTableWidget(0, 7)
        self.references.setHorizontalHeaderLabels([
            self.tr("Keep as master"), self.tr("Citation key"), self.tr("Type"),
            self.tr("Creators"), self.tr("Title"), self.tr("Year"), self.tr("Tags, files")])
        self.references.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.references.verticalHeader().hide()
        self.references.horizontalHeader().setSectionResizeMode(
            4, QHeaderView.ResizeMode.Stretch)
        self.values = QTableWidget(0, 0)
        self.values.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.values_label = QLabel(self.tr("Values to keep where the references differ:"))
        self._master_group = QButtonGroup(self)
        self._master_group.idToggled.connect(self._on_master_group_id_toggled)
        self._value_groups: dict[str, QButtonGroup] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.references)
        layout.addWidget(self.values_label)
        layout.addWidget(self.values, 1)

    def set_choice(self, choice: GroupChoice | None) -> None:
        self.choice = None  # no signal while the radio buttons are rebuilt
        self._fill_references(choice)
        self._fill_values(choice)
        self.choice = choice

    def _fill_references(self, choice: GroupChoice | None) -> None:
        for button in self._master_group.buttons():
            self._master_group.removeButton(button)
        refs = choice.references if choice else ()
        self.references.setRowCount(len(refs))
        for row, ref in enumerate(refs):
            radio = QRadioButton()
            radio.setAccessibleName(self.tr("Keep {key} as master").format(key=ref.citation_key))
            radio.setChecked(choice is not None and ref.id == choice.master)
            self._master_group.addButton(radio, ref.id)
            self.references.setCellWidget(row, 0, radio)
            extras = ", ".join(ref.tags)
            if ref.attachment_count:
                extras = "; ".join(p for p in (extras, self.tr("%n file(s)", "",
                                                               ref.attachment_count)) if p)
            for column, text in enumerate((ref.citation_key, labels.item_type(ref.item_type),
                                           "; ".join(c.display() for c in ref.creators),
                                           ref.title, str(ref.year or ""), extras), 1):
                self.references.setItem(row, column, _cell(text))
        self.references.resizeColumnsToContents()
        self.references.setColumnWidth(4, max(200, self.references.columnWidth(4)))
        height = self.references.horizontalHeader().height() + 4 + sum(
            self.references.rowHeight(r) for r in range(len(refs)))
        self.references.setFixedHeight(min(height, 260))

    def _fill_values(self, choice: GroupChoice | None) -> None:
        for group in self._value_groups.values():
            group.deleteLater()
        self._value_groups = {}
        refs = choice.references if choice else ()
        names = choice.fields if choice else []
        self.values.clear()
        self.values.setRowCount(len(names))
        self.values.setColumnCount(len(refs))
        self.values.setHorizontalHeaderLabels([r.citation_key for r in refs])
        item_type = choice.by_id(choice.master).item_type if choice else ""
        self.values.setVerticalHeaderLabels([field_label(n, item_type) for n in names])
        for row, name in enumerate(names):
            group = QButtonGroup(self)
            for column, ref in enumerate(refs):
                text = " ".join(shown_value(ref, name).split())
                radio = _ValueRadio(text or self.tr("(empty)"))
                radio.setChecked(choice is not None and choice.chosen(name) == ref.id)
                group.addButton(radio, ref.id)
                self.values.setCellWidget(row, column, radio)
            group.idToggled.connect(
                lambda rid, on, n=name: self._on_value_toggled(n, rid, on))
            self._value_groups[name] = group
        self.values.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.values.resizeRowsToContents()
        self.values_label.setVisible(bool(names))
        self.values.setVisible(bool(names))

    @Slot(int, bool)
    def _on_master_group_id_toggled(self, reference_id: int, checked: bool) -> None:
        if not checked or self.choice is None:
            return
        self.choice.master = reference_id
        for name, group in self._value_groups.items():  # follow the master unless picked
            button = group.button(self.choice.chosen(name))
            if button is not None and not button.isChecked():
                group.blockSignals(True)
                button.setChecked(True)
                group.blockSignals(False)
        self.choices_changed.emit()

    def _on_value_toggled(self, name: str, reference_id: int, checked: bool) -> None:
        if checked and self.choice is not None:
            self.choice.picks[name] = reference_id
            self.choices_changed.emit()

    # --- for tests and keyboard users -----------------------------------------------------
    def pick_master(self, reference_id: int) -> None:
        button = self._master_group.button(reference_id)
        if button is not None:
            button.setChecked(True)

    def pick_value(self, name: str, reference_id: int) -> None:
        button = self._value_groups[name].button(reference_id)
        if button is not None:
            button.setChecked(True)


def field_label(name: str, item_type: str = "") -> str:
    return name[7:] if name.startswith("custom.") else labels.field(name, item_type)


def reason_text(group: DuplicateGroup) -> str:
    return {
        Reason.DOI: QCoreApplication.translate("Duplicates", "same DOI"),
        Reason.ISBN: QCoreApplication.translate("Duplicates", "same ISBN"),
        Reason.TITLE: QCoreApplication.translate("Duplicates", "same title"),
        Reason.SIMILAR_TITLE: QCoreApplication.translate("Duplicates", "similar title"),
    }[group.reason]
