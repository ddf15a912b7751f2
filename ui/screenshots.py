"""Screenshots of the main views on the 2017 demo: ``./dev screenshots [FOLDER] [fr|en]``.

Builds the demo in a temporary folder, opens the window offscreen (or on the display
given), selects each view in turn and saves a PNG of the whole window, then renders the
demo pack's cover and first workshop page. Files are named ``VIEW-LANGUAGE.png``, the
names the README shows (``./dev screenshots docs/screenshots`` refreshes them).
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QWidget

if TYPE_CHECKING:
    from seminaire_app.storage.library import Library


def _settle(ms: int = 400) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def _wait(condition: Callable[[], bool], timeout_ms: int = 60000) -> None:
    for _ in range(timeout_ms // 50):
        if condition():
            return
        _settle(50)
    raise TimeoutError("the screenshot's view did not get ready")


def take(out: Path, language: str = "fr") -> list[Path]:
    from seminaire_app.demo import create_demo

    from . import i18n
    from .dossier_dialog import DossierDialog
    from .dossier_flow import DossierContext
    from .main_window import MainWindow
    from .settings import Settings
    from .sidebar import Place
    from .welcome import WelcomeWidget

    i18n.install(language)
    out.mkdir(parents=True, exist_ok=True)
    saved: list[Path] = []

    def save(widget: QWidget, name: str) -> None:
        _settle()
        path = out / f"{name}-{language}.png"
        widget.grab().save(str(path))
        saved.append(path)

    with tempfile.TemporaryDirectory() as tmp:
        welcome = WelcomeWidget([])
        welcome.show()
        save(welcome, "welcome")
        welcome.close()
        library = create_demo(Path(tmp) / "Démo 2017")
        settings = Settings(QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat))
        window = MainWindow(library, settings)
        window.resize(1440, 880)
        window.show()
        _settle(1200)
        page = window.references_page
        page.table.selectRow(next(r for r in range(page.model.rowCount())
                                  if (ref := page.model.reference_at(r)) is not None
                                  and ref.creators and ref.creators[0].literal == "Le Rameau"))
        save(window, "main")
        page.detail.setCurrentWidget(page.notes)
        save(window, "reference-notes")
        page.detail.setCurrentIndex(0)
        page.search.setText("cooperation")
        _settle(600)
        save(window, "search")
        page.search.clear()
        views: list[tuple[str, Place, Callable[[], None] | None]] = [
            ("edition", Place("edition", year=2017), None),
            ("workshop", Place("workshop", year=2017, number=4), None),
            ("participants", Place("participants", year=2017), None),
            ("programme", Place("programme", year=2017), None),
        ]
        for name, place, _extra in views:
            window.sidebar.select(place)
            _settle(600)
            save(window, name)
        opened: list[QWidget] = []
        window.dossier_flow.dialog_opened.connect(opened.append)
        window.dossier_flow.open(DossierContext(year=2017, workshop=2))
        _wait(lambda: bool(opened))
        dialog = opened[0]
        assert isinstance(dialog, DossierDialog)
        dialog.preview_button.click()
        _wait(lambda: dialog.preview.page_count() > 0)
        dialog.preview.go_to_page(3)  # the workshop's page says more than the cover
        save(dialog, "dossier")
        dialog.reject()
        window.close()
        saved += _dossier_pages(library, Path(tmp) / "pack.pdf", out, language)
        library.close()
    return saved


def _dossier_pages(library: Library, pdf: Path, out: Path, language: str) -> list[Path]:
    """The demo pack's cover and the first page of workshop 1, as the README shows them."""
    from pypdf import PdfReader
    from PySide6.QtCore import QSize
    from PySide6.QtPdf import QPdfDocument

    from seminaire_app.dossiers import DossierRequest, build_dossier
    from seminaire_app.dossiers.labels import labels_for

    locale = "fr-FR" if language == "fr" else "en-US"
    build_dossier(library, DossierRequest(year=2017, locale=locale), pdf)
    reader = PdfReader(pdf)
    first_workshop = labels_for(locale).workshop.format(number=1)
    workshop_page = next(reader.get_destination_page_number(entry)
                         for entry in _flat(reader.outline)
                         if str(entry.title).startswith(first_workshop))
    document = QPdfDocument()
    document.load(str(pdf))
    saved = []
    for name, index in (("dossier-cover", 0), ("dossier-workshop", workshop_page)):
        path = out / f"{name}-{language}.png"
        document.render(index, QSize(579, 819)).save(str(path))
        saved.append(path)
    document.close()
    return saved


def _flat(outline: list[Any]) -> Iterator[Any]:
    for entry in outline:
        if isinstance(entry, list):
            yield from _flat(entry)
        else:
            yield entry


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0]) if args else Path("screenshots")
    language = args[1] if len(args) > 1 else "fr"
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Séminaire")
    for path in take(out, language):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
