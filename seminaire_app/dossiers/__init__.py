"""Print-ready dossiers: participant packs, workshop dossiers, bibliographies, badges.

ReportLab draws them (platypus for flowing documents, the canvas for badges) with the
DejaVu fonts bundled in ``resources/fonts``; pypdf appends the attached PDFs. The app,
the CLI and the tests call the same functions::

    build_dossier(lib, DossierRequest(year=2017), Path("pack.pdf"))
    build_dossier(lib, DossierRequest(Template.WORKSHOP, year=2017, workshop=2), out)
    build_dossier(lib, DossierRequest(Template.BIBLIOGRAPHY,
                                      selection=Selection(tag="cooperation")), out)
    build_per_participant(lib, DossierRequest(year=2017), folder=Path("packs"))

Every output is written atomically: a cancelled or failed build leaves no file.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import ValidationError
from ..progress import NULL_PROGRESS, Progress
from ..services import editions, participants, workshops
from ..storage.library import Library
from . import builders
from .batch import build_per_participant, per_participant_paths, safe_filename
from .content import ensure_participant
from .model import (
    DEFAULT_SECTIONS,
    AttachmentProblem,
    DossierReport,
    DossierRequest,
    Grouping,
    PageSize,
    ProblemKind,
    Section,
    Selection,
    Template,
)
from .output import atomic_file

__all__ = ["DEFAULT_SECTIONS", "AttachmentProblem", "DossierReport", "DossierRequest",
           "Grouping", "PageSize", "ProblemKind", "Section", "Selection", "Template",
           "build_dossier", "build_per_participant", "per_participant_paths", "safe_filename"]


def build_dossier(lib: Library, request: DossierRequest, output: Path,
                  progress: Progress = NULL_PROGRESS) -> DossierReport:
    """Build the dossier ``request`` describes into ``output`` (a PDF).

    NotFound("edition" | "workshop" | "participant" | "reference");
    ValidationError for an impossible request (no edition, no workshop number, an empty
    selection, an unknown tag or collection, an unknown style); StorageError when
    ``output`` cannot be written; Cancelled when ``progress`` says so, leaving no file.
    """
    output = Path(output)
    if request.template == Template.BADGES:
        return _badges(lib, request, output, progress)
    if request.template == Template.BIBLIOGRAPHY:
        with atomic_file(output) as out:
            pages = builders.build_bibliography(lib, request, out, progress)
        return DossierReport((output,), pages)
    prepared = builders.prepare(lib, request, progress)
    person = None
    if request.participant_id is not None:
        person = ensure_participant(lib, prepared.content, request.participant_id,
                                    prepared.workshop)
    prepared, pdf, total = builders.build_pack(prepared, person, progress)
    with atomic_file(output) as out:
        out.write(pdf)
    files = prepared.attachments
    return DossierReport((output,), total, files.problems,
                         tuple(f.attachment.filename for f in files.appended))


def _badges(lib: Library, request: DossierRequest, output: Path,
            progress: Progress) -> DossierReport:
    from . import badges

    if request.year is None:
        raise ValidationError("year", "choose the edition of the badges")
    with lib.reading():  # one state of the library for the three reads
        edition = editions.get(lib, request.year)
        people = participants.registrations(lib, request.year)
        everyone = workshops.list_workshops(lib, request.year)
    if not people:
        raise ValidationError("participants", "no one is registered to {year}", year=request.year)
    # build_badges writes through its own temporary file: no second one around it.
    pages = badges.build_badges(output, edition, people, everyone,
                                request.page_size, request.locale, progress)
    return DossierReport((output,), pages)
