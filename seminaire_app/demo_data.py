"""The data of the demo library: the 2017 edition of the ESEAC prospective seminar.

Names, titles, places and the theme are those of the real edition; the facilitators
and participants are fictional (their addresses are on example.org). :mod:`.demo`
turns these values into a library through the public services only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .domain import Creator, ParticipantRole, ReadingRole, ReferenceDraft, Visibility

SYNTHESIS_FILENAME = "synthese_seminaire.pdf"


@dataclass(frozen=True, slots=True)
class DemoEdition:
    year: int
    title: str
    theme: str
    start_date: date
    end_date: date
    venue: str
    organisers: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class DemoWorkshop:
    number: int
    title: str
    description: str
    facilitators: tuple[str, ...]
    room: str
    capacity: int | None


@dataclass(frozen=True, slots=True)
class DemoReference:
    draft: ReferenceDraft  # with its citation key, so that the lists below can name it
    themes: tuple[str, ...]  # « Thématiques », added with services.tags


@dataclass(frozen=True, slots=True)
class DemoReading:
    workshop: int
    key: str
    role: ReadingRole
    annotation: str


@dataclass(frozen=True, slots=True)
class DemoNote:
    workshop: int | None  # None: a note on the edition
    title: str
    body: str  # Markdown
    visibility: Visibility


@dataclass(frozen=True, slots=True)
class DemoParticipant:
    family: str
    given: str
    organisation: str
    email: str
    workshop: int
    role: ParticipantRole = ParticipantRole.PARTICIPANT


@dataclass(frozen=True, slots=True)
class DemoItem:
    day: int  # 0: the first day of the edition, 1: the second
    start: str
    end: str
    title: str = ""  # a workshop item takes the workshop's title
    room: str = ""
    workshop: int | None = None


EDITION = DemoEdition(
    year=2017,
    title="Séminaire prospectif 2017",
    theme=("les formes d'échanges et de coopérations entre les acteurs de l'ESS "
           "et les autres acteurs du territoire"),
    start_date=date(2017, 11, 23),
    end_date=date(2017, 11, 24),
    venue="Sciences Po Grenoble, 1030 Avenue Centrale, 38400 Saint-Martin-d'Hères",
    organisers=("Sciences Po Grenoble", "Grenoble-Alpes Métropole", "ESEAC"),
)

PLENARY_ROOM = "Amphithéâtre A"

WORKSHOPS: tuple[DemoWorkshop, ...] = (
    DemoWorkshop(
        1, "Des coopérations informelles à l'émergence de nouveaux projets",
        "Beaucoup de partenariats commencent sans convention ni budget : un coup de main, "
        "un local prêté, une réunion improvisée. L'atelier part de ces essais pour "
        "comprendre à quelles conditions ils deviennent des projets communs, ce que "
        "change la rencontre de structures aux statuts et aux métiers différents, et "
        "où les valeurs de chacun fixent des limites.",
        ("Anne Rochas", "Mathieu Vidal"), "Salle 101", 15),
    DemoWorkshop(
        2, "Convergence d'intérêts et construction des coopérations : le choc des cultures",
        "Numérique, économie circulaire, plateformes collaboratives, nouvelles politiques "
        "publiques : le paysage bouge et rapproche des acteurs qui se connaissaient peu. "
        "L'atelier examine les alliances entre structures de l'ESS et entreprises "
        "lucratives, les malentendus de langage et de rythme qu'elles font naître, et la "
        "manière de garder le cap de sa mission sociale.",
        ("Sophie Garnier", "Jérôme de Lassalle"), "Salle 102", 15),
    DemoWorkshop(
        3, "Structurer les coopérations : l'enjeu de la pérennisation",
        "Faire durer une coopération demande plus qu'un accord de départ : des valeurs "
        "dites clairement, un ancrage local, des moments conviviaux, des risques "
        "partagés. L'atelier s'intéresse à l'usure des partenaires, aux calendriers "
        "administratifs qui ne coïncident pas et à ce qui reste quand la personne qui "
        "portait le projet s'en va.",
        ("Hélène d'Arcy", "Yannick Le Goff"), "Salle 201", 12),
    DemoWorkshop(
        4, "Valoriser, évaluer et mesurer les impacts",
        "Comment rendre visible ce que produit une coopération ? À partir des résultats "
        "du programme PHARE porté par Le Rameau, l'atelier compare les façons d'évaluer "
        "les alliances et leurs effets sur un territoire, discute la place des "
        "indicateurs chiffrés face aux indicateurs qualitatifs, et cherche comment "
        "construire avec les chercheurs et les collectivités les mesures qui manquent.",
        ("Isabelle Marchand", "Julien Perrin"), "Salle 202", 12),
)


def _person(family: str, given: str, particle: str = "", dropping: str = "") -> Creator:
    return Creator(family=family, given=given, non_dropping_particle=particle,
                   dropping_particle=dropping)


def _institution(name: str) -> Creator:
    return Creator(literal=name)


REFERENCES: tuple[DemoReference, ...] = (
    DemoReference(ReferenceDraft(
        "book", "L'économie sociale et solidaire : s'associer pour entreprendre autrement",
        (_person("Demoustier", "Danièle"),), "2001",
        {"publisher": "Syros", "publisher-place": "Paris",
         "collection-title": "Alternatives économiques", "language": "fr"},
        citation_key="demoustier2001economie"), ("ESS", "Coopération")),
    DemoReference(ReferenceDraft(
        "book", "De la démocratie en Amérique",
        (_person("Tocqueville", "Alexis", dropping="de"),), "1835",
        {"publisher": "Charles Gosselin", "publisher-place": "Paris", "language": "fr"},
        citation_key="tocqueville1835democratie"), ("Associations",)),
    DemoReference(ReferenceDraft(
        "book", "L'économie solidaire : une perspective internationale",
        (Creator(role="editor", family="Laville", given="Jean-Louis"),), "2007",
        {"publisher": "Hachette Littératures", "publisher-place": "Paris",
         "collection-title": "Pluriel", "language": "fr"},
        citation_key="laville2007economie"), ("ESS",)),
    DemoReference(ReferenceDraft(
        "book", "L'économie sociale et solidaire : de l'utopie aux pratiques",
        (_person("Hély", "Matthieu"), _person("Moulévrier", "Pascale")), "2013",
        {"publisher": "La Dispute", "publisher-place": "Paris",
         "collection-title": "Travail et salariat", "language": "fr"},
        citation_key="hely2013economie"), ("ESS", "Coopération")),
    DemoReference(ReferenceDraft(
        "book", "L'innovation sociale : principes et fondements d'un concept",
        (_person("Besançon", "Emmanuelle"), _person("Chochoy", "Nicolas"),
         _person("Guyon", "Thibault")), "2013",
        {"publisher": "L'Harmattan", "publisher-place": "Paris",
         "collection-title": "L'esprit économique", "ISBN": "978-2-343-02069-3",
         "language": "fr"},
        citation_key="besancon2013innovation"), ("Innovation sociale",)),
    DemoReference(ReferenceDraft(
        "book", "Governing the Commons: The Evolution of Institutions for Collective Action",
        (_person("Ostrom", "Elinor"),), "1990",
        {"publisher": "Cambridge University Press", "publisher-place": "Cambridge",
         "DOI": "10.1017/CBO9780511807763", "language": "en"},
        citation_key="ostrom1990governing"), ("Coopération", "Communs")),
    DemoReference(ReferenceDraft(
        "article-journal",
        "L'innovation sociale, une notion aux usages pluriels : quels enjeux et défis pour "
        "l'analyse ?",
        (_person("Richez-Battesti", "Nadine"), _person("Petrella", "Francesca"),
         _person("Vallade", "Delphine")), "2012",
        {"container-title": "Innovations", "issue": "38", "page": "15-36", "language": "fr"},
        citation_key="richezbattesti2012innovation"), ("Innovation sociale", "Territoire")),
    DemoReference(ReferenceDraft(
        "book", "Le développement local : pour une économie des territoires",
        (_person("Pecqueur", "Bernard"),), "2000",
        {"publisher": "Syros", "publisher-place": "Paris", "edition": "2",
         "language": "fr"},
        citation_key="pecqueur2000developpement"), ("Territoire",)),
    DemoReference(ReferenceDraft(
        "book", "Les nouveaux indicateurs de richesse",
        (_person("Gadrey", "Jean"), _person("Jany-Catrice", "Florence")), "2005",
        {"publisher": "La Découverte", "publisher-place": "Paris",
         "collection-title": "Repères", "language": "fr"},
        citation_key="gadrey2005nouveaux"), ("Évaluation",)),
    DemoReference(ReferenceDraft(
        "report",
        "Programme PHARE : ce que les alliances entre associations, entreprises et "
        "collectivités changent pour les territoires",
        (_institution("Le Rameau"),), "2017",
        {"publisher": "Le Rameau", "publisher-place": "Paris", "genre": "Rapport d'étude",
         "abstract": "Bilan d'un programme d'observation des partenariats : typologie des "
                     "alliances, effets constatés sur les structures et les territoires, "
                     "place du mécénat de compétences parmi les formes d'engagement.",
         "language": "fr"},
        citation_key="lerameau2017phare"),
        ("Coopération", "Évaluation", "Mécénat de compétences", "Partenariats")),
    DemoReference(ReferenceDraft(
        "report", "Le mécénat d'entreprise en France : résultats de l'enquête 2016",
        (_institution("Admical"),), "2016",
        {"publisher": "Admical", "publisher-place": "Paris", "language": "fr"},
        citation_key="admical2016mecenat"), ("Mécénat de compétences", "RSE")),
    DemoReference(ReferenceDraft(
        "legislation",
        "Loi n° 2014-856 du 31 juillet 2014 relative à l'économie sociale et solidaire",
        (), "2014-07-31",
        {"container-title": "Journal officiel de la République française",
         "authority": "France",
         "URL": "https://www.legifrance.gouv.fr/loda/id/JORFTEXT000029313296",
         "accessed": "2017-10-02", "language": "fr"},
        citation_key="loi2014ess"), ("ESS", "Politiques publiques")),
    DemoReference(ReferenceDraft(
        "webpage", "Les pôles territoriaux de coopération économique (PTCE)",
        (_institution("Avise"),), "",
        {"container-title": "Avise, portail du développement de l'ESS",
         "URL": "https://www.avise.org/", "accessed": "2017-10-16", "language": "fr"},
        citation_key="avise2017ptce"), ("Coopération", "Territoire")),
    DemoReference(ReferenceDraft(
        "report",
        "Atelier n°3 : compte rendu des échanges sur la pérennisation des coopérations",
        (_person("Arcy", "Hélène", particle="d'"), _person("Le Goff", "Yannick")),
        "2017-11-24",
        {"publisher": "ESEAC, Sciences Po Grenoble", "publisher-place":
         "Saint-Martin-d'Hères", "genre": "Compte rendu", "language": "fr"},
        citation_key="darcy2017atelier"), ("Coopération", "Territoire")),
    DemoReference(ReferenceDraft(
        "report",
        "Synthèse du séminaire prospectif 2017 : les formes d'échanges et de coopérations "
        "entre les acteurs de l'ESS et les autres acteurs du territoire",
        (_institution("ESEAC — Équipe de Socio-Économie Associative et Coopérative"),),
        "2017-12",
        {"publisher": "Sciences Po Grenoble", "publisher-place": "Saint-Martin-d'Hères",
         "genre": "Synthèse", "language": "fr"},
        citation_key="eseac2017synthese"), ("ESS", "Coopération", "Territoire")),
)

COLLECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Fondamentaux/Économie sociale et solidaire",
     ("demoustier2001economie", "laville2007economie", "hely2013economie", "loi2014ess",
      "tocqueville1835democratie")),
    ("Fondamentaux/Territoires et communs",
     ("pecqueur2000developpement", "ostrom1990governing", "avise2017ptce")),
    ("Séminaire prospectif/2017",
     ("lerameau2017phare", "admical2016mecenat", "richezbattesti2012innovation",
      "besancon2013innovation", "gadrey2005nouveaux")),
    ("Séminaire prospectif/2017/Productions", ("darcy2017atelier", "eseac2017synthese")),
)

_REQ, _BG, _PROD = ReadingRole.REQUIRED, ReadingRole.BACKGROUND, ReadingRole.PRODUCED

READINGS: tuple[DemoReading, ...] = (
    DemoReading(1, "ostrom1990governing", _REQ,
                "Des règles communes peuvent naître sans contrat ni tutelle : chapitres 1 et 3."),
    DemoReading(1, "besancon2013innovation", _REQ,
                "Pour situer les projets nés d'initiatives informelles."),
    DemoReading(1, "tocqueville1835democratie", _BG,
                "Classique sur l'art de s'associer ; lecture libre."),
    DemoReading(1, "demoustier2001economie", _BG,
                "Repères sur les statuts et les valeurs des structures de l'ESS."),
    DemoReading(2, "hely2013economie", _REQ,
                "Un regard critique sur l'écart entre principes affichés et pratiques."),
    DemoReading(2, "richezbattesti2012innovation", _REQ,
                "Les différents sens donnés à l'innovation sociale selon les acteurs."),
    DemoReading(2, "loi2014ess", _BG,
                "Le cadre légal qui définit le périmètre de l'ESS depuis 2014."),
    DemoReading(2, "laville2007economie", _BG, "Mise en perspective internationale."),
    DemoReading(3, "pecqueur2000developpement", _REQ,
                "Sur l'ancrage territorial et les ressources spécifiques d'un lieu."),
    DemoReading(3, "avise2017ptce", _REQ,
                "Exemples de pôles de coopération qui ont duré au-delà du démarrage."),
    DemoReading(3, "ostrom1990governing", _BG,
                "Les principes de conception d'institutions durables."),
    DemoReading(3, "darcy2017atelier", _PROD, "Compte rendu rédigé par l'équipe d'animation."),
    DemoReading(4, "lerameau2017phare", _REQ,
                "Les résultats du programme PHARE présentés en ouverture de l'atelier."),
    DemoReading(4, "gadrey2005nouveaux", _REQ,
                "Pour discuter des limites des indicateurs purement monétaires."),
    DemoReading(4, "admical2016mecenat", _BG,
                "Chiffres sur le mécénat des entreprises, dont le mécénat de compétences."),
    DemoReading(4, "eseac2017synthese", _PROD, "La synthèse des quatre ateliers."),
)

PARTICIPANTS: tuple[DemoParticipant, ...] = (
    DemoParticipant("Martin", "Hélène", "Association Les Jardins du Drac",
                    "helene.martin@example.org", 1),
    DemoParticipant("Bouvier", "Lucas", "SCIC Habitat partagé Isère",
                    "lucas.bouvier@example.org", 1),
    DemoParticipant("Lemaire", "François", "Caisse solidaire du Dauphiné",
                    "francois.lemaire@example.org", 1),
    DemoParticipant("Nguyen", "Camille", "Grenoble-Alpes Métropole, mission ESS",
                    "camille.nguyen@example.org", 2),
    DemoParticipant("Faure", "Olivier", "Alpes Ingénierie, service RSE",
                    "olivier.faure@example.org", 2),
    DemoParticipant("Morel", "Inès", "Grenoble-Alpes Métropole, direction de l'emploi",
                    "ines.morel@example.org", 2),
    DemoParticipant("Roux", "Amélie", "Régie de quartier des Deux Rives",
                    "amelie.roux@example.org", 3),
    DemoParticipant("Chevalier", "Mathilde", "Société coopérative Mosaïque (Scop)",
                    "mathilde.chevalier@example.org", 3),
    DemoParticipant("Dubois", "Théo", "Sciences Po Grenoble, master ESS",
                    "theo.dubois@example.org", 3),
    DemoParticipant("Benali", "Samir", "Association Tremplin Emploi Isère",
                    "samir.benali@example.org", 4),
    DemoParticipant("Girard", "Élise", "Fondation d'entreprise Horizons alpins",
                    "elise.girard@example.org", 4),
    DemoParticipant("Aubert", "Noémie", "Coopérative Impact & Territoires",
                    "noemie.aubert@example.org", 4),
)

_FAC = ParticipantRole.FACILITATOR
FACILITATORS: tuple[DemoParticipant, ...] = (
    DemoParticipant("Rochas", "Anne", "ESEAC", "anne.rochas@example.org", 1, _FAC),
    DemoParticipant("Vidal", "Mathieu", "Union régionale des Scop",
                    "mathieu.vidal@example.org", 1, _FAC),
    DemoParticipant("Garnier", "Sophie", "ESEAC", "sophie.garnier@example.org", 2, _FAC),
    DemoParticipant("de Lassalle", "Jérôme", "Club d'entreprises du Grésivaudan",
                    "jerome.delassalle@example.org", 2, _FAC),
    DemoParticipant("d'Arcy", "Hélène", "ESEAC", "helene.darcy@example.org", 3, _FAC),
    DemoParticipant("Le Goff", "Yannick", "Grenoble-Alpes Métropole",
                    "yannick.legoff@example.org", 3, _FAC),
    DemoParticipant("Marchand", "Isabelle", "ESEAC", "isabelle.marchand@example.org", 4, _FAC),
    DemoParticipant("Perrin", "Julien", "Réseau d'accompagnement des associations",
                    "julien.perrin@example.org", 4, _FAC),
)

PROGRAMME: tuple[DemoItem, ...] = (
    DemoItem(0, "09:00", "09:30", "Accueil des participants", "Hall d'entrée"),
    DemoItem(0, "09:30", "10:30", "Séance plénière d'ouverture", PLENARY_ROOM),
    *(DemoItem(0, "10:45", "12:30", room=w.room, workshop=w.number) for w in WORKSHOPS),
    DemoItem(0, "12:30", "14:00", "Déjeuner", "Cafétéria"),
    *(DemoItem(0, "14:00", "16:30", room=w.room, workshop=w.number) for w in WORKSHOPS),
    DemoItem(1, "09:00", "10:30", "Table ronde : coopérer sur le territoire", PLENARY_ROOM),
    *(DemoItem(1, "10:45", "12:15", room=w.room, workshop=w.number) for w in WORKSHOPS),
    DemoItem(1, "12:15", "13:45", "Déjeuner", "Cafétéria"),
    DemoItem(1, "13:45", "15:30", "Restitution des ateliers", PLENARY_ROOM),
    DemoItem(1, "15:30", "16:00", "Clôture du séminaire", PLENARY_ROOM),
)

_PUBLIC, _INTERNAL = Visibility.PARTICIPANTS, Visibility.INTERNAL

NOTES: tuple[DemoNote, ...] = (
    DemoNote(None, "Présentation de l'édition 2017", """\
Le séminaire prospectif réunit chaque année chercheurs, élus, agents des collectivités
et responsables de structures de l'**économie sociale et solidaire**.

En 2017, la question posée est celle des **coopérations** : comment les acteurs de l'ESS
travaillent-ils avec les entreprises, les collectivités et les autres organisations du
territoire, et qu'est-ce qui fait qu'une coopération tient ?

- deux journées à Sciences Po Grenoble ;
- quatre ateliers en parallèle, chacun suivi sur les deux jours ;
- une restitution commune et une synthèse écrite envoyée après le séminaire.
""", _PUBLIC),
    DemoNote(None, "Organisation : points à suivre", """\
- Confirmer les salles 101, 102, 201 et 202 auprès de la scolarité.
- Nombre de repas : compter les inscrits **et** les animateurs.
- La Métropole prend en charge l'impression des dossiers.
- Une entreprise partenaire propose deux salariés pour l'accueil, au titre du
  *mécénat de compétences* : vérifier la convention avant le 10 novembre.
""", _INTERNAL),
    DemoNote(1, "Ce qu'il faut retenir", """\
Les coopérations démarrent souvent **sans cadre formel** : c'est une période d'essai
utile, qui permet de se connaître avant de s'engager.

1. S'ouvrir à des structures qui n'ont ni le même statut ni la même culture de travail.
2. Se donner quelques règles simples, écrites ensemble.
3. Accepter que la construction prenne du temps.

Les valeurs et convictions de chacun restent une limite : mieux vaut les nommer tôt.
""", _PUBLIC),
    DemoNote(1, "Remarques d'animation", """\
Le tour de table a pris trop de temps le premier jour ; prévoir un exercice en binômes.
Deux participants souhaitent une carte des coopérations informelles du territoire.
""", _INTERNAL),
    DemoNote(2, "Ce qu'il faut retenir", """\
Le contexte change vite (**numérique**, économie circulaire et collaborative, nouveaux
entrants) et rapproche des mondes qui s'ignoraient.

- L'intérêt commun ne suffit pas : il faut traduire les vocabulaires et les rythmes.
- Le « choc des cultures » est normal ; il se travaille plutôt qu'il ne s'évite.
- Chaque partenaire doit pouvoir expliquer en quoi l'alliance sert sa mission sociale.
""", _PUBLIC),
    DemoNote(3, "Ce qu'il faut retenir", """\
Pour durer, une coopération a besoin de **valeurs explicites**, d'un ancrage local et
de temps de convivialité qui entretiennent la confiance.

- Partager les risques, pas seulement les réussites.
- Anticiper l'essoufflement : alterner les rôles, fêter les étapes.
- Les échéances administratives des uns et des autres ne coïncident pas : les afficher.
- Une coopération doit survivre au départ de la personne qui la porte.
""", _PUBLIC),
    DemoNote(3, "Suites à donner", """\
Le compte rendu de l'atelier est versé dans la bibliothèque (collection *Productions*).
Proposer à la Métropole un temps d'échange sur les calendriers de subvention.
""", _INTERNAL),
    DemoNote(4, "Ce qu'il faut retenir", """\
Les résultats du **programme PHARE** (Le Rameau) montrent la diversité des alliances et
de leurs effets sur les territoires.

- La confiance collective compte beaucoup et se mesure mal.
- Côté entreprises, la RSE ouvre des modèles de partenariat hybrides.
- Les indicateurs quantitatifs dominent ; les qualitatifs sont rares et discutés.
- Construire les indicateurs manquants suppose de croiser terrain, recherche et
  politiques publiques.
""", _PUBLIC),
    DemoNote(4, "Remarques d'animation", """\
Débat vif sur le **mécénat de compétences** : reconnu comme une porte d'entrée vers
l'entreprise, mais plusieurs associations craignent d'y perdre la maîtrise de leur
projet. À reprendre l'an prochain avec un retour d'expérience chiffré.
""", _INTERNAL),
)
