"""Domain vocabulary and the frozen value objects that services return.

References follow CSL-JSON's model (item types, variables, names, partial dates) so
that import, export and formatting stay lossless. Services never hand out ORM objects:
they return the dataclasses below.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal, NewType

ReferenceId = NewType("ReferenceId", int)
EditionId = NewType("EditionId", int)
WorkshopId = NewType("WorkshopId", int)
ParticipantId = NewType("ParticipantId", int)
NoteId = NewType("NoteId", int)
AttachmentId = NewType("AttachmentId", int)
CollectionId = NewType("CollectionId", int)
ProgrammeItemId = NewType("ProgrammeItemId", int)

#: CSL 1.0.2 item types.
ITEM_TYPES: tuple[str, ...] = (
    "article", "article-journal", "article-magazine", "article-newspaper", "bill", "book",
    "broadcast", "chapter", "classic", "collection", "dataset", "document", "entry",
    "entry-dictionary", "entry-encyclopedia", "event", "figure", "graphic", "hearing",
    "interview", "legal_case", "legislation", "manuscript", "map", "motion_picture",
    "musical_score", "pamphlet", "paper-conference", "patent", "performance", "periodical",
    "personal_communication", "post", "post-weblog", "regulation", "report", "review",
    "review-book", "software", "song", "speech", "standard", "thesis", "treaty", "webpage",
)

#: CSL variables stored as text (numbers too: CSL allows "12-14", "2e"). CSL's
#: ``keyword`` is not among them: it carries the tags.
TEXT_VARIABLES: tuple[str, ...] = (
    "abstract", "annote", "archive", "archive_collection", "archive_location",
    "archive-place", "authority", "call-number", "chapter-number", "citation-label",
    "collection-number", "collection-title", "container-title", "container-title-short",
    "dimensions", "division", "DOI", "edition", "event-place", "event-title", "genre",
    "ISBN", "ISSN", "issue", "jurisdiction", "language", "license", "locator",
    "medium", "note", "number", "number-of-pages", "number-of-volumes", "original-publisher",
    "original-publisher-place", "original-title", "page", "page-first", "part-number",
    "part-title", "PMCID", "PMID", "printing-number", "publisher", "publisher-place",
    "references", "reviewed-genre", "reviewed-title", "scale", "section", "source",
    "status", "supplement-number", "title-short", "URL", "version", "volume",
    "volume-title", "year-suffix",
)

#: CSL date variables other than ``issued``, stored as partial ISO dates.
DATE_VARIABLES: tuple[str, ...] = (
    "accessed", "available-date", "event-date", "original-date", "submitted",
)

#: CSL name variables: the creator roles.
CREATOR_ROLES: tuple[str, ...] = (
    "author", "chair", "collection-editor", "compiler", "composer", "container-author",
    "contributor", "curator", "director", "editor", "editorial-director",
    "executive-producer", "guest", "host", "illustrator", "interviewer", "narrator",
    "organizer", "original-author", "performer", "presenter", "producer", "recipient",
    "reviewed-author", "script-writer", "series-creator", "translator",
)


class ReadingRole(enum.StrEnum):
    """Why a reference sits on a workshop's reading list."""

    REQUIRED = "required"
    BACKGROUND = "background"
    PRODUCED = "produced"


class Visibility(enum.StrEnum):
    """Who a note is written for."""

    INTERNAL = "internal"
    PARTICIPANTS = "participants"


class ParticipantRole(enum.StrEnum):
    """A participant's role in an edition."""

    PARTICIPANT = "participant"
    FACILITATOR = "facilitator"
    SPEAKER = "speaker"
    ORGANISER = "organiser"


OwnerKind = Literal["reference", "edition", "workshop"]


@dataclass(frozen=True, slots=True)
class Owner:
    """What a note or an attachment belongs to."""

    kind: OwnerKind
    id: int


class Changes(enum.Flag):
    """What a mutating operation changed, so that views refresh only what they show."""

    NONE = 0
    REFERENCES = enum.auto()
    TAGS = enum.auto()
    COLLECTIONS = enum.auto()
    NOTES = enum.auto()
    ATTACHMENTS = enum.auto()
    EDITIONS = enum.auto()
    WORKSHOPS = enum.auto()
    READINGS = enum.auto()
    PARTICIPANTS = enum.auto()
    PROGRAMME = enum.auto()


@dataclass(frozen=True, slots=True)
class Creator:
    """A person (family/given, particles, suffix) or an institution (``literal``)."""

    role: str = "author"
    family: str = ""
    given: str = ""
    dropping_particle: str = ""  # « de » in « Tocqueville, Alexis de »
    non_dropping_particle: str = ""  # « d' » in « d'Ormesson »
    suffix: str = ""
    literal: str = ""  # an institution: « Le Rameau »

    @property
    def is_institution(self) -> bool:
        return bool(self.literal)

    def display(self) -> str:
        """« Family, Given » for a person, the name for an institution."""
        if self.literal:
            return self.literal
        family = self.family
        if self.non_dropping_particle:
            sep = "" if self.non_dropping_particle.endswith(("'", "’")) else " "
            family = f"{self.non_dropping_particle}{sep}{family}"
        given = " ".join(p for p in (self.given, self.dropping_particle) if p)
        name = f"{family}, {given}" if given else family
        return f"{name}, {self.suffix}" if self.suffix else name


@dataclass(frozen=True, slots=True)
class Reference:
    """A bibliographic reference as CSL-JSON sees it, plus Séminaire's own data."""

    id: ReferenceId
    citation_key: str
    item_type: str
    title: str
    creators: tuple[Creator, ...] = ()
    issued: str = ""  # partial ISO date: "2017", "2017-11" or "2017-11-23"
    fields: Mapping[str, str] = field(default_factory=dict)  # other CSL variables
    custom: Mapping[str, str] = field(default_factory=dict)  # the user's free fields
    tags: tuple[str, ...] = ()
    attachment_count: int = 0
    date_added: datetime | None = None
    date_modified: datetime | None = None

    @property
    def year(self) -> int | None:
        return int(self.issued[:4]) if self.issued[:4].isdigit() else None


@dataclass(frozen=True, slots=True)
class ReferenceDraft:
    """What a user gives to create a reference; everything but the type is optional."""

    item_type: str
    title: str = ""
    creators: tuple[Creator, ...] = ()
    issued: str = ""
    fields: Mapping[str, str] = field(default_factory=dict)
    custom: Mapping[str, str] = field(default_factory=dict)
    tags: tuple[str, ...] = ()
    citation_key: str = ""  # generated when empty


@dataclass(frozen=True, slots=True)
class TagCount:
    name: str
    count: int


@dataclass(frozen=True, slots=True)
class Collection:
    id: CollectionId
    name: str
    parent_id: CollectionId | None
    path: str  # "Parent/Child", unique
    count: int = 0


@dataclass(frozen=True, slots=True)
class Note:
    id: NoteId
    owner: Owner
    title: str
    body: str  # Markdown
    visibility: Visibility
    created: datetime
    modified: datetime


@dataclass(frozen=True, slots=True)
class Attachment:
    id: AttachmentId
    owner: Owner
    filename: str
    stored: bool  # a managed copy (True) or a link to the user's file (False)
    sha256: str
    path: str  # absolute path of the file as found now
    size: int
    text_status: str  # "ok", "empty", "unsupported" or "error: …"
    added: datetime


@dataclass(frozen=True, slots=True)
class Edition:
    id: EditionId
    year: int
    title: str
    theme: str = ""
    start_date: date | None = None
    end_date: date | None = None
    venue: str = ""
    organisers: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Workshop:
    id: WorkshopId
    edition_id: EditionId
    year: int
    number: int
    title: str
    description: str = ""
    facilitators: tuple[str, ...] = ()
    room: str = ""
    capacity: int | None = None


@dataclass(frozen=True, slots=True)
class ReadingEntry:
    workshop_id: WorkshopId
    reference: Reference
    position: int
    role: ReadingRole
    annotation: str


@dataclass(frozen=True, slots=True)
class Participant:
    id: ParticipantId
    family: str
    given: str
    organisation: str = ""
    email: str = ""

    def display(self) -> str:
        return f"{self.given} {self.family}".strip()


@dataclass(frozen=True, slots=True)
class Registration:
    """A participant registered to an edition, with their workshops there."""

    participant: Participant
    edition_id: EditionId
    role: ParticipantRole
    workshops: tuple[int, ...] = ()  # workshop numbers


@dataclass(frozen=True, slots=True)
class ProgrammeItem:
    id: ProgrammeItemId
    edition_id: EditionId
    day: date
    start: str  # "HH:MM"
    end: str
    title: str
    room: str = ""
    workshop_number: int | None = None
