"""Partial dates (CSL's "2017", "2017-11", "2017-11-23") and edition days."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from .errors import ValidationError

# [0-9], not \d: \d also takes other scripts' digits (« ٢٠١٧ »), which are no date here.
_PARTIAL = re.compile(r"^([0-9]{4})(?:-([0-9]{1,2})(?:-([0-9]{1,2}))?)?$")
_TIME = re.compile(r"^([01]?[0-9]|2[0-3])(?:[:hH]([0-5][0-9])|[hH])$")
_DATE_PART = re.compile(r"\s*[0-9]+\s*")


def parse_partial_date(text: str, field: str = "issued") -> str:
    """Normalise a partial date to ``YYYY[-MM[-DD]]``; raise ValidationError otherwise.

    Accepts "2017", "2017-11", "2017-11-5", "2017/11/05" and "2017///" (RIS).
    """
    raw = text.strip().rstrip("/").replace("/", "-")
    if not raw:
        return ""
    match = _PARTIAL.match(raw)
    if not match:
        raise ValidationError(field, "« {text} » is not a date like 2017, 2017-11 or 2017-11-23",
                              text=text)
    year, month, day = match.groups()
    if month is None:
        return year
    if not 1 <= int(month) <= 12:
        raise ValidationError(field, "month {month} out of range in « {text} »",
                              month=month, text=text)
    if day is None:
        return f"{year}-{int(month):02d}"
    try:
        return date(int(year), int(month), int(day)).isoformat()
    except ValueError as exc:
        raise ValidationError(field, "« {text} » is not a real day", text=text) from exc


def date_parts(partial: str) -> list[int]:
    """CSL ``date-parts`` of a normalised partial date."""
    return [int(p) for p in partial.split("-")] if partial else []


def from_date_parts(parts: object, field: str = "issued") -> str:
    """Inverse of :func:`date_parts`: [2017, 11] or ["2017", "11"] → « 2017-11 ».

    ``parts`` comes from CSL-JSON as it was read: anything but a list of up to three
    whole numbers (or strings of digits) forming a date is a ValidationError on ``field``.
    """
    if not isinstance(parts, Sequence) or isinstance(parts, str):
        raise ValidationError(field, "date-parts must be [year, month, day] lists")
    numbers: list[int] = []
    for part in parts[:3]:
        if isinstance(part, bool) or not (
                isinstance(part, int) or (isinstance(part, str) and _DATE_PART.fullmatch(part))):
            raise ValidationError(field, "« {part} » in date-parts is not a number", part=part)
        numbers.append(int(part))
    return parse_partial_date("-".join(map(str, numbers)), field) if numbers else ""


def parse_day(text: str, field: str = "date") -> date:
    """An ISO day (2017-11-23); ValidationError with ``field`` otherwise."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError as exc:
        raise ValidationError(field, "« {text} » is not a day like 2017-11-23", text=text) from exc


def parse_time(text: str, field: str = "time") -> str:
    """A time of day as ``HH:MM``; accepts the French « 9h30 » and « 9h »."""
    match = _TIME.match(text.strip())
    if not match:
        raise ValidationError(field, "« {text} » is not a time like 09:30", text=text)
    return f"{int(match.group(1)):02d}:{match.group(2) or '00'}"
