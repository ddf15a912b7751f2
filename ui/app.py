"""`seminaire-app`: start the desktop application."""

from __future__ import annotations

import argparse
import logging
import logging.handlers
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from seminaire_app.errors import SeminaireError
from seminaire_app.storage.library import Library, default_library_dir

log = logging.getLogger(__name__)


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


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="seminaire-app", description="Séminaire")
    parser.add_argument("--library", type=Path, default=None,
                        help="library folder (default: $SEMINAIRE_LIBRARY or your data folder)")
    known, _qt_args = parser.parse_known_args(argv)
    return known


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    setup_logging()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Séminaire")
    app.setOrganizationName("ESEAC")
    folder = args.library or default_library_dir()
    try:
        library = Library.open(folder)
    except SeminaireError as exc:
        QMessageBox.critical(None, "Séminaire", str(exc))
        return 1
    from .main_window import MainWindow

    window = MainWindow(library)
    window.show()
    log.info("opened %s", folder)
    code = app.exec()
    library.close()
    return code


if __name__ == "__main__":
    sys.exit(main())
