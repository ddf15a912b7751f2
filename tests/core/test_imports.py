"""Importing files (reading, preview, one-transaction import) and exporting a selection."""

from __future__ import annotations

import json
import os
import random
import time
from pathlib import Path

import pytest

from seminaire_app import search
from seminaire_app.domain import Creator, Owner, ReferenceDraft
from seminaire_app.errors import Cancelled, NotFound, ValidationError
from seminaire_app.interchange import EntryError, ParsedEntry, ParseResult
from seminaire_app.services import (
    attachments,
    collections,
    editions,
    imports,
    references,
    tags,
    workshops,
)
from seminaire_app.services.imports import ImportPreview
from seminaire_app.storage.library import Library

DUPONT = Creator(family="Dupont", given="Marie")


def entry(title: str, line: int, key: str = "", issued: str = "2016",
          files: tuple[Path, ...] = (), tags: tuple[str, ...] = ()) -> ParsedEntry:
    return ParsedEntry(ReferenceDraft("book", title, (DUPONT,), issued, citation_key=key,
                                      tags=tags), line, files)


def parsed(*entries: ParsedEntry, errors: tuple[EntryError, ...] = ()) -> ParseResult:
    return ParseResult(entries=entries, errors=errors)


# --- reading files ------------------------------------------------------------------------

def test_a_missing_file_or_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="does not exist") as err:
        imports.read_file(tmp_path / "nope.bib")
    assert err.value.field == "file"
    with pytest.raises(ValidationError, match="folder"):
        imports.read_file(tmp_path)


def test_a_1_gb_file_is_refused_at_once(tmp_path: Path) -> None:
    big = tmp_path / "huge.bib"
    with big.open("wb") as handle:
        handle.truncate(1 << 30)  # sparse: takes no room on disk
    start = time.perf_counter()
    with pytest.raises(ValidationError, match=r"1,024 MB.*200 MB") as err:
        imports.read_file(big)
    assert time.perf_counter() - start < 0.5
    assert err.value.field == "file"


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.bib"
    os.mkfifo(fifo)
    with pytest.raises(ValidationError, match="not a regular file"):
        imports.read_file(fifo)


@pytest.mark.parametrize("data", [
    b"%PDF-1.7\n\x00\x01\x02binary" * 100,
    random.Random(1).randbytes(20000),  # NULs among them
    bytes(random.Random(2).choices([*range(1, 9), *range(14, 32), *range(128, 256)],
                                   k=20000)),  # no NUL, neither UTF-8 nor text
])
def test_binary_garbage_is_refused(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "garbage.bib"
    path.write_bytes(data)
    with pytest.raises(ValidationError, match="binary") as err:
        imports.read_file(path)
    assert err.value.field == "file"


def test_decoding_utf8_with_bom_utf16_and_windows_1252() -> None:
    text = "@book{a, title={Économie – œuvre}}"
    assert imports.decode(b"\xef\xbb\xbf" + text.encode(), "a.bib") == (text, ())
    assert imports.decode(text.encode("utf-16"), "a.bib") == (text, ())
    decoded, warnings = imports.decode(text.encode("cp1252"), "a.bib")
    assert decoded == text
    assert warnings == ("« a.bib » is not UTF-8: read as Windows-1252; check its accents",)
    decoded, warnings = imports.decode(b"caf\xe9 \x81", "a.bib")  # 0x81: not in cp1252
    assert decoded == "café \x81" and "Latin-1" in warnings[0]


def test_read_file_detects_and_parses_csl_json(tmp_path: Path) -> None:
    items = [{"id": "dupont2016", "type": "book", "title": "Les communs, une économie",
              "author": [{"family": "Dupont", "given": "Marie"}],
              "issued": {"date-parts": [[2016]]}},
             {"id": "bad", "type": "book"}]
    path = tmp_path / "export.txt"  # no telling extension: the content says it
    path.write_bytes(json.dumps(items, ensure_ascii=False, indent=1).encode("cp1252"))
    fmt, result = imports.read_file(path)
    assert fmt == "csljson"
    assert [e.draft.citation_key for e in result.entries] == ["dupont2016"]
    assert [e.key for e in result.errors] == ["bad"]
    assert result.warnings[0].startswith("« export.txt » is not UTF-8")
    with pytest.raises(ValidationError) as err:
        imports.read_file(path, "endnote")
    assert err.value.field == "format"


# --- preview --------------------------------------------------------------------------------

def test_preview_flags_duplicates_in_the_library_and_in_the_file(lib: Library) -> None:
    (known,) = references.add_many(lib, [ReferenceDraft("book", "L'économie sociale et "
                                                        "solidaire", (DUPONT,), "2016")])
    bad = ParsedEntry(ReferenceDraft("book", "   ", (DUPONT,)), 30, ())
    preview = imports.preview_parsed(lib, parsed(
        entry("Economie sociale & solidaire", 1), entry("Les communs", 10),
        bad, entry("Les Communs", 20, issued="2017"),
        errors=(EntryError(40, "missing closing brace"),)), "bibtex")
    assert [e.line for e in preview.entries] == [1, 10, 20]
    assert [e.duplicates_of for e in preview.entries] == [(known,), (), ()]
    assert [e.duplicates_in_file for e in preview.entries] == [(), (), (1,)]
    assert preview.duplicate_count == 2
    assert [(e.line, e.reason) for e in preview.errors] == [
        (30, "title: a reference needs a title"), (40, "missing closing brace")]
    assert references.list_ids(lib) == [known]  # nothing written


def test_preview_of_a_file(lib: Library, tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text(json.dumps([{"id": "x1", "type": "report", "title": "Rapport"}]),
                    encoding="utf-8")
    preview = imports.preview(lib, path)
    assert preview.format == "csljson" and preview.path == path
    assert [e.draft.title for e in preview.entries] == ["Rapport"]


# --- import ----------------------------------------------------------------------------------

def test_import_brings_every_good_entry_with_unique_keys(lib: Library) -> None:
    references.add(lib, ReferenceDraft("book", "Autre", (DUPONT,), "2016",
                                       citation_key="dupont2016"))
    preview = imports.preview_parsed(lib, parsed(
        entry("Les communs urbains", 1, "dupont2016"),
        entry("Tiers-lieux", 2, "dupont2016"),
        entry("Économie", 3),
        entry("Autre", 4, "autre2016")))  # a probable duplicate: it comes in anyway
    report = imports.run_import(lib, preview)
    refs = references.fetch(lib, report.imported)
    assert [r.citation_key for r in refs] == [
        "dupont2016a", "dupont2016b", "dupont2016economie", "autre2016"]
    assert report.renamed_keys == (("dupont2016", "dupont2016a"), ("dupont2016", "dupont2016b"))
    assert report.probable_duplicates == 1 and report.skipped_duplicates == 0
    assert report.backup is not None and report.backup.is_file()
    assert report.backup.parent == lib.folder / "backups"


def test_tags_and_a_new_collection_apply_to_every_imported(lib: Library) -> None:
    preview = imports.preview_parsed(lib, parsed(
        entry("Les communs", 1, tags=("import 2024", "Communs")), entry("Tiers-lieux", 2)))
    report = imports.run_import(lib, preview, tags=["Import 2024", "Lot B"],
                                collection="Imports/2024")
    refs = references.fetch(lib, report.imported)
    assert [r.tags for r in refs] == [("Communs", "Import 2024", "Lot B"),
                                      ("Import 2024", "Lot B")]  # spelt as on the command
    assert {t.name: t.count for t in tags.list_tags(lib)} == {
        "Communs": 1, "Import 2024": 2, "Lot B": 2}
    assert [(c.path, c.count) for c in collections.list_collections(lib)] == [
        ("Imports", 0), ("Imports/2024", 2)]
    with pytest.raises(ValidationError) as err:
        imports.run_import(lib, preview, collection="A//B")
    assert err.value.field == "collection"
    assert len(list((lib.folder / "backups").iterdir())) == 1  # refused before a backup


def test_strict_imports_nothing_when_an_entry_was_bad(lib: Library) -> None:
    preview = imports.preview_parsed(lib, parsed(
        entry("Bon", 1), errors=(EntryError(5, "broken"), EntryError(9, "broken"))))
    with pytest.raises(ValidationError, match="2 bad entries"):
        imports.run_import(lib, preview, strict=True)
    assert references.list_ids(lib) == []
    assert not (lib.folder / "backups").exists()
    report = imports.run_import(lib, preview)  # not strict: the good one comes in
    assert len(report.imported) == 1 and len(report.errors) == 2


def test_skip_duplicates_leaves_them_out(lib: Library) -> None:
    references.add(lib, ReferenceDraft("book", "Les communs urbains", (DUPONT,), "2016"))
    preview = imports.preview_parsed(lib, parsed(
        entry("Les Communs urbains", 1), entry("Tiers-lieux", 2), entry("Tiers lieux", 3),
        entry("Mécénat", 4)))
    report = imports.run_import(lib, preview, skip_duplicates=True)
    assert [r.title for r in references.fetch(lib, report.imported)] == ["Tiers-lieux",
                                                                         "Mécénat"]
    assert report.skipped_duplicates == 2 and report.probable_duplicates == 2
    everything_skipped = imports.preview_parsed(lib, parsed(entry("Mécénat", 1)))
    report = imports.run_import(lib, everything_skipped, skip_duplicates=True)
    assert report.imported == () and report.skipped_duplicates == 1


def test_import_is_one_transaction(lib: Library, monkeypatch: pytest.MonkeyPatch) -> None:
    preview = imports.preview_parsed(lib, parsed(*(entry(f"Titre {i}", i) for i in range(50))))

    def failing(*_args: object) -> int:  # runs after the references went in
        raise RuntimeError("disk gone")

    monkeypatch.setattr(collections, "ensure", failing)
    with pytest.raises(RuntimeError):
        imports.run_import(lib, preview, collection="Lot")
    assert references.list_ids(lib) == []
    assert collections.list_collections(lib) == []


def test_a_cancelled_import_leaves_nothing(lib: Library) -> None:
    class Stop:
        def report(self, done: int, total: int, label: str = "") -> None:
            pass

        def cancelled(self) -> bool:
            return True

    preview = imports.preview_parsed(lib, parsed(entry("Un", 1)))
    with pytest.raises(Cancelled):
        imports.run_import(lib, preview, progress=Stop())
    assert references.list_ids(lib) == []


def test_files_are_attached_as_stored_copies(lib: Library, tmp_path: Path) -> None:
    note = tmp_path / "synthese.txt"
    note.write_text("Compte rendu : hétérarchie et palimpseste", encoding="utf-8")
    gone = tmp_path / "gone.pdf"
    gone.write_bytes(b"%PDF-1.4")
    preview = imports.preview_parsed(lib, parsed(
        entry("Les communs", 1, files=(note, gone)), entry("Tiers-lieux", 7, files=(note,))))
    gone.unlink()  # between the preview and the import
    report = imports.run_import(lib, preview)
    assert report.attached_files == 2
    assert report.warnings == (f"line 1: « {gone} » is gone; not attached",)
    first, second = report.imported
    stored = attachments.list_for(lib, Owner("reference", first))
    assert [(a.filename, a.stored, a.text_status) for a in stored] == [
        ("synthese.txt", True, "ok")]
    assert Path(stored[0].path).is_relative_to(lib.files_dir)
    assert attachments.list_for(lib, Owner("reference", second))[0].sha256 == stored[0].sha256
    with lib.begin() as session:
        assert sorted(h.id for h in search.search(session, "heterarchie")) == [first, second]


def test_a_preview_without_good_entries_imports_nothing(lib: Library) -> None:
    preview = ImportPreview("bibtex", (), (EntryError(1, "broken"),))
    report = imports.run_import(lib, preview)
    assert report.imported == () and report.errors == (EntryError(1, "broken"),)
    assert not (lib.folder / "backups").exists()


# --- export ------------------------------------------------------------------------------

@pytest.fixture
def filed(lib: Library) -> tuple[Library, list[int]]:
    ids = references.add_many(lib, [
        ReferenceDraft("book", f"Titre {n}", (DUPONT,), "2016", citation_key=f"k{n}")
        for n in (3, 1, 2, 4)])
    tags.add_tags(lib, ids[0], ["ESS"])
    tags.add_tags(lib, ids[1], ["ESS"])
    collections.create(lib, "Lectures/Communs")
    collections.add_references(lib, "Lectures/Communs", [ids[2]])
    editions.add(lib, 2017, "Séminaire 2017")
    workshops.add(lib, 2017, "Atelier")
    workshops.add_reading(lib, 2017, 1, ids[3])
    return lib, ids


def test_select_ids(filed: tuple[Library, list[int]]) -> None:
    lib, (k3, k1, k2, k4) = filed
    assert imports.select_ids(lib) == [k1, k2, k3, k4]  # everything, by citation key
    assert imports.select_ids(lib, tag="ESS") == [k1, k3]
    assert imports.select_ids(lib, collection="Lectures") == [k2]
    assert imports.select_ids(lib, edition=2017) == imports.select_ids(
        lib, workshop=(2017, 1)) == [k4]
    assert imports.select_ids(lib, refs=["k4", k3]) == [k4, k3]
    assert imports.select_ids(lib, tag="ESS", refs=["k4", "k3"]) == [k4, k3, k1]
    assert imports.select_ids(lib, tag="ESS", collection="Lectures") == []
    for wrong in ({"edition": 1999}, {"workshop": (2017, 9)}, {"collection": "Nope"},
                  {"refs": ["nokey"]}):
        with pytest.raises(NotFound):
            imports.select_ids(lib, **wrong)  # type: ignore[arg-type]


def test_export_csl_json_in_the_given_order(filed: tuple[Library, list[int]]) -> None:
    lib, (k3, k1, _, _) = filed
    data = json.loads(imports.export(lib, "CSLJSON", [k1, k3]))
    assert [item["id"] for item in data] == ["k1", "k3"]
    with pytest.raises(NotFound):
        imports.export(lib, "csljson", [k1, 999])
    with pytest.raises(ValidationError):
        imports.export(lib, "docx", [k1])
