"""The fields of an edition (title, theme, dates, venue, organisers) as a form."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QLineEdit, QWidget

from seminaire_app.domain import Edition

from .common import Form, PlainTextField, add_field, make_date_edit


class EditionForm(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLineEdit()
        self.theme = PlainTextField(lines=5)
        self.start = make_date_edit(none_text=self.tr("No date"))
        self.end = make_date_edit(none_text=self.tr("No date"))
        self.venue = QLineEdit()
        self.organisers = PlainTextField(lines=3)
        self.organisers.setPlaceholderText(self.tr("One organiser per line"))
        self.organisers.setToolTip(self.tr("One organiser per line"))
        self.theme.setAccessibleName(self.tr("Theme"))
        self.organisers.setAccessibleName(self.tr("Organisers"))
        dates = QHBoxLayout()
        dates.addWidget(self.start)
        to = QLabel(self.tr("to"))
        dates.addWidget(to)
        dates.addWidget(self.end)
        dates.addStretch(1)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        add_field(grid, 0, 0, self.tr("&Title:"), self.title, column_span=3)
        add_field(grid, 1, 0, self.tr("&Dates:"), dates, self.start)
        add_field(grid, 2, 0, self.tr("&Venue:"), self.venue)
        add_field(grid, 3, 0, self.tr("&Organisers:"), self.organisers)
        add_field(grid, 1, 2, self.tr("T&heme:"), self.theme, row_span=3)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        grid.setRowStretch(4, 1)

    def label(self, name: str) -> str:
        """The field's name for the Edit menu (« Edit edition: Theme »)."""
        return {"title": self.tr("Title"), "theme": self.tr("Theme"),
                "start_date": self.tr("Start date"), "end_date": self.tr("End date"),
                "venue": self.tr("Venue"), "organisers": self.tr("Organisers")}[name]

    def bind(self, form: Form) -> None:
        form.line("title", self.title)
        form.text("theme", self.theme)
        form.day("start_date", self.start)
        form.day("end_date", self.end)
        form.line("venue", self.venue)
        form.lines("organisers", self.organisers)

    @staticmethod
    def values(edition: Edition) -> dict[str, object]:
        return {"title": edition.title, "theme": edition.theme,
                "start_date": edition.start_date, "end_date": edition.end_date,
                "venue": edition.venue, "organisers": edition.organisers}
