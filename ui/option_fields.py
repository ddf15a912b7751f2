"""Small pieces of option forms: combos found by their data, indented and grouped rows,
labels that line up across groups."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)


def make_combo(name: str) -> QComboBox:
    """A combo named ``name`` for screen readers, narrow enough for a side column."""
    combo = QComboBox()
    combo.setAccessibleName(name)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(18)
    return combo


def select(combo: QComboBox, value: object) -> bool:
    """Make the item whose data is ``value`` current; False when there is none."""
    index = combo.findData(value)
    if index >= 0:
        combo.setCurrentIndex(index)
    return index >= 0


def set_buddy(form: QFormLayout, row: QHBoxLayout, widget: QWidget) -> None:
    """Give the label of a row made of a layout its buddy (Qt gives it none)."""
    label = form.labelForField(row)
    if isinstance(label, QLabel):
        label.setBuddy(widget)


def align_labels(*forms: QFormLayout) -> None:
    """One width for the labels of every form: the fields line up across groups."""
    labels = [label for form in forms for row in range(form.rowCount())
              if (item := form.itemAt(row, QFormLayout.ItemRole.LabelRole)) is not None
              and (label := item.widget()) is not None]
    width = max((label.sizeHint().width() for label in labels), default=0)
    for label in labels:
        label.setMinimumWidth(width)


def indented(widget: QWidget) -> QWidget:
    """``widget`` shifted right, under the option it depends on."""
    holder = QWidget()
    row = QHBoxLayout(holder)
    row.setContentsMargins(22, 0, 0, 0)
    row.addWidget(widget)
    return holder


def group(title: str, layout: QFormLayout | QVBoxLayout) -> QGroupBox:
    box = QGroupBox(title)
    box.setLayout(layout)
    return box


def set_tab_order(widgets: Sequence[QWidget]) -> None:
    """Tab goes through ``widgets`` in this order (the order they are shown in)."""
    for before, after in itertools.pairwise(widgets):
        QWidget.setTabOrder(before, after)
