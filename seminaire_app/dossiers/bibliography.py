"""Formatted references in a dossier: reading lists with their annotations, and full
bibliographies, optionally grouped by reading role or by document type.

The citation engine runs once per build, over every reference the dossier shows
(:func:`format_references`): a reference then reads the same in a workshop's reading
list and in the bibliography, year suffixes (« 2017a ») and numbers agree across the
document, and the slow part (citeproc, a few ms a reference) is never repeated.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import quote, urlsplit
from xml.sax.saxutils import escape

from reportlab.platypus import Flowable, Paragraph

from ..citations import Run, rich_bibliography, style_language
from ..domain import ReadingEntry, ReadingRole, Reference, ReferenceId
from .document import Heading
from .labels import TYPE_GROUPS, Labels, type_group
from .model import Grouping
from .styles import LINK, DossierStyles
from .typography import markup, typeset

SMALL_CAPS_SIZE = "-1.5"  # points, relative: ReportLab has no small capitals
LINK_COLOUR = "#" + LINK.hexval()[2:]
#: What a link keeps as typed: the characters with a meaning in an address, and « % ».
_URL_SAFE = ":/?#[]@!$&'()*+,;=%~"


def link_target(url: str) -> str:
    """``url`` as a PDF link needs it, in 7-bit ASCII (ReportLab would write other
    characters in Latin-1 or UTF-16, and viewers open a wrong address): a non-ASCII host
    name in Punycode, other non-ASCII characters, spaces, quotes and angle brackets
    percent-encoded as UTF-8. What is already percent-encoded stays as it is."""
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:  # a malformed address: encoded all the same
        host = ""
    if not host.isascii():
        with contextlib.suppress(UnicodeError):
            url = url.replace(host, host.encode("idna").decode("ascii"), 1)
    return quote(url, safe=_URL_SAFE)


def runs_markup(runs: Sequence[Run]) -> str:
    """Paragraph markup for a formatted entry: every run's text escaped, then wrapped."""
    parts = []
    for run in runs:
        text = run.text.upper() if run.small_caps else run.text
        out = markup(text)
        if run.small_caps:
            out = f'<font size="{SMALL_CAPS_SIZE}">{out}</font>'
        if run.superscript:
            out = f"<super>{out}</super>"
        if run.subscript:
            out = f"<sub>{out}</sub>"
        if run.bold:
            out = f"<b>{out}</b>"
        if run.italic:
            out = f"<i>{out}</i>"
        if run.link:
            href = escape(link_target(run.link), {'"': "&quot;"})
            out = f'<a href="{href}" color="{LINK_COLOUR}">{out}</a>'
        parts.append(out)
    return "".join(parts)


@dataclass(frozen=True, slots=True)
class FormattedReferences:
    """Entries as paragraph markup by reference, and the style's order of them."""

    markup: Mapping[ReferenceId, str]
    order: tuple[ReferenceId, ...]

    def entry(self, ref: Reference) -> str:
        """The entry of ``ref``; a reference the style leaves out of bibliographies
        (Chicago's classics) still shows, as its creators, title and year."""
        found = self.markup.get(ref.id)
        if found is not None:
            return found
        names = "; ".join(c.display() for c in ref.creators)
        head = f"{markup(names)}. " if names else ""
        year = f" ({markup(ref.issued[:4])})" if ref.issued else ""
        return f"{head}<i>{markup(ref.title)}</i>{year}."

    def sort(self, refs: Sequence[Reference]) -> list[Reference]:
        """``refs`` in the style's order; those without an entry at the end."""
        rank = {rid: i for i, rid in enumerate(self.order)}
        return sorted(refs, key=lambda r: rank.get(r.id, len(rank)))


def format_references(refs: Sequence[Reference], style: str, locale: str) -> FormattedReferences:
    """Run the citation engine once over ``refs`` (ValidationError for an unknown style).

    A style written for one language keeps it whatever the dossier's language, as in
    Zotero: an English pack in ISO 690 (French) reads « [Consulté le 16 octobre 2017] »,
    not « [Consulté le 16 October 2017] »."""
    formatted = rich_bibliography(refs, style, style_language(style) or locale)
    return FormattedReferences({ref.id: runs_markup(runs) for ref, runs in formatted},
                               tuple(ref.id for ref, _ in formatted))


# --- reading lists ---------------------------------------------------------------------

def reading_list(entries: Sequence[ReadingEntry], formatted: FormattedReferences,
                 styles: DossierStyles, labels: Labels, locale: str) -> list[Flowable]:
    """A workshop's reading list: one heading per role in use (required, background,
    produced), the entries in the list's order, each with its annotation under it."""
    if not entries:
        return [Paragraph(markup(labels.no_references), styles.muted)]
    out: list[Flowable] = []
    for role in ReadingRole:
        chosen = [e for e in entries if e.role == role]
        if not chosen:
            continue
        out.append(Paragraph(markup(labels.roles[role]), styles.h3))
        for entry in sorted(chosen, key=lambda e: e.position):
            out += _entry(formatted.entry(entry.reference), entry.annotation, styles,
                          locale)
    return out


def _entry(entry_markup: str, annotation: str, styles: DossierStyles,
           locale: str) -> list[Flowable]:
    paragraph = Paragraph(entry_markup, styles.entry)
    if not annotation.strip():
        return [paragraph]
    # The annotation never starts a page on its own, away from its entry. Not with a
    # KeepTogether: a heading's keepWithNext does not hold on to one, and would be left
    # alone at the foot of a page; a chain of keepWithNext keeps all three together.
    paragraph.keepWithNext = 1
    return [paragraph, Paragraph(typeset(annotation.strip(), locale), styles.annotation)]


# --- bibliographies --------------------------------------------------------------------

Group = tuple[str, list[Reference]]


def _groups(refs: Sequence[Reference], grouping: Grouping, labels: Labels,
            roles: Mapping[ReferenceId, ReadingRole]) -> list[Group]:
    """``refs`` divided as asked; one unnamed group when undivided or when no reference
    has what the grouping divides by (roles of a tag's references)."""
    name: Callable[[Reference], str]
    if grouping == Grouping.ROLE and any(r.id in roles for r in refs):
        order = [labels.roles[role] for role in ReadingRole] + [labels.others]

        def name(ref: Reference) -> str:
            role = roles.get(ref.id)
            return labels.others if role is None else labels.roles[role]
    elif grouping == Grouping.TYPE:
        order = [labels.type_groups[key] for key, _ in TYPE_GROUPS]
        order.append(labels.type_groups["others"])

        def name(ref: Reference) -> str:
            return labels.type_groups[type_group(ref.item_type)]
    else:
        return [("", list(refs))]
    buckets: dict[str, list[Reference]] = {group: [] for group in order}
    for ref in refs:
        buckets[name(ref)].append(ref)
    return [(group, members) for group, members in buckets.items() if members]


def bibliography(refs: Sequence[Reference], formatted: FormattedReferences,
                 styles: DossierStyles, labels: Labels, grouping: Grouping = Grouping.NONE,
                 roles: Mapping[ReferenceId, ReadingRole] | None = None,
                 annotations: Mapping[ReferenceId, str] | None = None,
                 locale: str = "fr-FR", toc_level: int = 1) -> list[Flowable]:
    """The entries of ``refs`` in the style's order, under a heading per group (listed in
    the contents at ``toc_level``) when grouped; annotations under their entries."""
    if not refs:
        return [Paragraph(markup(labels.no_references), styles.muted)]
    annotations = annotations or {}
    out: list[Flowable] = []
    for name, members in _groups(formatted.sort(refs), grouping, labels, roles or {}):
        if name:
            out.append(Heading(name, styles.h2, toc_level=toc_level))
        for ref in members:
            out += _entry(formatted.entry(ref), annotations.get(ref.id, ""), styles, locale)
    return out
