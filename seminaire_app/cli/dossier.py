"""``dossier``: the PDFs the team prints before a seminar.

    seminaire dossier --edition YEAR -o pack.pdf                  # the participant pack
    seminaire dossier --edition YEAR --participant ID -o pack.pdf  # personalised
    seminaire dossier --edition YEAR --per-participant DIR         # one file each in DIR
    seminaire dossier --edition YEAR --per-participant DIR -o all.pdf  # and all in one
    seminaire dossier --edition YEAR --combined -o all.pdf         # all in one, no DIR
    seminaire dossier --template workshop --workshop YEAR/N -o atelier.pdf
    seminaire dossier --template bibliography [--tag T] [--collection C]
                      [--workshop YEAR/N] [--edition YEAR] [REF…] -o biblio.pdf
    seminaire dossier --template badges --edition YEAR -o badges.pdf

Personal packs (a pack or workshop dossier with each participant's name on its cover):
``--per-participant DIR`` writes one file per participant into DIR; ``-o all.pdf``
besides it also writes all of them, one after the other, into that one PDF;
``--combined -o all.pdf`` writes only that PDF, with no folder. Whenever personal packs
are built, ``-o`` is thus the PDF that holds them all, and ``--combined`` only says to
build them when no folder is given (with one, it changes nothing).

Options: ``--style`` and ``--locale`` (as ``cite``), ``--page-size A4|Letter``,
``--sections cover,contents,…``, ``--participants-list`` (``--emails`` to show
e-mails in it), ``--group-by none|role|type``, ``--no-attachments``. A workshop
dossier prints the workshop's reading list in its chapter: it takes the ``bibliography``
section only without the ``workshops`` one (then the reading list prints as a
bibliography). ``--tag`` and ``--collection`` name a tag or a collection as the search
does, case and accents ignored (``--tag cooperation`` is « Coopération »); an unknown
one is an error that names the nearest ones.

It prints what it wrote (each file, the page count; the combined PDF of
``--per-participant DIR -o all.pdf`` on a line of its own, since its pages repeat the
packs'). An attached file that cannot be appended (missing, password-protected, corrupt,
or not a PDF) is listed inside the dossier and reported on stderr as a warning: the
dossier is still complete, so the exit status stays 0. Options that contradict each
other, or do not apply to the template, exit with status 2, as argparse does; what the
core refuses (no such edition…) with status 1. On a terminal, progress shows on stderr;
Ctrl+C stops the build at its next step and leaves no partial file (exit status 130, as
for any interrupted command).
"""

from __future__ import annotations

import argparse
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import Any, TextIO

from .. import citations
from ..dossiers.model import (
    DEFAULT_SECTIONS,
    AttachmentProblem,
    DossierReport,
    DossierRequest,
    Grouping,
    PageSize,
    ProblemKind,
    Section,
    Selection,
    Template,
)
from ..errors import Cancelled, ValidationError
from ..services.lookup import parse_workshop_ref
from .context import Context, Subparsers, UsageError, add_command, positive_int

EXIT_CANCELLED = 130  # as main's EXIT_INTERRUPTED: the user stopped the command

_PROBLEMS = {
    ProblemKind.MISSING: "the file is missing",
    ProblemKind.ENCRYPTED: "the PDF is password-protected",
    ProblemKind.CORRUPT: "the file is not a readable PDF",
    ProblemKind.NOT_PDF: "not a PDF (only PDFs are appended)",
}


def register(sub: Subparsers) -> None:
    parser = add_command(sub, "dossier", cmd_dossier, "build a print-ready PDF: an edition's "
                         "participant pack, a workshop dossier, a bibliography or badges")
    parser.add_argument("-o", "--output", metavar="OUT.pdf", type=Path,
                        help="the PDF to write; with --per-participant or --combined, the "
                             "one PDF that holds every participant's pack")
    parser.add_argument("--template", choices=[t.value for t in Template],
                        default=Template.PACK.value, help="what to build (default: pack)")
    parser.add_argument("--edition", type=int, metavar="YEAR",
                        help="the edition (in a bibliography: the references on its "
                             "reading lists, unless --workshop names one of them)")
    parser.add_argument("--workshop", metavar="N|YEAR/N",
                        help="the workshop (N of --edition, or YEAR/N): the subject of "
                             "--template workshop, or a reading list for a bibliography")
    who = parser.add_mutually_exclusive_group()
    who.add_argument("--participant", type=positive_int, metavar="ID",
                     help="personalise the pack for this participant")
    who.add_argument("--per-participant", type=Path, metavar="DIR",
                     help="one personalised pack per registered participant (with "
                          "--template workshop: per participant of the workshop), one "
                          "file each in DIR; add -o ALL.pdf to get them all in one PDF "
                          "too")
    parser.add_argument("--combined", action="store_true",
                        help="every participant's pack in the one PDF given by -o, with no "
                             "folder (with --per-participant DIR, -o already does this)")
    # --style and --group-by have no default here, so that one given to a template it
    # does not apply to can be refused; make_request fills the defaults in.
    parser.add_argument("--style", choices=list(citations.STYLES), metavar="STYLE",
                        help=f"citation style: {', '.join(citations.STYLES)} "
                             f"(default: {citations.DEFAULT_STYLE})")
    parser.add_argument("--locale", choices=list(citations.LOCALES), metavar="LOCALE",
                        default=citations.DEFAULT_LOCALE,
                        help=f"language of the dossier: {', '.join(citations.LOCALES)} "
                             f"(default: {citations.DEFAULT_LOCALE})")
    parser.add_argument("--page-size", choices=[p.value for p in PageSize], type=_page_size,
                        default=PageSize.A4.value, help="paper (default: A4)")
    parser.add_argument("--sections", metavar="LIST",
                        help="comma-separated parts of a pack or workshop dossier, among "
                             f"{', '.join(s.value for s in Section)} (default: "
                             f"{', '.join(s.value for s in Section if s in DEFAULT_SECTIONS)}"
                             "); a workshop dossier's reading list is in its workshops "
                             "section: it takes bibliography only without workshops")
    parser.add_argument("--participants-list", action="store_true",
                        help="add the list of participants (names and organisations)")
    parser.add_argument("--emails", action="store_true",
                        help="show e-mail addresses in the participants list (implies "
                             "--participants-list)")
    parser.add_argument("--group-by", choices=[g.value for g in Grouping],
                        help="divide bibliographies by reading role or by type "
                             "(default: none)")
    parser.add_argument("--no-attachments", action="store_true",
                        help="do not append the attached PDFs")
    parser.add_argument("--tag", metavar="TAG",
                        help="bibliography: references with this tag (case and accents "
                             "ignored, as in a search)")
    parser.add_argument("--collection", metavar="PATH",
                        help="bibliography: references in this collection and its "
                             "sub-collections, as A/B (case and accents ignored)")
    parser.add_argument("refs", nargs="*", metavar="REF",
                        help="bibliography: these references (citation keys or ids)")


# --- from the arguments to a request ---------------------------------------------------

def _page_size(text: str) -> str:
    """« a4 », « LETTER »… as the paper's own name; anything else as typed (refused)."""
    return {p.value.lower(): p.value for p in PageSize}.get(text.strip().lower(), text)


def _workshop(args: argparse.Namespace) -> tuple[int, int] | None:
    """--workshop as (year, number): ``N`` of --edition, or ``YEAR/N``."""
    text = (args.workshop or "").strip()
    if not text:
        return None
    if text.isdigit():
        if args.edition is None:
            raise UsageError(f"--workshop {text} needs --edition YEAR (or write "
                             f"--workshop YEAR/{text})")
        return args.edition, int(text)
    try:
        year, number = parse_workshop_ref(text)
    except ValidationError as exc:
        raise UsageError(f"--workshop: {exc.message}") from None
    if args.edition is not None and args.edition != year:
        raise UsageError(f"--workshop {text} is not a workshop of --edition {args.edition}")
    return year, number


def _sections(args: argparse.Namespace, template: Template) -> frozenset[Section]:
    if args.sections is None:
        chosen = set(DEFAULT_SECTIONS)
    else:
        names = [name.strip().lower() for name in args.sections.split(",") if name.strip()]
        known = {s.value: s for s in Section}
        unknown = [name for name in names if name not in known]
        if not names:
            raise UsageError(f"--sections needs at least one section, among "
                             f"{', '.join(known)}")
        if unknown:
            raise UsageError(
                f"--sections: « {', '.join(unknown)} » "
                f"{'is not a section' if len(unknown) <= 1 else 'are not sections'}; "
                f"choose among {', '.join(known)}")
        chosen = {known[name] for name in names}
        if template is Template.WORKSHOP and {Section.WORKSHOPS, Section.BIBLIOGRAPHY} <= chosen:
            # The reading list in the workshop's chapter stands for the bibliography.
            raise UsageError("--sections: a workshop dossier prints its reading list in "
                             "its workshops section, not again as a bibliography; leave "
                             "out bibliography, or workshops to print the reading list as "
                             "a bibliography")
    if args.participants_list or args.emails:
        chosen.add(Section.PARTICIPANTS)
    return frozenset(chosen)


def _selection(args: argparse.Namespace, workshop: tuple[int, int] | None) -> Selection:
    selection = Selection(
        references=tuple(args.refs), tag=(args.tag or "").strip(),
        collection=(args.collection or "").strip(), workshop=workshop,
        edition_year=args.edition if workshop is None else None)
    if selection.is_empty():
        raise UsageError("a bibliography needs references: REF…, --tag, --collection, "
                         "--workshop or --edition")
    return selection


def _refuse(args: argparse.Namespace, template: Template, *options: str) -> None:
    """A usage error when one of ``options`` (attribute names) was given."""
    for option in options:
        value = getattr(args, option)
        if value not in (None, False, [], ""):
            flag = "REF…" if option == "refs" else "--" + option.replace("_", "-")
            raise UsageError(f"{flag} does not apply to --template {template.value}")


def _check_template(args: argparse.Namespace, template: Template,
                    workshop: tuple[int, int] | None) -> None:
    if template is not Template.BIBLIOGRAPHY:
        _refuse(args, template, "tag", "collection", "refs")
    if template in (Template.BIBLIOGRAPHY, Template.BADGES):
        _refuse(args, template, "participant", "per_participant", "combined", "sections",
                "participants_list", "emails", "no_attachments")
    if template is Template.BADGES:
        _refuse(args, template, "workshop", "style", "group_by")
    if template is Template.PACK and workshop is not None:
        raise UsageError("--workshop does not apply to --template pack; for one "
                         "workshop's dossier use --template workshop")
    if template is Template.WORKSHOP and workshop is None:
        raise UsageError("--template workshop needs --workshop N (with --edition) "
                         "or --workshop YEAR/N")
    if template in (Template.PACK, Template.BADGES) and args.edition is None:
        raise UsageError(f"--template {template.value} needs --edition YEAR")
    if args.combined and args.participant is not None:
        raise UsageError("--combined holds every participant's pack: not with --participant")
    if args.combined and args.output is None:
        raise UsageError("--combined needs -o OUT.pdf: the PDF that holds every pack "
                         "(for one file per participant in a folder, use "
                         "--per-participant DIR)")
    if args.output is None and args.per_participant is None:
        raise UsageError("say where to write the PDF: -o OUT.pdf")


def make_request(args: argparse.Namespace) -> DossierRequest:
    """The core's request for these arguments; UsageError when they contradict."""
    template = Template(args.template)
    workshop = _workshop(args)
    _check_template(args, template, workshop)
    year = workshop[0] if workshop is not None else args.edition
    return DossierRequest(
        template=template, year=year,
        workshop=workshop[1] if workshop is not None and template is Template.WORKSHOP
        else None,
        participant_id=args.participant, style=args.style or citations.DEFAULT_STYLE,
        locale=args.locale,
        page_size=PageSize(args.page_size), sections=_sections(args, template),
        include_emails=args.emails, attachments=not args.no_attachments,
        grouping=Grouping(args.group_by or Grouping.NONE.value),
        selection=(_selection(args, workshop) if template is Template.BIBLIOGRAPHY
                   else Selection()))


# --- progress and Ctrl+C -----------------------------------------------------------------

class TerminalProgress:
    """Progress on one rewritten stderr line (on a terminal only); the first Ctrl+C asks
    the build to stop at its next step, a second one interrupts at once."""

    INTERVAL = 0.1  # seconds between two redraws of the same step

    def __init__(self, err: TextIO) -> None:
        self._err = err
        self._tty = err.isatty()
        self._stop = False
        self._shown = 0
        self._label = ""
        self._drawn = 0.0

    def report(self, done: int, total: int, label: str = "") -> None:
        if not self._tty or self._stop:
            return
        now = time.monotonic()
        if label == self._label and now - self._drawn < self.INTERVAL:
            return
        self._label, self._drawn = label, now
        share = f"{100 * done // total:3d} %" if total > 0 else ""
        line = f"{share} {label}".rstrip()[:78]
        self._err.write("\r" + line.ljust(self._shown))
        self._err.flush()
        self._shown = len(line)

    def cancelled(self) -> bool:
        return self._stop

    def clear(self) -> None:
        if self._shown:
            self._err.write("\r" + " " * self._shown + "\r")
            self._err.flush()
            self._shown = 0

    def _on_interrupt(self, signum: int, frame: FrameType | None) -> None:
        if self._stop:
            raise KeyboardInterrupt
        self._stop = True
        self.clear()
        self._err.write("seminaire: stopping… (Ctrl+C again to interrupt at once)\n")
        self._err.flush()

    @contextmanager
    def interruptible(self) -> Iterator[None]:
        """Within the block, Ctrl+C goes through :meth:`cancelled` (main thread only)."""
        if threading.current_thread() is not threading.main_thread():
            yield
            return
        previous = signal.signal(signal.SIGINT, self._on_interrupt)
        try:
            yield
        finally:
            signal.signal(signal.SIGINT, previous)
            self.clear()


# --- the command -------------------------------------------------------------------------

def _problem_line(problem: AttachmentProblem) -> str:
    owner = f" ({problem.owner_label})" if problem.owner_label else ""
    return (f"« {problem.filename} »{owner}: {_PROBLEMS.get(problem.kind, problem.kind)}; "
            "listed in the dossier, not appended")


def _pages(n: int) -> str:
    return f"{n} page{'' if n == 1 else 's'}"


def _report_data(request: DossierRequest, report: DossierReport) -> dict[str, Any]:
    return {"template": request.template, "files": list(report.paths),
            "pages": report.page_count, "appended": list(report.appended),
            # the combined PDF repeats the personal packs: its pages are in "pages" too
            "combined": report.combined, "combined_pages": report.combined_pages,
            "problems": [{"file": p.filename, "kind": p.kind, "owner": p.owner_label}
                         for p in report.problems]}


def _report_lines(report: DossierReport) -> Iterator[str]:
    yield from _written(report)
    if report.appended:
        count = len(report.appended)
        yield f"appended {count} attached PDF{'' if count == 1 else 's'}"


def _written(report: DossierReport) -> Iterator[str]:
    """The files written; the combined PDF, which repeats the personal packs besides
    their folder, said apart so that their pages are not counted twice."""
    combined = report.combined
    if len(report.paths) == 1:
        yield f"wrote {report.path} ({_pages(report.page_count)})"
    elif combined is None:
        yield f"wrote {len(report.paths)} files, {_pages(report.page_count)} in all:"
        yield from (f"  {path}" for path in report.paths)
    else:
        packs = [path for path in report.paths if path != combined]
        together = report.combined_pages
        yield f"wrote {len(packs)} files, {_pages(report.page_count - together)} in all:"
        yield from (f"  {path}" for path in packs)
        yield (f"and {combined} ({_pages(together)}): the same {len(packs)} packs in one "
               "PDF, each starting on an odd page")


def _build(ctx: Context, args: argparse.Namespace, request: DossierRequest,
           progress: TerminalProgress) -> DossierReport:
    from ..dossiers import build_dossier, build_per_participant  # ReportLab: only when used

    if args.per_participant is None and not args.combined:
        return build_dossier(ctx.lib, request, args.output, progress)
    return build_per_participant(ctx.lib, request, folder=args.per_participant,
                                 combined=args.output, progress=progress)


def _without_roles(request: DossierRequest) -> bool:
    """A bibliography grouped by role whose references have none: only reading lists
    (--workshop, --edition) give references a role."""
    selection = request.selection
    return (request.template is Template.BIBLIOGRAPHY and request.grouping is Grouping.ROLE
            and selection.workshop is None and selection.edition_year is None)


def cmd_dossier(ctx: Context, args: argparse.Namespace) -> int:
    request = make_request(args)
    if _without_roles(request):
        ctx.warn("--group-by role: references chosen by tag, collection or key have no "
                 "reading role (only --workshop or --edition give them one); printed as "
                 "one list")
    progress = TerminalProgress(ctx.err)
    try:
        with progress.interruptible():
            report = _build(ctx, args, request, progress)
    except Cancelled:
        ctx.err.write("seminaire: cancelled: nothing written\n")
        return EXIT_CANCELLED
    for problem in report.problems:
        ctx.warn(_problem_line(problem))
    ctx.emit(_report_data(request, report), _report_lines(report))
    return 0
