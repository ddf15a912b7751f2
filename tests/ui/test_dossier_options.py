"""The dossier dialog's options: the dossier in the interface's language until another is
chosen, and long workshop titles whole in the list that drops down."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from pytestqt.qtbot import QtBot

from seminaire_app.dossiers.model import Section, Template
from seminaire_app.progress import NULL_PROGRESS
from seminaire_app.services import workshops
from seminaire_app.storage.library import Library
from ui.dossier_flow import DossierContext, load_choices
from ui.dossier_options import DossierOptions

LONG_TITLE = "Structurer les coopérations avec les collectivités : l'enjeu de la pérennisation"


def make_options(qtbot: QtBot, demo: Library, saved: dict[str, Any] | None = None,
                 context: DossierContext | None = None) -> DossierOptions:
    options = DossierOptions(load_choices(demo, NULL_PROGRESS), context or DossierContext(),
                             saved)
    qtbot.addWidget(options)
    return options


# --- the dossier's language --------------------------------------------------------------------

def test_an_english_interface_makes_english_dossiers(qtbot: QtBot, demo: Library) -> None:
    options = make_options(qtbot, demo)
    assert options.locale.currentData() == "en-US"
    assert options.request().locale == "en-US"


def test_a_french_interface_makes_french_dossiers(french: None, qtbot: QtBot,
                                                  demo: Library) -> None:
    options = make_options(qtbot, demo)
    assert options.locale.currentData() == "fr-FR"
    assert options.request().locale == "fr-FR"


@pytest.mark.parametrize("chosen", ["fr-FR", "en-US"])
def test_the_language_chosen_last_time_wins(qtbot: QtBot, demo: Library, chosen: str) -> None:
    options = make_options(qtbot, demo, {"template": Template.PACK.value, "picked_locale": chosen})
    assert options.request().locale == chosen
    options.locale.setCurrentIndex(options.locale.findData("fr-FR"))
    again = make_options(qtbot, demo, options.saved())
    assert again.request().locale == "fr-FR"


def test_a_language_unknown_now_gives_the_interface_s(qtbot: QtBot, demo: Library) -> None:
    options = make_options(qtbot, demo, {"picked_locale": "de-DE"})
    assert options.request().locale == "en-US"


# --- long titles -------------------------------------------------------------------------------

def test_long_workshop_titles_show_whole_in_the_list(qtbot: QtBot, demo: Library) -> None:
    workshops.update(demo, 2017, 2, {"title": LONG_TITLE})
    options = make_options(qtbot, demo, context=DossierContext(2017, 2))
    combo = options.workshop
    row = combo.findData(2)
    text = combo.itemText(row)
    assert LONG_TITLE in text
    view = combo.view()
    needed = QFontMetrics(view.font()).horizontalAdvance(text)
    # The combo stays narrow (the options' column keeps its width); its list does not.
    assert combo.sizeHint().width() < needed <= view.minimumWidth()
    assert combo.itemData(row, Qt.ItemDataRole.ToolTipRole) == text
    assert combo.toolTip() == text  # the title shown, cut in the combo
    assert all(combo.itemData(r, Qt.ItemDataRole.ToolTipRole) == combo.itemText(r)
               for r in range(combo.count()))


def test_a_title_wider_than_the_screen_is_in_its_tooltip(qtbot: QtBot, demo: Library) -> None:
    title = " — ".join([LONG_TITLE] * 4)
    workshops.update(demo, 2017, 2, {"title": title})
    options = make_options(qtbot, demo, context=DossierContext(2017, 2))
    combo = options.workshop
    row = combo.findData(2)
    needed = QFontMetrics(combo.view().font()).horizontalAdvance(combo.itemText(row))
    screen = combo.screen().availableGeometry().width()
    assert combo.view().minimumWidth() <= screen < needed
    assert combo.view().minimumWidth() > screen * 0.9
    assert combo.itemData(row, Qt.ItemDataRole.ToolTipRole) == f"Workshop 2 — {title}"


# --- the full bibliography of a workshop dossier -------------------------------------------------

def test_a_workshop_dossier_offers_no_second_bibliography(qtbot: QtBot, demo: Library) -> None:
    options = make_options(qtbot, demo, context=DossierContext(2017, 2))
    box, chapter = options.sections[Section.BIBLIOGRAPHY], options.sections[Section.WORKSHOPS]
    assert options.current_template() is Template.WORKSHOP and chapter.isChecked()
    assert not box.isEnabled() and not box.isChecked()
    assert "reading list in its chapter" in box.toolTip()
    assert Section.BIBLIOGRAPHY not in options.request().sections
    chapter.setChecked(False)  # then the reading list prints as the bibliography
    assert box.isEnabled() and box.isChecked() and box.toolTip() == ""
    assert Section.BIBLIOGRAPHY in options.request().sections
    chapter.setChecked(True)
    assert not box.isEnabled() and not box.isChecked()
    options.set_template(Template.PACK)
    assert box.isEnabled() and box.isChecked()
    assert Section.BIBLIOGRAPHY in options.request().sections


def test_a_bibliography_unticked_in_a_pack_stays_unticked(qtbot: QtBot, demo: Library) -> None:
    options = make_options(qtbot, demo)
    box = options.sections[Section.BIBLIOGRAPHY]
    box.setChecked(False)
    options.set_template(Template.WORKSHOP)
    options.set_template(Template.PACK)
    assert box.isEnabled() and not box.isChecked()


def test_the_tick_forced_off_is_not_remembered(qtbot: QtBot, demo: Library) -> None:
    options = make_options(qtbot, demo)
    options.set_template(Template.WORKSHOP)
    assert not options.sections[Section.BIBLIOGRAPHY].isChecked()
    again = make_options(qtbot, demo, options.saved())
    assert again.current_template() is Template.WORKSHOP
    again.set_template(Template.PACK)
    assert again.sections[Section.BIBLIOGRAPHY].isChecked()


def test_a_single_edition_is_not_greyed_out(qtbot: QtBot, demo: Library) -> None:
    options = make_options(qtbot, demo)
    assert options.edition.count() == 1  # the demo holds 2017 only
    options.set_template(Template.PACK)
    assert options.edition.isEnabled()  # greyed, it looked broken
