"""The dialog that adds a participant to an edition or edits one: identity, role, and
the workshops they are assigned to (with the places left in each)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from seminaire_app.domain import ParticipantRole, Registration, Workshop

_ROLE_NAMES = {
    ParticipantRole.PARTICIPANT: QT_TRANSLATE_NOOP("ParticipantRole", "Participant"),
    ParticipantRole.FACILITATOR: QT_TRANSLATE_NOOP("ParticipantRole", "Facilitator"),
    ParticipantRole.SPEAKER: QT_TRANSLATE_NOOP("ParticipantRole", "Speaker"),
    ParticipantRole.ORGANISER: QT_TRANSLATE_NOOP("ParticipantRole", "Organiser"),
}


def role_name(role: ParticipantRole) -> str:
    return QCoreApplication.translate("ParticipantRole", str(_ROLE_NAMES[role]))


@dataclass(frozen=True)
class ParticipantValues:
    family: str
    given: str
    organisation: str
    email: str
    role: ParticipantRole
    workshops: tuple[int, ...]

    def identity(self) -> dict[str, str]:
        return {"family": self.family, "given": self.given,
                "organisation": self.organisation, "email": self.email}


class ParticipantDialog(QDialog):
    """OK calls ``submit(values)``; the dialog closes only when it returns True."""

    def __init__(self, workshops: Sequence[Workshop], assigned: dict[int, int],
                 registration: Registration | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.submit: Callable[[ParticipantValues], bool] | None = None
        self.setWindowTitle(self.tr("Add participant") if registration is None
                            else self.tr("Edit participant"))
        self.family = QLineEdit()
        self.given = QLineEdit()
        self.organisation = QLineEdit()
        self.email = QLineEdit()
        self.role = QComboBox()
        for role in ParticipantRole:
            self.role.addItem(role_name(role), role.value)
        form = QFormLayout()
        form.addRow(self.tr("&Family name:"), self.family)
        form.addRow(self.tr("&Given name:"), self.given)
        form.addRow(self.tr("&Organisation:"), self.organisation)
        form.addRow(self.tr("&E-mail:"), self.email)
        form.addRow(self.tr("&Role:"), self.role)
        self.checks: dict[int, QCheckBox] = {}
        box = QGroupBox(self.tr("Workshops"))
        box_layout = QVBoxLayout(box)
        for ws in workshops:
            check = QCheckBox(self._workshop_text(ws, assigned.get(ws.number, 0)))
            check.setToolTip(ws.title)
            self.checks[ws.number] = check
            box_layout.addWidget(check)
        if not workshops:
            box_layout.addWidget(QLabel(self.tr("This edition has no workshop yet.")))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("&Add") if registration is None else self.tr("&Save"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(box)
        layout.addWidget(self.buttons)
        if registration is not None:
            self._fill(registration)
        self.resize(560, self.sizeHint().height())

    def _workshop_text(self, ws: Workshop, taken: int) -> str:
        title = ws.title if len(ws.title) <= 60 else ws.title[:59] + "…"
        if ws.capacity is None:
            places = self.tr("{taken} assigned").format(taken=taken)
        else:
            places = self.tr("{taken}/{capacity} places taken").format(
                taken=taken, capacity=ws.capacity)
        return self.tr("{n} — {title} ({places})").format(n=ws.number, title=title,
                                                         places=places)

    def _fill(self, registration: Registration) -> None:
        person = registration.participant
        self.family.setText(person.family)
        self.given.setText(person.given)
        self.organisation.setText(person.organisation)
        self.email.setText(person.email)
        self.role.setCurrentIndex(max(0, self.role.findData(registration.role.value)))
        for number in registration.workshops:
            if number in self.checks:
                self.checks[number].setChecked(True)

    def values(self) -> ParticipantValues:
        return ParticipantValues(
            self.family.text().strip(), self.given.text().strip(),
            self.organisation.text().strip(), self.email.text().strip(),
            ParticipantRole(self.role.currentData()),
            tuple(n for n, check in self.checks.items() if check.isChecked()))

    def accept(self) -> None:
        if self.submit is None or self.submit(self.values()):
            super().accept()
