"""Nested collections; a reference may sit in several."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from ..domain import Changes, Collection, CollectionId
from ..errors import NotFound, ValidationError
from ..storage.library import Library
from ..storage.models import CollectionItemRow, CollectionRow
from . import lookup

SEPARATOR = "/"


def split_path(path: str) -> list[str]:
    """The names along a collection path (« ESS / Communs » → ESS, Communs), spaces
    tidied; ValidationError for an empty path or an empty name in it (« A//B »)."""
    parts = [" ".join(p.split()) for p in path.split(SEPARATOR)]
    if not path.strip() or not all(parts):
        raise ValidationError("collection", "« {path} » is not a collection path like A/B",
                              path=path)
    return parts


def _child(session: Session, parent: int | None, name: str) -> CollectionRow | None:
    return session.scalar(select(CollectionRow).where(
        CollectionRow.name == name,
        CollectionRow.parent_id.is_(None) if parent is None
        else CollectionRow.parent_id == parent))


def _find(session: Session, path: str) -> CollectionRow | None:
    parent: int | None = None
    row: CollectionRow | None = None
    for name in split_path(path):
        row = _child(session, parent, name)
        if row is None:
            return None
        parent = row.id
    return row


def ensure(session: Session, path: str) -> int:
    """The id of the collection at ``path``, created with its missing parents."""
    parent: int | None = None
    for name in split_path(path):
        row = _child(session, parent, name)
        parent = row.id if row is not None else session.scalars(
            insert(CollectionRow).returning(CollectionRow.id),
            [{"name": name, "parent_id": parent}]).one()
    assert parent is not None  # split_path gives at least one name
    return parent


def collection_row(session: Session, path: str) -> CollectionRow:
    row = _find(session, path)
    if row is None:
        raise NotFound("collection", path)
    return row


def collection_ids_under(session: Session, path: str) -> list[int]:
    """The collection at ``path`` and all its descendants."""
    root = collection_row(session, path)
    children: dict[int | None, list[int]] = defaultdict(list)
    for cid, parent in session.execute(select(CollectionRow.id, CollectionRow.parent_id)):
        children[parent].append(cid)
    out, todo = [], [root.id]
    while todo:
        cid = todo.pop()
        out.append(cid)
        todo.extend(children[cid])
    return out


def create(lib: Library, path: str) -> Collection:
    """Create the collection at ``path`` (and its missing parents); existing is fine."""
    with lib.begin() as session:
        ensure(session, path)
    lib.notify(Changes.COLLECTIONS)
    return next(c for c in list_collections(lib) if c.path == SEPARATOR.join(split_path(path)))


def delete_collection(lib: Library, path: str) -> None:
    """Delete a collection and its sub-collections; the references stay."""
    with lib.begin() as session:
        session.delete(collection_row(session, path))
    lib.notify(Changes.COLLECTIONS)


def add_references(lib: Library, path: str, refs: list[str | int]) -> int:
    """File references in a collection; returns how many were newly filed."""
    with lib.begin() as session:
        coll = collection_row(session, path)
        ids = {lookup.reference_row(session, r).id for r in refs}
        have = set(session.scalars(select(CollectionItemRow.reference_id)
                                   .where(CollectionItemRow.collection_id == coll.id)))
        new = ids - have
        if new:
            session.execute(insert(CollectionItemRow),
                            [{"collection_id": coll.id, "reference_id": r} for r in new])
    lib.notify(Changes.COLLECTIONS)
    return len(new)


def remove_references(lib: Library, path: str, refs: list[str | int]) -> None:
    with lib.begin() as session:
        coll = collection_row(session, path)
        ids = [lookup.reference_row(session, r).id for r in refs]
        session.execute(delete(CollectionItemRow).where(
            CollectionItemRow.collection_id == coll.id,
            CollectionItemRow.reference_id.in_(ids)))
    lib.notify(Changes.COLLECTIONS)


def list_collections(lib: Library) -> list[Collection]:
    """Every collection as a flat list in tree order, with paths and direct counts."""
    with lib.begin() as session:
        rows = session.execute(select(CollectionRow.id, CollectionRow.name,
                                      CollectionRow.parent_id)).all()
        counts: dict[int, int] = {cid: n for cid, n in session.execute(
            select(CollectionItemRow.collection_id, func.count())
            .group_by(CollectionItemRow.collection_id))}
    children: dict[int | None, list[tuple[int, str]]] = defaultdict(list)
    for cid, name, parent in rows:
        children[parent].append((cid, name))
    out: list[Collection] = []

    def walk(parent: int | None, prefix: str) -> None:
        for cid, name in sorted(children[parent], key=lambda c: c[1].casefold()):
            path = f"{prefix}{name}"
            out.append(Collection(CollectionId(cid), name,
                                  CollectionId(parent) if parent else None, path,
                                  counts.get(cid, 0)))
            walk(cid, path + SEPARATOR)

    walk(None, "")
    return out
