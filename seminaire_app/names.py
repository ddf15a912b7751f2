"""Reading creators' names typed as BibTeX does: « Family, Given » or « {Institution} »."""

from __future__ import annotations

from .domain import Creator
from .errors import ValidationError


def _is_particle(word: str) -> bool:
    return bool(word) and word[0].islower()


def parse_creator(text: str, role: str = "author") -> Creator:
    """Parse one name.

    - ``{Le Rameau}``: an institution, kept as typed;
    - ``Family, Given`` or ``Family, Suffix, Given`` (``Bouchard, Jr, Marie``);
    - lower-case words before the family name are its particle (``de Gaulle, Charles``,
      ``d'Ormesson, Jean``); after the given name they are a dropping particle
      (``Tocqueville, Alexis de``);
    - ``Given Family`` without a comma, the last word being the family name.
    """
    raw = " ".join(text.split())
    if not raw:
        raise ValidationError(role, "a name cannot be empty")
    if raw.startswith("{") and raw.endswith("}"):
        name = raw[1:-1].strip()
        if not name:
            raise ValidationError(role, "an institution needs a name")
        return Creator(role=role, literal=name)
    parts = [p.strip() for p in raw.split(",")]
    if len(parts) == 1:
        # BibTeX's « First von Last »: the particle is the run of lower-case words, and
        # the family name is everything after it (« Marie de La Fayette »).
        words = raw.split(" ")
        lower = [i for i, w in enumerate(words[:-1]) if i > 0 and _is_particle(w)]
        family_start = lower[0] if lower else len(words) - 1
        family_words, given = words[family_start:], " ".join(words[:family_start])
        suffix = ""
    elif len(parts) == 2:
        family_words, given, suffix = parts[0].split(" "), parts[1], ""
    elif len(parts) == 3:
        family_words, suffix, given = parts[0].split(" "), parts[1], parts[2]
    else:
        raise ValidationError(role, "« {name} » has too many commas for « Family, Given »",
                              name=text)
    particle, family = _split_particle(family_words)
    given_words = given.split(" ") if given else []
    dropping: list[str] = []
    while len(given_words) > 1 and _is_particle(given_words[-1]):
        dropping.insert(0, given_words.pop())
    if not family:
        raise ValidationError(role, "« {name} » has no family name", name=text)
    return Creator(role=role, family=family, given=" ".join(given_words),
                   non_dropping_particle=particle, dropping_particle=" ".join(dropping),
                   suffix=suffix)


def _split_particle(words: list[str]) -> tuple[str, str]:
    """« van der Berg » → (« van der », « Berg »); « d'Ormesson » → (« d' », « Ormesson »)."""
    particle: list[str] = []
    while len(words) > 1 and _is_particle(words[0]):
        particle.append(words.pop(0))
    family = " ".join(words)
    if not particle:
        for apostrophe in ("'", "’"):
            head, sep, tail = family.partition(apostrophe)
            if sep and len(head) <= 2 and head.islower() and tail[:1].isupper():
                return head + sep, tail
    return " ".join(particle), family


def format_creator(creator: Creator) -> str:
    """The inverse of :func:`parse_creator` (round-trips every field)."""
    if creator.literal:
        return "{" + creator.literal + "}"
    family = creator.family
    if creator.non_dropping_particle:
        sep = "" if creator.non_dropping_particle.endswith(("'", "’")) else " "
        family = f"{creator.non_dropping_particle}{sep}{family}"
    given = " ".join(p for p in (creator.given, creator.dropping_particle) if p)
    if creator.suffix:
        return f"{family}, {creator.suffix}, {given}"
    return f"{family}, {given}" if given else family
