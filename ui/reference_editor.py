"""The detail pane of a reference: fields that follow its type, creators, tags, key.

The pane never writes: it emits what the user changed and the window turns it into an
undoable command (and reloads the pane from the core afterwards).

Signals: ``edit_requested(Reference, dict)`` — field name → new value (CSL names,
"creators", "type", "citation-key"); ``tags_requested(Reference, list)`` — the tags the
reference should now have.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QStringListModel, Qt, Signal, Slot
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from seminaire_app.domain import Creator, Reference

from . import labels
from .creators_editor import CreatorsEditor
from .reference_table import item_type_name

#: The types offered in the type menu first (all CSL types are accepted).
COMMON_TYPES = ("book", "chapter", "article-journal", "report", "webpage", "thesis",
                "paper-conference", "speech", "document", "article-newspaper",
                "article-magazine", "manuscript", "dataset", "legislation", "interview")

_DEFAULT_FIELDS = ("container-title", "publisher", "publisher-place", "DOI", "URL")
TYPE_FIELDS: dict[str, tuple[str, ...]] = {
    "book": ("edition", "publisher", "publisher-place", "collection-title", "volume",
             "number-of-pages", "ISBN", "URL"),
    "chapter": ("container-title", "publisher", "publisher-place", "page", "ISBN", "DOI"),
    "article-journal": ("container-title", "volume", "issue", "page", "DOI", "ISSN", "URL"),
    "article-newspaper": ("container-title", "page", "URL"),
    "article-magazine": ("container-title", "volume", "issue", "page", "URL"),
    "report": ("genre", "number", "publisher", "publisher-place", "collection-title", "URL",
               "DOI"),
    "webpage": ("container-title", "URL", "accessed"),
    "thesis": ("genre", "publisher", "publisher-place", "URL"),
    "paper-conference": ("container-title", "event-title", "event-place", "publisher",
                         "publisher-place", "page", "DOI"),
    "speech": ("event-title", "event-place", "event-date", "genre", "URL"),
}
TRAILING_FIELDS = ("language",)
field_label = labels.field


class TagsCompleter(QCompleter):
    """Completes the last tag of a comma-separated list."""

    def splitPath(self, path: str) -> list[str]:  # noqa: N802 - Qt's name
        return [path.split(",")[-1].strip()]

    def pathFromIndex(self, index: QModelIndex) -> str:  # noqa: N802 - Qt's name
        widget = self.widget()
        text = widget.text() if isinstance(widget, QLineEdit) else ""
        head = text.rsplit(",", 1)[0] + ", " if "," in text else ""
        return head + str(index.data())


class ReferenceEditor(QWidget):
    edit_requested = Signal(object, dict)
    tags_requested = Signal(object, list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ref: Reference | None = None
        self._inputs: dict[str, QLineEdit | QPlainTextEdit] = {}
        self.form = QFormLayout(self)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.type_combo = QComboBox()
        for item_type in COMMON_TYPES:
            self.type_combo.addItem(item_type_name(item_type), item_type)
        self.type_combo.activated.connect(self._on_type_combo_activated)
        self.creators = CreatorsEditor()
        self.creators.edited.connect(self._on_creators_edited)
        self.tags = QLineEdit()
        self.tags.setPlaceholderText(self.tr("Tags, separated by commas"))
        self._tag_names = QStringListModel()
        completer = TagsCompleter(self._tag_names, self.tags)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.tags.setCompleter(completer)
        self.tags.editingFinished.connect(self._on_tags_editing_finished)
        self.empty = QLabel(self.tr("Select a reference to see its details."))
        self.empty.setWordWrap(True)
        self.set_reference(None)

    def set_known_tags(self, names: list[str]) -> None:
        self._tag_names.setStringList(names)

    @property
    def reference(self) -> Reference | None:
        return self._ref

    # --- layout ----------------------------------------------------------------------
    def set_reference(self, ref: Reference | None) -> None:
        """Show ``ref`` (or nothing); rebuilds the form when the type changed."""
        same_layout = (ref is not None and self._ref is not None
                       and ref.item_type == self._ref.item_type and self._inputs)
        self._ref = ref
        if not same_layout:
            self._rebuild()
        if ref is not None:
            self._fill(ref)

    def _rebuild(self) -> None:
        while self.form.rowCount():
            self.form.takeRow(0)
        for widget in self._inputs.values():
            widget.deleteLater()
        self._inputs = {}
        ref = self._ref
        for widget in (self.type_combo, self.creators, self.tags, self.empty):
            widget.hide()
        if ref is None:
            self.empty.show()
            self.form.addRow(self.empty)
            return
        if self.type_combo.findData(ref.item_type) < 0:
            self.type_combo.addItem(item_type_name(ref.item_type), ref.item_type)
        self.type_combo.show()
        self.form.addRow(self.tr("&Type"), self.type_combo)
        self._add_line("title", self.tr("T&itle"))
        self.creators.show()
        self.form.addRow(self.tr("Creators"), self.creators)
        self._add_line("issued", self.tr("&Date"), self.tr("2017, 2017-11 or 2017-11-23"))
        fields = TYPE_FIELDS.get(ref.item_type, _DEFAULT_FIELDS) + TRAILING_FIELDS
        extra = [f for f in ref.fields if f not in fields and f not in ("abstract", "note")]
        for name in (*fields, *extra):
            self._add_line(name, field_label(name, ref.item_type))
        self._add_text("abstract", field_label("abstract"))
        self._add_text("note", field_label("note"))
        self.tags.show()
        self.form.addRow(self.tr("Ta&gs"), self.tags)
        self._add_line("citation-key", self.tr("Citation &key"))

    def _add_line(self, name: str, label: str, placeholder: str = "") -> None:
        edit = QLineEdit()
        edit.setObjectName(f"field-{name}")
        edit.setPlaceholderText(placeholder)
        edit.editingFinished.connect(lambda n=name: self._on_field_edited(n))
        self._inputs[name] = edit
        self.form.addRow(label, edit)

    def _add_text(self, name: str, label: str) -> None:
        edit = _FocusOutText()
        edit.setObjectName(f"field-{name}")
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(70)
        edit.focus_lost.connect(lambda n=name: self._on_field_edited(n))
        self._inputs[name] = edit
        self.form.addRow(label, edit)

    def _fill(self, ref: Reference) -> None:
        self.type_combo.setCurrentIndex(self.type_combo.findData(ref.item_type))
        for name, widget in self._inputs.items():
            value = self._stored(ref, name)
            if isinstance(widget, QLineEdit):
                widget.setText(value)
                widget.setCursorPosition(0)
            else:
                widget.setPlainText(value)
        self.creators.set_creators(ref.creators)
        self.tags.setText(", ".join(ref.tags))

    @staticmethod
    def _stored(ref: Reference, name: str) -> str:
        if name == "title":
            return ref.title
        if name == "issued":
            return ref.issued
        if name == "citation-key":
            return ref.citation_key
        return ref.fields.get(name, "")

    def field(self, name: str) -> QLineEdit | QPlainTextEdit:
        return self._inputs[name]

    # --- edits -------------------------------------------------------------------------
    def _on_field_edited(self, name: str) -> None:
        ref = self._ref
        widget = self._inputs.get(name)
        if ref is None or widget is None:
            return
        value = widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()
        if value.strip() != self._stored(ref, name).strip():
            self.edit_requested.emit(ref, {name: value})

    @Slot(int)
    def _on_type_combo_activated(self, _index: int) -> None:
        ref = self._ref
        new_type = self.type_combo.currentData()
        if ref is not None and new_type != ref.item_type:
            self.edit_requested.emit(ref, {"type": new_type})

    @Slot(tuple)
    def _on_creators_edited(self, creators: tuple[Creator, ...]) -> None:
        if self._ref is not None and creators != self._ref.creators:
            self.edit_requested.emit(self._ref, {"creators": creators})

    @Slot()
    def _on_tags_editing_finished(self) -> None:
        ref = self._ref
        if ref is None:
            return
        wanted = list(dict.fromkeys(t.strip() for t in self.tags.text().split(",")
                                    if t.strip()))
        if [t.casefold() for t in wanted] != [t.casefold() for t in ref.tags]:
            self.tags_requested.emit(ref, wanted)


class _FocusOutText(QPlainTextEdit):
    focus_lost = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt's name
        super().focusOutEvent(event)
        self.focus_lost.emit()
