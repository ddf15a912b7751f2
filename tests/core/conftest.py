"""Core fixtures: the 2017 demo shared by a module's tests that only read it (a test that
edits it takes ``demo_copy``, from tests/conftest.py)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from seminaire_app.storage.library import Library


@pytest.fixture(scope="module")
def demo(demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    """The demo, copied once for the module: its tests build dossiers, never edit it."""
    folder = tmp_path_factory.mktemp("demo") / "Démo 2017"
    shutil.copytree(demo_template, folder)
    with Library.open(folder) as library:
        yield library
