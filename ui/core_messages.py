"""The core's error messages, marked for translation.

The core never imports Qt: it raises :class:`~seminaire_app.errors.ValidationError` with
an English template (a plain literal) and its parameters. Every template is listed here
so that lupdate collects it in the « CoreMessages » context; :func:`ui.errors.describe`
translates the template, then fills it. ``tests/ui/test_core_messages.py`` fails when a
template of the core is missing here.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

CONTEXT = "CoreMessages"

TEMPLATES = frozenset({
    # seminaire_app/citations/__init__.py
    QT_TRANSLATE_NOOP("CoreMessages", "« {value} » is not a format; choose text or html"),
    # seminaire_app/citations/styles.py
    QT_TRANSLATE_NOOP("CoreMessages", "« {value} » is not a citation locale; choose one of "
                      "{choices}"),
    QT_TRANSLATE_NOOP("CoreMessages", "« {value} » is not a citation style; choose one of "
                      "{choices}"),
    # seminaire_app/citekeys.py
    QT_TRANSLATE_NOOP("CoreMessages", "a citation key cannot be empty"),
    QT_TRANSLATE_NOOP("CoreMessages", "a citation key cannot be only digits"),
    QT_TRANSLATE_NOOP("CoreMessages", "« {key} » may only hold letters a-z, digits "
                      "and _ : . - + /"),
    # seminaire_app/cli/context.py
    QT_TRANSLATE_NOOP("CoreMessages", "cannot read « {path} »: {reason}"),
    QT_TRANSLATE_NOOP("CoreMessages", "« {path} » is not UTF-8 text"),
    QT_TRANSLATE_NOOP("CoreMessages", "« {text} » is not a whole number"),
    # seminaire_app/csl.py
    QT_TRANSLATE_NOOP("CoreMessages", "a date must be a CSL date object or a string"),
    QT_TRANSLATE_NOOP("CoreMessages", "date-parts must be [year, month, day] lists"),
    QT_TRANSLATE_NOOP("CoreMessages", "must be an object of name: value"),
    QT_TRANSLATE_NOOP("CoreMessages", "names must be a list of objects (family, given…)"),
    QT_TRANSLATE_NOOP("CoreMessages", "« {text} » is not a date Séminaire reads"),
    QT_TRANSLATE_NOOP("CoreMessages", "« {value} » is not a CSL item type"),
    # seminaire_app/dates.py
    QT_TRANSLATE_NOOP("CoreMessages", "month {month} out of range in « {text} »"),
    QT_TRANSLATE_NOOP("CoreMessages", "« {part} » in date-parts is not a number"),
    QT_TRANSLATE_NOOP("CoreMessages", "« {text} » is not a date like 2017, 2017-11 or 2017-11-23"),
    QT_TRANSLATE_NOOP("CoreMessages", "« {text} » is not a day like 2017-11-23"),
    QT_TRANSLATE_NOOP("CoreMessages", "« {text} » is not a real day"),
    QT_TRANSLATE_NOOP("CoreMessages", "« {text} » is not a time like 09:30"),
    # seminaire_app/demo.py
    QT_TRANSLATE_NOOP("CoreMessages", "« {folder} » already holds a Séminaire library; create the "
                      "demo in a new folder"),
    # seminaire_app/dossiers/__init__.py
    QT_TRANSLATE_NOOP("CoreMessages", "choose the edition of the badges"),
    QT_TRANSLATE_NOOP("CoreMessages", "no one is registered to {year}"),
    # seminaire_app/dossiers/badges.py
    QT_TRANSLATE_NOOP("CoreMessages", "no registered participant in {year}"),
    # seminaire_app/dossiers/batch.py
    QT_TRANSLATE_NOOP("CoreMessages", "choose a folder, a combined PDF or both"),
    QT_TRANSLATE_NOOP("CoreMessages", "no one is registered for this dossier"),
    QT_TRANSLATE_NOOP("CoreMessages", "personal dossiers are packs or workshop dossiers"),
    QT_TRANSLATE_NOOP("CoreMessages", "personal dossiers differ by their cover: keep it"),
    # seminaire_app/dossiers/builders.py
    QT_TRANSLATE_NOOP("CoreMessages", "choose at least one section to print"),
    QT_TRANSLATE_NOOP("CoreMessages", "choose references, a tag, a collection, a workshop or an "
                      "edition"),
    QT_TRANSLATE_NOOP("CoreMessages", "choose the edition of the dossier"),
    QT_TRANSLATE_NOOP("CoreMessages", "choose the workshop of the dossier"),
    # seminaire_app/dossiers/content.py
    QT_TRANSLATE_NOOP("CoreMessages", "no reference matches the selection"),
    QT_TRANSLATE_NOOP("CoreMessages", "participant {participant} is not registered to the edition "
                      "{year}"),
    QT_TRANSLATE_NOOP("CoreMessages", "{name} does not take part in workshop {number}"),
    QT_TRANSLATE_NOOP("CoreMessages", "« {path} » is not a collection of the library; the "
                      "nearest: {nearest}"),
    QT_TRANSLATE_NOOP("CoreMessages", "« {path} » is not a collection: the library has none "
                      "yet"),
    QT_TRANSLATE_NOOP("CoreMessages", "« {tag} » is not a tag of the library; the nearest: "
                      "{nearest}"),
    QT_TRANSLATE_NOOP("CoreMessages", "« {tag} » is not a tag: the library has none yet"),
    # seminaire_app/interchange/bibtex.py
    QT_TRANSLATE_NOOP("CoreMessages", "an institution needs a name"),
    QT_TRANSLATE_NOOP("CoreMessages", "« {name} » has no family name"),
    QT_TRANSLATE_NOOP("CoreMessages", "« {name} » has too many commas for « Family, Given »"),
    # seminaire_app/interchange/csljson.py
    QT_TRANSLATE_NOOP("CoreMessages", "must be text or a number"),
    # seminaire_app/interchange/formats.py
    QT_TRANSLATE_NOOP("CoreMessages", "not a bibliography: no BibTeX entry (@article{{…), no RIS "
                      "entry (a line « TY  - … ») and no CSL-JSON array or object"),
    QT_TRANSLATE_NOOP("CoreMessages", "the file holds binary data, not BibTeX, RIS or CSL-JSON "
                      "text"),
    QT_TRANSLATE_NOOP("CoreMessages", "the file is empty"),
    QT_TRANSLATE_NOOP("CoreMessages", "« {name} » is not a format Séminaire reads: {choices}"),
    # seminaire_app/names.py
    QT_TRANSLATE_NOOP("CoreMessages", "a name cannot be empty"),
    # seminaire_app/services/attachments.py
    QT_TRANSLATE_NOOP("CoreMessages", "« {path} » is not a file that exists"),
    # seminaire_app/services/collections.py
    QT_TRANSLATE_NOOP("CoreMessages", "« {path} » is not a collection path like A/B"),
    # seminaire_app/services/editions.py
    QT_TRANSLATE_NOOP("CoreMessages", "an edition cannot end before it starts"),
    QT_TRANSLATE_NOOP("CoreMessages", "an edition needs a title"),
    QT_TRANSLATE_NOOP("CoreMessages", "is not a field of an edition"),
    QT_TRANSLATE_NOOP("CoreMessages", "there is already an edition {year}"),
    QT_TRANSLATE_NOOP("CoreMessages", "{year} is not a plausible year for an edition"),
    # seminaire_app/services/imports.py
    QT_TRANSLATE_NOOP("CoreMessages", "1 bad entry: nothing imported (strict)"),
    QT_TRANSLATE_NOOP("CoreMessages", "{count} bad entries: nothing imported (strict)"),
    QT_TRANSLATE_NOOP("CoreMessages", "« {name} » is larger than {limit} MB"),
    QT_TRANSLATE_NOOP("CoreMessages", "« {name} » is {size:,.0f} MB; Séminaire imports files "
                      "up to {limit} MB: split it into smaller files"),
    QT_TRANSLATE_NOOP("CoreMessages", "« {name} » looks like a binary file, not a BibTeX, RIS or "
                      "CSL-JSON text"),
    QT_TRANSLATE_NOOP("CoreMessages", "« {path} » does not exist"),
    QT_TRANSLATE_NOOP("CoreMessages", "« {path} » is a folder; name a file in it"),
    QT_TRANSLATE_NOOP("CoreMessages", "« {path} » is not a regular file"),
    # seminaire_app/services/lookup.py
    QT_TRANSLATE_NOOP("CoreMessages", "« {text} » is not a workshop like 2017/3"),
    # seminaire_app/services/merging.py
    QT_TRANSLATE_NOOP("CoreMessages", "a reference cannot be merged into itself"),
    QT_TRANSLATE_NOOP("CoreMessages", "give one set of choices per group, or none"),
    QT_TRANSLATE_NOOP("CoreMessages", "is not a value that can be chosen in a merge"),
    QT_TRANSLATE_NOOP("CoreMessages", "name at least one reference to merge into the master"),
    QT_TRANSLATE_NOOP("CoreMessages", "reference {reference} is in two groups"),
    QT_TRANSLATE_NOOP("CoreMessages", "reference {reference} is not among those merged"),
    QT_TRANSLATE_NOOP("CoreMessages", "the library changed since the merge (« {clash} »); the "
                      "merge cannot be undone"),
    # seminaire_app/services/notes.py
    QT_TRANSLATE_NOOP("CoreMessages", "a note needs a title or some text"),
    QT_TRANSLATE_NOOP("CoreMessages", "« {value} » is not internal or participants"),
    # seminaire_app/services/participant_import.py
    QT_TRANSLATE_NOOP("CoreMessages", "no column holds the family names (« Nom »); say which one "
                      "does"),
    QT_TRANSLATE_NOOP("CoreMessages", "the file has no column « {title} »"),
    QT_TRANSLATE_NOOP("CoreMessages", "« {name} » has no column titles"),
    QT_TRANSLATE_NOOP("CoreMessages", "« {name} » is empty"),
    QT_TRANSLATE_NOOP("CoreMessages", "« {name} » is neither UTF-8 nor Windows-1252 text"),
    QT_TRANSLATE_NOOP("CoreMessages", "« {name} » is not a text file; save it from Excel as « CSV "
                      "(separator: semicolon) »"),
    QT_TRANSLATE_NOOP("CoreMessages", "« {value} » is not one of {choices}"),
    # seminaire_app/services/participants.py
    QT_TRANSLATE_NOOP("CoreMessages", "a participant needs a family name"),
    QT_TRANSLATE_NOOP("CoreMessages", "is not a field of a participant"),
    QT_TRANSLATE_NOOP("CoreMessages", "workshop {year}/{number} is full ({capacity} places)"),
    QT_TRANSLATE_NOOP("CoreMessages", "« {email} » already belongs to a participant"),
    QT_TRANSLATE_NOOP("CoreMessages", "« {email} » already belongs to someone"),
    QT_TRANSLATE_NOOP("CoreMessages", "« {email} » is not an e-mail address"),
    # seminaire_app/services/programme.py
    QT_TRANSLATE_NOOP("CoreMessages", "a programme item needs a title or a workshop"),
    QT_TRANSLATE_NOOP("CoreMessages", "an item must end after it starts"),
    # seminaire_app/services/references.py
    QT_TRANSLATE_NOOP("CoreMessages", "a reference needs a title"),
    QT_TRANSLATE_NOOP("CoreMessages", "each creator needs a family name or a name"),
    QT_TRANSLATE_NOOP("CoreMessages", "is not a CSL variable; use a custom field"),
    QT_TRANSLATE_NOOP("CoreMessages", "offset and limit cannot be negative"),
    QT_TRANSLATE_NOOP("CoreMessages", "« {key} » is already used"),
    QT_TRANSLATE_NOOP("CoreMessages", "« {role} » is not a creator role"),
    QT_TRANSLATE_NOOP("CoreMessages", "« {value} » is not a URL (it needs https:// or similar)"),
    QT_TRANSLATE_NOOP("CoreMessages", "« {value} » is not a reference type"),
    QT_TRANSLATE_NOOP("CoreMessages", "« {value} » is not a sort key"),
    QT_TRANSLATE_NOOP("CoreMessages", "« {value} » is not an ISBN"),
    # seminaire_app/services/seminar_snapshots.py
    QT_TRANSLATE_NOOP("CoreMessages", "item {item} exists again"),
    QT_TRANSLATE_NOOP("CoreMessages", "participant {participant} exists again"),
    QT_TRANSLATE_NOOP("CoreMessages", "there is an edition {year} again: cannot restore the "
                      "deleted one"),
    QT_TRANSLATE_NOOP("CoreMessages", "workshop {year}/{number} exists again: cannot restore the "
                      "deleted one"),
    QT_TRANSLATE_NOOP("CoreMessages", "« {email} » belongs to someone else now: cannot restore the "
                      "deleted participant"),
    # seminaire_app/services/snapshots.py
    QT_TRANSLATE_NOOP("CoreMessages", "« {key} » is in use again: cannot restore"),
    # seminaire_app/services/tags.py
    QT_TRANSLATE_NOOP("CoreMessages", "a tag cannot be empty"),
    QT_TRANSLATE_NOOP("CoreMessages", "« {tag} » already exists"),
    QT_TRANSLATE_NOOP("CoreMessages", "« {tag} »: a tag cannot hold a comma or a semicolon"),
    # seminaire_app/services/workshops.py
    QT_TRANSLATE_NOOP("CoreMessages", "a capacity cannot be negative"),
    QT_TRANSLATE_NOOP("CoreMessages", "a workshop needs a title"),
    QT_TRANSLATE_NOOP("CoreMessages", "is not a field of a workshop"),
    QT_TRANSLATE_NOOP("CoreMessages", "workshop {year}/{number} already exists"),
    QT_TRANSLATE_NOOP("CoreMessages", "workshops are numbered from 1"),
    QT_TRANSLATE_NOOP("CoreMessages", "« {key} » is already on this reading list"),
    QT_TRANSLATE_NOOP("CoreMessages", "« {value} » is not required, background or produced"),
    # ui/seminar/commands.py
    QT_TRANSLATE_NOOP("CoreMessages", "is already registered to this edition"),
})
