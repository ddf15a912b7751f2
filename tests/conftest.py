"""Shared fixtures: an empty library migrated to head and the 2017 demo, each built once per
session and copied for the tests that use them."""

from __future__ import annotations

import logging
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

# Before any Qt import anywhere in the run.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from hypothesis import settings

from seminaire_app.storage.library import Library

# On CI the property tests draw the same examples every run: a failure there is one a
# developer can reproduce, not a roll of the dice. Locally they keep exploring.
settings.register_profile("ci", derandomize=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


@pytest.fixture(scope="session")
def template_library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("template") / "library"
    Library.open(folder).close()
    return folder


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The 2017 demo, built once; tests copy it, never open it (its folder name is not
    ASCII and holds a space, as users' folders do)."""
    from seminaire_app.demo import create_demo

    folder = tmp_path_factory.mktemp("demo-template") / "Démo 2017"
    create_demo(folder).close()
    return folder


def opened_copy(template: Path, folder: Path) -> Iterator[Library]:
    """A copy of the library ``template`` at ``folder``, open for the fixture's life."""
    shutil.copytree(template, folder)
    library = Library.open(folder)
    yield library
    library.close()


@pytest.fixture
def lib(template_library: Path, tmp_path: Path) -> Iterator[Library]:
    """A fresh, empty library at schema head (copied, not migrated again)."""
    yield from opened_copy(template_library, tmp_path / "library")


@pytest.fixture
def demo_copy(demo_template: Path, tmp_path: Path) -> Iterator[Library]:
    """The demo for one test that edits it."""
    yield from opened_copy(demo_template, tmp_path / "Démo 2017")


class _FailOnWarning(logging.Handler):
    """Unexpected WARNING logs fail the test (qutebrowser's approach)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture(autouse=True)
def fail_on_warning_logs(request: pytest.FixtureRequest) -> Iterator[None]:
    handler = _FailOnWarning()
    root = logging.getLogger()
    root.addHandler(handler)
    yield
    root.removeHandler(handler)
    if request.node.get_closest_marker("allow_warning_logs") is None and handler.records:
        messages = "; ".join(r.getMessage() for r in handler.records)
        pytest.fail(f"unexpected WARNING logs: {messages}")
