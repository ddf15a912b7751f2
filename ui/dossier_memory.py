"""The dossier options remembered between runs, and those the sidebar's place preselects.

:func:`saved_options` is what :class:`~ui.dossier_options.DossierOptions` keeps (as JSON,
see :mod:`ui.dossier_build`); :func:`restore` sets the options back from it, keeping the
defaults of what it does not know (a section added since), the dossier's language
being the interface's (:func:`interface_locale`) until one is chosen; :func:`apply_context`
then preselects the edition, the workshop or the bibliography's source the sidebar shows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLocale

from seminaire_app.dossiers.model import Template

from .dossier_flow import DossierContext
from .dossier_names import Source
from .option_fields import select

if TYPE_CHECKING:
    from .dossier_options import DossierOptions

#: Check boxes kept under these keys. « combined_pdf »: the combined PDF once depended on
#: the folder of copies (and was kept as « combined »); alone now, it starts unticked.
_BOXES = {"emails": "emails", "append_pdfs": "append_pdfs",
          "per_participant": "per_participant", "combined_pdf": "combined"}


_PICKED = "seminaire_picked"  # a property of the locale combo: chosen by the user


def interface_locale() -> str:
    """The dossier locale of the interface's language (:func:`ui.i18n.install` makes it
    the default QLocale): French → "fr-FR", any other → "en-US"."""
    return "fr-FR" if QLocale().language() == QLocale.Language.French else "en-US"


def restore(options: DossierOptions, saved: dict[str, Any]) -> None:
    def text(key: str) -> str:
        return str(saved.get(key, "") or "")

    # The dossier speaks the interface's language until the user picks one, remembered
    # under its own key (« locale », saved at every close by earlier versions, is not).
    picked = text("picked_locale")
    options.locale.setProperty(_PICKED, bool(picked) and select(options.locale, picked))
    if not options.locale.property(_PICKED):
        select(options.locale, interface_locale())
    options.locale.activated.connect(lambda _index: options.locale.setProperty(_PICKED, True))
    for combo, key in ((options.template, "template"), (options.style, "style"),
                       (options.page_size, "page_size"),
                       (options.grouping, "grouping"), (options.source, "source")):
        value = text(key)
        if value and (combo is not options.source or value != Source.SELECTED):
            select(combo, value)
    if isinstance(saved.get("sections"), list):
        chosen = {str(s) for s in saved["sections"]}
        known = {str(s) for s in saved.get("known_sections", chosen)}
        for section, box in options.sections.items():
            if section.value in known:  # a section new since then keeps its default
                box.setChecked(section.value in chosen)
    for key, name in _BOXES.items():
        if key in saved:
            getattr(options, name).setChecked(bool(saved[key]))
    if isinstance(saved.get("year"), int) and select(options.edition, saved["year"]):
        options.fill_for_edition()
        if isinstance(saved.get("workshop"), int):
            select(options.workshop, saved["workshop"])
    options.fill_source_values()
    select(options.source_value, text("source_value"))


def apply_context(options: DossierOptions, context: DossierContext) -> None:
    if context.year is not None and select(options.edition, context.year):
        options.fill_for_edition()
    if context.workshop is not None:
        select(options.workshop, context.workshop)
        if options.current_template() is Template.BIBLIOGRAPHY:
            select(options.source, Source.WORKSHOP.value)
        else:
            select(options.template, Template.WORKSHOP.value)
    elif context.tag or context.collection:
        select(options.template, Template.BIBLIOGRAPHY.value)
        select(options.source, Source.TAG.value if context.tag else Source.COLLECTION.value)
        options.fill_source_values()
        select(options.source_value, context.tag or context.collection)
    elif context.selected and options.current_template() is Template.BIBLIOGRAPHY:
        select(options.source, Source.SELECTED.value)


def saved_options(options: DossierOptions) -> dict[str, Any]:
    """The options to remember (not the participant: a pack for one person is a one-off)."""
    return {"template": options.current_template().value, "year": options.year(),
            "workshop": options.workshop_number(), "style": options.style.currentData(),
            "picked_locale": (options.locale.currentData()
                              if options.locale.property(_PICKED) else ""),
            "page_size": options.page_size.currentData(),
            "grouping": options.grouping.currentData(),
            "source": options.current_source().value,
            "source_value": options.source_value.currentData() or "",
            "sections": [s.value for s, box in options.sections.items() if box.isChecked()],
            "known_sections": [s.value for s in options.sections],
            **{key: getattr(options, name).isChecked() for key, name in _BOXES.items()}}
