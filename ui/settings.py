"""What the app remembers between runs (QSettings): recent libraries, language, layout,
the citation style and locale."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

MAX_RECENT = 8
# citations.DEFAULT_STYLE and DEFAULT_LOCALE, repeated so that reading the settings does
# not load citeproc (0.1 s); the bibliography panel falls back to them for unknown values.
DEFAULT_STYLE = "iso690-author-date-fr"
DEFAULT_LOCALE = "fr-FR"


class Settings:
    def __init__(self, settings: QSettings | None = None) -> None:
        self._s = settings or QSettings()

    def recent_libraries(self) -> list[Path]:
        raw = self._s.value("libraries/recent", [])
        items = [raw] if isinstance(raw, str) else list(raw or [])
        return [Path(p) for p in items if p]

    def add_recent_library(self, folder: Path) -> None:
        folders = [str(folder)] + [str(p) for p in self.recent_libraries() if p != folder]
        self._s.setValue("libraries/recent", folders[:MAX_RECENT])

    def last_library(self) -> Path | None:
        recent = self.recent_libraries()
        return recent[0] if recent else None

    def language(self) -> str:
        """"fr", "en" or "" (follow the system)."""
        return str(self._s.value("ui/language", "") or "")

    def set_language(self, language: str) -> None:
        self._s.setValue("ui/language", language)

    def citation_style(self) -> str:
        """The style of bibliography previews and copies (a citations.STYLES id)."""
        return str(self._s.value("citations/style", DEFAULT_STYLE) or DEFAULT_STYLE)

    def set_citation_style(self, style: str) -> None:
        self._s.setValue("citations/style", style)

    def citation_locale(self) -> str:
        """"fr-FR" or "en-US": the language of bibliography terms and dates."""
        return str(self._s.value("citations/locale", DEFAULT_LOCALE) or DEFAULT_LOCALE)

    def set_citation_locale(self, locale: str) -> None:
        self._s.setValue("citations/locale", locale)

    def state(self, key: str) -> QByteArray | None:
        value = self._s.value(f"layout/{key}")
        return value if isinstance(value, QByteArray) else None

    def set_state(self, key: str, value: QByteArray) -> None:
        self._s.setValue(f"layout/{key}", value)

    def sync(self) -> None:
        self._s.sync()
