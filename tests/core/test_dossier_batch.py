"""Personal packs for every participant: safe file names, one folder, one combined PDF."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest
from dossier_support import outline, page_texts, small_edition, small_pdf, squash
from pypdf import PdfReader

from seminaire_app.domain import Owner
from seminaire_app.dossiers import (
    DossierRequest,
    Section,
    Template,
    build_per_participant,
    safe_filename,
)
from seminaire_app.dossiers.batch import per_participant_paths
from seminaire_app.errors import Cancelled, ValidationError
from seminaire_app.services import attachments, participants, workshops
from seminaire_app.storage.library import Library


@pytest.mark.parametrize(("text", "expected"), [
    ("Dupont Marie", "Dupont Marie"),
    ("Łukasiewicz Zoë", "Łukasiewicz Zoë"),
    ("AC/DC: \"live\" <tour> | 2*3?", "AC DC live tour 2 3"),
    ("back\\slash\ttab\nnewline\x00nul\x7f", "back slash tab newline nul"),
    ("  ..hidden. . ", "hidden"),
    ("CON", "_CON"),
    ("con.pdf", "_con.pdf"),
    ("COM1", "_COM1"),
    ("LPT9 .txt", "_LPT9 .txt"),
    ("Console", "Console"),
    ("", "dossier"),
    ("...", "dossier"),
    ("e\u0301te\u0301", "été"),  # decomposed accents are composed
    # Invisible characters are dropped: zero-width space, right-to-left mark and the
    # override that would show « Anne‮fdp.exe » as « Anneexe.pdf »; a noncharacter, an
    # unassigned code point, private use.
    ("Zo\u200bë\u200f", "Zoë"),
    ("Anne\u202efdp.exe", "Annefdp.exe"),
    ("a\ufffeb\u0378c\ue000d", "abcd"),
    ("\u200b\u2060", "dossier"),
    ("Ζωή \u00ad", "Ζωή"),
    # the joiners are spelling: Persian's ZWNJ, Devanagari's ZWJ
    ("\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645",
     "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"),
    ("\u0915\u094d\u200d\u0937", "\u0915\u094d\u200d\u0937"),
    ("\u200cAnne\u200d", "Anne"), ("\u200d", "dossier"),  # …but join nothing at an end
])
def test_safe_filename(text: str, expected: str) -> None:
    assert safe_filename(text) == expected


def test_safe_filename_is_bounded_in_bytes_between_characters() -> None:
    name = safe_filename("Ἀριστοτέλης " * 40)
    assert len(name.encode("utf-8")) <= 120
    assert name == name.strip() and name.encode("utf-8").decode("utf-8") == name
    assert name.startswith("Ἀριστοτέλης Ἀριστοτέλης")


def _participant_names(lib: Library) -> list[str]:
    return [r.participant.display() for r in participants.registrations(lib, 2024)]


def test_one_pack_per_participant_in_a_folder(lib: Library, tmp_path: Path) -> None:
    edition = small_edition(lib)
    attachments.attach(lib, Owner("edition", edition.id),
                       small_pdf(tmp_path / "synthese.pdf", 2, "Synthèse"))
    twin = participants.add(lib, "łukasiewicz", "zoë")  # same name as another but for case
    participants.register(lib, 2024, twin.id)
    folder = tmp_path / "packs"
    report = build_per_participant(lib, DossierRequest(year=2024), folder=folder)
    names = {p.name for p in folder.iterdir()}
    assert names == {"Ἀριστοτέλης Σοφία.pdf", "Łukasiewicz Zoë.pdf",
                     "łukasiewicz zoë (2).pdf", "Достоевская Анна.pdf"}
    assert set(report.paths) == {folder / n for n in names}
    assert report.appended == ("synthese.pdf",)
    counts, identifiers = set(), set()
    for path in report.paths:
        texts = page_texts(path)
        counts.add(len(texts))
        cover = squash(texts[0])
        owner = next(n for n in [*_participant_names(lib), "zoë łukasiewicz"]
                     if f"Dossier préparé pour {n}" in cover)
        assert owner
        assert squash(texts[-1]).startswith("Synthèse page 2")
        assert outline(path)[0][1] == "Sommaire"
        info = PdfReader(path).metadata
        assert info is not None and info.title.endswith(owner)
        identifiers.add(tuple(i.original_bytes for i in PdfReader(path).trailer["/ID"]))
    assert len(identifiers) == len(report.paths)  # each pack is a file of its own
    assert len(counts) == 1 and report.page_count == 4 * counts.pop()
    zoe = squash(page_texts(folder / "Łukasiewicz Zoë.pdf")[0])
    assert "Vos ateliers Atelier n° 1 — Coopérer sur le territoire" in zoe


def test_all_packs_in_one_pdf_each_starting_on_an_odd_page(lib: Library,
                                                           tmp_path: Path) -> None:
    small_edition(lib)
    (tmp_path / "out").mkdir()
    combined = tmp_path / "out" / "tous.pdf"
    report = build_per_participant(lib, DossierRequest(year=2024), combined=combined)
    assert report.paths == (combined,)
    reader = PdfReader(combined)
    assert report.page_count == len(reader.pages)
    starts = [(title, page) for depth, title, page in outline(combined) if depth == 0]
    assert [title for title, _ in starts] == _participant_names(lib)
    assert all(page % 2 == 1 for _, page in starts)
    texts = page_texts(combined)
    for title, page in starts:
        assert f"Dossier préparé pour {title}" in squash(texts[page - 1])
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["tous.pdf"]
    # The edition's metadata and language, as in each pack; it opens on the bookmarks.
    info = reader.metadata
    assert info is not None
    assert info.title == "Séminaire prospectif 2024 — Dossier du participant"
    assert (info.author, info.subject) == ("ESEAC", "La coopération")
    assert reader.trailer["/Root"]["/Lang"] == "fr-FR"
    assert reader.trailer["/Root"]["/PageMode"] == "/UseOutlines"
    assert len(reader.trailer["/ID"]) == 2


def test_names_print_as_the_participants_list_prints_them(lib: Library,
                                                         tmp_path: Path) -> None:
    """« Hélène d’Arcy » on her cover, in her pack's title and in the combined PDF's
    bookmarks, as in the participants list; each pack opens on its bookmarks."""
    small_edition(lib)
    darcy = participants.add(lib, "d'Arcy", "Hélène", "Maison de l'ESS")
    participants.register(lib, 2024, darcy.id)
    folder, combined = tmp_path / "packs", tmp_path / "tous.pdf"
    build_per_participant(lib, DossierRequest(year=2024), folder=folder, combined=combined)
    pack = folder / "d'Arcy Hélène.pdf"
    cover = page_texts(pack)[0]
    assert "Dossier préparé pour Hélène d’Arcy" in squash(cover) and "'" not in cover
    reader = PdfReader(pack)
    assert reader.metadata is not None
    assert reader.metadata.title == ("Séminaire prospectif 2024 — Dossier du participant"
                                     " — Hélène d’Arcy")
    assert reader.trailer["/Root"]["/PageMode"] == "/UseOutlines"
    names = [title for depth, title, _ in outline(combined) if depth == 0]
    assert "Hélène d’Arcy" in names and not any("'" in name for name in names)


def test_the_files_a_batch_writes_are_known_before_it_runs(lib: Library,
                                                          tmp_path: Path) -> None:
    small_edition(lib)
    twin = participants.add(lib, "łukasiewicz", "zoë")
    participants.register(lib, 2024, twin.id)
    folder, combined = tmp_path / "packs", tmp_path / "tous.pdf"
    request = DossierRequest(year=2024)
    planned = per_participant_paths(lib, request, folder, combined)
    assert not folder.exists() and not combined.exists()  # nothing built to tell
    report = build_per_participant(lib, request, folder=folder, combined=combined)
    assert planned == report.paths
    assert set(planned) == {combined, *folder.iterdir()}
    workshop = DossierRequest(Template.WORKSHOP, year=2024, workshop=1)
    planned = per_participant_paths(lib, workshop, folder=tmp_path / "ws")
    assert planned == build_per_participant(lib, workshop, folder=tmp_path / "ws").paths
    assert per_participant_paths(lib, request, combined=combined) == (combined,)


def test_the_combined_pdf_holds_the_shared_fonts_once(lib: Library, tmp_path: Path) -> None:
    small_edition(lib)
    folder, combined = tmp_path / "packs", tmp_path / "tous.pdf"
    build_per_participant(lib, DossierRequest(year=2024), folder=folder, combined=combined)
    packs = sorted(folder.iterdir())
    assert len(packs) == 3
    # Each pack embeds the body's fonts; together they are embedded once.
    assert combined.stat().st_size < sum(p.stat().st_size for p in packs) / 2


def test_workshop_dossiers_for_the_workshop_participants(lib: Library, tmp_path: Path) -> None:
    small_edition(lib)
    report = build_per_participant(lib, DossierRequest(Template.WORKSHOP, year=2024,
                                                       workshop=1), folder=tmp_path / "ws")
    assert sorted(p.name for p in report.paths) == ["Łukasiewicz Zoë.pdf",
                                                    "Достоевская Анна.pdf"]


@dataclass
class CancelAt:
    label: str
    calls: list[str] = field(default_factory=list)

    def report(self, done: int, total: int, label: str = "") -> None:
        self.calls.append(label)

    def cancelled(self) -> bool:
        return self.calls.count(self.label) >= 2


@pytest.mark.parametrize("label", ["layout", "participants", "combining"])
def test_cancelling_leaves_nothing(lib: Library, tmp_path: Path, label: str) -> None:
    small_edition(lib)
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(Cancelled):
        build_per_participant(lib, DossierRequest(year=2024), folder=out / "packs",
                              combined=out / "tous.pdf", progress=CancelAt(label))
    assert list(out.iterdir()) == []  # not even the folder it would have made


def test_impossible_batches(lib: Library, tmp_path: Path) -> None:
    with pytest.raises(ValidationError):
        build_per_participant(lib, DossierRequest(year=2024))
    small_edition(lib)
    with pytest.raises(ValidationError):
        build_per_participant(lib, DossierRequest(year=2024, sections=frozenset(
            {Section.PROGRAMME})), folder=tmp_path)
    with pytest.raises(ValidationError):
        build_per_participant(lib, DossierRequest(Template.BIBLIOGRAPHY, year=2024),
                              folder=tmp_path)
    workshops.add(lib, 2024, "Sans participants")
    with pytest.raises(ValidationError):
        build_per_participant(lib, DossierRequest(Template.WORKSHOP, year=2024, workshop=3),
                              folder=tmp_path / "empty")
