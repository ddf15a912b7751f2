"""Name badges: cards of 85 × 54 mm (a credit card's size, for standard badge holders)
butted on A4 or Letter sheets, with crop marks in the margins for the guillotine.

Each card carries the edition in small letters, the given name large and the FAMILY name
under it (its particles as typed: « de LA FONTAINE »), the organisation and the workshops.
Every line shrinks to fit its card, then wraps, then ends with « … »: nothing ever runs
off a card (:func:`layout_card` says where each line goes, and the tests measure it).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from ..domain import Edition, ParticipantRole, Registration, Workshop
from ..errors import Cancelled, ValidationError
from ..progress import NULL_PROGRESS, Progress
from ..textfold import family_sort_key, sort_key
from . import fonts, typography
from .model import PageSize
from .output import temporary_path
from .styles import ACCENT, MUTED

CARD_WIDTH = 85 * mm
CARD_HEIGHT = 54 * mm
PADDING = 4.5 * mm  # inside a card: a cut a millimetre off never touches the text
MARGIN = 10 * mm  # the least margin around the grid, room for the crop marks
MARK_GAP = 2.5 * mm  # between a card's edge and its crop mark
MARK_LENGTH = 5 * mm
ELLIPSIS = "…"

_ROLES = {
    "fr": {ParticipantRole.FACILITATOR: "Animation", ParticipantRole.SPEAKER: "Intervention",
           ParticipantRole.ORGANISER: "Organisation"},
    "en": {ParticipantRole.FACILITATOR: "Facilitator", ParticipantRole.SPEAKER: "Speaker",
           ParticipantRole.ORGANISER: "Organiser"},
}
_SPACES = re.compile(r"\s+")
_PIECES = re.compile(r" *[^ -]*-+| *[^ -]+")  # a word, or a word up to its hyphen
_GREEK_ACCENTS = {"\u0301", "\u0300", "\u0342", "\u0313", "\u0314", "\u0345"}
# Particles that French usage leaves in lower case before a family name in capitals
# (« van der BERG »); « la » and « le » only after « de » (« de la FONTAINE », but
# « LE GOFF »). An elided « d’ » is one too (« d’ARCY »).
_PARTICLES = frozenset({"de", "du", "des", "van", "von", "der", "den", "di", "da", "del",
                        "della", "dos", "das", "do", "ten", "ter"})
_AFTER_DE = frozenset({"la", "le"})
_ELIDED = re.compile("d['\u2019]")


@dataclass(frozen=True, slots=True)
class Sheet:
    """Where the cards sit on a page: ``columns`` × ``rows`` from (``left``, ``bottom``)."""

    width: float
    height: float
    columns: int
    rows: int
    left: float
    bottom: float

    @property
    def per_page(self) -> int:
        return self.columns * self.rows

    def card_origin(self, index: int) -> tuple[float, float]:
        """Lower-left corner of the ``index``-th card of a page, filled row by row from the top."""
        row, column = divmod(index, self.columns)
        return (self.left + column * CARD_WIDTH,
                self.bottom + (self.rows - 1 - row) * CARD_HEIGHT)


def sheet_layout(page_size: PageSize) -> Sheet:
    """A4 holds 2 × 5 cards, Letter 2 × 4, centred with at least :data:`MARGIN` around."""
    width, height = LETTER if page_size is PageSize.LETTER else A4
    columns = int((width - 2 * MARGIN) // CARD_WIDTH)
    rows = int((height - 2 * MARGIN) // CARD_HEIGHT)
    return Sheet(width, height, columns, rows, (width - columns * CARD_WIDTH) / 2,
                 (height - rows * CARD_HEIGHT) / 2)


@dataclass(frozen=True, slots=True)
class TextLine:
    """One line of a card, centred on ``x`` at baseline ``y`` (card coordinates)."""

    text: str
    font: str
    size: float
    x: float
    y: float
    colour: colors.Color = colors.black

    @property
    def width(self) -> float:
        return float(stringWidth(self.text, self.font, self.size))


def _one_line(text: str) -> str:
    return _SPACES.sub(" ", typography.clean(text)).strip()


def _prose(text: str, locale: str) -> str:
    """Text the team wrote, on one line, spaced the French way in a French dossier
    (apostrophes curled in any)."""
    return typography.spaced(_one_line(text), locale)


def _name(text: str) -> str:
    """A name or an organisation on one line, its apostrophes curled (« d’Arcy »)."""
    return typography.curled(_one_line(text))


def family_capitals(family: str) -> str:
    """A family name in capitals as a badge prints it: the particles it starts with stay
    as typed in lower case (« de La Fontaine » → « de LA FONTAINE », « d’Arcy » →
    « d’ARCY »); typed with a capital, a particle is capitalised with the rest
    (« D’Arcy » → « D’ARCY », « Le Goff » → « LE GOFF »). Nothing is kept lower case
    when nothing would follow it."""
    words = family.split(" ")
    head = ""
    previous = ""
    while len(words) > 1 and (words[0] in _PARTICLES
                              or (previous == "de" and words[0] in _AFTER_DE)):
        previous = words.pop(0)
        head += previous + " "
    rest = " ".join(words)
    elided = _ELIDED.match(rest)
    if elided is not None and rest[elided.end():].strip():
        head += elided.group(0)
        rest = rest[elided.end():]
    return head + upper(rest)


def upper(text: str) -> str:
    """Capitals as each script writes them: Greek drops its accents (« ΠΑΠΑΔΟΠΟΥΛΟΥ »)."""
    decomposed = unicodedata.normalize("NFD", text.upper())
    kept = [char for index, char in enumerate(decomposed)
            if not (char in _GREEK_ACCENTS and index and _is_greek(decomposed[index - 1]))]
    return unicodedata.normalize("NFC", "".join(kept))


def _is_greek(char: str) -> bool:
    return "\u0370" <= char <= "\u03ff" or "\u1f00" <= char <= "\u1fff"


def fit(text: str, font: str, largest: float, smallest: float, width: float,
        max_lines: int) -> tuple[float, list[str]]:
    """The largest size from ``largest`` down to ``smallest`` at which ``text`` takes at
    most ``max_lines`` lines of ``width``; at ``smallest`` it is cut to fit, with « … »."""
    size = largest
    while size > smallest:
        lines = _wrap(text, font, size, width)
        if len(lines) <= max_lines:
            return size, lines
        size = max(smallest, size - 0.5)
    lines = _wrap(text, font, smallest, width)
    if len(lines) > max_lines:
        lines = [*lines[:max_lines - 1], _ellipsize(lines[max_lines - 1], font, smallest, width)]
    return smallest, lines


def _wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Lines of whole words, broken after a hyphen if need be (« Łukasiewicz-| Őrsi »),
    between letters for a word wider than ``width``."""
    lines: list[str] = []
    line = ""
    for piece in _PIECES.findall(text):
        candidate = line + piece if line else piece.lstrip()
        if stringWidth(candidate.rstrip(), font, size) <= width:
            line = candidate
            continue
        if line.strip():
            lines.append(line.rstrip())
        line = ""
        for char in piece.lstrip():
            if line and stringWidth(line + char, font, size) > width:
                lines.append(line)
                line = ""
            line += char
    return [*lines, line.rstrip()] if line.strip() else lines


def _ellipsize(text: str, font: str, size: float, width: float) -> str:
    """``text`` said to go on: « … » at its end, letters dropped until it fits."""
    while text and stringWidth(text.rstrip() + ELLIPSIS, font, size) > width:
        text = text[:-1]
    return text.rstrip() + ELLIPSIS


def workshops_label(numbers: Sequence[int], workshops: dict[int, Workshop], locale: str) -> str:
    """« Atelier 2 · Titre » for one workshop, « Ateliers 1 et 3 » for several."""
    french = typography.is_french(locale)
    numbers = sorted(set(numbers))
    if not numbers:
        return ""
    if len(numbers) == 1:
        word = "Atelier" if french else "Workshop"
        workshop = workshops.get(numbers[0])
        title = _prose(workshop.title, locale) if workshop else ""
        return f"{word} {numbers[0]} · {title}" if title else f"{word} {numbers[0]}"
    listed = ", ".join(str(n) for n in numbers[:-1])
    return (f"Ateliers {listed} et {numbers[-1]}" if french
            else f"Workshops {listed} and {numbers[-1]}")


def edition_label(edition: Edition, locale: str) -> str:
    """The edition's title, with its year when the title does not say it."""
    title = _prose(edition.title, locale)
    year = str(edition.year)
    return title if year in title else f"{title} · {year}".strip(" ·")


def layout_card(registration: Registration, edition: Edition, workshops: dict[int, Workshop],
                locale: str) -> list[TextLine]:
    """The lines of one card, from top to bottom, all within the card's padding."""
    inner = CARD_WIDTH - 2 * PADDING
    centre = CARD_WIDTH / 2
    bold = f"{fonts.SANS}-Bold"
    person = registration.participant
    lines: list[TextLine] = []
    size, header = fit(upper(edition_label(edition, locale)), bold, 7, 5, inner, 1)
    lines.append(TextLine(header[0], bold, size, centre, CARD_HEIGHT - PADDING - 6, ACCENT))

    given, family = _name(person.given), family_capitals(_name(person.family))
    name: list[tuple[str, str, float]] = []
    if given:
        size, wrapped = fit(given, bold, 22, 11, inner, 1)
        name += [(text, bold, size) for text in wrapped]
    if family:
        largest = 16 if given else 22
        size, wrapped = fit(family, bold if not given else fonts.SANS, largest, 9, inner, 2)
        name += [(text, bold if not given else fonts.SANS, size) for text in wrapped]
    # The name block sits in the middle, between the header and the two bottom lines.
    height = sum(size * 1.12 for _, _, size in name)
    top = CARD_HEIGHT / 2 + 12 + height / 2
    for text, font, size in name:
        top -= size * 1.12
        lines.append(TextLine(text, font, size, centre, top + size * 0.18))

    # The bottom: the organisation over the role and workshops (two lines at most each).
    size, wrapped = fit(_name(person.organisation), fonts.SANS, 9, 7, inner, 2)
    y = PADDING + 24 + (size * 1.15 if len(wrapped) > 1 else 0)
    for text in wrapped:
        lines.append(TextLine(text, fonts.SANS, size, centre, y, MUTED))
        y -= size * 1.15
    size, footer = fit(_footer(registration, workshops, locale), bold, 7, 7, inner, 2)
    y = PADDING + 1.5 + (size * 1.25 if len(footer) > 1 else size * 0.6)
    for text in footer:
        lines.append(TextLine(text, bold, size, centre, y, ACCENT))
        y -= size * 1.25
    return lines


def _footer(registration: Registration, workshops: dict[int, Workshop], locale: str) -> str:
    role = _ROLES["fr" if typography.is_french(locale) else "en"].get(registration.role, "")
    label = workshops_label(registration.workshops, workshops, locale)
    return " — ".join(part for part in (role, label) if part)


def _sorted(registrations: Sequence[Registration]) -> list[Registration]:
    return sorted(registrations, key=lambda r: (family_sort_key(r.participant.family),
                                                sort_key(r.participant.given)))


def build_badges(output: Path, edition: Edition, registrations: Sequence[Registration],
                 workshops: Sequence[Workshop], page_size: PageSize, locale: str,
                 progress: Progress = NULL_PROGRESS) -> int:
    """Write the badges of ``registrations`` to ``output``, by family name; the number of
    sheets written. Raises ValidationError when nobody is registered, Cancelled (leaving
    no file) when the user stops, StorageError when the file cannot be written."""
    if not registrations:
        raise ValidationError("participants", "no registered participant in {year}",
                              year=edition.year)
    fonts.register()
    sheet = sheet_layout(page_size)
    people = _sorted(registrations)
    by_number = {w.number: w for w in workshops}
    pages = -(-len(people) // sheet.per_page)
    with temporary_path(output) as temporary:
        canvas = _canvas(temporary, sheet, edition, locale)
        for page in range(pages):
            if progress.cancelled():
                raise Cancelled()
            progress.report(page, pages, f"{page + 1} / {pages}")
            chunk = people[page * sheet.per_page:(page + 1) * sheet.per_page]
            _draw_sheet(canvas, sheet, len(chunk))
            for index, registration in enumerate(chunk):
                x, y = sheet.card_origin(index)
                _draw_card(canvas, x, y, layout_card(registration, edition, by_number, locale))
            canvas.showPage()
        canvas.save()
    progress.report(pages, pages, "")
    return pages


def _canvas(path: Path, sheet: Sheet, edition: Edition, locale: str) -> Canvas:
    """A canvas whose every font is embedded (no Helvetica even unused) and whose
    metadata names the edition."""
    canvas = Canvas(str(path), pagesize=(sheet.width, sheet.height),
                    initialFontName=fonts.SANS, lang=locale, pageCompression=1)
    label = edition_label(edition, locale)
    canvas.setTitle(f"{'Badges' if typography.is_french(locale) else 'Name badges'} — {label}")
    canvas.setAuthor(", ".join(_one_line(name) for name in edition.organisers) or label)
    canvas.setSubject(label)
    canvas.setCreator("Séminaire")
    return canvas


def _draw_card(canvas: Canvas, x: float, y: float, lines: list[TextLine]) -> None:
    for line in lines:
        canvas.setFillColor(line.colour)
        canvas.setFont(line.font, line.size)
        canvas.drawCentredString(x + line.x, y + line.y, line.text)


def _draw_sheet(canvas: Canvas, sheet: Sheet, cards: int) -> None:
    """Crop marks in the margins, in line with every cut of the grid (the cards are
    butted: one cut separates two cards)."""
    rows = -(-cards // sheet.columns)
    right = sheet.left + sheet.columns * CARD_WIDTH
    top = sheet.bottom + sheet.rows * CARD_HEIGHT
    bottom = top - rows * CARD_HEIGHT
    canvas.setStrokeColor(colors.black)
    canvas.setLineWidth(0.3)
    for column in range(sheet.columns + 1):
        x = sheet.left + column * CARD_WIDTH
        canvas.line(x, top + MARK_GAP, x, top + MARK_GAP + MARK_LENGTH)
        canvas.line(x, bottom - MARK_GAP, x, bottom - MARK_GAP - MARK_LENGTH)
    for row in range(rows + 1):
        y = top - row * CARD_HEIGHT
        canvas.line(sheet.left - MARK_GAP, y, sheet.left - MARK_GAP - MARK_LENGTH, y)
        canvas.line(right + MARK_GAP, y, right + MARK_GAP + MARK_LENGTH, y)
