<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>Attachments</name>
    <message>
        <source>cannot copy {name}: {reason}</source>
        <translation>impossible de copier {name}&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>cannot read {path}: {reason}</source>
        <translation>impossible de lire {path}&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Attaching a file…</source>
        <translation>Ajout d’un fichier…</translation>
    </message>
    <message>
        <source>Attaching {count} files…</source>
        <translation>Ajout de {count} fichiers…</translation>
    </message>
    <message>
        <source>• {file}: {reason}</source>
        <translation>• {file}&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>Files not attached</source>
        <translation>Fichiers non joints</translation>
    </message>
    <message>
        <source>These files could not be attached:
{files}

Check that they exist and that you can read them.</source>
        <translation>Ces fichiers n’ont pas pu être joints&#xa0;:
{files}

Vérifiez qu’ils existent et que vous avez le droit de les lire.</translation>
    </message>
    <message>
        <source>Searchable</source>
        <translation>Indexé</translation>
    </message>
    <message>
        <source>The text of this file is in the search index.</source>
        <translation>Le texte de ce fichier est indexé pour la recherche.</translation>
    </message>
    <message>
        <source>No text</source>
        <translation>Sans texte</translation>
    </message>
    <message>
        <source>This file contains no text (a scan, perhaps).</source>
        <translation>Ce fichier ne contient pas de texte (peut-être une numérisation).</translation>
    </message>
    <message>
        <source>Not indexed</source>
        <translation>Non indexé</translation>
    </message>
    <message>
        <source>Séminaire does not read the text of this kind of file.</source>
        <translation>Séminaire ne lit pas le texte de ce type de fichier.</translation>
    </message>
    <message>
        <source>Unreadable</source>
        <translation>Illisible</translation>
    </message>
    <message>
        <source>The text could not be read: {detail}</source>
        <translation>Le texte n’a pas pu être lu&#xa0;: {detail}</translation>
    </message>
</context>
<context>
    <name>AttachmentsPanel</name>
    <message>
        <source>No files yet. Click Add… or drop files here.</source>
        <translation>Aucun fichier pour l’instant. Cliquez sur Ajouter… ou déposez des fichiers ici.</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Ajouter…</translation>
    </message>
    <message>
        <source>Attach files (you can also drop them here)</source>
        <translation>Joindre des fichiers (vous pouvez aussi les déposer ici)</translation>
    </message>
    <message>
        <source>Link instead of copying</source>
        <translation>Lier au lieu de copier</translation>
    </message>
    <message>
        <source>Leave the files where they are and remember their place. A copy is safer: it stays with the library even if the original is moved or deleted.</source>
        <translation>Laisser les fichiers où ils sont et mémoriser leur emplacement. Une copie est plus sûre&#xa0;: elle reste dans la bibliothèque même si l’original est déplacé ou supprimé.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Open with the system&apos;s application (Enter)</source>
        <translation>Ouvrir avec l’application du système (Entrée)</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <source>Show the PDF inside Séminaire (Space)</source>
        <translation>Afficher le PDF dans Séminaire (Espace)</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Retirer…</translation>
    </message>
    <message>
        <source>Remove the file from this item (Delete)</source>
        <translation>Retirer le fichier de cet élément (Suppr)</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Stockage</translation>
    </message>
    <message>
        <source>Full text</source>
        <translation>Texte intégral</translation>
    </message>
    <message>
        <source>Attached files</source>
        <translation>Fichiers joints</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copie</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Lien</translation>
    </message>
    <message>
        <source>{name} (file not found)</source>
        <translation>{name} (fichier introuvable)</translation>
    </message>
    <message>
        <source>A copy kept in the library</source>
        <translation>Une copie conservée dans la bibliothèque</translation>
    </message>
    <message>
        <source>A link to the file where it is: {path}</source>
        <translation>Un lien vers le fichier, à son emplacement&#xa0;: {path}</translation>
    </message>
    <message>
        <source>The library&apos;s copy of this file is missing ({path}). Restore the library folder from a backup, or remove this attachment and add the file again.</source>
        <translation>La copie de ce fichier dans la bibliothèque est introuvable ({path}). Restaurez le dossier de la bibliothèque à partir d’une sauvegarde, ou retirez cette pièce jointe et ajoutez de nouveau le fichier.</translation>
    </message>
    <message>
        <source>The linked file is no longer at {path}. Put it back there, or remove this attachment and add the file from its new place.</source>
        <translation>Le fichier lié ne se trouve plus à l’emplacement {path}. Remettez-le à cet endroit, ou retirez cette pièce jointe et ajoutez le fichier depuis son nouvel emplacement.</translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation>Joindre des fichiers</translation>
    </message>
    <message>
        <source>Opening {name}…</source>
        <translation>Ouverture de {name}…</translation>
    </message>
    <message>
        <source>Cannot open the file</source>
        <translation>Impossible d’ouvrir le fichier</translation>
    </message>
    <message>
        <source>No application could open {name}. Install one for this kind of file, or find the file here: {path}</source>
        <translation>Aucune application n’a pu ouvrir {name}. Installez-en une pour ce type de fichier, ou retrouvez le fichier ici&#xa0;: {path}</translation>
    </message>
    <message>
        <source>Removing {name}…</source>
        <translation>Retrait de {name}…</translation>
    </message>
    <message>
        <source>Remove “{name}” from this item? You can undo this with Ctrl+Z.</source>
        <translation>Retirer «&#xa0;{name}&#xa0;» de cet élément&#x202f;? Vous pourrez annuler avec Ctrl+Z.</translation>
    </message>
    <message>
        <source>Remove “{name}”? Its file is missing, so this cannot be undone.</source>
        <translation>Retirer «&#xa0;{name}&#xa0;»&#x202f;? Son fichier est introuvable&#xa0;: ce retrait ne pourra pas être annulé.</translation>
    </message>
    <message>
        <source>The library&apos;s copy is deleted when nothing else uses it.</source>
        <translation>La copie de la bibliothèque sera supprimée si rien d’autre ne l’utilise.</translation>
    </message>
    <message>
        <source>The linked file itself is not touched.</source>
        <translation>Le fichier lié lui-même reste intact.</translation>
    </message>
    <message>
        <source>Remove file</source>
        <translation>Retirer le fichier</translation>
    </message>
</context>
<context>
    <name>BibliographyPanel</name>
    <message>
        <source>Citation style</source>
        <translation>Style de citation</translation>
    </message>
    <message>
        <source>Language of the bibliography</source>
        <translation>Langue de la bibliographie</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <source>Copy the bibliography of the selected references (Ctrl+Shift+C)</source>
        <translation>Copier la bibliographie des références sélectionnées (Ctrl+Maj+C)</translation>
    </message>
    <message>
        <source>Select one or more references to see their bibliography here.</source>
        <translation>Sélectionnez une ou plusieurs références pour en voir ici la bibliographie.</translation>
    </message>
    <message>
        <source>The preview shows {shown} of the {count} selected references; Copy formats them all.</source>
        <translation>L’aperçu montre {shown} des {count} références sélectionnées&#x202f;; Copier les met toutes en forme.</translation>
    </message>
    <message numerus="yes">
        <source>Formatting %n reference(s)…</source>
        <translation>
            <numerusform>Mise en forme de %n référence…</numerusform>
            <numerusform>Mise en forme de %n références…</numerusform>
        </translation>
    </message>
    <message>
        <source>This style leaves these references out of bibliographies.</source>
        <translation>Ce style exclut ces références des bibliographies.</translation>
    </message>
    <message>
        <source>Select the references to copy first.</source>
        <translation>Sélectionnez d’abord les références à copier.</translation>
    </message>
    <message numerus="yes">
        <source>Bibliography of %n reference(s) copied in {style}.</source>
        <translation>
            <numerusform>Bibliographie de %n référence copiée dans le style {style}.</numerusform>
            <numerusform>Bibliographie de %n références copiée dans le style {style}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CitationStyle</name>
    <message>
        <source>ISO 690 author-date</source>
        <extracomment>Up to this many references are formatted on the GUI thread (a few ms each). The preview formats at most this many of the selected references (about 0.3 s in ISO 690, 1.2 s in APA); Copy bibliography formats them all.</extracomment>
        <translation>ISO 690 auteur-date</translation>
    </message>
    <message>
        <source>ISO 690 author-date, without abstracts</source>
        <translation>ISO 690 auteur-date, sans résumés</translation>
    </message>
    <message>
        <source>ISO 690 numeric</source>
        <translation>ISO 690 numérique</translation>
    </message>
    <message>
        <source>APA 7th edition</source>
        <translation>APA, 7e édition</translation>
    </message>
    <message>
        <source>Chicago author-date</source>
        <translation>Chicago auteur-date</translation>
    </message>
    <message>
        <source>French (fr-FR)</source>
        <translation>Français (fr-FR)</translation>
    </message>
    <message>
        <source>English (en-US)</source>
        <translation>Anglais (en-US)</translation>
    </message>
</context>
<context>
    <name>CloneEditionDialog</name>
    <message>
        <source>Prepa&amp;re</source>
        <translation>&amp;Préparer</translation>
    </message>
    <message>
        <source>Prepare the next edition</source>
        <translation>Préparer l’édition suivante</translation>
    </message>
    <message>
        <source>A new edition is prepared from {year}: its details, workshops and reading lists are copied, and dates move on by the years in between. Attached files stay with {year}.</source>
        <translation>La nouvelle édition est préparée à partir de celle de {year}&#xa0;: ses informations, ses ateliers et leurs listes de lectures sont copiés, et les dates sont décalées de l’écart entre les deux années. Les fichiers joints restent attachés à l’édition {year}.</translation>
    </message>
    <message>
        <source>&amp;Programme (days moved to the new year)</source>
        <translation>Le p&amp;rogramme (jours reportés sur la nouvelle année)</translation>
    </message>
    <message>
        <source>P&amp;articipants and their workshops</source>
        <translation>Les parti&amp;cipants et leurs ateliers</translation>
    </message>
    <message>
        <source>&amp;Notes of the edition and its workshops</source>
        <translation>Les &amp;notes de l’édition et de ses ateliers</translation>
    </message>
    <message>
        <source>Also copy</source>
        <translation>Copier aussi</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>&amp;Année&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titre&#xa0;:</translation>
    </message>
</context>
<context>
    <name>CoreMessages</name>
    <message>
        <source>« {value} » is not a format; choose text or html</source>
        <translation>«&#xa0;{value}&#xa0;» n’est pas un format&#x202f;; choisissez text ou html</translation>
    </message>
    <message>
        <source>« {value} » is not a citation locale; choose one of {choices}</source>
        <translation>«&#xa0;{value}&#xa0;» n’est pas une langue de citation&#x202f;; choisissez parmi {choices}</translation>
    </message>
    <message>
        <source>« {value} » is not a citation style; choose one of {choices}</source>
        <translation>«&#xa0;{value}&#xa0;» n’est pas un style de citation&#x202f;; choisissez parmi {choices}</translation>
    </message>
    <message>
        <source>a citation key cannot be empty</source>
        <translation>une clé de citation ne peut pas être vide</translation>
    </message>
    <message>
        <source>a citation key cannot be only digits</source>
        <translation>une clé de citation ne peut pas être faite que de chiffres</translation>
    </message>
    <message>
        <source>« {key} » may only hold letters a-z, digits and _ : . - + /</source>
        <translation>«&#xa0;{key}&#xa0;» ne peut contenir que des lettres a-z, des chiffres et les signes _&#xa0;: . - + /</translation>
    </message>
    <message>
        <source>cannot read « {path} »: {reason}</source>
        <translation>impossible de lire «&#xa0;{path}&#xa0;»&#xa0;: {reason}</translation>
    </message>
    <message>
        <source>« {path} » is not UTF-8 text</source>
        <translation>«&#xa0;{path}&#xa0;» n’est pas un texte UTF-8</translation>
    </message>
    <message>
        <source>« {text} » is not a whole number</source>
        <translation>«&#xa0;{text}&#xa0;» n’est pas un nombre entier</translation>
    </message>
    <message>
        <source>a date must be a CSL date object or a string</source>
        <translation>une date doit être un objet date CSL ou une chaîne de caractères</translation>
    </message>
    <message>
        <source>date-parts must be [year, month, day] lists</source>
        <translation>date-parts doit contenir des listes [année, mois, jour]</translation>
    </message>
    <message>
        <source>must be an object of name: value</source>
        <translation>doit être un objet de paires nom&#xa0;: valeur</translation>
    </message>
    <message>
        <source>names must be a list of objects (family, given…)</source>
        <translation>les noms doivent être une liste d’objets (family, given…)</translation>
    </message>
    <message>
        <source>« {text} » is not a date Séminaire reads</source>
        <translation>«&#xa0;{text}&#xa0;» n’est pas une date que Séminaire sait lire</translation>
    </message>
    <message>
        <source>« {value} » is not a CSL item type</source>
        <translation>«&#xa0;{value}&#xa0;» n’est pas un type de document CSL</translation>
    </message>
    <message>
        <source>month {month} out of range in « {text} »</source>
        <translation>mois {month} impossible dans «&#xa0;{text}&#xa0;»</translation>
    </message>
    <message>
        <source>« {part} » in date-parts is not a number</source>
        <translation>«&#xa0;{part}&#xa0;» n’est pas un nombre dans date-parts</translation>
    </message>
    <message>
        <source>« {text} » is not a date like 2017, 2017-11 or 2017-11-23</source>
        <translation>«&#xa0;{text}&#xa0;» n’est pas une date comme 2017, 2017-11 ou 2017-11-23</translation>
    </message>
    <message>
        <source>« {text} » is not a day like 2017-11-23</source>
        <translation>«&#xa0;{text}&#xa0;» n’est pas un jour comme 2017-11-23</translation>
    </message>
    <message>
        <source>« {text} » is not a real day</source>
        <translation>«&#xa0;{text}&#xa0;» n’est pas un jour qui existe</translation>
    </message>
    <message>
        <source>« {text} » is not a time like 09:30</source>
        <translation>«&#xa0;{text}&#xa0;» n’est pas une heure comme 09:30</translation>
    </message>
    <message>
        <source>« {folder} » already holds a Séminaire library; create the demo in a new folder</source>
        <translation>«&#xa0;{folder}&#xa0;» contient déjà une bibliothèque Séminaire&#x202f;; créez la démo dans un nouveau dossier</translation>
    </message>
    <message>
        <source>choose the edition of the badges</source>
        <translation>choisissez l’édition des badges</translation>
    </message>
    <message>
        <source>no one is registered to {year}</source>
        <translation>personne n’est inscrit à l’édition {year}</translation>
    </message>
    <message>
        <source>no registered participant in {year}</source>
        <translation>aucun participant inscrit en {year}</translation>
    </message>
    <message>
        <source>choose a folder, a combined PDF or both</source>
        <translation>choisissez un répertoire, un PDF qui les réunit tous, ou les deux</translation>
    </message>
    <message>
        <source>no one is registered for this dossier</source>
        <translation>personne n’est inscrit pour ce dossier</translation>
    </message>
    <message>
        <source>personal dossiers are packs or workshop dossiers</source>
        <translation>seuls les dossiers du participant et les dossiers d’atelier s’impriment en exemplaires personnels</translation>
    </message>
    <message>
        <source>personal dossiers differ by their cover: keep it</source>
        <translation>les exemplaires personnels se distinguent par leur couverture&#xa0;: gardez-la</translation>
    </message>
    <message>
        <source>choose at least one section to print</source>
        <translation>choisissez au moins une section à imprimer</translation>
    </message>
    <message>
        <source>choose references, a tag, a collection, a workshop or an edition</source>
        <translation>choisissez des références, une thématique, une collection, un atelier ou une édition</translation>
    </message>
    <message>
        <source>choose the edition of the dossier</source>
        <translation>choisissez l’édition du dossier</translation>
    </message>
    <message>
        <source>choose the workshop of the dossier</source>
        <translation>choisissez l’atelier du dossier</translation>
    </message>
    <message>
        <source>no reference matches the selection</source>
        <translation>aucune référence ne correspond à la sélection</translation>
    </message>
    <message>
        <source>participant {participant} is not registered to the edition {year}</source>
        <translation>le participant {participant} n’est pas inscrit à l’édition {year}</translation>
    </message>
    <message>
        <source>{name} does not take part in workshop {number}</source>
        <translation>{name} ne participe pas à l’atelier {number}</translation>
    </message>
    <message>
        <source>« {path} » is not a collection of the library; the nearest: {nearest}</source>
        <translation>«&#xa0;{path}&#xa0;» n’est pas une collection de la bibliothèque&#x202f;; les plus proches&#xa0;: {nearest}</translation>
    </message>
    <message>
        <source>« {path} » is not a collection: the library has none yet</source>
        <translation>«&#xa0;{path}&#xa0;» n’est pas une collection&#xa0;: la bibliothèque n’en a encore aucune</translation>
    </message>
    <message>
        <source>« {tag} » is not a tag of the library; the nearest: {nearest}</source>
        <translation>«&#xa0;{tag}&#xa0;» n’est pas une thématique de la bibliothèque&#x202f;; les plus proches&#xa0;: {nearest}</translation>
    </message>
    <message>
        <source>« {tag} » is not a tag: the library has none yet</source>
        <translation>«&#xa0;{tag}&#xa0;» n’est pas une thématique&#xa0;: la bibliothèque n’en a encore aucune</translation>
    </message>
    <message>
        <source>an institution needs a name</source>
        <translation>une institution doit avoir un nom</translation>
    </message>
    <message>
        <source>« {name} » has no family name</source>
        <translation>«&#xa0;{name}&#xa0;» n’a pas de nom de famille</translation>
    </message>
    <message>
        <source>« {name} » has too many commas for « Family, Given »</source>
        <translation>«&#xa0;{name}&#xa0;» a trop de virgules pour «&#xa0;Nom, Prénom&#xa0;»</translation>
    </message>
    <message>
        <source>must be text or a number</source>
        <translation>doit être un texte ou un nombre</translation>
    </message>
    <message>
        <source>not a bibliography: no BibTeX entry (@article{{…), no RIS entry (a line « TY  - … ») and no CSL-JSON array or object</source>
        <translation>ce n’est pas une bibliographie&#xa0;: ni entrée BibTeX (@article{{…), ni entrée RIS (une ligne «&#xa0;TY  - …&#xa0;»), ni tableau ou objet CSL-JSON</translation>
    </message>
    <message>
        <source>the file holds binary data, not BibTeX, RIS or CSL-JSON text</source>
        <translation>le fichier contient des données binaires, pas du texte BibTeX, RIS ou CSL-JSON</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>le fichier est vide</translation>
    </message>
    <message>
        <source>« {name} » is not a format Séminaire reads: {choices}</source>
        <translation>«&#xa0;{name}&#xa0;» n’est pas un format que Séminaire sait lire&#xa0;: {choices}</translation>
    </message>
    <message>
        <source>a name cannot be empty</source>
        <translation>un nom ne peut pas être vide</translation>
    </message>
    <message>
        <source>« {path} » is not a file that exists</source>
        <translation>«&#xa0;{path}&#xa0;» n’est pas un fichier existant</translation>
    </message>
    <message>
        <source>« {path} » is not a collection path like A/B</source>
        <translation>«&#xa0;{path}&#xa0;» n’est pas un chemin de collection comme A/B</translation>
    </message>
    <message>
        <source>an edition cannot end before it starts</source>
        <translation>une édition ne peut pas finir avant de commencer</translation>
    </message>
    <message>
        <source>an edition needs a title</source>
        <translation>une édition doit avoir un titre</translation>
    </message>
    <message>
        <source>is not a field of an edition</source>
        <translation>n’est pas un champ d’une édition</translation>
    </message>
    <message>
        <source>there is already an edition {year}</source>
        <translation>il existe déjà une édition {year}</translation>
    </message>
    <message>
        <source>{year} is not a plausible year for an edition</source>
        <translation>{year} n’est pas une année plausible pour une édition</translation>
    </message>
    <message>
        <source>1 bad entry: nothing imported (strict)</source>
        <translation>1 entrée incorrecte&#xa0;: rien n’a été importé (mode strict)</translation>
    </message>
    <message>
        <source>{count} bad entries: nothing imported (strict)</source>
        <translation>{count} entrées incorrectes&#xa0;: rien n’a été importé (mode strict)</translation>
    </message>
    <message>
        <source>« {name} » is larger than {limit} MB</source>
        <translation>«&#xa0;{name}&#xa0;» dépasse {limit} Mo</translation>
    </message>
    <message>
        <source>« {name} » is {size:,.0f} MB; Séminaire imports files up to {limit} MB: split it into smaller files</source>
        <translation>«&#xa0;{name}&#xa0;» fait {size:.0f} Mo&#x202f;; Séminaire importe des fichiers de {limit} Mo au plus&#xa0;: découpez-le en fichiers plus petits</translation>
    </message>
    <message>
        <source>« {name} » looks like a binary file, not a BibTeX, RIS or CSL-JSON text</source>
        <translation>«&#xa0;{name}&#xa0;» semble être un fichier binaire, pas un texte BibTeX, RIS ou CSL-JSON</translation>
    </message>
    <message>
        <source>« {path} » does not exist</source>
        <translation>«&#xa0;{path}&#xa0;» n’existe pas</translation>
    </message>
    <message>
        <source>« {path} » is a folder; name a file in it</source>
        <translation>«&#xa0;{path}&#xa0;» est un dossier&#x202f;; indiquez un fichier qu’il contient</translation>
    </message>
    <message>
        <source>« {path} » is not a regular file</source>
        <translation>«&#xa0;{path}&#xa0;» n’est pas un fichier ordinaire</translation>
    </message>
    <message>
        <source>« {text} » is not a workshop like 2017/3</source>
        <translation>«&#xa0;{text}&#xa0;» n’est pas un atelier comme 2017/3</translation>
    </message>
    <message>
        <source>a reference cannot be merged into itself</source>
        <translation>une référence ne peut pas être fusionnée avec elle-même</translation>
    </message>
    <message>
        <source>give one set of choices per group, or none</source>
        <translation>donnez un jeu de choix par groupe, ou aucun</translation>
    </message>
    <message>
        <source>is not a value that can be chosen in a merge</source>
        <translation>n’est pas une valeur à choisir lors d’une fusion</translation>
    </message>
    <message>
        <source>name at least one reference to merge into the master</source>
        <translation>indiquez au moins une référence à fusionner dans la référence principale</translation>
    </message>
    <message>
        <source>reference {reference} is in two groups</source>
        <translation>la référence {reference} est dans deux groupes</translation>
    </message>
    <message>
        <source>reference {reference} is not among those merged</source>
        <translation>la référence {reference} ne fait pas partie de celles fusionnées</translation>
    </message>
    <message>
        <source>the library changed since the merge (« {clash} »); the merge cannot be undone</source>
        <translation>la bibliothèque a changé depuis la fusion («&#xa0;{clash}&#xa0;»)&#x202f;; la fusion ne peut plus être annulée</translation>
    </message>
    <message>
        <source>a note needs a title or some text</source>
        <translation>une note doit avoir un titre ou du texte</translation>
    </message>
    <message>
        <source>« {value} » is not internal or participants</source>
        <translation>«&#xa0;{value}&#xa0;» n’est ni internal ni participants</translation>
    </message>
    <message>
        <source>no column holds the family names (« Nom »); say which one does</source>
        <translation>aucune colonne ne contient les noms de famille («&#xa0;Nom&#xa0;»)&#x202f;; indiquez laquelle</translation>
    </message>
    <message>
        <source>the file has no column « {title} »</source>
        <translation>le fichier n’a pas de colonne «&#xa0;{title}&#xa0;»</translation>
    </message>
    <message>
        <source>« {name} » has no column titles</source>
        <translation>«&#xa0;{name}&#xa0;» n’a pas de titres de colonnes</translation>
    </message>
    <message>
        <source>« {name} » is empty</source>
        <translation>«&#xa0;{name}&#xa0;» est vide</translation>
    </message>
    <message>
        <source>« {name} » is neither UTF-8 nor Windows-1252 text</source>
        <translation>«&#xa0;{name}&#xa0;» n’est un texte ni UTF-8 ni Windows-1252</translation>
    </message>
    <message>
        <source>« {name} » is not a text file; save it from Excel as « CSV (separator: semicolon) »</source>
        <translation>«&#xa0;{name}&#xa0;» n’est pas un fichier texte&#x202f;; enregistrez-le depuis Excel au format «&#xa0;CSV (séparateur&#xa0;: point-virgule)&#xa0;»</translation>
    </message>
    <message>
        <source>« {value} » is not one of {choices}</source>
        <translation>«&#xa0;{value}&#xa0;» n’est pas l’une des valeurs possibles&#xa0;: {choices}</translation>
    </message>
    <message>
        <source>a participant needs a family name</source>
        <translation>un participant doit avoir un nom de famille</translation>
    </message>
    <message>
        <source>is not a field of a participant</source>
        <translation>n’est pas un champ d’un participant</translation>
    </message>
    <message>
        <source>workshop {year}/{number} is full ({capacity} places)</source>
        <translation>l’atelier {year}/{number} est complet ({capacity} places)</translation>
    </message>
    <message>
        <source>« {email} » already belongs to a participant</source>
        <translation>«&#xa0;{email}&#xa0;» appartient déjà à un participant</translation>
    </message>
    <message>
        <source>« {email} » already belongs to someone</source>
        <translation>«&#xa0;{email}&#xa0;» appartient déjà à quelqu’un</translation>
    </message>
    <message>
        <source>« {email} » is not an e-mail address</source>
        <translation>«&#xa0;{email}&#xa0;» n’est pas une adresse de courriel</translation>
    </message>
    <message>
        <source>a programme item needs a title or a workshop</source>
        <translation>un élément du programme doit avoir un titre ou un atelier</translation>
    </message>
    <message>
        <source>an item must end after it starts</source>
        <translation>un élément doit finir après avoir commencé</translation>
    </message>
    <message>
        <source>a reference needs a title</source>
        <translation>une référence doit avoir un titre</translation>
    </message>
    <message>
        <source>each creator needs a family name or a name</source>
        <translation>chaque créateur doit avoir un nom de famille ou un nom</translation>
    </message>
    <message>
        <source>is not a CSL variable; use a custom field</source>
        <translation>n’est pas une variable CSL&#x202f;; utilisez un champ personnalisé</translation>
    </message>
    <message>
        <source>offset and limit cannot be negative</source>
        <translation>le décalage et la limite ne peuvent pas être négatifs</translation>
    </message>
    <message>
        <source>« {key} » is already used</source>
        <translation>«&#xa0;{key}&#xa0;» est déjà utilisée</translation>
    </message>
    <message>
        <source>« {role} » is not a creator role</source>
        <translation>«&#xa0;{role}&#xa0;» n’est pas un rôle de créateur</translation>
    </message>
    <message>
        <source>« {value} » is not a URL (it needs https:// or similar)</source>
        <translation>«&#xa0;{value}&#xa0;» n’est pas une URL (il faut https:// ou équivalent)</translation>
    </message>
    <message>
        <source>« {value} » is not a reference type</source>
        <translation>«&#xa0;{value}&#xa0;» n’est pas un type de référence</translation>
    </message>
    <message>
        <source>« {value} » is not a sort key</source>
        <translation>«&#xa0;{value}&#xa0;» n’est pas un critère de tri</translation>
    </message>
    <message>
        <source>« {value} » is not an ISBN</source>
        <translation>«&#xa0;{value}&#xa0;» n’est pas un ISBN</translation>
    </message>
    <message>
        <source>item {item} exists again</source>
        <translation>l’élément {item} existe de nouveau</translation>
    </message>
    <message>
        <source>participant {participant} exists again</source>
        <translation>le participant {participant} existe de nouveau</translation>
    </message>
    <message>
        <source>there is an edition {year} again: cannot restore the deleted one</source>
        <translation>il existe de nouveau une édition {year}&#xa0;: impossible de rétablir celle qui a été supprimée</translation>
    </message>
    <message>
        <source>workshop {year}/{number} exists again: cannot restore the deleted one</source>
        <translation>l’atelier {year}/{number} existe de nouveau&#xa0;: impossible de rétablir celui qui a été supprimé</translation>
    </message>
    <message>
        <source>« {email} » belongs to someone else now: cannot restore the deleted participant</source>
        <translation>«&#xa0;{email}&#xa0;» appartient maintenant à quelqu’un d’autre&#xa0;: impossible de rétablir le participant supprimé</translation>
    </message>
    <message>
        <source>« {key} » is in use again: cannot restore</source>
        <translation>«&#xa0;{key}&#xa0;» est de nouveau utilisée&#xa0;: impossible de rétablir la référence</translation>
    </message>
    <message>
        <source>a tag cannot be empty</source>
        <translation>une thématique ne peut pas être vide</translation>
    </message>
    <message>
        <source>« {tag} » already exists</source>
        <translation>«&#xa0;{tag}&#xa0;» existe déjà</translation>
    </message>
    <message>
        <source>« {tag} »: a tag cannot hold a comma or a semicolon</source>
        <translation>«&#xa0;{tag}&#xa0;»&#xa0;: une thématique ne peut contenir ni virgule ni point-virgule</translation>
    </message>
    <message>
        <source>a capacity cannot be negative</source>
        <translation>une capacité ne peut pas être négative</translation>
    </message>
    <message>
        <source>a workshop needs a title</source>
        <translation>un atelier doit avoir un titre</translation>
    </message>
    <message>
        <source>is not a field of a workshop</source>
        <translation>n’est pas un champ d’un atelier</translation>
    </message>
    <message>
        <source>workshop {year}/{number} already exists</source>
        <translation>l’atelier {year}/{number} existe déjà</translation>
    </message>
    <message>
        <source>workshops are numbered from 1</source>
        <translation>les ateliers sont numérotés à partir de 1</translation>
    </message>
    <message>
        <source>« {key} » is already on this reading list</source>
        <translation>«&#xa0;{key}&#xa0;» figure déjà dans cette liste de lecture</translation>
    </message>
    <message>
        <source>« {value} » is not required, background or produced</source>
        <translation>«&#xa0;{value}&#xa0;» n’est ni required, ni background, ni produced</translation>
    </message>
    <message>
        <source>is already registered to this edition</source>
        <translation>est déjà inscrit à cette édition</translation>
    </message>
</context>
<context>
    <name>CreatorRole</name>
    <message>
        <source>Author</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <source>Editor</source>
        <translation>Éditeur scientifique</translation>
    </message>
    <message>
        <source>Translator</source>
        <translation>Traducteur</translation>
    </message>
    <message>
        <source>Contributor</source>
        <translation>Contributeur</translation>
    </message>
    <message>
        <source>Presenter</source>
        <translation>Intervenant</translation>
    </message>
    <message>
        <source>Organiser</source>
        <translation>Organisateur</translation>
    </message>
    <message>
        <source>Book author</source>
        <translation>Auteur de l’ouvrage</translation>
    </message>
    <message>
        <source>Series editor</source>
        <translation>Directeur de collection</translation>
    </message>
    <message>
        <source>Interviewer</source>
        <translation>Intervieweur</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Destinataire</translation>
    </message>
</context>
<context>
    <name>CreatorsEditor</name>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Given names</source>
        <translation>Prénoms</translation>
    </message>
    <message>
        <source>Add a creator</source>
        <translation>Ajouter un créateur</translation>
    </message>
    <message>
        <source>Remove the creator</source>
        <translation>Retirer ce créateur</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Monter</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Descendre</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Personne</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>Institution</translation>
    </message>
</context>
<context>
    <name>DesktopApp</name>
    <message>
        <source>Opening the library…</source>
        <translation>Ouverture de la bibliothèque…</translation>
    </message>
    <message>
        <source>Creating the 2017 demo…</source>
        <translation>Création de la démo 2017…</translation>
    </message>
    <message>
        <source>Séminaire</source>
        <translation>Séminaire</translation>
    </message>
    <message>
        <source>Open a library</source>
        <translation>Ouvrir une bibliothèque</translation>
    </message>
    <message>
        <source>Folder for the new library</source>
        <translation>Dossier de la nouvelle bibliothèque</translation>
    </message>
</context>
<context>
    <name>DossierBuild</name>
    <message>
        <source>Gathering the content…</source>
        <translation>Rassemblement du contenu…</translation>
    </message>
    <message>
        <source>Formatting the references…</source>
        <translation>Mise en forme des références…</translation>
    </message>
    <message>
        <source>Reading the attached files…</source>
        <translation>Lecture des pièces jointes…</translation>
    </message>
    <message>
        <source>Laying out the pages…</source>
        <translation>Mise en page…</translation>
    </message>
    <message>
        <source>Appending the attached PDFs…</source>
        <translation>Ajout des PDF joints…</translation>
    </message>
    <message>
        <source>Personalising the copies…</source>
        <translation>Personnalisation des exemplaires…</translation>
    </message>
    <message>
        <source>Putting all the copies in one PDF…</source>
        <translation>Réunion de tous les exemplaires en un PDF…</translation>
    </message>
</context>
<context>
    <name>DossierDialog</name>
    <message>
        <source>Dossiers and printing</source>
        <translation>Dossiers et impression</translation>
    </message>
    <message>
        <source>Build the document and show it here (Enter)</source>
        <translation>Construire le document et l’afficher ici (Entrée)</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>&amp;Enregistrer en PDF…</translation>
    </message>
    <message>
        <source>Cancelled: nothing was written.</source>
        <translation>Annulé&#xa0;: rien n’a été écrit.</translation>
    </message>
    <message>
        <source>Building the preview…</source>
        <translation>Construction de l’aperçu…</translation>
    </message>
    <message numerus="yes">
        <source>Preview: %n page(s).</source>
        <translation>
            <numerusform>Aperçu&#xa0;: %n page.</numerusform>
            <numerusform>Aperçu&#xa0;: %n pages.</numerusform>
        </translation>
    </message>
    <message>
        <source>{document} — everyone</source>
        <translation>{document} — tous les participants</translation>
    </message>
    <message>
        <source>Writing one copy per participant…</source>
        <translation>Écriture d’un exemplaire par participant…</translation>
    </message>
    <message numerus="yes">
        <source>%n copy(ies) written to {folder}.</source>
        <translation>
            <numerusform>%n exemplaire écrit dans {folder}.</numerusform>
            <numerusform>%n exemplaires écrits dans {folder}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Building “{file}”…</source>
        <translation>Construction de «&#xa0;{file}&#xa0;»…</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimer…</translation>
    </message>
    <message>
        <source>All of them in one PDF: {file}.</source>
        <translation>Tous réunis en un PDF&#xa0;: {file}.</translation>
    </message>
    <message>
        <source>Saved: {file}.</source>
        <translation>Enregistré&#xa0;: {file}.</translation>
    </message>
    <message>
        <source>Save the dossier as PDF</source>
        <translation>Enregistrer le dossier en PDF</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf);;All files (*)</source>
        <translation>Documents PDF (*.pdf);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Folder for the participants&apos; packs</source>
        <translation>Répertoire des dossiers des participants</translation>
    </message>
</context>
<context>
    <name>DossierOptions</name>
    <message>
        <source>Participant pack</source>
        <translation>Dossier du participant</translation>
    </message>
    <message>
        <source>Workshop dossier</source>
        <translation>Dossier d’atelier</translation>
    </message>
    <message>
        <source>Bibliography</source>
        <translation>Bibliographie</translation>
    </message>
    <message>
        <source>Name badges</source>
        <translation>Badges nominatifs</translation>
    </message>
    <message>
        <source>Co&amp;ver page</source>
        <translation>Page de cou&amp;verture</translation>
    </message>
    <message>
        <source>Table of co&amp;ntents</source>
        <translation>Ta&amp;ble des matières</translation>
    </message>
    <message>
        <source>&amp;Introduction (the edition&apos;s notes)</source>
        <translation>Présent&amp;ation de l’édition</translation>
    </message>
    <message>
        <source>Progr&amp;amme</source>
        <translation>Pr&amp;ogramme</translation>
    </message>
    <message>
        <source>Wor&amp;kshops and reading lists</source>
        <translation>Ateliers et li&amp;stes de lecture</translation>
    </message>
    <message>
        <source>Full &amp;bibliography</source>
        <translation>Bibliograp&amp;hie complète</translation>
    </message>
    <message>
        <source>List of pa&amp;rticipants</source>
        <translation>Liste des parti&amp;cipants</translation>
    </message>
    <message>
        <source>Attached doc&amp;uments</source>
        <translation>Documents &amp;joints</translation>
    </message>
    <message>
        <source>One list</source>
        <translation>Une seule liste</translation>
    </message>
    <message>
        <source>By role in the reading list</source>
        <translation>Par rôle dans la liste de lecture</translation>
    </message>
    <message>
        <source>By type of document</source>
        <translation>Par type de document</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>US Letter</source>
        <translation>Lettre US</translation>
    </message>
    <message>
        <source>The edition&apos;s reading lists</source>
        <translation>Les listes de lecture de l’édition</translation>
    </message>
    <message>
        <source>The workshop&apos;s reading list</source>
        <translation>La liste de lecture de l’atelier</translation>
    </message>
    <message>
        <source>The references with the tag</source>
        <translation>Les références de la thématique</translation>
    </message>
    <message>
        <source>The references of the collection</source>
        <translation>Les références de la collection</translation>
    </message>
    <message>
        <source>The references selected in the table</source>
        <translation>Les références sélectionnées dans la table</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Edition</source>
        <translation>Édition</translation>
    </message>
    <message>
        <source>Workshop</source>
        <translation>Atelier</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>Participant</translation>
    </message>
    <message>
        <source>One personal copy per participant, in a fol&amp;der</source>
        <translation>&amp;Un exemplaire nominatif par participant, dans un répertoire</translation>
    </message>
    <message>
        <source>A copy with their name on the cover for each registered participant (each participant of the workshop, for a workshop dossier), one file each, in the folder you choose when saving.</source>
        <translation>Un exemplaire à son nom en couverture pour chaque participant inscrit (chaque participant de l’atelier, pour un dossier d’atelier), un fichier chacun, dans le répertoire choisi à l’enregistrement.</translation>
    </message>
    <message>
        <source>All the personal copies in &amp;one PDF, ready to print</source>
        <translation>Tous les exemplaires nominatifs e&amp;n un seul PDF, prêt à imprimer</translation>
    </message>
    <message>
        <source>The same copies one after the other in a single file, each starting on an odd page for double-sided printing, with a bookmark for each participant.</source>
        <translation>Les mêmes exemplaires à la suite dans un seul fichier, chacun commençant sur une page impaire pour l’impression recto verso, avec un signet par participant.</translation>
    </message>
    <message>
        <source>References</source>
        <translation>Références</translation>
    </message>
    <message>
        <source>Tag or collection</source>
        <translation>Thématique ou collection</translation>
    </message>
    <message>
        <source>Citation style</source>
        <translation>Style de citation</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Page size</source>
        <translation>Format de page</translation>
    </message>
    <message>
        <source>Grouping</source>
        <translation>Regroupement</translation>
    </message>
    <message>
        <source>With e-&amp;mail addresses</source>
        <translation>Avec les adresses électroni&amp;ques</translation>
    </message>
    <message>
        <source>Append the attac&amp;hed PDFs</source>
        <translation>Ajouter les P&amp;DF joints</translation>
    </message>
    <message>
        <source>Attached PDFs are added after the dossier, each with a bookmark; other files are only listed.</source>
        <translation>Les PDF joints sont ajoutés à la fin du dossier, chacun avec un signet&#xa0;; les autres fichiers sont seulement mentionnés.</translation>
    </message>
    <message>
        <source>&amp;Template:</source>
        <translation>&amp;Modèle&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Edition:</source>
        <translation>&amp;Édition&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Workshop:</source>
        <translation>A&amp;telier&#xa0;:</translation>
    </message>
    <message>
        <source>Re&amp;ferences:</source>
        <translation>Ré&amp;férences&#xa0;:</translation>
    </message>
    <message>
        <source>Parti&amp;cipant:</source>
        <translation>Partici&amp;pant&#xa0;:</translation>
    </message>
    <message>
        <source>Citation st&amp;yle:</source>
        <translation>St&amp;yle de citation&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Langue&#xa0;:</translation>
    </message>
    <message>
        <source>Page si&amp;ze:</source>
        <translation>Format de pa&amp;ge&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Grouping:</source>
        <translation>Reg&amp;roupement&#xa0;:</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Presentation</source>
        <translation>Présentation</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Contenu</translation>
    </message>
    <message numerus="yes">
        <source>The references selected in the table (%n)</source>
        <translation>
            <numerusform>La référence sélectionnée dans la table (%n)</numerusform>
            <numerusform>Les références sélectionnées dans la table (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Workshop {n} — {title}</source>
        <translation>Atelier {n} — {title}</translation>
    </message>
    <message>
        <source>Nobody in particular</source>
        <translation>Personne en particulier</translation>
    </message>
    <message>
        <source>{name} ({organisation})</source>
        <translation>{name} ({organisation})</translation>
    </message>
    <message>
        <source>A workshop dossier prints the workshop&apos;s reading list in its chapter, not a second time as a bibliography. Untick the workshops and reading lists to print the reading list as a bibliography instead.</source>
        <translation>Un dossier d’atelier imprime la liste de lecture de l’atelier dans son chapitre, pas une seconde fois comme bibliographie. Décochez les ateliers et listes de lecture pour l’imprimer plutôt comme bibliographie.</translation>
    </message>
    <message>
        <source>Badges {year}</source>
        <translation>Badges {year}</translation>
    </message>
    <message>
        <source>selection</source>
        <translation>sélection</translation>
    </message>
    <message>
        <source>Bibliography — {what}</source>
        <translation>Bibliographie — {what}</translation>
    </message>
    <message>
        <source>Participant pack {year} — {name}</source>
        <translation>Dossier du participant {year} — {name}</translation>
    </message>
    <message>
        <source>Participant pack {year}</source>
        <translation>Dossier du participant {year}</translation>
    </message>
    <message>
        <source>Create an edition first (Seminar → New edition…).</source>
        <translation>Créez d’abord une édition (Séminaire → Nouvelle édition…).</translation>
    </message>
    <message>
        <source>This edition has no workshop yet.</source>
        <translation>Cette édition n’a pas encore d’atelier.</translation>
    </message>
    <message>
        <source>The library has no tag yet.</source>
        <translation>La bibliothèque n’a pas encore de thématique.</translation>
    </message>
    <message>
        <source>The library has no collection yet.</source>
        <translation>La bibliothèque n’a pas encore de collection.</translation>
    </message>
    <message>
        <source>This collection holds no reference.</source>
        <translation>Cette collection ne contient aucune référence.</translation>
    </message>
    <message>
        <source>Tick at least one part of the document under “Contents”.</source>
        <translation>Cochez au moins une partie du document sous «&#xa0;Contenu&#xa0;».</translation>
    </message>
    <message>
        <source>Nobody takes part in this workshop yet.</source>
        <translation>Personne ne participe encore à cet atelier.</translation>
    </message>
    <message>
        <source>Nobody is registered to this edition yet.</source>
        <translation>Personne n’est encore inscrit à cette édition.</translation>
    </message>
</context>
<context>
    <name>DossierPreview</name>
    <message>
        <source>Pages of the dossier</source>
        <translation>Pages du dossier</translation>
    </message>
    <message>
        <source>Choose what to build on the left, then press “Preview” (Enter): the document appears here, page by page.</source>
        <translation>Choisissez à gauche le document à construire, puis «&#xa0;Aperçu&#xa0;» (Entrée)&#xa0;: il s’affiche ici, page par page.</translation>
    </message>
    <message>
        <source>The options have changed: this preview is out of date. Press “Preview” to update it.</source>
        <translation>Les options ont changé&#xa0;: cet aperçu n’est plus à jour. Cliquez sur «&#xa0;Aperçu&#xa0;» pour le mettre à jour.</translation>
    </message>
    <message>
        <source>The preview could not be read.</source>
        <translation>L’aperçu n’a pas pu être lu.</translation>
    </message>
</context>
<context>
    <name>DossierPrintFlow</name>
    <message>
        <source>{name} (printed)</source>
        <translation>{name} (imprimé)</translation>
    </message>
    <message>
        <source>Print “{name}”</source>
        <translation>Imprimer «&#xa0;{name}&#xa0;»</translation>
    </message>
    <message>
        <source>Page {done} of {total}</source>
        <translation>Page {done} sur {total}</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>Impression…</translation>
    </message>
    <message>
        <source>Printing cancelled.</source>
        <translation>Impression annulée.</translation>
    </message>
    <message>
        <source>The document to print could not be read. Press “Preview” to build it again, then print.</source>
        <translation>Le document à imprimer n’a pas pu être lu. Appuyez sur «&#xa0;Aperçu&#xa0;» pour le reconstruire, puis imprimez.</translation>
    </message>
    <message>
        <source>The file “{file}” could not be written. Check that its folder exists and that you may write to it.</source>
        <translation>Le fichier «&#xa0;{file}&#xa0;» n’a pas pu être écrit. Vérifiez que son dossier existe et que vous avez le droit d’y écrire.</translation>
    </message>
    <message>
        <source>The printer could not be opened. Check that it is connected and try again.</source>
        <translation>L’imprimante n’a pas pu être ouverte. Vérifiez qu’elle est branchée, puis réessayez.</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Impression</translation>
    </message>
</context>
<context>
    <name>DossierProblems</name>
    <message>
        <source>the file cannot be found (moved or deleted?): it is listed in the dossier, not added</source>
        <extracomment>Pages are drawn at most at this resolution: sharp text on paper, and an A4 page stays near 35 MB of pixels while it is drawn.</extracomment>
        <translation>le fichier est introuvable (déplacé ou supprimé&#xa0;?)&#xa0;: il est mentionné dans le dossier, mais pas ajouté</translation>
    </message>
    <message>
        <source>the PDF is protected by a password: it is listed in the dossier, not added</source>
        <translation>le PDF est protégé par un mot de passe&#xa0;: il est mentionné dans le dossier, mais pas ajouté</translation>
    </message>
    <message>
        <source>the file is damaged or is not a readable PDF: it is listed in the dossier, not added</source>
        <translation>le fichier est endommagé ou n’est pas un PDF lisible&#xa0;: il est mentionné dans le dossier, mais pas ajouté</translation>
    </message>
    <message>
        <source>not a PDF: it is listed in the dossier</source>
        <translation>ce n’est pas un PDF&#xa0;: il est mentionné dans le dossier</translation>
    </message>
    <message>
        <source>“{file}” ({owner}): {reason}.</source>
        <translation>«&#xa0;{file}&#xa0;» ({owner})&#xa0;: {reason}.</translation>
    </message>
    <message>
        <source>“{file}”: {reason}.</source>
        <translation>«&#xa0;{file}&#xa0;»&#xa0;: {reason}.</translation>
    </message>
</context>
<context>
    <name>DossierStatus</name>
    <message numerus="yes">
        <source>%n attached file(s) could not be added to the dossier:</source>
        <translation>
            <numerusform>%n pièce jointe n’a pas pu être ajoutée au dossier&#xa0;:</numerusform>
            <numerusform>%n pièces jointes n’ont pas pu être ajoutées au dossier&#xa0;:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n attached file(s) listed but not added:</source>
        <translation>
            <numerusform>%n pièce jointe mentionnée mais non ajoutée&#xa0;:</numerusform>
            <numerusform>%n pièces jointes mentionnées mais non ajoutées&#xa0;:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Duplicates</name>
    <message>
        <source>same DOI</source>
        <translation>même DOI</translation>
    </message>
    <message>
        <source>same ISBN</source>
        <translation>même ISBN</translation>
    </message>
    <message>
        <source>same title</source>
        <translation>même titre</translation>
    </message>
    <message>
        <source>similar title</source>
        <translation>titre proche</translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <source>Probable duplicates</source>
        <translation>Doublons probables</translation>
    </message>
    <message>
        <source>Groups of probable duplicates</source>
        <translation>Groupes de doublons probables</translation>
    </message>
    <message>
        <source>&amp;Merge this group</source>
        <translation>&amp;Fusionner ce groupe</translation>
    </message>
    <message>
        <source>&amp;Not duplicates</source>
        <translation>Ce &amp;ne sont pas des doublons</translation>
    </message>
    <message>
        <source>Leave this group out of this review</source>
        <translation>Écarter ce groupe pour cette vérification</translation>
    </message>
    <message>
        <source>No probable duplicates left.</source>
        <translation>Plus aucun doublon probable.</translation>
    </message>
    <message>
        <source>The master keeps its id and citation key; the tags, collections, notes, files and reading lists of all the references move to it. Each merge can be undone (Edit → Undo).</source>
        <translation>La référence principale garde son identifiant et sa clé de citation&#x202f;; les thématiques, collections, notes, fichiers et listes de lectures de toutes les références lui sont rattachés. Chaque fusion peut être annulée (Édition → Annuler).</translation>
    </message>
    <message numerus="yes">
        <source>{reference}
%n references — {reason}</source>
        <translation>
            <numerusform>{reference}
%n référence — {reason}</numerusform>
            <numerusform>{reference}
%n références — {reason}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Merge &amp;all %n group(s)</source>
        <translation>
            <numerusform>&amp;Tout fusionner (%n groupe)</numerusform>
            <numerusform>&amp;Tout fusionner (%n groupes)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n references, {reason}. Choose the master and, where they differ, the values to keep.</source>
        <translation>
            <numerusform>%n référence, {reason}. Choisissez la référence principale et, là où elles diffèrent, les valeurs à garder.</numerusform>
            <numerusform>%n références, {reason}. Choisissez la référence principale et, là où elles diffèrent, les valeurs à garder.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Merging %n group(s)…</source>
        <translation>
            <numerusform>Fusion de %n groupe…</numerusform>
            <numerusform>Fusion de %n groupes…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DuplicatesFlow</name>
    <message>
        <source>Looking for probable duplicates…</source>
        <translation>Recherche des doublons probables…</translation>
    </message>
    <message>
        <source>Probable duplicates</source>
        <translation>Doublons probables</translation>
    </message>
    <message>
        <source>No probable duplicates in the library.</source>
        <translation>Aucun doublon probable dans la bibliothèque.</translation>
    </message>
</context>
<context>
    <name>EditionForm</name>
    <message>
        <source>No date</source>
        <translation>Sans date</translation>
    </message>
    <message>
        <source>One organiser per line</source>
        <translation>Un organisateur par ligne</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Thème</translation>
    </message>
    <message>
        <source>Organisers</source>
        <translation>Organisateurs</translation>
    </message>
    <message>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>T&amp;itre&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Dates:</source>
        <translation>Dat&amp;es&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Venue:</source>
        <translation>&amp;Lieu&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Organisers:</source>
        <translation>&amp;Organisateurs&#xa0;:</translation>
    </message>
    <message>
        <source>T&amp;heme:</source>
        <translation>T&amp;hème&#xa0;:</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Start date</source>
        <translation>Date de début</translation>
    </message>
    <message>
        <source>End date</source>
        <translation>Date de fin</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>Lieu</translation>
    </message>
</context>
<context>
    <name>EditionPage</name>
    <message>
        <source>&amp;Prepare the next edition…</source>
        <translation>&amp;Préparer l’édition suivante…</translation>
    </message>
    <message>
        <source>&amp;Add workshop…</source>
        <translation>&amp;Ajouter un atelier…</translation>
    </message>
    <message>
        <source>De&amp;lete workshop…</source>
        <translation>Supp&amp;rimer l’atelier…</translation>
    </message>
    <message>
        <source>This edition no longer exists.</source>
        <translation>Cette édition n’existe plus.</translation>
    </message>
    <message>
        <source>Workshops</source>
        <translation>Ateliers</translation>
    </message>
    <message>
        <source>Double-click a workshop, or press Enter, to open it.</source>
        <translation>Double-cliquez sur un atelier, ou appuyez sur Entrée, pour l’ouvrir.</translation>
    </message>
    <message>
        <source>&amp;Workshops</source>
        <translation>A&amp;teliers</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Notes</translation>
    </message>
    <message>
        <source>F&amp;iles</source>
        <translation>Fic&amp;hiers</translation>
    </message>
    <message>
        <source>Edition {year} — {title}</source>
        <translation>Édition {year} — {title}</translation>
    </message>
    <message>
        <source>Delete workshop</source>
        <translation>Supprimer l’atelier</translation>
    </message>
    <message>
        <source>Delete workshop {n} “{title}”?</source>
        <translation>Supprimer l’atelier {n} «&#xa0;{title}&#xa0;»&#x202f;?</translation>
    </message>
    <message>
        <source>Its reading list ({readings}), notes ({notes}) and files ({files}) go with it, and {assigned} participant(s) lose this workshop.</source>
        <translation>Sa liste de lectures ({readings}), ses notes ({notes}) et ses fichiers ({files}) disparaissent avec lui&#x202f;; participants qui perdent cet atelier&#xa0;: {assigned}.</translation>
    </message>
    <message>
        <source>You can undo this with Edit ▸ Undo.</source>
        <translation>Vous pourrez annuler avec Édition ▸ Annuler.</translation>
    </message>
    <message>
        <source>Prepare the next edition</source>
        <translation>Préparer l’édition suivante</translation>
    </message>
    <message>
        <source>There is already an edition {year}. Choose another year.</source>
        <translation>Il existe déjà une édition {year}. Choisissez une autre année.</translation>
    </message>
    <message>
        <source>Preparing edition {year}…</source>
        <translation>Préparation de l’édition {year}…</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>This {kind} no longer exists (“{key}”). It may have been deleted; the view has been refreshed.</source>
        <translation>Élément introuvable&#xa0;: {kind} «&#xa0;{key}&#xa0;». Il a peut-être été supprimé&#x202f;; l’affichage a été actualisé.</translation>
    </message>
    <message>
        <source>{field}: {message}</source>
        <translation>{field}&#xa0;: {message}</translation>
    </message>
    <message>
        <source>The library could not be read or written: {detail}
Check that the disk is not full and that the files are accessible, then try again.</source>
        <translation>Impossible de lire ou d’écrire la bibliothèque&#xa0;: {detail}
Vérifiez que le disque n’est pas plein et que les fichiers sont accessibles, puis réessayez.</translation>
    </message>
    <message>
        <source>Unexpected error: {detail}</source>
        <translation>Erreur inattendue&#xa0;: {detail}</translation>
    </message>
    <message>
        <source>Séminaire</source>
        <translation>Séminaire</translation>
    </message>
    <message>
        <source>Something went wrong: {detail}

Your library is safe: the last completed action was saved. The details are in the log file:
{path}</source>
        <translation>Une erreur s’est produite&#xa0;: {detail}

Votre bibliothèque est intacte&#xa0;: la dernière action terminée a été enregistrée. Le détail figure dans le journal&#xa0;:
{path}</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export references</source>
        <extracomment>Format id, name shown, file extension, file dialog filter.</extracomment>
        <translation>Exporter des références</translation>
    </message>
    <message numerus="yes">
        <source>The selected references (%n)</source>
        <translation>
            <numerusform>La sélection (%n)</numerusform>
            <numerusform>La sélection (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The references shown in the table (%n)</source>
        <translation>
            <numerusform>Le contenu du tableau (%n)</numerusform>
            <numerusform>Le contenu du tableau (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The whole library (%n)</source>
        <translation>
            <numerusform>Toute la bibliothèque (%n)</numerusform>
            <numerusform>Toute la bibliothèque (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a file…</source>
        <translation>Choisir un fichier…</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>&amp;Choisir…</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format&#xa0;:</translation>
    </message>
    <message>
        <source>References:</source>
        <translation>Références&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>Fic&amp;hier&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exporter</translation>
    </message>
    <message>
        <source>{pattern};;All files (*)</source>
        <translation>{pattern};;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Export en cours…</translation>
    </message>
    <message numerus="yes">
        <source>%n reference(s) exported to {file}</source>
        <translation>
            <numerusform>%n référence exportée dans {file}</numerusform>
            <numerusform>%n références exportées dans {file}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Field</name>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Creators</source>
        <translation>Créateurs</translation>
    </message>
    <message>
        <source>Citation key</source>
        <translation>Clé de citation</translation>
    </message>
    <message>
        <source>Published in</source>
        <translation>Publié dans</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>Collection</translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation>Éditeur</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Lieu d’édition</translation>
    </message>
    <message>
        <source>Edition</source>
        <translation>Édition</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Volume</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>Number of pages</source>
        <translation>Nombre de pages</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Genre</translation>
    </message>
    <message>
        <source>DOI</source>
        <translation>DOI</translation>
    </message>
    <message>
        <source>ISBN</source>
        <translation>ISBN</translation>
    </message>
    <message>
        <source>ISSN</source>
        <translation>ISSN</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Accessed</source>
        <translation>Consulté le</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Abstract</source>
        <translation>Résumé</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>Event place</source>
        <translation>Lieu de l’événement</translation>
    </message>
    <message>
        <source>Event date</source>
        <translation>Date de l’événement</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Thématique</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Année</translation>
    </message>
    <message>
        <source>End date</source>
        <translation>Date de fin</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Capacité</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Début</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Fin</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Visibility</source>
        <translation>Diffusion</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <source>Choices</source>
        <translation>Choix</translation>
    </message>
    <message>
        <source>Collection</source>
        <translation>Collection</translation>
    </message>
    <message>
        <source>Custom fields</source>
        <translation>Champs personnalisés</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Groupes</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Colonnes</translation>
    </message>
    <message>
        <source>References to merge</source>
        <translation>Références à fusionner</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Destination</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>Participant</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Programme item</source>
        <translation>Élément du programme</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Contenu</translation>
    </message>
    <message>
        <source>References</source>
        <translation>Références</translation>
    </message>
    <message>
        <source>Sort order</source>
        <translation>Ordre de tri</translation>
    </message>
    <message>
        <source>Citation style</source>
        <translation>Style de citation</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annulation</translation>
    </message>
    <message>
        <source>Workshop</source>
        <translation>Atelier</translation>
    </message>
    <message>
        <source>Journal</source>
        <translation>Revue</translation>
    </message>
    <message>
        <source>Newspaper</source>
        <translation>Journal</translation>
    </message>
    <message>
        <source>Magazine</source>
        <translation>Magazine</translation>
    </message>
    <message>
        <source>Book title</source>
        <translation>Titre de l’ouvrage</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Site web</translation>
    </message>
    <message>
        <source>Proceedings</source>
        <translation>Actes</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import “{file}”</source>
        <translation>Importer «&#xa0;{file}&#xa0;»</translation>
    </message>
    <message numerus="yes">
        <source>Entries (%n)</source>
        <translation>
            <numerusform>Entrées (%n)</numerusform>
            <numerusform>Entrées (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Broken entries (%n)</source>
        <translation>
            <numerusform>Entrées défectueuses (%n)</numerusform>
            <numerusform>Entrées défectueuses (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Warnings (%n)</source>
        <translation>
            <numerusform>Avertissements (%n)</numerusform>
            <numerusform>Avertissements (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Separated by commas: Séminaire 2017, Tiers-lieux</source>
        <translation>Séparées par des virgules&#xa0;: Séminaire 2017, Tiers-lieux</translation>
    </message>
    <message>
        <source>None; type a new one to create it</source>
        <translation>Aucune&#x202f;; saisissez un nom pour la créer</translation>
    </message>
    <message>
        <source>&amp;Skip probable duplicates</source>
        <translation>Ignorer les &amp;doublons probables</translation>
    </message>
    <message>
        <source>Import &amp;nothing if any entry is broken</source>
        <translation>Ne &amp;rien importer si une entrée est défectueuse</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>Options</translation>
    </message>
    <message>
        <source>Add &amp;tags:</source>
        <translation>Ajouter des &amp;thématiques&#xa0;:</translation>
    </message>
    <message>
        <source>File in &amp;collection:</source>
        <translation>Classer dans la &amp;collection&#xa0;:</translation>
    </message>
    <message>
        <source>An import is not an undo step: Séminaire makes a backup copy of the library first, in its “backups” folder.</source>
        <translation>Un import ne s’annule pas par Édition ▸ Annuler&#xa0;: Séminaire fait d’abord une copie de sauvegarde de la bibliothèque, dans son dossier «&#xa0;backups&#xa0;».</translation>
    </message>
    <message>
        <source>{format} file. Entries to import: {count}.</source>
        <translation>Fichier {format}. Entrées à importer&#xa0;: {count}.</translation>
    </message>
    <message>
        <source>Probable duplicates: {count} (see the column “Probable duplicate of”).</source>
        <translation>Doublons probables&#xa0;: {count} (voir la colonne «&#xa0;Doublon probable de&#xa0;»).</translation>
    </message>
    <message>
        <source>Broken entries, left out: {count} (see their lines under “Broken entries”).</source>
        <translation>Entrées défectueuses, écartées&#xa0;: {count} (voir leurs lignes sous «&#xa0;Entrées défectueuses&#xa0;»).</translation>
    </message>
    <message>
        <source>Show only the probable &amp;duplicates</source>
        <translation>&amp;N’afficher que les doublons probables</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>Citation key</source>
        <translation>Clé de citation</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Import %n reference(s)</source>
        <translation>
            <numerusform>&amp;Importer %n référence</numerusform>
            <numerusform>&amp;Importer %n références</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing can be imported while entries are broken and “Import nothing if any entry is broken” is ticked.</source>
        <translation>Rien ne peut être importé tant que des entrées sont défectueuses et que «&#xa0;Ne rien importer si une entrée est défectueuse&#xa0;» est coché.</translation>
    </message>
    <message numerus="yes">
        <source>Importing %n reference(s)…</source>
        <translation>
            <numerusform>Import de %n référence…</numerusform>
            <numerusform>Import de %n références…</numerusform>
        </translation>
    </message>
    <message>
        <source>Import cancelled: nothing was imported.</source>
        <translation>Import annulé&#xa0;: rien n’a été importé.</translation>
    </message>
    <message>
        <source>Import a bibliography</source>
        <translation>Importer une bibliographie</translation>
    </message>
    <message>
        <source>Bibliographies (*.bib *.bibtex *.ris *.json *.txt);;All files (*)</source>
        <translation>Bibliographies (*.bib *.bibtex *.ris *.json *.txt);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>References imported: {count}.</source>
        <translation>Références importées&#xa0;: {count}.</translation>
    </message>
    <message>
        <source>Probable duplicates left out: {count}.</source>
        <translation>Doublons probables écartés&#xa0;: {count}.</translation>
    </message>
    <message>
        <source>Imported but probably duplicates: {count}.</source>
        <translation>Importées mais probablement en double&#xa0;: {count}.</translation>
    </message>
    <message>
        <source>Broken entries left out: {count} (lines {lines}).</source>
        <translation>Entrées défectueuses écartées&#xa0;: {count} (lignes {lines}).</translation>
    </message>
    <message>
        <source>Files attached: {count}.</source>
        <translation>Fichiers joints&#xa0;: {count}.</translation>
    </message>
    <message>
        <source>Citation keys already taken, given a letter: {count}.</source>
        <translation>Clés de citation déjà prises, complétées d’une lettre&#xa0;: {count}.</translation>
    </message>
</context>
<context>
    <name>ImportEntriesModel</name>
    <message>
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Creators</source>
        <translation>Auteurs</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Année</translation>
    </message>
    <message>
        <source>Probable duplicate of</source>
        <translation>Doublon probable de</translation>
    </message>
    <message>
        <source>entry on line {line}</source>
        <translation>entrée de la ligne {line}</translation>
    </message>
</context>
<context>
    <name>ImportField</name>
    <message>
        <source>(ignore this column)</source>
        <translation>(ignorer cette colonne)</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisme</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>Workshop wished</source>
        <translation>Atelier souhaité</translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message>
        <source>Reading the file…</source>
        <translation>Lecture du fichier…</translation>
    </message>
    <message>
        <source>Looking for probable duplicates…</source>
        <translation>Recherche des doublons probables…</translation>
    </message>
    <message>
        <source>Preparing the preview…</source>
        <translation>Préparation de l’aperçu…</translation>
    </message>
    <message>
        <source>Reading “{file}”…</source>
        <translation>Lecture de «&#xa0;{file}&#xa0;»…</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>Import terminé</translation>
    </message>
    <message>
        <source>A backup copy of the library was made first: {path}</source>
        <translation>Une copie de sauvegarde de la bibliothèque a d’abord été faite&#xa0;: {path}</translation>
    </message>
    <message>
        <source>&amp;Review duplicates…</source>
        <translation>&amp;Examiner les doublons…</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <source>Import registrations</source>
        <translation>Importer des inscriptions</translation>
    </message>
    <message>
        <source>Columns of the file</source>
        <translation>Colonnes du fichier</translation>
    </message>
    <message>
        <source>Rows left out or not assigned</source>
        <translation>Lignes écartées ou non affectées</translation>
    </message>
    <message>
        <source>What the import will do</source>
        <translation>Ce que fera l’import</translation>
    </message>
    <message>
        <source>An import is not an undo step: a backup copy of the library is made first, in its “backups” folder.</source>
        <translation>Un import ne peut pas être annulé par Édition ▸ Annuler&#xa0;: une copie de sauvegarde de la bibliothèque est d’abord faite, dans son dossier «&#xa0;backups&#xa0;».</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importer</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>tabulation</translation>
    </message>
    <message>
        <source>{file} — encoding {encoding}, separator {sep}; registrations to edition {year}.</source>
        <translation>{file} — encodage {encoding}, séparateur {sep}&#x202f;; inscriptions à l’édition {year}.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) read</source>
        <translation>
            <numerusform>%n ligne lue</numerusform>
            <numerusform>%n lignes lues</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new participant(s)</source>
        <translation>
            <numerusform>%n nouveau participant</numerusform>
            <numerusform>%n nouveaux participants</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already known (same e-mail)</source>
        <translation>
            <numerusform>%n déjà connu (même courriel)</numerusform>
            <numerusform>%n déjà connus (même courriel)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n registration(s) to this edition</source>
        <translation>
            <numerusform>%n inscription à cette édition</numerusform>
            <numerusform>%n inscriptions à cette édition</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already registered</source>
        <translation>
            <numerusform>%n déjà inscrit</numerusform>
            <numerusform>%n déjà inscrits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n assignment(s) to the workshop wished</source>
        <translation>
            <numerusform>%n affectation à l’atelier souhaité</numerusform>
            <numerusform>%n affectations à l’atelier souhaité</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) left out (see below)</source>
        <translation>
            <numerusform>%n ligne écartée (voir ci-dessous)</numerusform>
            <numerusform>%n lignes écartées (voir ci-dessous)</numerusform>
        </translation>
    </message>
    <message>
        <source>Left out: {problem}</source>
        <translation>Écartée&#xa0;: {problem}</translation>
    </message>
    <message>
        <source>Not assigned: {problem}</source>
        <translation>Non affectée&#xa0;: {problem}</translation>
    </message>
    <message>
        <source>Every row can be imported.</source>
        <translation>Toutes les lignes peuvent être importées.</translation>
    </message>
</context>
<context>
    <name>ItemType</name>
    <message>
        <source>Book</source>
        <translation>Livre</translation>
    </message>
    <message>
        <source>Book chapter</source>
        <translation>Chapitre d’ouvrage</translation>
    </message>
    <message>
        <source>Journal article</source>
        <translation>Article de revue</translation>
    </message>
    <message>
        <source>Newspaper article</source>
        <translation>Article de journal</translation>
    </message>
    <message>
        <source>Magazine article</source>
        <translation>Article de magazine</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Rapport</translation>
    </message>
    <message>
        <source>Web page</source>
        <translation>Page web</translation>
    </message>
    <message>
        <source>Thesis</source>
        <translation>Thèse</translation>
    </message>
    <message>
        <source>Conference paper</source>
        <translation>Communication</translation>
    </message>
    <message>
        <source>Talk</source>
        <translation>Intervention</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Manuscript</source>
        <translation>Manuscrit</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>Jeu de données</translation>
    </message>
    <message>
        <source>Law</source>
        <translation>Texte de loi</translation>
    </message>
    <message>
        <source>Interview</source>
        <translation>Entretien</translation>
    </message>
    <message>
        <source>Collection</source>
        <translation>Fonds d’archives</translation>
    </message>
    <message>
        <source>Pamphlet</source>
        <translation>Brochure</translation>
    </message>
    <message>
        <source>Film</source>
        <translation>Film</translation>
    </message>
    <message>
        <source>Blog post</source>
        <translation>Billet de blog</translation>
    </message>
</context>
<context>
    <name>Kind</name>
    <message>
        <source>reference</source>
        <extracomment>What the core&apos;s NotFound errors name (``error.kind``), as a noun inside a sentence.</extracomment>
        <translation>référence</translation>
    </message>
    <message>
        <source>edition</source>
        <translation>édition</translation>
    </message>
    <message>
        <source>workshop</source>
        <translation>atelier</translation>
    </message>
    <message>
        <source>participant</source>
        <translation>participant</translation>
    </message>
    <message>
        <source>registration</source>
        <translation>inscription</translation>
    </message>
    <message>
        <source>programme item</source>
        <translation>élément du programme</translation>
    </message>
    <message>
        <source>reading-list entry</source>
        <translation>entrée de liste de lectures</translation>
    </message>
    <message>
        <source>attached file</source>
        <translation>fichier joint</translation>
    </message>
    <message>
        <source>note</source>
        <translation>note</translation>
    </message>
    <message>
        <source>collection</source>
        <translation>collection</translation>
    </message>
    <message>
        <source>tag</source>
        <translation>thématique</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Séminaire — {library}</source>
        <translation>Séminaire — {library}</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;New library…</source>
        <translation>&amp;Nouvelle bibliothèque…</translation>
    </message>
    <message>
        <source>&amp;Open library…</source>
        <translation>&amp;Ouvrir une bibliothèque…</translation>
    </message>
    <message>
        <source>&amp;Recent libraries</source>
        <translation>Bibliothèques &amp;récentes</translation>
    </message>
    <message>
        <source>Explore the 2017 &amp;demo</source>
        <translation>Découvrir la &amp;démo 2017</translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation>&amp;Importer…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exporter…</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Préférences…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>&amp;New reference</source>
        <translation>&amp;Nouvelle référence</translation>
    </message>
    <message>
        <source>&amp;Delete references…</source>
        <translation>&amp;Supprimer les références…</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>Re&amp;chercher</translation>
    </message>
    <message>
        <source>Copy &amp;bibliography</source>
        <translation>Copier la &amp;bibliographie</translation>
    </message>
    <message>
        <source>Find d&amp;uplicates…</source>
        <translation>Rechercher les &amp;doublons…</translation>
    </message>
    <message>
        <source>&amp;Seminar</source>
        <translation>&amp;Séminaire</translation>
    </message>
    <message>
        <source>&amp;New edition…</source>
        <translation>&amp;Nouvelle édition…</translation>
    </message>
    <message>
        <source>&amp;Dossiers and printing…</source>
        <translation>&amp;Dossiers et impression…</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Traitement en cours…</translation>
    </message>
</context>
<context>
    <name>MergeChoicesWidget</name>
    <message>
        <source>Keep as master</source>
        <extracomment>Compared first, in this order; any other field whose values differ follows.</extracomment>
        <translation>Garder comme principale</translation>
    </message>
    <message>
        <source>Citation key</source>
        <translation>Clé de citation</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Creators</source>
        <translation>Créateurs</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Année</translation>
    </message>
    <message>
        <source>Tags, files</source>
        <translation>Thématiques, fichiers</translation>
    </message>
    <message>
        <source>Values to keep where the references differ:</source>
        <translation>Valeurs à garder là où les références diffèrent&#xa0;:</translation>
    </message>
    <message>
        <source>Keep {key} as master</source>
        <translation>Garder {key} comme référence principale</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n fichier</numerusform>
            <numerusform>%n fichiers</numerusform>
        </translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vide)</translation>
    </message>
</context>
<context>
    <name>NewEditionDialog</name>
    <message>
        <source>&amp;Create</source>
        <translation>&amp;Créer</translation>
    </message>
    <message>
        <source>New edition</source>
        <translation>Nouvelle édition</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>&amp;Année&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titre&#xa0;:</translation>
    </message>
    <message>
        <source>T&amp;heme:</source>
        <translation>T&amp;hème&#xa0;:</translation>
    </message>
    <message>
        <source>Séminaire prospectif {year}</source>
        <translation>Séminaire prospectif {year}</translation>
    </message>
</context>
<context>
    <name>NoteEditorDialog</name>
    <message>
        <source>Edit note</source>
        <translation>Modifier la note</translation>
    </message>
    <message>
        <source>New note</source>
        <translation>Nouvelle note</translation>
    </message>
    <message>
        <source>Title (optional)</source>
        <translation>Titre (facultatif)</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>&amp;Internal</source>
        <translation>&amp;Interne</translation>
    </message>
    <message>
        <source>For the team only</source>
        <translation>Réservée à l’équipe</translation>
    </message>
    <message>
        <source>For &amp;participants</source>
        <translation>Aux &amp;participants</translation>
    </message>
    <message>
        <source>May be shared with participants, for instance in their dossier</source>
        <translation>Peut être communiquée aux participants, par exemple dans leur dossier</translation>
    </message>
    <message>
        <source>Note text (Markdown)</source>
        <translation>Texte de la note (Markdown)</translation>
    </message>
    <message>
        <source>Write in Markdown: # Heading, **bold**, *italic*, - list, [link](https://…)</source>
        <translation>Écrivez en Markdown&#xa0;: # Titre, **gras**, *italique*, - liste, [lien](https://…)</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titre&#xa0;:</translation>
    </message>
    <message>
        <source>Audience:</source>
        <translation>Diffusion&#xa0;:</translation>
    </message>
    <message>
        <source>H1</source>
        <translation>T1</translation>
    </message>
    <message>
        <source>Heading 1</source>
        <translation>Titre 1</translation>
    </message>
    <message>
        <source>H2</source>
        <translation>T2</translation>
    </message>
    <message>
        <source>Heading 2</source>
        <translation>Titre 2</translation>
    </message>
    <message>
        <source>B</source>
        <translation>G</translation>
    </message>
    <message>
        <source>Bold</source>
        <translation>Gras</translation>
    </message>
    <message>
        <source>I</source>
        <translation>I</translation>
    </message>
    <message>
        <source>Italic</source>
        <translation>Italique</translation>
    </message>
    <message>
        <source>• List</source>
        <translation>• Liste</translation>
    </message>
    <message>
        <source>Bulleted list</source>
        <translation>Liste à puces</translation>
    </message>
    <message>
        <source>1. List</source>
        <translation>1. Liste</translation>
    </message>
    <message>
        <source>Numbered list</source>
        <translation>Liste numérotée</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Lien</translation>
    </message>
    <message>
        <source>{action} ({keys})</source>
        <translation>{action} ({keys})</translation>
    </message>
    <message>
        <source>bold text</source>
        <translation>texte en gras</translation>
    </message>
    <message>
        <source>italic text</source>
        <translation>texte en italique</translation>
    </message>
    <message>
        <source>link text</source>
        <translation>texte du lien</translation>
    </message>
    <message>
        <source>Discard changes?</source>
        <translation>Abandonner les modifications&#x202f;?</translation>
    </message>
    <message>
        <source>The note has changes that are not saved. Discard them?</source>
        <translation>La note comporte des modifications non enregistrées. Les abandonner&#x202f;?</translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message>
        <source>No notes yet. Click New to write one.</source>
        <translation>Aucune note pour l’instant. Cliquez sur Nouvelle… pour en écrire une.</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>Nouvelle…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <source>Write a new note</source>
        <translation>Écrire une nouvelle note</translation>
    </message>
    <message>
        <source>Edit the selected note (Enter)</source>
        <translation>Modifier la note sélectionnée (Entrée)</translation>
    </message>
    <message>
        <source>Delete the selected note (Delete)</source>
        <translation>Supprimer la note sélectionnée (Suppr)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Audience</source>
        <translation>Diffusion</translation>
    </message>
    <message>
        <source>Modified</source>
        <translation>Modifiée le</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>New note…</source>
        <translation>Nouvelle note…</translation>
    </message>
    <message>
        <source>For participants</source>
        <translation>Aux participants</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>Interne</translation>
    </message>
    <message>
        <source>(empty note)</source>
        <translation>(note vide)</translation>
    </message>
    <message>
        <source>May be shared with participants</source>
        <translation>Peut être communiquée aux participants</translation>
    </message>
    <message>
        <source>For the team only</source>
        <translation>Réservée à l’équipe</translation>
    </message>
    <message>
        <source>Delete note</source>
        <translation>Supprimer la note</translation>
    </message>
    <message>
        <source>Delete the note “{title}”? You can undo this with Ctrl+Z.</source>
        <translation>Supprimer la note «&#xa0;{title}&#xa0;»&#x202f;? Vous pourrez annuler avec Ctrl+Z.</translation>
    </message>
</context>
<context>
    <name>ParticipantDialog</name>
    <message>
        <source>Add participant</source>
        <translation>Ajouter un participant</translation>
    </message>
    <message>
        <source>Edit participant</source>
        <translation>Modifier le participant</translation>
    </message>
    <message>
        <source>&amp;Family name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Given name:</source>
        <translation>&amp;Prénom&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Organisation:</source>
        <translation>&amp;Organisme&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;Courriel&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Rôle&#xa0;:</translation>
    </message>
    <message>
        <source>Workshops</source>
        <translation>Ateliers</translation>
    </message>
    <message>
        <source>This edition has no workshop yet.</source>
        <translation>Cette édition n’a pas encore d’atelier.</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Ajouter</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>{taken} assigned</source>
        <translation>affectés&#xa0;: {taken}</translation>
    </message>
    <message>
        <source>{taken}/{capacity} places taken</source>
        <translation>{taken}/{capacity} places prises</translation>
    </message>
    <message>
        <source>{n} — {title} ({places})</source>
        <translation>{n} — {title} ({places})</translation>
    </message>
</context>
<context>
    <name>ParticipantRole</name>
    <message>
        <source>Participant</source>
        <translation>Participant</translation>
    </message>
    <message>
        <source>Facilitator</source>
        <translation>Animateur</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Intervenant</translation>
    </message>
    <message>
        <source>Organiser</source>
        <translation>Organisateur</translation>
    </message>
</context>
<context>
    <name>ParticipantsPage</name>
    <message>
        <source>Filter by name, organisation, e-mail…</source>
        <translation>Filtrer par nom, organisme, courriel…</translation>
    </message>
    <message>
        <source>Filter participants</source>
        <translation>Filtrer les participants</translation>
    </message>
    <message>
        <source>&amp;Add participant…</source>
        <translation>&amp;Ajouter un participant…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <source>&amp;Unregister…</source>
        <translation>Dési&amp;nscrire…</translation>
    </message>
    <message>
        <source>&amp;Import registrations…</source>
        <translation>&amp;Importer des inscriptions…</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Edition {year} no longer exists.</source>
        <translation>L’édition {year} n’existe plus.</translation>
    </message>
    <message>
        <source>Participants — edition {year}</source>
        <translation>Participants — édition {year}</translation>
    </message>
    <message numerus="yes">
        <source>%n participant(s)</source>
        <translation>
            <numerusform>%n participant</numerusform>
            <numerusform>%n participants</numerusform>
        </translation>
    </message>
    <message>
        <source>{shown} of {total}</source>
        <translation>{shown} sur {total}</translation>
    </message>
    <message>
        <source>• Workshop {n} “{title}”: its {capacity} places are taken.</source>
        <translation>• Atelier {n} «&#xa0;{title}&#xa0;»&#xa0;: complet (capacité&#xa0;: {capacity}).</translation>
    </message>
    <message>
        <source>Workshop full</source>
        <translation>Atelier complet</translation>
    </message>
    <message>
        <source>{name} cannot join a full workshop:
{listing}

Assign them anyway, over capacity? Otherwise, untick the workshop or raise its capacity on the edition page.</source>
        <translation>{name} ne peut pas rejoindre un atelier complet&#xa0;:
{listing}

Affecter quand même, au-delà de la capacité&#x202f;? Sinon, décochez l’atelier ou augmentez sa capacité sur la page de l’édition.</translation>
    </message>
    <message>
        <source>This participant</source>
        <translation>Ce participant</translation>
    </message>
    <message>
        <source>Edit participant</source>
        <translation>Modification d’un participant</translation>
    </message>
    <message>
        <source>Unregister</source>
        <translation>Désinscrire</translation>
    </message>
    <message numerus="yes">
        <source>Unregister %n participant(s) from edition {year}: {names}?

They also leave their workshops. You can undo this.</source>
        <translation>
            <numerusform>Désinscrire %n participant de l’édition {year}&#xa0;: {names}&#x202f;?

Cette personne quitte aussi ses ateliers. Vous pourrez annuler.</numerusform>
            <numerusform>Désinscrire %n participants de l’édition {year}&#xa0;: {names}&#x202f;?

Ces personnes quittent aussi leurs ateliers. Vous pourrez annuler.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Unregister %n participant(s)</source>
        <translation>
            <numerusform>Désinscription de %n participant</numerusform>
            <numerusform>Désinscription de %n participants</numerusform>
        </translation>
    </message>
    <message>
        <source>Import registrations</source>
        <translation>Importer des inscriptions</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>Fichiers CSV (*.csv *.txt);;Tous les fichiers (*)</translation>
    </message>
</context>
<context>
    <name>PdfPages</name>
    <message>
        <source>Page {current} / {count}</source>
        <translation>Page {current} sur {count}</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>Page précédente</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Page suivante</translation>
    </message>
    <message>
        <source>First page</source>
        <translation>Première page</translation>
    </message>
    <message>
        <source>Last page</source>
        <translation>Dernière page</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Zoom arrière</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>Ajuster à la largeur</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>Largeur</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Zoom avant</translation>
    </message>
    <message>
        <source>No pages</source>
        <translation>Aucune page</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <source>Preview — {name}</source>
        <translation>Aperçu — {name}</translation>
    </message>
    <message>
        <source>PDF pages</source>
        <translation>Pages du PDF</translation>
    </message>
    <message>
        <source>The file {path} cannot be found. It may have been moved or deleted.</source>
        <translation>Le fichier {path} est introuvable. Il a peut-être été déplacé ou supprimé.</translation>
    </message>
    <message>
        <source>This PDF is protected by a password or by encryption that the preview cannot open. Open it with your PDF reader instead.</source>
        <translation>Ce PDF est protégé par un mot de passe ou par un chiffrement que l’aperçu ne sait pas ouvrir. Ouvrez-le plutôt avec votre lecteur PDF.</translation>
    </message>
    <message>
        <source>This file is not a readable PDF: it may be damaged or incomplete. Try opening it with your PDF reader.</source>
        <translation>Ce fichier n’est pas un PDF lisible&#xa0;: il est peut-être endommagé ou incomplet. Essayez de l’ouvrir avec votre lecteur PDF.</translation>
    </message>
    <message>
        <source>This PDF cannot be shown. Try opening it with your PDF reader.</source>
        <translation>Impossible d’afficher ce PDF. Essayez de l’ouvrir avec votre lecteur PDF.</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
</context>
<context>
    <name>PrintMessages</name>
    <message numerus="yes">
        <source>%n page(s) sent to the printer.</source>
        <translation>
            <numerusform>%n page envoyée à l’imprimante.</numerusform>
            <numerusform>%n pages envoyées à l’imprimante.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProgrammeItemDialog</name>
    <message>
        <source>Add programme item</source>
        <translation>Ajouter au programme</translation>
    </message>
    <message>
        <source>None (a plenary session, a break…)</source>
        <translation>Aucun (séance plénière, pause…)</translation>
    </message>
    <message>
        <source>Workshop {n} — {title}</source>
        <translation>Atelier {n} — {title}</translation>
    </message>
    <message>
        <source>&amp;to</source>
        <translation>&amp;à</translation>
    </message>
    <message>
        <source>&amp;Day:</source>
        <translation>&amp;Jour&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Horaire&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Workshop:</source>
        <translation>&amp;Atelier&#xa0;:</translation>
    </message>
    <message>
        <source>T&amp;itle:</source>
        <translation>&amp;Titre&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Room:</source>
        <translation>&amp;Salle&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>Aj&amp;outer</translation>
    </message>
    <message>
        <source>{title} (when left empty)</source>
        <translation>{title} (si laissé vide)</translation>
    </message>
</context>
<context>
    <name>ProgrammePage</name>
    <message>
        <source>{title} (Workshop {n})</source>
        <translation>{title} (atelier {n})</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Programme</translation>
    </message>
    <message>
        <source>No programme yet: add its first item.</source>
        <translation>Pas encore de programme&#xa0;: ajoutez-en le premier élément.</translation>
    </message>
    <message>
        <source>&amp;Add item…</source>
        <translation>&amp;Ajouter au programme…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>Su&amp;pprimer</translation>
    </message>
    <message>
        <source>Edition {year} no longer exists.</source>
        <translation>L’édition {year} n’existe plus.</translation>
    </message>
    <message>
        <source>Programme — edition {year}</source>
        <translation>Programme — édition {year}</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n programme item(s)</source>
        <translation>
            <numerusform>Suppression de %n élément du programme</numerusform>
            <numerusform>Suppression de %n éléments du programme</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReadingListModel</name>
    <message>
        <source>#</source>
        <extracomment>Rows dragged inside a reading list: « workshop id:reference ids ».</extracomment>
        <translation>N°</translation>
    </message>
    <message>
        <source>Creators</source>
        <translation>Auteurs</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Année</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Statut</translation>
    </message>
    <message>
        <source>Annotation</source>
        <translation>Annotation</translation>
    </message>
    <message>
        <source>Reorder reading list</source>
        <translation>Réorganisation de la liste de lectures</translation>
    </message>
    <message>
        <source>Remove from reading list</source>
        <translation>Retrait de la liste de lectures</translation>
    </message>
</context>
<context>
    <name>ReadingListView</name>
    <message>
        <source>Reading list</source>
        <translation>Liste de lectures</translation>
    </message>
</context>
<context>
    <name>ReadingRole</name>
    <message>
        <source>Required reading</source>
        <translation>Lecture obligatoire</translation>
    </message>
    <message>
        <source>Background</source>
        <translation>Lecture complémentaire</translation>
    </message>
    <message>
        <source>Produced by the workshop</source>
        <translation>Produit par l’atelier</translation>
    </message>
</context>
<context>
    <name>ReferenceEditor</name>
    <message>
        <source>Tags, separated by commas</source>
        <extracomment>The types offered in the type menu first (all CSL types are accepted).</extracomment>
        <translation>Thématiques, séparées par des virgules</translation>
    </message>
    <message>
        <source>Select a reference to see its details.</source>
        <translation>Sélectionnez une référence pour en voir le détail.</translation>
    </message>
    <message>
        <source>&amp;Type</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <source>T&amp;itle</source>
        <translation>T&amp;itre</translation>
    </message>
    <message>
        <source>Creators</source>
        <translation>Créateurs</translation>
    </message>
    <message>
        <source>&amp;Date</source>
        <translation>D&amp;ate</translation>
    </message>
    <message>
        <source>2017, 2017-11 or 2017-11-23</source>
        <translation>2017, 2017-11 ou 2017-11-23</translation>
    </message>
    <message>
        <source>Ta&amp;gs</source>
        <translation>T&amp;hématiques</translation>
    </message>
    <message>
        <source>Citation &amp;key</source>
        <translation>&amp;Clé de citation</translation>
    </message>
</context>
<context>
    <name>ReferenceTable</name>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Creators</source>
        <translation>Auteurs</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Année</translation>
    </message>
    <message>
        <source>Published in</source>
        <translation>Publié dans</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Thématiques</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Fichiers</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Ajoutée le</translation>
    </message>
    <message>
        <source>Citation key</source>
        <translation>Clé de citation</translation>
    </message>
</context>
<context>
    <name>ReferencesPage</name>
    <message>
        <source>Search titles, creators, notes, files… (Ctrl+F)</source>
        <translation>Rechercher dans les titres, auteurs, notes, fichiers… (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Fichiers</translation>
    </message>
    <message>
        <source>Bibliography</source>
        <translation>Bibliographie</translation>
    </message>
    <message numerus="yes">
        <source>%n reference(s)</source>
        <translation>
            <numerusform>%n référence</numerusform>
            <numerusform>%n références</numerusform>
        </translation>
    </message>
    <message>
        <source>New reference</source>
        <translation>Nouvelle référence</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n reference(s) with their notes and files? You can undo this with Ctrl+Z.</source>
        <translation>
            <numerusform>Supprimer %n référence, avec ses notes et ses fichiers&#x202f;? Vous pourrez annuler avec Ctrl+Z.</numerusform>
            <numerusform>Supprimer %n références, avec leurs notes et leurs fichiers&#x202f;? Vous pourrez annuler avec Ctrl+Z.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RegistrationImport</name>
    <message>
        <source>Reading {file}…</source>
        <translation>Lecture de {file}…</translation>
    </message>
    <message>
        <source>Importing registrations…</source>
        <translation>Import des inscriptions…</translation>
    </message>
    <message>
        <source>Last import: {created} new, {known} already known, {registered} registered, {assigned} assigned to a workshop, {unassigned} not assigned, {left_out} row(s) left out.</source>
        <translation>Dernier import&#xa0;: {created} nouveau(x), {known} déjà connu(s), {registered} inscrit(s), {assigned} affecté(s) à un atelier, {unassigned} sans atelier, {left_out} ligne(s) écartée(s).</translation>
    </message>
</context>
<context>
    <name>RegistrationsModel</name>
    <message>
        <source>Family name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>Prénom</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisme</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Workshops</source>
        <translation>Ateliers</translation>
    </message>
</context>
<context>
    <name>ReplaceQuestion</name>
    <message numerus="yes">
        <source>Replace %n file(s)?</source>
        <extracomment>Files named in the question; the others are counted.</extracomment>
        <translation>
            <numerusform>Remplacer %n fichier&#xa0;?</numerusform>
            <numerusform>Remplacer %n fichiers&#xa0;?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) of the same name already exist in {folder}:</source>
        <translation>
            <numerusform>%n fichier du même nom existe déjà dans {folder}&#xa0;:</numerusform>
            <numerusform>%n fichiers du même nom existent déjà dans {folder}&#xa0;:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) of the same name already exist:</source>
        <translation>
            <numerusform>%n fichier du même nom existe déjà&#xa0;:</numerusform>
            <numerusform>%n fichiers du même nom existent déjà&#xa0;:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more.</source>
        <translation>
            <numerusform>… et %n autre.</numerusform>
            <numerusform>… et %n autres.</numerusform>
        </translation>
    </message>
    <message>
        <source>Replacing them loses what they hold now. Cancel to choose another place.</source>
        <translation>Les remplacer fait perdre leur contenu actuel. Annulez pour choisir un autre emplacement.</translation>
    </message>
    <message>
        <source>&amp;Replace</source>
        <translation>&amp;Remplacer</translation>
    </message>
</context>
<context>
    <name>SidebarModel</name>
    <message>
        <source>Library</source>
        <translation>Bibliothèque</translation>
    </message>
    <message>
        <source>All references</source>
        <translation>Toutes les références</translation>
    </message>
    <message>
        <source>Unfiled</source>
        <translation>Non classées</translation>
    </message>
    <message>
        <source>Collections</source>
        <translation>Collections</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Thématiques</translation>
    </message>
    <message>
        <source>Seminar</source>
        <translation>Séminaire</translation>
    </message>
    <message>
        <source>Workshop {n} — {title}</source>
        <translation>Atelier {n} — {title}</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Programme</translation>
    </message>
</context>
<context>
    <name>Undo</name>
    <message>
        <source>Add attachment</source>
        <translation>Ajout d’une pièce jointe</translation>
    </message>
    <message>
        <source>Add {count} attachments</source>
        <translation>Ajout de {count} pièces jointes</translation>
    </message>
    <message>
        <source>Remove attachment</source>
        <translation>Retrait d’une pièce jointe</translation>
    </message>
    <message>
        <source>New reference</source>
        <translation>Nouvelle référence</translation>
    </message>
    <message>
        <source>Delete reference</source>
        <translation>Suppression d’une référence</translation>
    </message>
    <message>
        <source>Delete {count} references</source>
        <translation>Suppression de {count} références</translation>
    </message>
    <message>
        <source>Edit {field}</source>
        <translation>Modification ({field})</translation>
    </message>
    <message>
        <source>Edit reference</source>
        <translation>Modification de la référence</translation>
    </message>
    <message>
        <source>Edit tags</source>
        <translation>Modification des thématiques</translation>
    </message>
    <message>
        <source>File in collection</source>
        <translation>Classement dans une collection</translation>
    </message>
    <message>
        <source>Reorder reading list</source>
        <translation>Réorganisation de la liste de lectures</translation>
    </message>
    <message>
        <source>Add to reading list</source>
        <translation>Ajout à la liste de lectures</translation>
    </message>
    <message>
        <source>Remove from reading list</source>
        <translation>Retrait de la liste de lectures</translation>
    </message>
    <message>
        <source>New note</source>
        <extracomment>Links the preview hands to the system; anything else (file:, javascript:…) is ignored.</extracomment>
        <translation>Nouvelle note</translation>
    </message>
    <message>
        <source>Edit note</source>
        <translation>Modification d’une note</translation>
    </message>
    <message>
        <source>Delete note</source>
        <translation>Suppression d’une note</translation>
    </message>
    <message>
        <source>Edit edition: {field}</source>
        <translation>Modification de l’édition ({field})</translation>
    </message>
    <message>
        <source>New edition {year}</source>
        <translation>Nouvelle édition {year}</translation>
    </message>
    <message>
        <source>Prepare edition {year}</source>
        <translation>Préparation de l’édition {year}</translation>
    </message>
    <message>
        <source>Edit workshop: {field}</source>
        <translation>Modification de l’atelier ({field})</translation>
    </message>
    <message>
        <source>Add workshop</source>
        <translation>Ajout d’un atelier</translation>
    </message>
    <message>
        <source>Delete workshop</source>
        <translation>Suppression d’un atelier</translation>
    </message>
    <message>
        <source>Edit reading role</source>
        <translation>Modification du statut d’une lecture</translation>
    </message>
    <message>
        <source>Edit annotation</source>
        <translation>Modification d’une annotation</translation>
    </message>
    <message>
        <source>Add participant</source>
        <translation>Ajout d’un participant</translation>
    </message>
    <message>
        <source>Register participant</source>
        <translation>Inscription d’un participant</translation>
    </message>
    <message>
        <source>Unregister participant</source>
        <translation>Désinscription d’un participant</translation>
    </message>
    <message>
        <source>Edit participant</source>
        <translation>Modification d’un participant</translation>
    </message>
    <message>
        <source>Change participant role</source>
        <translation>Changement de rôle d’un participant</translation>
    </message>
    <message>
        <source>Assign to workshop {n}</source>
        <translation>Affectation à l’atelier {n}</translation>
    </message>
    <message>
        <source>Withdraw from workshop {n}</source>
        <translation>Retrait de l’atelier {n}</translation>
    </message>
    <message>
        <source>Add programme item</source>
        <translation>Ajout au programme</translation>
    </message>
    <message>
        <source>Delete programme item</source>
        <translation>Suppression d’un élément du programme</translation>
    </message>
    <message>
        <source>Merge duplicates</source>
        <translation>Fusion de doublons</translation>
    </message>
    <message>
        <source>Merge {count} groups of duplicates</source>
        <translation>Fusion de {count} groupes de doublons</translation>
    </message>
</context>
<context>
    <name>WelcomeWidget</name>
    <message>
        <source>Séminaire</source>
        <translation>Séminaire</translation>
    </message>
    <message>
        <source>Welcome to Séminaire</source>
        <translation>Bienvenue dans Séminaire</translation>
    </message>
    <message>
        <source>Séminaire keeps the team&apos;s references, files and notes, prepares each edition of the seminar and prints the participants&apos; packs.</source>
        <translation>Séminaire rassemble les références, les fichiers et les notes de l’équipe, prépare chaque édition du séminaire et imprime les dossiers des participants.</translation>
    </message>
    <message>
        <source>&amp;Create an empty library</source>
        <translation>&amp;Créer une bibliothèque vide</translation>
    </message>
    <message>
        <source>&amp;Open a library…</source>
        <translation>&amp;Ouvrir une bibliothèque…</translation>
    </message>
    <message>
        <source>&amp;Explore the 2017 demo</source>
        <translation>&amp;Découvrir la démo 2017</translation>
    </message>
    <message>
        <source>Recent libraries</source>
        <translation>Bibliothèques récentes</translation>
    </message>
    <message>
        <source>Folder for the new library</source>
        <translation>Dossier de la nouvelle bibliothèque</translation>
    </message>
    <message>
        <source>Open a library</source>
        <translation>Ouvrir une bibliothèque</translation>
    </message>
</context>
<context>
    <name>WorkshopDialog</name>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Ajouter</translation>
    </message>
    <message>
        <source>Add workshop</source>
        <translation>Ajouter un atelier</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Sans limite</translation>
    </message>
    <message>
        <source>&amp;Number:</source>
        <translation>&amp;Numéro&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titre&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Room:</source>
        <translation>&amp;Salle&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Capacity:</source>
        <translation>&amp;Capacité&#xa0;:</translation>
    </message>
</context>
<context>
    <name>WorkshopForm</name>
    <message>
        <source>No limit</source>
        <translation>Sans limite</translation>
    </message>
    <message>
        <source>One facilitator per line</source>
        <translation>Un animateur par ligne</translation>
    </message>
    <message>
        <source>Facilitators</source>
        <translation>Animateurs</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>&amp;Title:</source>
        <translation>&amp;Titre&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Number:</source>
        <translation>&amp;Numéro&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Room:</source>
        <translation>Sa&amp;lle&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Capacity:</source>
        <translation>&amp;Capacité&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Facilitators:</source>
        <translation>&amp;Animateurs&#xa0;:</translation>
    </message>
    <message>
        <source>D&amp;escription:</source>
        <translation>D&amp;escription&#xa0;:</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Salle</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Capacité</translation>
    </message>
</context>
<context>
    <name>WorkshopPage</name>
    <message>
        <source>Re&amp;move from list</source>
        <translation>&amp;Retirer de la liste</translation>
    </message>
    <message>
        <source>This workshop no longer exists.</source>
        <translation>Cet atelier n’existe plus.</translation>
    </message>
    <message>
        <source>Drag references here from the library, drag rows to reorder them; double-click a role or an annotation to edit it.</source>
        <translation>Glissez ici des références depuis la bibliothèque, faites glisser les lignes pour les réordonner&#x202f;; double-cliquez sur un statut ou une annotation pour le modifier.</translation>
    </message>
    <message>
        <source>Reading &amp;list</source>
        <translation>Lect&amp;ures</translation>
    </message>
    <message>
        <source>N&amp;otes</source>
        <translation>N&amp;otes</translation>
    </message>
    <message>
        <source>F&amp;iles</source>
        <translation>Fic&amp;hiers</translation>
    </message>
    <message>
        <source>Workshop {n} — {title}</source>
        <translation>Atelier {n} — {title}</translation>
    </message>
    <message>
        <source>Edition {year}</source>
        <translation>Édition {year}</translation>
    </message>
    <message numerus="yes">
        <source>%n reference(s)</source>
        <translation>
            <numerusform>%n référence</numerusform>
            <numerusform>%n références</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WorkshopsModel</name>
    <message>
        <source>No.</source>
        <translation>N°</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <source>Facilitators</source>
        <translation>Animateurs</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Salle</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Capacité</translation>
    </message>
    <message>
        <source>Assigned</source>
        <translation>Affectés</translation>
    </message>
</context>
<context>
    <name>_ProgressDialog</name>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
</context>
</TS>
