"""The demo library: the 2017 edition, built through the public services."""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from seminaire_app import demo_pdf, search
from seminaire_app.demo import create_demo
from seminaire_app.domain import Owner, ParticipantRole, ReadingRole, Visibility
from seminaire_app.errors import Cancelled, ValidationError
from seminaire_app.services import (
    attachments,
    checks,
    collections,
    editions,
    notes,
    participants,
    programme,
    references,
    tags,
    workshops,
)
from seminaire_app.storage.library import Library
from seminaire_app.textextract import extract_text

THEME = ("les formes d'échanges et de coopérations entre les acteurs de l'ESS et les autres "
         "acteurs du territoire")
TITLES = [
    "Des coopérations informelles à l'émergence de nouveaux projets",
    "Convergence d'intérêts et construction des coopérations : le choc des cultures",
    "Structurer les coopérations : l'enjeu de la pérennisation",
    "Valoriser, évaluer et mesurer les impacts",
]


@dataclass
class RecordingProgress:
    calls: list[tuple[int, int, str]] = field(default_factory=list)
    cancel: bool = False

    def report(self, done: int, total: int, label: str = "") -> None:
        self.calls.append((done, total, label))

    def cancelled(self) -> bool:
        return self.cancel


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Library,
                                                                      RecordingProgress]]:
    progress = RecordingProgress()
    library = create_demo(tmp_path_factory.mktemp("demo") / "demo", progress)
    yield library, progress
    library.close()


@pytest.fixture
def demo(built: tuple[Library, RecordingProgress]) -> Library:
    return built[0]


def test_edition(demo: Library) -> None:
    (edition,) = editions.list_editions(demo)
    assert edition.year == 2017
    assert edition.theme == THEME
    assert edition.venue == ("Sciences Po Grenoble, 1030 Avenue Centrale, "
                             "38400 Saint-Martin-d'Hères")
    assert edition.organisers == ("Sciences Po Grenoble", "Grenoble-Alpes Métropole", "ESEAC")
    assert edition.start_date is not None
    assert edition.end_date is not None
    assert edition.start_date >= date(2017, 9, 1)
    assert (edition.end_date - edition.start_date).days == 1


def test_workshops_have_their_exact_titles_and_details(demo: Library) -> None:
    found = workshops.list_workshops(demo, 2017)
    assert [w.title for w in found] == TITLES
    assert [w.number for w in found] == [1, 2, 3, 4]
    for ws in found:
        assert len(ws.description) > 100
        assert len(ws.facilitators) == 2
        assert ws.room
        assert ws.capacity is not None
        assert ws.capacity >= 10
    assert len({w.room for w in found}) == 4


def test_references_cover_the_kinds_a_library_holds(demo: Library) -> None:
    refs = references.list_references(demo)
    assert 12 <= len(refs) <= 16
    types = {r.item_type for r in refs}
    assert {"book", "article-journal", "report", "webpage"} <= types
    (rameau,) = [r for r in refs if any(c.literal == "Le Rameau" for c in r.creators)]
    assert rameau.item_type == "report"
    assert "PHARE" in rameau.title
    assert rameau.creators[0].is_institution
    assert "Mécénat de compétences" in rameau.tags
    assert any(r.fields.get("DOI") for r in refs)
    assert any(r.fields.get("ISBN") for r in refs)
    (page,) = [r for r in refs if r.item_type == "webpage"]
    assert page.fields["URL"].startswith("https://")
    assert page.fields["accessed"].startswith("2017-")
    creators = [c for r in refs for c in r.creators]
    assert any(c.dropping_particle == "de" for c in creators)  # Tocqueville, Alexis de
    assert any(c.non_dropping_particle == "d'" for c in creators)  # d'Arcy
    assert any(c.display() == "Hély, Matthieu" for c in creators)
    assert len({r.citation_key for r in refs}) == len(refs)


def test_themes_and_nested_collections(demo: Library) -> None:
    counts = {t.name: t.count for t in tags.list_tags(demo)}
    for theme in ("Coopération", "ESS", "Territoire", "Évaluation", "Mécénat de compétences"):
        assert counts[theme] >= 1
    found = {c.path: c for c in collections.list_collections(demo)}
    nested = [c for c in found.values() if c.parent_id is not None]
    assert len(nested) >= 3
    assert found["Séminaire prospectif/2017/Productions"].count == 2
    assert all(c.count > 0 for c in nested)


def test_every_workshop_has_an_annotated_reading_list(demo: Library) -> None:
    roles: set[ReadingRole] = set()
    for number in range(1, 5):
        entries = workshops.reading_list(demo, 2017, number)
        assert len(entries) >= 3
        assert all(e.annotation for e in entries)
        assert [e.position for e in entries] == list(range(len(entries)))
        roles |= {e.role for e in entries}
    assert roles == set(ReadingRole)


def test_notes_for_participants_and_internal(demo: Library) -> None:
    edition = editions.get(demo, 2017)
    owners = [Owner("edition", edition.id)] + [
        Owner("workshop", w.id) for w in workshops.list_workshops(demo, 2017)]
    everything = []
    for owner in owners:
        found = notes.list_for(demo, owner)
        assert any(n.visibility is Visibility.PARTICIPANTS for n in found), owner
        everything.extend(found)
    internal = [n for n in everything if n.visibility is Visibility.INTERNAL]
    assert len(internal) >= 2
    assert any("mécénat de compétences" in n.body.lower() for n in internal)
    assert any(n.body.lstrip().startswith(("-", "1.")) or "**" in n.body for n in everything)


def test_synthesis_pdf_is_attached_and_searchable(demo: Library) -> None:
    edition = editions.get(demo, 2017)
    (pdf,) = attachments.list_for(demo, Owner("edition", edition.id))
    assert pdf.filename == "synthese_seminaire.pdf"
    assert pdf.stored
    assert pdf.text_status == "ok"
    assert Path(pdf.path).is_file()
    assert Path(pdf.path).is_relative_to(demo.files_dir)
    reader = PdfReader(io.BytesIO(Path(pdf.path).read_bytes()))
    assert 3 <= len(reader.pages) <= 4
    with demo.begin() as session:
        for query in ("synthese_seminaire", "pérennisation", "mecenat de competences",
                      "Le Rameau PHARE"):
            hits = search.search(session, query)
            assert ("attachment", pdf.id) in [(h.kind, h.id) for h in hits], query


def test_participants_registered_and_assigned(demo: Library) -> None:
    regs = participants.registrations(demo, 2017)
    people = [r for r in regs if r.role is ParticipantRole.PARTICIPANT]
    assert 10 <= len(people) <= 15
    assert all(len(r.workshops) == 1 for r in people)
    assert {r.workshops[0] for r in people} == {1, 2, 3, 4}
    assert all(r.participant.email.endswith("@example.org") for r in regs)
    assert any("Métropole" in r.participant.organisation for r in people)
    facilitators = {(r.participant.display(), r.workshops[0]) for r in regs
                    if r.role is ParticipantRole.FACILITATOR}
    for ws in workshops.list_workshops(demo, 2017):
        for name in ws.facilitators:
            assert (name, ws.number) in facilitators
        assert ws.capacity is not None
        assert sum(ws.number in r.workshops for r in regs) <= ws.capacity


def test_programme_on_two_days(demo: Library) -> None:
    edition = editions.get(demo, 2017)
    items = programme.list_items(demo, 2017)
    assert {i.day for i in items} == {edition.start_date, edition.end_date}
    for day in (edition.start_date, edition.end_date):
        on_day = [i for i in items if i.day == day]
        assert {i.workshop_number for i in on_day} >= {1, 2, 3, 4}
        assert any(i.title == "Déjeuner" for i in on_day)
    titles = [i.title.lower() for i in items]
    assert "ouverture" in titles[1]
    assert "clôture" in titles[-1]
    rooms = {w.number: w.room for w in workshops.list_workshops(demo, 2017)}
    assert all(i.room == rooms[i.workshop_number] for i in items if i.workshop_number)


def test_the_library_is_sound(demo: Library) -> None:
    assert checks.run(demo) == []


def test_progress_reaches_its_total(built: tuple[Library, RecordingProgress]) -> None:
    calls = built[1].calls
    totals = {total for _done, total, _label in calls}
    assert len(totals) == 1
    done = [d for d, _t, _l in calls]
    assert done == sorted(done)
    assert calls[-1][0] == calls[-1][1]
    assert {"references", "participants", "programme", "synthesis"} <= {
        label for _d, _t, label in calls}


def test_never_mixed_into_an_existing_library(demo: Library) -> None:
    before = len(references.list_references(demo))
    with pytest.raises(ValidationError) as info:
        create_demo(demo.folder).close()
    assert info.value.field == "folder"
    assert len(references.list_references(demo)) == before
    assert len(editions.list_editions(demo)) == 1


def test_cancelling_stops_before_any_work(tmp_path: Path) -> None:
    with pytest.raises(Cancelled):
        create_demo(tmp_path / "demo", RecordingProgress(cancel=True))
    with Library.open(tmp_path / "demo") as lib:
        assert references.list_references(lib) == []


def test_synthesis_embeds_only_the_bundled_dejavu(tmp_path: Path) -> None:
    path = tmp_path / "synthese_seminaire.pdf"
    demo_pdf.write_synthesis_pdf(path)
    text, status = extract_text(path)
    assert status == "ok"
    assert "Valoriser, évaluer et mesurer les impacts" in " ".join(text.split())
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    fonts = {str(font.get_object()["/BaseFont"]) for page in reader.pages
             for font in page["/Resources"]["/Font"].values()}
    # Subsets (« /AAAAAA+DejaVuSans ») are embedded; a bare « /Helvetica » would not be.
    assert {name.split("+")[-1] for name in fonts} == {
        "DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique"}
    assert all("+" in name for name in fonts), fonts
