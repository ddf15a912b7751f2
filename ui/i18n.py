"""French by default on a French system, English otherwise; switchable in Preferences.

Source strings are English; ``resources/translations/seminaire_fr.qm`` holds French,
compiled from ``seminaire_fr.ts`` (``pyside6-lupdate`` then ``pyside6-lrelease``), and
``seminaire_en.qm`` the English plural forms (« 1 reference », « 3 references ») that
the « %n reference(s) » sources leave to a catalogue. Qt's own strings (standard
buttons, dialogs) come from the ``qtbase`` catalogue of PySide6.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

TRANSLATIONS = Path(__file__).resolve().parent.parent / "resources" / "translations"
LANGUAGES = {"fr": "Français", "en": "English"}
_installed: list[QTranslator] = []


def system_language() -> str:
    return "fr" if QLocale.system().language() == QLocale.Language.French else "en"


def install(language: str) -> str:
    """Install the translators for ``language`` ("" = the system's); returns the one used."""
    language = language if language in LANGUAGES else system_language()
    app = QCoreApplication.instance()
    assert app is not None, "install translators after creating the QApplication"
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    locale = QLocale(QLocale.Language.French if language == "fr" else QLocale.Language.English,
                     QLocale.Country.France if language == "fr"
                     else QLocale.Country.UnitedKingdom)
    QLocale.setDefault(locale)
    ours = QTranslator()
    if ours.load(str(TRANSLATIONS / f"seminaire_{language}.qm")):
        app.installTranslator(ours)
        _installed.append(ours)
    if language == "en":
        return language  # the sources are English: Qt's own strings need no catalogue
    qt = QTranslator()
    if qt.load(locale, "qtbase", "_",
               QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    return language
