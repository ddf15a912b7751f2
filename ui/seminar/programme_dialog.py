"""The dialog that adds an item to the programme: day, times, room, title, workshop."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QLocale, QTime, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from seminaire_app.domain import EditionId, ProgrammeItem, ProgrammeItemId, Workshop

from .common import long_date


def _time_edit(hour: int, minute: int) -> QTimeEdit:
    edit = QTimeEdit(QTime(hour, minute))
    edit.setLocale(QLocale())
    edit.setDisplayFormat(QLocale().timeFormat(QLocale.FormatType.ShortFormat))
    return edit


class ProgrammeItemDialog(QDialog):
    """OK calls ``submit()``; the dialog closes only when it returns True."""

    def __init__(self, days: Sequence[date], workshops: Sequence[Workshop],
                 rooms: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.submit: Callable[[], bool] | None = None
        self.setWindowTitle(self.tr("Add programme item"))
        self._workshops = {w.number: w for w in workshops}
        self.day = QComboBox()
        for day in days:
            self.day.addItem(long_date(day), day)
        if not days:
            self.day.addItem(long_date(date.today()), date.today())
        self.start = _time_edit(9, 0)
        self.end = _time_edit(10, 0)
        self.start.timeChanged.connect(self._on_start_time_changed)
        self.room = QLineEdit()
        self.room.setCompleter(QCompleter(list(rooms), self.room))
        self.title = QLineEdit()
        self.workshop = QComboBox()
        self.workshop.addItem(self.tr("None (a plenary session, a break…)"), None)
        for ws in workshops:
            self.workshop.addItem(self.tr("Workshop {n} — {title}").format(
                n=ws.number, title=ws.title), ws.number)
        self.workshop.currentIndexChanged.connect(self._on_workshop_current_index_changed)
        times = QHBoxLayout()
        times.addWidget(self.start)
        to = QLabel(self.tr("&to"))
        to.setBuddy(self.end)
        times.addWidget(to)
        times.addWidget(self.end)
        times.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("&Day:"), self.day)
        start_label = QLabel(self.tr("&From:"))
        start_label.setBuddy(self.start)
        form.addRow(start_label, times)
        form.addRow(self.tr("&Workshop:"), self.workshop)
        form.addRow(self.tr("T&itle:"), self.title)
        form.addRow(self.tr("&Room:"), self.room)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Add"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(540, self.sizeHint().height())

    @Slot(QTime)
    def _on_start_time_changed(self, start: QTime) -> None:
        if self.end.time() <= start:
            self.end.setTime(start.addSecs(3600))

    @Slot(int)
    def _on_workshop_current_index_changed(self, _index: int) -> None:
        number = self.workshop.currentData()
        ws = self._workshops.get(number) if isinstance(number, int) else None
        if ws is not None and not self.room.text().strip():
            self.room.setText(ws.room)
        self.title.setPlaceholderText(self.tr("{title} (when left empty)").format(
            title=ws.title) if ws is not None else "")

    def request(self, edition_id: int) -> ProgrammeItem:
        number = self.workshop.currentData()
        return ProgrammeItem(
            ProgrammeItemId(0), EditionId(edition_id), self.day.currentData(),
            self.start.time().toString("HH:mm"), self.end.time().toString("HH:mm"),
            self.title.text().strip(), self.room.text().strip(),
            number if isinstance(number, int) else None)

    def accept(self) -> None:
        if self.submit is None or self.submit():
            super().accept()
