"""Readable, translated names for the core's vocabulary: item types, fields, roles.

The core speaks CSL (``publisher-place``, ``article-journal``); people read « Lieu
d'édition », « Article de revue ». Names are marked with QT_TRANSLATE_NOOP so that
lupdate collects them, and translated when shown.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

ITEM_TYPES = {
    "book": QT_TRANSLATE_NOOP("ItemType", "Book"),
    "chapter": QT_TRANSLATE_NOOP("ItemType", "Book chapter"),
    "article-journal": QT_TRANSLATE_NOOP("ItemType", "Journal article"),
    "article-newspaper": QT_TRANSLATE_NOOP("ItemType", "Newspaper article"),
    "article-magazine": QT_TRANSLATE_NOOP("ItemType", "Magazine article"),
    "report": QT_TRANSLATE_NOOP("ItemType", "Report"),
    "webpage": QT_TRANSLATE_NOOP("ItemType", "Web page"),
    "thesis": QT_TRANSLATE_NOOP("ItemType", "Thesis"),
    "paper-conference": QT_TRANSLATE_NOOP("ItemType", "Conference paper"),
    "speech": QT_TRANSLATE_NOOP("ItemType", "Talk"),
    "document": QT_TRANSLATE_NOOP("ItemType", "Document"),
    "manuscript": QT_TRANSLATE_NOOP("ItemType", "Manuscript"),
    "dataset": QT_TRANSLATE_NOOP("ItemType", "Dataset"),
    "legislation": QT_TRANSLATE_NOOP("ItemType", "Law"),
    "interview": QT_TRANSLATE_NOOP("ItemType", "Interview"),
    "collection": QT_TRANSLATE_NOOP("ItemType", "Collection"),
    "pamphlet": QT_TRANSLATE_NOOP("ItemType", "Pamphlet"),
    "motion_picture": QT_TRANSLATE_NOOP("ItemType", "Film"),
    "post-weblog": QT_TRANSLATE_NOOP("ItemType", "Blog post"),
}

FIELDS = {
    "title": QT_TRANSLATE_NOOP("Field", "Title"),
    "issued": QT_TRANSLATE_NOOP("Field", "Date"),
    "type": QT_TRANSLATE_NOOP("Field", "Type"),
    "creators": QT_TRANSLATE_NOOP("Field", "Creators"),
    "citation-key": QT_TRANSLATE_NOOP("Field", "Citation key"),
    "container-title": QT_TRANSLATE_NOOP("Field", "Published in"),
    "collection-title": QT_TRANSLATE_NOOP("Field", "Series"),
    "publisher": QT_TRANSLATE_NOOP("Field", "Publisher"),
    "publisher-place": QT_TRANSLATE_NOOP("Field", "Place"),
    "edition": QT_TRANSLATE_NOOP("Field", "Edition"),
    "volume": QT_TRANSLATE_NOOP("Field", "Volume"),
    "issue": QT_TRANSLATE_NOOP("Field", "Issue"),
    "page": QT_TRANSLATE_NOOP("Field", "Pages"),
    "number-of-pages": QT_TRANSLATE_NOOP("Field", "Number of pages"),
    "number": QT_TRANSLATE_NOOP("Field", "Number"),
    "genre": QT_TRANSLATE_NOOP("Field", "Kind"),
    "DOI": QT_TRANSLATE_NOOP("Field", "DOI"),
    "ISBN": QT_TRANSLATE_NOOP("Field", "ISBN"),
    "ISSN": QT_TRANSLATE_NOOP("Field", "ISSN"),
    "URL": QT_TRANSLATE_NOOP("Field", "URL"),
    "accessed": QT_TRANSLATE_NOOP("Field", "Accessed"),
    "language": QT_TRANSLATE_NOOP("Field", "Language"),
    "abstract": QT_TRANSLATE_NOOP("Field", "Abstract"),
    "note": QT_TRANSLATE_NOOP("Field", "Note"),
    "event-title": QT_TRANSLATE_NOOP("Field", "Event"),
    "event-place": QT_TRANSLATE_NOOP("Field", "Event place"),
    "event-date": QT_TRANSLATE_NOOP("Field", "Event date"),
    "tag": QT_TRANSLATE_NOOP("Field", "Tag"),
    "email": QT_TRANSLATE_NOOP("Field", "E-mail"),
    "family": QT_TRANSLATE_NOOP("Field", "Family name"),
    "year": QT_TRANSLATE_NOOP("Field", "Year"),
    "end_date": QT_TRANSLATE_NOOP("Field", "End date"),
    "capacity": QT_TRANSLATE_NOOP("Field", "Capacity"),
    "file": QT_TRANSLATE_NOOP("Field", "File"),
    "start": QT_TRANSLATE_NOOP("Field", "Start"),
    "end": QT_TRANSLATE_NOOP("Field", "End"),
    "role": QT_TRANSLATE_NOOP("Field", "Role"),
    "visibility": QT_TRANSLATE_NOOP("Field", "Visibility"),
    # Named by the core's errors only (see ui.errors.field_name).
    "date": QT_TRANSLATE_NOOP("Field", "Date"),
    "time": QT_TRANSLATE_NOOP("Field", "Time"),
    "body": QT_TRANSLATE_NOOP("Field", "Text"),
    "choices": QT_TRANSLATE_NOOP("Field", "Choices"),
    "collection": QT_TRANSLATE_NOOP("Field", "Collection"),
    "custom": QT_TRANSLATE_NOOP("Field", "Custom fields"),
    "folder": QT_TRANSLATE_NOOP("Field", "Folder"),
    "format": QT_TRANSLATE_NOOP("Field", "Format"),
    "groups": QT_TRANSLATE_NOOP("Field", "Groups"),
    "locale": QT_TRANSLATE_NOOP("Field", "Language"),
    "mapping": QT_TRANSLATE_NOOP("Field", "Columns"),
    "others": QT_TRANSLATE_NOOP("Field", "References to merge"),
    "output": QT_TRANSLATE_NOOP("Field", "Output"),
    "participant": QT_TRANSLATE_NOOP("Field", "Participant"),
    "participants": QT_TRANSLATE_NOOP("Field", "Participants"),
    "programme item": QT_TRANSLATE_NOOP("Field", "Programme item"),
    "reference": QT_TRANSLATE_NOOP("Field", "Reference"),
    "sections": QT_TRANSLATE_NOOP("Field", "Contents"),
    "selection": QT_TRANSLATE_NOOP("Field", "References"),
    "sort": QT_TRANSLATE_NOOP("Field", "Sort order"),
    "style": QT_TRANSLATE_NOOP("Field", "Citation style"),
    "template": QT_TRANSLATE_NOOP("Field", "Template"),
    "undo": QT_TRANSLATE_NOOP("Field", "Undo"),
    "workshop": QT_TRANSLATE_NOOP("Field", "Workshop"),
}

CONTAINER_BY_TYPE = {
    "article-journal": QT_TRANSLATE_NOOP("Field", "Journal"),
    "article-newspaper": QT_TRANSLATE_NOOP("Field", "Newspaper"),
    "article-magazine": QT_TRANSLATE_NOOP("Field", "Magazine"),
    "chapter": QT_TRANSLATE_NOOP("Field", "Book title"),
    "webpage": QT_TRANSLATE_NOOP("Field", "Website"),
    "paper-conference": QT_TRANSLATE_NOOP("Field", "Proceedings"),
}

CREATOR_ROLES = {
    "author": QT_TRANSLATE_NOOP("CreatorRole", "Author"),
    "editor": QT_TRANSLATE_NOOP("CreatorRole", "Editor"),
    "translator": QT_TRANSLATE_NOOP("CreatorRole", "Translator"),
    "contributor": QT_TRANSLATE_NOOP("CreatorRole", "Contributor"),
    "presenter": QT_TRANSLATE_NOOP("CreatorRole", "Presenter"),
    "organizer": QT_TRANSLATE_NOOP("CreatorRole", "Organiser"),
    "container-author": QT_TRANSLATE_NOOP("CreatorRole", "Book author"),
    "collection-editor": QT_TRANSLATE_NOOP("CreatorRole", "Series editor"),
    "interviewer": QT_TRANSLATE_NOOP("CreatorRole", "Interviewer"),
    "recipient": QT_TRANSLATE_NOOP("CreatorRole", "Recipient"),
}

#: What the core's NotFound errors name (``error.kind``), as a noun inside a sentence.
KINDS = {
    "reference": QT_TRANSLATE_NOOP("Kind", "reference"),
    "edition": QT_TRANSLATE_NOOP("Kind", "edition"),
    "workshop": QT_TRANSLATE_NOOP("Kind", "workshop"),
    "participant": QT_TRANSLATE_NOOP("Kind", "participant"),
    "registration": QT_TRANSLATE_NOOP("Kind", "registration"),
    "programme item": QT_TRANSLATE_NOOP("Kind", "programme item"),
    "reading-list entry": QT_TRANSLATE_NOOP("Kind", "reading-list entry"),
    "attachment": QT_TRANSLATE_NOOP("Kind", "attached file"),
    "note": QT_TRANSLATE_NOOP("Kind", "note"),
    "collection": QT_TRANSLATE_NOOP("Kind", "collection"),
    "tag": QT_TRANSLATE_NOOP("Kind", "tag"),
}


def item_type(name: str) -> str:
    return QCoreApplication.translate("ItemType", ITEM_TYPES.get(name, name))


def field(name: str, item_type_name: str = "") -> str:
    if name == "container-title" and item_type_name in CONTAINER_BY_TYPE:
        return QCoreApplication.translate("Field", CONTAINER_BY_TYPE[item_type_name])
    return QCoreApplication.translate("Field", FIELDS.get(name, name))


def creator_role(name: str) -> str:
    return QCoreApplication.translate("CreatorRole", CREATOR_ROLES.get(name, name))


def kind(name: str) -> str:
    return QCoreApplication.translate("Kind", KINDS.get(name, name))
