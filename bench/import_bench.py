"""BibTeX import benchmark: Séminaire's reader against bare bibtexparser, and a full import.

Run from the repository root::

    .venv/bin/python bench/import_bench.py [--n 10000] [--repeat 3] [--keep FILE.bib]

It generates a deterministic BibTeX file of ``--n`` entries written the way real exports
are: LaTeX accents in every spelling (``{\\'e}``, ``\\c{c}``, ``{\\oe}``, ``{\\L}``,
``\\"u``…) in French, Polish and German names and titles, ``@string`` macros with ``#``
concatenation, month macros, ``crossref`` to proceedings, institutions in braces,
``and others``, ``@comment``/``@preamble`` and a few broken entries. Then, each
``--repeat`` times (the median is printed):

- bare ``bibtexparser.parse_string`` (its default stack: splitting, @string
  resolution, enclosing braces removed; no LaTeX decoding, no name splitting);
- ``seminaire_app.interchange.bibtex.parse`` (everything decoded, drafts validated);
- a full import: ``parse`` + ``services.references.add_many`` into a fresh library
  (created beforehand, not timed) + a search that must find the imported entries.

The issue's target: the full import ≤ 3 × bare bibtexparser.
"""

from __future__ import annotations

import argparse
import logging
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import bibtexparser  # noqa: E402

from seminaire_app.interchange import ParseResult, bibtex  # noqa: E402
from seminaire_app.services import references  # noqa: E402
from seminaire_app.services.references import ReferenceFilter  # noqa: E402
from seminaire_app.storage.library import Library  # noqa: E402

SEED = 20261127
TARGET_RATIO = 3.0
BROKEN_EVERY = 1000  # one broken entry per thousand

# (LaTeX as exports write it, the ASCII used in citation keys)
FAMILIES = [
    (r"Lef{\`e}vre", "lefevre"), (r"Fran{\c{c}}ois", "francois"), (r"M{\"u}ller", "muller"),
    (r"W{\'o}jcik", "wojcik"), (r"{\L}ukasiewicz", "lukasiewicz"),
    (r"Ko{\'s}ciuszko", "kosciuszko"), (r"Schr\"oder", "schroder"),
    (r"Gro{\ss}mann", "grossmann"), (r"Dvo\v{r}{\'a}k", "dvorak"), (r"Pi{\k{a}}tek", "piatek"),
    (r"C{\oe}urderoy", "coeurderoy"), (r"Na{\"\i}m", "naim"), (r"B{\'e}rard", "berard"),
    (r"Z{\.z}ycki", "zzycki"), (r"Kr{\'o}l", "krol"), (r"H\"{a}u{\ss}ler", "haussler"),
    ("Martin", "martin"), ("Bernard", "bernard"), ("Dubois", "dubois"), ("Laurent", "laurent"),
    (r"Ch{\^a}telet", "chatelet"), (r"Gon{\c c}alves", "goncalves"),
    (r"{\O}stergaard", "ostergaard"),
]
PARTICLES = ["", "", "", "", "de ", "d'", "von ", "van der ", "de La "]
GIVENS = [
    r"{\'E}milie", r"Fran\c{c}oise", r"J{\"u}rgen", r"Ma{\l}gorzata", r"Zo{\'e}", r"Ren{\'e}e",
    r"Bo{\.z}ena", r"Andr\'e", r"Jean-Fran{\c{c}}ois", r"H{\'e}l{\`e}ne", r"Stanis{\l}aw",
    "Marie", "Pierre", "Anna", r"Th{\'e}o", r"J{\"o}rg", r"Agnieszka", r"Ga{\"e}lle",
]
INSTITUTIONS = [
    r"{Le Rameau}", r"{Conseil {\'e}conomique, social et environnemental}",
    r"{Fondation de France}", r"{Avise}", r"{Institut national de la statistique et des "
    r"{\'e}tudes {\'e}conomiques}", r"{Minist{\`e}re de l'{\'E}conomie}",
]
WORDS = [
    r"{\'e}conomie", r"soci{\'e}t{\'e}", r"c{\oe}ur", r"{\oe}uvre", r"coop{\'e}ration",
    r"solidarit{\'e}", r"territoires", r"associations", r"entreprises", r"m{\'e}c{\'e}nat",
    r"gouvernance", r"b{\'e}n{\'e}volat", r"innovation", r"d{\'e}veloppement", r"{\'e}valuation",
    r"prospective", r"alliances", r"communs", r"r{\'e}ciprocit{\'e}", r"strat{\'e}gie",
    r"fa\c{c}ade", r"Gr{\"u}ndung", r"Stra{\ss}e", r"sp{\'o}{\l}dzielnia", r"gmina",
    r"\textit{in situ}", r"{ESS}", r"{PHARE}", r"XIX\textsuperscript{e}~si{\`e}cle",
    r"Europe", r"{\'E}tat", "politique", "publique", "transition", "engagement",
]
JOURNALS = {
    "recma": r"Revue internationale de l'{\'e}conomie sociale",
    "rfg": r"Revue fran{\c{c}}aise de gestion",
    "mouv": r"Mouvements",
    "zfg": r"Zeitschrift f{\"u}r Gemeinwirtschaft",
    "ekon": r"Ekonomista",
}
PUBLISHERS = {
    "pug": ("Presses universitaires de Grenoble", "Grenoble"),
    "seuil": (r"{\'E}ditions du Seuil", "Paris"),
    "ladec": (r"La D{\'e}couverte", "Paris"),
    "pwn": (r"Wydawnictwo Naukowe {PWN}", "Warszawa"),
    "springer": ("Springer", "Berlin"),
}
MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]


def _person(rng: random.Random) -> tuple[str, str]:
    family, ascii_family = rng.choice(FAMILIES)
    particle = rng.choice(PARTICLES)
    given = rng.choice(GIVENS)
    if rng.random() < 0.5:
        return f"{particle}{family}, {given}", ascii_family
    return f"{given} {particle}{family}", ascii_family


def _authors(rng: random.Random) -> tuple[str, str]:
    if rng.random() < 0.08:
        name = rng.choice(INSTITUTIONS)
        return name, "inst"
    people = [_person(rng) for _ in range(rng.choice((1, 1, 2, 2, 3, 4)))]
    names = " and ".join(p[0] for p in people)
    if rng.random() < 0.03:
        names += " and others"
    return names, people[0][1]


def _title(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(4, 11))]
    title = " ".join(words)
    if rng.random() < 0.3:
        title += r" : enjeux et perspectives -- " + rng.choice(WORDS)
    return title[0].upper() + title[1:] if title[0].isalpha() else title


def _entry(rng: random.Random, n: int, proceedings: list[str]) -> str:
    authors, ascii_name = _authors(rng)
    year = rng.randint(1950, 2025)
    key = f"{ascii_name}{year}n{n}"
    kind = rng.choices(
        ["article", "book", "incollection", "inproceedings", "techreport", "phdthesis",
         "misc", "unpublished"], weights=[40, 15, 10, 10, 8, 5, 7, 5])[0]
    lines = [f"@{kind}{{{key},", f"  author = {{{authors}}},", f"  title = {{{_title(rng)}}},"]
    if kind == "article":
        lines.append(f"  journal = {rng.choice(list(JOURNALS))},")
        lines.append(f"  volume = {{{rng.randint(1, 80)}}}, number = {rng.randint(1, 12)},")
        first = rng.randint(1, 400)
        lines.append(f"  pages = {{{first}--{first + rng.randint(5, 30)}}},")
    elif kind in ("book", "techreport", "phdthesis"):
        pub = rng.choice(list(PUBLISHERS))
        field = {"book": "publisher", "techreport": "institution", "phdthesis": "school"}[kind]
        lines.append(f"  {field} = {pub}, address = {pub}_place,")
        if kind == "book":
            lines.append(f"  isbn = {{978-2-{rng.randint(1000, 9999)}-{rng.randint(1000, 9999)}-"
                         f"{rng.randint(0, 9)}}},")
    elif kind == "incollection":
        lines.append(f"  booktitle = {{{_title(rng)}}}, editor = {{{_person(rng)[0]}}},")
        lines.append(f"  publisher = {rng.choice(list(PUBLISHERS))},")
    elif kind == "inproceedings":
        lines.append(f"  crossref = {{{rng.choice(proceedings)}}},")
    elif kind == "misc":
        lines.append(f"  howpublished = {{\\url{{https://example.org/{key}}}}},")
        lines.append(f"  url = {{https://example.org/{key}?a=1&b=c_d}},")
        lines.append(f"  urldate = {{2024-03-0{n % 9 + 1}}},")
    lines.append(f"  year = {year}," if kind != "inproceedings" else "")
    if rng.random() < 0.5:
        lines.append(f"  month = {rng.choice(MONTHS)},")
    if rng.random() < 0.4:
        lines.append(f"  doi = {{10.{rng.randint(1000, 9999)}/{key}}},")
    if rng.random() < 0.6:
        tags = rng.sample(["économie sociale", "coopération", "mécénat", "territoires",
                           "évaluation", r"{\oe}uvre", "ESS", "gouvernance"], 2)
        lines.append(f"  keywords = {{{', '.join(tags)}}},")
    if rng.random() < 0.3:
        lines.append(f"  abstract = {{{_title(rng)}. {_title(rng)}.\n    {_title(rng)}.}},")
    lines.append(f"  language = {{{rng.choice(['french', 'english', 'polish', 'german'])}}}")
    return "\n".join(line for line in lines if line) + "\n}\n"


def _broken(n: int) -> str:
    if (n // BROKEN_EVERY) % 2 == 0:
        return (f"@article{{broken{n},\n  title = {{Missing the closing brace,\n"
                f"  year = 2001,\n  journal = rfg\n\n")
    return f"@book{{broken{n}\n  title = {{A missing comma after the key}},\n  year = 2002\n}}\n"


def generate(n: int, seed: int = SEED) -> str:
    """A deterministic BibTeX text of about ``n`` entries (a few of them broken)."""
    rng = random.Random(seed)
    out = ["% Generated by bench/import_bench.py\n",
           "@preamble{ \"\\newcommand{\\noopsort}[1]{}\" }\n",
           "@comment{jabref-meta: databaseType:bibtex;}\n"]
    for macro, title in JOURNALS.items():
        out.append(f'@string{{{macro} = "{title}"}}\n')
    for macro, (name, place) in PUBLISHERS.items():
        out.append(f'@string{{{macro} = "{name}"}}\n@string{{{macro}_place = "{place}"}}\n')
    proceedings = [f"proc{i}" for i in range(max(1, n // 100))]
    for i, key in enumerate(proceedings):
        place = rng.choice(list(PUBLISHERS))
        out.append(f"@proceedings{{{key},\n  title = {{Actes du colloque {_title(rng)}}},\n"
                   f"  editor = {{{_person(rng)[0]}}},\n"
                   f"  publisher = {place} # {{ (coll. Actes)}},\n"
                   f"  address = {place}_place,\n  year = {{{2000 + i % 25}}}\n}}\n")
    for i in range(n - len(proceedings)):
        out.append(_broken(i) if i % BROKEN_EVERY == 17 else _entry(rng, i, proceedings))
    return "\n".join(out)


@dataclass(frozen=True)
class Timing:
    wall: float  # median elapsed seconds
    cpu: float  # median CPU seconds of this process (less sensitive to a busy machine)


def _timed(repeat: int, run: Callable[[], object]) -> tuple[Timing, object]:
    walls, cpus, result = [], [], None
    for _ in range(repeat):
        start, cpu = time.perf_counter(), time.process_time()
        result = run()
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    return Timing(statistics.median(walls), statistics.median(cpus)), result


def _full_import(text: str, folder: Path) -> tuple[Timing, float, int, int]:
    """Open a fresh library (not timed), then parse + add_many + search (timed)."""
    lib = Library.open(folder)
    try:
        start, cpu = time.perf_counter(), time.process_time()
        result = bibtex.parse(text)
        ids = references.add_many(lib, [e.draft for e in result.entries])
        found = references.list_ids(lib, ReferenceFilter(text="economie"))
        timing = Timing(time.perf_counter() - start, time.process_time() - cpu)
        search_start = time.perf_counter()
        polish = references.list_ids(lib, ReferenceFilter(text="Łukasiewicz"))
        search_time = time.perf_counter() - search_start
    finally:
        lib.close()
    if not found or not polish or len(ids) != len(result.entries):
        raise SystemExit("the imported references are not searchable")
    return timing, search_time, len(ids), len(found)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="also write the generated file there")
    args = parser.parse_args(argv)

    text = generate(args.n)
    if args.keep:
        args.keep.write_text(text, encoding="utf-8")
    print(f"generated {args.n} entries, {len(text) / 1e6:.1f} MB, "
          f"{text.count(chr(92))} backslashes")

    logging.getLogger("bibtexparser").setLevel(logging.ERROR)  # it logs each broken block
    bare, library = _timed(args.repeat, lambda: bibtexparser.parse_string(text))
    blocks = getattr(library, "entries", [])
    failed = getattr(library, "failed_blocks", [])
    print(f"bare bibtexparser.parse_string : {bare.wall:6.2f} s wall, {bare.cpu:6.2f} s CPU "
          f"({len(blocks)} entries, {len(failed)} failed blocks)")

    ours, result = _timed(args.repeat, lambda: bibtex.parse(text))
    assert isinstance(result, ParseResult)
    print(f"seminaire bibtex.parse         : {ours.wall:6.2f} s wall, {ours.cpu:6.2f} s CPU "
          f"({len(result.entries)} entries, {len(result.errors)} errors, "
          f"{len(result.warnings)} warnings) = {ours.wall / bare.wall:.2f} × bare")
    for error in result.errors[:2]:
        print(f"    error line {error.line} ({error.key}): {error.reason}")

    runs = []
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(args.repeat):
            runs.append(_full_import(text, Path(tmp) / f"library{i}"))
    full = Timing(statistics.median(r[0].wall for r in runs),
                  statistics.median(r[0].cpu for r in runs))
    _, search_time, count, hits = runs[0]
    print(f"full import (parse + add_many + search): {full.wall:6.2f} s wall, "
          f"{full.cpu:6.2f} s CPU for {count} references; « economie » finds {hits}, "
          f"a second search takes {search_time * 1000:.0f} ms")
    ratio = full.wall / bare.wall
    verdict = "OK" if ratio <= TARGET_RATIO else "MISSED"
    print(f"ratio full import / bare bibtexparser: {ratio:.2f} wall, "
          f"{full.cpu / bare.cpu:.2f} CPU (target ≤ {TARGET_RATIO:.0f}) {verdict}")
    return 0 if ratio <= TARGET_RATIO else 1


if __name__ == "__main__":
    raise SystemExit(main())
