"""Our element classes for names: substitutes, inherited formats, initials.

See :mod:`.fixes` for how they replace citeproc-py's classes in our style trees (and
:mod:`.data` for particles such as « d’ »).
"""

from __future__ import annotations

from typing import Any

from citeproc import model
from citeproc.source import VariableError

from . import punctuation
from .base import NAMES_TAG, TRACE, Seams, layout_repressed


class Names(Seams, model.Names):  # type: ignore[misc]  # citeproc has no type hints
    """Names that a ``substitute`` already printed stay out of the rest of the entry.

    citeproc-py only suppressed substituted text variables, so APA printed the editor
    twice: « Müller, F. (Éd.). (2023). Titre (F. Müller, Éd.). ». A shorthand
    ``<names variable="editor"/>`` in a substitute takes its name format and label from
    the names element it stands for, also inside a ``choose`` (Chicago).
    """

    def process(self, item: Any, names_context: Any = None, context: Any = None,
                **kwargs: Any) -> Any:
        """The names, or what substitutes for them; in a citation, the first names
        element is noted (or left out) for :mod:`.cites`' « (Doe 2000, 2001) »."""
        TRACE.names_depth += 1
        try:
            if TRACE.names_depth == 1 and TRACE.suppress_names:
                TRACE.suppress_names = False  # the first names element only
                TRACE.called += 1
                return None
            text = self._names(item, names_context, context, **kwargs)
        finally:
            TRACE.names_depth -= 1
        if TRACE.names_depth == 0 and TRACE.capturing and TRACE.names_seen is None:
            TRACE.names_seen = str(text) if text is not None else ""
        return text

    def _names(self, item: Any, names_context: Any = None, context: Any = None,
               **kwargs: Any) -> Any:
        if context is None:
            context = self
        if names_context is None or len(self):
            names_context = self
        TRACE.called += 1
        repressed = layout_repressed(context) or {}
        gone = {role for entry in repressed.get(NAMES_TAG, ()) for role in entry.split()}
        roles = [role for role in self.get("variable").split() if role not in gone]
        reference = item.reference
        ed_trans = (set(roles) == {"editor", "translator"} and "editor" in reference
                    and reference.get("editor") == reference.get("translator")
                    and self.get_term("editortranslator") is not None)
        if ed_trans:
            roles = ["editor"]
        output, shown = [], []
        for role in roles:
            if role.replace("-", "_") not in reference:
                continue
            output.append(self._one_role(item, role, names_context, context, ed_trans, kwargs))
            shown.append(role)
        if output:
            if all(isinstance(text, int) for text in output):  # form="count"
                total = sum(output)
                return str(total) if total > 0 else None
            TRACE.rendered += 1
            for role in shown:
                TRACE.record(NAMES_TAG, role)
            return self.join(output, self.get_parent_delimiter(context))
        substitute = self.substitute()
        if substitute is None:
            raise VariableError
        return substitute.render(item, context=context, **kwargs)

    def get_parent_delimiter(self, context: Any = None) -> Any:
        return self.citation_or_bibliography(context).get_option("names-delimiter")

    def _one_role(self, item: Any, role: str, names_context: Any, context: Any,
                  ed_trans: bool, kwargs: dict[str, Any]) -> Any:
        name_elem = names_context.name
        text = name_elem.render(item, role.replace("-", "_"), context=context, **kwargs)
        label_elem = names_context.label
        if label_elem is None or isinstance(text, int):
            return text
        plural = len(item.reference[role.replace("-", "_")]) > 1
        label = label_elem.render(item, "editortranslator" if ed_trans else role, plural,
                                  **kwargs)
        if label is None:
            return text
        if label_elem is names_context.getchildren()[0]:
            return punctuation.concat(label, text)
        return punctuation.concat(text, label)


class Name(Seams, model.Name):  # type: ignore[misc]  # citeproc has no type hints
    """``initialize="false"``: full given names (Chicago), which citeproc-py ignored."""

    def initialize(self, given: Any, mark: Any, context: Any) -> Any:
        if self._inherited("initialize", context) == "false":
            return given
        return super().initialize(given, mark, context)

    def _inherited(self, attribute: str, context: Any) -> str | None:
        value: str | None = self.get(attribute)
        if value is None:
            value = self.citation_or_bibliography(context).get(attribute)
        if value is None:
            value = self.get_root().get(attribute)
        return value

    def get_option(self, name: str, context: Any = None, sort_options: Any = None) -> Any:
        """citeproc-py's, with the enclosing citation or bibliography looked up once."""
        if sort_options is not None and name in sort_options:
            value = sort_options[name]
        else:
            parent = self.citation_or_bibliography(context)
            inherited = "name-" + name if name in ("form", "delimiter") else name
            value = self.get(name, parent.get_option(inherited))
        if name in ("initialize-with-hyphen", "et-al-use-last"):
            return str(value).lower() == "true"
        if name.startswith("et-al"):
            return int(value)
        return value


class Substitute(Seams, model.Substitute):  # type: ignore[misc]  # citeproc has no types
    """The first child that gives something wins, and what it printed (names or text,
    found at any depth, inside ``choose`` too) is suppressed for the rest of the entry."""

    def render(self, item: Any, context: Any = None, **kwargs: Any) -> Any:
        names = self.getparent()
        kwargs.pop("names_context", None)
        for child in self.iterchildren():
            TRACE.recording.append(set())
            try:
                text = child.render(item, names_context=names, context=context, **kwargs)
            except VariableError:
                text = None
            finally:
                used = TRACE.recording.pop()
            if text:
                repressed: dict[str, list[str]] | None = layout_repressed(context)
                if repressed is not None:
                    for tag, variable in used:
                        repressed.setdefault(tag, []).append(variable)
                return text
        return None
