"""SQLAlchemy 2 typed models of a Séminaire library.

Only :mod:`seminaire_app.services` and :mod:`seminaire_app.search` touch them; the rest
of the world sees the frozen dataclasses of :mod:`seminaire_app.domain`.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

intpk = Annotated[int, mapped_column(Integer, primary_key=True)]
text = Annotated[str, mapped_column(Text, nullable=False, default="", server_default="")]
json_dict = Annotated[dict[str, Any], mapped_column(JSON, nullable=False, default=dict)]
json_list = Annotated[list[str], mapped_column(JSON, nullable=False, default=list)]

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)



class ReferenceRow(Base):
    __tablename__ = "reference"

    id: Mapped[intpk]
    citation_key: Mapped[str] = mapped_column(String, unique=True)
    item_type: Mapped[str] = mapped_column(String)
    title: Mapped[text]
    issued: Mapped[text]  # partial ISO date
    year: Mapped[int | None] = mapped_column(Integer, index=True)
    container_title: Mapped[text]
    fields: Mapped[json_dict]
    custom: Mapped[json_dict]
    sort_title: Mapped[str] = mapped_column(Text, index=True, default="")
    sort_creator: Mapped[str] = mapped_column(Text, index=True, default="")
    date_added: Mapped[datetime] = mapped_column(index=True)
    date_modified: Mapped[datetime]

    creators: Mapped[list[CreatorRow]] = relationship(
        back_populates="reference", order_by="CreatorRow.position",
        cascade="all, delete-orphan", passive_deletes=True)


class CreatorRow(Base):
    __tablename__ = "creator"

    id: Mapped[intpk]
    reference_id: Mapped[int] = mapped_column(
        ForeignKey("reference.id", ondelete="CASCADE"), index=True)
    position: Mapped[int]
    role: Mapped[str] = mapped_column(String, default="author")
    family: Mapped[text]
    given: Mapped[text]
    dropping_particle: Mapped[text]
    non_dropping_particle: Mapped[text]
    suffix: Mapped[text]
    literal: Mapped[text]

    reference: Mapped[ReferenceRow] = relationship(back_populates="creators")


class TagRow(Base):
    __tablename__ = "tag"

    id: Mapped[intpk]
    name: Mapped[str] = mapped_column(String(collation="NOCASE"), unique=True)


class ReferenceTagRow(Base):
    __tablename__ = "reference_tag"

    reference_id: Mapped[int] = mapped_column(
        ForeignKey("reference.id", ondelete="CASCADE"), primary_key=True)
    tag_id: Mapped[int] = mapped_column(
        ForeignKey("tag.id", ondelete="CASCADE"), primary_key=True, index=True)


class CollectionRow(Base):
    __tablename__ = "collection"
    __table_args__ = (UniqueConstraint("parent_id", "name", name="parent_name"),)

    id: Mapped[intpk]
    name: Mapped[str] = mapped_column(String)
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("collection.id", ondelete="CASCADE"), index=True)


class CollectionItemRow(Base):
    __tablename__ = "collection_item"

    collection_id: Mapped[int] = mapped_column(
        ForeignKey("collection.id", ondelete="CASCADE"), primary_key=True)
    reference_id: Mapped[int] = mapped_column(
        ForeignKey("reference.id", ondelete="CASCADE"), primary_key=True, index=True)


class EditionRow(Base):
    __tablename__ = "edition"

    id: Mapped[intpk]
    year: Mapped[int] = mapped_column(Integer, unique=True)
    title: Mapped[text]
    theme: Mapped[text]
    start_date: Mapped[date | None]
    end_date: Mapped[date | None]
    venue: Mapped[text]
    organisers: Mapped[json_list]


class WorkshopRow(Base):
    __tablename__ = "workshop"
    __table_args__ = (UniqueConstraint("edition_id", "number", name="edition_number"),)

    id: Mapped[intpk]
    edition_id: Mapped[int] = mapped_column(ForeignKey("edition.id", ondelete="CASCADE"))
    number: Mapped[int]
    title: Mapped[text]
    description: Mapped[text]
    facilitators: Mapped[json_list]
    room: Mapped[text]
    capacity: Mapped[int | None]


class ReadingEntryRow(Base):
    __tablename__ = "reading_entry"
    __table_args__ = (UniqueConstraint("workshop_id", "reference_id", name="workshop_ref"),)

    id: Mapped[intpk]
    workshop_id: Mapped[int] = mapped_column(ForeignKey("workshop.id", ondelete="CASCADE"))
    reference_id: Mapped[int] = mapped_column(
        ForeignKey("reference.id", ondelete="CASCADE"), index=True)
    position: Mapped[int]
    role: Mapped[str] = mapped_column(String, default="required")
    annotation: Mapped[text]


class ParticipantRow(Base):
    __tablename__ = "participant"

    id: Mapped[intpk]
    family: Mapped[text]
    given: Mapped[text]
    organisation: Mapped[text]
    email: Mapped[str | None] = mapped_column(String(collation="NOCASE"), unique=True)


class RegistrationRow(Base):
    __tablename__ = "registration"

    edition_id: Mapped[int] = mapped_column(
        ForeignKey("edition.id", ondelete="CASCADE"), primary_key=True)
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("participant.id", ondelete="CASCADE"), primary_key=True, index=True)
    role: Mapped[str] = mapped_column(String, default="participant")


class AssignmentRow(Base):
    __tablename__ = "assignment"

    workshop_id: Mapped[int] = mapped_column(
        ForeignKey("workshop.id", ondelete="CASCADE"), primary_key=True)
    participant_id: Mapped[int] = mapped_column(
        ForeignKey("participant.id", ondelete="CASCADE"), primary_key=True, index=True)


class ProgrammeItemRow(Base):
    __tablename__ = "programme_item"

    id: Mapped[intpk]
    edition_id: Mapped[int] = mapped_column(
        ForeignKey("edition.id", ondelete="CASCADE"), index=True)
    day: Mapped[date]
    start: Mapped[str] = mapped_column(String)
    end: Mapped[str] = mapped_column(String)
    title: Mapped[text]
    room: Mapped[text]
    workshop_id: Mapped[int | None] = mapped_column(
        ForeignKey("workshop.id", ondelete="SET NULL"))


_ONE_OWNER = (
    "(reference_id IS NOT NULL) + (edition_id IS NOT NULL) + (workshop_id IS NOT NULL) = 1"
)


class NoteRow(Base):
    __tablename__ = "note"
    __table_args__ = (CheckConstraint(_ONE_OWNER, name="one_owner"),)

    id: Mapped[intpk]
    reference_id: Mapped[int | None] = mapped_column(
        ForeignKey("reference.id", ondelete="CASCADE"), index=True)
    edition_id: Mapped[int | None] = mapped_column(
        ForeignKey("edition.id", ondelete="CASCADE"), index=True)
    workshop_id: Mapped[int | None] = mapped_column(
        ForeignKey("workshop.id", ondelete="CASCADE"), index=True)
    title: Mapped[text]
    body: Mapped[text]
    visibility: Mapped[str] = mapped_column(String, default="internal")
    created: Mapped[datetime]
    modified: Mapped[datetime]


class AttachmentRow(Base):
    __tablename__ = "attachment"
    __table_args__ = (CheckConstraint(_ONE_OWNER, name="one_owner"),)

    id: Mapped[intpk]
    reference_id: Mapped[int | None] = mapped_column(
        ForeignKey("reference.id", ondelete="CASCADE"), index=True)
    edition_id: Mapped[int | None] = mapped_column(
        ForeignKey("edition.id", ondelete="CASCADE"), index=True)
    workshop_id: Mapped[int | None] = mapped_column(
        ForeignKey("workshop.id", ondelete="CASCADE"), index=True)
    filename: Mapped[str] = mapped_column(String)
    stored: Mapped[bool]
    sha256: Mapped[str] = mapped_column(String, index=True)
    link_path: Mapped[text]  # relative to the link base when ``link_relative``
    link_relative: Mapped[bool] = mapped_column(default=False)
    size: Mapped[int]
    text: Mapped[text]  # extracted text, kept so that the index can be rebuilt
    text_status: Mapped[str] = mapped_column(String, default="")
    added: Mapped[datetime]


class SettingRow(Base):
    """Per-library settings (the folder linked files are relative to…)."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String, primary_key=True)
    value: Mapped[str] = mapped_column(Text)


Index("ix_reference_year_title", ReferenceRow.year, ReferenceRow.sort_title)
