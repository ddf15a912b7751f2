"""What the dossier dialog runs on workers, and what it remembers between runs.

:func:`build` calls the core's builders with the dialog's :class:`Output`; the core's
names of its steps (« layout »…) reach the progress dialog in words. Options are kept
as JSON in the settings' layout store (:func:`remember`, :func:`remembered`).
"""

from __future__ import annotations

import json
import logging
import os
import secrets
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QCoreApplication

from seminaire_app import dossiers
from seminaire_app.dossiers import DossierReport, DossierRequest
from seminaire_app.errors import Cancelled, StorageError
from seminaire_app.progress import Progress
from seminaire_app.storage.library import Library

from .settings import Settings

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Output:
    """Where a build writes: one file, or a folder of packs and perhaps one PDF of all."""

    path: Path | None = None
    folder: Path | None = None
    combined: Path | None = None


def step_words() -> dict[str, str]:
    """The core's names of its steps, in words (translate in the GUI thread)."""
    return {"gathering": QCoreApplication.translate("DossierBuild", "Gathering the content…"),
            "bibliography": QCoreApplication.translate("DossierBuild",
                                                       "Formatting the references…"),
            "attachments": QCoreApplication.translate("DossierBuild",
                                                      "Reading the attached files…"),
            "layout": QCoreApplication.translate("DossierBuild", "Laying out the pages…"),
            "appending": QCoreApplication.translate("DossierBuild",
                                                    "Appending the attached PDFs…"),
            "participants": QCoreApplication.translate("DossierBuild",
                                                       "Personalising the copies…"),
            "combining": QCoreApplication.translate("DossierBuild",
                                                    "Putting all the copies in one PDF…")}


class _WordedProgress:
    """Passes the core's progress on, with its step names (« layout »…) in words."""

    def __init__(self, progress: Progress, words: dict[str, str]) -> None:
        self._progress, self._words = progress, words

    def report(self, done: int, total: int, label: str = "") -> None:
        self._progress.report(done, total, self._words.get(label, label))

    def cancelled(self) -> bool:
        return self._progress.cancelled()


def build(lib: Library, request: DossierRequest, output: Output, progress: Progress,
          words: dict[str, str] | None = None) -> DossierReport | None:
    """Build on a worker; None when the user cancelled (nothing is left on disk)."""
    progress = _WordedProgress(progress, words or {})
    try:
        if output.path is None:
            return dossiers.build_per_participant(lib, request, output.folder,
                                                  output.combined, progress)
        return dossiers.build_dossier(lib, request, output.path, progress)
    except Cancelled:
        return None


def copy_atomically(source: Path, target: Path) -> None:
    """Copy through a temporary file in the target's folder and a rename."""
    temporary = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
    try:
        shutil.copyfile(source, temporary)
        os.replace(temporary, target)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise StorageError(f"cannot write « {target} »: {exc.strerror or exc}") from exc


def remembered(settings: Settings, key: str) -> dict[str, Any]:
    """What :func:`remember` kept under ``key``; empty when nothing (readable) was."""
    state = settings.state(key)
    if state is None:
        return {}
    try:
        saved = json.loads(bytes(state.data()).decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        log.warning("forgetting unreadable dossier options")
        return {}
    return saved if isinstance(saved, dict) else {}


def remember(settings: Settings, key: str, values: dict[str, Any]) -> None:
    """Keep ``values`` (JSON) under ``key``, over what was kept there before."""
    saved = {**remembered(settings, key), **values}
    settings.set_state(key, QByteArray(json.dumps(saved).encode("utf-8")))
