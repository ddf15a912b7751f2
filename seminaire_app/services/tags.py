"""Theme tags (« Thématiques ») on references."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from .. import search
from ..domain import Changes, TagCount
from ..errors import NotFound, ValidationError
from ..storage.library import Library
from ..storage.models import ReferenceTagRow, TagRow
from . import lookup


def validate_tag(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise ValidationError("tag", "a tag cannot be empty")
    if "," in name or ";" in name:
        raise ValidationError("tag", "« {tag} »: a tag cannot hold a comma or a semicolon",
                              tag=name)
    return name


def tag_ids(session: Session, names: Iterable[str]) -> dict[str, int]:
    """Ids of tags by case-folded name, creating the missing ones.

    Tags ignore case (« économie » is the tag « Économie »): a tag of the library keeps
    its spelling; a new one is spelt as the first of ``names`` that names it.
    """
    wanted: dict[str, str] = {}
    for name in names:
        wanted.setdefault(name.casefold(), name)
    # Matched here rather than by the column's NOCASE collation, which folds ASCII only.
    found: dict[str, int] = {}
    for tid, name in session.execute(select(TagRow.id, TagRow.name).order_by(TagRow.id)):
        if name.casefold() in wanted:
            found.setdefault(name.casefold(), tid)
    for folded, name in wanted.items():
        if folded not in found:
            found[folded] = session.scalars(
                insert(TagRow).returning(TagRow.id), [{"name": name}]).one()
    return found


def add_tags(lib: Library, ref: str | int, names: Iterable[str]) -> tuple[str, ...]:
    """Tag a reference; returns its tags afterwards. Tags it already has are kept once."""
    clean = [validate_tag(n) for n in names]
    with lib.begin() as session:
        row = lookup.reference_row(session, ref)
        have = set(session.scalars(select(ReferenceTagRow.tag_id)
                                   .where(ReferenceTagRow.reference_id == row.id)))
        new = {tid for tid in tag_ids(session, clean).values() if tid not in have}
        if new:
            session.execute(insert(ReferenceTagRow),
                            [{"reference_id": row.id, "tag_id": t} for t in new])
        search.index_references(session, [row.id])
        tags = lookup.references_by_id(session, [row.id])[0].tags
    lib.notify(Changes.TAGS | Changes.REFERENCES)
    return tags


def remove_tags(lib: Library, ref: str | int, names: Iterable[str]) -> tuple[str, ...]:
    """Untag a reference; returns its tags afterwards."""
    with lib.begin() as session:
        row = lookup.reference_row(session, ref)
        ids = select(TagRow.id).where(TagRow.name.in_(list(names)))
        session.execute(delete(ReferenceTagRow).where(
            ReferenceTagRow.reference_id == row.id, ReferenceTagRow.tag_id.in_(ids)))
        search.index_references(session, [row.id])
        tags = lookup.references_by_id(session, [row.id])[0].tags
    lib.notify(Changes.TAGS | Changes.REFERENCES)
    return tags


def list_tags(lib: Library) -> list[TagCount]:
    """Every tag with the number of references carrying it, by name."""
    with lib.begin() as session:
        rows = session.execute(
            select(TagRow.name, func.count(ReferenceTagRow.reference_id))
            .outerjoin(ReferenceTagRow, ReferenceTagRow.tag_id == TagRow.id)
            .group_by(TagRow.id).order_by(func.lower(TagRow.name)))
        return [TagCount(name, count) for name, count in rows]


def rename_tag(lib: Library, old: str, new: str) -> None:
    """Rename a tag everywhere."""
    new = validate_tag(new)
    with lib.begin() as session:
        row = session.scalar(select(TagRow).where(TagRow.name == old))
        if row is None:
            raise NotFound("tag", old)
        clash = session.scalar(select(TagRow.id).where(TagRow.name == new, TagRow.id != row.id))
        if clash is not None:
            raise ValidationError("tag", "« {tag} » already exists", tag=new)
        row.name = new
        refs = list(session.scalars(select(ReferenceTagRow.reference_id)
                                    .where(ReferenceTagRow.tag_id == row.id)))
        session.flush()
        search.index_references(session, refs)
    lib.notify(Changes.TAGS | Changes.REFERENCES)
