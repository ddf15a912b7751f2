"""Small changes to finished PDFs, written without rewriting them.

A batch of personal packs is one generic pack whose first page (the cover) changes from
one participant to the next. Cloning a 300-page PDF with pypdf to change one page costs
about 0.7 s; :class:`CoverSwap` instead appends an *incremental update* (ISO 32000-1,
7.5.6) to the generic pack's bytes: the new cover's objects, a new version of the first
page pointing at them, new document information, a file identifier of its own and a
cross-reference section for those objects only. A viewer reads the last version of
each object: the pack with the new cover, in milliseconds.

Pages of attached PDFs get the dossier's « page X / Y » stamped at their foot
(:func:`stamp_page_numbers`), so that the contents' page numbers can be found there too.

Fonts are subsets named « AAAAAA+DejaVuSerif » by ReportLab in every PDF it makes;
once several such PDFs are in one file, printers that cache fonts by name may print
one subset's glyphs with another's. :func:`rename_subset_fonts` gives the fonts of
pasted-in pages a tag of their own.

pypdf's writer adds and replaces objects through ``_add_object``/``_replace_object``
only (its own recipes use them; the version is pinned below 8).
"""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Callable, Iterable
from typing import Any

from pypdf import PageObject, PdfReader, PdfWriter, Transformation
from pypdf.generic import (
    ArrayObject,
    ByteStringObject,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    IndirectObject,
    NameObject,
    NullObject,
    NumberObject,
    PdfObject,
    RectangleObject,
    TextStringObject,
)
from reportlab.lib.units import mm

from ..pdflog import DAMAGED_PDF_ERRORS

_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_SUBSET = re.compile(r"^/[A-Z]{6}\+")


class SubsetTags:
    """Fresh six-letter subset tags: ``prefix`` then a counter in letters (« ZAAAAB »…).
    ReportLab's own tags start with « AAAAA »; give each use its own prefix."""

    def __init__(self, prefix: str) -> None:
        self._prefix = prefix
        self._count = 0

    def fresh(self) -> str:
        number, letters = self._count, ""
        self._count += 1
        for _ in range(6 - len(self._prefix)):
            number, digit = divmod(number, 26)
            letters = chr(65 + digit) + letters
        return self._prefix + letters


def _resolved(value: Any) -> Any:
    return value.get_object() if isinstance(value, IndirectObject) else value


def _retag(font: DictionaryObject, renamed: dict[str, str], done: set[tuple[int, str]],
           tags: SubsetTags) -> None:
    """Rename ``font``'s subset tag, its descriptor's and its descendants' once each:
    ``done`` holds the (object, key) pairs already renamed. Going by objects, not names,
    a font whose original tag happens to be a fresh one (a Séminaire dossier attached
    to another) still gets a tag of its own."""
    for owner, key in ((font, "/BaseFont"), (_resolved(font.get("/FontDescriptor")),
                                              "/FontName")):
        if not isinstance(owner, DictionaryObject) or (id(owner), key) in done:
            continue
        done.add((id(owner), key))
        name = owner.get(key)
        if isinstance(name, NameObject) and _SUBSET.match(name):
            if name[1:7] not in renamed:
                renamed[name[1:7]] = tags.fresh()
            owner[NameObject(key)] = NameObject(f"/{renamed[name[1:7]]}+{name[8:]}")
    if (id(font), "/DescendantFonts") in done:
        return
    done.add((id(font), "/DescendantFonts"))
    descendants = _resolved(font.get("/DescendantFonts"))
    for descendant in descendants if isinstance(descendants, ArrayObject) else ():
        inner = _resolved(descendant)
        if isinstance(inner, DictionaryObject):
            _retag(inner, renamed, done, tags)


def rename_subset_fonts(pages: Iterable[PageObject], tags: SubsetTags) -> None:
    """Give each subset tag of the fonts used by ``pages`` (directly or in their forms)
    a fresh one from ``tags``: subsets that had one name keep sharing one."""
    seen: set[int] = set()
    renamed: dict[str, str] = {}
    done: set[tuple[int, str]] = set()

    def visit(resources: Any) -> None:
        resources = _resolved(resources)
        if not isinstance(resources, DictionaryObject) or id(resources) in seen:
            return
        seen.add(id(resources))
        fonts = _resolved(resources.get("/Font"))
        if isinstance(fonts, DictionaryObject):
            for font in fonts.values():
                if isinstance(_resolved(font), DictionaryObject):
                    _retag(_resolved(font), renamed, done, tags)
        xobjects = _resolved(resources.get("/XObject"))
        if isinstance(xobjects, DictionaryObject):
            for xobject in xobjects.values():
                inner = _resolved(xobject)
                if isinstance(inner, DictionaryObject):
                    visit(inner.get("/Resources"))

    for page in pages:
        visit(page.get("/Resources"))  # DictionaryObject.get gives references unresolved


STAMP_SIZE = 7.5  # points
STAMP_BASELINE = 6 * mm  # from the visible bottom edge: below most documents' own footers


def _visible_box(page: PageObject) -> RectangleObject:
    try:
        box: RectangleObject = page.cropbox
    except (ValueError, TypeError):  # not four numbers: viewers show the media box
        box = page.mediabox
    return box


def _stamp_transformation(page: PageObject) -> tuple[float, float, Transformation]:
    """The visible page's width and height, and the transformation from upright overlay
    coordinates (origin at its visible lower left) to ``page``'s user space."""
    box = _visible_box(page)
    left, bottom = float(box.left), float(box.bottom)
    width, height = float(box.width), float(box.height)
    rotation = page.rotation
    # /Rotate is a multiple of 90; viewers ignore anything else, and so does the stamp.
    rotation = int(rotation) % 360 if isinstance(rotation, int | float) else 0
    moves = {0: (0, left, bottom), 90: (90, left + width, bottom),
             180: (180, left + width, bottom + height), 270: (270, left, bottom + height)}
    angle, dx, dy = moves.get(rotation, moves[0])
    if rotation in (90, 270):
        width, height = height, width
    return width, height, Transformation().rotate(angle).translate(dx, dy)


class StampFailed(Exception):  # noqa: N818 - a signal to the caller, never shown
    """A page too damaged to be stamped: ``index`` is its 0-based index in the writer."""

    def __init__(self, index: int) -> None:
        super().__init__(f"page {index + 1}")
        self.index = index


def stamp_page_numbers(writer: PdfWriter, first: int, label: Callable[[int], str]) -> None:
    """Write ``label(n)`` (« page 14 / 20 ») at the foot of pages ``first``… of ``writer``
    (pasted-in PDFs), upright whatever their size and rotation, in DejaVu Sans.
    StampFailed for the first page whose damage stops it."""
    from reportlab.pdfgen.canvas import Canvas

    from . import fonts
    from .styles import MUTED

    fonts.register()
    pages = list(writer.pages[first:])
    placements = []
    for index, page in enumerate(pages, start=first):
        try:
            placements.append(_stamp_transformation(page))
        except DAMAGED_PDF_ERRORS as exc:
            raise StampFailed(index) from exc
    buffer = io.BytesIO()
    canvas = Canvas(buffer, initialFontName=fonts.SANS, pageCompression=1)
    for number, (width, height, _) in enumerate(placements, start=first + 1):
        canvas.setPageSize((width, height))
        canvas.setFont(fonts.SANS, STAMP_SIZE)
        canvas.setFillColor(MUTED)
        canvas.drawCentredString(width / 2, STAMP_BASELINE, label(number))
        canvas.showPage()
    canvas.save()
    overlay = PdfReader(io.BytesIO(buffer.getvalue()))
    rename_subset_fonts(overlay.pages, SubsetTags("W"))
    save_state = writer._add_object(_stream(b"q\n"))
    for index, (page, stamp, (_, _, transformation)) in enumerate(
            zip(pages, overlay.pages, placements, strict=True), start=first):
        try:
            _draw_over(writer, page, _as_form(writer, stamp), transformation, save_state)
        except DAMAGED_PDF_ERRORS as exc:
            raise StampFailed(index) from exc


_STAMP = NameObject("/SeminairePageNumber")


def _stream(data: bytes) -> DecodedStreamObject:
    stream = DecodedStreamObject()
    stream.set_data(data)
    return stream


def _as_form(writer: PdfWriter, page: PageObject) -> IndirectObject:
    """``page`` (of another PDF) as a form XObject of ``writer``."""
    contents = page.get_contents()
    form = _stream(contents.get_data() if contents is not None else b"")
    box = page.mediabox
    form.update({
        NameObject("/Type"): NameObject("/XObject"),
        NameObject("/Subtype"): NameObject("/Form"),
        NameObject("/BBox"): ArrayObject(FloatObject(v) for v in (
            box.left, box.bottom, box.right, box.top)),
        NameObject("/Resources"): page.raw_get("/Resources").clone(writer),
    })
    return writer._add_object(form)


def _dictionary_copy(value: Any) -> DictionaryObject:
    """A shallow copy of the dictionary ``value`` (resolved); empty for anything else (a
    damaged PDF's null or number)."""
    resolved = _resolved(value)
    return DictionaryObject(resolved) if isinstance(resolved, DictionaryObject) else (
        DictionaryObject())


def _draw_over(writer: PdfWriter, page: PageObject, form: IndirectObject,
               transformation: Transformation, save_state: IndirectObject) -> None:
    """Draw ``form`` over ``page`` without reading its content stream: the page's own
    content goes between « q » and « Q » (whatever graphics state it leaves, ours starts
    clean), then the form, under its own name in a copy of the page's resources (pages
    may share theirs)."""
    resources = _dictionary_copy(page.get("/Resources"))
    xobjects = _dictionary_copy(resources.get("/XObject"))
    xobjects[_STAMP] = form
    resources[NameObject("/XObject")] = xobjects
    page[NameObject("/Resources")] = resources
    ctm = " ".join(f"{v:.4f}" for v in transformation.ctm)
    # Streams of a page read as one: the page's may end without a space after its last
    # operator, so ours starts with one.
    draw = writer._add_object(_stream(f"\nQ\nq {ctm} cm {_STAMP} Do Q\n".encode()))
    own = _resolved(page.raw_get("/Contents")) if "/Contents" in page else None
    if isinstance(own, ArrayObject):
        parts = list(own)
    elif own is not None:
        parts = [page.raw_get("/Contents")]
    else:
        parts = []
    page[NameObject("/Contents")] = ArrayObject([save_state, *parts, draw])


class CoverSwap:
    """A finished pack whose first page can be replaced cheaply, again and again."""

    def __init__(self, pack: bytes) -> None:
        found = _STARTXREF.search(pack[-1024:])
        if found is None or not pack[int(found.group(1)):].startswith(b"xref"):
            raise ValueError("the pack has no classic cross-reference table at its end")
        self._pack = pack
        self._prev = int(found.group(1))
        reader = PdfReader(io.BytesIO(pack))
        self._trailer = reader.trailer
        size = reader.trailer["/Size"]
        assert isinstance(size, NumberObject), "a trailer's /Size is a number"
        self._size = int(size)
        page = reader.pages[0]
        assert page.indirect_reference is not None
        self._page_ref = page.indirect_reference
        self._page = page

    def with_cover(self, cover: bytes, info: dict[str, str]) -> bytes:
        """The pack with ``cover``'s first page as its first page and ``info`` as its
        document information."""
        cover_page = PdfReader(io.BytesIO(cover)).pages[0]
        rename_subset_fonts([cover_page], SubsetTags("Y"))
        numbers: dict[int, int] = {}
        objects: list[tuple[int, PdfObject]] = []

        def renumber(value: Any) -> Any:
            if isinstance(value, IndirectObject):
                if value.idnum not in numbers:
                    numbers[value.idnum] = self._size + len(numbers)
                    target = value.get_object()
                    if target is None:  # a dangling reference: PDF reads it as null
                        target = NullObject()
                    objects.append((numbers[value.idnum], target))
                    renumber(target)
                return IndirectObject(numbers[value.idnum], 0, None)
            if isinstance(value, DictionaryObject):
                for key, item in list(dict.items(value)):
                    dict.__setitem__(value, key, renumber(item))
            elif isinstance(value, ArrayObject):
                for i, item in enumerate(list(value)):
                    list.__setitem__(value, i, renumber(item))
            return value

        page = self._page
        for key in ("/Contents", "/Resources"):
            page[NameObject(key)] = renumber(cover_page.raw_get(key))
        info_number = self._size + len(numbers)
        info_object = DictionaryObject({NameObject(f"/{k.lstrip('/')}"): TextStringObject(v)
                                        for k, v in info.items()})
        objects.append((info_number, info_object))
        return self._update(objects, info_number)

    def _update(self, objects: list[tuple[int, PdfObject]], info_number: int) -> bytes:
        out = io.BytesIO()
        out.write(self._pack)
        if not self._pack.endswith(b"\n"):
            out.write(b"\n")
        offsets: dict[int, tuple[int, int]] = {}
        versions = [(self._page_ref.idnum, self._page_ref.generation, self._page),
                    *((n, 0, obj) for n, obj in objects)]
        for number, generation, obj in versions:
            offsets[number] = (out.tell(), generation)
            out.write(f"{number} {generation} obj\n".encode())
            obj.write_to_stream(out)
            out.write(b"\nendobj\n")
        xref = out.tell()
        # The free-list head (object 0) again, as most writers do in updates: strict
        # readers (pypdf's) expect every table to start at 0.
        out.write(b"xref\n0 1\n0000000000 65535 f\r\n")
        for start, run in _runs(sorted(offsets)):
            out.write(f"{start} {len(run)}\n".encode())
            for number in run:
                offset, generation = offsets[number]
                out.write(f"{offset:010d} {generation:05d} n\r\n".encode())
        trailer = DictionaryObject({
            NameObject("/Size"): NumberObject(info_number + 1),
            NameObject("/Root"): self._trailer.raw_get("/Root"),
            NameObject("/Info"): IndirectObject(info_number, 0, None),
            NameObject("/Prev"): NumberObject(self._prev),
        })
        # Each personal pack is a document of its own: its own file identifier (viewers
        # such as pdf.js remember where a reader was in a file by it), from its new bytes.
        with out.getbuffer() as whole, whole[len(self._pack):] as update:
            digest = hashlib.md5(update, usedforsecurity=False).digest()
        identifier = ByteStringObject(digest)
        trailer[NameObject("/ID")] = ArrayObject([identifier, identifier])
        out.write(b"trailer\n")
        trailer.write_to_stream(out)
        out.write(f"\nstartxref\n{xref}\n%%EOF\n".encode())
        return out.getvalue()


def _runs(numbers: list[int]) -> list[tuple[int, list[int]]]:
    """Sorted object numbers as runs of consecutive ones (xref subsections)."""
    runs: list[tuple[int, list[int]]] = []
    for number in numbers:
        if runs and runs[-1][1][-1] == number - 1:
            runs[-1][1].append(number)
        else:
            runs.append((number, [number]))
    return runs
