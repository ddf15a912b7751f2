"""What the seminar pages share: change subscriptions, forms whose finished edits become
undoable commands, tables with keyboard actions, and small formatting helpers.

Signals of :class:`SeminarTable`: ``delete_requested()`` (Delete key).
Signals of :class:`PlainTextField`: ``editing_finished()`` (focus left the field).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate, QLocale, QObject, Qt, QTimer, Signal, SignalInstance, Slot
from PySide6.QtGui import QFocusEvent, QFont, QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QGridLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTableView,
    QWidget,
)

from seminaire_app.domain import Changes
from seminaire_app.errors import SeminaireError
from seminaire_app.storage.library import Library

from .. import changes
from ..errors import show_error

#: What a QDateEdit shows as « no date » (its minimum).
NO_DATE = QDate(1900, 1, 1)


class ChangeWatcher(QObject):
    """Calls ``refresh()`` once, in the GUI thread, after changes that match ``wanted``.

    Notifications may come from worker threads and in bursts (an import); they are
    queued to the GUI thread and coalesced. The subscription goes with ``owner``
    (``ui.changes.subscribe`` holds the callback weakly), so a callback never reaches a
    deleted widget.
    """

    _changed = Signal(object)

    def __init__(self, library: Library, owner: QWidget, wanted: Changes,
                 refresh: Callable[[], None]) -> None:
        super().__init__(owner)
        self._wanted, self._refresh = wanted, refresh
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._changed.connect(self._on_changed, Qt.ConnectionType.QueuedConnection)
        changes.subscribe(library, self, self._notify)

    def _notify(self, what: Changes) -> None:  # any thread
        if what & self._wanted:
            self._changed.emit(what)

    @Slot(object)
    def _on_changed(self, _what: Changes) -> None:
        self._timer.start()

    @Slot()
    def _on_timer_timeout(self) -> None:
        self._refresh()


def one_step(stack: QUndoStack, text: str, action: Callable[[], object]) -> None:
    """Run ``action``, which pushes commands, as one undo step named ``text``. If it
    pushed nothing (it failed at once), no empty step is left on the stack."""
    stack.beginMacro(text)
    try:
        action()
    finally:
        stack.endMacro()
        last = stack.command(stack.index() - 1)
        if last is not None and last.childCount() == 0 and last.text() == text:
            last.setObsolete(True)  # undo() then drops it
            stack.undo()


def guarded(parent: QWidget, action: Callable[[], object]) -> bool:
    """Run a user action; an expected error of the core becomes a message. True if done."""
    try:
        action()
    except SeminaireError as exc:
        show_error(parent, exc)
        return False
    return True


# --- forms ---------------------------------------------------------------------------------

class PlainTextField(QPlainTextEdit):
    """A multi-line field that says when the user leaves it (like QLineEdit does)."""

    editing_finished = Signal()

    def __init__(self, parent: QWidget | None = None, lines: int = 3) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # lines wrap
        height = self.fontMetrics().lineSpacing() * lines + 14
        self.setMinimumHeight(height)
        self.setMaximumHeight(height + self.fontMetrics().lineSpacing() * 2)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt's name
        super().focusOutEvent(event)
        self.editing_finished.emit()


@dataclass
class _Field:
    get: Callable[[], object]
    put: Callable[[object], None]


class Form(QObject):
    """Widgets bound to named values. A finished edit that changes a value calls
    ``commit(name, old, new)``; when it returns False the widget shows the old value."""

    def __init__(self, parent: QObject, commit: Callable[[str, object, object], bool]) -> None:
        super().__init__(parent)
        self._commit = commit
        self._fields: dict[str, _Field] = {}
        self._values: dict[str, object] = {}  # what the core holds
        self._shown: dict[str, object] = {}  # what the widget showed of it

    def add(self, name: str, get: Callable[[], object], put: Callable[[object], None],
            finished: SignalInstance) -> None:
        self._fields[name] = _Field(get, put)
        finished.connect(lambda *_args, n=name: self.finish(n))

    def line(self, name: str, widget: QLineEdit) -> None:
        self.add(name, lambda: widget.text().strip(), lambda v: widget.setText(str(v)),
                 widget.editingFinished)

    def text(self, name: str, widget: PlainTextField) -> None:
        self.add(name, lambda: widget.toPlainText().strip(),
                 lambda v: widget.setPlainText(str(v)), widget.editing_finished)

    def lines(self, name: str, widget: PlainTextField) -> None:
        def put(value: object) -> None:
            widget.setPlainText("\n".join(value if isinstance(value, Iterable) else ()))

        self.add(name, lambda: split_lines(widget.toPlainText()), put, widget.editing_finished)

    def day(self, name: str, widget: QDateEdit) -> None:
        widget.calendarWidget().clicked.connect(lambda _d, n=name: self.finish(n))
        self.add(name, lambda: date_of(widget), lambda v: set_date(widget, v),
                 widget.editingFinished)

    def number(self, name: str, widget: QSpinBox, none_at_minimum: bool = False) -> None:
        def get() -> object:
            if none_at_minimum and widget.value() == widget.minimum():
                return None
            return widget.value()

        def put(value: object) -> None:
            widget.setValue(widget.minimum() if value is None else int(str(value)))

        self.add(name, get, put, widget.editingFinished)

    def load(self, values: Mapping[str, object], replace: bool = False) -> None:
        """Show ``values``. A field the user is editing keeps what they typed, unless
        ``replace`` (another edition or workshop is shown)."""
        for name, value in values.items():
            field = self._fields[name]
            editing = (not replace and name in self._shown
                       and field.get() != self._shown[name])
            self._values[name] = value
            if not editing:
                field.put(value)
                self._shown[name] = field.get()

    def finish_all(self) -> None:
        """Commit every field the user has changed (before showing something else)."""
        for name in list(self._fields):
            self.finish(name)

    def finish(self, name: str) -> None:
        """The user left field ``name``: commit what they changed there, if anything."""
        if name not in self._values:
            return
        field, old = self._fields[name], self._values[name]
        new = field.get()
        if new == self._shown[name]:
            return  # untouched (the widget may tidy a value, e.g. strip spaces)
        if new != old and self._commit(name, old, new):
            self._values[name] = new
        else:
            field.put(self._values[name])
        self._shown[name] = field.get()


def split_lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def make_date_edit(parent: QWidget | None = None, none_text: str = "—") -> QDateEdit:
    """A date field in the user's locale, with a calendar; its minimum means « no date »."""
    edit = QDateEdit(parent)
    edit.setLocale(QLocale())
    edit.setDisplayFormat(QLocale().dateFormat(QLocale.FormatType.ShortFormat))
    edit.setCalendarPopup(True)
    edit.setMinimumDate(NO_DATE)
    edit.setSpecialValueText(none_text)
    edit.setDate(NO_DATE)
    return edit


def date_of(edit: QDateEdit) -> date | None:
    value = edit.date()
    if value == edit.minimumDate():
        return None
    return date(value.year(), value.month(), value.day())


def set_date(edit: QDateEdit, value: object) -> None:
    if isinstance(value, date):
        edit.setDate(QDate(value.year, value.month, value.day))
    else:
        edit.setDate(edit.minimumDate())


# --- display -------------------------------------------------------------------------------

def long_date(day: date) -> str:
    """« jeudi 23 novembre 2017 » in French, « Thursday, 23 November 2017 » in English."""
    return QLocale().toString(QDate(day.year, day.month, day.day),
                              QLocale.FormatType.LongFormat)


def short_date(day: date | None) -> str:
    if day is None:
        return ""
    return QLocale().toString(QDate(day.year, day.month, day.day),
                              QLocale.FormatType.ShortFormat)


def number_text(value: int) -> str:
    return QLocale().toString(value)


def heading(text: str = "") -> QLabel:
    """A page title: larger, bold, selectable, wrapping."""
    label = QLabel(text)
    font = QFont(label.font())
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * 1.35)
    else:
        font.setPixelSize(round(font.pixelSize() * 1.35))
    font.setBold(True)
    label.setFont(font)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def add_field(grid: QGridLayout, row: int, column: int, text: str, field: QWidget | QLayout,
              buddy: QWidget | None = None, row_span: int = 1, column_span: int = 1) -> QLabel:
    """Put a label (with its mnemonic's buddy) and a field in a two-column form grid."""
    label = QLabel(text)
    target = buddy if buddy is not None else field
    if isinstance(target, QWidget):
        label.setBuddy(target)
    alignment = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    if isinstance(field, QPlainTextEdit):
        label.setAlignment(alignment)
        label.setContentsMargins(0, 4, 0, 0)
    grid.addWidget(label, row, column, alignment if isinstance(field, QPlainTextEdit)
                   else Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    if isinstance(field, QPlainTextEdit):  # at the top of its rows, not centred in them
        grid.addWidget(field, row, column + 1, row_span, column_span,
                       Qt.AlignmentFlag.AlignTop)
    elif isinstance(field, QWidget):
        grid.addWidget(field, row, column + 1, row_span, column_span)
    else:
        grid.addLayout(field, row, column + 1, row_span, column_span)
    return label


class SeminarTable(QTableView):
    """A table with row selection, alternate colours and the Delete key."""

    delete_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.horizontalHeader().setHighlightSections(False)
        self.setTabKeyNavigation(False)
        shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        shortcut.activated.connect(self.delete_requested)

    def selected_rows(self) -> list[int]:
        model = self.selectionModel()
        if model is None:  # no model yet (the stubs say it is never None)
            return []  # type: ignore[unreachable]
        return sorted({index.row() for index in model.selectedRows()})
