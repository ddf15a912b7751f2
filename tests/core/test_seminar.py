"""Editions, workshops, reading lists, participants, programme, and cloning an edition."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from seminaire_app.domain import Owner, ParticipantRole, ReadingRole, ReferenceDraft
from seminaire_app.errors import NotFound, ValidationError
from seminaire_app.services import (
    attachments,
    editions,
    notes,
    participants,
    programme,
    references,
    workshops,
)
from seminaire_app.services.editions import CloneOptions
from seminaire_app.storage.library import Library
from seminaire_app.textfold import family_sort_key

THEME = ("les formes d'échanges et de coopérations entre les acteurs de l'ESS "
         "et les autres acteurs du territoire")
TITLES = (
    "Des coopérations informelles à l'émergence de nouveaux projets",
    "Convergence d'intérêts et construction des coopérations : le choc des cultures",
    "Structurer les coopérations : l'enjeu de la pérennisation",
    "Valoriser, évaluer et mesurer les impacts",
)


@pytest.fixture
def seminar(lib: Library) -> Library:
    editions.add(lib, 2017, "Séminaire prospectif ESS 2017", theme=THEME,
                 start_date=date(2017, 11, 23), end_date=date(2017, 11, 24),
                 venue="Sciences Po Grenoble",
                 organisers=["Sciences Po Grenoble", "Grenoble-Alpes Métropole"])
    for title in TITLES:
        workshops.add(lib, 2017, title, capacity=3)
    for key in ("alpha", "beta", "gamma"):
        references.add(lib, ReferenceDraft("book", key.title(), citation_key=key))
    return lib


def test_edition_round_trip_and_validation(seminar: Library) -> None:
    edition = editions.get(seminar, 2017)
    assert edition.theme == THEME and edition.organisers == (
        "Sciences Po Grenoble", "Grenoble-Alpes Métropole")
    with pytest.raises(ValidationError) as info:
        editions.add(seminar, 2017, "Doublon")
    assert info.value.field == "year"
    with pytest.raises(ValidationError) as info:
        editions.update(seminar, 2017, {"end_date": date(2017, 1, 1)})
    assert info.value.field == "end_date"
    with pytest.raises(NotFound):
        editions.get(seminar, 1999)
    assert editions.update(seminar, 2017, {"venue": "IEP"}).venue == "IEP"
    assert [e.year for e in editions.list_editions(seminar)] == [2017]


def test_workshops_are_numbered_in_order(seminar: Library) -> None:
    listed = workshops.list_workshops(seminar, 2017)
    assert [(w.number, w.title) for w in listed] == list(enumerate(TITLES, start=1))
    with pytest.raises(ValidationError) as info:
        workshops.add(seminar, 2017, "Doublon", number=2)
    assert info.value.field == "number"
    assert workshops.update(seminar, 2017, 4, {"number": 7}).number == 7
    with pytest.raises(NotFound):
        workshops.get(seminar, 2017, 4)
    assert workshops.add(seminar, 2017, "Nouveau").number == 8


def test_reading_list_keeps_order_roles_and_annotations(seminar: Library) -> None:
    workshops.add_reading(seminar, 2017, 1, "alpha", "required", "Chapitre 2 surtout")
    workshops.add_reading(seminar, 2017, 1, "beta", ReadingRole.BACKGROUND)
    workshops.add_reading(seminar, 2017, 1, "gamma", "produced", position=0)
    entries = workshops.reading_list(seminar, 2017, 1)
    assert [(e.reference.citation_key, e.role, e.position) for e in entries] == [
        ("gamma", ReadingRole.PRODUCED, 0), ("alpha", ReadingRole.REQUIRED, 1),
        ("beta", ReadingRole.BACKGROUND, 2)]
    assert entries[1].annotation == "Chapitre 2 surtout"
    moved = workshops.move_reading(seminar, 2017, 1, "gamma", 2)
    assert [e.reference.citation_key for e in moved] == ["alpha", "beta", "gamma"]
    updated = workshops.update_reading(seminar, 2017, 1, "beta", role="required",
                                       annotation="À lire avant")
    assert (updated[1].role, updated[1].annotation) == (ReadingRole.REQUIRED, "À lire avant")
    remaining = workshops.remove_reading(seminar, 2017, 1, "alpha")
    assert [(e.reference.citation_key, e.position) for e in remaining] == [
        ("beta", 0), ("gamma", 1)]


def test_reading_list_refuses_duplicates_bad_roles_and_unknowns(seminar: Library) -> None:
    workshops.add_reading(seminar, 2017, 2, "alpha")
    with pytest.raises(ValidationError, match="already on"):
        workshops.add_reading(seminar, 2017, 2, "alpha")
    with pytest.raises(ValidationError) as info:
        workshops.add_reading(seminar, 2017, 2, "beta", role="optional")
    assert info.value.field == "role"
    with pytest.raises(NotFound):
        workshops.add_reading(seminar, 2017, 9, "beta")
    with pytest.raises(NotFound):
        workshops.add_reading(seminar, 2017, 2, "nobody")


def test_participants_register_assign_within_capacity(seminar: Library) -> None:
    people = [participants.add(seminar, f"Nom{i}", "Prénom", "Coop", f"p{i}@example.org")
              for i in range(4)]
    for person in people[:3]:
        participants.assign(seminar, 2017, 1, person.id)
    with pytest.raises(ValidationError) as info:
        participants.assign(seminar, 2017, 1, people[3].id)
    assert info.value.field == "capacity"
    participants.register(seminar, 2017, people[3].id, "facilitator")
    participants.assign(seminar, 2017, 2, people[0].id)
    regs = {r.participant.id: r for r in participants.registrations(seminar, 2017)}
    assert regs[people[0].id].workshops == (1, 2)
    assert regs[people[3].id].role == ParticipantRole.FACILITATOR
    assert regs[people[3].id].workshops == ()
    participants.unassign(seminar, 2017, 1, people[0].id)
    participants.unregister(seminar, 2017, people[1].id)
    regs = {r.participant.id: r for r in participants.registrations(seminar, 2017)}
    assert regs[people[0].id].workshops == (2,) and people[1].id not in regs


def test_participants_sort_in_french_order_and_emails_ignore_case(seminar: Library) -> None:
    for family in ("Zola", "Émile", "eluard", "Durand"):
        participants.add(seminar, family, email=f"{family}@Exemple.ORG")
    assert [p.family for p in participants.list_participants(seminar)] == [
        "Durand", "eluard", "Émile", "Zola"]
    with pytest.raises(ValidationError):
        participants.add(seminar, "Autre", email="ÉMILE@exemple.org")


def test_participants_sort_past_a_lower_case_de(seminar: Library) -> None:
    """French usage: « d’Arcy » among the A's, « de La Fontaine » among the L's, but
    « Le Goff » and « Du Bellay » (articles, typed with a capital) where they are spelt."""
    for family in ("Le Goff", "d’Arcy", "Du Bellay", "de La Fontaine", "Bernard", "Martin",
                   "van der Berg"):
        participants.add(seminar, family)
    assert [p.family for p in participants.list_participants(seminar)] == [
        "d’Arcy", "van der Berg", "Bernard", "Du Bellay", "de La Fontaine", "Le Goff",
        "Martin"]
    # a no-break space pasted from a word processor, or « d’ » spaced, sort the same
    assert family_sort_key("de\u00a0Gaulle") == family_sort_key("de Gaulle") == "gaulle"
    assert family_sort_key("d’ Arcy") == family_sort_key("d'Arcy") == "arcy"
    assert family_sort_key("de") == "de"  # nothing after it: the particle is the name


def test_participant_validation(seminar: Library) -> None:
    participants.add(seminar, "Martin", "Hélène", email="helene@example.org")
    with pytest.raises(ValidationError) as info:
        participants.add(seminar, "Autre", email="HELENE@example.org")
    assert info.value.field == "email"
    with pytest.raises(ValidationError) as info:
        participants.add(seminar, "Sans", email="pas-une-adresse")
    assert info.value.field == "email"
    with pytest.raises(ValidationError) as info:
        participants.add(seminar, " ")
    assert info.value.field == "family"
    with pytest.raises(ValidationError):
        participants.register(seminar, 2017, 1, "boss")


def test_programme_is_ordered_and_validated(seminar: Library) -> None:
    day2, day1 = date(2017, 11, 24), date(2017, 11, 23)
    programme.add(seminar, 2017, day2, "9h00", "12h30", workshop=3, room="Salle B")
    programme.add(seminar, 2017, day1, "14:00", "17:00", workshop=1, room="Salle A")
    programme.add(seminar, 2017, day1, "09:30", "10:30", "Ouverture", room="Amphi")
    items = programme.list_items(seminar, 2017)
    assert [(i.day, i.start, i.title) for i in items] == [
        (day1, "09:30", "Ouverture"), (day1, "14:00", TITLES[0]), (day2, "09:00", TITLES[2])]
    assert items[1].workshop_number == 1
    with pytest.raises(ValidationError) as info:
        programme.add(seminar, 2017, day1, "10:00", "09:00", "À l'envers")
    assert info.value.field == "end"
    with pytest.raises(ValidationError) as info:
        programme.add(seminar, 2017, day1, "25:00", "26:00", "Trop tard")
    assert info.value.field == "start"
    programme.delete(seminar, items[0].id)
    assert len(programme.list_items(seminar, 2017)) == 2


def test_clone_carries_structure_not_people_or_notes(seminar: Library, tmp_path: Path) -> None:
    workshops.add_reading(seminar, 2017, 4, "alpha", "required", "PHARE")
    person = participants.add(seminar, "Durand", "Léa")
    participants.assign(seminar, 2017, 4, person.id)
    edition_2017 = editions.get(seminar, 2017)
    notes.add(seminar, Owner("edition", edition_2017.id), "Bilan 2017", visibility="participants")
    programme.add(seminar, 2017, date(2017, 11, 23), "14:00", "17:00", workshop=4)
    synthesis = tmp_path / "synthese_seminaire.txt"
    synthesis.write_text("synthèse", encoding="utf-8")
    attachments.attach(seminar, Owner("edition", edition_2017.id), synthesis)

    new = editions.clone(seminar, 2017, 2018, title="Séminaire prospectif ESS 2018")
    assert (new.title, new.theme, new.start_date) == (
        "Séminaire prospectif ESS 2018", THEME, date(2018, 11, 23))
    assert [w.title for w in workshops.list_workshops(seminar, 2018)] == list(TITLES)
    entries = workshops.reading_list(seminar, 2018, 4)
    assert [(e.reference.citation_key, e.annotation) for e in entries] == [("alpha", "PHARE")]
    assert participants.registrations(seminar, 2018) == []
    assert notes.list_for(seminar, Owner("edition", new.id)) == []
    assert attachments.list_for(seminar, Owner("edition", new.id)) == []
    (item,) = programme.list_items(seminar, 2018)
    assert (item.day, item.workshop_number) == (date(2018, 11, 23), 4)
    # 2017 is untouched.
    assert len(workshops.reading_list(seminar, 2017, 4)) == 1
    with pytest.raises(ValidationError):
        editions.clone(seminar, 2017, 2018)


def test_clone_with_participants_and_notes_when_asked(seminar: Library) -> None:
    person = participants.add(seminar, "Durand", "Léa")
    participants.assign(seminar, 2017, 2, person.id)
    ws = workshops.get(seminar, 2017, 2)
    notes.add(seminar, Owner("workshop", ws.id), "Le choc des cultures")
    editions.clone(seminar, 2017, 2019, options=CloneOptions(participants=True, notes=True))
    (reg,) = participants.registrations(seminar, 2019)
    assert reg.participant.id == person.id and reg.workshops == (2,)
    new_ws = workshops.get(seminar, 2019, 2)
    assert [n.body for n in notes.list_for(seminar, Owner("workshop", new_ws.id))] == [
        "Le choc des cultures"]


def test_deleting_an_edition_cascades(seminar: Library) -> None:
    workshops.add_reading(seminar, 2017, 1, "alpha")
    editions.delete(seminar, 2017)
    assert editions.list_editions(seminar) == []
    assert references.get(seminar, "alpha").title == "Alpha"  # references stay
    with pytest.raises(NotFound):
        workshops.list_workshops(seminar, 2017)


def test_notes_flags_and_validation(seminar: Library) -> None:
    edition = editions.get(seminar, 2017)
    owner = Owner("edition", edition.id)
    internal = notes.add(seminar, owner, "Remarques de travail")
    public = notes.add(seminar, owner, "# Synthèse\n\n- point *un*", title="Pour tous",
                       visibility="participants")
    assert [n.id for n in notes.list_for(seminar, owner)] == [internal.id, public.id]
    from seminaire_app.domain import Visibility

    assert [n.id for n in notes.list_for(seminar, owner, Visibility.PARTICIPANTS)] == [public.id]
    with pytest.raises(ValidationError) as info:
        notes.add(seminar, owner, "x", visibility="public")
    assert info.value.field == "visibility"
    with pytest.raises(ValidationError):
        notes.add(seminar, owner, "  ")
    with pytest.raises(NotFound):
        notes.add(seminar, Owner("workshop", 999), "orphelin")
    assert notes.update(seminar, internal.id, visibility="participants").visibility == \
        Visibility.PARTICIPANTS
    notes.delete(seminar, internal.id)
    with pytest.raises(NotFound):
        notes.get(seminar, internal.id)


def test_times_in_french_and_unknown_participants(seminar: Library) -> None:
    item = programme.add(seminar, 2017, date(2017, 11, 23), "9h", "10h30", "Accueil")
    assert (item.start, item.end) == ("09:00", "10:30")
    with pytest.raises(NotFound):
        participants.unassign(seminar, 2017, 1, 999)
    with pytest.raises(NotFound):
        participants.unregister(seminar, 2017, 999)
    edition = editions.get(seminar, 2017)
    assert editions.get_by_id(seminar, edition.id) == edition
