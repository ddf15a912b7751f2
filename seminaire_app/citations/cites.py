"""In-text citations: the order of the cites, and how they collapse.

citeproc-py put cites in bibliography order whatever the style said, and collapsed
nothing. Here, as CSL says:

- cites keep the order they are given in unless the citation has a ``sort`` (APA);
- ``collapse="year"``: cites with the same names are grouped, the names written once:
  « (Le Rameau 2017a, 2017b; Ostrom 1990) » (``year-suffix`` variants collapse as
  ``year``); without a sort, a cite moves next to the first one with the same names;
- ``collapse="citation-number"``: runs of three or more numbers become a range,
  « (1–3; 5) »;
- ``cite-group-delimiter`` (default « , ») joins a group, ``after-collapse-delimiter``
  follows a collapsed group.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from citeproc import model
from citeproc.source import VariableError

from . import punctuation
from .base import TRACE, Seams
from .markup import strip_markers

_YEARS = ("year", "year-suffix", "year-suffix-ranged")


@dataclass
class _Cite:
    item: Any
    text: Any
    names: str  # the text of its first names element ("" when it has none)


@dataclass
class _Group:
    texts: list[Any]
    collapsed: bool = False  # written shorter than its cites: after-collapse-delimiter


class Layout(Seams, model.Layout):  # type: ignore[misc]  # citeproc has no type hints
    """The layout of citations and bibliographies; citations are rendered here."""

    def render_citation(self, citation: Any, callback: Any) -> Any:
        parent = self.getparent()
        items = [cite for cite in citation.cites if not cite.is_bad()]
        if parent.sort is not None:
            items = parent.sort.sort(items, self)
        cites = []
        for item in items:
            cite = self._cite(item)
            if cite is not None:
                cites.append(cite)
                parent.cites.append(item)
        collapse = parent.get("collapse")
        if collapse in _YEARS:
            groups = self._by_names(cites, sorted_=parent.sort is not None)
        elif collapse == "citation-number":
            groups = self._by_numbers(cites)
        else:
            groups = [_Group([cite.text]) for cite in cites]
        groups += [_Group([callback(cite) or f"{cite.key}?"])
                   for cite in citation.cites if cite.is_bad()]
        return self.format(self.wrap(self._join(groups)))

    def _cite(self, item: Any, without_names: bool = False) -> _Cite | None:
        self.repressed: dict[str, list[str]] = {}
        TRACE.capturing, TRACE.names_seen = True, None
        TRACE.suppress_names = without_names
        try:
            output = self.render_children(item)
        except VariableError:
            output = None
        finally:
            TRACE.capturing = TRACE.suppress_names = False
        if output is None:
            return None
        text = punctuation.concat(punctuation.concat(item.get("prefix", ""), output),
                                  item.get("suffix", ""))
        return _Cite(item, text, TRACE.names_seen or "")

    def _by_names(self, cites: list[_Cite], sorted_: bool) -> list[_Group]:
        if not sorted_:  # a cite joins the first one with the same names
            first: dict[str, int] = {}
            keyed = []
            for i, cite in enumerate(cites):
                keyed.append((first.setdefault(cite.names or f"\0{i}", i), i, cite))
            cites = [cite for _, _, cite in sorted(keyed, key=lambda k: k[:2])]
        groups: list[_Group] = []
        previous = None
        for cite in cites:
            if cite.names and cite.names == previous:
                short = self._cite(cite.item, without_names=True)
                groups[-1].texts.append(short.text if short is not None else cite.text)
                groups[-1].collapsed = True
            else:
                groups.append(_Group([cite.text]))
            previous = cite.names
        return groups

    def _by_numbers(self, cites: list[_Cite]) -> list[_Group]:
        runs: list[list[tuple[int | None, Any]]] = []
        for cite in cites:
            number = cite.item.number
            if strip_markers(str(cite.text)).strip() != str(number):
                number = None  # a locator or an affix: not part of a range
            last = runs[-1][-1][0] if runs else None
            if number is not None and last is not None and number == last + 1:
                runs[-1].append((number, cite.text))
            else:
                runs.append([(number, cite.text)])
        groups: list[_Group] = []
        for run in runs:
            if len(run) >= 3:
                dash = self.unicode_character("EN DASH")
                groups.append(_Group([punctuation.concat(punctuation.concat(run[0][1], dash),
                                                         run[-1][1])], collapsed=True))
            else:
                groups.extend(_Group([text]) for _, text in run)
        return groups

    def _join(self, groups: list[_Group]) -> Any:
        parent = self.getparent()
        delimiter = self.get("delimiter", "")
        within = parent.get("cite-group-delimiter", ", ")
        after = parent.get("after-collapse-delimiter", delimiter)
        out: Any = None
        collapsed = False
        for group in groups:
            text = punctuation.join(group.texts, within)
            if out is None:
                out = text
            else:
                out = punctuation.concat(punctuation.concat(out, after if collapsed
                                                            else delimiter), text)
            collapsed = group.collapsed
        return out if out is not None else ""
