"""The words a dossier prints around the team's data, in French or in English.

The core has no Qt translator: a dossier's language is the request's locale, not the
interface's, so that a French team can print an English pack for a guest. French is the
default and any locale that is not English falls back to it.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..domain import ParticipantRole, ReadingRole
from .typography import NBSP

# Item types grouped as a reader looks for them; the rest go under « others ».
TYPE_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("books", ("book", "classic", "collection")),
    ("chapters", ("chapter", "entry", "entry-dictionary", "entry-encyclopedia",
                  "paper-conference")),
    ("articles", ("article", "article-journal", "article-magazine", "article-newspaper",
                  "review", "review-book", "periodical")),
    ("reports", ("report", "thesis", "manuscript", "pamphlet", "standard", "document")),
    ("web", ("webpage", "post", "post-weblog", "dataset", "software")),
)


@dataclass(frozen=True, slots=True)
class Labels:
    """Every word a dossier prints; ``{…}`` fields are filled with ``str.format``."""

    seminar: str
    pack: str
    workshop_dossier: str
    bibliography_title: str
    theme: str  # {tag}: the subtitle of a tag's bibliography
    collection: str  # {path}: of a collection's
    prepared_for: str
    your_workshops: str
    organised_by: str
    contents: str
    introduction: str
    programme: str
    workshop: str  # {number}
    workshop_title: str  # {label} {title}
    facilitators: str
    room: str
    sessions: str
    notes: str
    reading_list: str
    bibliography: str
    participants: str
    attachments: str
    page: str  # {page} {total}
    time_column: str
    session_column: str
    room_column: str
    name_column: str
    organisation_column: str
    workshops_column: str
    email_column: str
    document_column: str
    belongs_to_column: str
    status_column: str
    appended_at: str  # {page}
    not_appended: str
    missing: str
    encrypted: str
    corrupt: str
    not_pdf: str
    edition_owner: str
    no_references: str
    others: str
    roles: dict[ReadingRole, str]
    participant_roles: dict[ParticipantRole, str]
    type_groups: dict[str, str]


FRENCH = Labels(
    seminar="Séminaire prospectif de l’ESEAC",
    pack="Dossier du participant",
    workshop_dossier="Dossier d’atelier",
    bibliography_title="Bibliographie",
    theme=f"Thématique{NBSP}: {{tag}}",
    collection=f"Collection{NBSP}: {{path}}",
    prepared_for="Dossier préparé pour",
    your_workshops="Vos ateliers",
    organised_by="Organisation",
    contents="Sommaire",
    introduction="Présentation",
    programme="Programme",
    workshop=f"Atelier n°{NBSP}{{number}}",
    workshop_title="{label} — {title}",
    facilitators="Animation",
    room="Lieu",
    sessions="Séances",
    notes="Notes",
    reading_list="Lectures",
    bibliography="Bibliographie",
    participants="Participants",
    attachments="Documents joints",
    page=f"page {{page}}{NBSP}/{NBSP}{{total}}",
    time_column="Horaire",
    session_column="Séance",
    room_column="Salle",
    name_column="Nom",
    organisation_column="Organisation",
    workshops_column="Ateliers",
    email_column="Courriel",
    document_column="Document",
    belongs_to_column="Rattaché à",
    status_column="Où le trouver",
    appended_at=f"joint en fin de dossier, page{NBSP}{{page}}",
    not_appended="non joint à ce dossier",
    missing="fichier introuvable : à joindre à la main",
    encrypted="PDF protégé par un mot de passe : à imprimer à part",
    corrupt="PDF illisible : à vérifier et imprimer à part",
    not_pdf="document non PDF : à consulter à part",
    edition_owner="Toute l’édition",
    no_references="Aucune référence.",
    others="Autres références",
    roles={ReadingRole.REQUIRED: "Lectures obligatoires",
           ReadingRole.BACKGROUND: "Lectures complémentaires",
           ReadingRole.PRODUCED: "Productions de l’atelier"},
    participant_roles={ParticipantRole.PARTICIPANT: "",
                       ParticipantRole.FACILITATOR: "animation",
                       ParticipantRole.SPEAKER: "intervention",
                       ParticipantRole.ORGANISER: "organisation"},
    type_groups={"books": "Ouvrages", "chapters": "Chapitres et communications",
                 "articles": "Articles", "reports": "Rapports, thèses et documents",
                 "web": "Ressources en ligne", "others": "Autres documents"},
)

ENGLISH = Labels(
    seminar="ESEAC prospective seminar",
    pack="Participant pack",
    workshop_dossier="Workshop dossier",
    bibliography_title="Bibliography",
    theme="Theme: {tag}",
    collection="Collection: {path}",
    prepared_for="Prepared for",
    your_workshops="Your workshops",
    organised_by="Organised by",
    contents="Contents",
    introduction="Introduction",
    programme="Programme",
    workshop=f"Workshop{NBSP}{{number}}",
    workshop_title="{label} — {title}",
    facilitators="Facilitators",
    room="Room",
    sessions="Sessions",
    notes="Notes",
    reading_list="Reading list",
    bibliography="Bibliography",
    participants="Participants",
    attachments="Attached documents",
    page=f"page {{page}}{NBSP}/{NBSP}{{total}}",
    time_column="Time",
    session_column="Session",
    room_column="Room",
    name_column="Name",
    organisation_column="Organisation",
    workshops_column="Workshops",
    email_column="E-mail",
    document_column="Document",
    belongs_to_column="Belongs to",
    status_column="Where to find it",
    appended_at=f"appended, page{NBSP}{{page}}",
    not_appended="not appended to this dossier",
    missing="file not found: add it by hand",
    encrypted="password-protected PDF: print it separately",
    corrupt="unreadable PDF: check it and print it separately",
    not_pdf="not a PDF: see it separately",
    edition_owner="The whole edition",
    no_references="No references.",
    others="Other references",
    roles={ReadingRole.REQUIRED: "Required reading",
           ReadingRole.BACKGROUND: "Further reading",
           ReadingRole.PRODUCED: "Produced by the workshop"},
    participant_roles={ParticipantRole.PARTICIPANT: "",
                       ParticipantRole.FACILITATOR: "facilitator",
                       ParticipantRole.SPEAKER: "speaker",
                       ParticipantRole.ORGANISER: "organiser"},
    type_groups={"books": "Books", "chapters": "Chapters and papers",
                 "articles": "Articles", "reports": "Reports, theses and documents",
                 "web": "Online resources", "others": "Other documents"},
)


def labels_for(locale: str) -> Labels:
    """English words for an English locale, French ones otherwise."""
    return ENGLISH if locale.lower().startswith("en") else FRENCH


def type_group(item_type: str) -> str:
    """The key of :data:`TYPE_GROUPS` (or « others ») that ``item_type`` falls in."""
    for key, types in TYPE_GROUPS:
        if item_type in types:
            return key
    return "others"
