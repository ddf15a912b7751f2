"""``import``, ``export``, ``duplicates`` and ``merge``: bibliographic files in and out.

``import`` prints a summary on stdout and each bad entry, with its line, on stderr; its
exit status is 1 when an entry was bad, even if the good ones came in.
"""

from __future__ import annotations

import argparse
import os
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from ..domain import Reference
from ..errors import StorageError
from ..interchange.formats import FORMATS
from ..services import duplicates, imports, merging, references
from ..services.duplicates import Reason
from ..services.imports import ImportPreview, ImportReport
from .context import Context, Subparsers, add_command, name_value, workshop_arg
from .output import reference_details, reference_line

REASONS = {Reason.DOI: "same DOI", Reason.ISBN: "same ISBN", Reason.TITLE: "same title",
           Reason.SIMILAR_TITLE: "similar title"}


def register(sub: Subparsers) -> None:
    parser = add_command(sub, "import", cmd_import,
                         "import a BibTeX, RIS or CSL-JSON file (preview with --dry-run)")
    parser.add_argument("file", metavar="FILE", type=Path)
    parser.add_argument("--format", choices=FORMATS, help="the file's format "
                        "(detected from its content when absent)")
    parser.add_argument("--collection", metavar="PATH",
                        help="file every imported reference there (created if missing)")
    parser.add_argument("--tag", action="append", default=[], metavar="TAG",
                        help="tag every imported reference (repeatable)")
    parser.add_argument("--dry-run", action="store_true",
                        help="only show what would be imported")
    parser.add_argument("--strict", action="store_true",
                        help="import nothing when an entry is bad")
    parser.add_argument("--skip-duplicates", action="store_true",
                        help="leave out entries that look like references already there")
    parser = add_command(sub, "export", cmd_export, "export references as BibTeX, RIS or "
                         "CSL-JSON (all of them when no selection is given)")
    parser.add_argument("refs", nargs="*", metavar="REF", help="these references, plus "
                        "those that pass every filter given")
    parser.add_argument("--format", choices=FORMATS, required=True)
    parser.add_argument("-o", "--output", metavar="FILE", type=Path,
                        help="write there (else on standard output)")
    parser.add_argument("--tag", metavar="TAG", help="references with this tag")
    parser.add_argument("--collection", metavar="PATH", help="references in this collection")
    parser.add_argument("--edition", type=int, metavar="YEAR",
                        help="references on a reading list of this edition")
    parser.add_argument("--workshop", metavar="YEAR/N",
                        help="references on this workshop's reading list")
    add_command(sub, "duplicates", cmd_duplicates, "list groups of probable duplicates")
    parser = add_command(sub, "merge", cmd_merge, "merge references into MASTER (its tags, "
                         "collections, notes, files and reading lists are kept)")
    parser.add_argument("master", metavar="MASTER", help="the reference that stays")
    parser.add_argument("others", nargs="+", metavar="OTHER", help="references merged into it")
    parser.add_argument("--take", action="append", type=name_value, default=[],
                        metavar="FIELD=REF", help="take FIELD (title, issued, type, "
                        "creators, citation-key, a CSL variable, custom.NAME) from REF")


# --- import ------------------------------------------------------------------------------

def _count(n: int, singular: str, plural: str) -> str:
    return f"{n} {singular if n == 1 else plural}"


def _duplicate_lines(ctx: Context, preview: ImportPreview) -> Iterator[str]:
    ids = sorted({i for e in preview.entries for i in e.duplicates_of})
    keys = {r.id: r.citation_key for r in references.fetch(ctx.lib, ids)}
    for entry in preview.entries:
        if entry.duplicates_of:
            known = ", ".join(keys.get(i, f"#{i}") for i in entry.duplicates_of)
            yield f"  line {entry.line}: « {entry.draft.title} » looks like {known}"
        for index in entry.duplicates_in_file:
            yield (f"  line {entry.line}: « {entry.draft.title} » looks like the entry of "
                   f"line {preview.entries[index].line}")


def _preview_json(preview: ImportPreview) -> dict[str, Any]:
    return {
        "file": preview.path, "format": preview.format, "entries": len(preview.entries),
        "probable_duplicates": [
            {"line": e.line, "title": e.draft.title, "duplicates_of": e.duplicates_of,
             "duplicates_in_file": [preview.entries[i].line for i in e.duplicates_in_file]}
            for e in preview.entries if e.is_duplicate],
        "errors": preview.errors, "warnings": preview.warnings}


def _report_lines(preview: ImportPreview, report: ImportReport) -> Iterator[str]:
    name = preview.path.name if preview.path else "the file"
    imported = _count(len(report.imported), "reference", "references")
    yield f"imported {imported} from {name} ({preview.format})"
    if report.skipped_duplicates:
        yield "left out " + _count(report.skipped_duplicates, "probable duplicate",
                                   "probable duplicates")
    elif report.probable_duplicates:
        yield (_count(report.probable_duplicates, "entry looks", "entries look")
               + " like a duplicate: see `seminaire duplicates`, then `seminaire merge`")
    if report.attached_files:
        yield "attached " + _count(report.attached_files, "file", "files")
    for old, new in report.renamed_keys:
        yield f"citation key {old} was taken: {new}"
    if report.backup:
        yield f"backup of the library before the import: {report.backup}"


def cmd_import(ctx: Context, args: argparse.Namespace) -> int:
    preview = imports.preview(ctx.lib, args.file, args.format)
    for warning in preview.warnings:
        ctx.warn(warning)
    for error in preview.errors:
        key = f" ({error.key})" if error.key else ""
        ctx.err.write(f"seminaire: error: line {error.line}{key}: {error.reason}\n")
    dup_lines = list(_duplicate_lines(ctx, preview))
    if args.dry_run:
        ctx.emit(_preview_json(preview), [
            f"{args.file.name} ({preview.format}): "
            f"{_count(len(preview.entries), 'entry', 'entries')} to import, "
            f"{_count(preview.duplicate_count, 'probable duplicate', 'probable duplicates')}, "
            f"{_count(len(preview.errors), 'bad entry', 'bad entries')}; "
            "nothing imported (dry run)", *dup_lines])
    else:
        report = imports.run_import(ctx.lib, preview, tags=args.tag,
                                    collection=args.collection, strict=args.strict,
                                    skip_duplicates=args.skip_duplicates)
        for warning in report.warnings:
            ctx.warn(warning)
        data = {**_preview_json(preview), "imported": report.imported,
                "skipped_duplicates": report.skipped_duplicates,
                "attached_files": report.attached_files,
                "renamed_keys": [list(pair) for pair in report.renamed_keys],
                "backup": report.backup, "warnings": [*preview.warnings, *report.warnings]}
        lines = list(_report_lines(preview, report))
        ctx.emit(data, [*lines[:1], *(dup_lines if not args.skip_duplicates else []),
                        *lines[1:]])
    return 1 if preview.errors else 0


# --- export ------------------------------------------------------------------------------

def _write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file: never half a bibliography."""
    folder = path.expanduser().resolve().parent
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise StorageError(f"cannot write in {folder}: {exc.strerror or exc}") from exc
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise StorageError(f"cannot write {path}: {exc.strerror or exc}") from exc


def cmd_export(ctx: Context, args: argparse.Namespace) -> int:
    ids = imports.select_ids(
        ctx.lib, tag=args.tag or "", collection=args.collection or "", edition=args.edition,
        workshop=workshop_arg(args.workshop) if args.workshop else None, refs=args.refs)
    if not ids:
        ctx.warn("no reference matches: nothing to export")
    text = imports.export(ctx.lib, args.format, ids)
    if args.output is None:
        ctx.out.write(text if text.endswith("\n") or not text else text + "\n")
        return 0
    _write_atomically(args.output, text)
    ctx.emit({"file": args.output, "format": args.format, "references": len(ids)},
             [f"exported {_count(len(ids), 'reference', 'references')} to {args.output} "
              f"({args.format})"])
    return 0


# --- duplicates and merge --------------------------------------------------------------

def _group_lines(groups: Sequence[duplicates.DuplicateGroup]) -> Iterator[str]:
    if not groups:
        yield "no probable duplicates"
    for number, group in enumerate(groups, 1):
        yield f"group {number} ({REASONS[group.reason]}):"
        yield from (f"  #{ref.id}  {reference_line(ref)}" for ref in group.references)


def cmd_duplicates(ctx: Context, args: argparse.Namespace) -> int:
    groups = duplicates.find_duplicate_groups(ctx.lib)
    found: list[list[Reference]] = [list(g.references) for g in groups]
    ctx.emit(found, _group_lines(groups))
    return 0


def cmd_merge(ctx: Context, args: argparse.Namespace) -> int:
    result = merging.merge(ctx.lib, args.master, args.others, dict(args.take))
    gone = ", ".join(r.citation_key for r in result.removed)
    ctx.emit(result.merged, [f"merged {gone} into {result.merged.citation_key}",
                             *reference_details(result.merged)])
    return 0
