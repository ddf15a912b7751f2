"""Seminar → Dossiers…: participant packs, workshop dossiers, bibliographies and badges,
previewed, saved as PDF and printed.

The options (:mod:`ui.dossier_options`) become a :class:`DossierRequest`; the core's
``build_dossier`` / ``build_per_participant`` run on a reader thread of the task runner,
with a progress dialog and Cancel (a cancelled build leaves no file). « Preview » builds
into a temporary file shown in the dialog (:mod:`ui.dossier_preview`); when the options
change afterwards the preview says it is out of date. « Save as PDF… » copies a fresh
preview or builds into the chosen file, or writes personal copies into a folder and/or
one PDF, asking first before files of the same names are replaced
(:mod:`ui.dossier_files`); « Print… » prints the preview's pages through Qt's print
dialog (:mod:`ui.dossier_print_flow`). What a build did, and the attached files it
could not append, are said under the preview (:mod:`ui.dossier_status`). Options the
core would refuse disable the buttons, with the reason in their place
(:mod:`ui.dossier_checks`).

Signals of :class:`DossierDialog`: ``built(object)`` — a build ended, with its
DossierReport (None when cancelled); ``preview_ready(int)`` — the preview shows that many
pages; ``saved(object)`` — the files written (a tuple of Path); ``printed(int)`` — pages
sent to the printer (0 when cancelled).
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from seminaire_app.dossiers import (
    DossierReport,
    DossierRequest,
    per_participant_paths,
    safe_filename,
)
from seminaire_app.errors import SeminaireError
from seminaire_app.progress import Progress
from seminaire_app.storage.library import Library

from .dossier_build import Output, build, copy_atomically, remember, remembered, step_words
from .dossier_files import choose_folder, choose_pdf, confirm_replace
from .dossier_flow import DossierChoices, DossierContext
from .dossier_options import DossierOptions
from .dossier_preview import DossierPreview
from .dossier_print_flow import DossierPrintFlow
from .dossier_status import DossierStatus
from .errors import show_error
from .option_fields import set_tab_order
from .settings import Settings
from .tasks import Task, TaskRunner

OPTIONS_KEY, GEOMETRY_KEY, SPLITTER_KEY = "dossier-options", "dossier-dialog", "dossier-splitter"


def _subject(request: DossierRequest) -> tuple[object, ...]:
    """What a dossier is about, whatever its style, language or sections."""
    return (request.template, request.year, request.workshop, request.participant_id,
            request.selection)


class DossierDialog(DossierPrintFlow):
    built = Signal(object)
    preview_ready = Signal(int)
    saved = Signal(object)

    def __init__(self, library: Library, runner: TaskRunner, settings: Settings,
                 choices: DossierChoices, context: DossierContext,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library, self.runner, self.settings = library, runner, settings
        self.setWindowTitle(self.tr("Dossiers and printing"))
        self.options = DossierOptions(choices, context, self._remembered())
        self.preview = DossierPreview()
        self.status = DossierStatus()
        self.task: Task[Any] | None = None
        self._tmp = Path(tempfile.mkdtemp(prefix="seminaire-dossier-"))
        self._serial = 0
        self._preview_key: tuple[DossierRequest, bool] | None = None
        self._preview_report: DossierReport | None = None
        self._pending: Callable[[], None] | None = None  # once the preview is shown
        self._close_when_done = False
        self._missing_shown = False  # the status says why nothing can be built
        self._focus: QWidget | None = None  # where the keyboard was when work began
        self._make_buttons()
        self._lay_out()
        self.options.changed.connect(self._on_options_changed)
        self.preview.ready.connect(self._on_preview_ready)
        self.preview.failed.connect(self._on_preview_failed)
        self._restore_layout()
        self._on_options_changed()

    def _make_buttons(self) -> None:
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        role = QDialogButtonBox.ButtonRole.ActionRole
        self.preview_button = QPushButton(self.tr("Preview"))  # Enter: no mnemonic needed
        self.preview_button.setToolTip(self.tr("Build the document and show it here (Enter)"))
        self.save_button = QPushButton(self.tr("&Save as PDF…"))
        self.print_button = QPushButton(self.tr("&Print…"))
        for button in (self.preview_button, self.save_button, self.print_button):
            self.buttons.addButton(button, role)
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAutoDefault(False)  # Enter previews; Esc closes
        self.preview_button.clicked.connect(self.build_preview)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.print_button.clicked.connect(self._on_print_button_clicked)
        self.buttons.rejected.connect(self.reject)

    def _lay_out(self) -> None:
        scroll = QScrollArea()
        scroll.setWidget(self.options)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its fields take Tab, not it
        scroll.setMinimumWidth(self.options.minimumSizeHint().width() + 24)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.preview, 1)
        right_layout.addWidget(self.status)  # what the last build said
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(scroll)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.buttons)
        self.resize(1180, 800)
        self.splitter.setSizes([430, 750])
        set_tab_order([*self.options.focus_chain(), self.preview.view, self.preview_button,
                       self.save_button, self.print_button,
                       self.buttons.button(QDialogButtonBox.StandardButton.Close)])
        self.options.focus_first()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.preview_button.setDefault(True)  # set once in the dialog: Enter previews

    # --- state ----------------------------------------------------------------------------
    def busy(self) -> bool:
        return self.task is not None

    def _key(self) -> tuple[DossierRequest, bool]:
        return self.options.request(), self.options.is_batch()

    def has_fresh_preview(self) -> bool:
        return (self._preview_key == self._key() and self.preview.is_ready()
                and self.preview.path is not None)

    def _set_busy(self, busy: bool) -> None:
        """Buttons off while a build or a print runs (the options stay: changing one
        marks the coming preview out of date); the keyboard focus comes back after."""
        if busy and self._focus is None:
            self._focus = QApplication.focusWidget()
        can = not busy and not self.options.missing()
        for button in (self.preview_button, self.save_button, self.print_button):
            button.setEnabled(can)
        if not busy and self._focus is not None:
            focus, self._focus = self._focus, None
            if isValid(focus) and focus.isEnabled() and self.isAncestorOf(focus):
                focus.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def _on_options_changed(self) -> None:
        self.preview.set_outdated(self._preview_key is not None
                                  and self._preview_key != self._key())
        missing = self.options.missing()
        self._set_busy(self.busy())
        if missing:
            self._say(missing)
            self._missing_shown = True
        elif self._missing_shown:
            self._say("")

    def _say(self, text: str, warning: bool = False) -> None:
        self._missing_shown = False
        self.status.say(text, warning)

    # --- building -------------------------------------------------------------------------
    def _build(self, output: Output, label: str,
               then: Callable[[DossierReport, tuple[DossierRequest, bool]], None]) -> None:
        if self.busy() or self.options.missing():
            return
        key = self._key()
        request = key[0]
        self._set_busy(True)
        self._say(label)
        words = step_words()
        self.task = self.runner.run(
            lambda lib, progress: build(lib, request, output, progress, words),
            lambda report: self._on_built(report, key, then), self._on_build_failed,
            label=label, parent=self)

    def _on_built(self, report: DossierReport | None, key: tuple[DossierRequest, bool],
                  then: Callable[[DossierReport, tuple[DossierRequest, bool]], None]) -> None:
        self.task = None
        self._set_busy(False)
        if report is None:
            self._pending = None
            self._say(self.tr("Cancelled: nothing was written."))
        else:
            then(report, key)
        self.built.emit(report)
        if self._close_when_done:
            self._close_when_done = False
            self.reject()

    def _on_build_failed(self, error: BaseException) -> None:
        self.task = None
        self._pending = None
        self._set_busy(False)
        self._say("")
        show_error(self, error)
        if self._close_when_done:
            self._close_when_done = False
            self.reject()

    @Slot()
    def build_preview(self) -> None:
        """Build into a temporary file and show it (Enter)."""
        self._serial += 1
        path = self._tmp / f"preview-{self._serial}.pdf"
        output = (Output(combined=path) if self.options.is_batch() else Output(path=path))
        self._build(output, self.tr("Building the preview…"),
                    lambda report, key: self._on_preview_built(report, key, path))

    def _on_preview_built(self, report: DossierReport, key: tuple[DossierRequest, bool],
                          path: Path) -> None:
        before = self._preview_key[0] if self._preview_key is not None else None
        self._preview_key, self._preview_report = key, report
        # Back to the first page for another document; the same page for the same one
        # built again (another style, a section more).
        self.preview.load(path, keep_page=before is not None
                          and _subject(before) == _subject(key[0]))
        self._on_options_changed()  # changed while it was built: out of date already
        self._missing_shown = False
        self.status.tell(self.tr("Preview: %n page(s).", "", report.page_count),
                         report.problems)

    @Slot(int)
    def _on_preview_ready(self, pages: int) -> None:
        self.preview_ready.emit(pages)
        pending, self._pending = self._pending, None
        if pending is not None and self.has_fresh_preview():
            QTimer.singleShot(0, pending)  # out of the document's signal (a print dialog)

    @Slot(str)
    def _on_preview_failed(self, message: str) -> None:
        self._pending = None
        self._say(message, warning=True)

    def _when_previewed(self, action: Callable[[], None]) -> None:
        """Run ``action`` on a fresh preview, building it first if needed."""
        if self.has_fresh_preview():
            action()
        else:
            self._pending = action
            self.build_preview()

    # --- saving ---------------------------------------------------------------------------
    @Slot()
    def _on_save_button_clicked(self) -> None:
        self.save()

    def save(self, target: Path | None = None) -> None:
        """Save as PDF (or write one pack per participant into a folder); asks where
        unless ``target`` is given."""
        if self.busy() or self.options.missing():
            return
        if self.options.is_batch():
            self._save_per_participant(target)
            return
        path = target or self.choose_file()
        if path is None:
            return
        self._remember_folder(path.parent)
        if self.has_fresh_preview() and self.preview.path is not None:
            self._copy_preview(self.preview.path, path)
        else:
            self._build(Output(path=path), self.tr("Building “{file}”…").format(
                file=path.name), lambda report, _key: self._on_saved(report.paths, report))

    def _save_per_participant(self, target: Path | None) -> None:
        """A folder of copies (``target``, or asked), with the combined PDF in it too,
        or the combined PDF alone (``target``, or asked)."""
        everyone = self.suggested_name()
        folder = combined = None
        if self.options.wants_folder():
            folder = target or self.choose_folder()
            if folder is None:
                return
            if self.options.wants_combined():
                combined = folder / everyone
            if not self._may_replace(folder, combined):
                return
            self._remember_folder(folder)
        else:
            combined = target or self.choose_file(everyone)
            if combined is None:
                return
            self._remember_folder(combined.parent)
        self._build(Output(folder=folder, combined=combined),
                    self.tr("Writing one copy per participant…"),
                    lambda report, _key: self._on_saved(report.paths, report, True,
                                                        combined))

    def _may_replace(self, folder: Path, combined: Path | None) -> bool:
        """Ask before a build replaces files in ``folder``; True to go on."""
        try:
            paths = per_participant_paths(self.library, self.options.request(), folder,
                                          combined)
        except SeminaireError:
            return True  # the build says what is wrong
        return confirm_replace(self, [p for p in paths if p.exists()])

    def _copy_preview(self, source: Path, path: Path) -> None:
        def op(_lib: Library, _progress: Progress) -> Path:
            copy_atomically(source, path)
            return path

        def done(_path: Path) -> None:
            self.task = None
            self._set_busy(False)
            self._on_saved((path,), self._preview_report)

        def failed(error: BaseException) -> None:
            self.task = None
            self._set_busy(False)
            show_error(self, error)

        self._set_busy(True)
        self.task = self.runner.run(op, done, failed)

    def _on_saved(self, paths: Sequence[Path], report: DossierReport | None,
                  batch: bool = False, combined: Path | None = None) -> None:
        packs = [p for p in paths if p != combined]
        if batch and packs:
            done = self.tr("%n copy(ies) written to {folder}.", "", len(packs)).format(
                folder=str(packs[0].parent))
            if combined is not None:
                done += " " + self.tr("All of them in one PDF: {file}.").format(
                    file=combined.name)
        else:
            done = self.tr("Saved: {file}.").format(file=str(paths[0]))
        self._missing_shown = False
        self.status.tell(done, report.problems if report is not None else ())
        window = self.parentWidget().window() if self.parentWidget() is not None else None
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(done, 8000)
        self.saved.emit(tuple(paths))

    def _suggested_folder(self) -> Path:
        folder = Path(str(self._remembered().get("folder", "") or Path.home()))
        return folder if folder.is_dir() else Path.home()

    def suggested_name(self) -> str:
        """The PDF's file name: the document's, « … — everyone » for all the personal
        copies in one PDF."""
        document = self.options.describe()
        if self.options.is_batch():
            document = self.tr("{document} — everyone").format(document=document)
        return safe_filename(document) + ".pdf"

    def suggested_file(self) -> Path:
        """The PDF in the folder dossiers were last saved in (the home folder at first)."""
        return self._suggested_folder() / self.suggested_name()

    def choose_file(self, name: str = "") -> Path | None:
        """Ask where to save the PDF (``name``, or one made of the document's)."""
        return choose_pdf(self, self._suggested_folder() / (name or self.suggested_name()))

    def choose_folder(self) -> Path | None:
        """Ask for the folder that receives one pack per participant."""
        return choose_folder(self, self._suggested_folder())

    # --- closing and memory ---------------------------------------------------------------
    def reject(self) -> None:
        """Esc and Close: a build or a print under way is cancelled first."""
        if self.task is not None:
            self._close_when_done = True
            self.task.cancel()
            return
        super().reject()

    def done(self, result: int) -> None:
        self._remember()
        self.preview.clear()
        shutil.rmtree(self._tmp, ignore_errors=True)
        super().done(result)

    def _remembered(self) -> dict[str, Any]:
        return remembered(self.settings, OPTIONS_KEY)

    def _remember(self, **extra: object) -> None:
        remember(self.settings, OPTIONS_KEY, {**self.options.saved(), **extra})
        self.settings.set_state(GEOMETRY_KEY, self.saveGeometry())
        self.settings.set_state(SPLITTER_KEY, self.splitter.saveState())

    def _remember_folder(self, folder: Path) -> None:
        self._remember(folder=str(folder))

    def _restore_layout(self) -> None:
        geometry = self.settings.state(GEOMETRY_KEY)
        if geometry is not None:
            self.restoreGeometry(geometry)
        splitter = self.settings.state(SPLITTER_KEY)
        if splitter is not None:
            self.splitter.restoreState(splitter)
