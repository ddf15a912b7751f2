"""One personal pack per registered participant, into a folder and/or one combined PDF.

Personal packs differ by their cover only (the participant's name and workshops), and
the cover is always exactly one page: the pack is laid out and its attachments appended
once, then each participant's cover is laid out alone (a few milliseconds) and put in
place of the first page by an incremental update (:mod:`.pdfpatch`). Fifty packs cost
about one pack plus fifty covers.
"""

from __future__ import annotations

import re
import shutil
import tempfile
import unicodedata
from collections.abc import Sequence
from pathlib import Path

from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject, TextStringObject

from ..domain import Registration
from ..errors import Cancelled, StorageError, ValidationError
from ..progress import NULL_PROGRESS, Progress
from ..services import participants
from ..storage.library import Library
from . import builders
from .builders import PreparedPack
from .content import people_in
from .model import DossierReport, DossierRequest, Section, Template
from .output import atomic_file
from .pdfpatch import CoverSwap, SubsetTags, rename_subset_fonts
from .typography import spaced

# Characters no file system or no OS takes in a name (Windows' list, which includes
# POSIX's « / » and NUL), and the control characters.
_FORBIDDEN = re.compile(r'[/\\:*?"<>|\x00-\x1f\x7f]')
_RESERVED = frozenset({"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
                       *(f"COM{i}" for i in "123456789¹²³"),
                       *(f"LPT{i}" for i in "123456789¹²³")})
#: Unicode categories of characters nobody sees or types: format characters (zero-width
#: spaces, bidi overrides that can make « gpj.exe » look like « exe.jpg »), unassigned
#: code points and noncharacters, private use, surrogates.
_INVISIBLE = frozenset({"Cf", "Cn", "Co", "Cs"})
#: Format characters that are spelling, not decoration: the zero-width non-joiner and
#: joiner of Persian, Kurdish and Indic names (« می‌خواهم »).
_JOINERS = frozenset({"\u200c", "\u200d"})
_EDGES = " ." + "".join(_JOINERS)  # what a name never starts or ends with
#: Bytes of UTF-8, well under the 255 of every common file system, leaving room for a
#: « (2) » and an extension.
MAX_NAME_BYTES = 120


def safe_filename(text: str) -> str:
    """``text`` as a file name that every file system accepts.

    Forbidden characters and control characters become spaces, runs of spaces one
    space; invisible characters (format but the joiners, unassigned, private use) are
    dropped; no leading or trailing dot, space or joiner; at most :data:`MAX_NAME_BYTES`
    bytes of UTF-8, cut between characters; Windows' reserved names (CON, NUL, COM1…,
    also with an extension) get a leading underscore; an empty result is « dossier ».
    Accents and other scripts are kept (composed, NFC).
    """
    visible = "".join(c for c in unicodedata.normalize("NFC", text)
                      if c in _JOINERS or unicodedata.category(c) not in _INVISIBLE)
    name = " ".join(_FORBIDDEN.sub(" ", visible).split())
    name = name.strip(_EDGES)  # a joiner joins nothing at an end
    while len(name.encode("utf-8")) > MAX_NAME_BYTES:
        name = name[:-1]
    name = name.rstrip(_EDGES) or "dossier"
    if name.split(".")[0].strip().upper() in _RESERVED:
        name = f"_{name}"
    return name


def _unique_names(people: Sequence[Registration]) -> list[str]:
    """« Family Given.pdf » for each, unique even where case and accents' encoding are
    not told apart (Windows, macOS): « Martin Anne (2).pdf »."""
    taken: set[str] = set()
    names = []
    for reg in people:
        person = reg.participant
        base = safe_filename(f"{person.family} {person.given}".strip() or f"{person.id}")
        name, n = base, 1
        while name.casefold() in taken:
            n += 1
            name = f"{base} ({n})"
        taken.add(name.casefold())
        names.append(f"{name}.pdf")
    return names


def _for_whom(registrations: Sequence[Registration], request: DossierRequest
              ) -> list[Registration]:
    """Who gets a personal copy: everyone registered, or a workshop dossier's participants."""
    return people_in(registrations,
                     request.workshop if request.template is Template.WORKSHOP else None)


def per_participant_paths(lib: Library, request: DossierRequest, folder: Path | None = None,
                          combined: Path | None = None) -> tuple[Path, ...]:
    """The files :func:`build_per_participant` would write with the same arguments, in
    the order of its report, without building anything (one query): to ask before
    replacing files that exist. Empty when there is no edition to build for.
    NotFound("edition")."""
    if request.year is None:
        return ()
    people = _for_whom(participants.registrations(lib, request.year), request)
    names = _unique_names(people)
    return ((combined,) if combined is not None else ()) + (
        tuple(folder / name for name in names) if folder is not None else ())


def _check(progress: Progress) -> None:
    if progress.cancelled():
        raise Cancelled()


def build_per_participant(lib: Library, request: DossierRequest, folder: Path | None = None,
                          combined: Path | None = None,
                          progress: Progress = NULL_PROGRESS) -> DossierReport:
    """A personal pack (or workshop dossier) for each participant registered to the
    edition (assigned to the workshop), into ``folder`` as « Family Given.pdf » and/or
    all together in ``combined``, each pack starting on an odd page for duplex printing.

    Packs are written to a temporary folder first and moved in at the end: a cancelled
    or failed batch leaves nothing new. ValidationError when there is no output, no
    cover (nothing would be personal) or no one registered.
    """
    if folder is None and combined is None:
        raise ValidationError("output", "choose a folder, a combined PDF or both")
    if request.template not in (Template.PACK, Template.WORKSHOP):
        raise ValidationError("template", "personal dossiers are packs or workshop dossiers")
    if Section.COVER not in request.sections:
        raise ValidationError("sections", "personal dossiers differ by their cover: keep it")
    prepared = builders.prepare(lib, request, progress)
    people = _for_whom(prepared.content.registrations, request)
    if not people:
        raise ValidationError("participants", "no one is registered for this dossier")
    prepared, generic, total = builders.build_pack(prepared, None, progress)
    made_folder = folder is not None and not folder.exists()
    staging = _staging(folder or Path(combined or ".").parent)
    try:
        names = _personal_packs(prepared, CoverSwap(generic), people, staging, progress)
        paths: list[Path] = []
        count = combined_pages = 0
        if combined is not None:
            combined_pages = _write_combined([staging / n for n in names], people, combined,
                                             builders.pack_metadata(prepared, None), progress)
            count += combined_pages
            paths.append(combined)
        if folder is not None:
            for name in names:
                (staging / name).replace(folder / name)
                paths.append(folder / name)
            count += total * len(names)
    except BaseException:
        if made_folder and folder is not None:
            shutil.rmtree(folder, ignore_errors=True)  # ours, and nothing moved in yet
        raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    files = prepared.attachments
    return DossierReport(tuple(paths), count, files.problems,
                         tuple(f.attachment.filename for f in files.appended),
                         combined, combined_pages)


def _staging(folder: Path) -> Path:
    """A hidden temporary folder inside ``folder`` (the same file system: packs are
    moved out of it by renaming)."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        return Path(tempfile.mkdtemp(prefix=".dossiers-", dir=folder))
    except OSError as exc:
        raise StorageError(f"cannot write in {folder}: {exc}") from exc


def _personal_packs(prepared: PreparedPack, generic: CoverSwap,
                    people: Sequence[Registration], staging: Path, progress: Progress
                    ) -> list[str]:
    """Write each personal pack into ``staging``; returns their file names."""
    names = _unique_names(people)
    for i, (person, name) in enumerate(zip(people, names, strict=True)):
        _check(progress)
        progress.report(i, len(people), "participants")
        cover, _ = builders.lay_out(prepared, person,
                                    story=[builders.cover(prepared, person)])
        meta = builders.pdf_metadata(builders.pack_metadata(prepared, person))
        try:
            (staging / name).write_bytes(generic.with_cover(cover, meta))
        except OSError as exc:
            raise StorageError(f"cannot write {staging / name}: {exc}") from exc
    return names


def _write_combined(packs: Sequence[Path], people: Sequence[Registration], path: Path,
                    meta: dict[str, str], progress: Progress) -> int:
    """All packs in one PDF, a bookmark for each participant, each pack starting on an
    odd page (a blank page after a pack with an odd count); the generic pack's ``meta``
    (title, author, language…), opening on the bookmarks."""
    writer = PdfWriter()
    writer.add_metadata(builders.pdf_metadata(meta))
    writer.root_object[NameObject("/Lang")] = TextStringObject(meta["lang"])
    writer.page_mode = "/UseOutlines"
    writer.generate_file_identifiers()  # pypdf gives a new writer none
    tags = SubsetTags("X")
    for i, (pack, person) in enumerate(zip(packs, people, strict=True)):
        _check(progress)
        progress.report(i, len(packs), "combining")
        reader = PdfReader(pack)
        first = len(writer.pages)
        # the name as the pack's cover and participants list print it: « d’Arcy »
        writer.append(reader, outline_item=spaced(person.participant.display(), meta["lang"]))
        rename_subset_fonts(writer.pages[first:], tags)  # each pack's subsets are its own
        if len(reader.pages) % 2:
            box = reader.pages[-1].mediabox
            writer.add_blank_page(float(box.width), float(box.height))
    # Every pack carries the same fonts and images: keep one copy of each (ten demo
    # packs: 3.4 MB → 0.9 MB).
    writer.compress_identical_objects()
    with atomic_file(path) as out:
        writer.write(out)
    return len(writer.pages)
