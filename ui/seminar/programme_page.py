"""The programme of an edition, day by day: « jeudi 23 novembre 2017 », then
« 09:30–10:30 · Salle 101 · title (Workshop 2) ». Items are added with a dialog and
deleted with the Delete key or a button; both are undoable.

Signals of :class:`ProgrammePage`: none.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, QSize, Qt, QTime, Slot
from PySide6.QtGui import QFont, QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from seminaire_app.domain import Changes, Edition, ProgrammeItem, Workshop
from seminaire_app.errors import NotFound
from seminaire_app.services import editions, programme, workshops
from seminaire_app.storage.library import Library

from ..tasks import TaskRunner
from . import commands
from .common import ChangeWatcher, guarded, heading, long_date, one_step
from .programme_dialog import ProgrammeItemDialog

ITEM_ID_ROLE = Qt.ItemDataRole.UserRole + 1
_WATCHED = Changes.PROGRAMME | Changes.WORKSHOPS | Changes.EDITIONS
_WORKSHOP_SUFFIX = QT_TRANSLATE_NOOP("ProgrammePage", "{title} (Workshop {n})")


def time_text(hhmm: str) -> str:
    """« 09:30 » in the user's locale (« 9:30 AM » in the United States)."""
    time = QTime.fromString(hhmm, "HH:mm")
    if not time.isValid():
        return hhmm
    return QLocale().toString(time, QLocale.FormatType.ShortFormat)


def item_text(item: ProgrammeItem) -> str:
    """« 09:30–10:30 · Salle 101 · Accueil (Workshop 2) »."""
    title = item.title
    if item.workshop_number is not None:
        title = QCoreApplication.translate("ProgrammePage", str(_WORKSHOP_SUFFIX)).format(
            title=title, n=item.workshop_number)
    parts = [f"{time_text(item.start)}–{time_text(item.end)}", item.room, title]
    return " · ".join(p for p in parts if p)


def edition_days(edition: Edition, items: list[ProgrammeItem]) -> list[date]:
    """The days an item can be on: the edition's, and any day already used."""
    days = {item.day for item in items}
    if edition.start_date is not None:
        end = edition.end_date or edition.start_date
        day = edition.start_date
        while day <= end and len(days) < 60:
            days.add(day)
            day += timedelta(days=1)
    return sorted(days)


class ProgrammePage(QWidget):
    def __init__(self, library: Library, runner: TaskRunner, undo_stack: QUndoStack,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library, self.runner, self.undo_stack = library, runner, undo_stack
        self.year: int | None = None
        self.edition: Edition | None = None
        self.items: list[ProgrammeItem] = []
        self._workshops: list[Workshop] = []
        self.dialog: ProgrammeItemDialog | None = None
        self.title_label = heading()
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setAccessibleName(self.tr("Programme"))
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.tree)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.delete_selected)
        self.empty = QLabel(self.tr("No programme yet: add its first item."))
        self.empty.setEnabled(False)
        self.add_button = QPushButton(self.tr("&Add item…"))
        self.add_button.clicked.connect(self.add_item)
        self.delete_button = QPushButton(self.tr("&Delete"))
        self.delete_button.clicked.connect(self.delete_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addWidget(self.empty)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        self._watcher = ChangeWatcher(library, self, _WATCHED, self.refresh)
        self._update_buttons()

    def show_edition(self, year: int) -> None:
        """Show the programme of the edition of ``year``."""
        self.year = year
        self.refresh()

    def refresh(self) -> None:
        if self.year is None:
            return
        try:
            self.edition = editions.get(self.library, self.year)
            self.items = programme.list_items(self.library, self.year)
            self._workshops = workshops.list_workshops(self.library, self.year)
        except NotFound:
            self.edition, self.items, self._workshops = None, [], []
            self.title_label.setText(self.tr("Edition {year} no longer exists.").format(
                year=self.year))
        else:
            self.title_label.setText(self.tr("Programme — edition {year}").format(
                year=self.year))
        self._fill()
        self._update_buttons()

    def _fill(self) -> None:
        selected = {i.data(0, ITEM_ID_ROLE) for i in self.tree.selectedItems()}
        self.tree.clear()
        bold = QFont(self.tree.font())
        bold.setBold(True)
        line = self.tree.fontMetrics().height()
        day_size, item_size = QSize(0, line * 2 + 4), QSize(0, line + 8)  # 0: any width
        day_item: QTreeWidgetItem | None = None
        current_day: date | None = None
        for item in self.items:
            if item.day != current_day or day_item is None:
                current_day = item.day
                day_item = QTreeWidgetItem([long_date(item.day)])
                day_item.setFont(0, bold)
                day_item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                day_item.setSizeHint(0, day_size)  # some air above each day
                day_item.setTextAlignment(0, Qt.AlignmentFlag.AlignLeft
                                          | Qt.AlignmentFlag.AlignBottom)
                self.tree.addTopLevelItem(day_item)
            child = QTreeWidgetItem([item_text(item)])
            child.setData(0, ITEM_ID_ROLE, item.id)
            child.setToolTip(0, item.title)
            child.setSizeHint(0, item_size)
            day_item.addChild(child)
            child.setSelected(item.id in selected)
        self.tree.expandAll()
        self.empty.setVisible(self.edition is not None and not self.items)

    def selected_ids(self) -> list[int]:
        return [int(i.data(0, ITEM_ID_ROLE)) for i in self.tree.selectedItems()
                if i.data(0, ITEM_ID_ROLE) is not None]

    @Slot()
    def _update_buttons(self) -> None:
        self.add_button.setEnabled(self.edition is not None)
        self.delete_button.setEnabled(bool(self.selected_ids()))

    @Slot()
    def add_item(self) -> None:
        """Open the « Add item » dialog (kept in ``dialog`` while open)."""
        edition, year = self.edition, self.year
        if edition is None or year is None:
            return
        dialog = ProgrammeItemDialog(edition_days(edition, self.items), self._workshops,
                                     sorted({i.room for i in self.items if i.room}), self)

        def submit() -> bool:
            request = dialog.request(edition.id)
            return guarded(dialog, lambda: self.undo_stack.push(
                commands.add_programme_item(self.library, year, request)[1]))

        dialog.submit = submit
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()

    @Slot()
    def delete_selected(self) -> None:
        """Delete the selected items (undoable: no confirmation needed)."""
        ids = self.selected_ids()
        if not ids:
            return

        def delete() -> None:
            for item_id in ids:
                self.undo_stack.push(commands.delete_programme_item(self.library, item_id))

        guarded(self, lambda: one_step(self.undo_stack, self.tr(
            "Delete %n programme item(s)", "", len(ids)), delete))
