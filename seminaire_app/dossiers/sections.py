"""The parts of a pack or workshop dossier as flowables: presentation, programme,
workshops and participants list. The cover, bibliography and attachments have their own
modules.

Every piece of the team's text goes through :func:`typography.typeset` (French spacing,
escaped) and names through :func:`typography.markup`: nothing typed in the library is
ever read as ReportLab markup.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from ..domain import Note, ProgrammeItem, Registration, Workshop
from .bibliography import FormattedReferences, reading_list
from .content import EditionContent, WorkshopContent
from .document import Heading
from .labels import Labels
from .markdown import note_flowables
from .styles import ACCENT, RULE, TABLE_FONT, DossierStyles
from .typography import format_date, format_time_range, markup, typeset


def workshop_label(labels: Labels, number: int) -> str:
    """« Atelier n° 3 »."""
    return labels.workshop.format(number=number)


def workshop_heading(labels: Labels, workshop: Workshop) -> str:
    """« Atelier n° 3 — Structurer les coopérations », plain text."""
    return labels.workshop_title.format(label=workshop_label(labels, workshop.number),
                                        title=workshop.title)


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]




# --- presentation ----------------------------------------------------------------------

def presentation(notes: Sequence[Note], labels: Labels, styles: DossierStyles,
                 locale: str) -> list[Flowable]:
    """The edition's notes for participants, each a chapter of its own."""
    out: list[Flowable] = []
    for i, note in enumerate(notes):
        title = note.title.strip() or labels.introduction
        out.append(PageBreak() if i == 0 else CondPageBreak(60 * mm))
        out.append(Heading(title, styles.h1, locale))
        out += note_flowables(note.body, styles, locale)
    return out


# --- programme -------------------------------------------------------------------------

def programme(items: Sequence[ProgrammeItem], labels: Labels, styles: DossierStyles,
              locale: str) -> list[Flowable]:
    """The timetable: a table per day; parallel sessions share their time cell."""
    out: list[Flowable] = [PageBreak(), Heading(labels.programme, styles.h1)]
    for day, day_items in itertools.groupby(items, key=lambda i: i.day):
        out.append(Paragraph(markup(capitalised(format_date(day, locale, weekday=True))),
                             styles.h2))
        out.append(_day_table(list(day_items), labels, styles, locale))
    return out


def _session(item: ProgrammeItem, labels: Labels, styles: DossierStyles,
             locale: str) -> Paragraph:
    if item.workshop_number is None:
        return Paragraph(typeset(item.title, locale), styles.table_cell)
    label = markup(workshop_label(labels, item.workshop_number))
    return Paragraph(f"<b>{label}</b> — {typeset(item.title, locale)}", styles.table_cell)


def _day_table(items: Sequence[ProgrammeItem], labels: Labels, styles: DossierStyles,
               locale: str) -> Table:
    head = [Paragraph(markup(t), styles.table_head)
            for t in (labels.time_column, labels.session_column, labels.room_column)]
    rows: list[list[Flowable | str]] = [head]
    commands: list[tuple[object, ...]] = [
        TABLE_FONT, ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
        ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 4), ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    previous: tuple[str, str] | None = None
    for item in items:
        slot = (item.start, item.end)
        time = format_time_range(item.start, item.end, locale) if slot != previous else ""
        if slot != previous and previous is not None:
            commands.append(("LINEABOVE", (0, len(rows)), (-1, len(rows)), 0.4, RULE))
        previous = slot
        rows.append([Paragraph(markup(time), styles.table_cell),
                     _session(item, labels, styles, locale),
                     Paragraph(typeset(item.room, locale), styles.table_cell)])
    table = Table(rows, colWidths=["22%", "56%", "22%"], repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle(commands))
    return table


# --- workshops -------------------------------------------------------------------------

def workshop_chapter(ws: WorkshopContent, content: EditionContent,
                     formatted: FormattedReferences, labels: Labels, styles: DossierStyles,
                     locale: str) -> list[Flowable]:
    """One workshop: heading, facilitators, room and sessions, description, its notes for
    participants, and its reading list with annotations."""
    workshop = ws.workshop
    title = workshop_heading(labels, workshop)
    out: list[Flowable] = [PageBreak(), Heading(title, styles.h1, locale)]
    out += _workshop_facts(workshop, content.programme, labels, styles, locale)
    if workshop.description.strip():
        out += [Paragraph(typeset(p.strip(), locale), styles.body)
                for p in workshop.description.split("\n\n") if p.strip()]
    for note in ws.notes:
        note_title = note.title.strip() or labels.notes
        out.append(Heading(note_title, styles.h2, locale, toc_level=1))
        out += note_flowables(note.body, styles, locale)
    if ws.readings:  # no empty « Lectures » heading, nor its line in the contents
        out.append(Heading(labels.reading_list, styles.h2, toc_level=1))
        out += reading_list(ws.readings, formatted, styles, labels, locale)
    return out


def _sessions(workshop: Workshop, items: Sequence[ProgrammeItem], locale: str) -> str:
    """« jeudi 23 novembre, 10 h 45 – 12 h 30 et 14 h – 16 h 30 ; vendredi 24… »."""
    mine = [i for i in items if i.workshop_number == workshop.number]
    french = locale.lower().startswith("fr")
    days = []
    for day, day_items in itertools.groupby(mine, key=lambda i: i.day):
        # The year is on the cover; without it a day reads at a glance.
        name = format_date(day, locale, weekday=True).rsplit(" ", 1)[0]
        times = (" et " if french else " and ").join(
            format_time_range(i.start, i.end, locale) for i in day_items)
        days.append(f"{name}, {times}")
    return (" ; " if french else "; ").join(days)


def _workshop_facts(workshop: Workshop, items: Sequence[ProgrammeItem], labels: Labels,
                    styles: DossierStyles, locale: str) -> list[Flowable]:
    """« Animation : …», « Lieu : … », « Séances : … », one line each."""
    lines = [(labels.facilitators, ", ".join(workshop.facilitators)),
             (labels.room, workshop.room), (labels.sessions, _sessions(workshop, items, locale))]
    colon = "\u00a0: " if locale.lower().startswith("fr") else ": "
    out: list[Flowable] = []
    for name, value in lines:
        if not value:
            continue
        text = f"<b>{markup(name)}</b>{colon}{typeset(value, locale)}"
        out.append(Paragraph(text, styles.body_left))
    if out:
        out.append(Spacer(1, 3 * mm))
    return out


# --- participants ----------------------------------------------------------------------

def participants_list(registrations: Sequence[Registration], labels: Labels,
                      styles: DossierStyles, include_emails: bool,
                      show_workshops: bool = True, locale: str = "fr-FR") -> list[Flowable]:
    """Names, organisations and workshops (e-mails only when asked), by family name."""
    out: list[Flowable] = [PageBreak(), Heading(labels.participants, styles.h1)]
    columns = [labels.name_column, labels.organisation_column]
    if show_workshops:
        columns.append(labels.workshops_column)
    if include_emails:
        columns.append(labels.email_column)
    # The whole text width; an e-mail address fits on one line, workshop numbers are short.
    widths = {(False, False): ["40%", "60%"], (True, False): ["36%", "50%", "14%"],
              (False, True): ["28%", "35%", "37%"],
              (True, True): ["24%", "29%", "13%", "34%"]}[(show_workshops, include_emails)]
    rows: list[list[Flowable | str]] = [[Paragraph(markup(c), styles.table_head)
                                         for c in columns]]
    for reg in registrations:
        person = reg.participant
        name = typeset(person.display(), locale)  # « Hélène d’Arcy », as in the workshops
        role = labels.participant_roles.get(reg.role, "")
        if role:
            name += f' <font color="#555555">({markup(role)})</font>'
        row: list[Flowable | str] = [
            Paragraph(name, styles.table_cell),
            Paragraph(typeset(person.organisation, locale), styles.table_cell)]
        if show_workshops:
            numbers = ", ".join(str(n) for n in reg.workshops)
            row.append(Paragraph(markup(numbers), styles.table_cell))
        if include_emails:
            row.append(Paragraph(markup(person.email), styles.table_cell))
        rows.append(row)
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle([
        TABLE_FONT, ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
        ("LINEBELOW", (0, 1), (-1, -1), 0.3, RULE),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f6f3f4")]),
        ("LEFTPADDING", (0, 0), (-1, -1), 4), ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]))
    out.append(table)
    return out
