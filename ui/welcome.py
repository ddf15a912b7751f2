"""The first screen when there is no library yet: create one, open one, or the demo.

Signals: ``create_requested(Path)``, ``open_requested(Path)``, ``demo_requested()``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from seminaire_app.storage.library import default_library_dir


class WelcomeWidget(QWidget):
    create_requested = Signal(Path)
    open_requested = Signal(Path)
    demo_requested = Signal()

    def __init__(self, recent: list[Path], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Séminaire"))
        title = QLabel(self.tr("Welcome to Séminaire"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel(self.tr(
            "Séminaire keeps the team's references, files and notes, prepares each edition "
            "of the seminar and prints the participants' packs."))
        intro.setWordWrap(True)
        self.create_button = QPushButton(self.tr("&Create an empty library"))
        self.open_button = QPushButton(self.tr("&Open a library…"))
        self.demo_button = QPushButton(self.tr("&Explore the 2017 demo"))
        for button in (self.create_button, self.open_button, self.demo_button):
            button.setMinimumHeight(40)
        self.create_button.clicked.connect(self._on_create_clicked)
        self.open_button.clicked.connect(self._on_open_clicked)
        self.demo_button.clicked.connect(self.demo_requested)
        self.recent = QListWidget()
        for folder in recent:
            item = QListWidgetItem(str(folder))
            item.setData(Qt.ItemDataRole.UserRole, str(folder))
            self.recent.addItem(item)
        self.recent.itemActivated.connect(self._on_recent_item_activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 30, 40, 30)
        layout.setSpacing(12)
        layout.addWidget(title)
        layout.addWidget(intro)
        for button in (self.create_button, self.open_button, self.demo_button):
            layout.addWidget(button)
        if recent:
            layout.addWidget(QLabel(self.tr("Recent libraries")))
            layout.addWidget(self.recent)
        layout.addStretch()
        self.resize(560, 440 if recent else 340)

    def choose_new_folder(self) -> Path | None:
        """Where to create the library (a separate method so tests can replace it)."""
        default = default_library_dir()
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Folder for the new library"), str(default.parent))
        return Path(chosen) if chosen else None

    def choose_existing_folder(self) -> Path | None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Open a library"))
        return Path(chosen) if chosen else None

    @Slot()
    def _on_create_clicked(self) -> None:
        folder = self.choose_new_folder()
        if folder is not None:
            self.create_requested.emit(folder)

    @Slot()
    def _on_open_clicked(self) -> None:
        folder = self.choose_existing_folder()
        if folder is not None:
            self.open_requested.emit(folder)

    @Slot(QListWidgetItem)
    def _on_recent_item_activated(self, item: QListWidgetItem) -> None:
        self.open_requested.emit(Path(item.data(Qt.ItemDataRole.UserRole)))
