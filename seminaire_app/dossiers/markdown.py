"""Notes written in Markdown, as paragraphs of a dossier.

The app's note editor writes GitHub-flavoured Markdown with HTML switched off; this
module reads the same text with markdown-it-py (CommonMark, tables, strikethrough) and
walks its syntax tree into ReportLab flowables: headings, paragraphs, code blocks,
bullet, numbered and task lists (nested), block quotes, rules and tables. The text
inside them (emphasis, code, links) is :mod:`.markdown_inline`'s.

User text is data: raw HTML prints as typed and code blocks are escaped like the rest
(:func:`typography.markup`). A note's headings sit below the dossier's own and carry
style names of their own, so that the table of contents, which follows the dossier's
heading styles, never lists them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from markdown_it.tree import SyntaxTreeNode
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.fonts import ps2tt
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Indenter, Paragraph, Spacer, Table, TableStyle
from reportlab.platypus.flowables import HRFlowable

from . import fonts, typography
from .markdown_inline import inline_markup, parser
from .styles import RULE, TABLE_FONT, DossierStyles

MAX_COLUMNS = 8  # a wider table prints one line per row
MAX_INDENT = 12  # ems of nesting (lists, quotes) on each side at most
_CODE_BACKGROUND = colors.HexColor("#f2f2f2")
_BULLETS = ("•", "–", "◦")
_TASK_BOXES = {" ": "☐", "x": "☒", "X": "☒"}
_TASK = re.compile(r"\[([ xX])\](?:\s|$)")
_SURROGATE = re.compile("[\ud800-\udfff]")
_ALIGN = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT}


def note_flowables(body: str, styles: DossierStyles, locale: str,
                   base_level: int = 3) -> list[Flowable]:
    """The flowables of a note written in Markdown, for any text whatever.

    A note's ``#`` heading prints at the dossier's level ``base_level`` (3: under a
    workshop's h2), ``##`` one level below, and so on; none of them enters the table of
    contents or the outline. ``locale`` decides the typography of the prose (curled
    apostrophes in any language, French spacing in French).
    """
    text = _SURROGATE.sub("\ufffd", body)
    tree = SyntaxTreeNode(parser().parse(text))
    renderer = _Renderer(styles, locale, base_level)
    return renderer.blocks(tree.children, _Context(text_style=styles.body))


@dataclass(frozen=True, slots=True)
class _Context:
    text_style: ParagraphStyle  # body, or quote inside a block quote
    indent: float = 0.0  # absolute left indent of the content
    right: float = 0.0  # absolute right indent
    in_list: bool = False
    tight: bool = False


@dataclass(slots=True)
class _Renderer:
    styles: DossierStyles
    locale: str
    base_level: int
    label: tuple[str, float, str] | None = None  # a list item's label waiting for its text
    _cache: dict[tuple[object, ...], ParagraphStyle] = field(default_factory=dict)

    @property
    def size(self) -> float:
        return float(self.styles.body.fontSize)

    def blocks(self, nodes: list[SyntaxTreeNode], ctx: _Context) -> list[Flowable]:
        out: list[Flowable] = []
        for node in nodes:
            out.extend(self.block(node, ctx))
        return out

    def block(self, node: SyntaxTreeNode, ctx: _Context) -> list[Flowable]:
        kind = node.type
        if kind == "paragraph":
            style = self.text_style(ctx)
            return self.paragraph(self.inline(node, style), style, ctx)
        if kind == "heading":
            level = self.base_level + int(node.tag[1:]) - 1 if node.tag[1:].isdigit() else 6
            style = self.heading_style(level)
            return self.paragraph(self.inline(node, style), style, ctx)
        if kind in ("bullet_list", "ordered_list"):
            return self.flush_label(ctx) + self.items(node, ctx)
        if kind == "blockquote":
            quote = replace(ctx, text_style=self.styles.quote,
                            indent=self.deeper(ctx.indent, self.size * 1.6),
                            right=self.deeper(ctx.right, self.size * 1.6))
            return self.flush_label(ctx) + self.blocks(node.children, quote)
        if kind in ("code_block", "fence", "html_block"):
            return self.code(node.content, ctx)
        if kind == "hr":
            rule = HRFlowable(width="100%", thickness=0.5, color=RULE,
                              spaceBefore=self.size * 0.4, spaceAfter=self.size * 0.8)
            return self.flush_label(ctx) + self.indented([rule], ctx)
        if kind == "table":
            return self.flush_label(ctx) + self.indented(self.table(node), ctx)
        if node.children:
            return self.blocks(node.children, ctx)
        return self.paragraph(typography.markup(node.content), self.text_style(ctx), ctx)

    def inline(self, node: SyntaxTreeNode, style: ParagraphStyle) -> str:
        children = node.children[0].children if node.children else []
        return inline_markup(children, self.locale, bold=_is_bold(style))

    # Styles, derived and cached: the names never clash with the dossier's headings.
    def derived(self, base: ParagraphStyle, **changes: object) -> ParagraphStyle:
        key = (base.name, *sorted(changes.items()))
        style = self._cache.get(key)
        if style is None:
            name = f"note-{base.name}-{len(self._cache)}"
            style = self._cache[key] = ParagraphStyle(name, parent=base, **changes)
        return style

    def text_style(self, ctx: _Context) -> ParagraphStyle:
        if ctx.in_list and ctx.text_style is self.styles.body:
            return self.styles.bullet if ctx.tight else self.styles.body_left
        return ctx.text_style

    def heading_style(self, level: int) -> ParagraphStyle:
        if level <= 3:
            return self.derived(self.styles.heading(level), textColor=self.styles.h3.textColor)
        size = self.size
        face = {4: f"{fonts.SANS}-Bold", 5: f"{fonts.SANS}-BoldOblique"}.get(
            level, f"{fonts.SERIF}-Italic")
        return self.derived(self.styles.h3, fontName=face, fontSize=size, leading=size * 1.35,
                            spaceBefore=size * 0.7, spaceAfter=size * 0.25)

    def paragraph(self, text: str, base: ParagraphStyle, ctx: _Context) -> list[Flowable]:
        label, self.label = self.label, None
        if not text.strip() and label is None:
            return []
        changes: dict[str, object] = {"leftIndent": ctx.indent, "rightIndent": ctx.right,
                                      "bulletFontName": base.fontName}
        if ctx.in_list:
            changes["alignment"] = TA_LEFT
        if label is not None:
            changes.update(bulletIndent=label[1], bulletFontName=label[2],
                           bulletFontSize=base.fontSize)
        style = self.derived(base, **changes)
        return [Paragraph(text or typography.NBSP, style,
                          bulletText=label[0] if label else None)]

    def deeper(self, indent: float, step: float) -> float:
        """``indent`` one level in, up to :data:`MAX_INDENT` ems: twenty nested quotes
        still leave room for their text."""
        return max(indent, min(indent + step, self.size * MAX_INDENT))

    def flush_label(self, ctx: _Context) -> list[Flowable]:
        """A label still waiting (an item opening on a list or a quote) on a line of its own."""
        if self.label is None:
            return []
        return self.paragraph("", self.text_style(ctx), ctx)

    def indented(self, flowables: list[Flowable], ctx: _Context) -> list[Flowable]:
        if not flowables or not (ctx.indent or ctx.right):
            return flowables
        return [Indenter(ctx.indent, ctx.right), *flowables, Indenter(-ctx.indent, -ctx.right)]

    def items(self, node: SyntaxTreeNode, ctx: _Context) -> list[Flowable]:
        items = [child for child in node.children if child.type == "list_item"]
        depth = sum(1 for _ in _ancestors(node, ("bullet_list", "ordered_list")))
        if node.type == "ordered_list":
            start = _start(node.attrs.get("start", 1))
            labels = [f"{start + i}{node.markup or '.'}" for i in range(len(items))]
        else:
            labels = [_BULLETS[depth % len(_BULLETS)]] * len(items)
        font = self.text_style(ctx).fontName
        size = self.size
        gap = size * 0.6 + 0.01  # ReportLab pushes the text right when a label ends closer
        widest = max((stringWidth(label, font, size) for label in labels), default=0.0)
        text_at = self.deeper(ctx.indent, max(size * 1.6, size * 0.5 + widest + gap))
        tight = any(p.hidden for item in items for p in item.children if p.type == "paragraph")
        inner = replace(ctx, indent=text_at, in_list=True, tight=tight)
        out: list[Flowable] = []
        for item, label in zip(items, labels, strict=True):
            label_font = font
            task = _task(item.children)
            if task is not None:
                label, label_font = task, fonts.SANS
            # Labels end at the same place: numbers are right-aligned on their dots.
            at = text_at - gap - stringWidth(label, label_font, size)
            self.label = (label, at, label_font)
            out.extend(self.blocks(item.children, inner))
            out.extend(self.flush_label(inner))
        if not ctx.in_list and tight:
            out.append(Spacer(0, size * 0.35))
        return out

    def code(self, text: str, ctx: _Context) -> list[Flowable]:
        lines = text.rstrip("\n").split("\n")
        if not any(line.strip() for line in lines):
            return self.flush_label(ctx)
        kept = [typography.NBSP * (len(line) - len(line.lstrip(" "))) + line.lstrip(" ")
                for line in lines]
        size = self.size
        style = self.derived(self.styles.code, backColor=_CODE_BACKGROUND,
                             borderPadding=size * 0.35, spaceBefore=size * 0.3,
                             spaceAfter=size * 0.9)
        markup = "<br/>".join(typography.markup(line) for line in kept)
        # The code style indents by itself; inside a list or a quote it follows them.
        inner = replace(ctx, indent=max(ctx.indent, float(style.leftIndent)),
                        right=max(ctx.right, size * 0.5))
        return self.paragraph(markup, style, inner)

    def table(self, node: SyntaxTreeNode) -> list[Flowable]:
        """A GitHub table, its columns as wide as their text asks within limits; wider
        than :data:`MAX_COLUMNS`, one line of « a | b | c » per row."""
        rows = [[cell for cell in row.children if cell.type in ("th", "td")]
                for row in _descendants(node, "tr")]
        columns = max((len(row) for row in rows), default=0)
        if not columns:
            return []
        if columns > MAX_COLUMNS:
            return [Paragraph(" | ".join(self.cell(cell).text for cell in row),
                              self.cell(row[0]).style if row else self.styles.table_cell)
                    for row in rows]
        lengths = [max((len(row[i].children[0].content) if i < len(row) and row[i].children
                        else 0) for row in rows) for i in range(columns)]
        weights = [min(max(length, 4), 40) for length in lengths]
        least = 100 / (2 * columns)  # no column narrower than half its fair share
        shares = [max(100 * w / sum(weights), least) for w in weights]
        widths = [f"{100 * share / sum(shares):.2f}%" for share in shares]
        cells = [[self.cell(cell) for cell in row]
                 + [Paragraph("", self.styles.table_cell) for _ in range(columns - len(row))]
                 for row in rows]
        table = Table(cells, colWidths=widths, repeatRows=1, splitInRow=1, hAlign="LEFT",
                      spaceBefore=self.size * 0.3, spaceAfter=self.size * 0.9)
        table.setStyle(TableStyle([
            TABLE_FONT,
            ("GRID", (0, 0), (-1, -1), 0.5, RULE),
            ("BACKGROUND", (0, 0), (-1, 0), _CODE_BACKGROUND),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ]))
        return [table]

    def cell(self, cell: SyntaxTreeNode) -> Paragraph:
        base = self.styles.table_head if cell.type == "th" else self.styles.table_cell
        align = str(cell.attrs.get("style", "")).removeprefix("text-align:")
        style = self.derived(base, alignment=_ALIGN.get(align, TA_LEFT))
        return Paragraph(self.inline(cell, style), style)


def _is_bold(style: ParagraphStyle) -> bool:
    return bool(ps2tt(style.fontName)[1])


def _start(value: object) -> int:
    try:
        return int(str(value))
    except ValueError:
        return 1


def _task(children: list[SyntaxTreeNode]) -> str | None:
    """The box of a task item (« - [ ] à faire »), taken off its text; None otherwise."""
    if not children or children[0].type != "paragraph" or not children[0].children:
        return None
    inline = children[0].children[0].children
    if not inline or inline[0].type != "text":
        return None
    match = _TASK.match(inline[0].content)
    if match is None:
        return None
    token = inline[0].token
    if token is None:
        return None
    token.content = inline[0].content[match.end():]
    return _TASK_BOXES[match.group(1)]


def _ancestors(node: SyntaxTreeNode, kinds: tuple[str, ...]) -> Iterator[SyntaxTreeNode]:
    parent = node.parent
    while parent is not None and not parent.is_root:
        if parent.type in kinds:
            yield parent
        parent = parent.parent


def _descendants(node: SyntaxTreeNode, kind: str) -> Iterator[SyntaxTreeNode]:
    for child in node.children:
        if child.type == kind:
            yield child
        else:
            yield from _descendants(child, kind)
