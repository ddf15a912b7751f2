"""``cite``: an in-text citation or the bibliography entries of references.

    seminaire cite REF… [--style S] [--locale fr-FR|en-US] [--format text|html]
                        [--bibliography]

Without ``--bibliography``, one line: the citation of the references together, as the
style cites them (« (Le Rameau 2017; Ostrom 1990) »). With it, one line per entry, in
the style's order. ``--json`` prints both, with the style and locale used.
"""

from __future__ import annotations

import argparse

from .. import citations
from ..services import references
from .context import Context, Subparsers, add_command


def register(sub: Subparsers) -> None:
    parser = add_command(sub, "cite", cmd_cite,
                         "format references: an in-text citation or a bibliography")
    parser.add_argument("refs", nargs="+", metavar="REF", help="citation key or id")
    parser.add_argument("--style", choices=list(citations.STYLES),
                        default=citations.DEFAULT_STYLE,
                        help=f"citation style (default: {citations.DEFAULT_STYLE})")
    parser.add_argument("--locale", choices=list(citations.LOCALES),
                        default=citations.DEFAULT_LOCALE,
                        help=f"language of terms and dates (default: {citations.DEFAULT_LOCALE})")
    parser.add_argument("--format", dest="fmt", choices=("text", "html"), default="text",
                        help="plain text or HTML (default: text)")
    parser.add_argument("--bibliography", action="store_true",
                        help="print the bibliography entries instead of the citation")


def cmd_cite(ctx: Context, args: argparse.Namespace) -> int:
    refs = [references.get(ctx.lib, ref) for ref in args.refs]
    style, locale, fmt = args.style, args.locale, args.fmt
    entries = (citations.bibliography(refs, style, locale, fmt)
               if args.bibliography or ctx.json else [])
    cited = (citations.citation(refs, style, locale, fmt)
             if not args.bibliography or ctx.json else "")
    data = {"style": style, "locale": locale, "format": fmt, "citation": cited,
            "bibliography": entries}
    ctx.emit(data, entries if args.bibliography else [cited])
    return 0
