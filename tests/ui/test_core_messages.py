"""The core's error messages reach French users in French.

The core raises ``ValidationError(field, template, **params)`` with an English template;
``ui/core_messages.py`` lists the templates for lupdate and ``ui.errors.describe``
translates and fills them. These tests fail when a raise site builds its message (an
f-string, a concatenation), when a template or a field name has no entry in the UI, or
when a translation cannot be filled with the parameters its source takes.
"""

from __future__ import annotations

import ast
import string
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication

from seminaire_app.dossiers import DossierRequest, build_dossier
from seminaire_app.errors import ValidationError
from seminaire_app.services import editions
from seminaire_app.storage.library import Library
from ui import core_messages, i18n, labels
from ui.errors import describe, field_name

ROOT = Path(__file__).resolve().parents[2]
CORE = ROOT / "seminaire_app"
TS = ROOT / "resources" / "translations" / "seminaire_fr.ts"


@dataclass(frozen=True)
class RaiseSite:
    where: str
    call: ast.Call

    @property
    def message(self) -> ast.expr | None:
        given = [k.value for k in self.call.keywords if k.arg == "message"]
        return self.call.args[1] if len(self.call.args) > 1 else next(iter(given), None)

    @property
    def params(self) -> set[str]:
        return {k.arg for k in self.call.keywords if k.arg not in (None, "message")}


def validation_errors(root: Path) -> Iterator[RaiseSite]:
    """Every ``ValidationError(…)`` call under ``root``."""
    for path in sorted(root.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and (
                    getattr(node.func, "id", None) == "ValidationError"
                    or getattr(node.func, "attr", None) == "ValidationError"):
                yield RaiseSite(f"{path.relative_to(ROOT)}:{node.lineno}", node)


def placeholders(template: str) -> set[str]:
    """The names a template is filled with (``ValueError`` when its braces are wrong)."""
    return {name for _text, name, _spec, _conversion in string.Formatter().parse(template)
            if name is not None}


def test_the_scan_finds_the_core_s_raise_sites() -> None:
    assert len(list(validation_errors(CORE))) > 100


def test_every_message_of_the_core_is_a_listed_template() -> None:
    problems = []
    for site in validation_errors(CORE):
        message = site.message
        if not (isinstance(message, ast.Constant) and isinstance(message.value, str)):
            problems.append(f"{site.where}: the message is not a plain string literal; "
                            "write a template with {placeholders} and pass their values as "
                            "keyword arguments")
            continue
        try:
            wanted = placeholders(message.value)
        except ValueError as exc:
            problems.append(f"{site.where}: « {message.value} » is no template ({exc}); "
                            "write a literal brace as {{ or }}")
            continue
        if wanted != site.params:
            problems.append(f"{site.where}: « {message.value} » takes {sorted(wanted)}, "
                            f"the call gives {sorted(site.params)}")
        if message.value not in core_messages.TEMPLATES:
            problems.append(f"{site.where}: « {message.value} » is missing from "
                            "ui/core_messages.py (then run ./dev translations)")
    assert not problems, "\n".join(problems)


def test_the_catalogue_lists_only_templates_in_use() -> None:
    used = {site.message.value for root in (CORE, ROOT / "ui")
            for site in validation_errors(root)
            if isinstance(site.message, ast.Constant)}
    assert sorted(core_messages.TEMPLATES - used) == []


def _field_defaults(root: Path) -> Iterator[tuple[str, str]]:
    """Defaults of the core's ``field`` parameters: the names its helpers raise with."""
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef):
                args = node.args.args + node.args.kwonlyargs
                defaults = [*[None] * (len(node.args.args) - len(node.args.defaults)),
                            *node.args.defaults, *node.args.kw_defaults]
                for arg, default in zip(args, defaults, strict=True):
                    if (arg.arg == "field" and isinstance(default, ast.Constant)
                            and isinstance(default.value, str)):
                        yield f"{path.relative_to(ROOT)}:{node.lineno}", default.value


def test_every_field_the_core_names_has_a_label() -> None:
    named = [(site.where, site.call.args[0].value) for site in validation_errors(CORE)
             if isinstance(site.call.args[0], ast.Constant)]
    named += list(_field_defaults(CORE))
    assert len(named) > 100
    missing = [f"{where}: « {name} »" for where, name in named
               if name not in labels.FIELDS and name not in labels.CREATOR_ROLES]
    assert not missing, "add these to ui/labels.FIELDS:\n" + "\n".join(missing)


def _french_core_messages() -> list[tuple[str, str]]:
    pairs = []
    for context in ET.parse(TS).getroot().iter("context"):
        if context.findtext("name") == core_messages.CONTEXT:
            pairs += [(m.findtext("source", ""), m.findtext("translation", ""))
                      for m in context.iter("message")]
    return pairs


def test_french_translations_fill_with_the_same_parameters() -> None:
    pairs = _french_core_messages()
    assert {source for source, _ in pairs} == core_messages.TEMPLATES
    problems = []
    for source, french in pairs:
        try:
            names = placeholders(french)
            french.format(**dict.fromkeys(placeholders(source), 0))  # 0 takes any number format
        except (ValueError, KeyError, IndexError) as exc:
            problems.append(f"« {french} » cannot be filled: {exc!r}")
            continue
        if names != placeholders(source):
            problems.append(f"« {french} » takes {sorted(names)}, « {source} » "
                            f"{sorted(placeholders(source))}")
    assert not problems, "\n".join(problems)




def test_a_dossier_error_reads_in_french(french: None, demo: Library, tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as caught:
        build_dossier(demo, DossierRequest(year=2017, sections=frozenset()),
                      tmp_path / "pack.pdf")
    assert str(caught.value) == "sections: choose at least one section to print"
    assert describe(caught.value) == ("Contenu\u00a0: choisissez au moins une section "
                                      "à imprimer")
    assert not (tmp_path / "pack.pdf").exists()


def test_parameters_fill_the_french_sentence(french: None, demo: Library) -> None:
    with pytest.raises(ValidationError) as caught:
        editions.add(demo, 2017, "Encore")
    assert caught.value.message == "there is already an edition 2017"
    assert caught.value.params == {"year": 2017}
    assert describe(caught.value) == "Année\u00a0: il existe déjà une édition 2017"


def test_english_stays_english(qapp: QApplication) -> None:
    i18n.install("en")
    error = ValidationError("participants", "no registered participant in {year}", year=2017)
    assert describe(error) == "Participants: no registered participant in 2017"


def test_names_of_the_dossier_and_of_creators_are_translated(french: None) -> None:
    assert field_name("sections") == "Contenu"
    assert field_name("selection") == "Références"
    assert field_name("workshop") == "Atelier"
    assert field_name("author") == "Auteur"  # a creator role names a list of names


BROKEN_TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS><TS version="2.1" language="fr_FR"><context><name>CoreMessages</name>
<message><source>there is already an edition {year}</source>
<translation>il existe déjà une édition {annee}</translation></message>
</context></TS>
"""


@pytest.mark.allow_warning_logs
def test_a_translation_that_does_not_fit_falls_back_to_english(
        qapp: QApplication, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    ts = tmp_path / "broken.ts"
    ts.write_text(BROKEN_TS, encoding="utf-8")
    subprocess.run([str(Path(sys.executable).with_name("pyside6-lrelease")), str(ts),
                    "-qm", str(tmp_path / "broken.qm")], check=True, capture_output=True)
    translator = QTranslator()
    assert translator.load(str(tmp_path / "broken.qm"))
    qapp.installTranslator(translator)
    try:
        error = ValidationError("year", "there is already an edition {year}", year=2017)
        assert describe(error) == "Year: there is already an edition 2017"
    finally:
        qapp.removeTranslator(translator)
    assert "does not fit" in caplog.text
