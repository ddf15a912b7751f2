"""Which bibliographic format a file holds, and the reader and writer of each.

:func:`detect_format` looks at the content first (a BibTeX ``@type{`` entry, a RIS
``TY  - `` line, a JSON array or object) and uses the file's extension only to break a
tie. :func:`reader` and :func:`writer` import the format's module when first asked, so
that this module imports without any of them.

The small value checks at the end (ISBN and ISSN shapes, scheme-less URLs, binary
data) are shared by the readers: each of them meets the same untidy catalogue values.
:mod:`seminaire_app.services.imports` refuses binary files with :func:`looks_binary` too.
"""

from __future__ import annotations

import importlib
import json
import re
from collections.abc import Callable, Sequence
from pathlib import Path, PurePath
from typing import cast

from ..domain import Reference
from ..errors import ValidationError
from . import ParseResult

FORMATS: tuple[str, ...] = ("bibtex", "ris", "csljson")

Reader = Callable[[str, Path | None], ParseResult]
Writer = Callable[[Sequence[Reference]], str]

_MODULES = {"bibtex": "bibtex", "ris": "ris", "csljson": "csljson"}
_EXTENSIONS = {
    ".bib": "bibtex", ".bibtex": "bibtex", ".biblatex": "bibtex", ".ris": "ris",
    ".json": "csljson", ".csljson": "csljson",
}
_BIBTEX_ENTRY = re.compile(r"^[ \t]*@[A-Za-z]+[ \t]*[{(]", re.MULTILINE)
_RIS_START = re.compile(r"^\ufeff?TY {1,2}-", re.MULTILINE)


def detect_format(text: str, filename: str = "") -> str:
    """« bibtex », « ris » or « csljson », from the content; ValidationError otherwise.

    A text that parses as a JSON array or object is CSL-JSON. Otherwise each format
    found (a ``@type{`` entry, a line starting ``TY  - ``, a leading ``[`` or ``{`` of
    broken JSON) is a candidate; when there are several, the extension of ``filename``
    decides if it names one of them, else the one found first in the text.
    """
    if looks_binary(text):
        raise ValidationError(
            "format", "the file holds binary data, not BibTeX, RIS or CSL-JSON text")
    body = text.lstrip("\ufeff \t\r\n")
    if not body:
        raise ValidationError("format", "the file is empty")
    found: dict[str, int] = {}
    if body[0] in "[{":
        try:
            json.loads(body)
        except json.JSONDecodeError:
            found["csljson"] = len(text) - len(body)  # broken JSON: its reader says where
        else:
            return "csljson"
    for name, pattern in (("ris", _RIS_START), ("bibtex", _BIBTEX_ENTRY)):
        match = pattern.search(text)
        if match:
            found[name] = match.start()
    if not found:
        raise ValidationError(
            "format", "not a bibliography: no BibTeX entry (@article{{…), no RIS entry "
            "(a line « TY  - … ») and no CSL-JSON array or object")
    by_extension = _EXTENSIONS.get(PurePath(filename).suffix.lower())
    if by_extension in found:
        return by_extension
    return min(found, key=found.__getitem__)


def check_format(name: str) -> str:
    """``name`` if it is one of :data:`FORMATS`; ValidationError otherwise."""
    if name not in _MODULES:
        raise ValidationError("format", "« {name} » is not a format Séminaire reads: {choices}",
                              name=name, choices=", ".join(FORMATS))
    return name


def reader(name: str) -> Reader:
    """The ``parse(text, base_dir)`` function of a format."""
    module = importlib.import_module(f"{__package__}.{_MODULES[check_format(name)]}")
    return cast(Reader, module.parse)


def writer(name: str) -> Writer:
    """The ``write(refs)`` function of a format."""
    module = importlib.import_module(f"{__package__}.{_MODULES[check_format(name)]}")
    return cast(Writer, module.write)


# --- values shared by the readers ------------------------------------------------------

_CONTROL = re.compile(r"[\x01-\x08\x0b\x0e-\x1f]")
_ISBN_SHAPE = re.compile(r"[0-9Xx\- ]{10,17}")  # what services.references accepts
_ISSN_SHAPE = re.compile(r"[0-9]{4}-?[0-9]{3}[0-9Xx]")
_NOT_ISBN = re.compile(r"[^0-9Xx]")
_TOKEN_SEPARATORS = re.compile(r"[\s,;:()\[\]]+")
_SCHEME = re.compile(r"^[a-z][a-z0-9+.\-]*:", re.IGNORECASE)
_HOST_LIKE = re.compile(r"[\w\-]+(?:\.[\w\-]+)*\.[a-z]{2,}(?:[/?#]\S*)?", re.IGNORECASE)


def looks_binary(text: str) -> bool:
    """True for a NUL, or more than 1 % of control characters (and more than 8), in the
    first 64 KiB: text files have none, and every binary format has plenty."""
    sample = text[:65536]
    if "\x00" in sample:
        return True
    return len(_CONTROL.findall(sample)) > max(8, len(sample) // 100)


def is_isbn(value: str) -> bool:
    """An ISBN-10 or ISBN-13, hyphens and spaces allowed: « 978-2-7071-9436-6 »."""
    return bool(_ISBN_SHAPE.fullmatch(value)) and len(_NOT_ISBN.sub("", value)) in (10, 13)


def is_issn(value: str) -> bool:
    """An ISSN: « 0035-2969 » (the hyphen may be missing)."""
    return bool(_ISSN_SHAPE.fullmatch(value))


def isbn_tokens(value: str) -> list[str]:
    """The ISBNs inside a catalogue's value: « 978-2-7071-9436-6 (br.) » → one."""
    if is_isbn(value.strip()):
        return [value.strip()]
    return [token for token in _TOKEN_SEPARATORS.split(value) if is_isbn(token)]


def lenient_url(value: str) -> str | None:
    """``value`` if it has a scheme; « http:// » + it if it looks like a host name
    (« www.cairn.info/revue »); None if it is not a URL at all."""
    value = value.strip()
    if _SCHEME.match(value):
        return value
    if _HOST_LIKE.fullmatch(value):
        return f"http://{value}"
    return None
