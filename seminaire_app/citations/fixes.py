"""Our element classes for citeproc-py's style trees: where its CSL engine is fixed.

citeproc-py builds a style as an lxml tree whose elements are its classes (``Text``,
``Names``, ``Group``…). :mod:`.styles` parses the styles with the subclasses here and in
:mod:`.names` instead, for our trees only: citeproc-py itself is not patched. Each class
fixes a defect seen on real references, named in its docstring and in
``docs/citations.md``.
"""

from __future__ import annotations

from typing import Any

from citeproc import model
from citeproc.source import VariableError
from citeproc.string import String

from .base import (
    NS,
    TEXT_TAG,
    TRACE,
    YEAR_SUFFIX_SHOWN,
    Seams,
    cased,
    layout_repressed,
)
from .cites import Layout
from .data import fingerprint, issued_year
from .markup import QUOTE_CLOSE_OFF, QUOTE_CLOSE_ON
from .names import Name, Names, Substitute
from .ordinals import ordinal
from .sorting import collation_key

__all__ = ["ELEMENT_CLASSES", "NS"]


class Text(Seams, model.Text):  # type: ignore[misc]  # citeproc has no type hints
    """Counts the variables it renders (for groups and substitutes); puts markers around
    closing quotes (punctuation moves inside them in English); title-cases terms, which
    are not item data (citeproc-py skips it whenever the item is not English)."""

    def _variable(self, item: Any, context: Any) -> Any:
        variable = self.get("variable")
        generated = variable in self.generated_variables  # year-suffix: never counts
        TRACE.called += not generated
        text = super()._variable(item, context)
        if text and not generated:
            TRACE.rendered += 1
            TRACE.record(TEXT_TAG, variable)
        return text

    def quote(self, string: Any) -> Any:
        if self.get("quotes", "false").lower() != "true":
            return string
        open_quote = self.get_single_term(name="open-quote")
        close_quote = self.get_single_term(name="close-quote")
        return open_quote + string + (QUOTE_CLOSE_ON + str(close_quote) + QUOTE_CLOSE_OFF)

    def case(self, text: Any, language: str | None = None) -> Any:
        text_case = self.get("text-case")
        if text_case == "title" and ("term" in self.attrib or "value" in self.attrib):
            language = "en"
        return cased(super().case, text, language, text_case)


class Label(Seams, model.Label):  # type: ignore[misc]  # citeproc has no type hints
    """« (Éd.) », « (Eds.) », « Trad. »: APA title-cases the role label, and citeproc-py
    skipped it because the label has no language (it only title-cases English items)."""

    def case(self, text: Any, language: str | None = None) -> Any:
        text_case = self.get("text-case")
        return cased(super().case, text, "en" if text_case == "title" else language,
                     text_case)


class Number(Seams, model.Number):  # type: ignore[misc]  # citeproc has no type hints
    """Ordinals from the output locale: « 2ᵉ éd. », « 1ʳᵉ éd. », not « 2nd éd. »
    (citeproc-py fell back to English when French has no ``ordinal-02``)."""

    def process(self, item: Any, context: Any = None, **kwargs: Any) -> Any:
        """citeproc-py's, reading ``collection-number`` & co. (it looked the hyphenated
        name up, so these never printed), and counting for groups."""
        variable = self.get("variable")
        TRACE.called += 1
        TRACE.number_variable = variable
        if variable == "locator":
            variable, value = item.locator.label, item.locator.identifier
        elif variable == "page-first":
            value = item.reference.page
        else:
            value = item.reference[variable.replace("-", "_")]
        text = self._process(value, variable)
        if text:
            TRACE.rendered += 1
            TRACE.record(TEXT_TAG, variable)
        return text

    def format_number(self, number: Any) -> Any:
        form = self.get("form", "numeric")
        if form in ("ordinal", "long-ordinal"):
            try:
                value = int(number)
            except ValueError:
                return number
            return ordinal(self, value, TRACE.number_variable, long=form == "long-ordinal")
        return super().format_number(number)


class Date(Seams, model.Date):  # type: ignore[misc]  # citeproc has no type hints
    """Counts the dates it renders, for groups; writes the year suffix after the year of
    the first issued date of an entry when the style does not place it itself."""

    def process(self, item: Any, variable: Any = None, show_parts: Any = None,
                context: Any = None, **kwargs: Any) -> Any:
        TRACE.called += 1
        text = super().process(item, variable, show_parts, context, **kwargs)
        if text:
            TRACE.rendered += 1
            if (variable or self.get("variable")) == "issued":
                text = self._year_suffix(item, text, context)
        return text

    def is_locale_date(self) -> bool:
        return bool(self.cached(("locale-date", self),
                                lambda: model.Date.is_locale_date(self)))

    def _year_suffix(self, item: Any, text: Any, context: Any) -> Any:
        suffix = item.reference.get("year_suffix")
        if not suffix or self.get_root().seminaire_explicit_year_suffix:
            return text
        scratch = layout_repressed(context if context is not None else self)
        if scratch is None or scratch.get(YEAR_SUFFIX_SHOWN):
            return text
        scratch[YEAR_SUFFIX_SHOWN] = ["issued"]
        year = issued_year(item.reference)
        raw = str(text)
        at = raw.find(year) + len(year) if year and year in raw else len(raw)
        return String(raw[:at] + str(suffix) + raw[at:])


class Group(Seams, model.Group):  # type: ignore[misc]  # citeproc has no type hints
    """CSL's rule: a group vanishes when it calls variables and none gives anything.

    citeproc-py decided from every branch of a ``choose``, taken or not, so APA's
    « (Publication) » (a text value in a group whose variable, ``number``, is empty)
    showed before a thesis genre. Here what was really rendered counts.
    """

    def process(self, item: Any, context: Any = None, **kwargs: Any) -> Any:
        called, rendered = TRACE.called, TRACE.rendered
        delimiter = self.get("delimiter", "")
        output = []
        for child in self.iterchildren():
            try:
                if isinstance(child, model.Choose):
                    text = child.render(item, context=context, delimiter=delimiter, **kwargs)
                else:
                    text = child.render(item, context=context, **kwargs)
            except VariableError:
                continue
            if text is not None:
                output.append(text)
        if output and (TRACE.called == called or TRACE.rendered > rendered):
            return self.join(output)
        raise VariableError


class Key(Seams, model.Key):  # type: ignore[misc]  # citeproc has no type hints
    """Sort keys that sort as a French reader expects: accents, case and ligatures
    ignored (« Éme » with E, « Łapniewska » with L); citeproc-py compared code points."""

    def sort_keys(self, items: Any, context: Any) -> list[Any]:
        cache = self.get_root().seminaire_sort_keys
        if cache is None:
            return [collation_key(key) for key in super().sort_keys(items, context)]
        ident = (self.sourceline, self.get("macro"), self.get("variable"))
        found = [cache.get((ident, fingerprint(item))) for item in items]
        missing = [item for item, key in zip(items, found, strict=True) if key is None]
        computed = iter(super().sort_keys(missing, context) if missing else ())
        keys = []
        for item, key in zip(items, found, strict=True):
            if key is None:
                key = (collation_key(next(computed)),)
                cache.put((ident, fingerprint(item)), key)
            keys.append(key[0])
        return keys


def _plain(base: type) -> type:
    return type(base.__name__, (Seams, base), {"__doc__": base.__doc__})


#: Element classes by CSL tag, for :mod:`.styles`' parser.
ELEMENT_CLASSES: dict[str, type] = {
    "text": Text, "label": Label, "number": Number, "date": Date, "group": Group,
    "names": Names, "name": Name, "substitute": Substitute, "key": Key, "layout": Layout,
    **{tag: _plain(base) for tag, base in (
        ("macro", model.Macro), ("if", model.If), ("else-if", model.Else_If),
        ("else", model.Else), ("date-part", model.Date_Part),
        ("name-part", model.Name_Part), ("et-al", model.Et_Al))},
}
