"""What keeps the dossier options from making a document, said before the core would.

The dialog disables its build, save and print buttons and shows :func:`missing`'s
sentence instead, so that the core's own refusals (ValidationError) are not met.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from seminaire_app.dossiers.model import Section, Template

from .dossier_names import Source

if TYPE_CHECKING:
    from .dossier_options import DossierOptions


def missing(options: DossierOptions) -> str:
    """Why the options cannot make a document; empty when they can."""
    translate = QCoreApplication.translate
    choices = options.choices
    template, year = options.current_template(), options.year()
    source = options.current_source()
    bibliography = template is Template.BIBLIOGRAPHY
    uses_edition = not bibliography or source in (Source.EDITION, Source.WORKSHOP)
    if uses_edition and year is None:
        return translate("DossierOptions", "Create an edition first (Seminar → New edition…).")
    uses_workshop = template is Template.WORKSHOP or (bibliography
                                                      and source is Source.WORKSHOP)
    if uses_workshop and options.workshop_number() is None:
        return translate("DossierOptions", "This edition has no workshop yet.")
    if bibliography and source in (Source.TAG, Source.COLLECTION) \
            and not options.source_value.currentData():
        if source is Source.TAG:
            return translate("DossierOptions", "The library has no tag yet.")
        return translate("DossierOptions", "The library has no collection yet.")
    if bibliography and source is Source.COLLECTION and not any(
            c.count for c in choices.collections
            if c.path == options.source_value.currentData()):
        return translate("DossierOptions", "This collection holds no reference.")
    # A table of contents alone lists nothing: the core would have no page to make.
    if template in (Template.PACK, Template.WORKSHOP) \
            and not options.request().sections - {Section.CONTENTS}:
        return translate("DossierOptions",
                         "Tick at least one part of the document under “Contents”.")
    registered = choices.registrations.get(year or 0, [])
    if template is Template.WORKSHOP and options.is_batch():
        number = options.workshop_number()
        registered = [r for r in registered if number in r.workshops]
        if not registered:
            return translate("DossierOptions", "Nobody takes part in this workshop yet.")
    if (template is Template.BADGES or options.is_batch()) and not registered:
        return translate("DossierOptions", "Nobody is registered to this edition yet.")
    return ""
