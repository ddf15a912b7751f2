"""Long work off the GUI thread: one writer thread, a small pool for reads.

Every operation is a plain function ``op(library, progress) -> result`` over the core.
Results come back to the GUI thread through a queued signal; a progress dialog (shown
only when work lasts) polls the operation's :class:`ProgressSink` every 100 ms, and its
Cancel button makes ``progress.cancelled()`` true so the core raises ``Cancelled``,
which is never shown as an error.

Signals of :class:`TaskRunner`: ``busy_changed(bool)``.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from seminaire_app.errors import Cancelled
from seminaire_app.progress import Progress
from seminaire_app.storage.library import Library

log = logging.getLogger(__name__)
T = TypeVar("T")


class ProgressSink:
    """Thread-safe progress of one operation (implements the core's Progress)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._done = 0
        self._total = 0
        self._label = ""
        self._cancel = threading.Event()

    def report(self, done: int, total: int, label: str = "") -> None:
        with self._lock:
            self._done, self._total, self._label = done, total, label

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def snapshot(self) -> tuple[int, int, str]:
        with self._lock:
            return self._done, self._total, self._label


@dataclass
class Task(Generic[T]):
    """A running operation, as the GUI sees it."""

    label: str
    progress: ProgressSink
    future: Future[T]

    def cancel(self) -> None:
        self.progress.cancel()


class _Delivery(QObject):
    """Lives in the GUI thread; worker threads emit, Qt queues the call to the GUI."""

    finished = Signal(object, object)  # (callback, argument)

    def __init__(self) -> None:
        super().__init__()
        self.finished.connect(self._on_finished, Qt.ConnectionType.QueuedConnection)

    @Slot(object, object)
    def _on_finished(self, callback: Callable[[Any], None], value: object) -> None:
        callback(value)


class TaskRunner(QObject):
    """Runs core operations for one library without blocking the window."""

    busy_changed = Signal(bool)

    def __init__(self, library: Library, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="seminaire-write")
        self._readers = ThreadPoolExecutor(max_workers=2, thread_name_prefix="seminaire-read")
        self._delivery = _Delivery()
        self._running = 0
        self._closed = False

    def run(self, op: Callable[[Library, Progress], T], on_success: Callable[[T], None],
            on_error: Callable[[BaseException], None] | None = None, *, write: bool = False,
            label: str = "", parent: QWidget | None = None) -> Task[T]:
        """Start ``op``; ``on_success``/``on_error`` run later in the GUI thread.

        Writes go one at a time, in order, on the writer thread. With a ``parent``, a
        progress dialog with Cancel appears if the work lasts more than half a second.
        """
        sink = ProgressSink()
        pool = self._writer if write else self._readers
        future: Future[T] = pool.submit(op, self.library, sink)
        task = Task(label, sink, future)
        self._set_running(+1)
        dialog = _ProgressDialog(task, parent) if parent is not None else None

        def done(fut: Future[T]) -> None:
            self._delivery.finished.emit(finish, fut)

        def finish(fut: Future[T]) -> None:
            if self._closed:  # the window is gone: nobody is left to tell
                return
            self._set_running(-1)
            if dialog is not None:
                dialog.finish()
            if fut.cancelled():
                return
            error = fut.exception()
            if error is None:
                on_success(fut.result())
            elif isinstance(error, Cancelled):
                log.info("%s cancelled", label or "task")
            elif on_error is not None:
                on_error(error)
            else:
                raise error  # reaches sys.excepthook: logged and reported

        future.add_done_callback(done)
        return task

    def _set_running(self, delta: int) -> None:
        was_busy = self._running > 0
        self._running += delta
        if was_busy != (self._running > 0):
            self.busy_changed.emit(self._running > 0)

    @property
    def busy(self) -> bool:
        return self._running > 0

    def shutdown(self) -> None:
        """Wait for running work (writes must finish) and stop the threads; results that
        arrive later are dropped, since the widgets they were for are going away."""
        self._closed = True
        self._readers.shutdown(wait=True, cancel_futures=True)
        self._writer.shutdown(wait=True)


class _ProgressDialog(QProgressDialog):
    """Polls the task's progress every 100 ms; Cancel asks the task to stop."""

    def __init__(self, task: Task[Any], parent: QWidget) -> None:
        super().__init__(task.label, self.tr("Cancel"), 0, 0, parent)
        self._task = task
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumDuration(500)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.canceled.connect(task.cancel)
        self._timer = QTimer(self)
        self._timer.setInterval(100)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._timer.start()

    @Slot()
    def _on_timer_timeout(self) -> None:
        done, total, label = self._task.progress.snapshot()
        if total:
            self.setMaximum(total)
            self.setValue(min(done, total))
        if label:
            self.setLabelText(f"{self._task.label}\n{label}" if self._task.label else label)

    def finish(self) -> None:
        self._timer.stop()
        self.reset()
        self.hide()
        self.deleteLater()
