"""The dossier dialog keeps what is there and asks only what the core can do: it asks
before replacing files, disables its actions (and says why) for a document the core
would refuse, and every control is reached from the keyboard."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from dossier_ui import BUILD_TIMEOUT, answer_replace
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QScrollArea,
    QWidget,
)
from pytestqt.qtbot import QtBot

from seminaire_app.dossiers.batch import per_participant_paths
from seminaire_app.dossiers.model import Section, Template
from seminaire_app.services import participants
from ui.dossier_dialog import DossierDialog

MNEMONIC = re.compile(r"&(?!&)(.)")


def quick_packs(dialog: DossierDialog, folder: bool, combined: bool) -> None:
    """Personal packs of a few sections (quicker, and enough to tell)."""
    options = dialog.options
    options.set_template(Template.PACK)
    for section in (Section.BIBLIOGRAPHY, Section.ATTACHMENTS, Section.CONTENTS):
        options.sections[section].setChecked(False)
    options.per_participant.setChecked(folder)
    options.combined.setChecked(combined)


# --- nothing lost ----------------------------------------------------------------------------

def test_packs_replace_files_of_the_same_names_only_when_told(
        qtbot: QtBot, dialog: DossierDialog, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "packs"
    folder.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_args: str(folder))
    quick_packs(dialog, folder=True, combined=True)
    request = dialog.options.request()
    everyone = folder / "Participant pack 2017 — everyone.pdf"
    planned = per_participant_paths(dialog.library, request, folder, everyone)
    mine = [planned[0], planned[3], planned[7]]  # the combined PDF and two packs
    for path in mine:
        path.write_bytes(b"my own notes")
    asked = answer_replace(monkeypatch, replace=False)
    dialog.save_button.click()
    assert len(asked) == 1
    assert asked[0].startswith(f"3 files of the same name already exist in {folder}:")
    assert all(f"• {path.name}" in asked[0] for path in mine)
    assert not dialog.busy()
    assert sorted(folder.iterdir()) == sorted(mine)
    assert all(path.read_bytes() == b"my own notes" for path in mine)
    # Replace: the build goes on and writes them all.
    asked = answer_replace(monkeypatch, replace=True)
    with qtbot.waitSignal(dialog.saved, timeout=BUILD_TIMEOUT * 2) as blocker:
        dialog.save_button.click()
    assert len(asked) == 1 and set(blocker.args[0]) == set(planned)
    assert all(len(PdfReader(path).pages) > 0 for path in mine)


def test_the_question_names_a_few_files_and_counts_the_others(
        qtbot: QtBot, dialog: DossierDialog, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "packs"
    folder.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_args: str(folder))
    quick_packs(dialog, folder=True, combined=False)
    planned = per_participant_paths(dialog.library, dialog.options.request(), folder)
    assert len(planned) == len(participants.registrations(dialog.library, 2017)) > 8
    for path in planned:
        path.write_bytes(b"last year's")
    asked = answer_replace(monkeypatch, replace=False)
    dialog.save_button.click()
    lines = asked[0].splitlines()
    assert lines[0].startswith(f"{len(planned)} files of the same name")
    assert lines[1:6] == [f"• {p.name}" for p in planned[:5]]
    assert lines[6] == f"… and {len(planned) - 5} more."
    assert all(p.read_bytes() == b"last year's" for p in planned)


def test_all_packs_in_one_pdf_without_a_folder(qtbot: QtBot, dialog: DossierDialog,
                                               tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    out.mkdir()
    suggested: list[str] = []

    def get_save_file_name(_parent: object, _title: str, name: str,
                           _filter: str) -> tuple[str, str]:
        suggested.append(name)
        return str(out / "tous.pdf"), "PDF"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", get_save_file_name)
    quick_packs(dialog, folder=False, combined=True)
    assert dialog.options.is_batch() and not dialog.options.participant.isEnabled()
    with qtbot.waitSignal(dialog.saved, timeout=BUILD_TIMEOUT * 2) as blocker:
        dialog.save_button.click()
    assert Path(suggested[0]).name == "Participant pack 2017 — everyone.pdf"
    assert blocker.args[0] == (out / "tous.pdf",)
    assert [p.name for p in out.iterdir()] == ["tous.pdf"]
    registered = participants.registrations(dialog.library, 2017)
    people = [item for item in PdfReader(out / "tous.pdf").outline
              if not isinstance(item, list)]  # a list holds the item's children
    assert len(people) == len(registered)
    assert dialog.status.text().startswith(f"Saved: {out / 'tous.pdf'}.")


# --- only what the core can build --------------------------------------------------------------

def test_no_part_ticked_disables_the_actions_and_says_why(dialog: DossierDialog) -> None:
    options = dialog.options
    options.set_template(Template.PACK)
    actions = (dialog.preview_button, dialog.save_button, dialog.print_button)
    for box in options.sections.values():
        box.setChecked(False)
    assert not any(button.isEnabled() for button in actions)
    hint = "Tick at least one part of the document under “Contents”."
    assert dialog.status.text() == hint and dialog.status.isVisible()
    options.sections[Section.CONTENTS].setChecked(True)  # a table of nothing
    assert not dialog.save_button.isEnabled() and dialog.status.text() == hint
    options.sections[Section.PROGRAMME].setChecked(True)
    assert all(button.isEnabled() for button in actions) and dialog.status.text() == ""
    # Personal copies keep their cover: never without a part.
    for box in options.sections.values():
        box.setChecked(False)
    options.per_participant.setChecked(True)
    assert options.sections[Section.COVER].isChecked()
    assert all(button.isEnabled() for button in actions)


def test_personal_copies_go_to_a_folder_or_one_pdf_never_nowhere(
        dialog: DossierDialog) -> None:
    options = dialog.options
    options.set_template(Template.WORKSHOP)
    for folder, combined in ((True, False), (False, True), (True, True)):
        options.per_participant.setChecked(folder)
        options.combined.setChecked(combined)
        assert options.is_batch()
        assert (options.wants_folder(), options.wants_combined()) == (folder, combined)
    options.per_participant.setChecked(False)
    options.combined.setChecked(False)
    assert not options.is_batch()  # one dossier, not personal copies to nowhere
    assert options.participant.isEnabled() and dialog.save_button.isEnabled()


# --- keyboard -----------------------------------------------------------------------------------

def _text(widget: QWidget) -> str:
    return widget.text() if isinstance(widget, (QAbstractButton, QLabel)) else ""


def test_every_option_has_its_own_key_and_tab_follows_the_page(
        dialog: DossierDialog) -> None:
    options = dialog.options
    chain = options.focus_chain()
    labels = {label.buddy(): label for label in options.findChildren(QLabel)
              if label.buddy() is not None}
    keys: dict[str, str] = {}
    for widget in [*chain, dialog.save_button, dialog.print_button]:
        text = _text(labels.get(widget, widget))
        found = MNEMONIC.search(text)
        if widget is options.source_value:
            assert found is None  # Tab from « References », its row's first field
            continue
        assert found is not None, f"no key for {widget.accessibleName() or widget}"
        key = found.group(1).casefold()
        assert key not in keys, f"« {key} » for both {keys[key]} and {text}"
        keys[key] = text
    # Tab goes down the options as they are shown, then to the pages, then the buttons.
    expected = [*chain, dialog.preview.view, dialog.preview_button, dialog.save_button,
                dialog.print_button]
    widget: QWidget = chain[0]
    order = [widget]
    for _ in range(1000):
        widget = widget.nextInFocusChain()
        if widget is chain[0]:
            break
        order.append(widget)
    assert [w for w in order if w in expected] == expected


def test_tab_stops_at_every_control_and_at_nothing_else(qtbot: QtBot,
                                                       dialog: DossierDialog) -> None:
    """With the keyboard alone: Tab goes down the options, then along the buttons, and
    back to the first option; the scroll areas holding them are no stop of their own."""
    options = dialog.options
    close = dialog.buttons.button(QDialogButtonBox.StandardButton.Close)
    expected = [w for w in options.focus_chain() if w.isEnabled() and w.isVisibleTo(dialog)]
    expected += [dialog.preview_button, dialog.save_button, dialog.print_button, close]
    scrolls = dialog.findChildren(QScrollArea)
    assert scrolls and all(s.focusPolicy() == Qt.FocusPolicy.NoFocus for s in scrolls)
    dialog.activateWindow()
    options.template.setFocus()
    qtbot.waitUntil(options.template.hasFocus)
    stops: list[QWidget] = []
    for _ in range(len(expected) + 5):
        widget = QApplication.focusWidget()
        assert widget is not None
        stops.append(widget)
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
        if QApplication.focusWidget() is options.template:
            break
    assert stops == expected


def test_the_pages_of_the_preview_follow_the_keys(qtbot: QtBot, dialog: DossierDialog) -> None:
    dialog.options.set_template(Template.WORKSHOP)
    with qtbot.waitSignal(dialog.preview_ready, timeout=BUILD_TIMEOUT) as blocker:
        dialog.preview_button.click()
    pages = int(blocker.args[0])
    label = dialog.preview.pdf.page_label
    dialog.activateWindow()
    dialog.preview.view.setFocus()
    qtbot.waitUntil(dialog.preview.view.hasFocus)
    assert label.text() == f"Page 1 / {pages}"
    qtbot.keyClick(dialog.preview.view, Qt.Key.Key_PageDown)
    qtbot.waitUntil(lambda: label.text() == f"Page 2 / {pages}")
    qtbot.keyClick(dialog.preview.view, Qt.Key.Key_End)
    qtbot.waitUntil(lambda: label.text() == f"Page {pages} / {pages}")
    assert not dialog.preview.pdf.next_action.isEnabled()
    qtbot.keyClick(dialog.preview.view, Qt.Key.Key_Home)
    qtbot.waitUntil(lambda: label.text() == f"Page 1 / {pages}")
    # The keys belong to the preview: in the options, PageDown is the combo's own.
    dialog.options.template.setFocus()
    qtbot.waitUntil(dialog.options.template.hasFocus)
    qtbot.keyClick(dialog.options.template, Qt.Key.Key_End)
    assert label.text() == f"Page 1 / {pages}"
