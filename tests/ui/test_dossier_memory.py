"""What the dossier dialog remembers of its language: only a language the user picked;
until then the dossier follows the interface, even after the dialog was closed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from seminaire_app.progress import NULL_PROGRESS
from seminaire_app.storage.library import Library
from ui import i18n
from ui.dossier_flow import DossierContext, load_choices
from ui.dossier_options import DossierOptions


def options_for(qtbot: QtBot, demo: Library, saved: dict[str, object]) -> DossierOptions:
    options = DossierOptions(load_choices(demo, NULL_PROGRESS), DossierContext(), saved)
    qtbot.addWidget(options)
    return options


def test_a_language_nobody_picked_follows_the_interface(qtbot: QtBot, demo: Library) -> None:
    first = options_for(qtbot, demo, {})
    assert first.request().locale == "en-US"
    saved = first.saved()  # the dialog saves its options on every close
    try:
        i18n.install("fr")
        assert options_for(qtbot, demo, saved).request().locale == "fr-FR"
    finally:
        i18n.install("en")


def test_a_language_picked_is_kept_whatever_the_interface(qtbot: QtBot, demo: Library) -> None:
    first = options_for(qtbot, demo, {})
    first.show()
    first.locale.setFocus()
    qtbot.keyClick(first.locale, Qt.Key.Key_Up if first.locale.currentIndex() else Qt.Key.Key_Down)
    picked = first.request().locale
    assert picked == "fr-FR"  # the other of the two
    saved = first.saved()
    assert options_for(qtbot, demo, saved).request().locale == picked


def test_a_language_saved_by_an_earlier_version_pins_nothing(qtbot: QtBot,
                                                             demo: Library) -> None:
    """Earlier versions saved « locale » at every close, chosen or not."""
    try:
        i18n.install("fr")
        options = options_for(qtbot, demo, {"locale": "en-US"})
        assert options.request().locale == "fr-FR"
        assert options.saved()["picked_locale"] == ""
    finally:
        i18n.install("en")
