"""Small pieces of option forms: combos found by their data and showing long items whole,
indented and grouped rows, labels that line up across groups."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QStyle,
    QStyleOptionComboBox,
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


def show_whole_items(combo: QComboBox) -> None:
    """Long items (workshop titles) whole in the list that drops down, which may be wider
    than the combo (as wide as the screen at most); each item's tooltip is its text, for
    an item wider still. The combo itself stays narrow: the dialog keeps its width."""
    view = combo.view()
    texts = [combo.itemText(row) for row in range(combo.count())]
    for row, text in enumerate(texts):
        combo.setItemData(row, text, Qt.ItemDataRole.ToolTipRole)
    widest = max((view.fontMetrics().horizontalAdvance(text) for text in texts), default=0)
    # The style's margins around an item's text, as a combo that wide would have them
    # (the list's item delegate does not measure its text).
    option = QStyleOptionComboBox()
    option.initFrom(combo)
    width = combo.style().sizeFromContents(QStyle.ContentsType.CT_ComboBox, option,
                                           QSize(widest, 0), combo).width()
    width += 2 * view.frameWidth()
    if combo.count() > combo.maxVisibleItems():  # the list scrolls: room for its bar
        width += view.verticalScrollBar().sizeHint().width()
    screen = combo.screen().availableGeometry().width()
    view.setMinimumWidth(max(0, min(width, screen - 20)))


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
