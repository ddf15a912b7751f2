"""Seminar deletions can be undone exactly: same ids, links, files and index rows."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from seminaire_app import search
from seminaire_app.domain import Owner, ParticipantRole, ReferenceDraft
from seminaire_app.errors import NotFound, ValidationError
from seminaire_app.services import (
    attachments,
    checks,
    editions,
    notes,
    participants,
    programme,
    references,
    snapshots,
    workshops,
)
from seminaire_app.services import seminar_snapshots as snaps
from seminaire_app.storage.library import Library


@pytest.fixture
def demo(demo_copy: Library) -> Library:
    """The 2017 demo library, copied for each test (the snapshots edit it)."""
    return demo_copy


def _hits(lib: Library, query: str) -> list[search.Hit]:
    with lib.begin() as session:
        return search.search(session, query)


def _state(lib: Library, year: int, number: int) -> dict[str, object]:
    ws = workshops.get(lib, year, number)
    owner = Owner("workshop", ws.id)
    return {
        "workshop": ws,
        "readings": workshops.reading_list(lib, year, number),
        "notes": notes.list_for(lib, owner),
        "attachments": attachments.list_for(lib, owner),
        "assigned": sorted(r.participant.id for r in participants.registrations(lib, year)
                            if number in r.workshops),
        "programme": [i for i in programme.list_items(lib, year) if i.workshop_number == number],
    }


def test_deleted_workshop_comes_back_with_everything(demo: Library, tmp_path: Path) -> None:
    doc = tmp_path / "diaporama.txt"
    doc.write_text("indicateurs zorglubiens", encoding="utf-8")
    ws = workshops.get(demo, 2017, 4)
    attachments.attach(demo, Owner("workshop", ws.id), doc)
    before = _state(demo, 2017, 4)
    assert before["readings"] and before["notes"] and before["assigned"] and before["programme"]
    stored = Path(before["attachments"][0].path)  # type: ignore[index]

    snap = snaps.delete_workshop(demo, 2017, 4)
    assert snap.workshop == ws
    with pytest.raises(NotFound):
        workshops.get(demo, 2017, 4)
    assert not stored.exists()  # in the trash, not gone
    items = [i for i in programme.list_items(demo, 2017) if i.id in snap.programme_item_ids]
    assert items and all(i.workshop_number is None for i in items)
    assert _hits(demo, "zorglubiens") == _hits(demo, "debat vif") == []
    assert checks.run(demo) == []

    restored = snaps.restore_workshop(demo, snap)
    assert restored == ws
    assert _state(demo, 2017, 4) == before
    assert stored.read_text(encoding="utf-8") == "indicateurs zorglubiens"
    assert [h.kind for h in _hits(demo, "zorglubiens")] == ["attachment"]
    assert [h.kind for h in _hits(demo, "debat vif")] == ["note"]  # a note of workshop 4
    assert checks.run(demo) == []


def test_workshop_restore_refuses_a_taken_number(demo: Library) -> None:
    snap = snaps.delete_workshop(demo, 2017, 3)
    workshops.add(demo, 2017, "Un autre atelier", number=3)
    with pytest.raises(ValidationError):
        snaps.restore_workshop(demo, snap)


def test_workshop_restore_leaves_out_references_deleted_since(lib: Library) -> None:
    editions.add(lib, 2018, "Séminaire 2018")
    workshops.add(lib, 2018, "Atelier")
    keep = references.add(lib, ReferenceDraft("book", "Gardé"))
    gone = references.add(lib, ReferenceDraft("book", "Supprimé"))
    for ref in (keep, gone):
        workshops.add_reading(lib, 2018, 1, ref.id)
    snap = snaps.delete_workshop(lib, 2018, 1)
    snapshots.delete(lib, [gone.id])
    snaps.restore_workshop(lib, snap)
    assert [e.reference.id for e in workshops.reading_list(lib, 2018, 1)] == [keep.id]


def test_deleted_edition_comes_back_with_the_same_ids(demo: Library) -> None:
    edition = editions.get(demo, 2017)
    owner = Owner("edition", edition.id)
    before = (edition, workshops.list_workshops(demo, 2017),
              programme.list_items(demo, 2017), participants.registrations(demo, 2017),
              notes.list_for(demo, owner), attachments.list_for(demo, owner),
              [workshops.reading_list(demo, 2017, n) for n in range(1, 5)])
    synthesis = Path(before[5][0].path)

    snap = snaps.delete_edition(demo, 2017)
    assert editions.list_editions(demo) == []
    assert not synthesis.exists()
    assert checks.run(demo) == []

    assert snaps.restore_edition(demo, snap) == edition
    after = (editions.get(demo, 2017), workshops.list_workshops(demo, 2017),
             programme.list_items(demo, 2017), participants.registrations(demo, 2017),
             notes.list_for(demo, owner), attachments.list_for(demo, owner),
             [workshops.reading_list(demo, 2017, n) for n in range(1, 5)])
    assert after == before
    assert synthesis.is_file()
    assert checks.run(demo) == []


def test_cloned_edition_can_be_deleted_and_restored(demo: Library) -> None:
    clone = editions.clone(demo, 2017, 2018, "Séminaire prospectif 2018")
    lists = [workshops.reading_list(demo, 2018, n) for n in range(1, 5)]
    snap = snaps.delete_edition(demo, 2018)
    assert [e.year for e in editions.list_editions(demo)] == [2017]
    assert len(workshops.reading_list(demo, 2017, 1)) == len(lists[0])  # the source stays
    assert snaps.restore_edition(demo, snap) == clone
    assert [workshops.reading_list(demo, 2018, n) for n in range(1, 5)] == lists
    with pytest.raises(ValidationError):
        snaps.restore_edition(demo, snap)  # it is there again


def test_deleted_participant_comes_back_registered_and_assigned(demo: Library) -> None:
    reg = next(r for r in participants.registrations(demo, 2017)
               if r.participant.family == "Martin")
    snap = snaps.delete_participant(demo, reg.participant.id)
    assert reg.participant.id not in [p.id for p in participants.list_participants(demo)]
    assert snaps.restore_participant(demo, snap) == reg.participant
    assert reg in participants.registrations(demo, 2017)


def test_participant_restore_refuses_an_email_taken_since(lib: Library) -> None:
    person = participants.add(lib, "Martin", "Hélène", email="helene@example.org")
    snap = snaps.delete_participant(lib, person.id)
    participants.add(lib, "Martin", "Hélène bis", email="helene@example.org")
    with pytest.raises(ValidationError):
        snaps.restore_participant(lib, snap)


def test_unregister_then_restore_gives_back_role_and_workshops(demo: Library) -> None:
    reg = next(r for r in participants.registrations(demo, 2017)
               if r.role == ParticipantRole.FACILITATOR)
    snap = snaps.unregister(demo, 2017, reg.participant.id)
    assert reg.participant.id not in [r.participant.id
                                      for r in participants.registrations(demo, 2017)]
    snaps.restore_registration(demo, snap)
    assert reg in participants.registrations(demo, 2017)
    with pytest.raises(NotFound):
        snaps.unregister(demo, 2017, 999_999)


def test_registration_restore_ignores_capacity(lib: Library) -> None:
    editions.add(lib, 2018, "Séminaire 2018")
    workshops.add(lib, 2018, "Petit atelier", capacity=1)
    first = participants.add(lib, "Un", email="un@example.org")
    participants.assign(lib, 2018, 1, first.id)
    snap = snaps.unregister(lib, 2018, first.id)
    second = participants.add(lib, "Deux", email="deux@example.org")
    participants.assign(lib, 2018, 1, second.id)
    snaps.restore_registration(lib, snap)  # they had their place: no capacity error
    assert sorted(r.participant.id for r in participants.registrations(lib, 2018)
                  if 1 in r.workshops) == sorted([first.id, second.id])


def test_programme_item_comes_back_with_its_id_and_workshop(demo: Library) -> None:
    item = next(i for i in programme.list_items(demo, 2017) if i.workshop_number == 2)
    snap = snaps.delete_programme_item(demo, item.id)
    assert snap.item == item
    assert item not in programme.list_items(demo, 2017)
    assert snaps.restore_programme_item(demo, snap) == item
    assert item in programme.list_items(demo, 2017)
    with pytest.raises(ValidationError):
        snaps.restore_programme_item(demo, snap)


def test_programme_item_restore_unlinks_a_workshop_gone_since(lib: Library) -> None:
    editions.add(lib, 2018, "Séminaire 2018")
    workshops.add(lib, 2018, "Atelier")
    item = programme.add(lib, 2018, date(2018, 11, 22), "10:00", "11:00", workshop=1)
    snap = snaps.delete_programme_item(lib, item.id)
    workshops.delete(lib, 2018, 1)
    restored = snaps.restore_programme_item(lib, snap)
    assert restored.id == item.id and restored.workshop_number is None
    with pytest.raises(NotFound):
        snaps.delete_programme_item(lib, 999_999)
