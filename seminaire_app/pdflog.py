"""pypdf's warnings about the PDFs we read, kept out of the app's log while it reads them,
and the errors a damaged PDF can raise (:data:`DAMAGED_PDF_ERRORS`).

pypdf logs a WARNING for each flaw it works around in a damaged PDF (« EOF marker not
found »…). The dossier already tells the user what became of every attached file, so
inside :func:`quiet_pypdf` those records are demoted to DEBUG: still there for whoever
debugs, below the app log's level. Only the records of the threads inside the block
are touched: another thread's own use of pypdf logs as usual.
"""

from __future__ import annotations

import functools
import logging
import struct
import threading
import zlib
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pypdf
from pypdf.errors import DependencyError, PyPdfError

#: What a damaged PDF can make pypdf (or our reading of its objects) raise: every reader
#: of attached PDFs (search, dossiers) catches these and treats the file as unreadable.
DAMAGED_PDF_ERRORS = (PyPdfError, DependencyError, ValueError, KeyError, IndexError,
                      TypeError, AttributeError, AssertionError, ArithmeticError,
                      RecursionError, NotImplementedError, struct.error, zlib.error)

_lock = threading.Lock()
_quiet_threads: Counter[int] = Counter()  # thread id -> blocks it is inside


class _Demote(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if logging.DEBUG < record.levelno < logging.ERROR and record.thread in _quiet_threads:
            record.levelno, record.levelname = logging.DEBUG, "DEBUG"
        return True


_demote = _Demote()


@functools.cache
def _module_names() -> tuple[str, ...]:
    """pypdf logs under its modules' names (``logging.getLogger(__name__)``); a logger's
    filters see only its own records, not its children's, so each gets the filter."""
    root = Path(pypdf.__file__).parent
    found = {".".join(("pypdf", *path.relative_to(root).with_suffix("").parts))
             for path in root.rglob("*.py")}
    return tuple(sorted(name.removesuffix(".__init__") for name in found))


def _pypdf_loggers() -> list[logging.Logger]:
    names = set(_module_names())
    names.update(n for n in logging.root.manager.loggerDict if n.startswith("pypdf."))
    return [logging.getLogger(name) for name in sorted(names)]


@contextmanager
def quiet_pypdf() -> Iterator[None]:
    """pypdf's WARNING (and INFO) records of this thread logged at DEBUG in the block;
    blocks may nest and run on several threads at once."""
    thread = threading.get_ident()
    with _lock:
        if not _quiet_threads:
            for logger in _pypdf_loggers():
                logger.addFilter(_demote)
        _quiet_threads[thread] += 1
    try:
        yield
    finally:
        with _lock:
            _quiet_threads[thread] -= 1
            if not _quiet_threads[thread]:
                del _quiet_threads[thread]
            if not _quiet_threads:
                for logger in _pypdf_loggers():
                    logger.removeFilter(_demote)
