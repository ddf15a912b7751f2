"""``seminaire import``, ``export``, ``duplicates`` and ``merge`` through ``main(argv)``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from seminaire_app.cli import interchange
from seminaire_app.cli import main as main_module
from seminaire_app.domain import Creator, ReferenceDraft
from seminaire_app.services import collections, editions, references, workshops
from seminaire_app.storage.library import Library

ITEMS = [
    {"id": "dupont2016", "type": "book", "title": "L'économie sociale et solidaire",
     "author": [{"family": "Dupont", "given": "Marie"}], "issued": {"date-parts": [[2016]]}},
    {"id": "rameau2017", "type": "report", "title": "Programme PHARE",
     "author": [{"literal": "Le Rameau"}], "issued": {"date-parts": [[2017]]}},
    {"id": "broken", "type": "book"},
]


@pytest.fixture
def run(lib: Library, capsys: pytest.CaptureFixture[str]) -> Any:
    """``run(*argv) -> (status, stdout, stderr)`` on the test library."""
    assert interchange in main_module.COMMAND_MODULES

    def invoke(*argv: str) -> tuple[int, str, str]:
        code = main_module.main(["--library", str(lib.folder), *argv])
        captured = capsys.readouterr()
        assert "Traceback" not in captured.err
        return code, captured.out, captured.err

    return invoke


@pytest.fixture
def export_file(tmp_path: Path) -> Path:
    path = tmp_path / "zotero.json"
    items = ",\n".join(json.dumps(item, ensure_ascii=False) for item in ITEMS)
    path.write_text(f"[\n{items}\n]\n", encoding="utf-8")  # item n on line n + 1
    return path


def test_dry_run_shows_duplicates_and_errors_and_writes_nothing(
        run: Any, lib: Library, export_file: Path) -> None:
    references.add(lib, ReferenceDraft("book", "Economie sociale & solidaire",
                                       (Creator(family="Dupont"),), "2016",
                                       citation_key="known"))
    code, out, err = run("import", str(export_file), "--dry-run")
    assert code == 1  # an entry was bad
    assert out.splitlines() == [
        "zotero.json (csljson): 2 entries to import, 1 probable duplicate, 1 bad entry; "
        "nothing imported (dry run)",
        "  line 2: « L'économie sociale et solidaire » looks like known"]
    assert err.startswith("seminaire: error: line 4 (broken): title:")
    assert len(references.list_ids(lib)) == 1
    code, out, _ = run("import", str(export_file), "--dry-run", "--json")
    data = json.loads(out)
    assert data["entries"] == 2 and data["errors"][0]["line"] == 4
    assert data["probable_duplicates"][0]["duplicates_of"] == [1]


def test_import_with_tag_and_collection(run: Any, lib: Library, export_file: Path) -> None:
    code, out, err = run("import", str(export_file), "--tag", "Zotero", "--collection",
                         "Imports/Claire")
    assert code == 1 and "line 4" in err
    assert out.splitlines()[0] == "imported 2 references from zotero.json (csljson)"
    assert "backup of the library before the import" in out
    refs = references.list_references(lib, sort="key")
    assert [(r.citation_key, r.tags) for r in refs] == [
        ("dupont2016", ("Zotero",)), ("rameau2017", ("Zotero",))]
    assert [c.path for c in collections.list_collections(lib)] == ["Imports", "Imports/Claire"]
    code, out, _ = run("import", str(export_file), "--json")  # again: keys made unique
    data = json.loads(out)
    assert data["renamed_keys"] == [["dupont2016", "dupont2016a"],
                                    ["rameau2017", "rameau2017a"]]
    assert len(data["probable_duplicates"]) == 2 and len(data["imported"]) == 2


def test_strict_and_skip_duplicates(run: Any, lib: Library, export_file: Path) -> None:
    code, _, err = run("import", str(export_file), "--strict")
    assert code == 1 and "1 bad entry: nothing imported (strict)" in err
    assert references.list_ids(lib) == []
    run("import", str(export_file))
    code, out, _ = run("import", str(export_file), "--skip-duplicates")
    assert "imported 0 references" in out and "left out 2 probable duplicates" in out
    assert len(references.list_ids(lib)) == 2


def test_import_refuses_missing_and_huge_files(run: Any, tmp_path: Path) -> None:
    code, _, err = run("import", str(tmp_path / "nope.bib"))
    assert code == 1 and err.startswith("seminaire: error: file: «")
    big = tmp_path / "big.ris"
    with big.open("wb") as handle:
        handle.truncate(1 << 30)
    code, _, err = run("import", str(big))
    assert code == 1 and "200 MB" in err


def test_export_a_selection(run: Any, lib: Library, export_file: Path,
                            tmp_path: Path) -> None:
    run("import", str(export_file), "--tag", "ESS")
    references.add(lib, ReferenceDraft("book", "Autre", citation_key="autre"))
    editions.add(lib, 2017, "Séminaire")
    workshops.add(lib, 2017, "Atelier")
    workshops.add_reading(lib, 2017, 1, "rameau2017")
    code, out, _ = run("export", "--format", "csljson", "--tag", "ESS")
    assert code == 0
    assert [item["id"] for item in json.loads(out)] == ["dupont2016", "rameau2017"]
    code, out, _ = run("export", "--format", "csljson", "--workshop", "2017/1", "autre")
    assert [item["id"] for item in json.loads(out)] == ["autre", "rameau2017"]
    target = tmp_path / "out.json"
    code, out, _ = run("export", "--format", "csljson", "--edition", "2017", "-o", str(target))
    assert code == 0 and out == f"exported 1 reference to {target} (csljson)\n"
    assert [item["id"] for item in json.loads(target.read_text("utf-8"))] == ["rameau2017"]
    assert list(tmp_path.glob(".out.json*")) == []  # no temporary file left
    code, _, err = run("export", "--format", "csljson", "--edition", "1999")
    assert code == 1 and "no edition 1999" in err
    code, _, _ = run("export", "--format", "docx")
    assert code == 2


def test_duplicates_and_merge(run: Any, lib: Library) -> None:
    code, out, _ = run("duplicates")
    assert (code, out) == (0, "no probable duplicates\n")
    dupont = (Creator(family="Dupont", given="Marie"),)
    references.add_many(lib, [
        ReferenceDraft("book", "Les communs urbains", dupont, "2016", citation_key="a"),
        ReferenceDraft("book", "Les Communs urbains", dupont, "2017", {"publisher": "PUG"},
                       citation_key="b"),
        ReferenceDraft("book", "Autre", citation_key="c")])
    code, out, _ = run("duplicates")
    assert out.splitlines()[0] == "group 1 (same title):"
    assert len(out.splitlines()) == 3
    code, out, _ = run("duplicates", "--json")
    assert [[item["id"] for item in group] for group in json.loads(out)] == [["a", "b"]]
    code, out, _ = run("merge", "a", "b", "--take", "issued=b")
    assert code == 0 and out.splitlines()[0] == "merged b into a"
    merged = references.get(lib, "a")
    assert merged.issued == "2017" and merged.fields == {"publisher": "PUG"}
    code, _, err = run("merge", "a", "c", "--take", "colour=c")
    assert code == 1 and "colour" in err
    code, out, _ = run("--json", "merge", "a", "c")
    assert json.loads(out)["id"] == "a"
