"""The options of the dossier dialog: what to build, for whom, how it looks, what it holds.

:class:`DossierOptions` turns its fields into the core's :class:`DossierRequest`; fields
that mean nothing for the chosen template are disabled. What the sidebar shows
(:class:`~.dossier_flow.DossierContext`) preselects the edition, the workshop or the
bibliography's source; the other choices are remembered between runs
(:meth:`DossierOptions.saved`).

Signals of :class:`DossierOptions`: ``changed()`` — any option changed.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

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
from .dossier_flow import DossierChoices, DossierContext
from .dossier_names import (
    GROUPING_NAMES,
    PAGE_NAMES,
    SECTION_NAMES,
    SOURCE_NAMES,
    TEMPLATE_NAMES,
    Source,
    translated,
)


def _combo(name: str) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(name)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(18)
    return combo


def _select(combo: QComboBox, value: object) -> bool:
    index = combo.findData(value)
    if index >= 0:
        combo.setCurrentIndex(index)
    return index >= 0


class DossierOptions(QWidget):
    """The left column of the dossier dialog."""

    changed = Signal()

    def __init__(self, choices: DossierChoices, context: DossierContext,
                 saved: Mapping[str, Any] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choices, self.context = choices, context
        self._make_fields()
        self._lay_out()
        self._fill_static()
        self._restore(dict(saved or {}))
        self._apply_context(context)
        self._connect()
        self._update_enabled()

    # --- fields ---------------------------------------------------------------------------
    def _make_fields(self) -> None:
        self.template = _combo(self.tr("Template"))
        self.edition = _combo(self.tr("Edition"))
        self.workshop = _combo(self.tr("Workshop"))
        self.participant = _combo(self.tr("Participant"))
        self.per_participant = QCheckBox(self.tr("One personal copy per participant, in a "
                                                 "fol&der"))
        self.per_participant.setToolTip(self.tr(
            "A copy with their name on the cover for each registered participant (each "
            "participant of the workshop, for a workshop dossier), one file each, in the "
            "folder you choose when saving."))
        self.combined = QCheckBox(self.tr("And all the copies in &one PDF, ready to print"))
        self.source = _combo(self.tr("References"))
        self.source_value = _combo(self.tr("Tag or collection"))
        self.style = _combo(self.tr("Citation style"))
        self.locale = _combo(self.tr("Language"))
        self.page_size = _combo(self.tr("Page size"))
        self.grouping = _combo(self.tr("Grouping"))
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
        what.addRow("", self._indented(self.combined))
        self._buddy(what, source_row, self.source)
        look = QFormLayout()
        look.addRow(self.tr("Citation st&yle:"), self.style)
        look.addRow(self.tr("&Language:"), self.locale)
        look.addRow(self.tr("Page si&ze:"), self.page_size)
        look.addRow(self.tr("&Grouping:"), self.grouping)
        contents = QVBoxLayout()
        for section, box in self.sections.items():
            contents.addWidget(box)
            if section is Section.PARTICIPANTS:
                contents.addWidget(self._indented(self.emails))
            elif section is Section.ATTACHMENTS:
                contents.addWidget(self._indented(self.append_pdfs))
        self._align_labels(what, look)
        self.what_box = self._group(self.tr("Document"), what)
        self.look_box = self._group(self.tr("Presentation"), look)
        self.contents_box = self._group(self.tr("Contents"), contents)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for box in (self.what_box, self.look_box, self.contents_box):
            layout.addWidget(box)
        layout.addStretch(1)

    @staticmethod
    def _buddy(form: QFormLayout, row: QHBoxLayout, widget: QWidget) -> None:
        label = form.labelForField(row)
        if isinstance(label, QLabel):  # a layout row gets no buddy by itself
            label.setBuddy(widget)

    @staticmethod
    def _align_labels(*forms: QFormLayout) -> None:
        """One width for the labels of every form: the fields line up across groups."""
        labels = [item.widget() for form in forms for row in range(form.rowCount())
                  if (item := form.itemAt(row, QFormLayout.ItemRole.LabelRole)) is not None
                  and item.widget() is not None]
        width = max((label.sizeHint().width() for label in labels), default=0)
        for label in labels:
            label.setMinimumWidth(width)

    @staticmethod
    def _indented(widget: QWidget) -> QWidget:
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(22, 0, 0, 0)
        row.addWidget(widget)
        return holder

    @staticmethod
    def _group(title: str, layout: QFormLayout | QVBoxLayout) -> QGroupBox:
        box = QGroupBox(title)
        box.setLayout(layout)
        return box

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
        self._fill_for_edition()

    def _source_item(self, source: Source) -> QStandardItem:
        model = self.source.model()
        assert isinstance(model, QStandardItemModel)
        item = model.item(self.source.findData(source.value))
        assert item is not None
        return item

    def _fill_for_edition(self) -> None:
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
        _select(self.workshop, keep_workshop)
        _select(self.participant, keep_participant)
        for combo in (self.workshop, self.participant):
            combo.blockSignals(False)

    def _fill_source_values(self) -> None:
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
        _select(self.source_value, keep)
        self.source_value.blockSignals(False)

    # --- remembered options and the context ------------------------------------------------
    def _restore(self, saved: dict[str, Any]) -> None:
        def text(key: str) -> str:
            return str(saved.get(key, "") or "")

        for combo, key in ((self.template, "template"), (self.style, "style"),
                           (self.locale, "locale"), (self.page_size, "page_size"),
                           (self.grouping, "grouping"), (self.source, "source")):
            value = text(key)
            if value and (combo is not self.source or value != Source.SELECTED):
                _select(combo, value)
        if isinstance(saved.get("sections"), list):
            chosen = {str(s) for s in saved["sections"]}
            known = {str(s) for s in saved.get("known_sections", chosen)}
            for section, box in self.sections.items():
                if section.value in known:  # a section new since then keeps its default
                    box.setChecked(section.value in chosen)
        for box, key in ((self.emails, "emails"), (self.append_pdfs, "append_pdfs"),
                         (self.per_participant, "per_participant"),
                         (self.combined, "combined")):
            if key in saved:
                box.setChecked(bool(saved[key]))
        if isinstance(saved.get("year"), int) and _select(self.edition, saved["year"]):
            self._fill_for_edition()
            if isinstance(saved.get("workshop"), int):
                _select(self.workshop, saved["workshop"])
        self._fill_source_values()
        _select(self.source_value, text("source_value"))

    def _apply_context(self, context: DossierContext) -> None:
        if context.year is not None and _select(self.edition, context.year):
            self._fill_for_edition()
        if context.workshop is not None:
            _select(self.workshop, context.workshop)
            if self.current_template() is Template.BIBLIOGRAPHY:
                _select(self.source, Source.WORKSHOP.value)
            else:
                _select(self.template, Template.WORKSHOP.value)
        elif context.tag or context.collection:
            _select(self.template, Template.BIBLIOGRAPHY.value)
            _select(self.source, Source.TAG.value if context.tag else Source.COLLECTION.value)
            self._fill_source_values()
            _select(self.source_value, context.tag or context.collection)
        elif context.selected and self.current_template() is Template.BIBLIOGRAPHY:
            _select(self.source, Source.SELECTED.value)

    def saved(self) -> dict[str, Any]:
        """The options to remember (not the participant: a pack for one person is a
        one-off)."""
        return {"template": self.current_template().value, "year": self.year(),
                "workshop": self.workshop_number(), "style": self.style.currentData(),
                "locale": self.locale.currentData(), "page_size": self.page_size.currentData(),
                "grouping": self.grouping.currentData(), "source": self.current_source().value,
                "source_value": self.source_value.currentData() or "",
                "sections": [s.value for s, box in self.sections.items() if box.isChecked()],
                "known_sections": [s.value for s in self.sections],
                "emails": self.emails.isChecked(), "append_pdfs": self.append_pdfs.isChecked(),
                "per_participant": self.per_participant.isChecked(),
                "combined": self.combined.isChecked()}

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
        self._fill_for_edition()
        self._on_structure_changed()

    @Slot(int)
    def _on_source_current_index_changed(self, _index: int) -> None:
        self._fill_source_values()
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
        self.edition.setEnabled(needs_edition and self.edition.count() > 1)
        self.workshop.setEnabled(template is Template.WORKSHOP
                                 or (bibliography and source is Source.WORKSHOP))
        self.source.setEnabled(bibliography)
        self.source_value.setEnabled(bibliography and source in (Source.TAG, Source.COLLECTION))
        self.participant.setEnabled(flowing and not batch)
        self.per_participant.setEnabled(flowing)
        self.combined.setEnabled(batch)
        self.style.setEnabled(template is not Template.BADGES)
        self.grouping.setEnabled(bibliography)
        for box in self.sections.values():
            box.setEnabled(flowing)
        if batch:  # the cover carries the participant's name: personal copies keep it
            self.sections[Section.COVER].setChecked(True)
            self.sections[Section.COVER].setEnabled(False)
        self.contents_box.setEnabled(flowing)
        self.emails.setEnabled(flowing and self.sections[Section.PARTICIPANTS].isChecked())
        self.append_pdfs.setEnabled(flowing and self.sections[Section.ATTACHMENTS].isChecked())

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
        """One pack per participant (into a folder, and perhaps one PDF of all)."""
        return (self.current_template() in (Template.PACK, Template.WORKSHOP)
                and self.per_participant.isChecked())

    def wants_combined(self) -> bool:
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
        options, choices = self, self.choices
        template, year = options.current_template(), options.year()
        source = options.current_source()
        uses_edition = template is not Template.BIBLIOGRAPHY or source in (Source.EDITION,
                                                                           Source.WORKSHOP)
        if uses_edition and year is None:
            return self.tr("Create an edition first (Seminar → New edition…).")
        uses_workshop = template is Template.WORKSHOP or (
            template is Template.BIBLIOGRAPHY and source is Source.WORKSHOP)
        if uses_workshop and options.workshop_number() is None:
            return self.tr("This edition has no workshop yet.")
        if template is Template.BIBLIOGRAPHY and source in (Source.TAG, Source.COLLECTION) \
                and not options.source_value.currentData():
            return (self.tr("The library has no tag yet.") if source is Source.TAG
                    else self.tr("The library has no collection yet."))
        if template is Template.BIBLIOGRAPHY and source is Source.COLLECTION and not any(
                c.count for c in choices.collections
                if c.path == options.source_value.currentData()):
            return self.tr("This collection holds no reference.")
        registered = choices.registrations.get(year or 0, [])
        if template is Template.WORKSHOP and options.is_batch():
            number = options.workshop_number()
            registered = [r for r in registered if number in r.workshops]
            if not registered:
                return self.tr("Nobody takes part in this workshop yet.")
        if (template is Template.BADGES or options.is_batch()) and not registered:
            return self.tr("Nobody is registered to this edition yet.")
        return ""

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
        _select(self.template, template.value)

    def set_workshop(self, number: int) -> None:
        _select(self.workshop, number)

    def focus_first(self) -> None:
        self.template.setFocus(Qt.FocusReason.OtherFocusReason)
