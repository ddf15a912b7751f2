"""The names the dossier dialog shows for the core's templates, sections, groupings…

Marked with QT_TRANSLATE_NOOP (context « DossierOptions ») for lupdate, translated when
shown with :func:`translated`.
"""

from __future__ import annotations

import enum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from seminaire_app.dossiers.model import Grouping, PageSize, Section, Template

TEMPLATE_NAMES = {
    Template.PACK: QT_TRANSLATE_NOOP("DossierOptions", "Participant pack"),
    Template.WORKSHOP: QT_TRANSLATE_NOOP("DossierOptions", "Workshop dossier"),
    Template.BIBLIOGRAPHY: QT_TRANSLATE_NOOP("DossierOptions", "Bibliography"),
    Template.BADGES: QT_TRANSLATE_NOOP("DossierOptions", "Name badges"),
}
SECTION_NAMES = {
    Section.COVER: QT_TRANSLATE_NOOP("DossierOptions", "Co&ver page"),
    Section.CONTENTS: QT_TRANSLATE_NOOP("DossierOptions", "Table of co&ntents"),
    Section.INTRODUCTION: QT_TRANSLATE_NOOP("DossierOptions",
                                            "&Introduction (the edition's notes)"),
    Section.PROGRAMME: QT_TRANSLATE_NOOP("DossierOptions", "Progr&amme"),
    Section.WORKSHOPS: QT_TRANSLATE_NOOP("DossierOptions", "Wor&kshops and reading lists"),
    Section.BIBLIOGRAPHY: QT_TRANSLATE_NOOP("DossierOptions", "Full &bibliography"),
    Section.PARTICIPANTS: QT_TRANSLATE_NOOP("DossierOptions", "List of pa&rticipants"),
    Section.ATTACHMENTS: QT_TRANSLATE_NOOP("DossierOptions", "Attached doc&uments"),
}
GROUPING_NAMES = {
    Grouping.NONE: QT_TRANSLATE_NOOP("DossierOptions", "One list"),
    Grouping.ROLE: QT_TRANSLATE_NOOP("DossierOptions", "By role in the reading list"),
    Grouping.TYPE: QT_TRANSLATE_NOOP("DossierOptions", "By type of document"),
}
PAGE_NAMES = {
    PageSize.A4: QT_TRANSLATE_NOOP("DossierOptions", "A4"),
    PageSize.LETTER: QT_TRANSLATE_NOOP("DossierOptions", "US Letter"),
}


class Source(enum.StrEnum):
    """Where a bibliography's references come from."""

    EDITION = "edition"
    WORKSHOP = "workshop"
    TAG = "tag"
    COLLECTION = "collection"
    SELECTED = "selected"


SOURCE_NAMES = {
    Source.EDITION: QT_TRANSLATE_NOOP("DossierOptions", "The edition's reading lists"),
    Source.WORKSHOP: QT_TRANSLATE_NOOP("DossierOptions", "The workshop's reading list"),
    Source.TAG: QT_TRANSLATE_NOOP("DossierOptions", "The references with the tag"),
    Source.COLLECTION: QT_TRANSLATE_NOOP("DossierOptions", "The references of the collection"),
    Source.SELECTED: QT_TRANSLATE_NOOP("DossierOptions", "The references selected in the table"),
}


def translated(text: str) -> str:
    """One of the names above, in the user's language."""
    return QCoreApplication.translate("DossierOptions", text)
