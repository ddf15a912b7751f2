"""The line under the dossier preview: what the last build, save or print did.

It lists the attached files the build could not append, in orange when some failed
(:mod:`ui.dossier_printing` words them), and grows from one line to seven as the text
needs, then scrolls: the options keep their room.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QScrollArea, QWidget

from seminaire_app.dossiers import AttachmentProblem

from .dossier_printing import is_failure, problem_text

MAX_LINES = 7


class DossierStatus(QScrollArea):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setWidget(self.label)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # selectable by mouse; no Tab stop
        self._fit()

    def text(self) -> str:
        return self.label.text()

    def say(self, text: str, warning: bool = False) -> None:
        self.label.setText(text)
        self.label.setStyleSheet("QLabel { color: #8a4b00; }" if warning else "")
        self._fit()

    def tell(self, done: str, problems: Sequence[AttachmentProblem]) -> None:
        """Say what a build did, with the attached files it could not append."""
        text = self.problems_text(problems)
        self.say(f"{done}\n{text}" if text else done,
                 warning=any(is_failure(p) for p in problems))

    def problems_text(self, problems: Sequence[AttachmentProblem]) -> str:
        """The attached files a build could not append (or only listed), one a line."""
        failures = [p for p in problems if is_failure(p)]
        listed = [p for p in problems if not is_failure(p)]
        lines = []
        if failures:
            lines.append(self.tr("%n attached file(s) could not be added to the dossier:",
                                 "", len(failures)))
            lines.extend(f"• {problem_text(p)}" for p in failures)
        if listed:
            lines.append(self.tr("%n attached file(s) listed but not added:", "",
                                 len(listed)))
            lines.extend(f"• {problem_text(p)}" for p in listed)
        return "\n".join(lines)

    def _fit(self) -> None:
        """As tall as the message, from one line to MAX_LINES (then it scrolls)."""
        line = self.label.fontMetrics().lineSpacing()
        width = max(self.viewport().width(), 200)
        needed = self.label.heightForWidth(width) if self.label.text() else line
        self.setFixedHeight(max(line, min(needed, line * MAX_LINES)) + 2)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit()
