"""``seminaire dossier`` through ``main(argv)`` on the demo library; the PDFs are read back.

Each test works on its own copy of the 2017 demo (built once per session) and checks
what a user sees: the exit status, the lines printed, and the PDF itself (pages, text,
metadata, outline, files written).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from dossier_support import layout_text, links, squash
from pypdf import PdfReader, PdfWriter

from seminaire_app import dossiers
from seminaire_app.cli import dossier as dossier_cli
from seminaire_app.cli import main as main_module
from seminaire_app.demo_data import EDITION, FACILITATORS, NOTES, PARTICIPANTS, WORKSHOPS
from seminaire_app.domain import Owner, Visibility
from seminaire_app.dossiers.labels import labels_for
from seminaire_app.errors import Cancelled
from seminaire_app.services import attachments, editions, notes, participants
from seminaire_app.storage.library import Library

# --- fixtures ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


class Cli:
    """``seminaire --library DEMO dossier …`` in-process."""

    def __init__(self, folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.folder = folder
        self.capsys = capsys

    def run(self, *argv: str) -> Run:
        code = main_module.main(["--library", str(self.folder), "dossier", *argv])
        captured = self.capsys.readouterr()
        assert "Traceback" not in captured.err
        return Run(code, captured.out, captured.err)

    def ok(self, *argv: str) -> Run:
        result = self.run(*argv)
        assert result.code == 0, result.err
        return result

    def fails(self, *argv: str, code: int) -> str:
        """The last line on stderr of a command that must fail with ``code``."""
        result = self.run(*argv)
        assert result.code == code, (result.out, result.err)
        assert result.out == ""
        return result.err.strip().splitlines()[-1]


@pytest.fixture
def demo(demo_template: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "demo"
    shutil.copytree(demo_template, folder)
    return folder


@pytest.fixture
def cli(demo: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    assert dossier_cli in main_module.COMMAND_MODULES
    return Cli(demo, capsys)


@pytest.fixture
def lib(demo: Path) -> Iterator[Library]:
    library = Library.open(demo, create=False)
    yield library
    library.close()


def flat(text: str) -> str:
    """Text with every run of spaces (non-breaking ones too) as one space, and
    typographic apostrophes as straight ones."""
    text = unicodedata.normalize("NFC", text).replace("\u00ad", "").replace("’", "'")
    return re.sub(r"\s+", " ", text)


def pdf_text(path: Path) -> str:
    return flat(" ".join(page.extract_text() or "" for page in PdfReader(path).pages))


def outline_titles(path: Path) -> list[str]:
    def walk(items: list[Any]) -> Iterator[str]:
        for item in items:
            if isinstance(item, list):
                yield from walk(item)
            else:
                yield str(item.title)
    return list(walk(PdfReader(path).outline))


def first_words(text: str, n: int = 5) -> str:
    """The first ``n`` words of ``text`` (Markdown: without its emphasis marks)."""
    return flat(" ".join(text.replace("*", "").split()[:n]))


# --- packs -------------------------------------------------------------------------------


def test_pack_of_the_demo_edition(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "dossier.pdf"
    result = cli.ok("--edition", "2017", "-o", str(out))
    reader = PdfReader(out)
    pages = len(reader.pages)
    assert result.out.splitlines() == [f"wrote {out} ({pages} pages)",
                                       "appended 1 attached PDF"]
    assert result.err == ""
    text = pdf_text(out)
    assert EDITION.title in text
    for workshop in WORKSHOPS:
        assert first_words(workshop.title) in text
    public = [n for n in NOTES if n.visibility.value == "participants"]
    internal = [n for n in NOTES if n.visibility.value == "internal"]
    assert all(first_words(n.body, 6) in text for n in public)
    assert not any(first_words(n.body, 6) in text for n in internal)
    assert "Le séminaire prospectif de l'ESEAC s'est tenu" in text  # synthesis
    assert "camille.nguyen@example.org" not in text  # no participants list by default
    assert reader.metadata is not None and EDITION.title in (reader.metadata.title or "")
    assert any("synthese_seminaire" in t or "Synthèse" in t for t in outline_titles(out))
    width, height = (float(v) for v in reader.pages[0].mediabox.upper_right)
    assert (round(width), round(height)) == (595, 842)  # A4


def test_json_report(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "dossier.pdf"
    data = cli.ok("--json", "--edition", "2017", "-o", str(out)).json()
    assert data["template"] == "pack"
    assert data["files"] == [str(out)]
    assert data["pages"] == len(PdfReader(out).pages)
    assert data["appended"] == ["synthese_seminaire.pdf"]
    assert data["problems"] == []


def test_options_reach_the_document(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "letter.pdf"
    cli.ok("--edition", "2017", "--page-size", "letter", "--locale", "en-US", "--style", "apa",
           "--participants-list", "--emails", "--no-attachments", "-o", str(out))
    reader = PdfReader(out)
    width, height = (float(v) for v in reader.pages[0].mediabox.upper_right)
    assert (round(width), round(height)) == (612, 792)
    text = pdf_text(out)
    assert "Nguyen" in text and "camille.nguyen@example.org" in text
    assert "Le séminaire prospectif de l'ESEAC s'est tenu" not in text
    assert "Ostrom, E. (1990)" in text  # APA
    names_only = tmp_path / "names.pdf"
    cli.ok("--edition", "2017", "--participants-list", "-o", str(names_only))
    text = pdf_text(names_only)
    assert "Nguyen" in text and "camille.nguyen@example.org" not in text


def test_sections_leave_out_what_is_not_asked(cli: Cli, tmp_path: Path) -> None:
    full, part = tmp_path / "full.pdf", tmp_path / "part.pdf"
    cli.ok("--edition", "2017", "--no-attachments", "-o", str(full))
    cli.ok("--edition", "2017", "--sections", "cover, workshops", "-o", str(part))
    assert "Table ronde : coopérer sur le territoire" in pdf_text(full)  # the programme
    text = pdf_text(part)
    assert "Table ronde : coopérer sur le territoire" not in text
    assert first_words(WORKSHOPS[0].title) in text
    assert len(PdfReader(part).pages) < len(PdfReader(full).pages)


def test_pack_for_one_participant(cli: Cli, lib: Library, tmp_path: Path) -> None:
    person = next(r.participant for r in participants.registrations(lib, 2017)
                  if r.participant.family == "Nguyen")
    out = tmp_path / "camille.pdf"
    cli.ok("--edition", "2017", "--participant", str(person.id), "-o", str(out))
    assert "Camille Nguyen" in pdf_text(out) or "Nguyen Camille" in pdf_text(out)


def test_per_participant_folder_and_combined(cli: Cli, lib: Library, tmp_path: Path) -> None:
    folder, combined = tmp_path / "packs", tmp_path / "all.pdf"
    regs = participants.registrations(lib, 2017)
    data = cli.ok("--json", "--edition", "2017", "--per-participant", str(folder),
                  "--no-attachments", "-o", str(combined)).json()
    files = sorted(folder.glob("*.pdf"))
    assert len(files) == len(regs) == len(PARTICIPANTS) + len(FACILITATORS)
    assert {str(f) for f in files} | {str(combined)} == set(data["files"])
    for name in (f.name for f in files):
        assert not set(name) & set('<>:"/\\|?*') and not name.startswith(".")
        assert len(name.encode()) <= 255
    nguyen = next(f for f in files if "Nguyen" in f.name)
    assert "Nguyen" in pdf_text(nguyen)
    per_file = [len(PdfReader(f).pages) for f in files]
    assert len(PdfReader(combined).pages) == sum(per_file)
    # every file's pages, the combined PDF's said apart (it repeats the packs)
    assert data["combined"] == str(combined)
    assert data["combined_pages"] == len(PdfReader(combined).pages)
    assert data["pages"] == sum(per_file) + data["combined_pages"]


def test_per_participant_text_output(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "nouveau" / "dossiers"  # created
    result = cli.ok("--edition", "2017", "--per-participant", str(folder), "--no-attachments")
    lines = result.out.splitlines()
    count = len(PARTICIPANTS) + len(FACILITATORS)
    assert re.fullmatch(rf"wrote {count} files, \d+ pages in all:", lines[0])
    assert sorted(lines[1:]) == sorted(f"  {f}" for f in folder.glob("*.pdf"))


def test_per_participant_with_combined_counts_each_page_once(cli: Cli, tmp_path: Path
                                                             ) -> None:
    folder, combined = tmp_path / "packs", tmp_path / "all.pdf"
    result = cli.ok("--edition", "2017", "--per-participant", str(folder), "-o", str(combined))
    files = sorted(folder.glob("*.pdf"))
    pages = sum(len(PdfReader(f).pages) for f in files)
    together = len(PdfReader(combined).pages)
    lines = result.out.splitlines()
    assert lines[0] == f"wrote {len(files)} files, {pages} pages in all:"
    assert sorted(lines[1:-2]) == sorted(f"  {f}" for f in files)
    assert lines[-2:] == [f"and {combined} ({together} pages): the same {len(files)} packs "
                          "in one PDF, each starting on an odd page", "appended 1 attached PDF"]


def test_per_participant_of_one_workshop(cli: Cli, lib: Library, tmp_path: Path) -> None:
    folder = tmp_path / "atelier1"
    members = [r.participant for r in participants.registrations(lib, 2017) if 1 in r.workshops]
    cli.ok("--template", "workshop", "--workshop", "2017/1", "--per-participant", str(folder),
           "--no-attachments")
    files = sorted(folder.glob("*.pdf"))
    assert len(files) == len(members) >= 2
    assert all(any(p.family in f.name for f in files) for p in members)


def test_combined_only(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "all.pdf"
    result = cli.ok("--edition", "2017", "--combined", "--no-attachments", "-o", str(out))
    assert result.out.startswith(f"wrote {out} (")
    text = pdf_text(out)
    assert "Nguyen" in text and "Aubert" in text


def test_combined_with_a_folder_is_what_o_already_does(cli: Cli, tmp_path: Path) -> None:
    plain = cli.ok("--json", "--edition", "2017", "--per-participant", str(tmp_path / "a"),
                   "--no-attachments", "-o", str(tmp_path / "a.pdf")).json()
    combined = cli.ok("--json", "--edition", "2017", "--per-participant", str(tmp_path / "b"),
                      "--combined", "--no-attachments", "-o", str(tmp_path / "b.pdf")).json()
    assert plain["pages"] == combined["pages"]
    assert ({Path(f).name for f in plain["files"]} - {"a.pdf"}
            == {Path(f).name for f in combined["files"]} - {"b.pdf"})
    assert len(PdfReader(tmp_path / "a.pdf").pages) == len(PdfReader(tmp_path / "b.pdf").pages)


def test_combined_alone_writes_no_folder(cli: Cli, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    data = cli.ok("--json", "--edition", "2017", "--combined", "--no-attachments",
                  "-o", "all.pdf").json()
    assert data["files"] == ["all.pdf"]
    assert [p.name for p in work.iterdir()] == ["all.pdf"]


def test_help_says_what_o_and_combined_do(capsys: pytest.CaptureFixture[str]) -> None:
    assert main_module.main(["dossier", "--help"]) == 0
    text = " ".join(capsys.readouterr().out.split())
    assert ("with --per-participant or --combined, the one PDF that holds every "
            "participant's pack") in text
    assert "add -o ALL.pdf to get them all in one PDF too" in text
    assert "with no folder (with --per-participant DIR, -o already does this)" in text
    assert "a workshop dossier's reading list is in its workshops section" in text
    assert "case and accents ignored" in text


@pytest.mark.parametrize("layout", [
    ("--locale", "en-US", "--page-size", "Letter"),
    ("--group-by", "role", "--participants-list"),
    ("--locale", "en-US", "--group-by", "type"),
])
def test_no_group_heading_is_left_at_the_foot_of_a_page(cli: Cli, tmp_path: Path,
                                                        layout: tuple[str, ...]) -> None:
    out = tmp_path / "pack.pdf"
    cli.ok("--edition", "2017", *layout, "--no-attachments", "-o", str(out))
    words = labels_for("en-US" if "en-US" in layout else "fr-FR")
    headings = {*words.roles.values(), *words.type_groups.values(), words.others}
    for page in range(1, len(PdfReader(out).pages) + 1):
        lines = [squash(line) for line in layout_text(out, page).splitlines()]
        body = [line for line in lines if line and not line.startswith("page ")]
        assert body[-1] not in headings, (page, body[-3:])


def test_no_page_holds_a_lone_line_of_an_entry(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "pack.pdf"
    cli.ok("--edition", "2017", "--group-by", "role", "--participants-list",
           "--no-attachments", "-o", str(out))
    for page in range(1, len(PdfReader(out).pages) + 1):
        lines = [squash(line) for line in layout_text(out, page).splitlines()]
        body = [line for line in lines[1:] if line and not line.startswith("page ")]
        assert len(body) > 1, (page, body)


def test_links_in_a_pack_are_ascii(cli: Cli, lib: Library, tmp_path: Path) -> None:
    """Markdown links of a note reach the PDF percent-encoded, and print as typed."""
    edition = editions.get(lib, 2017)
    notes.add(lib, Owner("edition", edition.id),
              "Voir [Кооперация](https://ru.wikipedia.org/wiki/Кооперация) et "
              "https://fr.wikipedia.org/wiki/Économie_sociale.", title="Liens",
              visibility=Visibility.PARTICIPANTS)
    out = tmp_path / "pack.pdf"
    cli.ok("--edition", "2017", "--sections", "introduction", "-o", str(out))
    uris = links(out)
    assert "https://fr.wikipedia.org/wiki/%C3%89conomie_sociale" in uris
    assert ("https://ru.wikipedia.org/wiki/%D0%9A%D0%BE%D0%BE%D0%BF%D0%B5%D1%80%D0%B0%D1%86"
            "%D0%B8%D1%8F") in uris
    assert all(uri.isascii() for uri in uris)
    assert "https://fr.wikipedia.org/wiki/Économie_sociale" in pdf_text(out)


# --- workshop dossiers, bibliographies, badges ------------------------------------------


@pytest.mark.parametrize("workshop", [("--workshop", "2017/2"),
                                      ("--edition", "2017", "--workshop", "2")])
def test_workshop_dossier(cli: Cli, tmp_path: Path, workshop: tuple[str, ...]) -> None:
    out = tmp_path / "atelier.pdf"
    cli.ok("--template", "workshop", *workshop, "--no-attachments", "-o", str(out))
    text = pdf_text(out)
    assert first_words(WORKSHOPS[1].title) in text
    assert first_words(WORKSHOPS[0].title, 8) not in text
    assert "le « choc des cultures » est normal" in text.lower().replace("\u202f", " ")


def test_a_workshop_dossier_prints_its_reading_list_once(cli: Cli, tmp_path: Path) -> None:
    """The reading list is in the workshop's chapter; without that chapter, it prints as
    the dossier's bibliography."""
    out = tmp_path / "atelier.pdf"
    cli.ok("--template", "workshop", "--workshop", "2017/1", "--no-attachments",
           "--sections", "cover,bibliography", "-o", str(out))
    text = pdf_text(out)
    assert "Bibliographie" in text and "Governing the Commons" in text
    assert first_words(WORKSHOPS[0].description, 8) not in text  # no workshop chapter
    with_chapter = tmp_path / "chapitre.pdf"
    cli.ok("--template", "workshop", "--workshop", "2017/1", "--no-attachments",
           "--sections", "cover,workshops", "-o", str(with_chapter))
    text = pdf_text(with_chapter)
    assert first_words(WORKSHOPS[0].description, 8) in text
    assert "Governing the Commons" in text and "Bibliographie" not in text


@pytest.mark.parametrize(("selection", "present", "absent"), [
    (("--tag", "Communs"), ["Governing the Commons"], ["De la démocratie en Amérique"]),
    (("--collection", "Fondamentaux/Territoires et communs"),
     ["Le développement local", "Governing the Commons"], ["De la démocratie en Amérique"]),
    (("--workshop", "2017/1"), ["Governing the Commons", "De la démocratie en Amérique"],
     ["Les nouveaux indicateurs de richesse"]),
    (("tocqueville1835democratie", "gadrey2005nouveaux"),
     ["De la démocratie en Amérique", "Les nouveaux indicateurs de richesse"],
     ["Governing the Commons"]),
    # named as the search names them: case and accents ignored
    (("--tag", "communs"), ["Governing the Commons"], ["De la démocratie en Amérique"]),
    (("--tag", "cooperation"), ["Thématique : Coopération"], ["Thématique : cooperation"]),
    (("--collection", "fondamentaux / TERRITOIRES ET COMMUNS"),
     ["Le développement local", "Governing the Commons"], ["De la démocratie en Amérique"]),
])
def test_bibliography_selection(cli: Cli, tmp_path: Path, selection: tuple[str, ...],
                                present: list[str], absent: list[str]) -> None:
    out = tmp_path / "biblio.pdf"
    cli.ok("--template", "bibliography", *selection, "-o", str(out))
    text = pdf_text(out)
    assert all(title in text for title in present), text
    assert not any(title in text for title in absent)


def test_bibliography_of_an_edition_grouped_by_role(cli: Cli, tmp_path: Path) -> None:
    plain, grouped = tmp_path / "plain.pdf", tmp_path / "grouped.pdf"
    cli.ok("--template", "bibliography", "--edition", "2017", "-o", str(plain))
    cli.ok("--template", "bibliography", "--edition", "2017", "--group-by", "role",
           "-o", str(grouped))
    assert "Governing the Commons" in pdf_text(plain)
    assert pdf_text(grouped) != pdf_text(plain)  # headings of the groups


def test_badges(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "badges.pdf"
    result = cli.ok("--template", "badges", "--edition", "2017", "-o", str(out))
    pages = len(PdfReader(out).pages)
    assert result.out == f"wrote {out} ({pages} page{'s' if pages > 1 else ''})\n"
    text = pdf_text(out).upper()
    for person in (*PARTICIPANTS, *FACILITATORS):
        assert person.family.upper() in text


# --- attachments that cannot be appended -------------------------------------------------


def _attach(lib: Library, path: Path) -> None:
    attachments.attach(lib, Owner("edition", editions.get(lib, 2017).id), path)


@pytest.mark.allow_warning_logs
def test_attachment_problems_are_warnings(cli: Cli, lib: Library, tmp_path: Path) -> None:
    broken = tmp_path / "casse.pdf"
    broken.write_bytes(b"%PDF-1.4\nthis is not a PDF at all\n")
    locked = tmp_path / "verrouille.pdf"
    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    writer.encrypt("secret")
    with locked.open("wb") as handle:
        writer.write(handle)
    slides = tmp_path / "diapos.odp"
    slides.write_bytes(b"PK\x03\x04 not really slides")
    gone = tmp_path / "disparu.pdf"
    blank = PdfWriter()
    blank.add_blank_page(200, 200)
    with gone.open("wb") as handle:
        blank.write(handle)
    for path in (broken, locked, slides, gone):
        _attach(lib, path)
    stored = next(a for a in attachments.list_for(lib, Owner("edition", editions.get(
        lib, 2017).id)) if a.filename == "disparu.pdf")
    Path(stored.path).unlink()
    out = tmp_path / "dossier.pdf"
    result = cli.ok("--json", "--edition", "2017", "-o", str(out))
    data = result.json()
    kinds = {p["file"]: p["kind"] for p in data["problems"]}
    assert kinds == {"casse.pdf": "corrupt", "verrouille.pdf": "encrypted",
                     "diapos.odp": "not-pdf", "disparu.pdf": "missing"}
    assert data["appended"] == ["synthese_seminaire.pdf"]
    warnings = result.err.splitlines()
    assert len(warnings) == 4 and all(w.startswith("seminaire: warning: « ") for w in warnings)
    assert any("casse.pdf" in w and "not a readable PDF" in w for w in warnings)
    assert any("verrouille.pdf" in w and "password-protected" in w for w in warnings)
    assert any("disparu.pdf" in w and "missing" in w for w in warnings)
    text = pdf_text(out)
    assert all(name in text for name in kinds)  # listed in the dossier


# --- mistakes ------------------------------------------------------------------------------


@pytest.mark.parametrize(("argv", "expected"), [
    (("--template", "workshop", "--edition", "2017", "-o", "x.pdf"),
     "--template workshop needs --workshop"),
    (("--workshop", "2", "--template", "workshop", "-o", "x.pdf"), "needs --edition YEAR"),
    (("--workshop", "2018/2", "--edition", "2017", "--template", "workshop", "-o", "x.pdf"),
     "not a workshop of --edition 2017"),
    (("--edition", "2017", "--participant", "1", "--per-participant", "d"), "not allowed with"),
    (("--edition", "2017", "--style", "harvard", "-o", "x.pdf"),
     "invalid choice: 'harvard' (choose from"),
    (("--edition", "2017", "--locale", "de-DE", "-o", "x.pdf"), "invalid choice: 'de-DE'"),
    (("--edition", "2017", "--sections", "cover,annexes", "-o", "x.pdf"),
     "« annexes » is not a section; choose among cover, contents"),
    (("--edition", "2017"), "-o OUT.pdf"),
    (("-o", "x.pdf"), "--template pack needs --edition YEAR"),
    (("--template", "bibliography", "-o", "x.pdf"), "a bibliography needs references"),
    (("--edition", "2017", "--tag", "ESS", "-o", "x.pdf"),
     "--tag does not apply to --template pack"),
    (("--edition", "2017", "--workshop", "2", "-o", "x.pdf"),
     "--workshop does not apply to --template pack"),
    (("--template", "badges", "--edition", "2017", "--per-participant", "d"),
     "--per-participant does not apply to --template badges"),
    (("--edition", "2017", "--combined"), "--combined needs -o OUT.pdf"),
    (("--edition", "2017", "--sections", "", "-o", "x.pdf"),
     "--sections needs at least one section, among cover, contents"),
    (("--edition", "2017", "--sections", " , ", "-o", "x.pdf"), "needs at least one section"),
    (("--template", "workshop", "--workshop", "abc", "-o", "x.pdf"),
     "--workshop: « abc » is not a workshop like 2017/3"),
    (("--template", "workshop", "--workshop", "2017-2", "-o", "x.pdf"),
     "« 2017-2 » is not a workshop like 2017/3"),
    (("--edition", "2017", "--page-size", "A5", "-o", "x.pdf"), "invalid choice: 'A5'"),
    (("--template", "badges", "--edition", "2017", "--workshop", "1", "-o", "x.pdf"),
     "--workshop does not apply to --template badges"),
    (("--template", "badges", "--edition", "2017", "--style", "apa", "-o", "x.pdf"),
     "--style does not apply to --template badges"),
    (("--template", "badges", "--edition", "2017", "--group-by", "none", "-o", "x.pdf"),
     "--group-by does not apply to --template badges"),
    (("--template", "badges", "--edition", "2017", "--sections", "cover", "-o", "x.pdf"),
     "--sections does not apply to --template badges"),
    (("--template", "badges", "--edition", "2017", "--emails", "-o", "x.pdf"),
     "--emails does not apply to --template badges"),
    (("--template", "badges", "--edition", "2017", "--no-attachments", "-o", "x.pdf"),
     "--no-attachments does not apply to --template badges"),
    (("--template", "bibliography", "--edition", "2017", "--sections", "cover", "-o",
      "x.pdf"), "--sections does not apply to --template bibliography"),
    (("--template", "bibliography", "--edition", "2017", "--participants-list", "-o",
      "x.pdf"), "--participants-list does not apply to --template bibliography"),
    (("--template", "bibliography", "--edition", "2017", "--no-attachments", "-o", "x.pdf"),
     "--no-attachments does not apply to --template bibliography"),
    (("--edition", "2017", "--combined", "--participant", "3", "-o", "x.pdf"),
     "not with --participant"),
    (("--edition", "2017", "--per-participant", "d", "--combined"),
     "--combined needs -o OUT.pdf"),
    (("--template", "workshop", "--workshop", "2017/1", "--sections",
      "cover,workshops,bibliography", "-o", "x.pdf"),
     "--sections: a workshop dossier prints its reading list in its workshops section, not "
     "again as a bibliography"),
])
def test_usage_errors(cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                      argv: tuple[str, ...], expected: str) -> None:
    monkeypatch.chdir(tmp_path)
    line = cli.fails(*argv, code=2)
    assert expected in line
    assert not list(tmp_path.glob("*.pdf")) and not (tmp_path / "d").exists()


@pytest.mark.parametrize(("argv", "expected"), [
    (("--edition", "1999"), "no edition 1999"),
    (("--template", "workshop", "--workshop", "2017/9"), "no workshop 2017/9"),
    (("--template", "bibliography", "inconnu2017"), "no reference inconnu2017"),
    (("--edition", "2017", "--participant", "9999"), "9999"),
    (("--template", "bibliography", "--tag", "cooperatoin"),
     "tag: « cooperatoin » is not a tag of the library; the nearest: «\u00a0Coopération\u00a0»"),
    (("--template", "bibliography", "--collection", "Territoires et communs"),
     "collection: « Territoires et communs » is not a collection of the library; the "
     "nearest: «\u00a0Fondamentaux/Territoires et communs\u00a0»"),
])
def test_what_the_core_refuses(cli: Cli, tmp_path: Path, argv: tuple[str, ...],
                               expected: str) -> None:
    out = tmp_path / "x.pdf"
    line = cli.fails(*argv, "-o", str(out), code=1)
    assert line.startswith("seminaire: error: ") and expected in line
    assert not out.exists()


def test_missing_output_folder_is_an_error(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "absent"
    line = cli.fails("--edition", "2017", "-o", str(folder / "x.pdf"), code=1)
    assert line == f"seminaire: error: folder {folder} does not exist"


def test_grouping_by_role_without_roles_is_noted(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "b.pdf"
    result = cli.ok("--template", "bibliography", "--tag", "Communs", "--group-by", "role",
                    "-o", str(out))
    assert result.err.startswith("seminaire: warning: --group-by role: ")
    assert "no reading role" in result.err and out.exists()
    with_roles = cli.ok("--template", "bibliography", "--workshop", "2017/1", "--group-by",
                        "role", "-o", str(out))
    assert with_roles.err == ""


# --- Ctrl+C and progress ------------------------------------------------------------------


def test_ctrl_c_cancels_cleanly(cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                ) -> None:
    seen: list[bool] = []

    def interrupted_build(lib: Library, request: Any, output: Path, progress: Any) -> Any:
        progress.report(1, 10, "programme")
        os.kill(os.getpid(), signal.SIGINT)  # the user presses Ctrl+C
        seen.append(progress.cancelled())
        raise Cancelled()

    previous = signal.getsignal(signal.SIGINT)
    monkeypatch.setattr(dossiers, "build_dossier", interrupted_build)
    out = tmp_path / "x.pdf"
    result = cli.run("--edition", "2017", "-o", str(out))
    assert result.code == 130 and seen == [True]
    assert "seminaire: cancelled" in result.err and "Traceback" not in result.err
    assert result.out == "" and not out.exists()
    assert signal.getsignal(signal.SIGINT) is previous


class _Terminal:
    def __init__(self) -> None:
        self.written: list[str] = []

    def isatty(self) -> bool:
        return True

    def write(self, text: str) -> int:
        self.written.append(text)
        return len(text)

    def flush(self) -> None:
        pass


def test_progress_on_a_terminal_only() -> None:
    terminal = _Terminal()
    progress = dossier_cli.TerminalProgress(terminal)  # type: ignore[arg-type]
    progress.report(5, 10, "ateliers")
    progress.report(10, 10, "pièces jointes")
    progress.clear()
    assert terminal.written[0] == "\r 50 % ateliers"
    assert terminal.written[1].startswith("\r100 % pièces jointes")
    assert terminal.written[-1].endswith("\r")
    assert not progress.cancelled()
