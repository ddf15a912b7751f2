"""Where the dossier dialog writes: the file or folder chosen, and asking before
replacing files that are there already.

The file dialog asks before replacing the file chosen, but not when « .pdf » is added
to a name typed without it, nor for a folder whose files a per-participant build
would replace: :func:`confirm_replace` asks then, naming a few of the files.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

#: Files named in the question; the others are counted.
NAMED = 5


class ReplaceQuestion(QMessageBox):
    """« Replace N files? », naming the first :data:`NAMED` of them and their folder."""

    def __init__(self, existing: Sequence[Path], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        count, more = len(existing), len(existing) - NAMED
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("Replace %n file(s)?", "", count))
        if len({p.parent for p in existing}) == 1:
            first = self.tr("%n file(s) of the same name already exist in {folder}:", "",
                            count).format(folder=str(existing[0].parent))
        else:
            first = self.tr("%n file(s) of the same name already exist:", "", count)
        lines = [first, *(f"• {p.name}" for p in existing[:NAMED])]
        if more > 0:
            lines.append(self.tr("… and %n more.", "", more))
        self.setText("\n".join(lines))
        self.setInformativeText(self.tr("Replacing them loses what they hold now. Cancel "
                                        "to choose another place."))
        self.setStandardButtons(QMessageBox.StandardButton.Cancel)
        self.replace_button = self.addButton(self.tr("&Replace"),
                                             QMessageBox.ButtonRole.DestructiveRole)
        self.setDefaultButton(QMessageBox.StandardButton.Cancel)


def confirm_replace(parent: QWidget, existing: Sequence[Path]) -> bool:
    """Ask whether to replace the ``existing`` files; True to go on (also when there
    are none), False to cancel."""
    if not existing:
        return True
    question = ReplaceQuestion(existing, parent)
    question.exec()
    return question.clickedButton() is question.replace_button


def choose_pdf(parent: QWidget, suggested: Path) -> Path | None:
    """Ask where to save a PDF, ``suggested`` first; None when cancelled (or when the
    user would not replace the file « .pdf » was added to)."""
    translate = QCoreApplication.translate
    name, _filter = QFileDialog.getSaveFileName(
        parent, translate("DossierDialog", "Save the dossier as PDF"), str(suggested),
        translate("DossierDialog", "PDF documents (*.pdf);;All files (*)"))
    if not name:
        return None
    path = Path(name)
    if path.suffix.lower() == ".pdf":
        return path  # the file dialog asked before replacing it
    path = path.with_name(path.name + ".pdf")
    return path if not path.exists() or confirm_replace(parent, [path]) else None


def choose_folder(parent: QWidget, suggested: Path) -> Path | None:
    """Ask for the folder that receives one pack per participant."""
    name = QFileDialog.getExistingDirectory(
        parent, QCoreApplication.translate("DossierDialog",
                                           "Folder for the participants' packs"),
        str(suggested))
    return Path(name) if name else None
