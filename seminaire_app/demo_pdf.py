"""The synthesis PDF of the demo edition (« synthese_seminaire.pdf »), drawn with platypus.

A title page, an introduction, one section per workshop and the prospects. The text is
set in the dossiers' bundled DejaVu Sans, embedded, so that accents and « » come out
right and the text can be extracted for search, and spaced as the dossiers are.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import (
    KeepTogether,
    ListFlowable,
    ListItem,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
)

from .demo_data import EDITION, REFERENCES, WORKSHOPS
from .domain import ReferenceDraft
from .dossiers import fonts, typography

if TYPE_CHECKING:
    from pathlib import Path

_REGULAR, _BOLD, _ITALIC = fonts.SANS, f"{fonts.SANS}-Bold", f"{fonts.SANS}-Oblique"
_ACCENT = colors.HexColor("#7a1f3d")  # a deep red, close to Sciences Po Grenoble's
_GREY = colors.HexColor("#555555")

INTRODUCTION = (
    "Le séminaire prospectif de l'ESEAC s'est tenu les 23 et 24 novembre 2017 à Sciences "
    "Po Grenoble, avec le soutien de Grenoble-Alpes Métropole. Des personnes d'horizons très "
    "divers y ont travaillé ensemble : responsables d'associations et de coopératives, "
    "agents de la Métropole, représentants d'entreprises, étudiants et chercheurs.",
    "La question de départ était simple à poser et difficile à trancher : comment les "
    "structures de l'économie sociale et solidaire coopèrent-elles avec les autres acteurs "
    "de leur territoire, et à quelles conditions ces coopérations produisent-elles "
    "quelque chose de durable ? Quatre ateliers ont suivi chacun un moment de la vie "
    "d'une coopération, de la première rencontre à l'évaluation de ses effets.",
    "Cette synthèse reprend, atelier par atelier, les constats partagés et les pistes "
    "de travail proposées. Elle ne prétend pas à l'exhaustivité : les comptes rendus "
    "détaillés et les références citées sont disponibles auprès de l'équipe.",
)

SECTIONS: dict[int, tuple[tuple[str, ...], tuple[str, ...]]] = {
    1: ((
        "Les participants ont d'abord raconté comment leurs partenariats avaient commencé. "
        "Dans la plupart des cas, rien n'était écrit : un local partagé, un chantier "
        "mené ensemble, un coup de main ponctuel. Ces débuts informels jouent le rôle "
        "d'une phase d'essai, pendant laquelle chacun découvre les façons de faire de "
        "l'autre sans risque excessif.",
        "Le passage à un projet commun suppose ensuite de s'ouvrir à des organisations "
        "dont le statut, les valeurs et la culture professionnelle diffèrent, puis de "
        "se donner des règles partagées. Le groupe a insisté sur la durée : une "
        "coopération se construit par étapes, et les convictions de chacun fixent des "
        "limites qu'il vaut mieux reconnaître tôt.",
    ), (
        "recenser les coopérations informelles existantes sur le territoire ;",
        "rédiger à plusieurs une charte courte avant tout engagement financier ;",
        "prévoir un bilan d'étape après six mois de travail commun.",
    )),
    2: ((
        "Le contexte évolue rapidement : transition numérique, essor de l'économie "
        "circulaire et collaborative, arrivée de nouveaux acteurs, réformes des "
        "politiques publiques. Ces changements créent des intérêts convergents entre "
        "structures de l'ESS et entreprises lucratives, qui se retrouvent autour de "
        "projets communs.",
        "L'atelier a décrit le « choc des cultures » qui accompagne souvent ces "
        "rapprochements : vocabulaires différents, rythmes de décision qui ne "
        "s'accordent pas, attentes divergentes sur les résultats. Plutôt que de "
        "l'éviter, les participants proposent de le préparer, en explicitant dès le "
        "départ ce que chaque partenaire attend et ce qu'il refuse. Rester fidèle à sa "
        "mission sociale a été présenté comme la condition de toute alliance réussie.",
    ), (
        "organiser des temps d'immersion croisée entre salariés des deux mondes ;",
        "formaliser un lexique commun au début du partenariat ;",
        "vérifier régulièrement que le projet sert toujours la mission sociale.",
    )),
    3: ((
        "Comment faire durer une coopération une fois les premiers succès passés ? Le "
        "groupe a d'abord souligné l'importance de valeurs partagées et dites "
        "clairement, ainsi que de l'ancrage dans un territoire précis. Les moments de "
        "convivialité, souvent considérés comme secondaires, entretiennent en réalité "
        "la confiance entre partenaires.",
        "Plusieurs difficultés ont été relevées : la fatigue qui s'installe sur le long "
        "terme, le partage inégal des risques, des calendriers administratifs qui ne "
        "coïncident pas d'une institution à l'autre. Enfin, une coopération trop liée "
        "à une personne risque de disparaître avec son départ : il faut la rendre "
        "transmissible.",
    ), (
        "documenter les accords et les décisions pour faciliter les relais ;",
        "répartir explicitement les risques financiers et humains ;",
        "aligner les calendriers des financeurs dès le montage du projet.",
    )),
    4: ((
        "L'atelier s'est ouvert sur les résultats du programme PHARE conduit par Le "
        "Rameau, qui observe depuis plusieurs années les alliances entre associations, "
        "entreprises et collectivités. Ces travaux montrent la variété des pratiques "
        "partenariales, du mécénat financier au mécénat de compétences, jusqu'à des "
        "modèles hybrides portés par la responsabilité sociétale des entreprises.",
        "La discussion a porté sur la manière d'évaluer les processus de coopération et "
        "leurs effets sur le territoire. La confiance collective, essentielle, se "
        "laisse difficilement mesurer. Les indicateurs quantitatifs restent dominants ; "
        "les indicateurs qualitatifs, plus rares, sont aussi plus discutés. Le groupe "
        "plaide pour une démarche d'ensemble associant acteurs de terrain, chercheurs "
        "et décideurs publics afin de construire les indicateurs qui font défaut.",
    ), (
        "tester une grille d'évaluation commune sur trois coopérations locales ;",
        "associer les chercheurs de l'ESEAC au choix des indicateurs qualitatifs ;",
        "présenter les premiers résultats lors de l'édition suivante.",
    )),
}

PROSPECTS = (
    "D'un atelier à l'autre, une même idée revient : la coopération n'est ni spontanée "
    "ni acquise. Elle demande du temps, des règles, des lieux de rencontre et des "
    "outils pour en rendre compte. Les acteurs de l'ESS y apportent leur expérience du "
    "fonctionnement collectif ; les entreprises et les collectivités, des moyens et une "
    "capacité d'entraînement.",
    "L'équipe de l'ESEAC propose de prolonger ces échanges lors du séminaire 2018, en "
    "suivant quelques coopérations du territoire métropolitain et en confrontant les "
    "pistes d'évaluation esquissées ici à leur mise en pratique.",
)

#: The references listed under « Pour aller plus loin ».
FURTHER_READING = ("demoustier2001economie", "gadrey2005nouveaux", "lerameau2017phare",
                   "ostrom1990governing", "pecqueur2000developpement")


def _further_reading() -> list[str]:
    """A short list in the manner of ISO 690: NAME, Given. Title. Place : Publisher, year."""
    drafts: dict[str, ReferenceDraft] = {r.draft.citation_key: r.draft for r in REFERENCES}
    lines = []
    for key in FURTHER_READING:
        draft = drafts[key]
        names = " et ".join(c.literal.upper() if c.literal else f"{c.family.upper()}, {c.given}"
                            for c in draft.creators)
        edition = f" {draft.fields['edition']}e éd." if "edition" in draft.fields else ""
        place = draft.fields.get("publisher-place", "")
        lines.append(f"{names}. {draft.title}.{edition} {place} : "
                     f"{draft.fields.get('publisher', '')}, {draft.issued[:4]}.")
    return lines


def _styles() -> dict[str, ParagraphStyle]:
    fonts.register()
    body = ParagraphStyle("body", fontName=_REGULAR, fontSize=10.5, leading=15,
                          spaceAfter=7, alignment=4)  # justified
    return {
        "body": body,
        "bullet": ParagraphStyle("bullet", parent=body, spaceAfter=2, alignment=0),
        "h1": ParagraphStyle("h1", fontName=_BOLD, fontSize=15, leading=19,
                             textColor=_ACCENT, spaceBefore=10, spaceAfter=8,
                             keepWithNext=1),
        "h2": ParagraphStyle("h2", fontName=_BOLD, fontSize=10.5, leading=14,
                             spaceBefore=4, spaceAfter=3, keepWithNext=1),
        "biblio": ParagraphStyle("biblio", parent=body, fontSize=9.5, leading=13,
                                 alignment=0, leftIndent=0.6 * cm, firstLineIndent=-0.6 * cm,
                                 spaceAfter=4),
        "meta": ParagraphStyle("meta", fontName=_ITALIC, fontSize=9.5, leading=13,
                               textColor=_GREY, spaceAfter=6),
        "cover_kicker": ParagraphStyle("cover_kicker", fontName=_BOLD, fontSize=12,
                                       leading=16, alignment=TA_CENTER, textColor=_GREY),
        "cover_title": ParagraphStyle("cover_title", fontName=_BOLD, fontSize=28, leading=34,
                                      alignment=TA_CENTER, textColor=_ACCENT),
        "cover_sub": ParagraphStyle("cover_sub", fontName=_REGULAR, fontSize=17, leading=22,
                                    alignment=TA_CENTER),
        "cover_theme": ParagraphStyle("cover_theme", fontName=_ITALIC, fontSize=13, leading=19,
                                      alignment=TA_CENTER, leftIndent=1.5 * cm,
                                      rightIndent=1.5 * cm),
        "cover_small": ParagraphStyle("cover_small", fontName=_REGULAR, fontSize=10.5,
                                      leading=15, alignment=TA_CENTER, textColor=_GREY),
    }


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    """``text`` spaced as the dossiers space French: no line starts with « : » or « ? »."""
    return Paragraph(typography.typeset(text, "fr-FR"), style)


def _cover(st: dict[str, ParagraphStyle]) -> list[Any]:
    organisers = ", ".join(EDITION.organisers[:-1]) + " et l'" + EDITION.organisers[-1]
    return [
        Spacer(1, 3.5 * cm),
        _p("ESEAC — Équipe de Socio-Économie Associative et Coopérative", st["cover_kicker"]),
        Spacer(1, 1.6 * cm),
        _p(EDITION.title, st["cover_title"]),
        Spacer(1, 0.5 * cm),
        _p("Synthèse des travaux", st["cover_sub"]),
        Spacer(1, 1.4 * cm),
        _p(f"« {EDITION.theme} »", st["cover_theme"]),
        Spacer(1, 3 * cm),
        _p("23 et 24 novembre 2017", st["cover_small"]),
        _p(EDITION.venue, st["cover_small"]),
        Spacer(1, 0.8 * cm),
        _p(f"Séminaire organisé par {organisers}.", st["cover_small"]),
        PageBreak(),
    ]


def _bullets(items: tuple[str, ...], style: ParagraphStyle) -> ListFlowable:
    return ListFlowable([ListItem(_p(i, style), leftIndent=14) for i in items],
                        bulletType="bullet", start="•", leftIndent=14, bulletFontSize=9,
                        bulletFontName=style.fontName,
                        spaceAfter=6)


def _story(st: dict[str, ParagraphStyle]) -> list[Any]:
    story = _cover(st)
    story.append(_p("Introduction", st["h1"]))
    story.extend(_p(text, st["body"]) for text in INTRODUCTION)
    for workshop in WORKSHOPS:
        paragraphs, leads = SECTIONS[workshop.number]
        story.append(_p(f"Atelier n°{workshop.number} — {workshop.title}", st["h1"]))
        story.append(_p("Animation : " + " et ".join(workshop.facilitators), st["meta"]))
        story.extend(_p(text, st["body"]) for text in paragraphs)
        story.append(KeepTogether([_p("Pistes de travail", st["h2"]),
                                   _bullets(leads, st["bullet"])]))
    story.append(_p("Perspectives", st["h1"]))
    story.extend(_p(text, st["body"]) for text in PROSPECTS)
    story.append(_p("Pour aller plus loin", st["h1"]))
    story.extend(_p(line, st["biblio"]) for line in _further_reading())
    return story


def _footer(font: str) -> Any:
    def draw(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(font, 8.5)
        canvas.setFillColor(_GREY)
        canvas.setStrokeColor(_ACCENT)
        canvas.line(2.2 * cm, 1.7 * cm, A4[0] - 2.2 * cm, 1.7 * cm)
        canvas.drawString(2.2 * cm, 1.2 * cm, f"{EDITION.title} — Synthèse")
        canvas.drawRightString(A4[0] - 2.2 * cm, 1.2 * cm, str(doc.page))
        canvas.restoreState()

    return draw


def write_synthesis_pdf(path: Path) -> None:
    """Write the synthesis of the 2017 seminar (four A4 pages, in French) to ``path``."""
    styles = _styles()
    doc = SimpleDocTemplate(
        str(path), pagesize=A4, leftMargin=2.2 * cm, rightMargin=2.2 * cm,
        topMargin=2.2 * cm, bottomMargin=2.4 * cm, lang="fr-FR",
        title=f"{EDITION.title} — Synthèse des travaux", author="ESEAC, Sciences Po Grenoble",
        subject=EDITION.theme, creator="Séminaire",
        initialFontName=_REGULAR)  # else every page sets, and the PDF embeds, Helvetica
    doc.build(_story(styles), onFirstPage=lambda _c, _d: None,
              onLaterPages=_footer(styles["body"].fontName))
