"""The French catalogue: complete, up to date with the sources, compiled, and used.

``resources/translations/seminaire_fr.ts`` is written by ``./dev translations``
(``pyside6-lupdate`` over ``ui/``, then ``pyside6-lrelease``); these tests fail when a
string was added or changed without refreshing, translating and compiling it.
"""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from seminaire_app.storage.library import Library
from ui import i18n
from ui.dossier_print_flow import PrintMessages
from ui.main_window import MainWindow
from ui.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
UI = ROOT / "ui"
TS = ROOT / "resources" / "translations" / "seminaire_fr.ts"
QM = TS.with_suffix(".qm")
REFRESH = "run ./dev translations, translate the new messages, and run it again"
PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}|%n")
MNEMONIC = re.compile(r"&(?!&)(.)")
NBSP_BEFORE = re.compile(r" [:;?!»]|« ")  # a plain space where French wants a hard one


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    comment: str
    numerus: bool
    translations: tuple[str, ...]
    unfinished: bool

    @property
    def key(self) -> tuple[str, str, str, bool]:
        return self.context, self.source, self.comment, self.numerus

    def where(self) -> str:
        return f"{self.context} « {self.source} »"


def read_ts(path: Path) -> list[Message]:
    messages = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            numerus = message.get("numerus") == "yes"
            forms = (tuple(f.text or "" for f in translation.iter("numerusform")) if numerus
                     else (translation.text or "",))
            messages.append(Message(name, message.findtext("source", ""),
                                    message.findtext("comment", ""), numerus, forms,
                                    translation.get("type") is not None))
    return messages


def tool(name: str) -> str:
    found = Path(sys.executable).with_name(name)
    if found.exists():
        return str(found)
    which = shutil.which(name)
    if which is None:
        pytest.fail(f"{name} is not installed: ./dev test installs it with PySide6")
    return which


def ui_sources() -> list[Path]:
    return sorted(UI.rglob("*.py"))


@pytest.fixture(scope="module")
def catalogue() -> list[Message]:
    assert TS.exists(), f"{TS.relative_to(ROOT)} is missing: {REFRESH}"
    return read_ts(TS)


# --- (a) every message is translated, with the same placeholders -----------------------------
def test_every_message_is_translated(catalogue: list[Message]) -> None:
    problems = []
    for message in catalogue:
        if message.unfinished:
            problems.append(f"{message.where()}: unfinished (or obsolete)")
        if message.numerus and len(message.translations) != 2:
            problems.append(f"{message.where()}: {len(message.translations)} plural forms, "
                            "French has 2 (1 and below, 2 and above)")
        if not all(t.strip() for t in message.translations):
            problems.append(f"{message.where()}: empty translation")
    assert not problems, "\n".join(problems)


def test_translations_keep_placeholders_mnemonics_and_lines(catalogue: list[Message]) -> None:
    problems = []
    for message in catalogue:
        wanted = set(PLACEHOLDER.findall(message.source))
        mnemonics = len(MNEMONIC.findall(message.source))
        for text in message.translations:
            if set(PLACEHOLDER.findall(text)) != wanted:
                problems.append(f"{message.where()}: placeholders {sorted(wanted)} in the "
                                f"source, {sorted(set(PLACEHOLDER.findall(text)))} in "
                                f"« {text} »")
            if len(MNEMONIC.findall(text)) != mnemonics:
                problems.append(f"{message.where()}: {mnemonics} keyboard mnemonic(s) (&) "
                                f"in the source, not in « {text} »")
            if text.count("\n") != message.source.count("\n"):
                problems.append(f"{message.where()}: the line breaks differ in « {text} »")
    assert not problems, "\n".join(problems)


def test_french_typography(catalogue: list[Message]) -> None:
    """A non-breaking space before : ; ? ! and inside « », the … character."""
    problems = [f"{m.where()}: « {text} »" for m in catalogue for text in m.translations
                if NBSP_BEFORE.search(text) or "..." in text]
    assert not problems, "plain space or three dots:\n" + "\n".join(problems)


def test_french_apostrophes_are_curly(catalogue: list[Message]) -> None:
    """« l’édition », as the dossiers print it: one apostrophe across the app."""
    straight = re.compile(r"\w'\w")
    wrong = [f"{m.where()}: « {text} »" for m in catalogue for text in m.translations
             if straight.search(text)]
    assert not wrong, "straight apostrophes:\n" + "\n".join(wrong)


def test_percent_n_only_in_plural_messages(catalogue: list[Message]) -> None:
    """A « %n » message that is no plural finds no translation when called with a count."""
    wrong = [m.where() for m in catalogue if "%n" in m.source and not m.numerus]
    assert not wrong, ("%n outside a plural message (use {count} and .format, or "
                       "self.tr(…, '', n)):\n" + "\n".join(wrong))


# --- (b) the catalogue is up to date with the sources ----------------------------------------
def test_catalogue_is_not_stale(catalogue: list[Message], tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    subprocess.run([tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none",
                    *map(str, ui_sources()), "-ts", str(fresh)],
                   check=True, capture_output=True, cwd=ROOT)
    now = {m.key for m in read_ts(fresh)}
    committed = {m.key for m in catalogue}
    added = sorted(now - committed)
    gone = sorted(committed - now)
    assert not added and not gone, (
        f"the catalogue is stale: {REFRESH}.\n"
        + "".join(f"  new in ui/: {c} « {s} »{' (plural)' if n else ''}\n"
                  for c, s, _comment, n in added)
        + "".join(f"  no longer in ui/: {c} « {s} »\n" for c, s, _comment, _n in gone))


def _literal(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) \
        else None


def _classes(tree: ast.AST) -> dict[ast.AST, str | None]:
    """Each node's innermost enclosing class: self.tr() takes its name as the context."""
    owner: dict[ast.AST, str | None] = {}

    def visit(node: ast.AST, current: str | None) -> None:
        for child in ast.iter_child_nodes(node):
            name = child.name if isinstance(child, ast.ClassDef) else current
            owner[child] = name
            visit(child, name)

    visit(tree, None)
    return owner


def _wrapped_calls() -> Iterator[tuple[str, int, str | None, ast.expr, bool]]:
    """(file, line, context, source node, plural) of every tr/translate/NOOP call in ui/."""
    for path in ui_sources():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        classes = _classes(tree)
        name = str(path.relative_to(ROOT))
        for call in ast.walk(tree):
            if not isinstance(call, ast.Call):
                continue
            func = call.func
            called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            plural_keyword = any(k.arg == "n" for k in call.keywords)
            if (called == "tr" and isinstance(func, ast.Attribute)
                    and isinstance(func.value, ast.Name) and func.value.id == "self"
                    and call.args):
                yield (name, call.lineno, classes.get(call), call.args[0],
                       len(call.args) >= 3 or plural_keyword)
            elif called in ("translate", "QT_TRANSLATE_NOOP") and len(call.args) >= 2:
                yield (name, call.lineno, _literal(call.args[0]), call.args[1],
                       len(call.args) >= 4 or plural_keyword)


def test_every_wrapped_string_is_in_the_catalogue(catalogue: list[Message]) -> None:
    """lupdate's Python reader silently skips some calls (a count given as ``len(x)`` to
    QCoreApplication.translate) and takes others for no plural: find them."""
    known = {(m.context, m.source): m.numerus for m in catalogue}
    problems = []
    for path, line, context, node, plural in _wrapped_calls():
        if isinstance(node, (ast.JoinedStr, ast.BinOp)):
            problems.append(f"{path}:{line}: an f-string or a concatenation is translated; "
                            "translate a template, then .format() it")
            continue
        source = _literal(node)
        if source is None or context is None:
            continue  # a name: its literals are marked elsewhere (QT_TRANSLATE_NOOP)
        if (context, source) not in known:
            problems.append(f"{path}:{line}: {context} « {source} » is not in the catalogue "
                            f"({REFRESH}; if it still is not, lupdate cannot read the call)")
        elif plural and not known[(context, source)]:
            problems.append(f"{path}:{line}: {context} « {source} » is called with a count "
                            "but lupdate did not take it for a plural")
    assert not problems, "\n".join(problems)


# --- (c) the compiled catalogue is the current one -------------------------------------------
def test_qm_is_compiled_from_the_ts(tmp_path: Path) -> None:
    assert QM.exists(), f"{QM.relative_to(ROOT)} is missing: {REFRESH}"
    compiled = tmp_path / "fresh.qm"
    subprocess.run([tool("pyside6-lrelease"), str(TS), "-qm", str(compiled)],
                   check=True, capture_output=True)
    assert compiled.read_bytes() == QM.read_bytes(), (
        f"{QM.relative_to(ROOT)} is older than the .ts: {REFRESH}")


# --- (d) the app speaks French, and English again --------------------------------------------


def test_installed_french_translates_words_and_plurals(french: None) -> None:
    translate = QCoreApplication.translate
    assert translate("ReferenceTable", "Title") == "Titre"
    assert translate("SidebarModel", "Tags") == "Thématiques"
    assert translate("ReferencesPage", "%n reference(s)", "", 0) == "0 référence"
    assert translate("ReferencesPage", "%n reference(s)", "", 1) == "1 référence"
    assert translate("ReferencesPage", "%n reference(s)", "", 3) == "3 références"
    i18n.install("en")
    assert translate("ReferenceTable", "Title") == "Title"
    assert translate("ReferencesPage", "%n reference(s)", "", 3) == "3 references"
    assert translate("ReferencesPage", "%n reference(s)", "", 1) == "1 reference"


def _mnemonic(text: str) -> str | None:
    found = MNEMONIC.search(text)
    return found.group(1).casefold() if found else None


def _clashes(texts: list[str]) -> list[str]:
    letters = [m for m in map(_mnemonic, texts) if m is not None]
    return sorted({m for m in letters if letters.count(m) > 1})


def test_french_menus_have_unique_mnemonics(french: None, qtbot: QtBot, lib: Library,
                                            settings: Settings) -> None:
    window = MainWindow(lib, settings)
    qtbot.addWidget(window)
    bar = [a.text() for a in window.menuBar().actions()]
    assert bar[0] == "&Fichier"
    problems = [f"menu bar {bar}: {_clashes(bar)}"] if _clashes(bar) else []
    for action in window.menuBar().actions():
        menu = action.menu()
        assert isinstance(menu, QMenu)
        texts = [a.text() for a in menu.actions() if not a.isSeparator()]
        if _clashes(texts):
            problems.append(f"{action.text()} {texts}: {_clashes(texts)}")
    assert not problems, "\n".join(problems)


def test_french_print_message_is_translated(french: None) -> None:
    assert PrintMessages().pages_sent(1) == "1 page envoyée à l’imprimante."
    assert PrintMessages().pages_sent(12) == "12 pages envoyées à l’imprimante."


def test_plural_tr_is_not_in_a_subclassed_class() -> None:
    """PySide looks a plural ``self.tr()`` up under the instance's class only: called in a
    base class on a subclass's instance, it finds nothing and stays English."""
    bases: set[str] = set()
    for path in ui_sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                bases.update(b.id for b in node.bases if isinstance(b, ast.Name))
    wrong = [f"{path}:{line}: {context}" for path, line, context, _node, plural
             in _wrapped_calls() if plural and context in bases]
    assert not wrong, ("a plural self.tr() in a class that ui/ subclasses:\n"
                       + "\n".join(wrong))


# --- (e) English plural forms: « 1 reference », « 3 references » ---------------------------
EN_TS = TS.with_name("seminaire_en.ts")


def test_english_catalogue_has_every_plural_in_two_forms(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh_en.ts"
    subprocess.run([tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none",
                    "-pluralonly", *map(str, ui_sources()), "-ts", str(fresh)],
                   check=True, capture_output=True, cwd=ROOT)
    english = read_ts(EN_TS)
    assert {m.key for m in english} == {m.key for m in read_ts(fresh)}, (
        f"{EN_TS.name} is stale: {REFRESH}")
    problems = [f"{m.where()}: {m.translations}" for m in english
                if m.unfinished or len(m.translations) != 2
                or any("(s)" in t or "(ies)" in t or "%n" not in t for t in m.translations)]
    assert not problems, "\n".join(problems)
    compiled = tmp_path / "fresh_en.qm"
    subprocess.run([tool("pyside6-lrelease"), str(EN_TS), "-qm", str(compiled)],
                   check=True, capture_output=True)
    assert compiled.read_bytes() == EN_TS.with_suffix(".qm").read_bytes(), REFRESH


def test_english_plurals_agree_with_the_count() -> None:
    assert i18n.install("en") == "en"
    translate = QCoreApplication.translate
    assert translate("DossierDialog", "%n copy(ies) written to {folder}.", "", 1) == (
        "1 copy written to {folder}.")
    assert translate("DossierDialog", "%n copy(ies) written to {folder}.", "", 4) == (
        "4 copies written to {folder}.")
    assert translate("ReplaceQuestion", "%n file(s) of the same name already exist:", "",
                     1) == "1 file of the same name already exists:"
    assert PrintMessages().pages_sent(2) == "2 pages sent to the printer."


def test_english_sources_quote_the_english_way(catalogue: list[Message]) -> None:
    """“Contents” in English, « Sommaire » in French. The core's templates (CoreMessages)
    are also the command line's words and keep theirs for now."""
    wrong = [m.where() for m in catalogue if m.context != "CoreMessages"
             and ("«" in m.source or "»" in m.source)]
    assert not wrong, "French quotes in English sources:\n" + "\n".join(wrong)
