"""The tables of :mod:`.ris`: RIS types, creator tags and field tags, and their CSL names.

Data only; :mod:`.ris` reads and writes with them.
"""

from __future__ import annotations

#: RIS reference types (``TY``) and the CSL type each one is read as.
RIS_TYPES: dict[str, str] = {
    "ABST": "article-journal", "ADVS": "motion_picture", "AGGR": "dataset",
    "ANCIENT": "classic", "ART": "graphic", "BILL": "bill", "BLOG": "post-weblog",
    "BOOK": "book", "CASE": "legal_case", "CHAP": "chapter", "CHART": "figure",
    "CLSWK": "classic", "COMP": "software", "CONF": "paper-conference",
    "CPAPER": "paper-conference", "CTLG": "book", "DATA": "dataset", "DBASE": "dataset",
    "DICT": "entry-dictionary", "EBOOK": "book", "ECHAP": "chapter", "EDBOOK": "book",
    "EJOUR": "article-journal", "ELEC": "webpage", "ENCYC": "entry-encyclopedia",
    "EQUA": "document", "FIGURE": "figure", "GEN": "document", "GOVDOC": "report",
    "GRANT": "document", "GRNT": "document", "HEAR": "hearing", "ICOMM": "webpage",
    "INPR": "article-journal", "JFULL": "periodical", "JOUR": "article-journal",
    "LEGAL": "regulation", "MANSCPT": "manuscript", "MAP": "map", "MGZN": "article-magazine",
    "MPCT": "motion_picture", "MULTI": "motion_picture", "MUSIC": "musical_score",
    "NEWS": "article-newspaper", "PAMP": "pamphlet", "PAT": "patent",
    "PCOMM": "personal_communication", "RPRT": "report", "SER": "periodical",
    "SLIDE": "speech", "SOUND": "song", "STAND": "standard", "STAT": "legislation",
    "THES": "thesis", "UNBILL": "bill", "UNPB": "manuscript", "UNPD": "manuscript",
    "VIDEO": "motion_picture", "WEB": "webpage",
}

#: The ``TY`` written for each CSL type. Those marked « lossy » have no RIS type of
#: their own and come back as another type; any type missing here is written as GEN.
CSL_TO_RIS: dict[str, str] = {
    "article-journal": "JOUR", "article-magazine": "MGZN", "article-newspaper": "NEWS",
    "bill": "BILL", "book": "BOOK", "chapter": "CHAP", "classic": "CLSWK", "dataset": "DATA",
    "document": "GEN", "entry-dictionary": "DICT", "entry-encyclopedia": "ENCYC",
    "figure": "FIGURE", "graphic": "ART", "hearing": "HEAR", "legal_case": "CASE",
    "legislation": "STAT", "manuscript": "MANSCPT", "map": "MAP",
    "motion_picture": "MPCT", "musical_score": "MUSIC", "pamphlet": "PAMP",
    "paper-conference": "CONF", "patent": "PAT", "periodical": "JFULL",
    "personal_communication": "PCOMM", "post-weblog": "BLOG", "regulation": "LEGAL",
    "report": "RPRT", "software": "COMP", "song": "SOUND", "speech": "SLIDE",
    "standard": "STAND", "thesis": "THES", "webpage": "ELEC",
    # lossy
    "broadcast": "MPCT", "interview": "PCOMM", "post": "ICOMM", "review": "JOUR",
    "review-book": "JOUR",
}

#: The CSL role of each creator tag, by CSL type (« * »: any other type), as in the
#: specification and Zotero: ``A2`` is a book's series editor but a chapter's editor.
TAG_ROLES: dict[str, dict[str, str]] = {
    "AU": {"*": "author"},
    "A1": {"*": "author"},
    "ED": {"*": "editor"},
    "A2": {"book": "collection-editor", "report": "collection-editor",
           "personal_communication": "recipient", "*": "editor"},
    "A3": {"book": "editor", "thesis": "contributor", "motion_picture": "producer",
           "*": "collection-editor"},
    "A4": {"paper-conference": "contributor", "motion_picture": "contributor",
           "dataset": "contributor", "*": "translator"},
}

#: Types whose ``T2`` is their series (``collection-title``), not their container.
SERIES_TYPES = frozenset(("book", "report", "software", "map"))
#: A lone SP (no EP, no range) of these is their number of pages, as in catalogues.
PAGE_COUNT_TYPES = frozenset(("book", "thesis", "report", "manuscript"))
#: The tags the writer tries for a creator, in this order: the spec's first, ED last.
WRITE_CREATOR_TAGS = ("AU", "A2", "A3", "A4", "ED")
#: Tags whose continuation lines are new lines of the value (not a soft wrap).
NEWLINE_TAGS = frozenset(("AB", "N1", "N2", "KW"))

#: Tags read as a CSL variable whatever the type (``ris._variable`` has the others).
TEXT_TAGS: dict[str, str] = {
    "TI": "title", "T1": "title", "CT": "title", "BT": "container-title",
    "T2": "container-title", "JF": "container-title", "JO": "container-title",
    "J2": "container-title-short", "JA": "container-title-short",
    "J1": "container-title-short", "T3": "collection-title", "ST": "title-short",
    "PB": "publisher", "CY": "publisher-place", "PP": "publisher-place", "VL": "volume",
    "IS": "issue", "ET": "edition", "LA": "language", "NV": "number-of-volumes",
    "SE": "section", "M3": "genre", "DB": "archive", "AN": "archive_location",
    "CN": "call-number", "DP": "source", "UR": "URL", "DO": "DOI",
}
#: When several tags fill one variable, the earliest here wins (then the first line).
PREFERENCE = ("TI", "T1", "CT", "BT", "T2", "JF", "JO", "J2", "JA", "J1", "T3", "CY", "PP",
              "DO", "M3")
#: Written as is, in this order, after titles, creators and dates.
PLAIN_TAGS = (("container-title-short", "J2"), ("edition", "ET"), ("volume", "VL"),
              ("issue", "IS"), ("number-of-volumes", "NV"), ("section", "SE"),
              ("publisher", "PB"), ("publisher-place", "CY"), ("DOI", "DO"), ("URL", "UR"),
              ("language", "LA"), ("genre", "M3"), ("archive", "DB"),
              ("archive_location", "AN"), ("call-number", "CN"), ("source", "DP"))
