"""`seminaire-app`: start the desktop application.

:class:`DesktopApp` decides what to show: the library named on the command line or by
``$SEMINAIRE_LIBRARY``, else the last one used, else the default one if it exists, else
the welcome screen. It opens libraries off the GUI thread, switches between them, and
rebuilds the window when the language changes.
"""

from __future__ import annotations

import argparse
import logging
import logging.handlers
import os
import sys
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QProgressDialog, QWidget

from seminaire_app.errors import SeminaireError
from seminaire_app.storage.library import DATABASE_NAME, Library, default_library_dir

from . import i18n
from .errors import describe, install_excepthook
from .settings import Settings

log = logging.getLogger(__name__)
DEMO_FOLDER_NAME = "Démo 2017"


def log_file() -> Path:
    from platformdirs import user_log_path

    return user_log_path("seminaire", appauthor=False) / "seminaire.log"


def setup_logging() -> Path:
    """A rotating log in the user's log folder; its path is shown with unexpected errors."""
    path = log_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3,
                                                   encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path


def demo_folder() -> Path:
    """The demo lives beside the user's library, never inside it."""
    return default_library_dir().parent / DEMO_FOLDER_NAME


class DesktopApp(QObject):
    """Signals: ``window_shown(QWidget)`` — a main window or the welcome screen is up."""

    window_shown = Signal(QWidget)

    def __init__(self, settings: Settings | None = None) -> None:
        super().__init__()
        self.settings = settings or Settings()
        self.language = i18n.install(self.settings.language())
        self.window: QWidget | None = None
        self.library: Library | None = None
        self._opener = ThreadPoolExecutor(max_workers=1, thread_name_prefix="seminaire-open")

    # --- start ------------------------------------------------------------------------
    def start(self, folder: Path | None) -> None:
        folder = folder or (Path(os.environ["SEMINAIRE_LIBRARY"])
                            if os.environ.get("SEMINAIRE_LIBRARY") else None)
        if folder is None:
            last = self.settings.last_library()
            if last is not None and (last / DATABASE_NAME).exists():
                folder = last
            elif (default_library_dir() / DATABASE_NAME).exists():
                folder = default_library_dir()
        if folder is None:
            self.show_welcome()
        else:
            self.open_library(folder, create=True)

    def show_welcome(self) -> None:
        from .welcome import WelcomeWidget

        welcome = WelcomeWidget(self.settings.recent_libraries())
        welcome.create_requested.connect(lambda f: self.open_library(f, create=True))
        welcome.open_requested.connect(lambda f: self.open_library(f, create=False))
        welcome.demo_requested.connect(self.open_demo)
        self._show(welcome)

    # --- opening (off the GUI thread) -------------------------------------------------
    def open_library(self, folder: Path, create: bool) -> None:
        self._in_background(self.tr("Opening the library…"),
                            lambda: Library.open(folder, create=create), self._on_opened)

    def open_demo(self) -> None:
        folder = demo_folder()
        if (folder / DATABASE_NAME).exists():
            self.open_library(folder, create=False)
            return
        from seminaire_app.demo import create_demo

        self._in_background(self.tr("Creating the 2017 demo…"), lambda: create_demo(folder),
                            self._on_opened)

    def _in_background(self, label: str, work: Callable[[], Library],
                       done: Callable[[Library], None]) -> None:
        parent = self.window
        dialog = QProgressDialog(label, "", 0, 0, parent)
        dialog.setCancelButton(None)
        dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        dialog.setMinimumDuration(300)
        bridge = _Bridge(self)

        def finished(future: Future[Library]) -> None:
            dialog.reset()
            dialog.deleteLater()
            error = future.exception()
            if error is None:
                done(future.result())
            elif isinstance(error, SeminaireError):
                QMessageBox.warning(self.window, self.tr("Séminaire"), describe(error))
                if self.window is None:
                    self.show_welcome()
            else:
                raise error

        future = self._opener.submit(work)
        future.add_done_callback(lambda f: bridge.done.emit(finished, f))

    def _on_opened(self, library: Library) -> None:
        from .main_window import MainWindow

        old, self.library = self.library, library
        self.settings.add_recent_library(library.folder)
        window = MainWindow(library, self.settings, self.settings.recent_libraries())
        window.open_library_requested.connect(self._on_window_open_library_requested)
        window.new_library_requested.connect(self._on_window_new_library_requested)
        window.recent_library_requested.connect(lambda f: self.open_library(f, create=False))
        window.demo_requested.connect(self.open_demo)
        window.preferences_requested.connect(self._on_window_preferences_requested)
        self._show(window)
        if old is not None and old is not library:
            old.close()
        log.info("opened %s", library.folder)

    def _show(self, window: QWidget) -> None:
        old, self.window = self.window, window
        window.show()
        if old is not None:
            old.close()
            old.deleteLater()
        self.window_shown.emit(window)

    # --- menu requests ------------------------------------------------------------------
    @Slot()
    def _on_window_open_library_requested(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self.window, self.tr("Open a library"))
        if chosen:
            self.open_library(Path(chosen), create=False)

    @Slot()
    def _on_window_new_library_requested(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self.window,
                                                  self.tr("Folder for the new library"))
        if chosen:
            self.open_library(Path(chosen), create=True)

    @Slot()
    def _on_window_preferences_requested(self) -> None:
        from .preferences import PreferencesDialog

        dialog = PreferencesDialog(self.settings.language(), self.window)
        if dialog.exec():
            self.switch_language(dialog.chosen_language())

    def switch_language(self, language: str) -> None:
        """Apply a language now: the window is rebuilt in it, on the same library."""
        self.settings.set_language(language)
        self.language = i18n.install(language)
        if self.library is not None:
            from .main_window import MainWindow

            current = self.window
            if isinstance(current, MainWindow):
                current.save_layout()
            library = self.library
            self.library = None  # the same library carries over: do not close it
            self._on_opened(library)

    def shutdown(self) -> None:
        self._opener.shutdown(wait=True)
        if self.library is not None:
            self.library.close()


class _Bridge(QObject):
    done = Signal(object, object)

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.done.connect(self._on_done, Qt.ConnectionType.QueuedConnection)

    @Slot(object, object)
    def _on_done(self, callback: Callable[[object], None], value: object) -> None:
        callback(value)
        self.deleteLater()


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="seminaire-app", description="Séminaire")
    parser.add_argument("--library", type=Path, default=None,
                        help="library folder (default: $SEMINAIRE_LIBRARY, else the last one)")
    known, _qt_args = parser.parse_known_args(argv)
    return known


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    path = setup_logging()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Séminaire")
    app.setOrganizationName("ESEAC")
    install_excepthook(path)
    desktop = DesktopApp()
    desktop.start(args.library)
    code = app.exec()
    desktop.shutdown()
    return code


if __name__ == "__main__":
    sys.exit(main())
