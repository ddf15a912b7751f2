"""The options of the dossier dialog: what to build, for whom, how it looks, what it holds.

:class:`DossierOptions` turns its fields into the core's :class:`DossierRequest`; fields
that mean nothing for the chosen template are disabled. What the sidebar shows
(:class:`~.dossier_flow.DossierContext`) preselects the edition, the workshop or the
bibliography's source; the other choices are remembered between runs
(:mod:`ui.dossier_memory`). Personal copies go into a folder, into one PDF, or both:
unticking both makes one dossier again, never copies to nowhere. :meth:`missing` says
why the options cannot make a document (:mod:`ui.dossier_checks`).

Signals of :class:`DossierOptions`: ``changed()`` — any option changed.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCheckBox, QFormLayout, QHBoxLayout, QVBoxLayout, QWidget

from seminaire_app import citations
from seminaire_app.dossiers.model import (
    DEFAULT_SECTIONS,
    DossierRequest,
    Grouping,
    PageSize,
    Section,
    Selection,
    Template,
)

from .bibliography import locale_name, style_name
from .dossier_checks import missing
from .dossier_flow import DossierChoices, DossierContext
from .dossier_memory import apply_context, restore, saved_options
from .dossier_names import (
    GROUPING_NAMES,
    PAGE_NAMES,
    SECTION_NAMES,
    SOURCE_NAMES,
    TEMPLATE_NAMES,
    Source,
    translated,
)
from .option_fields import (
    align_labels,
    group,
    indented,
    make_combo,
    select,
    set_buddy,
    set_tab_order,
    show_whole_items,
)


class DossierOptions(QWidget):
    """The left column of the dossier dialog."""

    changed = Signal()

    def __init__(self, choices: DossierChoices, context: DossierContext,
                 saved: Mapping[str, Any] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choices, self.context = choices, context
        self._bibliography_kept: bool | None = None  # its tick, while the box is forced off
        self._make_fields()
        self._lay_out()
        self._fill_static()
        restore(self, dict(saved or {}))
        apply_context(self, context)
        self._connect()
        self._update_enabled()

    # --- fields ---------------------------------------------------------------------------
    def _make_fields(self) -> None:
        self.template = make_combo(self.tr("Template"))
        self.edition = make_combo(self.tr("Edition"))
        self.workshop = make_combo(self.tr("Workshop"))
        self.participant = make_combo(self.tr("Participant"))
        self.per_participant = QCheckBox(self.tr("One personal copy per participant, in a "
                                                 "fol&der"))
        self.per_participant.setToolTip(self.tr(
            "A copy with their name on the cover for each registered participant (each "
            "participant of the workshop, for a workshop dossier), one file each, in the "
            "folder you choose when saving."))
        self.combined = QCheckBox(self.tr("All the personal copies in &one PDF, ready to "
                                          "print"))
        self.combined.setToolTip(self.tr(
            "The same copies one after the other in a single file, each starting on an "
            "odd page for double-sided printing, with a bookmark for each participant."))
        self.source = make_combo(self.tr("References"))
        self.source_value = make_combo(self.tr("Tag or collection"))
        self.style = make_combo(self.tr("Citation style"))
        self.locale = make_combo(self.tr("Language"))
        self.page_size = make_combo(self.tr("Page size"))
        self.grouping = make_combo(self.tr("Grouping"))
        # Every section the core knows, in its order (a new one shows untranslated).
        self.sections = {section: QCheckBox(translated(SECTION_NAMES.get(section,
                                                                         section.value)))
                         for section in Section}
        self.emails = QCheckBox(self.tr("With e-&mail addresses"))
        self.append_pdfs = QCheckBox(self.tr("Append the attac&hed PDFs"))
        self.append_pdfs.setToolTip(self.tr(
            "Attached PDFs are added after the dossier, each with a bookmark; other files "
            "are only listed."))

    def _lay_out(self) -> None:
        what = QFormLayout()
        what.addRow(self.tr("&Template:"), self.template)
        what.addRow(self.tr("&Edition:"), self.edition)
        what.addRow(self.tr("&Workshop:"), self.workshop)
        source_row = QHBoxLayout()
        source_row.addWidget(self.source, 3)
        source_row.addWidget(self.source_value, 2)
        what.addRow(self.tr("Re&ferences:"), source_row)
        what.addRow(self.tr("Parti&cipant:"), self.participant)
        what.addRow("", self.per_participant)
        what.addRow("", self.combined)
        set_buddy(what, source_row, self.source)
        look = QFormLayout()
        look.addRow(self.tr("Citation st&yle:"), self.style)
        look.addRow(self.tr("&Language:"), self.locale)
        look.addRow(self.tr("Page si&ze:"), self.page_size)
        look.addRow(self.tr("&Grouping:"), self.grouping)
        contents = QVBoxLayout()
        for section, box in self.sections.items():
            contents.addWidget(box)
            if section is Section.PARTICIPANTS:
                contents.addWidget(indented(self.emails))
            elif section is Section.ATTACHMENTS:
                contents.addWidget(indented(self.append_pdfs))
        align_labels(what, look)
        self.what_box = group(self.tr("Document"), what)
        self.look_box = group(self.tr("Presentation"), look)
        self.contents_box = group(self.tr("Contents"), contents)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for box in (self.what_box, self.look_box, self.contents_box):
            layout.addWidget(box)
        layout.addStretch(1)
        set_tab_order(self.focus_chain())

    def focus_chain(self) -> list[QWidget]:
        """Every field in the order it is shown, the order Tab follows."""
        contents: list[QWidget] = []
        for section, box in self.sections.items():
            contents.append(box)
            if section is Section.PARTICIPANTS:
                contents.append(self.emails)
            elif section is Section.ATTACHMENTS:
                contents.append(self.append_pdfs)
        return [self.template, self.edition, self.workshop, self.source, self.source_value,
                self.participant, self.per_participant, self.combined, self.style,
                self.locale, self.page_size, self.grouping, *contents]

    def _fill_static(self) -> None:
        for template, name in TEMPLATE_NAMES.items():
            self.template.addItem(translated(name), template.value)
        for edition in self.choices.editions:
            self.edition.addItem(f"{edition.year} — {edition.title}", edition.year)
        for source, name in SOURCE_NAMES.items():
            self.source.addItem(translated(name), source.value)
        if not self.context.selected:
            self._source_item(Source.SELECTED).setEnabled(False)
        else:
            self.source.setItemText(self.source.findData(Source.SELECTED.value), self.tr(
                "The references selected in the table (%n)", "", len(self.context.selected)))
        for style in citations.STYLES:
            self.style.addItem(style_name(style), style)
        for locale in citations.LOCALES:
            self.locale.addItem(locale_name(locale), locale)
        for size, name in PAGE_NAMES.items():
            self.page_size.addItem(translated(name), size.value)
        for grouping, name in GROUPING_NAMES.items():
            self.grouping.addItem(translated(name), grouping.value)
        for section, box in self.sections.items():
            box.setChecked(section in DEFAULT_SECTIONS)
        self.append_pdfs.setChecked(True)
        for combo in (self.edition, self.source):
            show_whole_items(combo)
        self.fill_for_edition()

    def _source_item(self, source: Source) -> QStandardItem:
        model = self.source.model()
        assert isinstance(model, QStandardItemModel)
        item = model.item(self.source.findData(source.value))
        assert item is not None
        return item

    def fill_for_edition(self) -> None:
        """The workshops and participants of the chosen edition."""
        year = self.year()
        keep_workshop = self.workshop.currentData()
        keep_participant = self.participant.currentData()
        for combo in (self.workshop, self.participant):
            combo.blockSignals(True)
            combo.clear()
        for ws in self.choices.workshops.get(year or 0, []):
            self.workshop.addItem(self.tr("Workshop {n} — {title}").format(n=ws.number,
                                                                          title=ws.title),
                                  ws.number)
        self.participant.addItem(self.tr("Nobody in particular"), 0)
        for reg in self.choices.registrations.get(year or 0, []):
            person = reg.participant
            name = person.display()
            if person.organisation:
                name = self.tr("{name} ({organisation})").format(
                    name=name, organisation=person.organisation)
            self.participant.addItem(name, person.id)
        select(self.workshop, keep_workshop)
        select(self.participant, keep_participant)
        for combo in (self.workshop, self.participant):
            show_whole_items(combo)
            combo.blockSignals(False)

    def fill_source_values(self) -> None:
        source = self.current_source()
        keep = self.source_value.currentData()
        self.source_value.blockSignals(True)
        self.source_value.clear()
        if source is Source.TAG:
            for tag in self.choices.tags:
                self.source_value.addItem(f"{tag.name} ({tag.count})", tag.name)
        elif source is Source.COLLECTION:
            for coll in self.choices.collections:
                self.source_value.addItem(coll.path.replace("/", " › "), coll.path)
        select(self.source_value, keep)
        show_whole_items(self.source_value)
        self.source_value.blockSignals(False)

    def saved(self) -> dict[str, Any]:
        """The options to remember between runs (the bibliography's own tick, not the
        one a workshop dossier forces off)."""
        options = saved_options(self)
        if self._bibliography_kept:
            options["sections"].append(Section.BIBLIOGRAPHY.value)
        return options

    # --- wiring ---------------------------------------------------------------------------
    def _connect(self) -> None:
        self.template.currentIndexChanged.connect(self._on_structure_changed)
        self.edition.currentIndexChanged.connect(self._on_edition_current_index_changed)
        self.source.currentIndexChanged.connect(self._on_source_current_index_changed)
        for combo in (self.workshop, self.participant, self.source_value, self.style,
                      self.locale, self.page_size, self.grouping):
            combo.currentIndexChanged.connect(self._on_structure_changed)
        for box in (*self.sections.values(), self.emails, self.append_pdfs,
                    self.per_participant, self.combined):
            box.toggled.connect(self._on_structure_changed)

    @Slot(int)
    def _on_edition_current_index_changed(self, _index: int) -> None:
        self.fill_for_edition()
        self._on_structure_changed()

    @Slot(int)
    def _on_source_current_index_changed(self, _index: int) -> None:
        self.fill_source_values()
        self._on_structure_changed()

    def _on_structure_changed(self, *_args: object) -> None:
        """Any option changed (connected to signals of several signatures)."""
        self._update_enabled()
        self.changed.emit()

    def _update_enabled(self) -> None:
        for combo in (self.workshop, self.participant, self.source_value):
            combo.setToolTip(combo.currentText())  # long titles are cut in the combo
        template = self.current_template()
        flowing = template in (Template.PACK, Template.WORKSHOP)
        bibliography = template is Template.BIBLIOGRAPHY
        source = self.current_source()
        batch = self.is_batch()
        needs_edition = not bibliography or source in (Source.EDITION, Source.WORKSHOP)
        self.edition.setEnabled(needs_edition)  # one edition only: shown, not greyed
        self.workshop.setEnabled(template is Template.WORKSHOP
                                 or (bibliography and source is Source.WORKSHOP))
        self.source.setEnabled(bibliography)
        self.source_value.setEnabled(bibliography and source in (Source.TAG, Source.COLLECTION))
        self.participant.setEnabled(flowing and not batch)
        self.per_participant.setEnabled(flowing)
        self.combined.setEnabled(flowing)
        self.style.setEnabled(template is not Template.BADGES)
        self.grouping.setEnabled(bibliography)
        for box in self.sections.values():
            box.setEnabled(flowing)
        self._force_bibliography_off(template is Template.WORKSHOP
                                     and self.sections[Section.WORKSHOPS].isChecked())
        if batch:  # the cover carries the participant's name: personal copies keep it
            self.sections[Section.COVER].setChecked(True)
            self.sections[Section.COVER].setEnabled(False)
        self.contents_box.setEnabled(flowing)
        self.emails.setEnabled(flowing and self.sections[Section.PARTICIPANTS].isChecked())
        self.append_pdfs.setEnabled(flowing and self.sections[Section.ATTACHMENTS].isChecked())

    def _force_bibliography_off(self, forced: bool) -> None:
        """A workshop dossier's reading list, in its chapter, is never printed again as a
        bibliography: the box is then unticked, disabled, and its tick kept for later."""
        box = self.sections[Section.BIBLIOGRAPHY]
        if forced:
            if self._bibliography_kept is None:
                self._bibliography_kept = box.isChecked()
                box.setChecked(False)
            box.setEnabled(False)
            box.setToolTip(self.tr(
                "A workshop dossier prints the workshop's reading list in its chapter, not "
                "a second time as a bibliography. Untick the workshops and reading lists "
                "to print the reading list as a bibliography instead."))
        elif self._bibliography_kept is not None:
            kept, self._bibliography_kept = self._bibliography_kept, None
            box.setToolTip("")
            box.setChecked(kept)

    # --- reading the options --------------------------------------------------------------
    def current_template(self) -> Template:
        return Template(str(self.template.currentData()))

    def current_source(self) -> Source:
        return Source(str(self.source.currentData()))

    def year(self) -> int | None:
        data = self.edition.currentData()
        return int(data) if data is not None else None

    def workshop_number(self) -> int | None:
        data = self.workshop.currentData()
        return int(data) if data is not None else None

    def participant_id(self) -> int | None:
        data = self.participant.currentData()
        return int(data) if data else None

    def is_batch(self) -> bool:
        """One pack per participant (into a folder, or one PDF of all, or both)."""
        return (self.current_template() in (Template.PACK, Template.WORKSHOP)
                and (self.per_participant.isChecked() or self.combined.isChecked()))

    def wants_folder(self) -> bool:
        """Personal copies, one file each in a folder."""
        return self.is_batch() and self.per_participant.isChecked()

    def wants_combined(self) -> bool:
        """Personal copies, all in one PDF."""
        return self.is_batch() and self.combined.isChecked()

    def selection(self) -> Selection:
        source, value = self.current_source(), str(self.source_value.currentData() or "")
        if source is Source.EDITION:
            return Selection(edition_year=self.year())
        if source is Source.WORKSHOP:
            year, number = self.year(), self.workshop_number()
            return Selection(workshop=(year, number) if year is not None and number is not None
                             else None)
        if source is Source.TAG:
            return Selection(tag=value)
        if source is Source.COLLECTION:
            return Selection(collection=value)
        return Selection(references=tuple(str(i) for i in self.context.selected))

    def missing(self) -> str:
        """Why the options cannot make a document; empty when they can."""
        return missing(self)

    def request(self) -> DossierRequest:
        """The request the options describe."""
        template = self.current_template()
        flowing = template in (Template.PACK, Template.WORKSHOP)
        bibliography = template is Template.BIBLIOGRAPHY
        sections = frozenset(s for s, box in self.sections.items() if box.isChecked())
        year = self.year()
        if bibliography and self.current_source() not in (Source.EDITION, Source.WORKSHOP):
            year = None
        return DossierRequest(
            template=template, year=year,
            workshop=self.workshop_number() if template is Template.WORKSHOP else None,
            participant_id=self.participant_id() if flowing and not self.is_batch() else None,
            style=str(self.style.currentData()), locale=str(self.locale.currentData()),
            page_size=PageSize(str(self.page_size.currentData())),
            sections=sections if flowing else DEFAULT_SECTIONS,
            include_emails=flowing and Section.PARTICIPANTS in sections
            and self.emails.isChecked(),
            attachments=flowing and Section.ATTACHMENTS in sections
            and self.append_pdfs.isChecked(),
            grouping=Grouping(str(self.grouping.currentData())) if bibliography
            else Grouping.NONE,
            selection=self.selection() if bibliography else Selection())

    def describe(self) -> str:
        """A short name for the document: window titles and default file names."""
        template, year = self.current_template(), self.year()
        if template is Template.WORKSHOP:
            return self.workshop.currentText() or self.tr("Workshop dossier")
        if template is Template.BADGES:
            return self.tr("Badges {year}").format(year=year or "")
        if template is Template.BIBLIOGRAPHY:
            source = self.current_source()
            what = {Source.EDITION: str(year or ""), Source.WORKSHOP: self.workshop.currentText(),
                    Source.TAG: self.source_value.currentData() or "",
                    Source.COLLECTION: self.source_value.currentText(),
                    Source.SELECTED: self.tr("selection")}[source]
            return self.tr("Bibliography — {what}").format(what=what)
        if self.participant_id() is not None and not self.is_batch():
            name = next((r.participant.display()
                         for r in self.choices.registrations.get(year or 0, [])
                         if r.participant.id == self.participant_id()), "")
            return self.tr("Participant pack {year} — {name}").format(year=year or "",
                                                                       name=name)
        return self.tr("Participant pack {year}").format(year=year or "")

    def set_template(self, template: Template) -> None:
        select(self.template, template.value)

    def set_workshop(self, number: int) -> None:
        select(self.workshop, number)

    def focus_first(self) -> None:
        self.template.setFocus(Qt.FocusReason.OtherFocusReason)
