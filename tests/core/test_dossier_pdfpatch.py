"""Incremental cover swaps and subset font names, checked with pypdf and poppler."""

from __future__ import annotations

import io
import re
import subprocess
from collections import Counter
from pathlib import Path

from dossier_support import layout_text, outline, page_texts, small_edition, small_pdf, squash
from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    NameObject,
    NumberObject,
)
from reportlab.pdfgen.canvas import Canvas

from seminaire_app.domain import Owner
from seminaire_app.dossiers import DossierRequest, build_dossier, build_per_participant, fonts
from seminaire_app.dossiers.pdfpatch import CoverSwap, SubsetTags
from seminaire_app.services import attachments
from seminaire_app.storage.library import Library


def _cover(text: str) -> bytes:
    fonts.register()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, initialFontName=fonts.SERIF)
    canvas.setFont(fonts.SERIF, 20)
    canvas.drawString(72, 700, text)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _subset_names(path: Path) -> Counter[str]:
    """How many font objects carry each subset name (« ABCDEF+DejaVuSerif »)."""
    reader = PdfReader(path)
    seen: dict[int, str] = {}
    for page in reader.pages:
        for ref in page["/Resources"].get("/Font", {}).values():
            font = ref.get_object()
            name = str(font["/BaseFont"])
            if "+" in name:
                seen[ref.idnum] = name
    return Counter(seen.values())


def _poppler_accepts(path: Path) -> None:
    result = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0 and result.stderr == "", result.stderr


def test_a_cover_swap_is_an_incremental_update(lib: Library, tmp_path: Path) -> None:
    small_edition(lib)
    pack = tmp_path / "pack.pdf"
    build_dossier(lib, DossierRequest(year=2024), pack)
    original = pack.read_bytes()
    swapped = CoverSwap(original).with_cover(_cover("Ζωή Łukasiewicz"),
                                             {"/Title": "Pour Zoë"})
    assert swapped.startswith(original)
    out = tmp_path / "swapped.pdf"
    out.write_bytes(swapped)
    _poppler_accepts(out)
    reader = PdfReader(out, strict=True)
    assert len(reader.pages) == len(PdfReader(pack).pages)
    assert reader.metadata is not None and reader.metadata.title == "Pour Zoë"
    texts, before = page_texts(out), page_texts(pack)
    assert squash(texts[0]) == "Ζωή Łukasiewicz"
    assert texts[1:] == before[1:]
    assert outline(out) == outline(pack)
    assert reader.trailer["/Root"]["/Lang"] == "fr-FR"


def test_swapping_again_starts_from_the_generic_pack(lib: Library, tmp_path: Path) -> None:
    small_edition(lib)
    pack = tmp_path / "pack.pdf"
    build_dossier(lib, DossierRequest(year=2024), pack)
    swap = CoverSwap(pack.read_bytes())
    first = swap.with_cover(_cover("Premier"), {"/Title": "1"})
    second = swap.with_cover(_cover("Second"), {"/Title": "2"})
    assert len(first) == len(second) or abs(len(first) - len(second)) < 100
    out = tmp_path / "second.pdf"
    out.write_bytes(second)
    assert squash(page_texts(out)[0]) == "Second"
    # Two documents, each with a file identifier of its own, neither the generic pack's.
    identifiers = [PdfReader(io.BytesIO(pdf)).trailer["/ID"] for pdf in
                   (pack.read_bytes(), first, second)]
    firsts = {i[0].original_bytes for i in identifiers}
    assert len(firsts) == 3 and all(len(i) == 2 for i in identifiers)


def test_subset_font_names_are_unique_in_packs_and_batches(lib: Library,
                                                            tmp_path: Path) -> None:
    edition = small_edition(lib)
    for name in ("a.pdf", "b.pdf"):  # ReportLab PDFs: the same « AAAAAA+… » subset names
        attachments.attach(lib, Owner("edition", edition.id),
                           small_pdf(tmp_path / name, 1, name))
    pack = tmp_path / "pack.pdf"
    build_dossier(lib, DossierRequest(year=2024), pack)
    names = _subset_names(pack)
    assert names and max(names.values()) == 1, names
    combined = tmp_path / "all.pdf"
    build_per_participant(lib, DossierRequest(year=2024), folder=tmp_path / "packs",
                          combined=combined)
    for path in [combined, *(tmp_path / "packs").iterdir()]:
        names = _subset_names(path)
        assert max(names.values()) == 1, (path, names.most_common(3))
        _poppler_accepts(path)


def test_subset_tags_are_six_capitals_with_their_prefix() -> None:
    tags = SubsetTags("Z")
    made = [tags.fresh() for _ in range(30)]
    assert made[:3] == ["ZAAAAA", "ZAAAAB", "ZAAAAC"] and made[26] == "ZAAABA"
    assert len(set(made)) == 30 and all(len(t) == 6 and t.isupper() for t in made)


def _damaged_pdf(path: Path) -> Path:
    """Four pages with what viewers put up with: a crop box of three numbers, a /Rotate
    that is a name, resources that are a number, and on the last page an /XObject entry
    and a font's /DescendantFonts that are numbers."""
    writer = PdfWriter(clone_from=small_pdf(path, 4, "Abîmé"))
    first, second, third, fourth = writer.pages
    first[NameObject("/CropBox")] = ArrayObject(NumberObject(v) for v in (0, 0, 500))
    second[NameObject("/Rotate")] = NameObject("/Quart")
    third[NameObject("/Resources")] = NumberObject(3)
    resources = fourth["/Resources"].get_object()
    resources[NameObject("/XObject")] = NumberObject(1)
    for font in resources["/Font"].values():
        font.get_object()[NameObject("/DescendantFonts")] = NumberObject(2)
    writer.write(path)
    return path


def test_pages_viewers_put_up_with_are_appended_and_stamped(lib: Library,
                                                             tmp_path: Path) -> None:
    edition = small_edition(lib)
    attachments.attach(lib, Owner("edition", edition.id), _damaged_pdf(tmp_path / "abime.pdf"))
    pack = tmp_path / "pack.pdf"
    report = build_dossier(lib, DossierRequest(year=2024), pack)
    assert report.appended == ("abime.pdf",) and report.problems == ()
    total = len(PdfReader(pack).pages)
    for page in range(total - 3, total + 1):
        assert f"page {page} / {total}" in squash(layout_text(pack, page)), page
    for page, n in ((total - 3, 1), (total - 2, 2), (total, 4)):
        assert f"Abîmé page {n}" in squash(layout_text(pack, page))
    _poppler_accepts(pack)


def test_the_stamp_stays_apart_from_the_pages_last_operator(lib: Library,
                                                            tmp_path: Path) -> None:
    edition = small_edition(lib)
    writer = PdfWriter(clone_from=small_pdf(tmp_path / "source.pdf", 1, "Collé"))
    page = writer.pages[0]
    content = page.get_contents()
    assert content is not None
    data = content.get_data().rstrip()  # ends with « ET », no line break after it
    stream = DecodedStreamObject()
    stream.set_data(data)
    page[NameObject("/Contents")] = writer._add_object(stream)
    writer.write(tmp_path / "colle.pdf")
    attachments.attach(lib, Owner("edition", edition.id), tmp_path / "colle.pdf")
    pack = tmp_path / "pack.pdf"
    build_dossier(lib, DossierRequest(year=2024), pack)
    last = PdfReader(pack).pages[-1]
    # The page's content streams read as one (ISO 32000-1, 7.8.2): no « ETQ » token.
    joined = b"".join(part.get_object().get_data() for part in last["/Contents"])
    assert re.search(re.escape(data) + rb"\s+Q\s+q [-\d. ]+ cm /SeminairePageNumber Do Q\s*$",
                     joined), joined[-80:]


def test_an_attached_dossier_with_fresh_looking_tags_keeps_its_subsets_apart(
        lib: Library, tmp_path: Path) -> None:
    edition = small_edition(lib)
    # Like a dossier made by Séminaire: a ReportLab body (« AAAAAA+… ») then a page
    # whose subset of the same font was already renamed « ZAAAAA+… ».
    writer = PdfWriter(clone_from=small_pdf(tmp_path / "corps.pdf", 1, "Corps"))
    writer.append(small_pdf(tmp_path / "joint.pdf", 1, "Joint"))
    for font in writer.pages[1]["/Resources"]["/Font"].values():
        font = font.get_object()
        name = str(font["/BaseFont"])
        if "+" in name:
            renamed = NameObject("/ZAAAAA+" + name.split("+", 1)[1])
            font[NameObject("/BaseFont")] = renamed
            font["/FontDescriptor"].get_object()[NameObject("/FontName")] = renamed
    writer.write(tmp_path / "ancien.pdf")
    before = _subset_names(tmp_path / "ancien.pdf")
    assert sorted(before) == ["/AAAAAA+DejaVuSans", "/ZAAAAA+DejaVuSans"]
    attachments.attach(lib, Owner("edition", edition.id), tmp_path / "ancien.pdf")
    pack = tmp_path / "pack.pdf"
    build_dossier(lib, DossierRequest(year=2024), pack)
    names = _subset_names(pack)
    assert max(names.values()) == 1, names
    texts = [squash(t) for t in page_texts(pack)[-2:]]
    assert texts[0].startswith("Corps page 1") and texts[1].startswith("Joint page 1")
