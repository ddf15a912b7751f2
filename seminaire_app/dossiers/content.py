"""What a dossier prints, gathered from the library before anything is laid out.

Everything is read up front through the services, in one read transaction
(``Library.reading``: the services join it), and held as frozen domain objects: a pack
shows one state of the library even if someone edits it meanwhile, and the layout
(seconds of ReportLab work, possibly on a worker thread) never touches the database.
Internal notes are never read: only notes marked for participants.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from ..domain import (
    Attachment,
    Edition,
    Note,
    Owner,
    ProgrammeItem,
    ReadingEntry,
    ReadingRole,
    Reference,
    ReferenceId,
    Registration,
    Visibility,
    Workshop,
)
from ..errors import Cancelled, ValidationError
from ..progress import NULL_PROGRESS, Progress
from ..services import (
    attachments,
    editions,
    notes,
    participants,
    programme,
    tags,
    workshops,
)
from ..services import collections as collection_service
from ..services import references as reference_service
from ..services.references import ReferenceFilter
from ..storage.library import Library
from ..textfold import fold, sort_key
from .labels import Labels
from .model import Selection

#: When a reference sits on several reading lists, the full bibliography files it under
#: the first of these roles.
ROLE_PRECEDENCE = (ReadingRole.REQUIRED, ReadingRole.BACKGROUND, ReadingRole.PRODUCED)


@dataclass(frozen=True, slots=True)
class WorkshopContent:
    workshop: Workshop
    notes: tuple[Note, ...]  # for participants only
    readings: tuple[ReadingEntry, ...]  # in the reading list's order
    attachments: tuple[Attachment, ...]


@dataclass(frozen=True, slots=True)
class EditionContent:
    """An edition as a pack or a workshop dossier shows it."""

    edition: Edition
    workshops: tuple[WorkshopContent, ...]  # all of them, or the one of a workshop dossier
    programme: tuple[ProgrammeItem, ...]  # in time order
    registrations: tuple[Registration, ...]  # everyone registered, by family name
    notes: tuple[Note, ...]  # the edition's own notes for participants
    attachments: tuple[Attachment, ...]  # the edition's own files

    def references(self) -> list[Reference]:
        """Every reference on the workshops' reading lists, once, in list order."""
        seen: dict[ReferenceId, Reference] = {}
        for ws in self.workshops:
            for entry in ws.readings:
                seen.setdefault(entry.reference.id, entry.reference)
        return list(seen.values())

    def roles(self) -> dict[ReferenceId, ReadingRole]:
        """Each reference's strongest role on the reading lists (see ROLE_PRECEDENCE)."""
        found: dict[ReferenceId, set[ReadingRole]] = {}
        for ws in self.workshops:
            for entry in ws.readings:
                found.setdefault(entry.reference.id, set()).add(entry.role)
        return {rid: next(r for r in ROLE_PRECEDENCE if r in roles)
                for rid, roles in found.items()}

    def all_attachments(self) -> list[tuple[Attachment, Workshop | None]]:
        """The edition's files, then each workshop's, with the workshop they belong to."""
        out: list[tuple[Attachment, Workshop | None]] = [(a, None) for a in self.attachments]
        for ws in self.workshops:
            out.extend((a, ws.workshop) for a in ws.attachments)
        return out

    def registration(self, participant_id: int) -> Registration:
        """The registration of ``participant_id``; ValidationError when not registered."""
        for reg in self.registrations:
            if reg.participant.id == participant_id:
                return reg
        raise ValidationError("participant", "participant {participant} is not registered "
                                             "to the edition {year}",
                              participant=participant_id, year=self.edition.year)


@dataclass(frozen=True, slots=True)
class ReferenceSet:
    """The references of a bibliography, with what the reading lists say about them."""

    references: tuple[Reference, ...]
    roles: Mapping[ReferenceId, ReadingRole] = field(default_factory=dict)
    annotations: Mapping[ReferenceId, str] = field(default_factory=dict)
    edition: Edition | None = None  # for the running header
    workshop: Workshop | None = None  # a workshop's reading list was selected
    tag: str = ""  # selected
    collection: str = ""  # selected, as its path
    edition_lists: bool = False  # the reading lists of ``edition`` were selected

    def described(self, labels: Labels) -> tuple[str, ...]:
        """What was selected besides a workshop's list, as a subtitle names it:
        « Thématique : Communs », « Collection : Fondamentaux › Territoires », the
        edition's title."""
        parts = []
        if self.tag:
            parts.append(labels.theme.format(tag=self.tag))
        if self.collection:
            parts.append(labels.collection.format(path=self.collection.replace("/", " › ")))
        if self.edition_lists and self.edition is not None:
            parts.append(self.edition.title)
        return tuple(parts)


def _check(progress: Progress) -> None:
    if progress.cancelled():
        raise Cancelled()


def _workshop_content(lib: Library, workshop: Workshop) -> WorkshopContent:
    owner = Owner("workshop", workshop.id)
    return WorkshopContent(
        workshop=workshop,
        notes=tuple(notes.list_for(lib, owner, Visibility.PARTICIPANTS)),
        readings=tuple(workshops.reading_list(lib, workshop.year, workshop.number)),
        attachments=tuple(attachments.list_for(lib, owner)))


def gather_edition(lib: Library, year: int, workshop: int | None = None,
                   progress: Progress = NULL_PROGRESS) -> EditionContent:
    """The edition of ``year`` (NotFound("edition")) with all its workshops, or with the
    one numbered ``workshop`` only (NotFound("workshop")) and the programme items that
    concern it (its own and those for everyone)."""
    with lib.reading():
        return _gather_edition(lib, year, workshop, progress)


def _gather_edition(lib: Library, year: int, workshop: int | None,
                    progress: Progress) -> EditionContent:
    edition = editions.get(lib, year)
    if workshop is not None:
        chosen = [workshops.get(lib, year, workshop)]
    else:
        chosen = workshops.list_workshops(lib, year)
    contents = []
    for ws in chosen:
        _check(progress)
        contents.append(_workshop_content(lib, ws))
    items = programme.list_items(lib, year)
    if workshop is not None:
        items = [i for i in items if i.workshop_number in (None, workshop)]
    owner = Owner("edition", edition.id)
    return EditionContent(
        edition=edition, workshops=tuple(contents), programme=tuple(items),
        registrations=tuple(participants.registrations(lib, year)),
        notes=tuple(notes.list_for(lib, owner, Visibility.PARTICIPANTS)),
        attachments=tuple(attachments.list_for(lib, owner)))


def _add(found: dict[ReferenceId, Reference], refs: Sequence[Reference]) -> None:
    for ref in refs:
        found.setdefault(ref.id, ref)


def _add_readings(found: dict[ReferenceId, Reference], roles: dict[ReferenceId, set[ReadingRole]],
                  entries: Sequence[ReadingEntry]) -> None:
    for entry in entries:
        found.setdefault(entry.reference.id, entry.reference)
        roles.setdefault(entry.reference.id, set()).add(entry.role)


def gather_selection(lib: Library, selection: Selection,
                     progress: Progress = NULL_PROGRESS) -> ReferenceSet:
    """The references ``selection`` names, each once: explicit ones first (NotFound for
    an unknown id or key), then the tag's and the collection's (named as the search
    names them, case and accents ignored; ValidationError naming the nearest ones for an
    unknown tag or collection) and the reading lists'. ValidationError when nothing is
    selected or nothing matches."""
    with lib.reading():
        return _gather_selection(lib, selection, progress)


def _gather_selection(lib: Library, selection: Selection, progress: Progress) -> ReferenceSet:
    if selection.is_empty():
        raise ValidationError("selection", "choose references, a tag, a collection, "
                                           "a workshop or an edition")
    found: dict[ReferenceId, Reference] = {}
    roles: dict[ReferenceId, set[ReadingRole]] = {}
    annotations: dict[ReferenceId, str] = {}
    edition: Edition | None = None
    workshop: Workshop | None = None
    _add(found, [reference_service.get(lib, ref) for ref in selection.references])
    _check(progress)
    tag_names = _tags_named(lib, selection.tag) if selection.tag.strip() else []
    for tag in tag_names:
        _add(found, reference_service.list_references(lib, ReferenceFilter(tag=tag),
                                                      sort="creator"))
    paths = (_collections_named(lib, selection.collection) if selection.collection.strip()
             else [])
    for path in paths:
        _add(found, reference_service.list_references(
            lib, ReferenceFilter(collection=path), sort="creator"))
    _check(progress)
    if selection.workshop is not None:
        year, number = selection.workshop
        workshop = workshops.get(lib, year, number)
        entries = workshops.reading_list(lib, year, number)
        _add_readings(found, roles, entries)
        annotations.update({e.reference.id: e.annotation for e in entries if e.annotation})
        edition = editions.get(lib, year)
    if selection.edition_year is not None:
        edition = editions.get(lib, selection.edition_year)
        for ws in workshops.list_workshops(lib, selection.edition_year):
            _check(progress)
            _add_readings(found, roles, workshops.reading_list(lib, ws.year, ws.number))
    if not found:
        raise ValidationError("selection", "no reference matches the selection")
    strongest = {rid: next(r for r in ROLE_PRECEDENCE if r in rs) for rid, rs in roles.items()}
    return ReferenceSet(tuple(found.values()), strongest, annotations, edition, workshop,
                        ", ".join(tag_names), ", ".join(paths),
                        selection.edition_year is not None)


# --- tags and collections named as the search names them ---------------------------------

NEAREST = 3  # names suggested for one that does not exist


def _nearest(typed: str, names: Sequence[str], key: Callable[[str], str]) -> str:
    """Up to :data:`NEAREST` of ``names`` that look like ``typed``, as « A », « B »: those
    that hold it first (« commun » → « Communs »), then those spelt alike, else the least
    unlike; empty only without ``names``."""
    wanted, keyed = key(typed), {key(name): name for name in names}
    holding = sorted((k for k in keyed if wanted in k), key=sort_key)
    alike = difflib.get_close_matches(wanted, list(keyed), n=NEAREST, cutoff=0.6)
    chosen = (list(dict.fromkeys([*holding, *alike]))[:NEAREST]
              or difflib.get_close_matches(wanted, list(keyed), n=NEAREST, cutoff=0))
    return ", ".join(f"«\u00a0{keyed[k]}\u00a0»" for k in chosen)  # no break inside


def _named(typed: str, names: Sequence[str], tidy: Callable[[str], str]) -> list[str]:
    """The ``names`` that ``typed`` names, as spelt there: the one spelt so (case aside),
    else those a search finds (accents ignored too: « cooperation », « Coopération »).
    ``tidy`` evens out the spaces (ValidationError for a path like « A//B »)."""
    spelt, searched = tidy(typed).casefold(), fold(tidy(typed))
    exact = [name for name in names if tidy(name).casefold() == spelt]
    return exact or [name for name in names if fold(tidy(name)) == searched]


def _tidy_tag(name: str) -> str:
    return " ".join(name.split())


def _tidy_path(path: str) -> str:
    return collection_service.SEPARATOR.join(collection_service.split_path(path))


def _tags_named(lib: Library, typed: str) -> list[str]:
    """The tags ``typed`` names (:func:`_named`); ValidationError("tag") naming the
    nearest ones when there is none."""
    every = [t.name for t in tags.list_tags(lib)]
    found = _named(typed, every, _tidy_tag)
    if found:
        return found
    nearest = _nearest(typed, every, lambda name: fold(_tidy_tag(name)))
    if nearest:
        raise ValidationError("tag", "« {tag} » is not a tag of the library; the "
                                     "nearest: {nearest}", tag=typed, nearest=nearest)
    raise ValidationError("tag", "« {tag} » is not a tag: the library has none yet", tag=typed)


def _collections_named(lib: Library, typed: str) -> list[str]:
    """The paths of the collections ``typed`` names (:func:`_named`);
    ValidationError("collection") naming the nearest ones when there is none."""
    every = [c.path for c in collection_service.list_collections(lib)]
    found = _named(typed, every, _tidy_path)
    if found:
        return found
    nearest = _nearest(typed, every, lambda path: fold(_tidy_path(path)))
    if nearest:
        raise ValidationError("collection", "« {path} » is not a collection of the library; "
                                            "the nearest: {nearest}", path=typed, nearest=nearest)
    raise ValidationError("collection", "« {path} » is not a collection: the library has "
                                        "none yet", path=typed)


def people_in(registrations: Sequence[Registration], workshop_number: int | None
              ) -> list[Registration]:
    """Who a dossier is for: everyone registered, or the participants of a workshop."""
    if workshop_number is None:
        return list(registrations)
    return [r for r in registrations if workshop_number in r.workshops]


def ensure_participant(lib: Library, content: EditionContent, participant_id: int,
                       workshop: Workshop | None = None) -> Registration:
    """The registration of an existing participant (NotFound otherwise) to the edition,
    and to ``workshop`` when a workshop dossier is personalised (ValidationError)."""
    try:
        registration = content.registration(participant_id)
    except ValidationError:
        participants.get(lib, participant_id)  # NotFound("participant") if there is none
        raise
    if workshop is not None and workshop.number not in registration.workshops:
        raise ValidationError("participant", "{name} does not take part in workshop {number}",
                              name=registration.participant.display(), number=workshop.number)
    return registration

