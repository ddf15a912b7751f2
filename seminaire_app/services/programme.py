"""The programme of an edition: dated, timed items in rooms, some of them workshops."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..dates import parse_time
from ..domain import Changes, ProgrammeItem, ProgrammeItemId
from ..errors import NotFound, ValidationError
from ..storage.library import Library
from ..storage.models import EditionRow, ProgrammeItemRow, WorkshopRow
from . import lookup


def _item(session: Session, row: ProgrammeItemRow) -> ProgrammeItem:
    number = None
    if row.workshop_id is not None:
        number = session.scalar(select(WorkshopRow.number)
                                .where(WorkshopRow.id == row.workshop_id))
    return ProgrammeItem(ProgrammeItemId(row.id), lookup.edition_of(
        session.get_one(EditionRow, row.edition_id)).id, row.day, row.start, row.end,
        row.title, row.room, number)


def add(lib: Library, year: int, day: date, start: str, end: str, title: str = "",
        room: str = "", workshop: int | None = None) -> ProgrammeItem:
    """Add an item; a workshop item takes the workshop's title when none is given."""
    start, end = parse_time(start, "start"), parse_time(end, "end")
    if end <= start:
        raise ValidationError("end", "an item must end after it starts")
    with lib.begin() as session:
        edition = lookup.edition_row(session, year)
        workshop_row = lookup.workshop_row(session, year, workshop) if workshop else None
        title = title.strip() or (workshop_row.title if workshop_row else "")
        if not title:
            raise ValidationError("title", "a programme item needs a title or a workshop")
        row = ProgrammeItemRow(edition_id=edition.id, day=day, start=start, end=end,
                               title=title, room=room.strip(),
                               workshop_id=workshop_row.id if workshop_row else None)
        session.add(row)
        session.flush()
        item = _item(session, row)
    lib.notify(Changes.PROGRAMME)
    return item


def list_items(lib: Library, year: int) -> list[ProgrammeItem]:
    """The programme in time order: by day, then start, then room."""
    with lib.begin() as session:
        edition = lookup.edition_row(session, year)
        rows = session.scalars(select(ProgrammeItemRow)
                               .where(ProgrammeItemRow.edition_id == edition.id)
                               .order_by(ProgrammeItemRow.day, ProgrammeItemRow.start,
                                         ProgrammeItemRow.room))
        return [_item(session, r) for r in rows]


def delete(lib: Library, item_id: int) -> ProgrammeItem:
    with lib.begin() as session:
        row = session.get(ProgrammeItemRow, item_id)
        if row is None:
            raise NotFound("programme item", item_id)
        item = _item(session, row)
        session.delete(row)
    lib.notify(Changes.PROGRAMME)
    return item
