"""Dossier benchmark: a participant pack of about 300 pages, against bare ReportLab.

Run from the repository root::

    .venv/bin/python bench/dossier_bench.py [--repeat 3] [--folder DIR] [--keep DIR]
                                            [--tracemalloc]

It builds (through the core services, once; reused with ``--folder``) a library holding
an edition with 8 workshops, 400 references spread over their reading lists, about 40
pages of Markdown notes for participants, 50 attached PDFs of 2–6 pages, 60 registered
participants with their workshops and a two-day programme. Then each figure is measured
in a fresh Python process (so that its peak RSS is that build's alone):

- ``build_dossier`` of the participant pack: wall and CPU time, peak RSS, pages;
- the floor: bare ReportLab (BaseDocTemplate, our fonts and paragraph styles, a TOC and
  outline through ``multiBuild``, header and « page X / Y ») building the same texts
  — entries, annotations, notes, programme — prepared beforehand and not timed, then
  bare pypdf appending the same 50 PDFs with a bookmark each; and the same with one
  ``build`` instead of ``multiBuild`` (the least any layout of these flowables costs);
- ``build_per_participant`` for 10 registered participants (a copy of the library with
  the others unregistered), and the badges of the 60.

Targets (the issue's): the pack in ≤ 10 s and ≤ 500 MB. The exit status is 1 when one
is missed. See bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
for _path in (str(ROOT), str(BENCH)):
    if _path not in sys.path:
        sys.path.insert(0, _path)

import library_bench as lb  # noqa: E402  (its names, titles and reference drafts)
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.pdfgen import canvas  # noqa: E402

from seminaire_app.domain import Owner, ParticipantRole, ReadingRole, Visibility  # noqa: E402
from seminaire_app.services import (  # noqa: E402
    attachments,
    editions,
    notes,
    participants,
    programme,
    references,
    workshops,
)
from seminaire_app.storage.library import DATABASE_NAME, Library  # noqa: E402

SEED = 20261205
YEAR = 2026
BUILD_RECORD = "dossier_bench.json"
TARGET_S = 10.0
TARGET_MB = 500.0
N_REFERENCES, N_WORKSHOPS, N_PDFS, N_PARTICIPANTS, N_BATCH = 400, 8, 50, 60, 10
NOTE_WORDS = 1000  # about two printed pages: 20 notes for participants make about 40

WORKSHOP_TITLES = [
    ("Coopérer sur un territoire : de la rencontre au projet commun",
     "Comment naissent les coopérations entre associations, coopératives, entreprises et "
     "collectivités ; ce qui les fait durer."),
    ("Alliances entre l'ESS et les entreprises « classiques »",
     "Mécénat de compétences, achats responsables, co-construction : le choc des cultures "
     "et la manière d'en faire une force."),
    ("Financer l'intérêt général : fondations, dons et finance solidaire",
     "Panorama des financements, de la philanthropie d'entreprise au financement "
     "participatif ; les effets de la fiscalité des dons."),
    ("Évaluer l'impact social sans le réduire à des indicateurs",
     "Méthodes d'évaluation, mesure d'impact, utilité sociale : ce que l'on compte et ce "
     "qui compte."),
    ("Les communs et la gouvernance partagée",
     "Habitat participatif, tiers-lieux, coopératives d'intérêt collectif (SCIC) : "
     "décider ensemble et partager la valeur."),
    ("Transition écologique et économie circulaire dans les métropoles",
     "Recycleries, alimentation durable, mobilité : l'ESS comme laboratoire de la "
     "transition."),
    ("Engagement, bénévolat et professionnalisation",
     "Nouvelles formes d'engagement des jeunes, place des bénévoles dans des structures "
     "qui se professionnalisent."),
    ("Regards européens : Pologne, Italie, Danemark, Espagne",
     "Spółdzielnie socjalne, cooperative sociali, andelsbevægelsen, economía social : ce "
     "que nos voisins font autrement."),
]
ROOMS = ["Salle Ostrom", "Salle Polanyi", "Salle Mauss", "Salle Gide", "Salle Laville",
         "Salle Demoustier", "Salle Draperi", "Salle Castel"]
ORGANISATIONS = [
    "Sciences Po Grenoble", "Université Grenoble Alpes", "Grenoble-Alpes Métropole",
    "Le Rameau", "Avise", "ESS France", "Fondation de France", "Crédit Coopératif",
    "Scop Ti", "Enercoop", "Emmaüs Connect", "France Active", "La Ruche", "CRESS AURA",
    "Uniwersytet Warszawski", "Università di Bologna", "Københavns Universitet",
    "Universitat de València", "Cité de l'économie", "Mouvement associatif",
]
NOTE_HEADINGS = [
    "Questions pour la séance", "Ce que disent les textes", "Pistes de travail",
    "Un cas à discuter", "Vocabulaire", "Avant l'atelier", "Déroulé proposé",
    "Ce qu'il faut retenir", "Pour aller plus loin", "Points de désaccord",
]


# --- the library ------------------------------------------------------------------------

def _sentence(rng: random.Random, vocab: lb.Vocabulary) -> str:
    w = vocab.words(5, False)
    text = rng.choice(lb.FRENCH_SENTENCES).format(a=w[0], b=w[1] + " " + w[2], c=w[3])
    roll = rng.random()
    if roll < 0.15:
        text = text.replace(w[0], f"*{w[0]}*", 1)
    elif roll < 0.22:
        text = text.replace(w[1], f"**{w[1]}**", 1)
    elif roll < 0.25:
        text += f" Voir [la fiche en ligne](https://example.org/ess/{rng.randint(1, 999)})."
    return text


def _paragraph(rng: random.Random, vocab: lb.Vocabulary, sentences: int) -> str:
    return " ".join(_sentence(rng, vocab) for _ in range(sentences))


def make_note(rng: random.Random, vocab: lb.Vocabulary, title: str, words: int) -> str:
    """Markdown of about ``words`` words: headings, paragraphs, emphasis, lists, links."""
    parts = [f"# {title}", _paragraph(rng, vocab, 4)]
    while sum(len(p.split()) for p in parts) < words:
        parts.append(f"## {rng.choice(NOTE_HEADINGS)}")
        parts.append(_paragraph(rng, vocab, rng.randint(3, 6)))
        roll = rng.random()
        if roll < 0.4:
            parts.append("\n".join(f"- {_sentence(rng, vocab)}"
                                   for _ in range(rng.randint(3, 6))))
        elif roll < 0.6:
            parts.append("\n".join(f"{i}. {_sentence(rng, vocab)}"
                                   for i in range(1, rng.randint(3, 5) + 1)))
        elif roll < 0.7:
            parts.append("> " + _sentence(rng, vocab))
        elif roll < 0.8:
            parts.append("### " + rng.choice(NOTE_HEADINGS).lower().capitalize())
            parts.append(_paragraph(rng, vocab, 3))
    return "\n\n".join(parts) + "\n"


def write_pdf(path: Path, title: str, pages: int, rng: random.Random,
              vocab: lb.Vocabulary) -> None:
    """A quick ReportLab canvas PDF: a title and about 45 lines of text a page."""
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setTitle(title)
    for page in range(1, pages + 1):
        c.setFont("Helvetica-Bold", 14)
        c.drawString(60, 790, f"{title[:70]} ({page}/{pages})")
        c.setFont("Helvetica", 10)
        y = 760
        while y > 70:
            line = " ".join(vocab.words(rng.randint(8, 12), rng.random() < 0.3))
            c.drawString(60, y, line[:95])
            y -= 15
        c.showPage()
    c.save()


def _person_name(rng: random.Random) -> tuple[str, str]:
    return rng.choice(lb.FAMILIES), rng.choice(lb.GIVENS)


def _add_edition(lib: Library) -> None:
    start = date(YEAR, 11, 26)
    editions.add(lib, YEAR, "Séminaire prospectif de l'ESEAC 2026",
                 theme="Coopérer sur les territoires : alliances, communs et transitions",
                 start_date=start, end_date=start + timedelta(days=1),
                 venue="Sciences Po Grenoble, Saint-Martin-d'Hères",
                 organisers=["Sciences Po Grenoble", "Grenoble-Alpes Métropole",
                             "Université Grenoble Alpes"])


def _add_workshops(lib: Library, rng: random.Random, ref_ids: Sequence[int],
                   vocab: lb.Vocabulary) -> int:
    """The 8 workshops and their reading lists: every reference once, 40 twice."""
    for number, (title, description) in enumerate(WORKSHOP_TITLES, 1):
        facilitators = [" ".join(reversed(_person_name(rng))) for _ in range(2)]
        workshops.add(lib, YEAR, title, number=number, description=description,
                      facilitators=facilitators, room=ROOMS[number - 1])
    placed = [(i % N_WORKSHOPS + 1, ref) for i, ref in enumerate(ref_ids)]
    placed += [((i + 4) % N_WORKSHOPS + 1, ref) for i, ref in enumerate(ref_ids) if i % 10 == 0]
    roles = [ReadingRole.REQUIRED, ReadingRole.BACKGROUND, ReadingRole.PRODUCED]
    for number, ref in placed:
        role = rng.choices(roles, weights=(40, 50, 10))[0]
        annotation = _sentence(rng, vocab).replace("*", "") if rng.random() < 0.3 else ""
        workshops.add_reading(lib, YEAR, number, ref, role=role, annotation=annotation)
    return len(placed)


def _add_notes(lib: Library, rng: random.Random, vocab: lb.Vocabulary) -> tuple[int, int]:
    """Two notes for participants per workshop, four on the edition, four internal ones."""
    edition_id = editions.get(lib, YEAR).id
    ws_ids = [w.id for w in workshops.list_workshops(lib, YEAR)]
    owners = ([Owner("workshop", w) for w in ws_ids for _ in range(2)]
              + [Owner("edition", edition_id)] * 4)
    words = 0
    for i, owner in enumerate(owners):
        title = f"Note {i + 1} : {rng.choice(NOTE_HEADINGS).lower()}"
        body = make_note(rng, vocab, title, NOTE_WORDS)
        words += len(body.split())
        notes.add(lib, owner, body, title=title, visibility=Visibility.PARTICIPANTS)
    for owner in owners[:4]:
        notes.add(lib, owner, make_note(rng, vocab, "Logistique (interne)", 150),
                  title="Logistique", visibility=Visibility.INTERNAL)
    return len(owners), words


def _add_pdfs(lib: Library, rng: random.Random, vocab: lb.Vocabulary,
              tmp: Path) -> int:
    """50 PDFs: 10 on the edition, 5 on each workshop."""
    edition_id = editions.get(lib, YEAR).id
    ws_ids = [w.id for w in workshops.list_workshops(lib, YEAR)]
    owners = [Owner("edition", edition_id)] * 10 + [Owner("workshop", w) for w in ws_ids
                                                   for _ in range(5)]
    pages = 0
    for i, owner in enumerate(owners[:N_PDFS]):
        n = rng.randint(2, 6)
        title = f"Document {i + 1:02d} — {lib_title(rng, vocab)}"
        path = tmp / f"document_{i + 1:02d}.pdf"
        write_pdf(path, title, n, rng, vocab)
        attachments.attach(lib, owner, path)
        pages += n
    return pages


def lib_title(rng: random.Random, vocab: lb.Vocabulary) -> str:
    return lb.make_title(vocab, rng.random() < 0.2)


def _add_people(lib: Library, rng: random.Random) -> None:
    """60 participants: 8 facilitators, 2 organisers, 50 participants in 1–2 workshops."""
    roles = ([ParticipantRole.FACILITATOR] * 8 + [ParticipantRole.ORGANISER] * 2
             + [ParticipantRole.PARTICIPANT] * (N_PARTICIPANTS - 10))
    for i, role in enumerate(roles):
        family, given = _person_name(rng)
        person = participants.add(lib, family, given, rng.choice(ORGANISATIONS),
                                  f"p{i + 1}@example.org")
        participants.register(lib, YEAR, person.id, role)
        first = i % N_WORKSHOPS + 1
        chosen = {first} if role is not ParticipantRole.PARTICIPANT or rng.random() < 0.5 \
            else {first, rng.randint(1, N_WORKSHOPS)}
        for number in sorted(chosen):
            participants.assign(lib, YEAR, number, person.id)


def _add_programme(lib: Library) -> int:
    items = 0
    for day_index in range(2):
        day = date(YEAR, 11, 26) + timedelta(days=day_index)
        plenary = [("08:30", "09:00", "Accueil des participants"),
                   ("09:00", "10:00", "Ouverture : « Coopérer, pourquoi ? »"),
                   ("12:30", "14:00", "Déjeuner"),
                   ("17:30", "18:30", "Restitution en plénière")]
        for start, end, title in plenary:
            programme.add(lib, YEAR, day, start, end, title=title, room="Amphithéâtre A")
            items += 1
        for offset, (start, end) in enumerate((("10:15", "12:15"), ("14:15", "17:15"))):
            for k in range(2):
                number = day_index * 4 + offset * 2 + k + 1
                programme.add(lib, YEAR, day, start, end, room=ROOMS[number - 1],
                              workshop=number)
                items += 1
    return items


def build_library(folder: Path) -> dict[str, Any]:
    """Fill a new library in ``folder``; returns what it holds."""
    rng = random.Random(SEED)
    vocab = lb.Vocabulary(rng)
    drafts = lb.make_drafts(N_REFERENCES, SEED)
    # Abstracts are printed by the default ISO 690 style: keep them on a quarter only.
    drafts = [d if i % 4 == 0 else type(d)(**{**_draft_fields(d), "fields": {
        k: v for k, v in d.fields.items() if k != "abstract"}}) for i, d in enumerate(drafts)]
    t0 = time.perf_counter()
    lib = Library.open(folder)
    try:
        ids = references.add_many(lib, drafts)
        _add_edition(lib)
        readings = _add_workshops(lib, rng, ids, vocab)
        n_notes, words = _add_notes(lib, rng, vocab)
        with tempfile.TemporaryDirectory(prefix="dossier-bench-pdfs-") as tmp:
            pdf_pages = _add_pdfs(lib, rng, vocab, Path(tmp))
        _add_people(lib, rng)
        items = _add_programme(lib)
    finally:
        lib.close()
    record = {"seed": SEED, "complete": True, "references": len(ids), "readings": readings,
              "notes": n_notes, "note_words": words, "pdfs": N_PDFS, "pdf_pages": pdf_pages,
              "participants": N_PARTICIPANTS, "programme_items": items,
              "build_s": round(time.perf_counter() - t0, 1)}
    (folder / BUILD_RECORD).write_text(json.dumps(record, indent=2), encoding="utf-8")
    return record


def _draft_fields(draft: Any) -> dict[str, Any]:
    return {name: getattr(draft, name) for name in (
        "item_type", "title", "creators", "issued", "fields", "custom", "tags",
        "citation_key")}


def keep_only(folder: Path, count: int) -> None:
    """Unregister all but ``count`` participants (for the per-participant batch)."""
    with Library.open(folder, create=False) as lib:
        regs = participants.registrations(lib, YEAR)
        for reg in regs[count:]:
            participants.unregister(lib, YEAR, reg.participant.id)


# --- the floor: bare ReportLab and pypdf on the same texts -------------------------------

@dataclass
class FloorData:
    """Everything the floor prints, as paragraph markup prepared before the clock starts."""

    cover: list[tuple[str, str]]  # (style name, markup)
    programme: list[tuple[str, list[list[str]]]]  # (day, rows of cells)
    workshops: list[tuple[str, list[tuple[str, str]], list[tuple[str, str]]]]
    bibliography: list[str]
    attachments: list[tuple[str, str]]  # (title, path)
    header: str


def runs_markup(runs: Sequence[Any]) -> str:
    """A bibliography entry's runs as paragraph markup (as a builder must do it)."""
    from seminaire_app.dossiers.typography import markup
    out = []
    for run in runs:
        text = markup(run.text)
        for flag, tag in (("italic", "i"), ("bold", "b"), ("superscript", "super"),
                          ("subscript", "sub")):
            if getattr(run, flag):
                text = f"<{tag}>{text}</{tag}>"
        if run.link:
            text = f'<a href="{markup(run.link)}" color="#1f4e79">{text}</a>'
        out.append(text)
    return "".join(out)


_INLINE = [(re.compile(r"\*\*(.+?)\*\*"), r"<b>\1</b>"), (re.compile(r"\*(.+?)\*"), r"<i>\1</i>"),
           (re.compile(r"\[(.+?)\]\((.+?)\)"), r'<a href="\2" color="#1f4e79">\1</a>')]


def markdown_blocks(body: str) -> list[tuple[str, str]]:
    """Markdown as (style name, markup) pairs: headings, paragraphs, items, quotes."""
    from seminaire_app.dossiers.typography import typeset
    blocks: list[tuple[str, str]] = []
    for block in body.split("\n\n"):
        for line in (block.splitlines() if block.lstrip()[:2] in ("- ", "1.") else [block]):
            style, text = "body", line.strip()
            if text.startswith("#"):
                level = len(text) - len(text.lstrip("#"))
                style, text = ("h2", "h3", "h3")[min(level, 3) - 1], text.lstrip("# ")
            elif text.startswith("- ") or text[:1].isdigit():
                style, text = "bullet", text.split(" ", 1)[1]
            elif text.startswith("> "):
                style, text = "quote", text[2:]
            text = typeset(text, "fr-FR")
            for pattern, repl in _INLINE:
                text = pattern.sub(repl, text)
            blocks.append((style, text))
    return blocks


def gather_floor_data(lib: Library) -> FloorData:
    from seminaire_app import citations
    from seminaire_app.dossiers.typography import typeset
    edition = editions.get(lib, YEAR)
    cover = [("cover_title", edition.title), ("cover_subtitle", edition.theme),
             ("cover_line", f"{edition.start_date} – {edition.end_date}"),
             ("cover_line", edition.venue), ("cover_line", " · ".join(edition.organisers))]
    days: dict[str, list[list[str]]] = {}
    for item in programme.list_items(lib, YEAR):
        days.setdefault(str(item.day), []).append(
            [f"{item.start}–{item.end}", item.title, item.room])
    ws_data, all_refs = [], []
    owners = [Owner("edition", edition.id)]
    for ws in workshops.list_workshops(lib, YEAR):
        owners.append(Owner("workshop", ws.id))
        info = [("body", typeset(ws.description, "fr-FR")),
                ("muted", typeset("Animation : " + ", ".join(ws.facilitators), "fr-FR"))]
        blocks: list[tuple[str, str]] = []
        for note in notes.list_for(lib, Owner("workshop", ws.id), Visibility.PARTICIPANTS):
            blocks += markdown_blocks(note.body)
        entries = workshops.reading_list(lib, YEAR, ws.number)
        notes_by_ref = {e.reference.id: e.annotation for e in entries}
        all_refs += [e.reference for e in entries]
        readings = []
        for ref, runs in citations.rich_bibliography([e.reference for e in entries]):
            readings.append(("entry", runs_markup(runs)))
            if notes_by_ref.get(ref.id):
                readings.append(("annotation", typeset(notes_by_ref[ref.id], "fr-FR")))
        ws_data.append((f"Atelier {ws.number} — {ws.title}", info + blocks, readings))
    bibliography = [runs_markup(runs) for _, runs in citations.rich_bibliography(all_refs)]
    files = [(a.filename, a.path) for owner in owners for a in attachments.list_for(lib, owner)]
    return FloorData(cover, list(days.items()), ws_data, bibliography, files,
                     f"{edition.title} · {edition.year}")


def floor_build(data: FloorData, out: Path, one_pass: bool = False) -> tuple[int, int]:
    """The floor's timed part: flowables, multiBuild with a TOC, pypdf appends; returns
    the page count and multiBuild's number of layout passes. ``one_pass``: a single
    ``build`` instead (the contents stay empty): the least any layout of these
    flowables can cost."""
    import io

    from pypdf import PdfReader, PdfWriter
    from reportlab.lib.units import cm
    from reportlab.platypus import (
        BaseDocTemplate,
        Flowable,
        Frame,
        PageBreak,
        PageTemplate,
        Paragraph,
        Table,
        TableStyle,
    )
    from reportlab.platypus.tableofcontents import TableOfContents

    from seminaire_app.dossiers.styles import RULE, make_styles
    from seminaire_app.dossiers.typography import markup

    styles = make_styles()
    counts = [len(PdfReader(path).pages) for _, path in data.attachments]

    class Doc(BaseDocTemplate):
        total = 0

        def build(self, flowables: list[Any], *args: Any, **kwargs: Any) -> None:
            super().build(flowables, *args, **kwargs)
            self.total = self.page

        def afterFlowable(self, flowable: Any) -> None:  # noqa: N802 - ReportLab's name
            level = getattr(flowable, "toc_level", None)
            if level is not None:
                key = f"k{id(flowable)}"
                self.canv.bookmarkPage(key)
                self.canv.addOutlineEntry(flowable.getPlainText(), key, level)
                self.notify("TOCEntry", (level, flowable.getPlainText(), self.page, key))

    class AttachmentMarks(Flowable):
        def wrap(self, *args: Any) -> tuple[float, float]:
            return 0, 0

        def draw(self) -> None:
            start = self.canv.getPageNumber() + 1
            for (title, _), count in zip(data.attachments, counts, strict=True):
                self.canv._doctemplate.notify("TOCEntry", (1, markup(title), start, None))
                start += count

    def on_page(canv: Any, doc: Doc) -> None:
        canv.saveState()
        canv.setFont(styles.header_font, styles.header_size)
        canv.drawString(doc.leftMargin, A4[1] - 1.4 * cm, data.header)
        canv.drawRightString(A4[0] - doc.rightMargin, 1.2 * cm,
                             f"page {doc.page} / {doc.total or '?'}")
        canv.restoreState()

    def heading(text: str, level: int) -> Paragraph:  # text: markup
        para = Paragraph(text, styles.heading(level + 1))
        para.toc_level = level
        return para

    story: list[Any] = [Paragraph(markup(text), getattr(styles, name))
                        for name, text in data.cover]
    toc = TableOfContents()
    toc.levelStyles = list(styles.toc_levels)
    story += [PageBreak(), heading("Sommaire", 0), toc, PageBreak(), heading("Programme", 0)]
    for day, rows in data.programme:
        story.append(heading(markup(day), 1))
        cells = [[Paragraph(markup(c), styles.table_cell) for c in row] for row in rows]
        table = Table(cells, colWidths=[3 * cm, 9 * cm, 4 * cm])
        table.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
                                   ("VALIGN", (0, 0), (-1, -1), "TOP")]))
        story.append(table)
    for title, blocks, readings in data.workshops:
        story += [PageBreak(), heading(markup(title), 0)]
        for name, text in blocks:
            story.append(heading(text, 1) if name == "h2" else
                         Paragraph(text, getattr(styles, name)))
        story.append(heading("Bibliographie de l'atelier", 1))
        story += [Paragraph(text, getattr(styles, name)) for name, text in readings]
    story += [PageBreak(), heading("Bibliographie", 0)]
    story += [Paragraph(text, styles.entry) for text in data.bibliography]
    story.append(AttachmentMarks())

    buffer = io.BytesIO()
    doc = Doc(buffer, pagesize=A4, leftMargin=2.2 * cm, rightMargin=2.2 * cm,
              topMargin=2.2 * cm, bottomMargin=2 * cm, title=data.header, author="bench")
    doc.addPageTemplates([PageTemplate("page", [Frame(doc.leftMargin, doc.bottomMargin,
                                                      doc.width, doc.height)],
                                       onPage=on_page)])
    if one_pass:
        doc.build(story)
        passes = 1
    else:
        passes = doc.multiBuild(story)
    writer = PdfWriter()
    buffer.seek(0)
    writer.append(buffer)
    for title, path in data.attachments:
        writer.append(path, outline_item=title)
    with out.open("wb") as handle:
        writer.write(handle)
    return len(writer.pages), passes


# --- measurements, each in a fresh process ----------------------------------------------

def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


def _pages(path: Path) -> int:
    from pypdf import PdfReader
    return len(PdfReader(path).pages)


def _work(mode: str, lib: Library, out: Path, extra: dict[str, Any]) -> Callable[[], int]:
    """What ``mode`` times, ready to run; returns the page count written."""
    if mode in ("floor", "one-pass"):
        data = gather_floor_data(lib)  # the prepared texts: not timed

        def floor() -> int:
            pages, extra["passes"] = floor_build(data, out, one_pass=mode == "one-pass")
            return pages
        return floor
    from seminaire_app.dossiers import build_dossier, build_per_participant
    from seminaire_app.dossiers.model import DossierRequest, Template
    if mode == "batch":
        return lambda: build_per_participant(lib, DossierRequest(year=YEAR),
                                             folder=out).page_count
    template = Template.BADGES if mode == "badges" else Template.PACK
    request = DossierRequest(template=template, year=YEAR)
    return lambda: build_dossier(lib, request, out).page_count


def child(mode: str, folder: Path, out: Path) -> dict[str, Any]:
    """One measurement in this (fresh) process; the clock starts after the imports and
    the library's opening, as in a command after its start-up."""
    import tracemalloc

    extra: dict[str, Any] = {}
    lib = Library.open(folder, create=False)
    try:
        work = _work(mode, lib, out, extra)
        if mode == "tracemalloc":
            tracemalloc.start()
        rss_before = _rss_mb()
        wall, cpu = time.perf_counter(), time.process_time()
        pages = work()
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    finally:
        lib.close()
    result = {"mode": mode, "wall": wall, "cpu": cpu, "pages": pages,
              "rss_before_mb": rss_before, "rss_peak_mb": _rss_mb(), **extra}
    if mode == "tracemalloc":
        result["python_peak_mb"] = tracemalloc.get_traced_memory()[1] / 2**20
    if mode == "batch":
        result["files"] = len(list(out.glob("*.pdf")))
    else:
        result["pdf_pages"], result["size_mb"] = _pages(out), out.stat().st_size / 2**20
    return result


def run_child(mode: str, folder: Path, out: Path) -> dict[str, Any]:
    proc = subprocess.run([sys.executable, __file__, "--child", mode, str(folder), str(out)],
                          capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        last = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        return {"mode": mode, "error": last}
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


@dataclass
class Row:
    name: str
    runs: list[dict[str, Any]]
    target: bool = False  # the targets apply

    @property
    def error(self) -> str:
        return next((r["error"] for r in self.runs if "error" in r), "")

    def median(self, key: str) -> float:
        return float(statistics.median(r[key] for r in self.runs))

    def best(self, key: str) -> float:
        return float(min(r[key] for r in self.runs))


def _cells(row: Row) -> list[str]:
    if row.error:
        return [row.name, "", "", "", "", "", "", f"failed: {row.error}"]
    n = len(row.runs)
    wall = f"{row.median('wall'):.2f} s" + (f" (best {row.best('wall'):.2f})" if n > 1 else "")
    cells = [row.name, wall, f"{row.median('cpu'):.2f} s", f"{row.median('rss_peak_mb'):.0f} MB",
             f"{row.runs[0]['pages']}"]
    if not row.target:
        passes = row.runs[0].get("passes")
        files = row.runs[0].get("files")
        return [*cells, "", "", (f"{passes} layout pass{'es' if passes > 1 else ''}; "
                                 if passes else "") + (f"{files} files; " if files else "")
                + f"{n} run{'s' if n > 1 else ''}; RSS before the build "
                f"{row.median('rss_before_mb'):.0f} MB"]
    ok = row.median("wall") <= TARGET_S and row.median("rss_peak_mb") <= TARGET_MB
    return [*cells, f"≤ {TARGET_S:.0f} s, ≤ {TARGET_MB:.0f} MB", "PASS" if ok else "FAIL",
            f"median of {n}; RSS before the build {row.median('rss_before_mb'):.0f} MB"]


def print_table(rows: Sequence[list[str]]) -> None:
    headers = ["figure", "wall", "CPU", "peak RSS", "pages", "target", "result", "note"]
    widths = [max(len(r[i]) for r in (headers, *rows)) for i in range(len(headers))]
    line = "  ".join(f"{{:<{w}}}" for w in widths)
    print(line.format(*headers).rstrip())
    print(line.format(*("-" * w for w in widths)).rstrip())
    for row in rows:
        print(line.format(*row).rstrip())


def _library(args: argparse.Namespace, temp: Path) -> tuple[Path, dict[str, Any]]:
    folder = (args.folder.expanduser().resolve() if args.folder else temp / "library")
    record_path = folder / BUILD_RECORD
    if record_path.is_file():
        record: dict[str, Any] = json.loads(record_path.read_text(encoding="utf-8"))
        if record.get("complete") and record.get("seed") == SEED:
            return folder, record
        shutil.rmtree(folder)  # ours, but stale or half-built
    elif (folder / DATABASE_NAME).exists():
        raise SystemExit(f"{folder} holds a library this bench did not build: not touching it")
    print(f"building the library in {folder} …", flush=True)
    return folder, build_library(folder)


def measure(folder: Path, work: Path, args: argparse.Namespace) -> list[Row]:
    pack = Row("pack: build_dossier", [], True)
    floor = Row("floor: ReportLab multiBuild + pypdf", [])
    one_pass = Row("floor, 1 pass: ReportLab build + pypdf", [])
    for i in range(args.repeat):
        print(f"run {i + 1}/{args.repeat}: pack, floor, one-pass floor …", flush=True)
        pack.runs.append(run_child("pack", folder, work / f"pack{i}.pdf"))
        floor.runs.append(run_child("floor", folder, work / f"floor{i}.pdf"))
        one_pass.runs.append(run_child("one-pass", folder, work / f"one{i}.pdf"))
    rows = [pack, floor, one_pass]
    if args.tracemalloc:
        print("pack under tracemalloc …", flush=True)
        traced = run_child("tracemalloc", folder, work / "traced.pdf")
        rows.append(Row("pack under tracemalloc (times meaningless)", [traced]))
    print(f"per-participant batch of {N_BATCH}, badges of {N_PARTICIPANTS} …", flush=True)
    few = work / "library10"
    shutil.copytree(folder, few)
    keep_only(few, N_BATCH)
    rows.append(Row(f"per-participant: {N_BATCH} packs", [run_child("batch", few,
                                                                    work / "packs")]))
    rows.append(Row(f"badges: {N_PARTICIPANTS} participants",
                    [run_child("badges", folder, work / "badges.pdf")]))
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        for name in ("pack0.pdf", "floor0.pdf", "badges.pdf"):
            if (work / name).is_file():
                shutil.copy2(work / name, args.keep / name)
    return rows


def report(rows: Sequence[Row], record: dict[str, Any], loads: tuple[float, float]) -> int:
    print()
    print(f"Séminaire dossier bench: {record['references']} references "
          f"({record['readings']} reading-list entries), {record['notes']} notes for "
          f"participants ({record['note_words']:,} words), {record['pdfs']} attached PDFs "
          f"({record['pdf_pages']} pages), {record['participants']} participants, "
          f"{record['programme_items']} programme items")
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load average "
          f"{loads[0]:.1f} → {loads[1]:.1f}")
    print()
    print_table([_cells(row) for row in rows])
    pack = rows[0]
    print()
    for floor in rows[1:3]:
        if pack.error or floor.error:
            continue
        print(f"ours / {floor.name.split(':')[0]}: "
              f"{pack.median('wall') / floor.median('wall'):.2f} wall, "
              f"{pack.median('cpu') / floor.median('cpu'):.2f} CPU, "
              f"{pack.median('rss_peak_mb') / floor.median('rss_peak_mb'):.2f} peak RSS "
              f"(pages: ours {pack.runs[0]['pages']}, floor {floor.runs[0]['pages']}; "
              f"floor's layout passes: {floor.runs[0].get('passes')})")
    traced = next((r for r in rows if "tracemalloc" in r.name and not r.error), None)
    if traced:
        print(f"Python allocations at their peak (tracemalloc): "
              f"{traced.runs[0]['python_peak_mb']:.0f} MB")
    if max(loads) > 1.0:
        print("note: other processes were running (load average above 1 on this machine); "
              "timings are inflated accordingly")
    if pack.error:
        print("the pack was not built: no verdict")
        return 1
    ok = pack.median("wall") <= TARGET_S and pack.median("rss_peak_mb") <= TARGET_MB
    print("all targets met" if ok else "target missed")
    return 0 if ok else 1


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3,
                        help="builds of the pack and of the floor (default 3)")
    parser.add_argument("--folder", type=Path, help="library folder, built once and reused")
    parser.add_argument("--keep", type=Path, metavar="DIR",
                        help="copy the pack, the floor's PDF and the badges there")
    parser.add_argument("--tracemalloc", action="store_true",
                        help="one more pack under tracemalloc, for the peak of Python's own "
                             "allocations (slow: about 13 times the normal build)")
    parser.add_argument("--child", nargs=3, metavar=("MODE", "LIBRARY", "OUT"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        mode, folder, out = args.child
        print(json.dumps(child(mode, Path(folder), Path(out))))
        return 0
    with tempfile.TemporaryDirectory(prefix="seminaire-dossier-bench-") as tmp:
        folder, record = _library(args, Path(tmp))
        load_before = os.getloadavg()[0]
        rows = measure(folder, Path(tmp), args)
        return report(rows, record, (load_before, os.getloadavg()[0]))


if __name__ == "__main__":
    sys.exit(main())
