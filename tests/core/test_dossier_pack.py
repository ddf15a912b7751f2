"""Participant packs and workshop dossiers, read back with pypdf."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from dossier_support import (
    Word,
    contents_lines,
    font_names,
    layout_text,
    links,
    outline,
    page_texts,
    small_edition,
    squash,
    word_boxes,
)
from pypdf import PdfReader
from reportlab.pdfbase.pdfmetrics import stringWidth

from seminaire_app.dossiers import (
    DEFAULT_SECTIONS,
    DossierRequest,
    PageSize,
    Section,
    Template,
    build_dossier,
)
from seminaire_app.dossiers.contents import (
    ContentsEntry,
    ContentsTable,
    entry_form,
    number_room,
)
from seminaire_app.dossiers.styles import make_styles
from seminaire_app.dossiers.typography import format_time_range, spaced
from seminaire_app.errors import Cancelled, NotFound, StorageError, ValidationError
from seminaire_app.services import editions, participants, workshops
from seminaire_app.storage.library import Library

WORKSHOP_HEADINGS = [
    "Atelier n° 1 — Des coopérations informelles à l’émergence de nouveaux projets",
    "Atelier n° 2 — Convergence d’intérêts et construction des coopérations : le choc des "
    "cultures",
    "Atelier n° 3 — Structurer les coopérations : l’enjeu de la pérennisation",
    "Atelier n° 4 — Valoriser, évaluer et mesurer les impacts",
]
ALL_SECTIONS = DEFAULT_SECTIONS | {Section.PARTICIPANTS}


@pytest.fixture(scope="module")
def pack(demo: Library, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pack") / "pack.pdf"
    build_dossier(demo, DossierRequest(year=2017, sections=ALL_SECTIONS), out)
    return out


def _first_page(texts: list[str], needle: str, start: int = 0) -> int:
    for i in range(start, len(texts)):
        if needle in squash(texts[i]):
            return i
    raise AssertionError(f"« {needle} » is on no page from {start + 1}")


def test_every_section_is_there_in_order(pack: Path) -> None:
    texts = page_texts(pack)
    cover = squash(texts[0])
    for line in ("SÉMINAIRE PROSPECTIF DE L’ESEAC", "Séminaire prospectif 2017",
                 "Les formes d’échanges et de coopérations", "Les 23 et 24 novembre 2017",
                 "Saint-Martin-d’Hères", "DOSSIER DU PARTICIPANT", "Organisation",
                 "Sciences Po Grenoble · Grenoble-Alpes Métropole · ESEAC"):
        assert line in cover
    assert "page" not in cover  # no furniture on the cover
    headings = ["Sommaire", "Présentation de l’édition 2017", "Programme",
                "Jeudi 23 novembre 2017", "Vendredi 24 novembre 2017", *WORKSHOP_HEADINGS,
                "Bibliographie", "Participants", "Documents joints",
                "Séminaire prospectif 2017 — Synthèse"]
    page = 1
    for heading in headings:
        page = _first_page(texts, heading, page)
    assert page >= 12  # the synthesis, appended last


def test_contents_give_the_pages_where_sections_start(pack: Path) -> None:
    texts = page_texts(pack)
    lines = contents_lines(pack)
    titles = [line.title for line in lines]
    assert titles[:3] == ["Présentation de l’édition 2017", "Programme", WORKSHOP_HEADINGS[0]]
    assert titles[-4:] == ["Bibliographie", "Participants", "Documents joints",
                           "synthese_seminaire.pdf"]
    assert titles.count("Lectures") == 4
    for line in lines[:-1]:  # the appended PDF says its own title
        assert line.title[:40] in squash(texts[line.page - 1]), line
    for line in lines:
        if line.title in ("Présentation de l’édition 2017", "Programme", *WORKSHOP_HEADINGS,
                          "Bibliographie", "Participants", "Documents joints"):
            # A chapter starts its page (the running header is drawn last).
            assert squash(texts[line.page - 1]).startswith(line.title[:40]), line
    synthesis = lines[-1].page
    assert "Synthèse" in texts[synthesis - 1]
    assert "joint en fin de dossier, page" in squash(texts[lines[-2].page - 1])
    assert str(synthesis) in texts[lines[-2].page - 1]


def test_outline_mirrors_the_contents(pack: Path) -> None:
    marks = outline(pack)
    lines = contents_lines(pack)
    assert marks[0] == (0, "Sommaire", 2)
    top = [(title, page) for depth, title, page in marks if depth == 0][1:]
    assert top == [(line.title, line.page) for line in lines
                   if line.title not in ("Ce qu’il faut retenir", "Lectures",
                                         "synthese_seminaire.pdf")]
    assert marks[-1] == (1, "synthese_seminaire.pdf", lines[-1].page)
    lectures = [(title, page) for depth, title, page in marks if depth == 1
                and title == "Lectures"]
    assert lectures == [(line.title, line.page) for line in lines if line.title == "Lectures"]


def test_metadata_language_and_page_numbers(pack: Path) -> None:
    reader = PdfReader(pack)
    info = reader.metadata
    assert info is not None
    assert info.title == "Séminaire prospectif 2017 — Dossier du participant"
    assert info.author == "Sciences Po Grenoble, Grenoble-Alpes Métropole, ESEAC"
    assert info.subject is not None and info.subject.startswith("Les formes d’échanges")
    assert reader.trailer["/Root"]["/Lang"] == "fr-FR"
    assert reader.trailer["/Root"]["/PageMode"] == "/UseOutlines"  # opens on the bookmarks
    total = len(reader.pages)
    texts = page_texts(pack)
    appended = total - contents_lines(pack)[-1].page + 1
    for number, text in enumerate(texts[1:total - appended], start=2):
        assert f"page {number} / {total}" in squash(text), number
        assert "Séminaire prospectif 2017" in text  # the running header
    for page in reader.pages:
        assert [round(float(x)) for x in page.mediabox[2:]] == [595, 842]


def test_only_dejavu_fonts_in_the_laid_out_pages(pack: Path) -> None:
    laid_out = contents_lines(pack)[-1].page - 1
    used = font_names(pack, range(laid_out))
    assert used and all(name.startswith("DejaVu") for name in used), used


def test_internal_notes_never_print(pack: Path) -> None:
    everything = squash(" ".join(page_texts(pack)))
    assert "Ce qu’il faut retenir" in everything
    for internal in ("Remarques d’animation", "Remarques d'animation", "Suites à donner",
                     "Organisation : points à suivre", "tour de table"):
        assert internal not in everything


def test_participants_list_shows_emails_only_when_asked(demo: Library, pack: Path,
                                                        tmp_path: Path) -> None:
    texts = page_texts(pack)
    people = squash(texts[_first_page(texts, "Participants", 2)])
    assert "Noémie Aubert" in people and "Sophie Garnier (animation)" in people
    assert "@" not in people
    out = tmp_path / "emails.pdf"
    build_dossier(demo, DossierRequest(year=2017, sections=ALL_SECTIONS,
                                       include_emails=True), out)
    texts = page_texts(out)
    with_emails = squash(texts[_first_page(texts, "Participants", 2)])
    email = participants.registrations(demo, 2017)[0].participant.email
    assert email and email in with_emails
    # every address whole on its line: the e-mail column is wide enough for them
    page = _first_page(texts, "Participants", 2) + 1
    lines = layout_text(out, page)
    for reg in participants.registrations(demo, 2017):
        assert reg.participant.email in lines, reg.participant.email


def test_participants_list_headings_fit_their_columns(demo: Library, tmp_path: Path) -> None:
    out = tmp_path / "en.pdf"
    build_dossier(demo, DossierRequest(year=2017, locale="en-US", page_size=PageSize.LETTER,
                                       sections=ALL_SECTIONS, include_emails=True), out)
    texts = page_texts(out)
    header = layout_text(out, _first_page(texts, "Participants", 2) + 1).splitlines()
    assert any(line.split() == ["Name", "Organisation", "Workshops", "E-mail"]
               for line in header), header[:8]


def test_participants_list_speaks_french_typography(pack: Path) -> None:
    """Names and organisations get the apostrophes the rest of the pack has."""
    texts = page_texts(pack)
    people = squash(texts[_first_page(texts, "Participants", 2)])
    assert "Hélène d’Arcy" in people and "Fondation d’entreprise Horizons alpins" in people
    assert "'" not in people


def test_personal_pack_names_the_participant_and_their_workshops(demo: Library,
                                                                 tmp_path: Path) -> None:
    reg = next(r for r in participants.registrations(demo, 2017) if r.workshops == (2,))
    out = tmp_path / "mine.pdf"
    build_dossier(demo, DossierRequest(year=2017, participant_id=reg.participant.id), out)
    cover = squash(page_texts(out)[0])
    assert f"Dossier préparé pour {reg.participant.display()}" in cover
    assert f"Vos ateliers {WORKSHOP_HEADINGS[1]}" in cover
    assert WORKSHOP_HEADINGS[0] not in cover
    info = PdfReader(out).metadata
    assert info is not None and info.title.endswith(reg.participant.display())
    assert PdfReader(out).trailer["/Root"]["/PageMode"] == "/UseOutlines"


def test_a_personal_cover_names_the_participant_as_the_list_does(demo: Library,
                                                                  tmp_path: Path) -> None:
    """« Hélène d’Arcy » on the cover and in the title, as in the participants list."""
    reg = next(r for r in participants.registrations(demo, 2017)
               if r.participant.family == "d'Arcy")
    out = tmp_path / "darcy.pdf"
    build_dossier(demo, DossierRequest(year=2017, participant_id=reg.participant.id,
                                       sections=ALL_SECTIONS), out)
    texts = page_texts(out)
    assert "Dossier préparé pour Hélène d’Arcy" in squash(texts[0])
    assert "'" not in texts[0]
    assert "Hélène d’Arcy" in squash(texts[_first_page(texts, "Participants", 2)])
    info = PdfReader(out).metadata
    assert info is not None
    assert info.title == "Séminaire prospectif 2017 — Dossier du participant — Hélène d’Arcy"


def test_english_pack_with_letter_pages(demo: Library, tmp_path: Path) -> None:
    out = tmp_path / "en.pdf"
    build_dossier(demo, DossierRequest(year=2017, locale="en-US", style="apa",
                                       page_size=PageSize.LETTER), out)
    texts = page_texts(out)
    assert "23–24 November 2017" in squash(texts[0]) and "PARTICIPANT PACK" in texts[0]
    assert "Contents" in texts[1]
    everything = squash(" ".join(texts))
    for word in ("Programme", "Thursday 23 November 2017", "Workshop 1 — ",
                 "Required reading", "Bibliography", "Attached documents", "10:45–12:30"):
        assert word in everything, word
    reader = PdfReader(out)
    assert reader.trailer["/Root"]["/Lang"] == "en-US"
    assert [round(float(x)) for x in reader.pages[0].mediabox[2:]] == [612, 792]


def test_an_english_pack_never_starts_a_line_with_a_french_sign(demo: Library,
                                                                tmp_path: Path) -> None:
    """Workshop titles and descriptions are French in an English pack too: the space
    typed before « : » holds (it used to start a line of workshop 2's description)."""
    out = tmp_path / "en.pdf"
    build_dossier(demo, DossierRequest(year=2017, locale="en-US", sections=ALL_SECTIONS),
                  out)
    texts = page_texts(out)
    description = _first_page(texts, "Numérique, économie circulaire")
    assert "publiques : le paysage" in squash(texts[description])
    lines = [line.strip() for text in texts for line in text.splitlines()]
    assert [line for line in lines if line.startswith(tuple(":;?!»"))] == []


def _line_gaps(path: Path, page: int, first: str, last: str) -> list[float]:
    """The gaps between the words of each line of 1-based ``page`` from the line starting
    with ``first`` to the one starting with ``last``."""
    rows: dict[float, list[Word]] = {}
    for word in word_boxes(path, page):
        rows.setdefault(round(word.y_max, 1), []).append(word)
    lines = [sorted(words, key=lambda w: w.x_min) for _, words in sorted(rows.items())]
    start = next(i for i, words in enumerate(lines) if words[0].text == first)
    end = next(i for i, words in enumerate(lines) if i >= start and words[0].text == last)
    return [right.x_min - left.x_max for words in lines[start:end + 1]
            for left, right in itertools.pairwise(words)]


def test_descriptions_are_ragged_right_like_the_notes_under_them(pack: Path) -> None:
    """One page, one alignment: every space of the description as wide as the notes'
    (justified lines without hyphenation opened wide gaps)."""
    page = _first_page(page_texts(pack), "Numérique, économie circulaire") + 1
    description = _line_gaps(pack, page, "Numérique,", "sociale.")
    note = _line_gaps(pack, page, "Le", "entrants)")
    space = min(note)
    assert len(description) > 30 and max(note) < space * 1.1
    assert max(description) < space * 1.1, sorted(description)[-5:]


def test_workshop_dossier_holds_one_workshop(demo: Library, tmp_path: Path) -> None:
    out = tmp_path / "ws2.pdf"
    report = build_dossier(demo, DossierRequest(Template.WORKSHOP, year=2017, workshop=2,
                                                sections=ALL_SECTIONS), out)
    everything = squash(" ".join(page_texts(out)))
    assert "DOSSIER D’ATELIER" in everything and WORKSHOP_HEADINGS[1] in everything
    assert "Lieu : Salle 102" in everything
    for other in (WORKSHOP_HEADINGS[0], WORKSHOP_HEADINGS[2], "Salle 201"):
        assert other not in everything, other
    assert "Bibliographie" not in everything  # the reading list is in the chapter
    assert PdfReader(out).trailer["/Root"]["/PageMode"] == "/UseOutlines"
    titles = [line.title for line in contents_lines(out)]
    assert titles[:3] == ["Présentation de l’édition 2017", "Programme", WORKSHOP_HEADINGS[1]]
    assert report.page_count == len(PdfReader(out).pages)
    people = {r.participant.display() for r in participants.registrations(demo, 2017)
              if 2 in r.workshops}
    assert all(name in everything for name in people)
    assert "Noémie Aubert" not in everything  # in workshop 4


def test_a_personal_workshop_dossier_is_for_its_participants_only(
        demo: Library, tmp_path: Path) -> None:
    outsider = next(r for r in participants.registrations(demo, 2017) if 2 not in r.workshops)
    with pytest.raises(ValidationError) as raised:
        build_dossier(demo, DossierRequest(Template.WORKSHOP, year=2017, workshop=2,
                                           participant_id=outsider.participant.id),
                      tmp_path / "ws2.pdf")
    assert raised.value.field == "participant"
    assert outsider.participant.display() in raised.value.message
    assert not (tmp_path / "ws2.pdf").exists()


def test_a_workshop_without_readings_has_no_empty_reading_list(lib: Library,
                                                               tmp_path: Path) -> None:
    small_edition(lib)
    workshops.add(lib, 2024, "Sans lectures", room="Salle 103")
    out = tmp_path / "pack.pdf"
    build_dossier(lib, DossierRequest(year=2024), out)
    titles = [line.title for line in contents_lines(out)]
    third = titles.index("Atelier n° 3 — Sans lectures")
    assert titles[third + 1:third + 2] != ["Lectures"]
    assert titles.count("Lectures") == 2  # the two workshops that have some
    assert "Aucune référence" not in squash(" ".join(page_texts(out)))


def test_sections_can_be_left_out(demo: Library, tmp_path: Path) -> None:
    out = tmp_path / "short.pdf"
    report = build_dossier(demo, DossierRequest(year=2017, sections=frozenset(
        {Section.PROGRAMME, Section.BIBLIOGRAPHY})), out)
    texts = page_texts(out)
    assert squash(texts[0]).startswith("Programme Jeudi 23 novembre 2017")
    assert "Bibliographie" in squash(texts[-1])
    assert report.appended == () and report.problems == ()
    assert outline(out)[0] == (0, "Programme", 1)


def test_impossible_requests(demo_copy: Library, tmp_path: Path) -> None:
    demo = demo_copy  # a stranger is added
    out = tmp_path / "out" / "x.pdf"
    out.parent.mkdir()
    with pytest.raises(NotFound):
        build_dossier(demo, DossierRequest(year=1999), out)
    with pytest.raises(NotFound):
        build_dossier(demo, DossierRequest(Template.WORKSHOP, year=2017, workshop=9), out)
    with pytest.raises(ValidationError) as missing:
        build_dossier(demo, DossierRequest(Template.WORKSHOP, year=2017), out)
    assert missing.value.field == "workshop"
    with pytest.raises(ValidationError):
        build_dossier(demo, DossierRequest(), out)
    with pytest.raises(NotFound):
        build_dossier(demo, DossierRequest(year=2017, participant_id=99999), out)
    stranger = participants.add(demo, "Inconnu", "Jean")
    with pytest.raises(ValidationError):
        build_dossier(demo, DossierRequest(year=2017, participant_id=stranger.id), out)
    with pytest.raises(ValidationError):
        build_dossier(demo, DossierRequest(year=2017, style="nope"), out)
    assert list(out.parent.iterdir()) == []


@dataclass
class CancelAfter:
    reports: int
    calls: list[str] = field(default_factory=list)

    def report(self, done: int, total: int, label: str = "") -> None:
        self.calls.append(label)

    def cancelled(self) -> bool:
        return len(self.calls) >= self.reports


@pytest.mark.parametrize("reports", [1, 5, 12])
def test_cancelling_leaves_no_file(demo: Library, tmp_path: Path, reports: int) -> None:
    out = tmp_path / "pack.pdf"
    progress = CancelAfter(reports)
    with pytest.raises(Cancelled):
        build_dossier(demo, DossierRequest(year=2017), out, progress)
    assert list(tmp_path.iterdir()) == []


def test_progress_is_reported_page_by_page(demo: Library, tmp_path: Path) -> None:
    progress = CancelAfter(10_000)
    build_dossier(demo, DossierRequest(year=2017), tmp_path / "pack.pdf", progress)
    assert progress.calls.count("layout") >= 10  # one report a laid-out page, one pass
    assert {"gathering", "bibliography", "attachments", "appending"} <= set(progress.calls)


def test_an_existing_file_is_replaced_whole(demo: Library, tmp_path: Path) -> None:
    out = tmp_path / "pack.pdf"
    out.write_bytes(b"old")
    build_dossier(demo, DossierRequest(year=2017), out)
    assert out.read_bytes().startswith(b"%PDF")
    assert [p.name for p in tmp_path.iterdir()] == ["pack.pdf"]


# --- the team's text is text -----------------------------------------------------------

TRICKY = "A & B <b>x</b> <font size=40> AT&T"


def test_markup_looking_text_prints_literally(lib: Library, tmp_path: Path) -> None:
    small_edition(lib, title=f"Édition {TRICKY}", workshop_title=TRICKY)
    out = tmp_path / "tricky.pdf"
    build_dossier(lib, DossierRequest(year=2024, sections=ALL_SECTIONS), out)
    texts = [squash(t) for t in page_texts(out)]
    assert f"Édition {TRICKY}" in texts[0]
    assert f"Atelier n° 1 — {TRICKY}" in texts[2] or f"Atelier n° 1 — {TRICKY}" in texts[3]
    assert any(line.title == f"Atelier n° 1 — {TRICKY}" for line in contents_lines(out))
    assert (0, f"Atelier n° 1 — {TRICKY}", next(
        line.page for line in contents_lines(out) if line.title.startswith("Atelier n° 1"))
            ) in outline(out)
    assert f"Édition {TRICKY}" in texts[-1]  # the running header
    info = PdfReader(out).metadata
    assert info is not None and info.title.startswith(f"Édition {TRICKY}")


def test_names_from_any_european_script_come_out_intact(lib: Library, tmp_path: Path) -> None:
    small_edition(lib)
    out = tmp_path / "names.pdf"
    build_dossier(lib, DossierRequest(year=2024, sections=ALL_SECTIONS), out)
    everything = squash(" ".join(page_texts(out)))
    for name in ("Zoë Łukasiewicz", "Œuvre d’Orient", "Σοφία Ἀριστοτέλης", "Ελληνικό",
                 "Анна Достоевская", "Őrség"):
        assert name in everything, name
    assert "Secret interne" not in everything and "Ne pas imprimer" not in everything
    assert "Mot d’accueil" in everything and "Bienvenue à toutes et à tous." in everything
    assert font_names(out) <= {"DejaVuSerif", "DejaVuSerif-Bold", "DejaVuSerif-Italic",
                               "DejaVuSerif-BoldItalic", "DejaVuSans", "DejaVuSans-Bold",
                               "DejaVuSans-Oblique", "DejaVuSans-BoldOblique"}


def test_dois_and_urls_are_live_links(lib: Library, tmp_path: Path) -> None:
    small_edition(lib)
    out = tmp_path / "links.pdf"
    build_dossier(lib, DossierRequest(year=2024), out)
    targets = links(out)
    assert "https://doi.org/10.1017/CBO9780511807763" in targets
    assert "https://example.org/gide" in targets
    everything = squash(" ".join(page_texts(out)))
    assert "Chapitres 1 et 3." in everything  # the annotation under its entry
    assert workshops.reading_list(lib, 2024, 1)[0].annotation == "Chapitres 1 et 3."


def test_a_long_contents_table_runs_over_pages_with_true_numbers(lib: Library,
                                                                  tmp_path: Path) -> None:
    small_edition(lib)
    for n in range(3, 41):
        workshops.add(lib, 2024, f"Atelier de travail numéro {n} sur un thème assez long "
                                 f"pour tenir sur deux lignes dans le sommaire du dossier")
    out = tmp_path / "long.pdf"
    build_dossier(lib, DossierRequest(year=2024), out)
    lines = contents_lines(out)
    texts = [squash(t) for t in page_texts(out)]
    chapters = [line for line in lines if line.title.startswith("Atelier n°")]
    assert len(chapters) == 40
    assert lines[0].page > 3  # the contents took more than one page
    for line in chapters:
        assert texts[line.page - 1].startswith(line.title), line
    for i, (depth, title, page) in enumerate(m for m in outline(out) if m[0] == 0):
        assert depth == 0 and (i == 0 or any(c.title == title and c.page == page
                                             for c in lines)), title


def test_nothing_to_print_and_nowhere_to_write(demo: Library, tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as nothing:
        build_dossier(demo, DossierRequest(year=2017, sections=frozenset()), tmp_path / "a.pdf")
    assert nothing.value.field == "sections"
    with pytest.raises(StorageError):
        build_dossier(demo, DossierRequest(year=2017), tmp_path / "no" / "such" / "a.pdf")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("start", "end", "locale", "printed"), [
    ("09:00", "10:30", "fr-FR", "9\u00a0h\u00a0– 10\u00a0h\u00a030"),
    ("10:45", "12:00", "fr-FR", "10\u00a0h\u00a045\u00a0– 12\u00a0h"),
    ("09:00", "10:30", "en-US", "9:00–10:30"),
    ("14:05", "16:30", "en-GB", "14:05–16:30"),
])
def test_times_as_the_programme_prints_them(start: str, end: str, locale: str,
                                            printed: str) -> None:
    assert format_time_range(start, end, locale) == printed


def test_spaced_is_french_spacing_for_french_only() -> None:
    assert spaced("Pourquoi coopérer ?", "fr-FR") == "Pourquoi coopérer\u00a0?"
    # elsewhere only the space typed before a sign is kept from breaking
    assert spaced("Why cooperate ?", "en-US") == "Why cooperate\u00a0?"
    assert spaced("Why cooperate?", "en-US") == "Why cooperate?"


def test_an_edition_in_preparation_gives_its_cover_only(lib: Library, tmp_path: Path) -> None:
    editions.add(lib, 2030, "Séminaire prospectif 2030")
    out = tmp_path / "empty.pdf"
    report = build_dossier(lib, DossierRequest(year=2030, sections=ALL_SECTIONS), out)
    assert report.page_count == 1 and "Séminaire prospectif 2030" in page_texts(out)[0]
    with pytest.raises(ValidationError):
        build_dossier(lib, DossierRequest(year=2030, sections=ALL_SECTIONS - {Section.COVER}),
                      out)


def test_badges_are_delegated_and_written_atomically(demo: Library, lib: Library,
                                                      tmp_path: Path) -> None:
    out = tmp_path / "badges.pdf"
    report = build_dossier(demo, DossierRequest(Template.BADGES, year=2017), out)
    assert report.paths == (out,) and report.page_count == len(PdfReader(out).pages) >= 1
    assert "Noémie" in squash(" ".join(page_texts(out)))
    editions.add(lib, 2031, "Personne encore")
    with pytest.raises(ValidationError):
        build_dossier(lib, DossierRequest(Template.BADGES, year=2031), tmp_path / "b.pdf")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["badges.pdf", "library"]


def test_contents_numbers_of_headings_never_laid_out_and_past_page_999() -> None:
    table = ContentsTable(make_styles())
    table.entries = [ContentsEntry(0, "Laid out", "h1"), ContentsEntry(0, "Never laid out", "h2"),
                     ContentsEntry(1, "annexe.pdf", None, offset=0)]
    room = 300.0
    forms = table.number_forms(1200, {"h1": 3}, {entry_form(i): room for i in range(3)})
    assert [form.text for form in forms] == ["3", "", "1201"]
    assert forms[1].leader == ""  # no page 0, and no dots leading to nothing
    for form in (forms[0], forms[2]):
        # The leaders end where the widest number of the column starts (see
        # DeferredNumbersCanvas.save): room for « 1201 », on every line, dots in columns.
        kept = number_room(form.font, form.size, form.digits)
        assert stringWidth("1201", form.font, form.size) < kept
        dots = stringWidth(form.leader, form.leader_font, form.size)
        assert 0 < dots <= room - kept
    assert forms[0].digits == forms[2].digits
