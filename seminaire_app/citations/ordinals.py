"""Ordinal numbers as CSL 1.0.1 defines them: « 2ᵉ éd. », « 1ʳᵉ éd. », « 2nd ed. ».

citeproc-py looked for ``ordinal-02`` in every locale in turn and found the English
one, because French defines only ``ordinal`` and ``ordinal-01``: hence « 2nd éd. ».
CSL says that the ordinal terms come as a set, from the first locale (in the fallback
order) that defines any of them; within it, a term matches the whole number, its last
two digits or its last digit, and the gender of the numbered term (« édition » is
feminine in French) picks the gendered form.
"""

from __future__ import annotations

from typing import Any

_NS = {"cs": "http://purl.org/net/xbiblio/csl"}


def _terms(element: Any, prefix: str) -> list[Any]:
    """The terms named ``prefix…`` of the first locale that has any."""
    for locale in element.get_root().locales:
        terms = locale.find("cs:terms", _NS)
        if terms is None:
            continue
        found = [t for t in terms.iterfind("cs:term", _NS)
                 if (t.get("name") or "").startswith(prefix)]
        if found:
            return found
    return []


def _gender(element: Any, variable: str) -> str:
    """The grammatical gender of the term for ``variable`` (« edition » → feminine)."""
    if not variable:
        return ""
    for locale in element.get_root().locales:
        terms = locale.find("cs:terms", _NS)
        if terms is None:
            continue
        for term in terms.iterfind("cs:term", _NS):
            if term.get("name") == variable and term.get("form") is None:
                return str(term.get("gender") or "")
    return ""


def _pick(candidates: list[Any], gender: str) -> Any:
    """The candidate of the right gender, else the neuter one, else the masculine one."""
    by_form = {term.get("gender-form"): term for term in reversed(candidates)}
    for wanted in (gender or None, None, "masculine"):
        if wanted in by_form:
            return by_form[wanted]
    return candidates[0] if candidates else None


def _matches(term: Any, prefix: str, number: int) -> tuple[bool, int]:
    """Whether ``term`` (``ordinal-NN``) fits ``number``, and how closely (lower wins)."""
    suffix = (term.get("name") or "")[len(prefix):]
    if not suffix.startswith("-") or not suffix[1:].isdigit():
        return False, 9
    value = int(suffix[1:])
    match = term.get("match") or ("last-digit" if value < 10 else "last-two-digits")
    if match == "whole-number":
        return number == value, 0
    if match == "last-two-digits":
        return number % 100 == value, 1
    return number % 10 == value, 2


def _text(term: Any) -> str:
    single = term.find("cs:single", _NS)
    return str((single.text if single is not None else term.text) or "")


def _suffix(element: Any, number: int, gender: str) -> str:
    terms = _terms(element, "ordinal")
    fitting = [(rank, t) for t in terms for ok, rank in [_matches(t, "ordinal", number)] if ok]
    if fitting:
        best = min(rank for rank, _ in fitting)
        term = _pick([t for rank, t in fitting if rank == best], gender)
    else:
        term = _pick([t for t in terms if t.get("name") == "ordinal"], gender)
    return _text(term) if term is not None else ""


def ordinal(element: Any, number: int, variable: str, long: bool = False) -> str:
    """``number`` as an ordinal in the locales of ``element``'s style."""
    gender = _gender(element, variable)
    if long and 1 <= number <= 10:
        name = f"long-ordinal-{number:02d}"
        term = _pick([t for t in _terms(element, "long-ordinal") if t.get("name") == name],
                     gender)
        if term is not None:
            return _text(term)
    return f"{number}{_suffix(element, number, gender)}"
