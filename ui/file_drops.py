"""Bibliographic files dropped on the window are imported.

The main window accepts drops of .bib, .bibtex, .ris, .json and .txt files
(:func:`accept_import_drag`, :func:`take_import_drop`). Over the references table, files
dropped ON a row are still attached to that reference (the table model does it); files
dropped on the table outside the rows — an empty library's table, below the last row —
are imported (:class:`TableImportDrops`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QObject, QTimer
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QAbstractItemView

IMPORT_SUFFIXES = frozenset((".bib", ".bibtex", ".ris", ".json", ".txt"))


def importable_paths(mime: QMimeData) -> list[Path]:
    """The dropped files when every one of them is a local bibliographic file, else []."""
    if not mime.hasUrls():
        return []
    urls = mime.urls()
    paths = [Path(url.toLocalFile()) for url in urls if url.isLocalFile()]
    if len(paths) != len(urls) or any(p.suffix.lower() not in IMPORT_SUFFIXES for p in paths):
        return []
    return paths


def accept_import_drag(event: QDragMoveEvent) -> bool:
    """Accept a drag (enter or move) that carries files to import; True if accepted."""
    if importable_paths(event.mimeData()):
        event.acceptProposedAction()
        return True
    return False


def take_import_drop(event: QDropEvent) -> list[Path]:
    """The files to import from a drop (accepted), or [] when it carries none."""
    paths = importable_paths(event.mimeData())
    if paths:
        event.acceptProposedAction()
    return paths


class TableImportDrops(QObject):
    """Imports the files dropped on ``view`` outside its rows; the view handles the rest.

    The view sees every drag event first (so that row drops, its drop indicator and
    auto-scroll work as before); only what it refused outside the rows is taken here.
    """

    def __init__(self, view: QAbstractItemView,
                 on_drop: Callable[[list[Path]], None]) -> None:
        super().__init__(view)
        self._view, self._on_drop = view, on_drop
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if kind not in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop):
            return False
        assert isinstance(event, QDropEvent)  # QDragEnterEvent and QDragMoveEvent are
        paths = importable_paths(event.mimeData())
        if not paths:
            return False
        view = self._view
        if isinstance(event, QDragEnterEvent):
            view.dragEnterEvent(event)
        elif isinstance(event, QDragMoveEvent):
            view.dragMoveEvent(event)
        else:
            view.dropEvent(event)
        on_row = view.indexAt(event.position().toPoint()).isValid()
        if not event.isAccepted() and not on_row:
            event.acceptProposedAction()
            if kind == QEvent.Type.Drop:  # after the event: the dialog may be modal
                QTimer.singleShot(0, lambda: self._on_drop(paths))
        return True
