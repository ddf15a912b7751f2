"""The running header of flowing dossiers: both parts on one line, cut only when the
line is full."""

from __future__ import annotations

from pathlib import Path

import pytest
from dossier_support import layout_text, squash
from pypdf import PdfReader
from reportlab.pdfbase.pdfmetrics import stringWidth

from seminaire_app.dossiers import DossierRequest, Selection, Template, build_dossier, fonts
from seminaire_app.dossiers.document import HEADER_GAP, header_parts
from seminaire_app.services import collections, references
from seminaire_app.storage.library import Library

SIZE = 8
LONG = "Collection : Fondamentaux › Économie sociale et solidaire › Histoire des coopératives"


def _width(text: str) -> float:
    return float(stringWidth(text, fonts.SANS, SIZE))


def test_a_collection_bibliography_names_its_whole_path_in_the_header(
        demo_copy: Library, tmp_path: Path) -> None:
    demo = demo_copy
    path = "Fondamentaux/Économie sociale et solidaire/Histoire des coopératives"
    collections.create(demo, path)
    collections.add_references(demo, path, [references.list_references(demo)[0].id])
    out = tmp_path / "collection.pdf"
    build_dossier(demo, DossierRequest(Template.BIBLIOGRAPHY,
                                       selection=Selection(collection=path)), out)
    header = squash(layout_text(out, 1).splitlines()[0])
    assert header == f"{squash(LONG)} Bibliographie"  # it was cut at « solid… »
    reader = PdfReader(out)
    assert reader.trailer["/Root"]["/PageMode"] == "/UseOutlines"  # on its bookmark


def test_header_parts_are_whole_when_they_fit() -> None:
    fonts.register()
    assert header_parts(LONG, "Bibliographie", fonts.SANS, SIZE, 450) == (LONG,
                                                                         "Bibliographie")
    assert header_parts("Séminaire", "", fonts.SANS, SIZE, 450) == ("Séminaire", "")


@pytest.mark.parametrize("width", [150.0, 250.0, 330.0])
def test_the_longer_header_part_takes_the_room_the_other_leaves(width: float) -> None:
    fonts.register()
    short = "Bibliographie"
    for left, right in [(LONG, short), (short, LONG)]:
        fitted = header_parts(left, right, fonts.SANS, SIZE, width)
        assert short in fitted
        cut = fitted[0] if fitted[1] == short else fitted[1]
        assert cut.endswith("…") and LONG.startswith(cut[:-1])
        used = _width(fitted[0]) + _width(fitted[1]) + HEADER_GAP
        assert width - 10 < used <= width  # short of the line by a letter or two at most


def test_two_long_header_parts_share_the_line() -> None:
    fonts.register()
    left, right = header_parts(LONG, LONG.upper(), fonts.SANS, SIZE, 300)
    half = (300 - HEADER_GAP) / 2
    assert left.endswith("…") and right.endswith("…")
    assert half - 12 < _width(left) <= half and half - 12 < _width(right) <= half
