"""Finding and merging duplicates in the app: choices, one undo step per merge, merge all."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from seminaire_app.domain import Creator, Reference, ReferenceDraft
from seminaire_app.errors import NotFound
from seminaire_app.services import collections, merging, references
from seminaire_app.services.duplicates import DuplicateGroup, Reason
from seminaire_app.storage.library import Library
from ui.duplicates_dialog import DuplicatesDialog
from ui.main_window import MainWindow
from ui.merge_choices import GroupChoice, differing_fields

OSTROM_DOI = "10.1017/CBO9780511807763"
BESANCON_ISBN = "978-2-343-02069-3"


def by_field(lib: Library, name: str, value: str) -> Reference:
    return next(r for r in references.fetch(lib, references.list_ids(lib))
                if r.fields.get(name) == value)


def add_ostrom_copy(lib: Library) -> Reference:
    """The demo's Ostrom again, from another catalogue: same DOI, other title, a tag."""
    ref = references.add(lib, ReferenceDraft(
        "book", "Governing the commons : the evolution of institutions for collective action",
        (Creator(family="Ostrom", given="E."),), "1990",
        {"DOI": "https://doi.org/10.1017/cbo9780511807763", "publisher": "CUP",
         "ISBN": "978-0-521-40599-7"}, tags=("Gouvernance",)))
    collections.create(lib, "À relire")
    collections.add_references(lib, "À relire", [ref.id])
    return references.get(lib, ref.id)


def add_besancon_copy(lib: Library) -> Reference:
    return references.add(lib, ReferenceDraft(
        "book", "L'innovation sociale", (Creator(family="Besançon", given="Emmanuelle"),),
        "2013", {"ISBN": "9782343020693"}))


def open_dialog(qtbot: QtBot, window: MainWindow) -> DuplicatesDialog:
    with qtbot.waitSignal(window.duplicates_flow.dialog_opened, timeout=10000) as blocker:
        window.duplicates_flow.start()
    dialog = blocker.args[0]
    assert isinstance(dialog, DuplicatesDialog)
    return dialog


def test_the_menu_finds_a_group_and_says_why(qtbot: QtBot, window: MainWindow) -> None:
    lib = window.library
    copy = add_ostrom_copy(lib)
    action = next(a for m in window.menuBar().actions() for a in m.menu().actions()
                  if a.text() == "Find d&uplicates…")
    with qtbot.waitSignal(window.duplicates_flow.dialog_opened, timeout=10000) as blocker:
        action.trigger()
    dialog = blocker.args[0]
    assert dialog.groups.count() == 1
    assert "same DOI" in dialog.groups.item(0).text()
    choice = dialog.current_choice()
    assert choice is not None
    original = by_field(lib, "DOI", OSTROM_DOI)
    assert {r.id for r in choice.references} == {original.id, copy.id}
    # The choice table offers every field that differs, the main ones first.
    assert choice.fields[:5] == ["title", "creators", "publisher", "DOI", "ISBN"]
    assert dialog.detail.values.rowCount() == len(choice.fields)
    assert dialog.detail.references.rowCount() == 2
    dialog.reject()


def test_nothing_found_is_said(qtbot: QtBot, window: MainWindow,
                               monkeypatch: pytest.MonkeyPatch) -> None:
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: said.append(text))
    with qtbot.waitSignal(window.duplicates_flow.nothing_found, timeout=10000):
        window.duplicates_flow.start()
    assert said == ["No probable duplicates in the library."]


def test_merge_choosing_the_other_title_then_undo_and_redo(qtbot: QtBot,
                                                          window: MainWindow) -> None:
    lib = window.library
    copy = add_ostrom_copy(lib)
    original = by_field(lib, "DOI", OSTROM_DOI)
    dialog = open_dialog(qtbot, window)
    dialog.detail.pick_master(original.id)
    dialog.detail.pick_value("title", copy.id)
    dialog.detail.pick_value("ISBN", copy.id)
    with qtbot.waitSignal(dialog.merged, timeout=10000):
        dialog.merge_button.click()
    merged = references.get(lib, original.id)
    assert merged.title == copy.title
    assert merged.citation_key == original.citation_key
    assert merged.creators == original.creators  # the master's: no choice was made
    assert merged.fields["publisher"] == "Cambridge University Press"
    assert merged.fields["ISBN"] == "978-0-521-40599-7"
    assert set(merged.tags) == set(original.tags) | {"Gouvernance"}
    assert original.id in references.list_ids(
        lib, references.ReferenceFilter(collection="À relire"))
    with pytest.raises(NotFound):
        references.get(lib, copy.id)
    assert dialog.groups.count() == 0 and not dialog.empty.isHidden()
    assert window.undo_stack.count() == 1
    assert window.undo_stack.undoText() == "Merge duplicates"
    page = window.references_page
    qtbot.waitUntil(lambda: page.model.row_of(copy.id) is None)
    dialog.reject()

    window.undo_stack.undo()
    assert references.get(lib, original.id) == original
    assert references.get(lib, copy.id) == copy
    assert references.list_ids(lib, references.ReferenceFilter(collection="À relire")) == [
        copy.id]
    qtbot.waitUntil(lambda: page.model.row_of(copy.id) is not None)

    window.undo_stack.redo()
    assert references.get(lib, original.id).title == copy.title
    with pytest.raises(NotFound):
        references.get(lib, copy.id)
    window.undo_stack.undo()
    assert references.get(lib, copy.id) == copy


def test_changing_the_master_moves_the_default_values(qtbot: QtBot,
                                                     window: MainWindow) -> None:
    lib = window.library
    copy = add_ostrom_copy(lib)
    original = by_field(lib, "DOI", OSTROM_DOI)
    dialog = open_dialog(qtbot, window)
    choice = dialog.current_choice()
    assert choice is not None and choice.master == original.id  # the more complete
    dialog.detail.pick_value("publisher", copy.id)
    dialog.detail.pick_master(copy.id)
    assert choice.chosen("title") == copy.id  # follows the master
    assert choice.chosen("publisher") == copy.id  # picked: stays
    assert choice.chosen("publisher-place") == original.id  # the new master has none
    title_group = dialog.detail._value_groups["title"]
    assert title_group.checkedId() == copy.id
    dialog.reject()


def test_merge_all_groups_is_one_undo_step(qtbot: QtBot, window: MainWindow) -> None:
    lib = window.library
    ostrom = add_ostrom_copy(lib)
    besancon = add_besancon_copy(lib)
    before = {r.id: r for r in references.fetch(lib, references.list_ids(lib))}
    dialog = open_dialog(qtbot, window)
    assert dialog.groups.count() == 2
    assert {dialog.groups.item(i).text().rsplit("— ", 1)[1] for i in range(2)} == {
        "same DOI", "same ISBN"}
    with qtbot.waitSignal(dialog.merged, timeout=10000) as blocker:
        dialog.merge_all_button.click()
    assert blocker.args == [2]
    assert references.count(lib) == len(before) - 2
    for gone in (ostrom, besancon):
        with pytest.raises(NotFound):
            references.get(lib, gone.id)
    assert window.undo_stack.count() == 1
    assert window.undo_stack.undoText() == "Merge 2 groups of duplicates"
    dialog.reject()
    window.undo_stack.undo()
    after = {r.id: r for r in references.fetch(lib, references.list_ids(lib))}
    assert after == before


def test_not_duplicates_leaves_a_group_out_of_merge_all(qtbot: QtBot,
                                                       window: MainWindow) -> None:
    lib = window.library
    add_ostrom_copy(lib)
    besancon = add_besancon_copy(lib)
    dialog = open_dialog(qtbot, window)
    row = next(i for i in range(2) if "same ISBN" in dialog.groups.item(i).text())
    dialog.groups.setCurrentRow(row)
    dialog.skip_button.click()
    assert dialog.groups.count() == 1
    with qtbot.waitSignal(dialog.merged, timeout=10000):
        dialog.merge_all_button.click()
    assert references.get(lib, besancon.id) == besancon
    dialog.reject()


def test_group_choice_defaults_are_what_the_core_keeps(lib: Library) -> None:
    a, b = references.add_many(lib, [
        ReferenceDraft("book", "Titre", (), "2016", {"publisher": "PUG"}),
        ReferenceDraft("report", "Titre : sous-titre", (Creator(family="Dupont"),), "",
                       {"publisher": "Autre", "DOI": "10.1/x", "genre": "Rapport"})])
    refs = tuple(references.fetch(lib, [a, b]))
    assert differing_fields(refs) == ["title", "issued", "type", "creators", "publisher",
                                      "DOI", "genre", "citation-key"]
    choice = GroupChoice(DuplicateGroup(refs, Reason.DOI), master=b)
    assert choice.choices() == {"title": b, "issued": a, "type": b, "creators": b,
                                "publisher": b, "DOI": b, "genre": b, "citation-key": b}
    choice = GroupChoice(DuplicateGroup(refs, Reason.DOI), master=a)
    assert choice.choices() == {"title": a, "issued": a, "type": a, "creators": b,
                                "publisher": a, "DOI": b, "genre": b, "citation-key": a}
    assert GroupChoice(DuplicateGroup(refs, Reason.DOI)).master == b  # more complete
    explicit = merging.merge(lib, a, [b], choices=choice.choices())
    merging.unmerge(lib, explicit)
    implicit = merging.merge(lib, a, [b])
    assert replace(explicit.merged, date_modified=None) == replace(implicit.merged,
                                                                   date_modified=None)
