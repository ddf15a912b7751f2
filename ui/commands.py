"""Undoable edits: each command calls core services and keeps what it needs to invert.

Commands act on the core, not on widgets; views refresh from the library's change
notifications. Validate before ``push()``: an exception inside ``redo()`` would never
reach the caller, so every command is built from values already checked by the core
(``services.references.validate`` and friends) or from a first, direct call.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from seminaire_app.domain import Reference, ReferenceDraft
from seminaire_app.services import collections, references, snapshots, tags, workshops
from seminaire_app.storage.library import Library

from . import labels


class FunctionCommand(QUndoCommand):
    """A command from two callables: the first redo has already been done by the caller.

    The pattern « do it directly, push it done » lets the caller see the core's errors
    (``redo`` would swallow them) and keeps each command tiny.
    """

    def __init__(self, text: str, redo: Callable[[], object], undo: Callable[[], object]) -> None:
        super().__init__(text)
        self._redo, self._undo = redo, undo
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._redo()

    def undo(self) -> None:
        self._undo()


def add_reference(lib: Library, draft: ReferenceDraft) -> tuple[Reference, QUndoCommand]:
    """Add a reference now; the command deletes and restores it."""
    ref = references.add(lib, draft)
    snapshot: list[snapshots.ReferenceSnapshot] = []

    def undo() -> None:
        snapshot[:] = snapshots.delete(lib, [ref.id])

    text = QCoreApplication.translate("Undo", "New reference")
    return ref, FunctionCommand(text, lambda: snapshots.restore(lib, snapshot), undo)


def delete_references(lib: Library, ids: Sequence[int]) -> QUndoCommand:
    """Delete references now; undo restores them exactly (same ids, links and files)."""
    state = snapshots.delete(lib, list(ids))
    # Two messages rather than one « %n » plural: lupdate makes a plural of
    # QCoreApplication.translate(…, n) only when n is a literal number (it reads
    # self.tr(…, n) well), and a translator finds no plural without its numerus forms.
    count = len(ids)
    text = (QCoreApplication.translate("Undo", "Delete reference") if count == 1
            else QCoreApplication.translate("Undo", "Delete {count} references").format(
                count=count))

    def redo() -> None:
        state[:] = snapshots.delete(lib, [s.reference.id for s in state])

    return FunctionCommand(text, redo, lambda: snapshots.restore(lib, state))


def edit_reference(lib: Library, ref: Reference, changes: Mapping[str, Any]) -> QUndoCommand:
    """Change fields of a reference now; undo puts the previous values back."""
    previous: dict[str, Any] = {}
    for name in changes:
        if name == "creators":
            previous[name] = ref.creators
        elif name == "title":
            previous[name] = ref.title
        elif name == "issued":
            previous[name] = ref.issued
        elif name == "type":
            previous[name] = ref.item_type
        elif name == "citation-key":
            previous[name] = ref.citation_key
        elif name.startswith("custom."):
            previous[name] = ref.custom.get(name[7:], "")
        else:
            previous[name] = ref.fields.get(name, "")
    references.update(lib, ref.id, changes)
    names = ", ".join(labels.field(name) for name in changes)
    label = QCoreApplication.translate("Undo", "Edit {field}").format(field=names) \
        if len(changes) < 3 else QCoreApplication.translate("Undo", "Edit reference")
    return FunctionCommand(label, lambda: references.update(lib, ref.id, changes),
                           lambda: references.update(lib, ref.id, previous))


def set_tags(lib: Library, ref: Reference, wanted: Sequence[str]) -> QUndoCommand:
    """Give a reference exactly the tags ``wanted``; undo restores its previous tags."""
    before = list(ref.tags)

    def apply(names: Sequence[str]) -> None:
        current = references.get(lib, ref.id).tags
        keep = {n.casefold() for n in names}
        removed = [t for t in current if t.casefold() not in keep]
        if removed:
            tags.remove_tags(lib, ref.id, removed)
        tags.add_tags(lib, ref.id, names)

    apply(wanted)
    return FunctionCommand(QCoreApplication.translate("Undo", "Edit tags"),
                           lambda: apply(wanted), lambda: apply(before))


def file_in_collection(lib: Library, path: str, ids: Sequence[int]) -> QUndoCommand:
    """File references in a collection; undo unfiles those that were not there before."""
    already = set(references.list_ids(lib, references.ReferenceFilter(collection=path)))
    new = [i for i in ids if i not in already]
    collections.add_references(lib, path, list(new))
    return FunctionCommand(QCoreApplication.translate("Undo", "File in collection"),
                           lambda: collections.add_references(lib, path, list(new)),
                           lambda: collections.remove_references(lib, path, list(new)))


def move_reading(lib: Library, year: int, number: int, reference_id: int,
                 position: int) -> QUndoCommand:
    """Move an entry of a reading list; undo moves it back."""
    entries = workshops.reading_list(lib, year, number)
    old = next(e.position for e in entries if e.reference.id == reference_id)
    workshops.move_reading(lib, year, number, reference_id, position)
    return FunctionCommand(
        QCoreApplication.translate("Undo", "Reorder reading list"),
        lambda: workshops.move_reading(lib, year, number, reference_id, position),
        lambda: workshops.move_reading(lib, year, number, reference_id, old))


def add_reading(lib: Library, year: int, number: int, ids: Sequence[int],
                position: int | None = None) -> QUndoCommand:
    """Put references on a reading list (those not already there); undo takes them off."""
    present = {e.reference.id for e in workshops.reading_list(lib, year, number)}
    new = [i for i in ids if i not in present]

    def redo() -> None:
        for offset, rid in enumerate(new):
            workshops.add_reading(lib, year, number, rid,
                                  position=None if position is None else position + offset)

    def undo() -> None:
        for rid in new:
            workshops.remove_reading(lib, year, number, rid)

    redo()
    return FunctionCommand(QCoreApplication.translate("Undo", "Add to reading list"), redo, undo)


def remove_reading(lib: Library, year: int, number: int, reference_id: int) -> QUndoCommand:
    entry = next(e for e in workshops.reading_list(lib, year, number)
                 if e.reference.id == reference_id)
    workshops.remove_reading(lib, year, number, reference_id)
    return FunctionCommand(
        QCoreApplication.translate("Undo", "Remove from reading list"),
        lambda: workshops.remove_reading(lib, year, number, reference_id),
        lambda: workshops.add_reading(lib, year, number, reference_id, entry.role,
                                      entry.annotation, entry.position))
