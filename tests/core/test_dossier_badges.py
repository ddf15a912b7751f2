"""Name badges, read back from the PDF: sheets, names in every script, cards kept inside."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from reportlab.pdfbase.pdfmetrics import stringWidth

from seminaire_app.domain import (
    Edition,
    EditionId,
    Participant,
    ParticipantId,
    ParticipantRole,
    Registration,
    Workshop,
    WorkshopId,
)
from seminaire_app.dossiers import fonts
from seminaire_app.dossiers.badges import (
    CARD_HEIGHT,
    CARD_WIDTH,
    PADDING,
    TextLine,
    build_badges,
    fit,
    layout_card,
    sheet_layout,
    upper,
    workshops_label,
)
from seminaire_app.dossiers.model import PageSize
from seminaire_app.errors import Cancelled, StorageError, ValidationError

EDITION = Edition(EditionId(1), 2017, "Séminaire prospectif", theme="coopérer",
                  start_date=date(2017, 11, 23), end_date=date(2017, 11, 24),
                  organisers=("ESEAC", "Sciences Po Grenoble"))
WORKSHOPS = [
    Workshop(WorkshopId(n), EditionId(1), 2017, n, title)
    for n, title in ((1, "Des coopérations informelles"), (2, "Le choc des cultures"),
                     (3, "Structurer les coopérations : l'enjeu de la pérennisation"))
]
LONG_FAMILY = ("Wolfeschlegelsteinhausenbergerdorff-Łukasiewicz de la Tour d'Auvergne "
               "et de Bouillon-Lamarck-Wrzeszczyńska")
LONG_GIVEN = "Marie-Alexandrine-Éléonore-Wilhelmina-Konstantynopolitańczykowianeczka"


def person(family: str, given: str = "Camille", organisation: str = "ESEAC",
           workshops: tuple[int, ...] = (1,),
           role: ParticipantRole = ParticipantRole.PARTICIPANT) -> Registration:
    pid = ParticipantId(abs(hash((family, given))) % 100_000)
    return Registration(Participant(pid, family, given, organisation), EditionId(1), role,
                        workshops)


def crowd(count: int) -> list[Registration]:
    return [person(f"Family{n:02d}", f"Given{n:02d}") for n in range(count)]


def build(tmp_path: Path, registrations: list[Registration],
          page_size: PageSize = PageSize.A4, locale: str = "fr-FR") -> PdfReader:
    output = tmp_path / "badges.pdf"
    pages = build_badges(output, EDITION, registrations, WORKSHOPS, page_size, locale)
    reader = PdfReader(output)
    assert len(reader.pages) == pages
    return reader


def text(reader: PdfReader) -> str:
    """The text of every page; pypdf reads no-break spaces as spaces."""
    return "\n".join(page.extract_text() for page in reader.pages)


def test_nobody_registered_is_a_validation_error(tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as error:
        build_badges(tmp_path / "badges.pdf", EDITION, [], WORKSHOPS, PageSize.A4, "fr-FR")
    assert error.value.field == "participants" and "2017" in error.value.message
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("count", "pages"), [(1, 1), (10, 1), (11, 2), (21, 3)])
def test_ten_cards_a_sheet_on_a4(tmp_path: Path, count: int, pages: int) -> None:
    reader = build(tmp_path, crowd(count))
    assert len(reader.pages) == pages
    assert [round(float(v)) for v in reader.pages[0].mediabox] == [0, 0, 595, 842]
    assert text(reader).count("Given") == count


def test_letter_sheets_hold_eight(tmp_path: Path) -> None:
    reader = build(tmp_path, crowd(9), PageSize.LETTER)
    assert len(reader.pages) == 2
    assert [round(float(v)) for v in reader.pages[0].mediabox] == [0, 0, 612, 792]
    layout = sheet_layout(PageSize.LETTER)
    assert (layout.columns, layout.rows) == (2, 4)


def test_grid_is_centred_with_room_for_crop_marks() -> None:
    for size in PageSize:
        sheet = sheet_layout(size)
        right = sheet.width - sheet.left - sheet.columns * CARD_WIDTH
        top = sheet.height - sheet.bottom - sheet.rows * CARD_HEIGHT
        assert sheet.left == pytest.approx(right) and sheet.bottom == pytest.approx(top)
        assert min(sheet.left, sheet.bottom) >= 28  # 10 mm: marks of 5 mm, 2.5 mm off
    assert (sheet_layout(PageSize.A4).columns, sheet_layout(PageSize.A4).rows) == (2, 5)


def test_names_in_every_script_extracted_intact(tmp_path: Path) -> None:
    registrations = [
        person("Łukasiewicz-Őrsi", "Œdipe", "Uniwersytet Wrocławski"),
        person("Παπαδοπούλου", "Αικατερίνη", "Πανεπιστήμιο Αθηνών", (2,)),
        person("Достоевская", "Анна", "Санкт-Петербургский университет", ()),
        person("d’Ormesson", "Jean-Ægidius", "Académie française"),
    ]
    extracted = text(build(tmp_path, registrations))
    for piece in ("Œdipe", "ŁUKASIEWICZ-ŐRSI", "Uniwersytet Wrocławski", "Αικατερίνη",
                  "ΠΑΠΑΔΟΠΟΥΛΟΥ", "Πανεπιστήμιο Αθηνών", "Анна", "ДОСТОЕВСКАЯ",
                  "Санкт-Петербургский университет", "Jean-Ægidius", "d’ORMESSON"):
        assert piece in extracted, piece


def test_only_embedded_dejavu_fonts(tmp_path: Path) -> None:
    reader = build(tmp_path, [person("Łukasiewicz-Őrsi", "Œdipe")])
    names = {str(font.get_object()["/BaseFont"])
             for page in reader.pages for font in page["/Resources"]["/Font"].values()}
    assert names and all("DejaVu" in name for name in names)
    assert not any("Helvetica" in name for name in names)
    for font in reader.pages[0]["/Resources"]["/Font"].values():
        descriptor = font.get_object()["/FontDescriptor"]
        assert "/FontFile2" in descriptor.get_object()  # embedded


def test_sorted_by_family_name_with_accents(tmp_path: Path) -> None:
    families = ["Zola", "Émond", "Łukasiewicz", "Ardant", "lefèvre", "Œttinger", "Eberhardt"]
    registrations = [person(family, f"P{n}", "Org") for n, family in enumerate(families)]
    lines = text(build(tmp_path, registrations)).splitlines()
    order = [line for line in lines if line.upper() == line and line.isalpha()]
    assert order == ["ARDANT", "EBERHARDT", "ÉMOND", "LEFÈVRE", "ŁUKASIEWICZ", "ŒTTINGER",
                     "ZOLA"]


def test_a_lower_case_de_is_not_sorted_on(tmp_path: Path) -> None:
    families = ["Bernard", "d’Arcy", "Le Goff", "de Lassalle", "Martin"]
    registrations = [person(family, f"P{n}", "Org") for n, family in enumerate(families)]
    lines = text(build(tmp_path, registrations)).splitlines()
    order = [line for line in lines if line in {"BERNARD", "d’ARCY", "LE GOFF", "de LASSALLE",
                                                 "MARTIN"}]
    assert order == ["d’ARCY", "BERNARD", "de LASSALLE", "LE GOFF", "MARTIN"]


def test_workshops_and_roles_on_the_card(tmp_path: Path) -> None:
    registrations = [
        person("Un", workshops=(3,)),
        person("Deux", workshops=(3, 1), role=ParticipantRole.FACILITATOR),
        person("Trois", workshops=()),
    ]
    french = text(build(tmp_path, registrations, locale="fr-FR"))
    assert "Atelier 3 · Structurer les coopérations : l’enjeu" in french  # ’: French
    assert "Animation — Ateliers 1 et 3" in french
    english = text(build(tmp_path, registrations, locale="en-US"))
    assert "Workshop 3 · Structurer les coopérations : l’enjeu" in english  # ’ too
    assert "Facilitator — Workshops 1 and 3" in english
    assert workshops_label([1, 2, 4], {}, "fr-FR") == "Ateliers 1, 2 et 4"
    assert workshops_label([5], {}, "en-US") == "Workshop 5"


def test_family_names_keep_their_lower_case_particles(tmp_path: Path) -> None:
    printed = {"d'Arcy": "d’ARCY", "D'Artagnan": "D’ARTAGNAN", "de La Fontaine": "de LA FONTAINE",
               "de la Tour d'Auvergne": "de la TOUR D’AUVERGNE", "Le Goff": "LE GOFF",
               "le Goff": "LE GOFF", "van der Berg": "van der BERG", "Van Gogh": "VAN GOGH",
               "von Humboldt": "von HUMBOLDT", "di Stefano": "di STEFANO",
               "dos Santos": "dos SANTOS", "ten Brink": "ten BRINK", "du Bellay": "du BELLAY",
               "des Esseintes": "des ESSEINTES", "de": "DE", "d'": "D'", "Dupont": "DUPONT"}
    registrations = [person(family, f"P{n}", "Club d'entreprises")
                     for n, family in enumerate(printed)]
    for locale in ("fr-FR", "en-US"):
        lines = [line.strip() for line in text(build(tmp_path, registrations,
                                                     locale=locale)).splitlines()]
        assert set(printed.values()) <= set(lines)
        assert "Club d’entreprises" in lines


def test_edition_printed_with_its_year(tmp_path: Path) -> None:
    assert "SÉMINAIRE PROSPECTIF · 2017" in text(build(tmp_path, [person("Martin")]))


def test_metadata(tmp_path: Path) -> None:
    reader = build(tmp_path, [person("Martin")])
    assert reader.metadata is not None
    assert reader.metadata.title == "Badges — Séminaire prospectif · 2017"
    assert reader.metadata.author == "ESEAC, Sciences Po Grenoble"
    assert reader.trailer["/Root"]["/Lang"] == "fr-FR"


def _card_bounds(reader: PdfReader) -> list[tuple[str, float, float, float]]:
    """(text, left, right, baseline) of every piece of text on the first page."""
    fonts.register()
    found: list[tuple[str, float, float, float]] = []

    def visit(piece: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        piece = piece.strip()
        if piece and isinstance(font, dict):
            name = str(font["/BaseFont"]).split("+")[-1]
            x, y = tm[4] + cm[4], tm[5] + cm[5]
            found.append((piece, x, x + stringWidth(piece, name, size), y))

    reader.pages[0].extract_text(visitor_text=visit)
    return found


def assert_inside(line: TextLine) -> None:
    """``line`` within the card's padding (its text is centred on ``line.x``)."""
    assert line.x - line.width / 2 >= PADDING - 0.01, line.text
    assert line.x + line.width / 2 <= CARD_WIDTH - PADDING + 0.01, line.text
    assert PADDING <= line.y <= CARD_HEIGHT - PADDING, line.text


def test_long_names_stay_inside_their_cards(tmp_path: Path) -> None:
    registrations = [person(LONG_FAMILY, LONG_GIVEN, "Direction régionale de l'économie, de "
                            "l'emploi, du travail et des solidarités Auvergne-Rhône-Alpes, "
                            "service de l'économie sociale et solidaire, pôle coopérations",
                            (1, 2, 3), ParticipantRole.ORGANISER),
                     person("Li", "Bo", "", (2,))]
    reader = build(tmp_path, registrations)
    sheet = sheet_layout(PageSize.A4)
    pieces = _card_bounds(reader)
    assert len(pieces) >= 8
    for piece, left, right, baseline in pieces:
        column = int((left - sheet.left) // CARD_WIDTH)
        card_left = sheet.left + column * CARD_WIDTH
        assert left >= card_left + PADDING - 0.01, piece
        assert right <= card_left + CARD_WIDTH - PADDING + 0.01, piece
        row_bottom = sheet.bottom + (sheet.rows - 1) * CARD_HEIGHT
        assert row_bottom + PADDING - 0.01 <= baseline <= row_bottom + CARD_HEIGHT - PADDING, piece


def test_card_layout_never_overflows() -> None:
    fonts.register()
    for first, family in ((LONG_GIVEN, LONG_FAMILY), ("", LONG_FAMILY * 3), (LONG_GIVEN * 4, ""),
                          ("X" * 300, "Y" * 300), ("Anne", "Li"), ("", "")):
        lines = layout_card(person(family, first, LONG_FAMILY * 2, (1, 2, 3)), EDITION,
                            {w.number: w for w in WORKSHOPS}, "fr-FR")
        for line in lines:
            assert_inside(line)
        baselines = [line.y for line in lines]
        assert baselines == sorted(baselines, reverse=True)  # top to bottom, none overlaid


def test_names_are_large_and_shrink_only_when_needed() -> None:
    workshops = {w.number: w for w in WORKSHOPS}
    short = layout_card(person("Martin", "Hélène"), EDITION, workshops, "fr-FR")
    assert [line.size for line in short if line.text in ("Hélène", "MARTIN")] == [22, 16]
    long = layout_card(person(LONG_FAMILY, "Hélène"), EDITION, workshops, "fr-FR")
    family = [line for line in long if line.text.isupper() and line.font == fonts.SANS
              and line.y > CARD_HEIGHT / 3]
    assert len(family) == 2 and all(9 <= line.size < 16 for line in family)
    assert [line.size for line in long if line.text == "Hélène"] == [22]


def test_fit_wraps_after_hyphens_then_cuts_with_an_ellipsis() -> None:
    fonts.register()
    size, lines = fit("Łukasiewicz-Őrsi", fonts.SANS, 12, 12,
                      stringWidth("Łukasiewicz-", fonts.SANS, 12) + 1, 2)
    assert (size, lines) == (12, ["Łukasiewicz-", "Őrsi"])
    size, lines = fit("one two three four five six", fonts.SANS, 12, 10,
                      stringWidth("one two", fonts.SANS, 10) + 1, 2)
    assert size == 10 and lines[0] == "one two" and lines[1].endswith("…")


def test_greek_capitals_drop_their_accents() -> None:
    assert upper("Παπαδοπούλου") == "ΠΑΠΑΔΟΠΟΥΛΟΥ"
    assert upper("Ευφροσύνη-Ϊ") == "ΕΥΦΡΟΣΥΝΗ-Ϊ"
    assert upper("Émond d’Œttinger") == "ÉMOND D’ŒTTINGER"


def test_markup_looking_names_print_as_typed(tmp_path: Path) -> None:
    extracted = text(build(tmp_path, [person("<b>x</b>", "A & B", "<font size=40>")]))
    assert "A & B" in extracted and "<B>X</B>" in extracted and "<font size=40>" in extracted


class Recorder:
    def __init__(self, cancel_after: int | None = None) -> None:
        self.reports: list[tuple[int, int]] = []
        self.cancel_after = cancel_after

    def report(self, done: int, total: int, label: str = "") -> None:
        self.reports.append((done, total))

    def cancelled(self) -> bool:
        return self.cancel_after is not None and len(self.reports) >= self.cancel_after


def test_progress_reported_per_sheet(tmp_path: Path) -> None:
    recorder = Recorder()
    build_badges(tmp_path / "b.pdf", EDITION, crowd(21), WORKSHOPS, PageSize.A4, "fr-FR",
                 recorder)
    assert recorder.reports == [(0, 3), (1, 3), (2, 3), (3, 3)]


def test_cancelled_leaves_no_file(tmp_path: Path) -> None:
    output = tmp_path / "b.pdf"
    output.write_bytes(b"previous badges")
    with pytest.raises(Cancelled):
        build_badges(output, EDITION, crowd(21), WORKSHOPS, PageSize.A4, "fr-FR", Recorder(2))
    assert [p.name for p in tmp_path.iterdir()] == ["b.pdf"]
    assert output.read_bytes() == b"previous badges"  # the old file is untouched


def test_unwritable_folder_is_a_storage_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(StorageError):
        build_badges(blocker / "b.pdf", EDITION, crowd(1), WORKSHOPS, PageSize.A4, "fr-FR")


@settings(max_examples=100, deadline=None)
@given(family=st.text(max_size=120), given_name=st.text(max_size=80),
       organisation=st.text(max_size=200), numbers=st.lists(st.integers(0, 99), max_size=6),
       locale=st.sampled_from(["fr-FR", "en-US"]))
def test_any_card_fits(family: str, given_name: str, organisation: str, numbers: list[int],
                       locale: str) -> None:
    fonts.register()
    lines = layout_card(person(family, given_name, organisation, tuple(numbers)), EDITION,
                        {w.number: w for w in WORKSHOPS}, locale)
    for line in lines:
        assert "\n" not in line.text and line.text == line.text.strip()
        assert_inside(line)


def test_demo_edition_badges(tmp_path: Path) -> None:
    from seminaire_app.demo import create_demo
    from seminaire_app.services import editions, participants, workshops

    lib = create_demo(tmp_path / "demo")
    try:
        registrations = participants.registrations(lib, 2017)
        output = tmp_path / "badges.pdf"
        pages = build_badges(output, editions.get(lib, 2017), registrations,
                             workshops.list_workshops(lib, 2017), PageSize.A4, "fr-FR")
    finally:
        lib.close()
    assert pages == -(-len(registrations) // 10)
    extracted = text(PdfReader(output))
    for registration in registrations:
        assert registration.participant.given in extracted


def test_english_badges_never_start_a_line_with_a_french_sign(tmp_path: Path) -> None:
    """Workshop titles are French in English badges too: the space typed before « : »
    holds (a facilitator's badge printed « : l’enjeu de la pérennisation » alone)."""
    reader = build(tmp_path, [person("Dupont", workshops=(3,),
                                     role=ParticipantRole.FACILITATOR)], locale="en-US")
    lines = [line.strip() for line in text(reader).splitlines()]
    assert any("coopérations : l’enjeu" in line for line in lines)
    assert [line for line in lines if line.startswith(tuple(":;?!»"))] == []
