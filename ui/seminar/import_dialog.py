"""Importing registrations from a CSV file: the preview of a dry run, with the column
mapping editable, before the real import.

Signals of :class:`ImportPreviewDialog`: ``mapping_changed(dict)`` — the user mapped a
column differently ({column title: field or ""}); the page runs a new dry run and calls
:meth:`ImportPreviewDialog.show_report` (or :meth:`show_problem`).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from seminaire_app.services.participant_import import FIELDS, ImportReport

_FIELD_NAMES = {
    "": QT_TRANSLATE_NOOP("ImportField", "(ignore this column)"),
    "family": QT_TRANSLATE_NOOP("ImportField", "Family name"),
    "given": QT_TRANSLATE_NOOP("ImportField", "Given name"),
    "organisation": QT_TRANSLATE_NOOP("ImportField", "Organisation"),
    "email": QT_TRANSLATE_NOOP("ImportField", "E-mail"),
    "workshop": QT_TRANSLATE_NOOP("ImportField", "Workshop wished"),
}


def field_name(field: str) -> str:
    return QCoreApplication.translate("ImportField", str(_FIELD_NAMES[field]))


def csv_header(path: Path, encoding: str, delimiter: str) -> list[str]:
    """The column titles of a CSV file the core has already read (its encoding and
    separator come from the dry run's report)."""
    text = path.read_bytes().decode("utf-8-sig" if encoding == "utf-8" else encoding,
                                    errors="replace")
    for record in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter or ";"):
        if not any(cell.strip() for cell in record):
            continue
        joined = delimiter.join(record).strip().lower()
        if joined.startswith("sep=") and len(record) <= 2:
            continue  # Excel's « sep=; » line
        return [cell.strip() for cell in record]
    return []


class ImportPreviewDialog(QDialog):
    """What the import would do, and the mapping of the file's columns."""

    mapping_changed = Signal(dict)

    def __init__(self, path: Path, year: int, header: list[str], report: ImportReport,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import registrations"))
        self.path, self.year = path, year
        self.file_label = QLabel()
        self.file_label.setWordWrap(True)
        self.combos: dict[str, QComboBox] = {}
        columns = QGroupBox(self.tr("Columns of the file"))
        grid_widget = QWidget()
        grid = QGridLayout(grid_widget)
        grid.setContentsMargins(0, 0, 0, 0)
        detected = {title: field for field, title in report.columns}
        for title in header:
            if not title or title in self.combos:
                continue  # a column without a title (or a repeated one) cannot be named
            combo = QComboBox()
            for field in ("", *FIELDS):
                combo.addItem(field_name(field), field)
            combo.setCurrentIndex(max(0, combo.findData(detected.get(title, ""))))
            combo.currentIndexChanged.connect(self._on_combo_current_index_changed)
            label = QLabel(title)
            label.setBuddy(combo)
            row = len(self.combos)
            grid.addWidget(label, row, 0)
            grid.addWidget(combo, row, 1)
            self.combos[title] = combo
        grid.setColumnStretch(1, 1)
        scroll = QScrollArea()  # forms export many columns: keep the dialog on screen
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(grid_widget)
        shown_rows = min(len(self.combos), 8)
        scroll.setMinimumHeight(shown_rows * (grid_widget.sizeHint().height()
                                              // max(1, len(self.combos))))
        QVBoxLayout(columns).addWidget(scroll)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.problems = QPlainTextEdit()
        self.problems.setReadOnly(True)
        self.problems.setAccessibleName(self.tr("Rows left out or not assigned"))
        outcome = QGroupBox(self.tr("What the import will do"))
        outcome_layout = QVBoxLayout(outcome)
        outcome_layout.addWidget(self.summary)
        outcome_layout.addWidget(self.problems, 1)
        warning = QLabel(self.tr("An import is not an undo step: a backup copy of the "
                                 "library is made first, in its “backups” folder."))
        warning.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.import_button.setText(self.tr("&Import"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.file_label)
        layout.addWidget(columns)
        layout.addWidget(outcome, 1)
        layout.addWidget(warning)
        layout.addWidget(self.buttons)
        self.show_report(report)
        self.resize(620, 620)

    def mapping(self) -> dict[str, str]:
        """{column title: field or ""} as the combos say."""
        return {title: str(combo.currentData()) for title, combo in self.combos.items()}

    @Slot(int)
    def _on_combo_current_index_changed(self, _index: int) -> None:
        self.import_button.setEnabled(False)  # until the new dry run answers
        self.mapping_changed.emit(self.mapping())

    def show_report(self, report: ImportReport) -> None:
        separator = {"\t": self.tr("tab"), ";": "« ; »", ",": "« , »"}.get(
            report.delimiter, report.delimiter)
        self.file_label.setText(self.tr("{file} — encoding {encoding}, separator {sep}; "
                                        "registrations to edition {year}.").format(
            file=self.path.name, encoding=report.encoding.upper(), sep=separator,
            year=self.year))
        lines = [
            self.tr("%n row(s) read", "", report.rows),
            self.tr("%n new participant(s)", "", report.created),
            self.tr("%n already known (same e-mail)", "", report.known),
            self.tr("%n registration(s) to this edition", "", report.registered),
            self.tr("%n already registered", "", report.already_registered),
            self.tr("%n assignment(s) to the workshop wished", "", report.assigned),
        ]
        left_out = len(report.errors) + len(report.warnings)
        if left_out:
            lines.append(self.tr("%n row(s) left out (see below)", "", left_out))
        self.summary.setText("\n".join(lines))
        problems = [*(self.tr("Left out: {problem}").format(problem=p) for p in report.errors),
                    *(self.tr("Left out: {problem}").format(problem=p)
                      for p in report.warnings),
                    *(self.tr("Not assigned: {problem}").format(problem=p)
                      for p in report.unassigned)]
        self.problems.setPlainText("\n".join(problems) if problems
                                   else self.tr("Every row can be imported."))
        self.import_button.setEnabled(report.rows > len(report.errors) + len(report.warnings))

    def show_problem(self, message: str) -> None:
        """The dry run failed (no family-name column…): say why, and no import."""
        self.summary.setText(message)
        self.problems.setPlainText("")
        self.import_button.setEnabled(False)
