"""Dialogs of the edition page: a new edition, the next edition from this one, a new
workshop; and :func:`new_edition`, which the main window's Seminar menu calls.

Each dialog takes a ``submit`` callable: OK calls it with the dialog's values and the
dialog closes only when it returns True (an error keeps the user's input on screen).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from seminaire_app.domain import Edition
from seminaire_app.services import editions
from seminaire_app.services.editions import CloneOptions
from seminaire_app.storage.library import Library

from . import commands
from .common import PlainTextField, guarded


class _SubmitDialog(QDialog):
    """OK runs ``submit``; the dialog stays open when it fails."""

    def __init__(self, parent: QWidget | None, ok_text: str) -> None:
        super().__init__(parent)
        self.submit: Callable[[], bool] | None = None
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def accept(self) -> None:
        if self.submit is None or self.submit():
            super().accept()


def _year_spin(value: int) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(1900, 2200)
    spin.setGroupSeparatorShown(False)
    spin.setValue(value)
    spin.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
    return spin


def next_title(title: str, source_year: int, target_year: int) -> str:
    """« Séminaire prospectif 2017 » → « Séminaire prospectif 2018 »."""
    if str(source_year) in title:
        return re.sub(rf"\b{source_year}\b", str(target_year), title)
    return title


class NewEditionDialog(_SubmitDialog):
    """Year, title and theme of a new edition."""

    def __init__(self, year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent, self.tr("&Create"))
        self.setWindowTitle(self.tr("New edition"))
        self.year = _year_spin(year)
        self.title = QLineEdit()
        self.year.valueChanged.connect(self._on_year_value_changed)
        self._on_year_value_changed(year)
        self.theme = PlainTextField(lines=3)
        form = QFormLayout()
        form.addRow(self.tr("&Year:"), self.year)
        form.addRow(self.tr("&Title:"), self.title)
        form.addRow(self.tr("T&heme:"), self.theme)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.resize(520, self.sizeHint().height())

    def _on_year_value_changed(self, year: int) -> None:
        self.title.setPlaceholderText(self.tr("Séminaire prospectif {year}").format(year=year))

    def values(self) -> tuple[int, str, str]:
        title = self.title.text().strip() or self.title.placeholderText()
        return self.year.value(), title, self.theme.toPlainText().strip()


def new_edition(parent: QWidget | None, library: Library, undo_stack: QUndoStack) -> int | None:
    """Ask for a new edition and create it (undoable); its year, or None if cancelled."""
    existing = [e.year for e in editions.list_editions(library)]
    dialog = NewEditionDialog(max(existing) + 1 if existing else date.today().year, parent)
    created: list[int] = []

    def submit() -> bool:
        year, title, theme = dialog.values()

        def add() -> None:
            edition, command = commands.add_edition(library, year, title, theme)
            undo_stack.push(command)
            created.append(edition.year)

        return guarded(dialog, add)

    dialog.submit = submit
    dialog.exec()
    dialog.deleteLater()
    return created[0] if created else None


@dataclass(frozen=True)
class CloneRequest:
    target_year: int
    title: str
    options: CloneOptions


class CloneEditionDialog(_SubmitDialog):
    """« Prepare the next edition »: the year, a title, and what to carry over."""

    def __init__(self, source: Edition, parent: QWidget | None = None) -> None:
        super().__init__(parent, self.tr("Prepa&re"))
        self.source = source
        self.setWindowTitle(self.tr("Prepare the next edition"))
        intro = QLabel(self.tr("A new edition is prepared from {year}: its details, "
                               "workshops and reading lists are copied, and dates move "
                               "on by the years in between. Attached files stay with "
                               "{year}.").format(year=source.year))
        intro.setWordWrap(True)
        self.year = _year_spin(source.year + 1)
        self.title = QLineEdit(next_title(source.title, source.year, source.year + 1))
        self.year.valueChanged.connect(self._on_year_value_changed)
        self.programme = QCheckBox(self.tr("&Programme (days moved to the new year)"))
        self.programme.setChecked(True)
        self.participants = QCheckBox(self.tr("P&articipants and their workshops"))
        self.notes = QCheckBox(self.tr("&Notes of the edition and its workshops"))
        box = QGroupBox(self.tr("Also copy"))
        box_layout = QVBoxLayout(box)
        for check in (self.programme, self.participants, self.notes):
            box_layout.addWidget(check)
        form = QFormLayout()
        form.addRow(self.tr("&Year:"), self.year)
        form.addRow(self.tr("&Title:"), self.title)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(box)
        layout.addWidget(self.buttons)
        self.resize(520, self.sizeHint().height())

    def _on_year_value_changed(self, year: int) -> None:
        previous = next_title(self.source.title, self.source.year, year - 1)
        if self.title.text() in (previous, next_title(self.source.title, self.source.year,
                                                      year + 1)):
            self.title.setText(next_title(self.source.title, self.source.year, year))

    def request(self) -> CloneRequest:
        return CloneRequest(
            self.year.value(), self.title.text().strip() or self.source.title,
            CloneOptions(participants=self.participants.isChecked(),
                         notes=self.notes.isChecked(), programme=self.programme.isChecked()))


@dataclass(frozen=True)
class WorkshopRequest:
    title: str
    number: int
    room: str
    capacity: int | None


class WorkshopDialog(_SubmitDialog):
    """A new workshop: number (the next free one), title, room, capacity."""

    def __init__(self, next_number: int, parent: QWidget | None = None) -> None:
        super().__init__(parent, self.tr("&Add"))
        self.setWindowTitle(self.tr("Add workshop"))
        self.number = QSpinBox()
        self.number.setRange(1, 999)
        self.number.setValue(next_number)
        self.title = QLineEdit()
        self.room = QLineEdit()
        self.capacity = QSpinBox()
        self.capacity.setRange(-1, 9999)
        self.capacity.setSpecialValueText(self.tr("No limit"))
        self.capacity.setValue(-1)
        form = QFormLayout()
        form.addRow(self.tr("&Number:"), self.number)
        form.addRow(self.tr("&Title:"), self.title)
        form.addRow(self.tr("&Room:"), self.room)
        form.addRow(self.tr("&Capacity:"), self.capacity)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.resize(480, self.sizeHint().height())

    def request(self) -> WorkshopRequest:
        capacity = self.capacity.value()
        return WorkshopRequest(self.title.text().strip(), self.number.value(),
                               self.room.text().strip(), None if capacity < 0 else capacity)
