"""The text inside a Markdown note's blocks, as ReportLab paragraph markup.

Emphasis, code, links, images and bare web addresses become the few tags made here
(``<b>``, ``<i>``, ``<strike>``, ``<font name>``, ``<a href>``, ``<br/>``); everything else
is user text, escaped by :func:`typography.markup`: apostrophes curled in any language,
French spacing too in a French dossier (:func:`typography.spaced`). Links are live for
http, https and mailto only. Code and addresses print as typed, code in the mono font.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal
from xml.sax.saxutils import escape

from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode

from . import fonts, typography
from .styles import LINK

LIVE_SCHEMES = ("http://", "https://", "mailto:")
_LINK_COLOUR = "#" + LINK.hexval()[2:]
# A bare address in the text, as GitHub and the editor's preview make live; the
# punctuation that usually ends a sentence is trimmed off its end below.
_BARE_URL = re.compile(r"(?:https?://|www\.)[^\s<>«»]+", re.IGNORECASE)
_TRAILING = ".,;:!?*_~'\"’»"
_SPACES = re.compile(r" {2,}")
# A named font drops the bold around it: bold code names the bold face itself.
_CODE = f'<font name="{fonts.MONO}">'
_BOLD_CODE = f'<font name="{fonts.MONO}-Bold">'


@functools.cache
def parser() -> MarkdownIt:
    """CommonMark with GitHub's tables and strikethrough; raw HTML stays text."""
    return MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])


@dataclass(frozen=True, slots=True)
class _Atom:
    """A piece of paragraph: prose (typography applied), literal text, or a tag made here."""

    kind: Literal["prose", "literal", "tag"]
    value: str



def _is_live(href: str) -> bool:
    return href.lower().startswith(LIVE_SCHEMES)


def _link_open(href: str) -> _Atom:
    return _Atom("tag", f'<a href="{escape(href, {chr(34): "&quot;"})}" color="{_LINK_COLOUR}">')


def _bare_links(text: str, live: bool = True) -> Iterator[_Atom]:
    """``text`` with its bare web addresses as typed, made live unless ``live`` is false
    (inside a link's own text)."""
    position = 0
    for match in _BARE_URL.finditer(text):
        url = match.group(0).rstrip(_TRAILING)
        if url.endswith(")") and url.count("(") < url.count(")"):
            url = url[:-1]
        if len(url) <= len("www.") or url.lower() in ("http://", "https://"):
            continue
        yield _Atom("prose", text[position:match.start()])
        if live:
            href = url if "://" in url else f"http://{url}"
            yield _link_open(parser().normalizeLink(href))
        yield _Atom("literal", url)
        if live:
            yield _Atom("tag", "</a>")
        position = match.start() + len(url)
    yield _Atom("prose", text[position:])


def _inline_atoms(nodes: list[SyntaxTreeNode], in_link: bool = False) -> Iterator[_Atom]:
    for node in nodes:
        kind = node.type
        if kind == "text":
            yield from _bare_links(node.content, live=not in_link)
        elif kind == "softbreak":
            yield _Atom("prose", " ")
        elif kind == "hardbreak":
            yield _Atom("tag", "<br/>")
        elif kind == "code_inline":
            yield _Atom("tag", _CODE)
            yield _Atom("literal", node.content)
            yield _Atom("tag", "</font>")
        elif kind in ("strong", "em", "s"):
            tag = {"strong": "b", "em": "i", "s": "strike"}[kind]
            yield _Atom("tag", f"<{tag}>")
            yield from _inline_atoms(node.children, in_link)
            yield _Atom("tag", f"</{tag}>")
        elif kind == "link":
            yield from _link_atoms(node, in_link)
        elif kind == "image":
            yield from _image_atoms(node, in_link)
        elif node.children:
            yield from _inline_atoms(node.children, in_link)
        else:  # html_inline (HTML is off, but the text stays text whatever comes)
            yield _Atom("literal", node.content)


def _link_atoms(node: SyntaxTreeNode, in_link: bool) -> Iterator[_Atom]:
    href = str(node.attrs.get("href", ""))
    live = _is_live(href) and not in_link
    if live:
        yield _link_open(href)
    if node.markup == "autolink":
        yield from (_Atom("literal", child.content) for child in node.children)
    elif node.children:
        yield from _inline_atoms(node.children, in_link=True)
    else:
        yield _Atom("literal", href)
    if live:
        yield _Atom("tag", "</a>")


def _image_atoms(node: SyntaxTreeNode, in_link: bool) -> Iterator[_Atom]:
    """An image is not fetched: its description prints, in italics, live when it can be."""
    src = str(node.attrs.get("src", ""))
    live = _is_live(src) and not in_link
    if live:
        yield _link_open(src)
    yield _Atom("tag", "<i>")
    yield from (_inline_atoms(node.children, in_link=True) if node.children
                else [_Atom("literal", src)])
    yield _Atom("tag", "</i>")
    if live:
        yield _Atom("tag", "</a>")


def _merged(atoms: Iterator[_Atom]) -> list[_Atom]:
    merged: list[_Atom] = []
    for atom in atoms:
        if not atom.value:
            continue
        if merged and atom.kind == "prose" and merged[-1].kind == "prose":
            merged[-1] = _Atom("prose", merged[-1].value + atom.value)
        else:
            merged.append(atom)
    return merged


def _spaced(text: str, before: str, after: str, locale: str) -> str:
    """``text`` spaced for ``locale`` seen between the characters around it (« l'**ESS** »,
    « *mot* : suite »), falling back to the piece alone when the context itself moves."""
    spaced = typography.spaced(before + text + after, locale)
    if spaced.startswith(before) and spaced.endswith(after):
        return spaced[len(before):len(spaced) - len(after)]
    return typography.spaced(text, locale)


def inline_markup(nodes: list[SyntaxTreeNode], locale: str, bold: bool = False) -> str:
    """Paragraph markup of an inline node's children: escaped text and our tags only.

    Prose is spaced for ``locale`` (:func:`typography.spaced`); code and addresses are
    literal. ``bold`` tells that the paragraph's own font is bold (a heading), for its code.
    """
    atoms = _merged(_inline_atoms(nodes))
    out: list[str] = []
    strong = 0  # <b> open around the atom
    for index, atom in enumerate(atoms):
        if atom.kind == "tag":
            strong += {"<b>": 1, "</b>": -1}.get(atom.value, 0)
            out.append(_BOLD_CODE if atom.value == _CODE and (bold or strong) else atom.value)
            continue
        if atom.kind == "literal":
            out.append(typography.markup(atom.value))
            continue
        text = _spaced(_SPACES.sub(" ", atom.value), _neighbour(atoms, index, -1),
                       _neighbour(atoms, index, 1), locale)
        out.append(typography.markup(text))
    return "".join(out)


def _neighbour(atoms: list[_Atom], index: int, step: int) -> str:
    """The text character next to ``atoms[index]`` across our tags (a line break ends it)."""
    index += step
    while 0 <= index < len(atoms):
        atom = atoms[index]
        if atom.kind != "tag":
            return atom.value[0] if step > 0 else atom.value[-1]
        if atom.value == "<br/>":
            return ""
        index += step
    return ""

