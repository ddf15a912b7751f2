"""Incremental cover swaps and subset font names, checked with pypdf and poppler."""

from __future__ import annotations

import io
import subprocess
from collections import Counter
from pathlib import Path

from dossier_support import outline, page_texts, small_edition, small_pdf, squash
from pypdf import PdfReader
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
