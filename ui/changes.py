"""Library change notifications, delivered on the GUI thread.

Operations commit on worker threads too, so the library's listeners are called through
a dispatcher that queues each call to the GUI thread (``install``). Widgets subscribe
with :func:`subscribe`, which also unsubscribes them when they are destroyed.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal, Slot

from seminaire_app.domain import Changes
from seminaire_app.storage.library import Library


class _Dispatcher(QObject):
    call = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.call.connect(self._on_call, Qt.ConnectionType.QueuedConnection)

    @Slot(object)
    def _on_call(self, call: Callable[[], None]) -> None:
        call()


_dispatchers: dict[int, _Dispatcher] = {}


def install(library: Library) -> None:
    """Deliver ``library``'s notifications in the GUI thread (call from the GUI thread)."""
    dispatcher = _Dispatcher()
    _dispatchers[id(library)] = dispatcher
    library.set_dispatcher(dispatcher.call.emit)


def subscribe(library: Library, widget: QObject, method: Callable[[Changes], None]) -> None:
    """Call ``method(changes)`` after each change until ``widget`` is destroyed.

    ``method`` is held weakly when bound to the widget, so that a notification never
    reaches a deleted C++ object.
    """
    ref = weakref.WeakMethod(method) if hasattr(method, "__self__") else (lambda: method)
    alive = [True]

    def listener(changes: Changes) -> None:
        target = ref()
        if alive[0] and target is not None:
            target(changes)

    def gone() -> None:
        alive[0] = False
        library.unsubscribe(listener)

    library.subscribe(listener)
    widget.destroyed.connect(gone)
