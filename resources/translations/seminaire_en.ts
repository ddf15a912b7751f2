<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>BibliographyPanel</name>
    <message numerus="yes">
        <source>Formatting %n reference(s)…</source>
        <translation>
            <numerusform>Formatting %n reference…</numerusform>
            <numerusform>Formatting %n references…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Bibliography of %n reference(s) copied in {style}.</source>
        <translation>
            <numerusform>Bibliography of %n reference copied in {style}.</numerusform>
            <numerusform>Bibliography of %n references copied in {style}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DossierDialog</name>
    <message numerus="yes">
        <source>Preview: %n page(s).</source>
        <translation>
            <numerusform>Preview: %n page.</numerusform>
            <numerusform>Preview: %n pages.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n copy(ies) written to {folder}.</source>
        <translation>
            <numerusform>%n copy written to {folder}.</numerusform>
            <numerusform>%n copies written to {folder}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DossierOptions</name>
    <message numerus="yes">
        <source>The references selected in the table (%n)</source>
        <translation>
            <numerusform>The references selected in the table (%n)</numerusform>
            <numerusform>The references selected in the table (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DossierStatus</name>
    <message numerus="yes">
        <source>%n attached file(s) could not be added to the dossier:</source>
        <translation>
            <numerusform>%n attached file could not be added to the dossier:</numerusform>
            <numerusform>%n attached files could not be added to the dossier:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n attached file(s) listed but not added:</source>
        <translation>
            <numerusform>%n attached file listed but not added:</numerusform>
            <numerusform>%n attached files listed but not added:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message numerus="yes">
        <source>{reference}
%n references — {reason}</source>
        <translation>
            <numerusform>{reference}
%n references — {reason}</numerusform>
            <numerusform>{reference}
%n references — {reason}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Merge &amp;all %n group(s)</source>
        <translation>
            <numerusform>Merge &amp;all %n group</numerusform>
            <numerusform>Merge &amp;all %n groups</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n references, {reason}. Choose the master and, where they differ, the values to keep.</source>
        <translation>
            <numerusform>%n references, {reason}. Choose the master and, where they differ, the values to keep.</numerusform>
            <numerusform>%n references, {reason}. Choose the master and, where they differ, the values to keep.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Merging %n group(s)…</source>
        <translation>
            <numerusform>Merging %n group…</numerusform>
            <numerusform>Merging %n groups…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message numerus="yes">
        <source>The selected references (%n)</source>
        <translation>
            <numerusform>The selected references (%n)</numerusform>
            <numerusform>The selected references (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The references shown in the table (%n)</source>
        <translation>
            <numerusform>The references shown in the table (%n)</numerusform>
            <numerusform>The references shown in the table (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The whole library (%n)</source>
        <translation>
            <numerusform>The whole library (%n)</numerusform>
            <numerusform>The whole library (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n reference(s) exported to {file}</source>
        <translation>
            <numerusform>%n reference exported to {file}</numerusform>
            <numerusform>%n references exported to {file}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message numerus="yes">
        <source>Entries (%n)</source>
        <translation>
            <numerusform>Entries (%n)</numerusform>
            <numerusform>Entries (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Broken entries (%n)</source>
        <translation>
            <numerusform>Broken entries (%n)</numerusform>
            <numerusform>Broken entries (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Warnings (%n)</source>
        <translation>
            <numerusform>Warnings (%n)</numerusform>
            <numerusform>Warnings (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Import %n reference(s)</source>
        <translation>
            <numerusform>&amp;Import %n reference</numerusform>
            <numerusform>&amp;Import %n references</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Importing %n reference(s)…</source>
        <translation>
            <numerusform>Importing %n reference…</numerusform>
            <numerusform>Importing %n references…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message numerus="yes">
        <source>%n row(s) read</source>
        <translation>
            <numerusform>%n row read</numerusform>
            <numerusform>%n rows read</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new participant(s)</source>
        <translation>
            <numerusform>%n new participant</numerusform>
            <numerusform>%n new participants</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already known (same e-mail)</source>
        <translation>
            <numerusform>%n already known (same e-mail)</numerusform>
            <numerusform>%n already known (same e-mail)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n registration(s) to this edition</source>
        <translation>
            <numerusform>%n registration to this edition</numerusform>
            <numerusform>%n registrations to this edition</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already registered</source>
        <translation>
            <numerusform>%n already registered</numerusform>
            <numerusform>%n already registered</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n assignment(s) to the workshop wished</source>
        <translation>
            <numerusform>%n assignment to the workshop wished</numerusform>
            <numerusform>%n assignments to the workshop wished</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) left out (see below)</source>
        <translation>
            <numerusform>%n row left out (see below)</numerusform>
            <numerusform>%n rows left out (see below)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MergeChoicesWidget</name>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n file</numerusform>
            <numerusform>%n files</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ParticipantsPage</name>
    <message numerus="yes">
        <source>%n participant(s)</source>
        <translation>
            <numerusform>%n participant</numerusform>
            <numerusform>%n participants</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Unregister %n participant(s) from edition {year}: {names}?

They also leave their workshops. You can undo this.</source>
        <translation>
            <numerusform>Unregister %n participant from edition {year}: {names}?

They also leave their workshops. You can undo this.</numerusform>
            <numerusform>Unregister %n participants from edition {year}: {names}?

They also leave their workshops. You can undo this.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Unregister %n participant(s)</source>
        <translation>
            <numerusform>Unregister %n participant</numerusform>
            <numerusform>Unregister %n participants</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PrintMessages</name>
    <message numerus="yes">
        <source>%n page(s) sent to the printer.</source>
        <translation>
            <numerusform>%n page sent to the printer.</numerusform>
            <numerusform>%n pages sent to the printer.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProgrammePage</name>
    <message numerus="yes">
        <source>Delete %n programme item(s)</source>
        <translation>
            <numerusform>Delete %n programme item</numerusform>
            <numerusform>Delete %n programme items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReferencesPage</name>
    <message numerus="yes">
        <source>%n reference(s)</source>
        <translation>
            <numerusform>%n reference</numerusform>
            <numerusform>%n references</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n reference(s) with their notes and files? You can undo this with Ctrl+Z.</source>
        <translation>
            <numerusform>Delete %n reference with its notes and files? You can undo this with Ctrl+Z.</numerusform>
            <numerusform>Delete %n references with their notes and files? You can undo this with Ctrl+Z.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReplaceQuestion</name>
    <message numerus="yes">
        <source>Replace %n file(s)?</source>
        <extracomment>Files named in the question; the others are counted.</extracomment>
        <translation>
            <numerusform>Replace %n file?</numerusform>
            <numerusform>Replace %n files?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) of the same name already exist in {folder}:</source>
        <translation>
            <numerusform>%n file of the same name already exists in {folder}:</numerusform>
            <numerusform>%n files of the same name already exist in {folder}:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) of the same name already exist:</source>
        <translation>
            <numerusform>%n file of the same name already exists:</numerusform>
            <numerusform>%n files of the same name already exist:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more.</source>
        <translation>
            <numerusform>… and %n more.</numerusform>
            <numerusform>… and %n more.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WorkshopPage</name>
    <message numerus="yes">
        <source>%n reference(s)</source>
        <translation>
            <numerusform>%n reference</numerusform>
            <numerusform>%n references</numerusform>
        </translation>
    </message>
</context>
</TS>
