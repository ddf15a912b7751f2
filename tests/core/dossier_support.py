"""Reading dossiers back, and making small libraries and PDFs for the dossier tests."""

from __future__ import annotations

import io
import re
import subprocess
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from pypdf import PdfReader, PdfWriter
from reportlab.pdfgen.canvas import Canvas

from seminaire_app.domain import Edition, Owner, ReadingRole, ReferenceDraft, Visibility
from seminaire_app.dossiers import fonts
from seminaire_app.services import (
    editions,
    notes,
    participants,
    programme,
    references,
    workshops,
)
from seminaire_app.storage.library import Library

# --- reading PDFs ----------------------------------------------------------------------

def page_texts(path: Path) -> list[str]:
    reader = PdfReader(path)
    return [page.extract_text() for page in reader.pages]


def squash(text: str) -> str:
    """Text with every run of spaces (non-breaking ones too) and line breaks as one space:
    what a reader sees, whatever the extraction's line breaks."""
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


@dataclass(frozen=True)
class ContentsLine:
    title: str
    page: int


_NUMBERED = re.compile(r"^(.*?)[\s.]*\s(\d+)$")


def layout_text(path: Path, page: int) -> str:
    """Poppler's layout-preserving text of 1-based ``page`` (pypdf's layout mode leaves
    out text drawn by forms, which carry the contents' page numbers)."""
    return subprocess.run(["pdftotext", "-layout", "-f", str(page), "-l", str(page),
                           str(path), "-"], capture_output=True, text=True, check=True).stdout


def contents_lines(path: Path, page_index: int = 1) -> list[ContentsLine]:
    """The entries of the contents table from ``page_index`` on (a title, a dot leader,
    a number; a title may wrap over lines before its number), up to the first page that
    is not a contents page."""
    out: list[ContentsLine] = []
    for page in range(page_index + 1, len(PdfReader(path).pages) + 1):
        found = _numbered_lines(layout_text(path, page))
        if not found:
            break
        out += found
    return out


def _numbered_lines(text: str) -> list[ContentsLine]:
    out, pending = [], ""
    lines = [squash(raw) for raw in text.splitlines()]
    for line in lines[1:]:  # the running header first
        if not line or line in ("Sommaire", "Contents") or line.startswith("page "):
            continue
        match = _NUMBERED.match(line)
        if match and ". ." in line:
            title = squash(f"{pending} {match.group(1)}").rstrip(" .")
            out.append(ContentsLine(title, int(match.group(2))))
            pending = ""
        else:
            pending = f"{pending} {line}"
    return out if not pending else []  # a page of prose is not a contents page


@dataclass(frozen=True)
class Word:
    text: str
    x_min: float
    y_min: float
    x_max: float
    y_max: float


_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">'
                   r"([^<]*)</word>")


def word_boxes(path: Path, page: int) -> list[Word]:
    """Poppler's words of 1-based ``page`` with their boxes, as the page is shown (turned
    and cropped), from its top left corner."""
    html = subprocess.run(["pdftotext", "-bbox", "-cropbox", "-f", str(page), "-l", str(page),
                           str(path), "-"], capture_output=True, text=True, check=True).stdout
    return [Word(m.group(5), *(float(m.group(i)) for i in range(1, 5)))
            for m in _WORD.finditer(html)]


def outline(path: Path) -> list[tuple[int, str, int]]:
    """(depth, title, 1-based page) of every bookmark, in order."""
    reader = PdfReader(path)
    out: list[tuple[int, str, int]] = []

    def walk(items: list[Any], depth: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                out.append((depth, squash(item.title),
                            reader.get_destination_page_number(item) + 1))

    walk(reader.outline, 0)
    return out


def font_names(path: Path, pages: range | None = None) -> set[str]:
    """Base fonts used by ``pages`` (all by default), forms included."""
    reader = PdfReader(path)
    found: set[str] = set()

    def collect(resources: Any) -> None:
        for font in resources.get("/Font", {}).values():
            found.add(str(font.get_object()["/BaseFont"]).split("+")[-1])
        for xobject in resources.get("/XObject", {}).values():
            inner = xobject.get_object().get("/Resources")
            if inner is not None:
                collect(inner.get_object())

    for i in pages if pages is not None else range(len(reader.pages)):
        collect(reader.pages[i].get("/Resources", {}))
    return found


def links(path: Path) -> list[str]:
    """URIs of the link annotations, page by page."""
    out = []
    for page in PdfReader(path).pages:
        for annot in page.get("/Annots", []) or []:
            action = annot.get_object().get("/A")
            if action is not None and "/URI" in action:
                out.append(str(action["/URI"]))
    return out


def link_targets(path: Path, page: int) -> list[int]:
    """The 1-based pages the link annotations of 1-based ``page`` go to (named
    destinations looked up), in order; links to anything else are left out."""
    reader = PdfReader(path)
    numbers = {p.indirect_reference.idnum: i + 1 for i, p in enumerate(reader.pages)
               if p.indirect_reference is not None}
    named = reader.named_destinations
    out = []
    for annot in reader.pages[page - 1].get("/Annots", []) or []:
        dest = annot.get_object().get("/Dest")
        if isinstance(dest, str) and dest in named:
            out.append(reader.get_destination_page_number(named[dest]) + 1)
        elif dest is not None and not isinstance(dest, str):
            dest = dest.get_object()
            if dest and dest[0].idnum in numbers:
                out.append(numbers[dest[0].idnum])
    return out


# --- small PDFs ------------------------------------------------------------------------

def small_pdf(path: Path, pages: int, label: str) -> Path:
    """A PDF of ``pages`` pages, each saying « {label} page {n} », in DejaVu."""
    fonts.register()
    canvas = Canvas(str(path), initialFontName=fonts.SANS)
    for n in range(1, pages + 1):
        canvas.setFont(fonts.SANS, 14)
        canvas.drawString(72, 720, f"{label} page {n}")
        canvas.showPage()
    canvas.save()
    return path


def outlined_pdf(path: Path, pages: int, label: str,
                 bookmarks: list[tuple[int, str, int]]) -> Path:
    """``small_pdf`` with its own outline: (level, title, 1-based page) in order."""
    fonts.register()
    canvas = Canvas(str(path), initialFontName=fonts.SANS)
    for n in range(1, pages + 1):
        canvas.setFont(fonts.SANS, 14)
        canvas.drawString(72, 720, f"{label} page {n}")
        for i, (level, title, page) in enumerate(bookmarks):
            if page == n:
                canvas.bookmarkPage(f"b{i}")
                canvas.addOutlineEntry(title, f"b{i}", level=level)
        canvas.showPage()
    canvas.save()
    return path


def encrypted_pdf(path: Path, user_password: str, label: str) -> Path:
    """A one-page PDF encrypted (RC4, which pypdf reads without extra packages)."""
    buffer = io.BytesIO()
    small_pdf_bytes = small_pdf(path, 1, label).read_bytes()
    writer = PdfWriter(clone_from=io.BytesIO(small_pdf_bytes))
    writer.encrypt(user_password=user_password, owner_password="owner-secret",
                   algorithm="RC4-128")
    writer.write(buffer)
    path.write_bytes(buffer.getvalue())
    return path


# --- a small edition -------------------------------------------------------------------

def small_edition(lib: Library, title: str = "Séminaire prospectif 2024",
                  workshop_title: str = "Coopérer sur le territoire") -> Edition:
    """Edition 2024: two workshops, a reading list, notes (one internal), programme and
    three participants with names from several scripts."""
    edition = editions.add(lib, 2024, title, theme="la coopération",
                           start_date=date(2024, 11, 28), end_date=date(2024, 11, 29),
                           venue="Grenoble", organisers=["ESEAC"])
    workshops.add(lib, 2024, workshop_title, description="Ce que « coopérer » veut dire.",
                  facilitators=["Anne Rochas"], room="Salle 101")
    workshops.add(lib, 2024, "Évaluer les impacts", room="Salle 102")
    ostrom = references.add(lib, ReferenceDraft(
        "article-journal", "Governing the Commons", issued="1990",
        fields={"container-title": "Commons", "DOI": "10.1017/CBO9780511807763"},
        citation_key="ostrom1990"))
    gide = references.add(lib, ReferenceDraft("webpage", "Coopérer", issued="1905",
                                              citation_key="gide1905",
                                              fields={"URL": "https://example.org/gide"}))
    workshops.add_reading(lib, 2024, 1, ostrom.id, role=ReadingRole.REQUIRED,
                          annotation="Chapitres 1 et 3.")
    workshops.add_reading(lib, 2024, 2, gide.id, role=ReadingRole.BACKGROUND)
    ws1 = workshops.get(lib, 2024, 1)
    notes.add(lib, Owner("workshop", ws1.id), "Les **règles** d'abord.", title="À retenir",
              visibility=Visibility.PARTICIPANTS)
    notes.add(lib, Owner("workshop", ws1.id), "Ne pas imprimer ceci.", title="Secret interne",
              visibility=Visibility.INTERNAL)
    notes.add(lib, Owner("edition", edition.id), "Bienvenue à toutes et à tous.",
              title="Mot d'accueil", visibility=Visibility.PARTICIPANTS)
    programme.add(lib, 2024, date(2024, 11, 28), "09:00", "10:00", title="Accueil",
                  room="Hall")
    programme.add(lib, 2024, date(2024, 11, 28), "10:00", "12:00", workshop=1, room="Salle 101")
    for family, given, org, number in (("Łukasiewicz", "Zoë", "Œuvre d’Orient", 1),
                                       ("Ἀριστοτέλης", "Σοφία", "Ελληνικό", 2),
                                       ("Достоевская", "Анна", "Őrség", 1)):
        person = participants.add(lib, family, given, org, f"{given.lower()}@example.org")
        participants.register(lib, 2024, person.id)
        participants.assign(lib, 2024, number, person.id)
    return edition
