"""Packs, workshop dossiers and bibliographies: from a request to PDF bytes.

A pack is built in three steps so that a batch of personal packs shares the work:
:func:`prepare` gathers the content, formats the references and checks the attached
files (nothing here depends on the participant); :func:`lay_out` makes the PDF with
ReportLab; :func:`finish` appends the attached PDFs with pypdf. Only the cover differs
from one participant to the next (see :mod:`.batch`).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import BinaryIO

from reportlab.platypus import Flowable, NextPageTemplate, PageBreak, Paragraph

from ..domain import Edition, Registration, Workshop
from ..errors import ValidationError
from ..progress import NULL_PROGRESS, Progress
from ..storage.library import Library
from . import appendix, sections
from .appendix import NO_ATTACHMENTS, Attachments
from .bibliography import FormattedReferences, bibliography, format_references
from .content import EditionContent, ReferenceSet, gather_edition, gather_selection, people_in
from .contents import ContentsTable
from .cover import cover as make_cover
from .document import BODY_TEMPLATE, DossierDocument, Heading, PageFurniture
from .labels import Labels, labels_for
from .model import DossierRequest, Section, Selection, Template
from .styles import DossierStyles, make_styles
from .typography import clean, spaced, typeset

CREATOR = "Séminaire"


@dataclass(frozen=True)
class PreparedPack:
    """Everything a pack or workshop dossier needs that does not depend on who it is for."""

    request: DossierRequest
    content: EditionContent
    labels: Labels
    styles: DossierStyles
    formatted: FormattedReferences
    attachments: Attachments

    @property
    def workshop(self) -> Workshop | None:
        """The workshop of a workshop dossier."""
        if self.request.template != Template.WORKSHOP:
            return None
        return self.content.workshops[0].workshop

    def has(self, section: Section) -> bool:
        return section in self.request.sections


def _year(request: DossierRequest) -> int:
    if request.year is None:
        raise ValidationError("year", "choose the edition of the dossier")
    return request.year


def _owner_label(edition: Edition, workshop: Workshop | None, labels: Labels) -> str:
    return edition.title if workshop is None else sections.workshop_heading(labels, workshop)


def prepare(lib: Library, request: DossierRequest,
            progress: Progress = NULL_PROGRESS) -> PreparedPack:
    """Read and check everything a pack (or a workshop dossier) of ``request`` shows.

    NotFound("edition" | "workshop"); ValidationError("year" | "workshop" | "style").
    """
    year = _year(request)
    number = None
    if request.template == Template.WORKSHOP:
        if request.workshop is None:
            raise ValidationError("workshop", "choose the workshop of the dossier")
        number = request.workshop
    progress.report(0, 3, "gathering")
    content = gather_edition(lib, year, number, progress)
    labels = labels_for(request.locale)
    progress.report(1, 3, "bibliography")
    refs = content.references() if request.sections & {Section.WORKSHOPS,
                                                       Section.BIBLIOGRAPHY} else []
    formatted = format_references(refs, request.style, request.locale)
    progress.report(2, 3, "attachments")
    attachments = NO_ATTACHMENTS
    if Section.ATTACHMENTS in request.sections:
        items = [(a, _owner_label(content.edition, ws, labels))
                 for a, ws in content.all_attachments()]
        attachments = appendix.check(items, request.attachments, progress)
    return PreparedPack(request, content, labels, make_styles(), formatted, attachments)


# --- the story -------------------------------------------------------------------------

def cover(prepared: PreparedPack, person: Registration | None) -> Flowable:
    """The cover page (one page whatever its content)."""
    labels, content = prepared.labels, prepared.content
    workshop = prepared.workshop
    kind = labels.pack if workshop is None else labels.workshop_dossier
    everyone = [w.workshop for w in content.workshops]
    return make_cover(content.edition, kind, labels, prepared.styles,
                      prepared.request.locale, workshop, person, everyone)


def _bibliography_chapter(prepared: PreparedPack) -> list[Flowable]:
    labels, styles, request = prepared.labels, prepared.styles, prepared.request
    refs = prepared.content.references()
    return [PageBreak(), Heading(labels.bibliography, styles.h1),
            *bibliography(refs, prepared.formatted, styles, labels, request.grouping,
                          prepared.content.roles(), locale=request.locale)]


def people_of(prepared: PreparedPack) -> Sequence[Registration]:
    """Who the dossier is for: everyone registered, or a workshop's participants."""
    workshop = prepared.workshop
    return people_in(prepared.content.registrations, workshop.number if workshop else None)


def _chapters(prepared: PreparedPack) -> list[Flowable]:
    """Every chapter asked for, each starting on a new page, in the pack's order."""
    request, content = prepared.request, prepared.content
    labels, styles, locale = prepared.labels, prepared.styles, request.locale
    story: list[Flowable] = []
    if prepared.has(Section.INTRODUCTION):
        story += sections.presentation(content.notes, labels, styles, locale)
    if prepared.has(Section.PROGRAMME) and content.programme:
        story += sections.programme(content.programme, labels, styles, locale)
    if prepared.has(Section.WORKSHOPS):
        for ws in content.workshops:
            story += sections.workshop_chapter(ws, content, prepared.formatted, labels,
                                               styles, locale)
    # A workshop dossier's bibliography is its reading list, already in its chapter.
    # Chapters with nothing to show are left out (an edition being prepared).
    if prepared.has(Section.BIBLIOGRAPHY) and content.references() and (
            prepared.workshop is None or not prepared.has(Section.WORKSHOPS)):
        story += _bibliography_chapter(prepared)
    if prepared.has(Section.PARTICIPANTS) and people_of(prepared):
        story += sections.participants_list(people_of(prepared), labels, styles,
                                            request.include_emails,
                                            show_workshops=prepared.workshop is None,
                                            locale=locale)
    story += appendix.chapter(prepared.attachments, labels, styles, locale)
    return story


def pack_story(prepared: PreparedPack, person: Registration | None) -> list[Flowable]:
    """The whole story of a pack or workshop dossier; ValidationError("sections") when
    nothing asked for has anything to show."""
    labels, styles = prepared.labels, prepared.styles
    story = _chapters(prepared)
    listed = any(isinstance(f, Heading) and f.toc_level is not None for f in story)
    if prepared.has(Section.CONTENTS) and (listed or prepared.attachments.appended):
        story = [PageBreak(), Heading(labels.contents, styles.h1, toc_level=None),
                 ContentsTable(styles), *story]
    while story and isinstance(story[0], PageBreak):
        story.pop(0)  # the first chapter needs no page of its own before it
    if prepared.has(Section.COVER):
        story = [cover(prepared, person), NextPageTemplate(BODY_TEMPLATE), PageBreak(),
                 *story]
    if not story:
        raise ValidationError("sections", "choose at least one section to print")
    return story


# --- PDF -------------------------------------------------------------------------------

def header_text(edition: Edition, locale: str) -> str:
    """The running header: the edition's title, with its year if the title has none."""
    title = spaced(clean(edition.title), locale)
    return title if str(edition.year) in title else f"{title} ({edition.year})"


def pack_metadata(prepared: PreparedPack, person: Registration | None) -> dict[str, str]:
    edition, labels = prepared.content.edition, prepared.labels
    workshop = prepared.workshop
    kind = labels.pack if workshop is None else sections.workshop_heading(labels, workshop)
    title = f"{edition.title} — {kind}"
    if person is not None:
        title += f" — {person.participant.display()}"
    return metadata(title, edition, labels, prepared.request.locale)


def metadata(title: str, edition: Edition | None, labels: Labels, locale: str
             ) -> dict[str, str]:
    """Title, author (the organisers), subject (the theme), creator and language."""
    organisers = (spaced(clean(", ".join(edition.organisers)), locale)
                  if edition and edition.organisers else "ESEAC")
    # the theme as the cover shows it: « Les formes d’échanges… »
    subject = (spaced(sections.capitalised(clean(edition.theme)), locale)
               if edition and edition.theme else labels.seminar)
    return {"title": spaced(clean(title), locale), "author": organisers, "subject": subject,
            "creator": CREATOR, "lang": locale}


def pdf_metadata(meta: dict[str, str]) -> dict[str, str]:
    """``meta`` as pypdf's document information entries."""
    return {"/Title": meta["title"], "/Author": meta["author"], "/Subject": meta["subject"],
            "/Creator": meta["creator"]}


def lay_out(prepared: PreparedPack, person: Registration | None,
            progress: Progress = NULL_PROGRESS, story: list[Flowable] | None = None
            ) -> tuple[bytes, int]:
    """The laid-out part of the pack (everything but the appended PDFs) and its pages."""
    files = prepared.attachments
    furniture = PageFurniture(
        header_left=header_text(prepared.content.edition, prepared.request.locale),
        page_label=prepared.labels.page,
        appended_pages=files.appended_pages, appended=appendix.contents_entries(files))
    buffer = io.BytesIO()
    doc = DossierDocument(buffer, prepared.request.page_size, prepared.styles, furniture,
                          pack_metadata(prepared, person), progress,
                          with_cover=prepared.has(Section.COVER))
    pages = doc.build_story(story if story is not None else pack_story(prepared, person))
    return buffer.getvalue(), pages


def finish(prepared: PreparedPack, laid_out: bytes, pages: int, person: Registration | None,
           out: BinaryIO, progress: Progress = NULL_PROGRESS) -> int:
    """Write the pack to ``out``: the laid-out part, then the attached PDFs. Returns the
    number of pages written. AppendFailed when pypdf cannot copy an attached PDF."""
    if not prepared.attachments.appended:
        out.write(laid_out)
        return pages
    return appendix.append(laid_out, prepared.attachments, prepared.labels,
                           pdf_metadata(pack_metadata(prepared, person)), out, progress)


def build_pack(prepared: PreparedPack, person: Registration | None,
               progress: Progress = NULL_PROGRESS) -> tuple[PreparedPack, bytes, int]:
    """The whole pack as bytes, with its page count, and ``prepared`` as it ended up: an
    attached PDF that opened but could not be copied is listed as corrupt instead, and
    the pack laid out again (its pages no longer count)."""
    while True:
        laid_out, pages = lay_out(prepared, person, progress)
        buffer = io.BytesIO()
        try:
            total = finish(prepared, laid_out, pages, person, buffer, progress)
        except appendix.AppendFailed as failed:
            prepared = replace(prepared, attachments=prepared.attachments.without(failed.file))
            continue
        return prepared, buffer.getvalue(), total


# --- bibliographies --------------------------------------------------------------------

def bibliography_selection(request: DossierRequest) -> Selection:
    """The request's selection, or the workshop's or edition's reading lists."""
    if not request.selection.is_empty():
        return request.selection
    if request.year is not None and request.workshop is not None:
        return Selection(workshop=(request.year, request.workshop))
    if request.year is not None:
        return Selection(edition_year=request.year)
    raise ValidationError("selection", "choose references, a tag, a collection, "
                                       "a workshop or an edition")


def _bibliography_subtitle(found: ReferenceSet, labels: Labels) -> str:
    parts = list(found.described(labels))
    if found.workshop is not None:
        parts.insert(0, sections.workshop_heading(labels, found.workshop))
    return " · ".join(parts)


def build_bibliography(lib: Library, request: DossierRequest, out: BinaryIO,
                       progress: Progress = NULL_PROGRESS) -> int:
    """A bibliography of the request's selection, grouped as asked; returns its pages."""
    found = gather_selection(lib, bibliography_selection(request), progress)
    labels, styles, locale = labels_for(request.locale), make_styles(), request.locale
    progress.report(0, 1, "bibliography")
    formatted = format_references(found.references, request.style, locale)
    subtitle = _bibliography_subtitle(found, labels)
    story: list[Flowable] = [Heading(labels.bibliography_title, styles.h1,
                                     toc_level=None)]
    if subtitle:
        story.append(Paragraph(typeset(subtitle, locale), styles.h3))
    story += bibliography(found.references, formatted, styles, labels, request.grouping,
                          found.roles, found.annotations, locale)
    # the chapter's title is on the right: the left names what was chosen, not it again
    header = header_text(found.edition, locale) if found.edition else spaced(clean(subtitle),
                                                                               locale)
    title = f"{labels.bibliography_title} — {subtitle}" if subtitle else header
    doc = DossierDocument(out, request.page_size, styles,
                          PageFurniture(header_left=header, page_label=labels.page),
                          metadata(title, found.edition, labels, locale), progress,
                          with_cover=False)
    return doc.build_story(story)
