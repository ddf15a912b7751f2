"""What a dossier is asked to contain, and what its build reports.

The app's dossier dialog, the ``seminaire dossier`` command and the tests all fill a
:class:`DossierRequest` and read a :class:`DossierReport`; neither holds anything of
ReportLab or Qt.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from pathlib import Path

from ..citations import DEFAULT_LOCALE, DEFAULT_STYLE


class Template(enum.StrEnum):
    """The kinds of document the team prints."""

    PACK = "pack"  # an edition's participant pack
    WORKSHOP = "workshop"  # one workshop's dossier
    BIBLIOGRAPHY = "bibliography"  # formatted references only
    BADGES = "badges"  # name badges on A4 sheets


class Section(enum.StrEnum):
    """Parts of a pack or workshop dossier that can be left out."""

    COVER = "cover"
    CONTENTS = "contents"
    INTRODUCTION = "introduction"  # the edition's notes for participants
    PROGRAMME = "programme"
    WORKSHOPS = "workshops"
    BIBLIOGRAPHY = "bibliography"
    PARTICIPANTS = "participants"
    ATTACHMENTS = "attachments"


#: What a pack holds when the user says nothing (the participants list is opt-in).
DEFAULT_SECTIONS = frozenset({Section.COVER, Section.CONTENTS, Section.INTRODUCTION,
                              Section.PROGRAMME, Section.WORKSHOPS, Section.BIBLIOGRAPHY,
                              Section.ATTACHMENTS})


class PageSize(enum.StrEnum):
    A4 = "A4"
    LETTER = "Letter"


class Grouping(enum.StrEnum):
    """How a bibliography is divided."""

    NONE = "none"
    ROLE = "role"  # required / background / produced, for reading lists
    TYPE = "type"  # books, articles, reports…


@dataclass(frozen=True, slots=True)
class Selection:
    """The references of a bibliography: every field given narrows nothing, it adds.

    References named by id or citation key, those tagged ``tag``, those in collection
    ``collection`` (a path, sub-collections included), the reading list of workshop
    ``workshop`` (year, number) or of every workshop of edition ``edition_year``.
    """

    references: tuple[str, ...] = ()
    tag: str = ""
    collection: str = ""
    workshop: tuple[int, int] | None = None
    edition_year: int | None = None

    def is_empty(self) -> bool:
        return not (self.references or self.tag.strip() or self.collection.strip()
                    or self.workshop is not None or self.edition_year is not None)


@dataclass(frozen=True, slots=True)
class DossierRequest:
    """Everything a build needs to know besides the library and the output path."""

    template: Template = Template.PACK
    year: int | None = None  # the edition (pack, workshop, badges)
    workshop: int | None = None  # the workshop number (workshop dossier)
    participant_id: int | None = None  # personalise the pack for this participant
    style: str = DEFAULT_STYLE
    locale: str = DEFAULT_LOCALE  # "fr-FR" or "en-US": citations and the dossier's words
    page_size: PageSize = PageSize.A4
    sections: frozenset[Section] = DEFAULT_SECTIONS
    include_emails: bool = False  # in the participants list
    attachments: bool = True  # append attached PDFs
    grouping: Grouping = Grouping.NONE
    selection: Selection = field(default_factory=Selection)  # bibliography template


class ProblemKind(enum.StrEnum):
    """Why an attached file is listed instead of appended."""

    MISSING = "missing"  # the file is gone
    ENCRYPTED = "encrypted"  # a password-protected PDF
    CORRUPT = "corrupt"  # not a readable PDF
    NOT_PDF = "not-pdf"  # slides, photos…: listed, never appended


@dataclass(frozen=True, slots=True)
class AttachmentProblem:
    """An attachment that is listed in the dossier rather than appended to it."""

    filename: str
    kind: ProblemKind
    owner_label: str = ""  # « Atelier 3 — … », the edition's title…


@dataclass(frozen=True, slots=True)
class DossierReport:
    """What a build wrote. ``problems`` lists the attachments that were not appended
    (non-PDF files included: they are listed in the dossier by design)."""

    paths: tuple[Path, ...]
    page_count: int  # of all paths together
    problems: tuple[AttachmentProblem, ...] = ()
    appended: tuple[str, ...] = ()  # file names of the PDFs appended
    combined: Path | None = None  # among paths: the personal packs again, in one PDF
    combined_pages: int = 0

    @property
    def path(self) -> Path:
        return self.paths[0]
