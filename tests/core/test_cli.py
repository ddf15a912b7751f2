"""The ``seminaire`` command line: run in-process through ``main(argv)``, and as a process.

Every command is exercised in text and in JSON (parsed with json.loads), and so are the
mistakes users make: each gives one ``seminaire: error: …`` line and exit status 1, or a
usage message and status 2, never a traceback.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from seminaire_app.cli.main import main
from seminaire_app.storage.library import Library

# --- fixtures (kept here rather than in a conftest shared with other suites) ------------


@dataclass(frozen=True)
class Run:
    """What one command did: exit status, stdout and stderr."""

    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


class Cli:
    """Runs ``seminaire --library FOLDER …`` in-process and captures what it prints."""

    def __init__(self, folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.folder = folder
        self.capsys = capsys

    def run(self, *argv: str) -> Run:
        code = main(["--library", str(self.folder), *argv])
        captured = self.capsys.readouterr()
        return Run(code, captured.out, captured.err)

    def ok(self, *argv: str) -> Run:
        result = self.run(*argv)
        assert result.code == 0, result.err
        assert "Traceback" not in result.err
        return result

    def json(self, *argv: str) -> Any:
        return self.ok("--json", *argv).json()

    def fails(self, *argv: str, code: int = 1) -> str:
        """Run a command that must fail: one error line on stderr; returns it."""
        result = self.run(*argv)
        assert result.code == code, (result.out, result.err)
        lines = result.err.strip().splitlines()
        assert lines, "no error message"
        if code == 1:
            assert lines == [lines[0]], result.err
            assert lines[0].startswith("seminaire: error: "), result.err
        else:  # usage errors: argparse's usage line first, or ours alone
            assert "error: " in lines[-1], result.err
        assert "Traceback" not in result.err
        return lines[-1]


@pytest.fixture(scope="session")
def cli_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty library migrated once, copied for each test."""
    folder = tmp_path_factory.mktemp("cli-template") / "library"
    Library.open(folder).close()
    return folder


@pytest.fixture
def cli(cli_template: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    folder = tmp_path / "library"
    shutil.copytree(cli_template, folder)
    return Cli(folder, capsys)


@pytest.fixture
def seminar(cli: Cli) -> Cli:
    """Two references, the 2017 edition with two workshops."""
    cli.ok("add", "--type", "book", "--title", "Une Coopération durable",
           "--author", "Dupont, Marie", "--issued", "2017-11", "--key", "dupont2017",
           "--tag", "ESS")
    cli.ok("add", "--type", "report", "--title", "Programme PHARE",
           "--author", "{Le Rameau}", "--issued", "2017", "--key", "rameau2017")
    cli.ok("edition", "add", "2017", "--title", "Séminaire prospectif 2017",
           "--start", "2017-11-23", "--end", "2017-11-24", "--venue", "Sciences Po Grenoble")
    cli.ok("workshop", "add", "2017", "--title", "Des coopérations informelles",
           "--capacity", "2", "--facilitator", "Anne Rochas")
    cli.ok("workshop", "add", "2017", "--title", "Valoriser, évaluer et mesurer les impacts")
    return cli


def write(path: Path, content: str | bytes) -> Path:
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


# --- the library ----------------------------------------------------------------------


def test_init_creates_a_library_and_says_where(tmp_path: Path, capsys:
                                                pytest.CaptureFixture[str]) -> None:
    cli = Cli(tmp_path / "nouvelle bibliothèque", capsys)
    result = cli.ok("init")
    assert "created an empty library" in result.out
    assert str(cli.folder) in result.out
    assert (cli.folder / "seminaire.sqlite").is_file()
    again = cli.json("init")
    assert again == {"library": str(cli.folder), "created": False}
    assert cli.json("list") == []


def test_commands_other_than_init_never_create_a_library(tmp_path: Path, capsys:
                                                         pytest.CaptureFixture[str]) -> None:
    cli = Cli(tmp_path / "absent", capsys)
    message = cli.fails("list")
    assert "no Séminaire library" in message and "init" in message
    assert not (tmp_path / "absent").exists()


def test_a_damaged_library_gives_one_line(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    cli = Cli(tmp_path / "abîmée", capsys)
    cli.folder.mkdir()
    write(cli.folder / "seminaire.sqlite", b"ceci n'est pas une base SQLite" * 100)
    assert "is not a readable Séminaire database" in cli.fails("list")


def test_the_library_comes_from_the_environment_without_library(
        cli: Cli, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    cli.ok("add", "--type", "book", "--title", "Par l'environnement", "--key", "env2017")
    monkeypatch.setenv("SEMINAIRE_LIBRARY", str(cli.folder))
    assert main(["--json", "list"]) == 0
    assert [r["id"] for r in json.loads(capsys.readouterr().out)] == ["env2017"]


def test_json_and_library_may_also_follow_the_command(cli: Cli,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    cli.ok("add", "--type", "book", "--title", "Après la commande", "--key", "apres")
    assert main(["list", "--json", "--library", str(cli.folder)]) == 0
    assert json.loads(capsys.readouterr().out)[0]["id"] == "apres"


# --- references -----------------------------------------------------------------------


def test_add_prints_the_reference_as_csl_json(cli: Cli) -> None:
    ref = cli.json(
        "add", "--type", "chapter", "--title", "  Coopérer   sur un territoire ",
        "--author", "Dupont, Marie", "--author", "{Le Rameau}", "--editor", "Laville, Jean-Louis",
        "--translator", "Tocqueville, Alexis de", "--issued", "2017-11",
        "--container", "L'économie solidaire", "--publisher", "PUG", "--place", "Grenoble",
        "--doi", "https://doi.org/10.1000/xyz", "--isbn", "978-2-7061-1234-5",
        "--url", "https://example.org/a", "--language", "fr", "--abstract", "Résumé.",
        "--volume", "3", "--issue", "2", "--page", "12-34", "--edition", "2e",
        "--tag", "ESS", "--tag", "Évaluation", "--field", "note=Lu en atelier",
        "--custom", "salle=101")
    assert ref["id"] == "dupont2017cooperer"
    assert ref["type"] == "chapter"
    assert ref["title"] == "Coopérer sur un territoire"
    assert ref["author"] == [{"family": "Dupont", "given": "Marie"}, {"literal": "Le Rameau"}]
    assert ref["editor"] == [{"family": "Laville", "given": "Jean-Louis"}]
    assert ref["translator"] == [{"family": "Tocqueville", "given": "Alexis",
                                  "dropping-particle": "de"}]
    assert ref["issued"] == {"date-parts": [[2017, 11]]}
    assert ref["container-title"] == "L'économie solidaire"
    assert (ref["publisher"], ref["publisher-place"]) == ("PUG", "Grenoble")
    assert ref["DOI"] == "10.1000/xyz"
    assert (ref["ISBN"], ref["URL"], ref["language"]) == (
        "978-2-7061-1234-5", "https://example.org/a", "fr")
    assert (ref["abstract"], ref["volume"], ref["issue"], ref["page"], ref["edition"]) == (
        "Résumé.", "3", "2", "12-34", "2e")
    assert ref["note"] == "Lu en atelier"
    assert ref["keyword"] == "ESS, Évaluation"
    assert ref["custom"] == {"salle": "101"}


def test_add_and_show_in_plain_text(cli: Cli) -> None:
    added = cli.ok("add", "--type", "report", "--title", "Programme PHARE",
                   "--author", "{Le Rameau}", "--issued", "2017", "--key", "rameau2017")
    assert added.out.splitlines()[0] == "rameau2017  Le Rameau (2017). Programme PHARE"
    shown = cli.ok("show", "rameau2017").out
    assert "  type: report" in shown and "  author: Le Rameau" in shown
    by_id = cli.ok("show", "1").out
    assert by_id == shown
    undated = cli.ok("add", "--type", "book", "--title", "Sans date", "--editor", "Martin, Paul")
    assert undated.out.splitlines()[0] == "martinndsans  Martin, Paul (dir.) (s. d.). Sans date"


def test_edit_replaces_authors_changes_the_key_and_empties_fields(seminar: Cli) -> None:
    seminar.ok("edit", "dupont2017", "--publisher", "PUG", "--custom", "lieu=Grenoble",
               "--editor", "Laville, Jean-Louis")
    ref = seminar.json("edit", "dupont2017", "--author", "Martin, Paul", "--author",
                       "{ESEAC}", "--key", "martin2017", "--field", "publisher=",
                       "--custom", "lieu=", "--title", "Une coopération durable",
                       "--issued", "2018", "--type", "article-journal")
    assert ref["id"] == "martin2017"
    assert ref["author"] == [{"family": "Martin", "given": "Paul"}, {"literal": "ESEAC"}]
    assert ref["editor"] == [{"family": "Laville", "given": "Jean-Louis"}]
    assert "publisher" not in ref and "custom" not in ref
    assert (ref["title"], ref["type"]) == ("Une coopération durable", "article-journal")
    assert ref["issued"] == {"date-parts": [[2018]]}
    assert ref["keyword"] == "ESS"
    seminar.fails("show", "dupont2017")
    removed = seminar.json("edit", "martin2017", "--editor", "")
    assert "editor" not in removed
    assert "nothing to change" in seminar.fails("edit", "martin2017", code=2)


def test_delete_prints_what_was_deleted(seminar: Cli) -> None:
    result = seminar.ok("delete", "rameau2017")
    assert result.out == "deleted: rameau2017  Le Rameau (2017). Programme PHARE\n"
    assert "no reference rameau2017" in seminar.fails("show", "rameau2017")
    assert seminar.json("delete", "dupont2017")["id"] == "dupont2017"
    assert seminar.json("list") == []


def test_list_filters_sorts_and_limits(seminar: Cli) -> None:
    seminar.ok("add", "--type", "book", "--title", "Abécédaire de l'ESS", "--issued", "2001",
               "--author", "Zola, Émile", "--key", "zola2001")
    seminar.ok("reading", "add", "2017/2", "rameau2017")
    seminar.ok("collection", "add", "ESS/Coopérations")
    seminar.ok("collection", "file", "ESS/Coopérations", "zola2001")

    def keys(*options: str) -> list[str]:
        return [r["id"] for r in seminar.json("list", *options)]

    assert keys() == ["zola2001", "rameau2017", "dupont2017"]  # by title, accents ignored
    assert keys("--sort", "year") == ["zola2001", "dupont2017", "rameau2017"]  # then by id
    assert keys("--sort", "creator", "--desc") == ["zola2001", "rameau2017", "dupont2017"]
    assert keys("--sort", "added", "--desc", "--limit", "1") == ["zola2001"]
    assert keys("--tag", "ESS") == ["dupont2017"]
    assert keys("--collection", "ESS") == ["zola2001"]  # sub-collections included
    assert keys("--unfiled") == ["rameau2017", "dupont2017"]
    assert keys("--edition", "2017") == ["rameau2017"]
    assert keys("--workshop", "2017/2") == ["rameau2017"]
    assert keys("--workshop", "2017/1") == []
    text = seminar.ok("list", "--sort", "year").out.splitlines()
    assert text[0] == "zola2001  Zola, Émile (2001). Abécédaire de l'ESS"
    assert len(text) == 3


def test_search_ignores_accents_and_resolves_every_kind_of_hit(seminar: Cli,
                                                               tmp_path: Path) -> None:
    found = seminar.ok("search", "cooperation").out.splitlines()
    assert found == ["dupont2017  Dupont, Marie (2017). Une Coopération durable"]
    seminar.ok("note", "add", "--workshop", "2017/1", "--title", "Compte rendu",
               "--text", "La confiance collective est difficile à mesurer.")
    seminar.ok("attach", "--edition", "2017", str(write(tmp_path / "synthese.txt",
                                                         "Synthèse : indicateurs qualitatifs")))
    hits = seminar.json("search", "mesurer")
    assert [h["kind"] for h in hits] == ["note"]
    assert hits[0]["title"] == "Compte rendu"
    assert hits[0]["owner"]["kind"] == "workshop" and hits[0]["owner"]["name"] == "2017/1"
    files = seminar.json("search", "qualitatifs")
    assert files[0]["kind"] == "attachment" and files[0]["filename"] == "synthese.txt"
    assert files[0]["owner"]["name"] == "2017"
    text = seminar.ok("search", "qualitatifs").out
    assert text.startswith("file #") and "synthese.txt  on edition 2017" in text
    refs = seminar.json("search", "rameau OR cooperation")
    assert {h["reference"]["id"] for h in refs} == {"rameau2017", "dupont2017"}
    assert all(h["kind"] == "reference" for h in refs)
    assert seminar.json("search", '"qqq" OR (') == []  # never FTS5 syntax


def test_tag_and_tags(seminar: Cli) -> None:
    assert seminar.ok("tag", "rameau2017", "Évaluation", "ESS").out == \
        "rameau2017: ESS, Évaluation\n"
    assert seminar.json("tags") == [{"name": "ESS", "count": 2},
                                    {"name": "Évaluation", "count": 1}]
    assert seminar.json("tag", "--remove", "rameau2017", "ESS") == {
        "reference": "rameau2017", "tags": ["Évaluation"]}
    assert seminar.ok("tags").out == "ESS  (1)\nÉvaluation  (1)\n"
    assert "tag" in seminar.fails("tag", "rameau2017", "a, b")


def test_collections(seminar: Cli) -> None:
    created = seminar.json("collection", "add", "ESS/Coopérations")
    assert created["path"] == "ESS/Coopérations"
    assert seminar.json("collection", "file", "ESS/Coopérations", "dupont2017", "2") == {
        "collection": "ESS/Coopérations", "filed": 2}
    listed = seminar.json("collection", "list")
    assert [(c["path"], c["count"]) for c in listed] == [("ESS", 0), ("ESS/Coopérations", 2)]
    seminar.ok("collection", "unfile", "ESS/Coopérations", "rameau2017")
    assert seminar.ok("collection", "list").out == "ESS  (0)\nESS/Coopérations  (1)\n"
    seminar.ok("collection", "delete", "ESS")
    assert seminar.json("collection", "list") == []
    assert "no collection" in seminar.fails("collection", "file", "Absente", "dupont2017")


# --- attachments and notes -------------------------------------------------------------


def test_attach_store_link_list_and_detach(seminar: Cli, tmp_path: Path) -> None:
    slides = write(tmp_path / "diapos.md", "# Coopérations\nDes diapositives.")
    stored = seminar.json("attach", "dupont2017", str(slides))
    assert (stored["filename"], stored["stored"], stored["text_status"]) == (
        "diapos.md", True, "ok")
    assert stored["owner"]["kind"] == "reference"
    linked = seminar.json("attach", "--link", "dupont2017", str(slides))
    assert linked["stored"] is False and linked["path"] == str(slides.resolve())
    on_workshop = seminar.ok("attach", "--workshop", "2017/1", str(slides))
    assert "diapos.md" in on_workshop.out and "on workshop 2017/1" in on_workshop.out
    listed = seminar.json("attachments", "--ref", "dupont2017")
    assert [a["id"] for a in listed] == [stored["id"], linked["id"]]
    assert "attachments:" in seminar.ok("show", "dupont2017").out
    detached = seminar.ok("detach", str(stored["id"]))
    assert detached.out.startswith(f"detached: #{stored['id']}  diapos.md")
    assert len(seminar.json("attachments", "--ref", "dupont2017")) == 1
    assert "no attachment" in seminar.fails("detach", str(stored["id"]))


def test_attaching_an_unreadable_pdf_warns_but_succeeds(seminar: Cli, tmp_path: Path) -> None:
    bad = write(tmp_path / "bad.pdf", b"\x00\x01garbage, not a PDF\xff" * 10)
    result = seminar.run("attach", "rameau2017", str(bad))
    assert result.code == 0
    assert result.err.startswith("seminaire: warning: « bad.pdf » is attached")
    assert len(result.err.splitlines()) == 1
    assert "bad.pdf" in result.out
    assert seminar.json("attachments", "--ref", "rameau2017")[0]["text_status"].startswith(
        "error")


def test_attach_mistakes(seminar: Cli, tmp_path: Path) -> None:
    missing = tmp_path / "absent.pdf"
    assert "file" in seminar.fails("attach", "dupont2017", str(missing))
    real = write(tmp_path / "vrai.txt", "texte")
    assert "no reference nope" in seminar.fails("attach", "nope", str(real))
    assert "no workshop 2017/9" in seminar.fails("attach", "--workshop", "2017/9", str(real))
    assert "no edition 2030" in seminar.fails("attach", "--edition", "2030", str(real))
    seminar.fails("attach", "dupont2017", code=2)
    seminar.fails("attach", "--edition", "2017", "dupont2017", str(real), code=2)


def test_notes_on_every_owner(seminar: Cli, tmp_path: Path) -> None:
    on_ref = seminar.json("note", "add", "--ref", "dupont2017", "--text", "À relire.")
    assert on_ref["owner"] == {"kind": "reference", "id": 1}
    assert on_ref["visibility"] == "internal"
    markdown = write(tmp_path / "cr.md", "# Atelier 1\nLes coopérations informelles.\n")
    added = seminar.ok("note", "add", "--workshop", "2017/1", "--file", str(markdown),
                       "--title", "Compte rendu", "--participants")
    assert added.out.endswith("Compte rendu  [participants]  on workshop 2017/1\n")
    seminar.ok("note", "add", "--edition", "2017", "--text", "Bilan de l'édition")
    listed = seminar.json("note", "list", "--workshop", "2017/1")
    assert [(n["title"], n["body"]) for n in listed] == [
        ("Compte rendu", "# Atelier 1\nLes coopérations informelles.\n")]
    note_id = str(listed[0]["id"])
    shown = seminar.ok("note", "show", note_id).out
    assert "Les coopérations informelles." in shown
    edited = seminar.json("note", "edit", note_id, "--text", "Nouveau texte", "--internal")
    assert (edited["body"], edited["visibility"]) == ("Nouveau texte", "internal")
    assert seminar.ok("note", "list", "--edition", "2017").out.endswith(
        "Bilan de l'édition  [internal]\n")
    assert seminar.ok("note", "delete", note_id).out.startswith(f"deleted: #{note_id}")
    assert seminar.json("note", "list", "--workshop", "2017/1") == []
    assert "no note" in seminar.fails("note", "show", note_id)
    assert "file" in seminar.fails("note", "add", "--edition", "2017", "--file",
                                   str(tmp_path / "absent.md"))
    seminar.fails("note", "add", "--edition", "2017", code=2)  # no --text nor --file
    seminar.fails("note", "edit", note_id, code=2)


# --- editions, workshops and reading lists --------------------------------------------


def test_edition_add_list_edit_delete(seminar: Cli) -> None:
    added = seminar.json("edition", "add", "2018", "--title", "Séminaire 2018", "--theme",
                         "Les communs", "--start", "2018-11-22", "--organiser", "ESEAC",
                         "--organiser", "Grenoble-Alpes Métropole")
    assert added["start_date"] == "2018-11-22" and added["end_date"] is None
    assert added["organisers"] == ["ESEAC", "Grenoble-Alpes Métropole"]
    assert seminar.ok("edition", "list").out == (
        "2018  Séminaire 2018\n2017  Séminaire prospectif 2017\n")
    edited = seminar.json("edition", "edit", "2018", "--venue", "Grenoble", "--start", "")
    assert edited["venue"] == "Grenoble" and edited["start_date"] is None
    assert "end_date" in seminar.fails("edition", "edit", "2017", "--end", "2017-01-01")
    assert "start" in seminar.fails("edition", "edit", "2017", "--start", "2017-02-30")
    assert "year" in seminar.fails("edition", "add", "2017", "--title", "Encore")
    assert seminar.ok("edition", "delete", "2018").out == "deleted: 2018  Séminaire 2018\n"
    assert "no edition 2018" in seminar.fails("edition", "show", "2018")


def test_edition_show_gives_workshops_readings_and_files(seminar: Cli, tmp_path: Path) -> None:
    seminar.ok("reading", "add", "2017/1", "dupont2017", "--note", "Chapitres 1 et 3")
    seminar.ok("reading", "add", "2017/1", "rameau2017", "--role", "background")
    seminar.ok("attach", "--edition", "2017", str(write(tmp_path / "programme.txt", "x")))
    seminar.ok("attach", "--workshop", "2017/2", str(write(tmp_path / "diapos.txt", "y")))
    shown = seminar.json("edition", "show", "2017")
    assert shown["title"] == "Séminaire prospectif 2017"
    assert [a["filename"] for a in shown["attachments"]] == ["programme.txt"]
    first, second = shown["workshops"]
    assert (first["number"], second["number"]) == (1, 2)
    assert [(r["position"], r["reference"]["id"], r["role"], r["annotation"])
            for r in first["readings"]] == [(1, "dupont2017", "required", "Chapitres 1 et 3"),
                                            (2, "rameau2017", "background", "")]
    assert [a["filename"] for a in second["attachments"]] == ["diapos.txt"]
    text = seminar.ok("edition", "show", "2017").out
    assert "programme.txt" in text and "diapos.txt" in text
    assert ("1. [required] dupont2017  Dupont, Marie (2017). Une Coopération durable "
            "— Chapitres 1 et 3") in text
    assert "2017/2  Valoriser, évaluer et mesurer les impacts" in text


def test_edition_clone_with_options(seminar: Cli) -> None:
    seminar.ok("reading", "add", "2017/1", "dupont2017")
    seminar.ok("programme", "add", "2017", "--day", "2017-11-23", "--start", "09:00",
               "--end", "10:30", "--workshop", "1")
    person = seminar.json("participant", "add", "--family", "Martin", "--workshop", "2017/1")
    seminar.ok("note", "add", "--edition", "2017", "--text", "Bilan")
    clone = seminar.json("edition", "clone", "2017", "2018", "--title", "Séminaire 2018",
                         "--with-participants", "--with-notes")
    assert (clone["year"], clone["title"], clone["start_date"]) == (
        2018, "Séminaire 2018", "2018-11-23")
    assert len(seminar.json("workshop", "list", "2018")) == 2
    assert [r["reference"]["id"] for r in seminar.json("reading", "list", "2018/1")] == [
        "dupont2017"]
    assert [i["day"] for i in seminar.json("programme", "list", "2018")] == ["2018-11-23"]
    registered = seminar.json("participant", "list", "--edition", "2018")
    assert [(r["participant"]["id"], r["workshops"]) for r in registered] == [
        (person["participant"]["id"], [1])]
    assert len(seminar.json("note", "list", "--edition", "2018")) == 1
    seminar.ok("edition", "clone", "2017", "2019", "--no-programme")
    assert seminar.json("programme", "list", "2019") == []
    assert seminar.json("participant", "list", "--edition", "2019") == []
    assert "2 workshop(s) prepared from 2017" in seminar.ok(
        "edition", "clone", "2017", "2020").out


def test_workshops(seminar: Cli) -> None:
    added = seminar.json("workshop", "add", "2017", "--title", "Structurer les coopérations",
                         "--number", "5", "--room", "Salle 201", "--description", "Durer.")
    assert (added["number"], added["room"], added["capacity"]) == (5, "Salle 201", None)
    assert seminar.ok("workshop", "list", "2017").out.splitlines() == [
        "2017/1  Des coopérations informelles",
        "2017/2  Valoriser, évaluer et mesurer les impacts",
        "2017/5  Structurer les coopérations"]
    edited = seminar.json("workshop", "edit", "2017/5", "--number", "3", "--capacity", "12",
                          "--facilitator", "Hélène d'Arcy", "--facilitator", "Yannick Le Goff")
    assert (edited["number"], edited["capacity"]) == (3, 12)
    assert edited["facilitators"] == ["Hélène d'Arcy", "Yannick Le Goff"]
    assert seminar.json("workshop", "edit", "2017/3", "--capacity", "")["capacity"] is None
    shown = seminar.ok("workshop", "show", "2017/1").out
    assert shown.splitlines()[:3] == ["2017/1  Des coopérations informelles",
                                      "  facilitators: Anne Rochas", "  capacity: 2"]
    assert seminar.json("workshop", "show", "2017/3")["readings"] == []
    assert "number" in seminar.fails("workshop", "edit", "2017/3", "--number", "1")
    assert "capacity" in seminar.fails("workshop", "edit", "2017/3", "--capacity", "beaucoup")
    assert seminar.ok("workshop", "delete", "2017/3").out == (
        "deleted: 2017/3  Structurer les coopérations\n")
    assert "no workshop 2017/3" in seminar.fails("workshop", "show", "2017/3")
    assert "workshop" in seminar.fails("workshop", "show", "2017-3")
    assert "no edition 2030" in seminar.fails("workshop", "add", "2030", "--title", "X")


def test_reading_lists(seminar: Cli) -> None:
    seminar.ok("add", "--type", "book", "--title", "Governing the Commons",
               "--author", "Ostrom, Elinor", "--issued", "1990", "--key", "ostrom1990")
    seminar.ok("reading", "add", "2017/1", "dupont2017")
    seminar.ok("reading", "add", "2017/1", "rameau2017", "--role", "produced")
    entries = seminar.json("reading", "add", "2017/1", "ostrom1990", "--position", "1",
                           "--note", "Chapitre 3")
    assert [(e["position"], e["reference"]["id"]) for e in entries] == [
        (1, "ostrom1990"), (2, "dupont2017"), (3, "rameau2017")]
    moved = seminar.ok("reading", "move", "2017/1", "ostrom1990", "3").out.splitlines()
    assert moved == [
        "1. [required] dupont2017  Dupont, Marie (2017). Une Coopération durable",
        "2. [produced] rameau2017  Le Rameau (2017). Programme PHARE",
        "3. [required] ostrom1990  Ostrom, Elinor (1990). Governing the Commons — Chapitre 3"]
    edited = seminar.json("reading", "edit", "2017/1", "rameau2017", "--role", "background",
                          "--note", "Pour aller plus loin")
    assert (edited[1]["role"], edited[1]["annotation"]) == ("background",
                                                            "Pour aller plus loin")
    remaining = seminar.json("reading", "remove", "2017/1", "dupont2017")
    assert [e["reference"]["id"] for e in remaining] == ["rameau2017", "ostrom1990"]
    assert seminar.ok("reading", "list", "2017/1").out.startswith("1. [background] rameau2017")
    assert "already" in seminar.fails("reading", "add", "2017/1", "rameau2017")
    assert "no workshop 2017/7" in seminar.fails("reading", "list", "2017/7")
    assert "no reference absent" in seminar.fails("reading", "add", "2017/1", "absent")
    seminar.fails("reading", "add", "2017/1", "ostrom1990", "--role", "facultatif", code=2)
    seminar.fails("reading", "move", "2017/1", "ostrom1990", "0", code=2)


# --- participants and programme --------------------------------------------------------


def test_participants_registration_and_assignment(seminar: Cli) -> None:
    marie = seminar.json("participant", "add", "--family", "Dupont", "--given", "Marie",
                         "--organisation", "ESEAC", "--email", "marie@example.org",
                         "--edition", "2017", "--role", "facilitator",
                         "--workshop", "2017/1", "--workshop", "2017/2")
    assert marie["participant"]["email"] == "marie@example.org"
    assert marie["registrations"] == [{"edition": 2017, "role": "facilitator",
                                       "workshops": [1, 2]}]
    paul = seminar.ok("participant", "add", "--family", "Martin", "--given", "Paul").out
    assert paul == "#2  Paul Martin\n"
    assert seminar.ok("participant", "list").out == (
        "#1  Marie Dupont  (ESEAC)  <marie@example.org>\n#2  Paul Martin\n")
    assert seminar.ok("participant", "assign", "2017/1", "2").out == (
        "2017: #2  Paul Martin  participant  workshops 1\n")
    assert seminar.ok("participant", "list", "--edition", "2017").out.splitlines() == [
        "#1  Marie Dupont  (ESEAC)  <marie@example.org>  facilitator  workshops 1, 2",
        "#2  Paul Martin  participant  workshops 1"]
    seminar.ok("participant", "unassign", "2017/1", "1")
    registered = seminar.json("participant", "list", "--edition", "2017")
    assert [r["workshops"] for r in registered] == [[2], [1]]
    assert seminar.json("participant", "register", "2017", "2", "--role", "speaker")[
        "role"] == "speaker"
    seminar.ok("participant", "unregister", "2017", "2")
    assert len(seminar.json("participant", "list", "--edition", "2017")) == 1
    edited = seminar.json("participant", "edit", "2", "--organisation", "Le Rameau")
    assert edited["organisation"] == "Le Rameau"
    seminar.ok("participant", "delete", "2")
    assert "no participant 2" in seminar.fails("participant", "assign", "2017/1", "2")
    assert "no participant 9" in seminar.fails("participant", "unassign", "2017/1", "9")


def test_participant_add_is_all_or_nothing(seminar: Cli) -> None:
    seminar.ok("participant", "add", "--family", "Un", "--workshop", "2017/1")
    seminar.ok("participant", "add", "--family", "Deux", "--workshop", "2017/1")
    assert "capacity" in seminar.fails("participant", "add", "--family", "Trois",
                                       "--workshop", "2017/1")
    assert "no workshop 2017/8" in seminar.fails("participant", "add", "--family", "Quatre",
                                                 "--workshop", "2017/8")
    assert "no edition 2030" in seminar.fails("participant", "add", "--family", "Cinq",
                                              "--edition", "2030")
    assert "email" in seminar.fails("participant", "add", "--family", "Six",
                                    "--email", "six@")
    assert [p["family"] for p in seminar.json("participant", "list")] == ["Deux", "Un"]
    seminar.fails("participant", "add", "--family", "Sept", "--role", "speaker", code=2)


def test_participant_import(seminar: Cli, tmp_path: Path) -> None:
    good = write(tmp_path / "inscriptions.csv",
                 "Nom;Prénom;Structure;Courriel;Atelier souhaité\n"
                 "Martin;Hélène;Les Jardins du Drac;helene@example.org;2\n"
                 "Bouvier;Lucas;;lucas@example.org;\n")
    dry = seminar.json("participant", "import", str(good), "--edition", "2017", "--dry-run")
    assert (dry["created"], dry["registered"], dry["dry_run"]) == (2, 2, True)
    assert seminar.json("participant", "list") == []
    report = seminar.ok("participant", "import", str(good), "--edition", "2017").out
    assert "created: 2" in report and "assigned: 1" in report
    assert [r["workshops"] for r in seminar.json("participant", "list", "--edition",
                                                 "2017")] == [[], [2]]
    mapped = write(tmp_path / "autre.csv", "Nom complet,Adresse\nRoux,amelie@example.org\n"
                                           "Faure,olivier@\n")
    result = seminar.run("participant", "import", str(mapped), "--edition", "2017",
                         "--map", "Nom complet=family", "--map", "Adresse=email")
    assert result.code == 1
    assert "created: 1" in result.out and "error: line 3" in result.out
    assert result.err.startswith("seminaire: error: 1 problem(s)")
    assert "mapping" in seminar.fails("participant", "import", str(mapped), "--edition",
                                      "2017", "--map", "Nom complet=surnom")
    assert "no edition 2030" in seminar.fails("participant", "import", str(good),
                                              "--edition", "2030")


def test_programme(seminar: Cli) -> None:
    first = seminar.json("programme", "add", "2017", "--day", "2017-11-23", "--start", "9h30",
                         "--end", "11:00", "--workshop", "1", "--room", "Salle 101")
    assert (first["start"], first["title"], first["workshop_number"]) == (
        "09:30", "Des coopérations informelles", 1)
    seminar.ok("programme", "add", "2017", "--day", "2017-11-23", "--start", "08:45",
               "--end", "09:15", "--title", "Accueil")
    seminar.ok("programme", "add", "2017", "--day", "2017-11-24", "--start", "16:00",
               "--end", "17:00", "--title", "Clôture")
    assert seminar.ok("programme", "list", "2017").out.splitlines() == [
        "2017-11-23",
        "  08:45–09:15  Accueil  #2",
        f"  09:30–11:00  Des coopérations informelles  [Salle 101]  (workshop 1)  "
        f"#{first['id']}",
        "2017-11-24",
        "  16:00–17:00  Clôture  #3"]
    assert seminar.ok("programme", "delete", "2").out.startswith("deleted: 2017-11-23  08:45")
    assert len(seminar.json("programme", "list", "2017")) == 2
    assert "end" in seminar.fails("programme", "add", "2017", "--day", "2017-11-23",
                                  "--start", "10:00", "--end", "09:00", "--title", "X")
    assert "day" in seminar.fails("programme", "add", "2017", "--day", "23/11/2017",
                                  "--start", "10:00", "--end", "11:00", "--title", "X")
    assert "no programme item 99" in seminar.fails("programme", "delete", "99")


# --- maintenance ------------------------------------------------------------------------


def test_check_and_reindex(seminar: Cli, tmp_path: Path) -> None:
    assert seminar.ok("check").out == "OK: no problem found\n"
    assert seminar.json("check") == {"ok": True, "problems": []}
    attached = seminar.json("attach", "dupont2017",
                            str(write(tmp_path / "cr.txt", "Compte rendu")))
    Path(attached["path"]).unlink()
    result = seminar.run("check")
    assert result.code == 1
    assert result.out.startswith("missing-file: stored file of « cr.txt » is missing")
    assert seminar.run("--json", "check").json()["problems"][0]["code"] == "missing-file"
    assert seminar.json("reindex") == {"indexed": 2}
    assert seminar.ok("reindex").out == "search index rebuilt: 2 entries\n"
    assert seminar.json("search", "cooperation")[0]["reference"]["id"] == "dupont2017"


def test_demo_builds_the_2017_edition(tmp_path: Path, cli: Cli) -> None:
    folder = tmp_path / "démo"
    summary = cli.json("demo", str(folder))
    assert summary["library"] == str(folder.resolve())
    assert summary["references"] > 0
    assert {"year": 2017, "workshops": 4}.items() <= summary["editions"][0].items()
    demo = Cli(folder, cli.capsys)
    edition = demo.json("edition", "show", "2017")
    assert [w["number"] for w in edition["workshops"]] == [1, 2, 3, 4]
    assert demo.ok("check").out == "OK: no problem found\n"
    assert "already holds" in cli.fails("demo", str(folder))
    assert "already holds" in demo.fails("demo")


def test_demo_suggests_a_command_that_pastes_as_is(tmp_path: Path, cli: Cli) -> None:
    folder = tmp_path / "Démo 2017"
    hint = cli.ok("demo", str(folder)).out.splitlines()[-1]
    assert hint.startswith("try: seminaire --library ")
    argv = shlex.split(hint.removeprefix("try: "))
    assert argv[1:3] == ["--library", str(folder.resolve())]
    assert argv[3:] == ["edition", "show", "2017"]


def test_demo_goes_into_the_library_folder_when_no_folder_is_named(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "bibliothèque"
    summary = Cli(folder, capsys).json("demo")
    assert summary["library"] == str(folder.resolve())
    assert Cli(folder, capsys).ok("check").out == "OK: no problem found\n"


# --- mistakes ---------------------------------------------------------------------------


@pytest.mark.parametrize(("argv", "expected"), [
    (("show", "inconnu2017"), "no reference inconnu2017"),
    (("show", "999"), "no reference 999"),
    (("add", "--type", "book", "--title", "T", "--issued", "2017-13"), "issued: month 13"),
    (("add", "--type", "book", "--title", "T", "--issued", "hier"), "issued: « hier »"),
    (("add", "--type", "livre", "--title", "T"), "type: « livre »"),
    (("add", "--type", "book", "--title", "T", "--key", "dupont2017"),
     "citation-key: « dupont2017 » is already used"),
    (("edit", "rameau2017", "--key", "dupont2017"), "citation-key"),
    (("add", "--type", "book", "--title", "T", "--author", "{}"), "author"),
    (("add", "--type", "book", "--title", "T", "--field", "inconnu=x"), "inconnu"),
    (("add", "--type", "book", "--title", "T", "--url", "example.org"), "URL"),
    (("edit", "dupont2017", "--issued", "2017-02-30"), "issued"),
    (("reading", "add", "2017/9", "dupont2017"), "no workshop 2017/9"),
    (("workshop", "show", "2017"), "workshop: « 2017 »"),
    (("list", "--workshop", "x/1"), "workshop"),
    (("list", "--collection", "Absente"), "no collection Absente"),
    (("edition", "add", "2018", "--title", "T", "--start", "2018-13-01"), "start"),
    (("note", "edit", "42", "--text", "x"), "no note 42"),
])
def test_mistakes_give_one_line_and_status_1(seminar: Cli, argv: tuple[str, ...],
                                             expected: str) -> None:
    message = seminar.fails(*argv)
    assert expected in message


@pytest.mark.parametrize("argv", [
    (),
    ("inconnue",),
    ("list", "--limit", "0"),
    ("list", "--sort", "couleur"),
    ("add", "--title", "Sans type"),
    ("add", "--type", "book", "--title", "T", "--field", "sans-egal"),
    ("edition", "show", "deux-mille"),
    ("collection",),
])
def test_usage_errors_give_status_2(cli: Cli, argv: tuple[str, ...]) -> None:
    result = cli.run(*argv)
    assert result.code == 2
    assert "usage: seminaire" in result.err
    assert "Traceback" not in result.err


def test_help_and_version_exit_0(cli: Cli) -> None:
    assert "edition" in cli.ok("--help").out
    assert cli.ok("--version").out.startswith("seminaire ")
    assert "--author" in cli.ok("add", "--help").out


# --- as a process -------------------------------------------------------------------------


def _process_env(folder: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONUTF8", "LANG", "LC_ALL")}
    # An ASCII locale and stream encoding: the output must still be UTF-8.
    env.update(LC_ALL="C", PYTHONIOENCODING="ascii", SEMINAIRE_LIBRARY=str(folder))
    return env


def test_module_prints_utf8_whatever_the_locale(cli: Cli) -> None:
    cli.ok("add", "--type", "book", "--title", "Coopération et « communs »",
           "--author", "Lemaître, Hélène", "--key", "lemaitre2017")
    result = subprocess.run(
        [sys.executable, "-m", "seminaire_app.cli", "search", "cooperation"],
        capture_output=True, env=_process_env(cli.folder), timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode("utf-8") == (
        "lemaitre2017  Lemaître, Hélène (s. d.). Coopération et « communs »\n")


def test_console_script_reports_mistakes_without_traceback(cli: Cli) -> None:
    script = Path(sys.executable).parent / "seminaire"
    assert script.is_file(), "the console script is installed with the package"
    result = subprocess.run(
        [str(script), "--json", "add", "--type", "book", "--title", "Éléments",
         "--issued", "2017-13"],
        capture_output=True, env=_process_env(cli.folder), timeout=60, check=False)
    assert result.returncode == 1
    assert result.stdout == b""
    assert result.stderr.decode("utf-8") == (
        "seminaire: error: issued: month 13 out of range in « 2017-13 »\n")
    listed = subprocess.run([str(script), "--json", "list"], capture_output=True,
                            env=_process_env(cli.folder), timeout=60, check=True)
    assert json.loads(listed.stdout.decode("utf-8")) == []
