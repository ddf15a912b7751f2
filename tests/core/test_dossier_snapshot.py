"""A dossier reads the library in one transaction: one state of it, whatever is
committed meanwhile by another thread."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest
from dossier_support import page_texts, small_edition, squash
from sqlalchemy import event

from seminaire_app.domain import Owner, Visibility
from seminaire_app.dossiers import DossierRequest, Selection, Template, build_dossier
from seminaire_app.dossiers.content import gather_edition, gather_selection
from seminaire_app.errors import StorageError
from seminaire_app.progress import Progress
from seminaire_app.services import (
    attachments,
    editions,
    notes,
    participants,
    programme,
    references,
    workshops,
)
from seminaire_app.storage.library import Library


@contextmanager
def counting_begins(lib: Library) -> Iterator[list[int]]:
    """The number of transactions begun on ``lib``'s database in the block (in [0])."""
    count = [0]

    def began(_connection: object) -> None:
        count[0] += 1

    event.listen(lib.engine, "begin", began)
    try:
        yield count
    finally:
        event.remove(lib.engine, "begin", began)


class EditOnce(Progress):
    """A progress whose first question runs ``edit`` on another thread, to the end."""

    def __init__(self, edit: Callable[[], None]) -> None:
        self.edit: Callable[[], None] | None = edit

    def report(self, done: int, total: int, label: str = "") -> None:
        pass

    def cancelled(self) -> bool:
        if self.edit is not None:
            thread = threading.Thread(target=self.edit)
            self.edit = None
            thread.start()
            thread.join()
        return False


def test_gathering_an_edition_is_one_transaction_with_the_services_results(
        lib: Library) -> None:
    edition = small_edition(lib)
    with counting_begins(lib) as begins:
        content = gather_edition(lib, 2024)
    assert begins[0] == 1
    owner = Owner("edition", edition.id)
    assert content.edition == editions.get(lib, 2024)
    assert [w.workshop for w in content.workshops] == workshops.list_workshops(lib, 2024)
    assert [list(w.readings) for w in content.workshops] == [
        workshops.reading_list(lib, 2024, n) for n in (1, 2)]
    assert [list(w.notes) for w in content.workshops] == [
        notes.list_for(lib, Owner("workshop", w.workshop.id), Visibility.PARTICIPANTS)
        for w in content.workshops]
    assert [n.title for n in content.workshops[0].notes] == ["À retenir"]
    assert list(content.programme) == programme.list_items(lib, 2024)
    assert list(content.registrations) == participants.registrations(lib, 2024)
    assert list(content.notes) == notes.list_for(lib, owner, Visibility.PARTICIPANTS)
    assert list(content.attachments) == attachments.list_for(lib, owner)


def test_gathering_a_selection_is_one_transaction(lib: Library) -> None:
    small_edition(lib)
    with counting_begins(lib) as begins:
        found = gather_selection(lib, Selection(references=("gide1905",), edition_year=2024))
    assert begins[0] == 1
    assert [r.citation_key for r in found.references] == ["gide1905", "ostrom1990"]
    assert found.references[0] == references.get(lib, "gide1905")


def test_badges_read_the_library_in_one_transaction(lib: Library, tmp_path: Path) -> None:
    small_edition(lib)
    with counting_begins(lib) as begins:
        report = build_dossier(lib, DossierRequest(Template.BADGES, year=2024),
                               tmp_path / "badges.pdf")
    assert begins[0] == 1
    assert report.page_count >= 1


def test_an_edit_committed_while_gathering_is_not_half_seen(lib: Library) -> None:
    small_edition(lib)
    second = workshops.get(lib, 2024, 2)

    def edit() -> None:  # after the workshops are read, before their notes are
        notes.add(lib, Owner("workshop", second.id), "Ajoutée pendant la lecture.",
                  title="Tardive", visibility=Visibility.PARTICIPANTS)
        workshops.update(lib, 2024, 2, {"title": "Renommé pendant la lecture"})

    content = gather_edition(lib, 2024, progress=EditOnce(edit))
    gathered = content.workshops[1]
    assert gathered.workshop.title == "Évaluer les impacts"
    assert gathered.notes == ()  # the note came with the new title: neither is seen
    # The edit was committed, and the next dossier shows it.
    again = gather_edition(lib, 2024).workshops[1]
    assert again.workshop.title == "Renommé pendant la lecture"
    assert [n.title for n in again.notes] == ["Tardive"]


def test_a_pack_built_during_an_edit_shows_the_state_it_started_from(
        lib: Library, tmp_path: Path) -> None:
    small_edition(lib)
    second = workshops.get(lib, 2024, 2)

    def edit() -> None:
        editions.update(lib, 2024, {"title": "Titre changé en route"})
        workshops.update(lib, 2024, 2, {"title": "Atelier renommé en route"})
        notes.add(lib, Owner("workshop", second.id), "Écrite en route.",
                  title="Note ajoutée en route", visibility=Visibility.PARTICIPANTS)

    out = tmp_path / "pack.pdf"
    build_dossier(lib, DossierRequest(year=2024), out, progress=EditOnce(edit))
    text = squash(" ".join(page_texts(out)))
    assert "Évaluer les impacts" in text and "Séminaire prospectif 2024" in text
    assert "en route" not in text
    assert editions.get(lib, 2024).title == "Titre changé en route"


def test_a_reading_block_is_read_only_and_leaves_the_library_writable(
        lib: Library) -> None:
    small_edition(lib)
    with counting_begins(lib) as begins, lib.reading():
        with lib.reading():  # blocks nest
            assert workshops.get(lib, 2024, 1).number == 1
        assert workshops.get(lib, 2024, 2).number == 2
    assert begins[0] == 1
    for write in (lambda: workshops.update(lib, 2024, 1, {"title": "Pas ici"}),
                  lambda: programme.add(lib, 2024, date(2024, 11, 29), "14:00", "15:00",
                                        title="Pas ici"),
                  lambda: notes.delete(lib, notes.list_for(lib, Owner(
                      "edition", editions.get(lib, 2024).id))[0].id)):
        with pytest.raises(StorageError), lib.reading():
            write()
    assert workshops.get(lib, 2024, 1).title == "Coopérer sur le territoire"
    assert len(programme.list_items(lib, 2024)) == 2
    assert len(notes.list_for(lib, Owner("edition", editions.get(lib, 2024).id))) == 1
    workshops.update(lib, 2024, 1, {"title": "Ici, oui"})
    assert workshops.get(lib, 2024, 1).title == "Ici, oui"
