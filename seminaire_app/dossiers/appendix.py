"""Attached files: checked before the layout, listed in the dossier, appended after it.

A file is a PDF by its first bytes (« %PDF- »), whatever its name: a « .pdf » that is
a photo is listed as not a PDF. PDFs are opened and counted *before* the layout so that
the contents and the « Documents joints » table can give the pages they will start on;
pypdf appends them to the laid-out PDF afterwards, each with its own bookmark under the
chapter's and its own outline under that (see :mod:`.outlines`).

A file that cannot be appended never stops the dossier: missing, password-protected
and unreadable PDFs (also those pypdf opens but cannot copy or stamp), like slides and
photos, are listed with a note saying where to find them, and returned as problems. A
PDF protected by an *owner* password only (its user password empty) opens in every
viewer without a password, so it is decrypted with the empty password and appended
like any other. What pypdf logs about damaged files while it reads them stays out of
the app's log (:mod:`seminaire_app.pdflog`): the report says it.
"""

from __future__ import annotations

import io
import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO

from pypdf import PasswordType, PdfReader, PdfWriter
from pypdf.errors import DependencyError
from pypdf.generic import (
    ArrayObject,
    ByteStringObject,
    IndirectObject,
    NameObject,
    TextStringObject,
    TreeObject,
)
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, Table, TableStyle

from ..domain import Attachment
from ..errors import Cancelled
from ..filekinds import is_present, looks_like_pdf
from ..pdflog import DAMAGED_PDF_ERRORS, quiet_pypdf
from ..progress import Progress
from .contents import APPENDIX_CALLBACK, appended_destination
from .document import AppendedEntry, Heading
from .labels import Labels
from .model import AttachmentProblem, ProblemKind
from .outlines import add_outline, read_outline
from .pdfpatch import (
    StampFailed,
    SubsetTags,
    rename_subset_fonts,
    stamp_page_numbers,
)
from .styles import ACCENT, RULE, TABLE_FONT, DossierStyles
from .typography import markup, typeset

log = logging.getLogger(__name__)


class AppendFailed(Exception):  # noqa: N818 - a signal between two modules, never shown
    """pypdf could open ``file`` but not copy it: the builder lays the dossier out again
    with the file listed as corrupt (page numbers after it change)."""

    def __init__(self, file: AttachedFile) -> None:
        super().__init__(file.attachment.filename)
        self.file = file


@dataclass(frozen=True, slots=True)
class AttachedFile:
    """An attachment as the dossier treats it: appended (``pages`` > 0) or listed."""

    attachment: Attachment
    owner_label: str  # « Atelier n° 2 — … » or the edition's title
    pages: int = 0
    problem: ProblemKind | None = None
    offset: int = 0  # pages between the end of the layout and its first page

    @property
    def appended(self) -> bool:
        return self.pages > 0


@dataclass(frozen=True, slots=True)
class Attachments:
    """The attachments of a dossier, checked, with the readers of those to append."""

    files: tuple[AttachedFile, ...]
    readers: tuple[PdfReader, ...]  # one per appended file, in order

    @property
    def appended_pages(self) -> int:
        return sum(f.pages for f in self.files)

    @property
    def problems(self) -> tuple[AttachmentProblem, ...]:
        return tuple(AttachmentProblem(f.attachment.filename, f.problem, f.owner_label)
                     for f in self.files if f.problem is not None)

    @property
    def appended(self) -> tuple[AttachedFile, ...]:
        return tuple(f for f in self.files if f.appended)


    def without(self, failed: AttachedFile) -> Attachments:
        """The same files with ``failed`` listed as corrupt instead of appended."""
        files, readers, offset = [], [], 0
        for file, reader in zip(self.files, self._readers_by_file(), strict=True):
            if file == failed:
                files.append(replace(file, pages=0, offset=0, problem=ProblemKind.CORRUPT))
            elif reader is None:
                files.append(file)
            else:
                files.append(replace(file, offset=offset))
                readers.append(reader)
                offset += file.pages
        return Attachments(tuple(files), tuple(readers))

    def _readers_by_file(self) -> list[PdfReader | None]:
        readers = iter(self.readers)
        return [next(readers) if f.appended else None for f in self.files]


NO_ATTACHMENTS = Attachments((), ())


def pdf_kind(attachment: Attachment) -> ProblemKind | None:
    """None when ``attachment`` is to be opened as a PDF: it starts like one, whatever
    its name, or it is an empty « .pdf » (a PDF cut short: corrupt); otherwise why not."""
    path = Path(attachment.path)
    header = looks_like_pdf(path, attachment.filename) if is_present(path) else None
    if header is None:
        return ProblemKind.MISSING  # not there, or not for us to read
    if header:
        return None
    try:
        empty = path.stat().st_size == 0
    except OSError:  # gone in between
        return ProblemKind.MISSING
    return None if empty and attachment.filename.lower().endswith(".pdf") else ProblemKind.NOT_PDF


def open_pdf(path: Path) -> tuple[PdfReader | None, ProblemKind | None]:
    """A reader for the PDF at ``path`` with every page reachable, or why there is none."""
    if not is_present(path):
        return None, ProblemKind.MISSING
    try:
        reader = PdfReader(path)
        if reader.is_encrypted:
            try:
                if reader.decrypt("") == PasswordType.NOT_DECRYPTED:
                    return None, ProblemKind.ENCRYPTED
            except DependencyError:  # AES needs the optional cryptography package
                return None, ProblemKind.ENCRYPTED
        # Parse every page dictionary now: a damaged file fails here, not mid-merge.
        for page in reader.pages:
            _ = page.mediabox
        if not reader.pages:
            return None, ProblemKind.CORRUPT
    except OSError as exc:  # there, but not for us to read
        log.info("cannot read %s: %s", path, exc)
        return None, ProblemKind.MISSING
    except DAMAGED_PDF_ERRORS as exc:
        log.info("cannot append %s: %s", path, exc)
        return None, ProblemKind.CORRUPT
    return reader, None


def check(items: Sequence[tuple[Attachment, str]], append: bool,
          progress: Progress) -> Attachments:
    """Check each (attachment, owner label): PDFs are opened and counted when ``append``;
    otherwise everything is only listed and nothing is a problem."""
    with quiet_pypdf():  # the problems found go to the report, not to the log
        return _check(items, append, progress)


def _check(items: Sequence[tuple[Attachment, str]], append: bool,
           progress: Progress) -> Attachments:
    files: list[AttachedFile] = []
    readers: list[PdfReader] = []
    offset = 0
    for i, (attachment, owner) in enumerate(items):
        if progress.cancelled():
            raise Cancelled()
        progress.report(i, len(items), "attachments")
        if not append:
            files.append(AttachedFile(attachment, owner))
            continue
        kind = pdf_kind(attachment)
        if kind is not None:
            files.append(AttachedFile(attachment, owner, problem=kind))
            continue
        reader, problem = open_pdf(Path(attachment.path))
        if reader is None:
            files.append(AttachedFile(attachment, owner, problem=problem))
            continue
        pages = len(reader.pages)
        files.append(AttachedFile(attachment, owner, pages=pages, offset=offset))
        readers.append(reader)
        offset += pages
    progress.report(len(items), len(items), "attachments")
    return Attachments(tuple(files), tuple(readers))


# --- in the dossier --------------------------------------------------------------------

def _where(file: AttachedFile, index: int, labels: Labels) -> str:
    if file.appended:
        # The page is known only once the layout ends: a form written at save time.
        prefix = markup(labels.appended_at.format(page=""))
        return f'{prefix}<onDraw name="{APPENDIX_CALLBACK}" label="{index}"/>'
    messages = {ProblemKind.MISSING: labels.missing, ProblemKind.ENCRYPTED: labels.encrypted,
                ProblemKind.CORRUPT: labels.corrupt, ProblemKind.NOT_PDF: labels.not_pdf}
    message = messages[file.problem] if file.problem is not None else labels.not_appended
    return f"<i>{markup(message)}</i>"


def chapter(attachments: Attachments, labels: Labels, styles: DossierStyles,
            locale: str) -> list[Flowable]:
    """« Documents joints »: every attached file with what it belongs to and where to find
    it. Empty when there is no attachment."""
    if not attachments.files:
        return []
    rows: list[list[Flowable | str]] = [[
        Paragraph(markup(t), styles.table_head)
        for t in (labels.document_column, labels.belongs_to_column, labels.status_column)]]
    appended = 0
    for file in attachments.files:
        where = _where(file, appended, labels)
        appended += file.appended
        rows.append([Paragraph(markup(file.attachment.filename), styles.table_cell),
                     Paragraph(typeset(file.owner_label, locale), styles.table_cell),
                     Paragraph(where, styles.table_cell)])
    table = Table(rows, colWidths=["34%", "33%", "33%"], repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle([
        TABLE_FONT, ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
        ("LINEBELOW", (0, 1), (-1, -1), 0.3, RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), 4), ("RIGHTPADDING", (0, 0), (-1, -1), 3 * mm),
    ]))
    return [PageBreak(), Heading(labels.attachments, styles.h1), table]


def contents_entries(attachments: Attachments) -> tuple[AppendedEntry, ...]:
    """The appended PDFs as the contents list them."""
    return tuple(AppendedEntry(markup(f.attachment.filename), f.offset)
                 for f in attachments.appended)


# --- after the layout ------------------------------------------------------------------

def _outline_parent(writer: PdfWriter, title: str) -> IndirectObject | None:
    """The last top-level bookmark called ``title`` (the chapter, the last one: a note
    may have the same title), to hang the PDFs under.

    Cloned bookmarks are plain dictionaries; pypdf adds children only to its tree
    objects, so the chapter's is replaced by one, as pypdf does for the outline root.
    """
    for item in reversed(list(writer.get_outline_root().children())):
        if str(item.get("/Title", "")) == title and item.indirect_reference is not None:
            reference: IndirectObject = item.indirect_reference
            if not isinstance(item, TreeObject):
                writer._replace_object(reference, TreeObject(item))
            return reference
    return None


def append(laid_out: bytes, attachments: Attachments, labels: Labels,
           metadata: dict[str, str], out: BinaryIO, progress: Progress) -> int:
    """Write ``laid_out`` followed by the appended PDFs to ``out``, each with a bookmark
    under the chapter's (its own bookmarks under it) and « page X / Y » at the foot of
    its pages; returns the number of pages written."""
    with quiet_pypdf():  # what cannot be appended goes to the report, not to the log
        return _append(laid_out, attachments, labels, metadata, out, progress)


def _append(laid_out: bytes, attachments: Attachments, labels: Labels,
            metadata: dict[str, str], out: BinaryIO, progress: Progress) -> int:
    writer = PdfWriter(clone_from=io.BytesIO(laid_out))
    laid_out_pages = len(writer.pages)
    chapter_title = labels.attachments
    parent = _outline_parent(writer, chapter_title)
    files = attachments.appended
    tags = SubsetTags("Z")
    firsts: dict[int, int] = {}  # offset of each file -> its first page in writer
    for i, (file, reader) in enumerate(zip(files, attachments.readers, strict=True)):
        if progress.cancelled():
            raise Cancelled()
        progress.report(i, len(files), "appending")
        first = len(writer.pages)
        try:
            writer.append(reader, import_outline=False)
            rename_subset_fonts(writer.pages[first:], tags)  # see pdfpatch
            mark = writer.add_outline_item(title=file.attachment.filename,
                                           page_number=first, parent=parent, is_open=False)
            add_outline(writer, read_outline(reader, file.attachment.path), first, mark)
        except DAMAGED_PDF_ERRORS as exc:
            log.info("cannot append %s: %s", file.attachment.path, exc)
            raise AppendFailed(file) from exc
        firsts[file.offset] = first
    total = len(writer.pages)
    try:
        stamp_page_numbers(writer, laid_out_pages,
                           lambda n: labels.page.format(page=n, total=total))
    except StampFailed as failed:
        damaged = next(f for f in files if laid_out_pages + f.offset <= failed.index
                       < laid_out_pages + f.offset + f.pages)
        log.info("cannot stamp %s: %s", damaged.attachment.path, failed.__cause__)
        raise AppendFailed(damaged) from failed
    _link_contents(writer, laid_out_pages, firsts)
    writer.add_metadata(metadata)
    writer.write(out)
    return len(writer.pages)


def _link_contents(writer: PdfWriter, laid_out_pages: int, firsts: dict[int, int]) -> None:
    """Point the contents lines of the appended PDFs (links to a destination named after
    their offset, which the layout could not place) at their first pages."""
    names = {appended_destination(offset): first for offset, first in firsts.items()}
    for page in writer.pages[:laid_out_pages]:
        annotations = page.get("/Annots")
        for annotation in annotations.get_object() if annotations is not None else ():
            link = annotation.get_object()
            dest = link.get("/Dest")
            if isinstance(dest, TextStringObject | ByteStringObject):
                name = dest if isinstance(dest, str) else dest.decode("latin-1")
                if name in names:
                    target = writer.pages[names[name]].indirect_reference
                    link[NameObject("/Dest")] = ArrayObject([target, NameObject("/Fit")])
