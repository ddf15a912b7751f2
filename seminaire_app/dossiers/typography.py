"""Text as a dossier prints it: escaped for ReportLab, spaced the French way, dates in words.

ReportLab's ``Paragraph`` reads a small XML mini-language: user text must be escaped
(:func:`markup`) or « A & B <b>x</b> » prints bold, « <font size=40> » raises and
« AT&T » prints « AT&T; ». Every piece of user text goes through :func:`markup` before
it meets a paragraph; nothing else in the package escapes.
"""

from __future__ import annotations

import re
from datetime import date
from xml.sax.saxutils import escape

#: The one no-break space of the dossiers: before « : ; ! ? », inside « », in dates.
#: French wants the thin U+202F before « ; ! ? », but ReportLab breaks lines there as at
#: any space, which puts a lone « ? » or « » » at the start of a line; U+00A0 it honours.
NBSP = "\u00a0"
#: No-break spaces ReportLab breaks lines at; a paragraph gets :data:`NBSP` instead.
_BREAKABLE_NO_BREAK = str.maketrans({"\u202f": NBSP, "\u2007": NBSP})

# Control characters print as boxes or break ReportLab's parser; tabs and newlines are
# handled by the callers. U+E100…U+E111 are the citation engine's markers (see
# citations.markup) and never user text.
_INVISIBLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ue100-\ue111]")
_SPACE_BEFORE_SIGN = re.compile(r"(?<![\s;!?])[ \u00a0\u202f]*([;!?]+)(?=\s|$|[»)\]])")
_SPACE_BEFORE_COLON = re.compile(r"(?<=\S) +:(?=\s|$)")
_AFTER_OPENING = re.compile("«[ \u00a0\u202f]*")
_BEFORE_CLOSING = re.compile("[ \u00a0\u202f]*»")
_APOSTROPHE = re.compile(r"(?<=[^\W\d_])'(?=[^\W\d_])")
# Outside French, only spaces already typed are kept from breaking: before a sign that
# ends a phrase (« why ? », « cultures : »; not « 10 :30 ») or a closing », after «.
_TYPED_SPACE_BEFORE_SIGN = re.compile(r"(?<=\S) +(?=[:;!?]+(?:\s|$|[»)\]\"'’”])|»)")
_TYPED_SPACE_AFTER_OPENING = re.compile("(?<=«) +")


def clean(text: str) -> str:
    """``text`` without the characters that cannot print."""
    return _INVISIBLE.sub("", text)


def markup(text: str) -> str:
    """``text`` as ReportLab paragraph markup that prints exactly as typed.

    Line breaks become ``<br/>``; runs of spaces are kept (ReportLab would fold them);
    no-break spaces stay unbroken: the thin U+202F (typed between digits, or put before
    « ? » by a citation style) becomes :data:`NBSP`, the one ReportLab honours.
    """
    text = clean(text).translate(_BREAKABLE_NO_BREAK)
    escaped = escape(text.replace("\r\n", "\n").replace("\r", "\n"))
    return escaped.replace("\n", "<br/>").replace("  ", f" {NBSP}")


def french_spacing(text: str) -> str:
    """French typography on text typed the English way, or half the French way.

    A space (or none) before ; ! ? becomes a non-breaking space (:data:`NBSP`); so does
    a space before « : » (« 10:30 » and « https:// » are left alone since nothing stands
    before their colon); « » get non-breaking spaces inside; an apostrophe between
    letters becomes ’. Text already right stays as it is.
    """
    text = curled(text)
    text = _SPACE_BEFORE_SIGN.sub(lambda m: NBSP + m.group(1), text)
    text = _SPACE_BEFORE_COLON.sub(NBSP + ":", text)
    text = _AFTER_OPENING.sub("«" + NBSP, text)
    return _BEFORE_CLOSING.sub(NBSP + "»", text)


def curled(text: str) -> str:
    """Typewriter apostrophes between letters as ’, in any language (« l’ESS », « team’s »)."""
    return _APOSTROPHE.sub("\u2019", text)


def unbroken_typed_spaces(text: str) -> str:
    """The spaces already typed before « : ; ! ? » and inside « » made non-breaking
    (:data:`NBSP`), none added: French quoted in an English dossier never starts a line
    with « : ». A run of typed spaces is one space."""
    text = _TYPED_SPACE_BEFORE_SIGN.sub(NBSP, text)
    return _TYPED_SPACE_AFTER_OPENING.sub(NBSP, text)


def spaced(text: str, locale: str) -> str:
    """User text as it prints in a ``locale`` dossier, still plain text: spaced the
    French way in a French dossier, its typed spaces before signs unbroken in another
    (:func:`unbroken_typed_spaces`), apostrophes curled in any. The one place that
    decides: paragraphs (through :func:`typeset`), bookmarks, running headers and
    metadata all take user text through it."""
    if is_french(locale):
        return french_spacing(text)
    return unbroken_typed_spaces(curled(text))


def typeset(text: str, locale: str) -> str:
    """User text ready for a paragraph: French spacing for a French dossier, escaped."""
    return markup(spaced(text, locale))


def is_french(locale: str) -> bool:
    return locale.lower().startswith("fr")


_MONTHS_FR = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
              "septembre", "octobre", "novembre", "décembre")
_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December")
_DAYS_FR = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
_DAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _day_fr(day: date) -> str:
    return "1er" if day.day == 1 else str(day.day)


def format_date(day: date, locale: str, weekday: bool = False) -> str:
    """« jeudi 23 novembre 2017 », « 1er décembre 2017 »; « Thursday 23 November 2017 »."""
    if is_french(locale):
        text = f"{_day_fr(day)}{NBSP}{_MONTHS_FR[day.month - 1]} {day.year}"
        return f"{_DAYS_FR[day.weekday()]} {text}" if weekday else text
    text = f"{day.day}{NBSP}{_MONTHS_EN[day.month - 1]} {day.year}"
    return f"{_DAYS_EN[day.weekday()]} {text}" if weekday else text


def format_date_range(start: date | None, end: date | None, locale: str) -> str:
    """« les 23 et 24 novembre 2017 » (two days of a month), « du 23 au 25 novembre
    2017 », « du 30 novembre au 1er décembre 2017 », « le 23 novembre 2017 »;
    « 23–24 November 2017 ». Empty when no date is known."""
    if start is None or end is None or start == end:
        day = start or end
        if day is None:
            return ""
        return f"le {format_date(day, locale)}" if is_french(locale) else format_date(day, locale)
    if is_french(locale):
        if (end - start).days == 1 and start.month == end.month:
            return f"les {_day_fr(start)} et {format_date(end, locale)}"
        if start.year != end.year:
            first = format_date(start, locale)
        elif start.month != end.month:
            first = f"{_day_fr(start)}{NBSP}{_MONTHS_FR[start.month - 1]}"
        else:
            first = _day_fr(start)
        return f"du {first} au {format_date(end, locale)}"
    if start.year != end.year:
        return f"{format_date(start, locale)} – {format_date(end, locale)}"
    if start.month != end.month:
        return (f"{start.day}{NBSP}{_MONTHS_EN[start.month - 1]} – {end.day}{NBSP}"
                f"{_MONTHS_EN[end.month - 1]} {end.year}")
    return f"{start.day}–{end.day}{NBSP}{_MONTHS_EN[end.month - 1]} {end.year}"


def format_time(hhmm: str, locale: str) -> str:
    """« 9 h », « 10 h 30 » in French; « 9:00 », « 10:30 » in English (from « HH:MM »)."""
    hours, _, minutes = hhmm.partition(":")
    if not hours.isdigit():
        return hhmm
    if not is_french(locale):
        return f"{int(hours)}:{minutes or '00'}"
    if minutes.strip("0") == "":
        return f"{int(hours)}{NBSP}h"
    return f"{int(hours)}{NBSP}h{NBSP}{minutes}"


def format_time_range(start: str, end: str, locale: str) -> str:
    """« 10 h 45 – 12 h 30 »; « 10:45–12:30 »."""
    sep = f"{NBSP}– " if is_french(locale) else "–"
    return f"{format_time(start, locale)}{sep}{format_time(end, locale)}"
