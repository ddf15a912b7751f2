"""Telling users what went wrong, in their language, and what to do next.

Expected errors of the core (:class:`SeminaireError`) become a translated message.
Anything else is a bug: it is logged with its traceback and shown with the log's path,
and the app keeps running (``install_excepthook``).
"""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from seminaire_app.errors import NotFound, SeminaireError, StorageError, ValidationError

from . import core_messages, labels

log = logging.getLogger(__name__)


def field_name(field: str) -> str:
    """The translated name of a field the core names in a ValidationError: a field of
    :data:`labels.FIELDS`, else a creator role (« author » in a name list)."""
    if field not in labels.FIELDS and field in labels.CREATOR_ROLES:
        return labels.creator_role(field)
    return labels.field(field)


def core_message(error: ValidationError) -> str:
    """The error's sentence in the user's language: its template translated, then filled.

    A translation whose placeholders do not fit the parameters falls back to English
    rather than failing while an error is being reported."""
    translated = QCoreApplication.translate(core_messages.CONTEXT, error.template)
    try:
        return translated.format(**error.params)
    except (KeyError, IndexError, ValueError):
        log.warning("the translation of « %s » does not fit %s", error.template, error.params)
        return error.message


def describe(error: BaseException) -> str:
    """One or two sentences for the user."""
    if isinstance(error, NotFound):
        return QCoreApplication.translate(
            "Errors", "This {kind} no longer exists (“{key}”). It may have been deleted; "
            "the view has been refreshed.").format(kind=labels.kind(error.kind),
                                                   key=error.key)
    if isinstance(error, ValidationError):
        return QCoreApplication.translate("Errors", "{field}: {message}").format(
            field=field_name(error.field), message=core_message(error))
    if isinstance(error, StorageError):
        return QCoreApplication.translate(
            "Errors", "The library could not be read or written: {detail}\n"
            "Check that the disk is not full and that the files are accessible, "
                  "then try again.").format(detail=str(error))
    if isinstance(error, SeminaireError):
        return str(error)
    return QCoreApplication.translate("Errors", "Unexpected error: {detail}").format(
        detail=str(error))


def show_error(parent: QWidget | None, error: BaseException) -> None:
    """Show an expected error; bugs go to :func:`report_bug`."""
    if not isinstance(error, SeminaireError):
        report_bug(type(error), error, error.__traceback__)
        return
    log.info("user error: %s", error)
    QMessageBox.warning(parent, QCoreApplication.translate("Errors", "Séminaire"), describe(error))


_log_path: Path | None = None


def report_bug(kind: type[BaseException], error: BaseException,
               tb: TracebackType | None) -> None:
    """Log an unexpected error and tell the user where the log is; the app goes on."""
    log.error("unexpected error", exc_info=(kind, error, tb))
    if QApplication.instance() is None:
        traceback.print_exception(kind, error, tb)
        return
    box = QMessageBox(QMessageBox.Icon.Critical, QCoreApplication.translate("Errors", "Séminaire"),
                      QCoreApplication.translate(
                          "Errors", "Something went wrong: {detail}\n\nYour library is safe: "
                          "the last completed action was saved. The details are in the log "
                          "file:\n{path}").format(detail=str(error) or kind.__name__,
                                          path=str(_log_path or "")))
    box.setDetailedText("".join(traceback.format_exception(kind, error, tb)))
    box.exec()


def install_excepthook(log_path: Path) -> None:
    global _log_path
    _log_path = log_path

    def hook(kind: type[BaseException], error: BaseException,
             tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        if isinstance(error, SeminaireError):
            show_error(QApplication.activeWindow(), error)
            return
        report_bug(kind, error, tb)

    sys.excepthook = hook
