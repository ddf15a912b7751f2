"""The cover page: always one page, never overprinted, whatever it must hold."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from itertools import combinations
from pathlib import Path

import pytest
from dossier_support import Word, page_texts, squash, word_boxes
from pypdf import PdfReader

from seminaire_app.dossiers import DossierRequest, Section, build_dossier
from seminaire_app.services import editions, participants, workshops
from seminaire_app.storage.library import Library

COVER_ONLY = frozenset({Section.COVER})


@pytest.fixture
def lib(tmp_path: Path) -> Iterator[Library]:
    library = Library.open(tmp_path / "lib")
    yield library
    library.close()


def _edition(lib: Library, organisers: list[str], workshop_count: int = 1) -> None:
    editions.add(lib, 2030, "Séminaire prospectif 2030", theme="les communs",
                 start_date=date(2030, 11, 28), end_date=date(2030, 11, 29),
                 venue="Grenoble", organisers=organisers)
    for n in range(1, workshop_count + 1):
        workshops.add(lib, 2030, f"Atelier au titre assez long pour une ligne entière {n}",
                      number=n)


def _overprinted(words: list[Word]) -> list[tuple[str, str]]:
    """Pairs of words whose boxes cover each other: more than a hair across, and more
    than a third of the smaller one's height (boxes of lines one leading apart touch)."""
    out = []
    for a, b in combinations(words, 2):
        across = min(a.x_max, b.x_max) - max(a.x_min, b.x_min)
        down = min(a.y_max, b.y_max) - max(a.y_min, b.y_min)
        smaller = min(a.y_max - a.y_min, b.y_max - b.y_min)
        if across > 0.5 and down > smaller / 3:
            out.append((a.text, b.text))
    return out


def test_a_crowded_personal_cover_shrinks_without_overprinting(lib: Library,
                                                               tmp_path: Path) -> None:
    _edition(lib, ["ESEAC"], workshop_count=8)
    person = participants.add(lib, "Papadopoulou " * 40, "Eleni")
    participants.register(lib, 2030, person.id)
    for n in range(1, 9):
        participants.assign(lib, 2030, n, person.id)
    out = tmp_path / "pack.pdf"
    build_dossier(lib, DossierRequest(year=2030, participant_id=person.id,
                                      sections=COVER_ONLY), out)
    assert len(PdfReader(out).pages) == 1
    words = word_boxes(out, 1)
    assert _overprinted(words) == []
    text = squash(page_texts(out)[0])
    assert all(f"une ligne entière {n}" in text for n in range(1, 9))
    assert "ESEAC" in text


def _title_height(path: Path) -> float:
    return max(w.y_max - w.y_min for w in word_boxes(path, 1) if w.text == "prospectif")


def test_a_hundred_organisers_keep_to_the_foot_of_the_cover(lib: Library,
                                                            tmp_path: Path) -> None:
    organisers = [f"Organisation partenaire numéro {i}" for i in range(100)]
    _edition(lib, organisers)
    out = tmp_path / "pack.pdf"
    build_dossier(lib, DossierRequest(year=2030, sections=COVER_ONLY), out)
    assert len(PdfReader(out).pages) == 1
    text = squash(page_texts(out)[0])
    assert "numéro 0" in text and "numéro 99" in text
    assert _overprinted(word_boxes(out, 1)) == []
    plain = tmp_path / "plain.pdf"
    with Library.open(tmp_path / "lib2") as other:
        _edition(other, ["ESEAC"])
        build_dossier(other, DossierRequest(year=2030, sections=COVER_ONLY), plain)
    # The organisers give way: the title keeps its size.
    assert _title_height(out) == pytest.approx(_title_height(plain), rel=0.01)
