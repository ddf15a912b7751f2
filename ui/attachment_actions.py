"""Attaching and detaching files as undoable steps, off the GUI thread.

Undo: the core deletes a stored copy that no attachment uses any more, so before a
stored file is detached a copy is kept in a temporary folder (removed when the app
quits); undo attaches that copy again, under its original name. A link is undone by
linking the same path again. Commands find their attachment by owner, content and name,
since attaching again gives a new id.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QMessageBox, QWidget

from seminaire_app.domain import Attachment, Owner
from seminaire_app.errors import SeminaireError, StorageError
from seminaire_app.filekinds import is_present
from seminaire_app.progress import Progress
from seminaire_app.services import attachments
from seminaire_app.storage.library import Library

from .commands import FunctionCommand
from .errors import describe
from .markdown_editor import _show_error
from .tasks import Task, TaskRunner

# --- temporary folders: copies kept for undo, copies opened in other applications ----------
_folders: dict[str, Path] = {}
_folders_lock = threading.Lock()  # worker threads copy files out too


def session_folder(purpose: str) -> Path:
    """A folder of this session's temporary files, removed when the app quits."""
    with _folders_lock:
        folder = _folders.get(purpose)
        if folder is None or not folder.is_dir():
            folder = Path(tempfile.mkdtemp(prefix=f"seminaire-{purpose}-"))
            _folders[purpose] = folder
            atexit.register(shutil.rmtree, folder, True)
    return folder


def copy_out(source: Path, purpose: str, name: str, hard_link: bool = False) -> Path:
    """Copy ``source`` to a fresh temporary folder under ``name``.

    With ``hard_link`` a hard link is tried first (instant, no space): only for files
    nobody changes, since the link shares the library's copy.
    """
    try:
        target = Path(tempfile.mkdtemp(dir=session_folder(purpose))) / name
        try:
            if not hard_link:
                raise OSError("copy wanted")
            os.link(source, target)
        except OSError:
            shutil.copyfile(source, target)
    except OSError as exc:
        raise StorageError(QCoreApplication.translate(
            "Attachments", "cannot copy {name}: {reason}").format(
                name=name, reason=exc.strerror or exc)) from exc
    return target


# --- undoable attach and detach -------------------------------------------------------------
@dataclass(frozen=True)
class AttachmentKey:
    """An attachment as undo finds it again: attaching anew gives it a new id."""

    owner: Owner
    sha256: str
    filename: str
    stored: bool

    @classmethod
    def of(cls, att: Attachment) -> AttachmentKey:
        return cls(att.owner, att.sha256, att.filename, att.stored)

    def find(self, lib: Library) -> Attachment | None:
        for att in reversed(attachments.list_for(lib, self.owner)):  # the newest first
            if (att.sha256, att.filename, att.stored) == (self.sha256, self.filename,
                                                          self.stored):
                return att
        return None


@dataclass(frozen=True)
class Gone:
    """A detached attachment and the file to attach again (None: nothing to attach)."""

    key: AttachmentKey
    source: Path | None


def detach_keeping(lib: Library, att: Attachment) -> Gone:
    """Detach ``att``, first keeping a copy of its stored file for undo."""
    source: Path | None = Path(att.path)
    if att.stored:
        source = (copy_out(Path(att.path), "undo", att.filename, hard_link=True)
                  if is_present(Path(att.path)) else None)
    attachments.detach(lib, att.id)
    return Gone(AttachmentKey.of(att), source)


def restore(lib: Library, gone: Gone) -> None:
    if gone.source is not None:
        attachments.attach(lib, gone.key.owner, gone.source, link=not gone.key.stored)


def attached_command(lib: Library, attached: Sequence[Attachment]) -> QUndoCommand:
    """Files already attached; undo detaches them, redo attaches them again."""
    keys = [AttachmentKey.of(att) for att in attached]
    gone: list[Gone] = []

    def undo() -> None:
        found = [key.find(lib) for key in keys]
        gone[:] = [detach_keeping(lib, att) for att in found if att is not None]

    def redo() -> None:
        for item in gone:
            restore(lib, item)
        gone.clear()

    if len(keys) == 1:
        text = QCoreApplication.translate("Undo", "Add attachment")
    else:
        # Not a « %n » plural: see commands.delete_references.
        text = QCoreApplication.translate("Undo", "Add {count} attachments").format(
            count=len(keys))
    return FunctionCommand(text, redo, undo)


def removed_command(lib: Library, gone: Gone) -> QUndoCommand:
    """An attachment already detached; undo attaches it again."""
    state = [gone]

    def redo() -> None:
        att = gone.key.find(lib)
        state[:] = [detach_keeping(lib, att)] if att is not None else []

    def undo() -> None:
        for item in state:
            restore(lib, item)
        state.clear()

    return FunctionCommand(QCoreApplication.translate("Undo", "Remove attachment"), redo, undo)


@dataclass(frozen=True)
class AttachResult:
    attached: list[Attachment]
    failed: list[tuple[Path, SeminaireError]]  # the path and what went wrong


def attach_op(owner: Owner, paths: Sequence[Path],
               link: bool) -> Callable[[Library, Progress], AttachResult]:
    def op(lib: Library, progress: Progress) -> AttachResult:
        attached: list[Attachment] = []
        failed: list[tuple[Path, SeminaireError]] = []
        for done, path in enumerate(paths):
            if progress.cancelled():  # keep what is attached: it goes on the undo stack
                break
            progress.report(done, len(paths), path.name)
            try:
                attached.append(attachments.attach(lib, owner, path, link=link))
            except SeminaireError as exc:
                failed.append((path, exc))
            except OSError as exc:  # the core wraps most; a stat() may still fail
                failed.append((path, StorageError(QCoreApplication.translate(
                    "Attachments", "cannot read {path}: {reason}").format(
                        path=path, reason=exc.strerror))))
        progress.report(len(paths), len(paths))
        return AttachResult(attached, failed)

    return op


def attach_files(library: Library, runner: TaskRunner, undo_stack: QUndoStack, owner: Owner,
                 paths: Sequence[Path | str], parent: QWidget | None,
                 link: bool = False) -> Task[AttachResult] | None:
    """Attach ``paths`` to ``owner`` on the writer thread, then push one undo step.

    Files that cannot be attached are listed in a message; the others are attached.
    """
    files = [Path(p) for p in paths]
    if not files:
        return None

    def done(result: AttachResult) -> None:
        if result.attached:
            undo_stack.push(attached_command(library, result.attached))
        if result.failed:
            show_failures(parent, result.failed)

    if len(files) == 1:
        label = QCoreApplication.translate("Attachments", "Attaching a file…")
    else:
        # Not a « %n » plural: see commands.delete_references.
        label = QCoreApplication.translate("Attachments", "Attaching {count} files…").format(
            count=len(files))
    return runner.run(attach_op(owner, files, link), done,
                      lambda exc: _show_error(parent, exc), write=True, label=label,
                      parent=parent)


def show_failures(parent: QWidget | None, failed: list[tuple[Path, SeminaireError]]) -> None:
    line = QCoreApplication.translate("Attachments", "• {file}: {reason}")
    lines = "\n".join(line.format(file=path.name, reason=describe(why)) for path, why in failed)
    title = QCoreApplication.translate("Attachments", "Files not attached")
    text = QCoreApplication.translate(
        "Attachments", "These files could not be attached:\n{files}\n\n"
        "Check that they exist and that you can read them.").format(files=lines)
    QMessageBox.warning(parent, title, text)
