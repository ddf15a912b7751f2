"""Deleting references can be undone exactly: same ids, keys, links and files."""

from __future__ import annotations

from pathlib import Path

from seminaire_app.domain import Owner, ReferenceDraft
from seminaire_app.services import (
    attachments,
    checks,
    collections,
    editions,
    notes,
    references,
    snapshots,
    workshops,
)
from seminaire_app.services.references import ReferenceFilter
from seminaire_app.storage.library import Library


def test_delete_then_restore_gives_everything_back(lib: Library, tmp_path: Path) -> None:
    ref = references.add(lib, ReferenceDraft("report", "Programme PHARE", tags=("ESS",)))
    keep = references.add(lib, ReferenceDraft("book", "Autre"))
    collections.create(lib, "Atelier 4")
    collections.add_references(lib, "Atelier 4", [ref.id])
    editions.add(lib, 2017, "Séminaire 2017")
    workshops.add(lib, 2017, "Valoriser")
    workshops.add_reading(lib, 2017, 1, keep.id)
    workshops.add_reading(lib, 2017, 1, ref.id, "produced", "Résultats", position=0)
    note = notes.add(lib, Owner("reference", ref.id), "Une note sur le **mécénat**")
    doc = tmp_path / "rapport.txt"
    doc.write_text("indicateurs qualitatifs", encoding="utf-8")
    attached = attachments.attach(lib, Owner("reference", ref.id), doc)
    before = references.get(lib, ref.id)

    (snap,) = snapshots.delete(lib, [ref.id])
    assert snap.reference == before
    assert not Path(attached.path).exists()  # moved to the trash
    assert checks.run(lib) == []  # the trash is not an orphan
    assert references.list_ids(lib, ReferenceFilter(text="mecenat")) == []

    (back,) = snapshots.restore(lib, [snap])
    assert back == before
    assert Path(attached.path).read_text(encoding="utf-8") == "indicateurs qualitatifs"
    assert [(e.reference.id, e.role.value, e.annotation)
            for e in workshops.reading_list(lib, 2017, 1)] == [
        (ref.id, "produced", "Résultats"), (keep.id, "required", "")]
    assert collections.list_collections(lib)[0].count == 1
    assert notes.get(lib, note.id).body == "Une note sur le **mécénat**"
    assert references.list_ids(lib, ReferenceFilter(text="mecenat")) == [ref.id]
    assert references.list_ids(lib, ReferenceFilter(text="qualitatifs")) == [ref.id]
    assert checks.run(lib) == []


def test_trash_is_emptied_when_the_library_is_reopened(lib: Library, tmp_path: Path) -> None:
    ref = references.add(lib, ReferenceDraft("book", "Livre"))
    doc = tmp_path / "a.txt"
    doc.write_text("a", encoding="utf-8")
    attachments.attach(lib, Owner("reference", ref.id), doc)
    references.delete_reference(lib, ref.id)
    trash = lib.files_dir / "trash"
    assert len(list(trash.iterdir())) == 1
    lib.close()
    Library.open(lib.folder).close()
    assert list(trash.iterdir()) == []
