"""Core fixtures: the 2017 demo for a module of tests that only read it."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from seminaire_app.storage.library import Library


@pytest.fixture(scope="module")
def demo(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    """The demo, copied once for the module: its tests build dossiers, never edit it (a
    module that edits overrides this with a copy per test)."""
    folder = tmp_path_factory.mktemp("demo") / "Démo 2017"
    shutil.copytree(demo_template, folder)
    library = Library.open(folder)
    yield library
    library.close()
