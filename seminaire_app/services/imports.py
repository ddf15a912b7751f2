"""Importing BibTeX, RIS and CSL-JSON files (preview first, then one transaction), exporting.

:func:`preview` reads and parses a file and says what an import would do (entries,
probable duplicates, bad entries with their lines) without writing anything;
:func:`run_import` then brings the good entries in, all in one transaction after a
backup copy of the library (a bulk import is not an undo step).
"""

from __future__ import annotations

import codecs
import logging
import stat
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from .. import search
from ..citekeys import base_key, unique_key
from ..domain import Changes, Reference, ReferenceDraft, ReferenceId
from ..errors import Cancelled, NotFound, ValidationError
from ..interchange import EntryError, ParseResult, formats
from ..progress import NULL_PROGRESS, Progress
from ..storage import files as stored_files
from ..storage.library import Library
from ..storage.models import AttachmentRow, CollectionItemRow, ReferenceRow
from ..textextract import extract_text
from . import collections, duplicates, lookup, references
from .references import ReferenceFilter
from .tags import tag_ids, validate_tag

log = logging.getLogger(__name__)

#: The largest file imported. A 10,000-entry BibTeX file with abstracts is about 10 MB
#: and a whole Zotero library exported with notes rarely passes 100 MB; reading and
#: parsing 200 MB takes about 1 GB of memory. Larger files are refused before a byte is
#: read, so that a 1 GB file gets an instant error rather than a swapping machine.
MAX_FILE_BYTES = 200 * 1024 * 1024
_CHUNK = 5000  # ids per IN (…): SQLite builds take 32,766 (the default) to 250,000 (Debian)


@dataclass(frozen=True, slots=True)
class ImportEntry:
    """One good entry of a file, and what it looks like against the library."""

    draft: ReferenceDraft  # validated
    line: int
    files: tuple[Path, ...] = ()
    duplicates_of: tuple[ReferenceId, ...] = ()  # references already in the library
    duplicates_in_file: tuple[int, ...] = ()  # indexes of earlier entries of the file

    @property
    def is_duplicate(self) -> bool:
        return bool(self.duplicates_of or self.duplicates_in_file)


@dataclass(frozen=True, slots=True)
class ImportPreview:
    """What importing a file would do; nothing is written to make it."""

    format: str
    entries: tuple[ImportEntry, ...]
    errors: tuple[EntryError, ...] = ()
    warnings: tuple[str, ...] = ()
    path: Path | None = None

    @property
    def duplicate_count(self) -> int:
        return sum(1 for e in self.entries if e.is_duplicate)


@dataclass(frozen=True, slots=True)
class ImportReport:
    """What an import did."""

    imported: tuple[ReferenceId, ...]
    skipped_duplicates: int
    probable_duplicates: int  # entries that look like a reference already there (or earlier)
    errors: tuple[EntryError, ...]
    attached_files: int
    renamed_keys: tuple[tuple[str, str], ...] = ()  # (key in the file, key given)
    warnings: tuple[str, ...] = ()
    backup: Path | None = None
    changes: Changes = Changes.NONE


# --- reading ---------------------------------------------------------------------------

def check_format(fmt: str) -> str:
    """``fmt`` (any case) if Séminaire reads and writes it; ValidationError otherwise."""
    return formats.check_format(fmt.strip().lower())


def _read_bytes(path: Path) -> bytes:
    try:
        info = path.stat()
    except FileNotFoundError:
        raise ValidationError("file", "« {path} » does not exist", path=path) from None
    except OSError as exc:
        raise ValidationError("file", "cannot read « {path} »: {reason}",
                              path=path, reason=exc.strerror or exc) from exc
    if stat.S_ISDIR(info.st_mode):
        raise ValidationError("file", "« {path} » is a folder; name a file in it", path=path)
    if not stat.S_ISREG(info.st_mode):
        raise ValidationError("file", "« {path} » is not a regular file", path=path)
    if info.st_size > MAX_FILE_BYTES:
        raise ValidationError("file", "« {name} » is {size:,.0f} MB; Séminaire imports files "
                              "up to {limit} MB: split it into smaller files", name=path.name,
                              size=info.st_size / 2**20, limit=MAX_FILE_BYTES // 2**20)
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)  # it may have grown since stat()
    except OSError as exc:
        raise ValidationError("file", "cannot read « {path} »: {reason}",
                              path=path, reason=exc.strerror or exc) from exc
    if len(data) > MAX_FILE_BYTES:
        raise ValidationError("file", "« {name} » is larger than {limit} MB",
                              name=path.name, limit=MAX_FILE_BYTES // 2**20)
    return data


def decode(data: bytes, name: str) -> tuple[str, tuple[str, ...]]:
    """The text of a file and warnings: UTF-8 (with or without BOM), UTF-16 with a BOM,
    else Windows-1252 (Latin-1 for bytes it lacks), said in a warning; ValidationError
    for binary content (:func:`~seminaire_app.interchange.formats.looks_binary`)."""
    binary = ValidationError("file", "« {name} » looks like a binary file, not a BibTeX, "
                             "RIS or CSL-JSON text", name=name)
    warnings: tuple[str, ...] = ()
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise binary from exc
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            try:
                text, encoding = data.decode("cp1252"), "Windows-1252"
            except UnicodeDecodeError:
                text, encoding = data.decode("latin-1"), "Latin-1"
            warnings = (f"« {name} » is not UTF-8: read as {encoding}; check its accents",)
    if formats.looks_binary(text):
        raise binary
    return text, warnings


def read_file(path: Path, format: str | None = None) -> tuple[str, ParseResult]:
    """Read and parse a bibliographic file; returns its format and what the reader found.

    Refused with ValidationError("file", …): a missing file, a folder, a file above
    :data:`MAX_FILE_BYTES` (checked before reading), binary content. The format is
    ``format`` when given, else detected from the content and the name.
    """
    path = Path(path).expanduser()
    text, warnings = decode(_read_bytes(path), path.name)
    fmt = check_format(format) if format else formats.detect_format(text, path.name)
    result = formats.reader(fmt)(text, path.parent)
    log.info("read %s as %s: %d entries, %d errors", path, fmt, len(result.entries),
             len(result.errors))
    return fmt, replace(result, warnings=warnings + tuple(result.warnings))


# --- preview ---------------------------------------------------------------------------

def preview(lib: Library, path: Path, format: str | None = None) -> ImportPreview:
    """What importing ``path`` would do: entries, probable duplicates, errors. Writes nothing."""
    fmt, result = read_file(path, format)
    return preview_parsed(lib, result, fmt, Path(path))


def preview_parsed(lib: Library, result: ParseResult, fmt: str = "",
                   path: Path | None = None) -> ImportPreview:
    """The preview of entries already parsed (a file, a paste, a drop)."""
    good: list[tuple[ReferenceDraft, int, tuple[Path, ...]]] = []
    errors = list(result.errors)
    for entry in result.entries:
        try:
            good.append((references.validate(entry.draft), entry.line, entry.files))
        except ValidationError as exc:
            errors.append(EntryError(entry.line, str(exc), entry.draft.citation_key))
    signatures = [duplicates.signature(i, draft) for i, (draft, _, _) in enumerate(good)]
    library = duplicates.library_index(lib) if signatures else duplicates.BlockIndex()
    in_library = [duplicates.duplicates_in(library, sig._replace(id=-1)) for sig in signatures]
    in_file = _duplicates_within(signatures)
    entries = tuple(
        ImportEntry(draft, line, found, dups, earlier)
        for (draft, line, found), dups, earlier in zip(good, in_library, in_file, strict=True))
    return ImportPreview(fmt, entries, tuple(sorted(errors, key=lambda e: e.line)),
                         tuple(result.warnings), path)


def _duplicates_within(signatures: Sequence[duplicates.Signature]) -> list[tuple[int, ...]]:
    """For each entry (signed with its index), the indexes of the earlier ones it repeats."""
    index = duplicates.BlockIndex()
    out: list[tuple[int, ...]] = []
    for sig in signatures:
        out.append(tuple(sorted(index.matches(sig))))
        index.add(sig)
    return out


# --- import ----------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _StoredFile:
    filename: str
    sha256: str
    size: int
    text: str
    status: str


def _store_files(lib: Library, entries: Sequence[ImportEntry], progress: Progress,
                 ) -> tuple[list[list[_StoredFile]], list[str]]:
    """Copy the entries' files into the library (before the transaction: it takes time)."""
    cache: dict[Path, _StoredFile] = {}
    out: list[list[_StoredFile]] = []
    warnings: list[str] = []
    total = sum(len(e.files) for e in entries)
    done = 0
    for entry in entries:
        stored: list[_StoredFile] = []
        for source in entry.files:
            if progress.cancelled():
                raise Cancelled()
            done += 1
            key = source.resolve()
            if key not in cache:
                if not source.is_file():
                    warnings.append(f"line {entry.line}: « {source} » is gone; not attached")
                    continue
                body, status = extract_text(source)
                sha, size = stored_files.store(lib.files_dir, source)
                cache[key] = _StoredFile(source.name, sha, size, body, status)
                progress.report(done, total, "files")
            stored.append(cache[key])
        out.append(stored)
    return out, warnings


def _unique_keys(session: Session, drafts: Sequence[ReferenceDraft],
                 ) -> tuple[list[ReferenceDraft], list[tuple[str, str]]]:
    """Drafts whose keys are free: a taken key gets a letter (``dupont2016a``)."""
    taken = set(session.scalars(select(ReferenceRow.citation_key)))
    out: list[ReferenceDraft] = []
    renamed: list[tuple[str, str]] = []
    for draft in drafts:
        wanted = draft.citation_key or base_key(draft.creators, draft.issued, draft.title)
        key = unique_key(wanted, taken.__contains__)
        if draft.citation_key and key != draft.citation_key:
            renamed.append((draft.citation_key, key))
        taken.add(key)
        out.append(replace(draft, citation_key=key))
    return out, renamed


def run_import(lib: Library, preview: ImportPreview, *, tags: Sequence[str] = (),
               collection: str | None = None, strict: bool = False,
               skip_duplicates: bool = False,
               progress: Progress = NULL_PROGRESS) -> ImportReport:
    """Import the good entries of ``preview`` in one transaction, after a backup.

    Every good entry comes in with a unique citation key (a taken key gets a letter
    suffix, listed in ``renamed_keys``), ``tags`` and ``collection`` (created if missing);
    files named by entries are attached as stored copies. With ``strict`` nothing is
    imported when an entry was bad; with ``skip_duplicates`` the entries that look like a
    reference of the library or an earlier entry of the file are left out.
    """
    if strict and preview.errors:
        count = len(preview.errors)
        if count == 1:
            raise ValidationError("file", "1 bad entry: nothing imported (strict)")
        raise ValidationError("file", "{count} bad entries: nothing imported (strict)",
                              count=count)
    extra = [validate_tag(t) for t in tags]
    if collection:
        collections.split_path(collection)  # a bad path is refused before the backup
    flagged = preview.duplicate_count
    chosen = [e for e in preview.entries if not (skip_duplicates and e.is_duplicate)]
    skipped = len(preview.entries) - len(chosen)
    if not chosen:
        return ImportReport((), skipped, flagged, preview.errors, 0)
    backup = lib.backup("before-import")
    attached, warnings = _store_files(lib, chosen, progress)
    now = datetime.now()
    with lib.begin() as session:
        drafts, renamed = _unique_keys(
            session, [replace(e.draft, tags=(*e.draft.tags, *extra)) for e in chosen])
        # A new tag is spelt as typed in ``tags``, else as first met in the file (the
        # library's spelling wins): created here, in that order, for insert_drafts.
        tag_ids(session, [*extra, *(t for d in drafts for t in d.tags)])
        ids = references.insert_drafts(session, drafts, progress)
        rows = [{"reference_id": rid, "filename": f.filename, "stored": True,
                 "sha256": f.sha256, "link_path": "", "link_relative": False, "size": f.size,
                 "text": f.text, "text_status": f.status, "added": now}
                for rid, stored in zip(ids, attached, strict=True) for f in stored]
        if rows:
            session.execute(insert(AttachmentRow), rows)
            search.index_references(
                session, [rid for rid, stored in zip(ids, attached, strict=True) if stored])
        if collection:
            cid = collections.ensure(session, collection)
            session.execute(insert(CollectionItemRow),
                            [{"collection_id": cid, "reference_id": rid} for rid in ids])
    changes = (Changes.REFERENCES | Changes.TAGS | Changes.ATTACHMENTS
               | (Changes.COLLECTIONS if collection else Changes.NONE))
    lib.notify(changes)
    log.info("imported %d references (%d skipped as duplicates), backup %s",
             len(ids), skipped, backup)
    return ImportReport(tuple(ReferenceId(i) for i in ids), skipped, flagged, preview.errors,
                        len(rows), tuple(renamed), tuple(warnings), backup, changes)


# --- export ----------------------------------------------------------------------------

def select_ids(lib: Library, *, tag: str = "", collection: str = "",
               edition: int | None = None, workshop: tuple[int, int] | None = None,
               refs: Sequence[str | int] = ()) -> list[ReferenceId]:
    """What to export: the references ``refs`` (in their order), then those passing every
    filter given (sorted by citation key); the whole library when nothing is given."""
    chosen: list[ReferenceId] = []
    with lib.begin() as session:
        for ref in refs:
            chosen.append(ReferenceId(lookup.reference_row(session, ref).id))
        if edition is not None:
            lookup.edition_row(session, edition)
        if workshop is not None:
            lookup.workshop_row(session, *workshop)
    filtered = bool(tag or collection or edition is not None or workshop is not None)
    if filtered or not refs:
        flt = ReferenceFilter(tag=tag, collection=collection, edition=edition,
                              workshop=workshop)
        chosen.extend(references.list_ids(lib, flt, sort="key"))
    return list(dict.fromkeys(chosen))


def export(lib: Library, fmt: str, ids: Sequence[int]) -> str:
    """The references ``ids`` (in that order) as a BibTeX, RIS or CSL-JSON text."""
    writer = formats.writer(check_format(fmt))
    found: list[Reference] = []
    with lib.begin() as session:
        for start in range(0, len(ids), _CHUNK):
            found.extend(lookup.references_by_id(session, ids[start:start + _CHUNK]))
    if len(found) != len(set(ids)):
        missing = sorted(set(ids) - {r.id for r in found})
        raise NotFound("reference", missing[0])
    return writer(found)
