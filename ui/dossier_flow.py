"""Seminar → Dossiers…: what can be chosen is fetched on a worker, then the dialog opens.

This module is what the main window imports: the dialog, and with it ReportLab, is
loaded only when the menu is first used.

Signals of :class:`DossierFlow`: ``dialog_opened(DossierDialog)``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QWidget

from seminaire_app.domain import Collection, Edition, Registration, TagCount, Workshop
from seminaire_app.progress import Progress
from seminaire_app.services import collections, editions, participants, tags, workshops
from seminaire_app.storage.library import Library

from .errors import show_error
from .settings import Settings
from .sidebar import Place
from .tasks import TaskRunner

if TYPE_CHECKING:
    from .dossier_dialog import DossierDialog


@dataclass(frozen=True)
class DossierChoices:
    """What can be chosen, fetched from the core in one go before the dialog opens."""

    editions: list[Edition]
    workshops: dict[int, list[Workshop]]
    registrations: dict[int, list[Registration]]
    tags: list[TagCount]
    collections: list[Collection]


def load_choices(lib: Library, _progress: Progress) -> DossierChoices:
    years = editions.list_editions(lib)
    return DossierChoices(years, {e.year: workshops.list_workshops(lib, e.year) for e in years},
                          {e.year: participants.registrations(lib, e.year) for e in years},
                          tags.list_tags(lib), collections.list_collections(lib))


@dataclass(frozen=True)
class DossierContext:
    """What the main window shows when the dialog opens: it preselects the options."""

    year: int | None = None
    workshop: int | None = None
    tag: str = ""
    collection: str = ""
    selected: tuple[int, ...] = field(default=())


def context_for(place: Place | None, selected: Sequence[int] = ()) -> DossierContext:
    """The context of a sidebar place, with the references selected in the table."""
    if place is None:
        return DossierContext(selected=tuple(selected))
    if place.kind == "workshop":
        return DossierContext(year=place.year, workshop=place.number)
    if place.kind in ("edition", "participants", "programme"):
        return DossierContext(year=place.year)
    return DossierContext(tag=place.name if place.kind == "tag" else "",
                          collection=place.name if place.kind == "collection" else "",
                          selected=tuple(selected))


class DossierFlow(QObject):
    """Opens one dossier dialog at a time, over the window ``parent``."""

    dialog_opened = Signal(object)

    def __init__(self, library: Library, runner: TaskRunner, settings: Settings,
                 parent: QWidget) -> None:
        super().__init__(parent)
        self.library, self.runner, self.settings = library, runner, settings
        self._window = parent
        self.dialog: DossierDialog | None = None

    def open(self, context: DossierContext) -> None:
        if self.dialog is not None:
            self.dialog.raise_()
            self.dialog.activateWindow()
            return
        self.runner.run(load_choices, lambda choices: self._on_choices_loaded(choices, context),
                        lambda error: show_error(self._window, error))

    def _on_choices_loaded(self, choices: DossierChoices, context: DossierContext) -> None:
        from .dossier_dialog import DossierDialog

        dialog = DossierDialog(self.library, self.runner, self.settings, choices, context,
                               self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._on_dialog_finished)
        self.dialog = dialog
        dialog.open()
        self.dialog_opened.emit(dialog)

    @Slot(int)
    def _on_dialog_finished(self, _result: int) -> None:
        self.dialog = None
