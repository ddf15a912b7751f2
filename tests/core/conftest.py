"""Core fixtures: the 2017 demo, shared by a module's tests that only read it or copied
for a test that edits it."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from seminaire_app.storage.library import Library


@pytest.fixture(scope="module")
def demo(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    """The demo, copied once for the module: its tests build dossiers, never edit it (a
    test that edits takes :func:`demo_copy`)."""
    folder = tmp_path_factory.mktemp("demo") / "Démo 2017"
    shutil.copytree(demo_template, folder)
    library = Library.open(folder)
    yield library
    library.close()


@pytest.fixture
def demo_copy(demo_template: Path, tmp_path: Path) -> Iterator[Library]:
    """The demo for one test that edits it."""
    folder = tmp_path / "Démo 2017"
    shutil.copytree(demo_template, folder)
    library = Library.open(folder)
    yield library
    library.close()
