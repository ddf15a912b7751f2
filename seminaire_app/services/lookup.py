"""Finding rows from what users type, and turning rows into domain objects."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Row, func, select
from sqlalchemy.orm import Session

from ..domain import (
    Creator,
    Edition,
    EditionId,
    Owner,
    OwnerKind,
    Reference,
    ReferenceId,
    Workshop,
    WorkshopId,
)
from ..errors import NotFound, ValidationError
from ..storage.models import (
    AttachmentRow,
    CreatorRow,
    EditionRow,
    ReferenceRow,
    ReferenceTagRow,
    TagRow,
    WorkshopRow,
)


def reference_row(session: Session, ref: str | int) -> ReferenceRow:
    """A reference by citation key, or by id (an int, or digits)."""
    row: ReferenceRow | None
    if isinstance(ref, int) or (isinstance(ref, str) and ref.strip().isdigit()):
        row = session.get(ReferenceRow, int(ref))
    else:
        row = session.scalar(select(ReferenceRow).where(ReferenceRow.citation_key == ref.strip()))
    if row is None:
        raise NotFound("reference", ref)
    return row


def edition_row(session: Session, year: int) -> EditionRow:
    row = session.scalar(select(EditionRow).where(EditionRow.year == year))
    if row is None:
        raise NotFound("edition", year)
    return row


def workshop_row(session: Session, year: int, number: int) -> WorkshopRow:
    row = session.scalar(
        select(WorkshopRow).join(EditionRow, EditionRow.id == WorkshopRow.edition_id)
        .where(EditionRow.year == year, WorkshopRow.number == number))
    if row is None:
        raise NotFound("workshop", f"{year}/{number}")
    return row


def parse_workshop_ref(text: str) -> tuple[int, int]:
    """« 2017/3 » → (2017, 3)."""
    year, sep, number = text.strip().partition("/")
    if not sep or not year.isdigit() or not number.isdigit():
        raise ValidationError("workshop", "« {text} » is not a workshop like 2017/3", text=text)
    return int(year), int(number)


def owner_columns(owner: Owner) -> dict[str, int | None]:
    return {
        "reference_id": owner.id if owner.kind == "reference" else None,
        "edition_id": owner.id if owner.kind == "edition" else None,
        "workshop_id": owner.id if owner.kind == "workshop" else None,
    }


def owner_of(row: AttachmentRow | object) -> Owner:
    kinds: tuple[OwnerKind, ...] = ("reference", "edition", "workshop")
    for kind in kinds:
        value = getattr(row, f"{kind}_id")
        if value is not None:
            return Owner(kind, value)
    raise AssertionError("row without an owner despite the one_owner constraint")


def check_owner(session: Session, owner: Owner) -> None:
    model = {"reference": ReferenceRow, "edition": EditionRow, "workshop": WorkshopRow}[owner.kind]
    if session.get(model, owner.id) is None:
        raise NotFound(owner.kind, owner.id)


def creator_of(row: CreatorRow | Row[Any]) -> Creator:
    return Creator(role=row.role, family=row.family, given=row.given,
                   dropping_particle=row.dropping_particle,
                   non_dropping_particle=row.non_dropping_particle,
                   suffix=row.suffix, literal=row.literal)


def references_by_id(session: Session, ids: Sequence[int]) -> list[Reference]:
    """Domain references for ``ids``, in that order, in four queries whatever their number."""
    if not ids:
        return []
    # Plain rows, not ORM objects: a table's page of 100 comes back in a few ms.
    wanted = list(dict.fromkeys(ids))
    reference_table, creator_table = ReferenceRow.__table__, CreatorRow.__table__
    rows = {r.id: r for r in session.execute(
        select(reference_table).where(reference_table.c.id.in_(wanted)))}
    creators: dict[int, list[Creator]] = defaultdict(list)
    for crow in session.execute(
            select(creator_table).where(creator_table.c.reference_id.in_(wanted))
            .order_by(creator_table.c.reference_id, creator_table.c.position)):
        creators[crow.reference_id].append(creator_of(crow))
    tags: dict[int, list[str]] = defaultdict(list)
    for rid, name in session.execute(
            select(ReferenceTagRow.reference_id, TagRow.name)
            .join(TagRow, TagRow.id == ReferenceTagRow.tag_id)
            .where(ReferenceTagRow.reference_id.in_(wanted)).order_by(TagRow.name)):
        tags[rid].append(name)
    counts: dict[int, int] = {rid: n for rid, n in session.execute(
        select(AttachmentRow.reference_id, func.count())
        .where(AttachmentRow.reference_id.in_(wanted)).group_by(AttachmentRow.reference_id))
        if rid is not None}
    return [_reference(rows[i], creators[i], tags[i], counts.get(i, 0))
            for i in wanted if i in rows]


def _reference(row: Row[Any], creators: Iterable[Creator], tags: Iterable[str],
               attachments: int) -> Reference:
    fields = dict(row.fields)
    if row.container_title:
        fields["container-title"] = row.container_title
    return Reference(
        id=ReferenceId(row.id), citation_key=row.citation_key, item_type=row.item_type,
        title=row.title, creators=tuple(creators), issued=row.issued,
        fields=dict(sorted(fields.items())), custom=dict(row.custom), tags=tuple(tags),
        attachment_count=attachments, date_added=row.date_added,
        date_modified=row.date_modified)


def edition_of(row: EditionRow) -> Edition:
    return Edition(id=EditionId(row.id), year=row.year, title=row.title, theme=row.theme,
                   start_date=row.start_date, end_date=row.end_date, venue=row.venue,
                   organisers=tuple(row.organisers))


def workshop_of(row: WorkshopRow, year: int) -> Workshop:
    return Workshop(id=WorkshopId(row.id), edition_id=EditionId(row.edition_id), year=year,
                    number=row.number, title=row.title, description=row.description,
                    facilitators=tuple(row.facilitators), room=row.room,
                    capacity=row.capacity)
