"""Séminaire library benchmark: a synthetic 100k-reference library against targets.

Run from the repository root::

    .venv/bin/python bench/library_bench.py [--n 100000] [--folder DIR] [--rebuild]

Without ``--folder`` the library is built in a temporary folder and thrown away. With
``--folder`` it is built there once and reused by later runs (the build figures are kept
in ``bench_build.json`` beside it), so that re-running the measurements takes a minute.
See ``bench/README.md`` for what each figure means.
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import itertools
import json
import math
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sqlalchemy import func, insert, select  # noqa: E402

from seminaire_app import search  # noqa: E402
from seminaire_app.domain import Creator, ReferenceDraft  # noqa: E402
from seminaire_app.services import references  # noqa: E402
from seminaire_app.storage.library import DATABASE_NAME, Library  # noqa: E402
from seminaire_app.storage.models import AttachmentRow, ReferenceRow  # noqa: E402

BUILD_RECORD = "bench_build.json"
SEED = 20261126

# Targets, in seconds.
TARGET_INSERT = 20.0  # for 100k references; scaled linearly for other --n
TARGET_OPEN = 0.3
TARGET_SEARCH_P95 = 0.030
TARGET_PAGE = 0.050

# --- vocabulary -------------------------------------------------------------------------

def _words(block: str) -> list[str]:
    return block.split()


# Content words, French first (accents, ligatures), then English. The order is shuffled
# with the seed and words are drawn with Zipf-like weights: a few are very common (like
# « économie » in such a library), most are rare.
FRENCH_WORDS = _words("""
coopération économie sociale solidaire territoire territoires mécénat œuvre œuvres
association associations fondation fondations entreprise entreprises gouvernance bénévolat
engagement philanthropie innovation développement durable politique politiques publique
publiques collectivité collectivités société sociétés réseau réseaux mutualisme coopérative
coopératives démocratie participation citoyenneté éducation formation prospective
évaluation impact utilité intérêt général financement subvention marché emploi insertion
transition écologique numérique culture patrimoine santé solidarité jeunesse ruralité
métropole région département commune communes Europe État histoire théorie pratique
pratiques méthode enquête analyse étude rapport diagnostic stratégie acteurs partenariat
alliance écosystème réciprocité don contre-don communs capital travail syndicalisme habitat
agriculture alimentation énergie mobilité cœur vœux nœud sœurs générosité fiscalité
déduction dons legs bienfaisance charité mutuelle mutuelles quartier quartiers ville
villes campagne économique économiques sociologie anthropologie géographie droit
juridique statut statuts réforme loi décret régulation hybridation modèle modèles
expérimentation laboratoire recherche-action savoirs connaissance médiation dialogue
concertation délibération élus citoyens habitants usagers bénéficiaires salariés
dirigeants administrateurs trésorier bénévoles militants engagés professionnalisation
mesure indicateurs comptabilité extra-financière reporting responsabilité RSE
""")

ENGLISH_WORDS = _words("""
cooperation social economy solidarity territory territories philanthropy governance
nonprofit volunteering commons community communities development policy welfare civil
foundation foundations impact evaluation partnership partnerships networks enterprise
enterprises innovation trust reciprocity public sector market markets local regional
research practice theory history survey case study giving donors charity charities
accountability measurement cooperative cooperatives economics ecological ecosystem
democracy participation citizenship education housing food energy mobility labour
institutions institutional entrepreneurship hybrid organisations organizations
""")

FRENCH_GLUE = ["de la", "des", "et", "dans les", "pour", "face à", "entre", "du", "de l'",
               "au service de la", "par", "sur les", "et de la", "à l'épreuve de la"]
ENGLISH_GLUE = ["of", "and", "in", "for", "and the", "beyond", "between", "through",
                "in the age of", "on"]
FRENCH_OPENERS = ["L'", "La ", "Le ", "Les ", "Pour une ", "Repenser la ", "Vers une ",
                  "Penser les ", "Une ", "Des ", ""]
ENGLISH_OPENERS = ["The ", "A ", "Rethinking ", "Towards ", "On ", "Beyond ", ""]
FRENCH_SUBTITLES = ["enjeux et perspectives", "une approche territoriale",
                    "le cas de la Bretagne", "étude de cas", "regards croisés",
                    "bilan et prospective", "une comparaison européenne", "état des lieux",
                    "l'exemple lyonnais", "du local au global", "quelles coopérations ?"]
ENGLISH_SUBTITLES = ["a case study", "evidence from France", "a comparative perspective",
                     "lessons from Europe", "theory and practice", "a critical review"]
FRENCH_SENTENCES = [
    "Cet article analyse {a} et {b} au prisme de {c}.",
    "Nous montrons que {a} transforme profondément {b}.",
    "L'enquête porte sur {a}, {b} et {c} dans trois territoires.",
    "Les résultats soulignent le rôle de {a} dans {b}.",
    "Ce rapport propose des pistes pour {a} et pour {b}.",
    "À partir d'entretiens, l'auteur étudie {a} face à {b}.",
    "La réflexion s'appuie sur {a}, {b} et l'histoire de {c}.",
]
ENGLISH_SENTENCES = [
    "This paper examines {a} and {b} through the lens of {c}.",
    "We show that {a} reshapes {b}.",
    "The survey covers {a}, {b} and {c} in three regions.",
    "Findings highlight the role of {a} in {b}.",
    "Drawing on interviews, we study {a} and {b}.",
]
# A handful of titles carry one of these (about 1 in 10,000 each): « a rare word ».
RARE_WORDS = ["ornithorynque", "palimpseste", "sérendipité", "kaléidoscope", "zeugme",
              "xylophage", "quetzalcoatl", "pangolin"]
# Words found only in attachment text (minutes, accounts…), never in titles or abstracts.
ATTACHMENT_WORDS = _words("""
procès-verbal émargement trésorerie délibérations quorum ordre-du-jour convocation
assemblée bilan-comptable compte-rendu résolution scrutin mandat cotisations budget
prévisionnel annexe signataires minutes agenda treasurer ballot bylaws
""")
ATTACHMENT_SENTENCES = [
    "L'assemblée générale s'est réunie le {d}, le quorum étant atteint.",
    "Le procès-verbal de la séance précédente est approuvé à l'unanimité.",
    "La trésorière présente le bilan-comptable et le budget prévisionnel.",
    "Les délibérations portent sur {a} et sur {b}.",
    "Après scrutin, la résolution relative à {a} est adoptée.",
    "Le compte-rendu rappelle les enjeux de {a} pour {b}.",
    "Les cotisations des membres couvrent l'essentiel de {a}.",
    "The board reviewed the minutes and the treasurer's report on {a}.",
    "Voir l'annexe pour la feuille d'émargement et la liste des signataires.",
]

FAMILIES = _words("""
Dupont Durand Lefèvre Lefebvre Moreau Laurent Simon Michel Garcia Bernard Petit Roux
Fournier Girard Bonnet Mercier Blanc Guérin Boyer Gauthier Chevalier François Legrand
Gérard Rousseau Faure André Brunet Barbier Château Lévêque Bézier Müller Schmidt Weber
Łukasiewicz Nowak Kowalski Dvořák Novák Ørsted Jørgensen García Pérez Martínez Rossi
Ricci Esposito Bianchi Ferreira Gonçalves Söderström Öztürk Nuñez Lefranc Rocard
Laville Demoustier Draperi Hély Gadrey Castel Caillé Mauss Polanyi Ostrom Dacheux
""")
GIVENS = _words("""
Jean Marie Pierre Anne Jacques Françoise Michel Hélène Élise Étienne Noémie Zoé Cécile
Benoît Agnès Joël Loïc Maëlle Gaëlle Thérèse Jérôme Sébastien Frédérique Léa Chloé
Hans Anna Piotr Zofia Jiří Søren Ingrid Lucía José Giulia Luca João Björn Ayşe
""")
# (particle, family, kind): kind "dropping" → « Tocqueville, Alexis de »,
# "non-dropping" → « d'Ormesson », « de La Fontaine », « van Gogh ».
PARTICLE_NAMES = [
    ("de", "Tocqueville", "dropping"), ("de", "Beauvoir", "dropping"),
    ("de", "Certeau", "dropping"), ("d'", "Ormesson", "non-dropping"),
    ("d'", "Alembert", "non-dropping"), ("d'", "Arcy", "non-dropping"),
    ("de La", "Fontaine", "non-dropping"), ("van", "Parijs", "non-dropping"),
    ("von", "Hayek", "non-dropping"), ("Le", "Goff", "non-dropping"),
    ("du", "Tertre", "non-dropping"), ("de", "Gaulle", "non-dropping"),
]
INSTITUTIONS = [
    "Le Rameau", "Avise", "Fondation de France", "ESS France",
    "Institut national de la statistique et des études économiques", "OCDE",
    "Conseil économique, social et environnemental", "Banque des territoires",
    "Observatoire national de l'ESS", "Commission européenne", "France Bénévolat",
    "Centre français des fonds et fondations", "Admical", "Mouvement associatif",
    "Labo de l'économie sociale et solidaire", "Haut Conseil à la vie associative",
]
TAGS = [
    "ESS", "Mécénat", "Coopération", "Territoires", "Gouvernance", "Bénévolat",
    "Philanthropie", "Évaluation", "Impact social", "Politiques publiques", "Europe",
    "Histoire", "Méthodologie", "Fondations", "Associations", "Coopératives", "Communs",
    "Numérique", "Transition écologique", "Économie circulaire", "Santé", "Éducation",
    "Culture", "Ruralité", "Jeunesse", "Emploi", "Insertion", "Finance solidaire",
    "Alliances", "Partenariats", "Prospective", "À lire", "Séminaire 2017",
    "Séminaire 2019", "Séminaire 2023", "Classique", "Rapport public", "Thèse",
    "Œuvres complètes", "Lecture obligatoire",
]
ITEM_TYPES = [("book", 22), ("article-journal", 30), ("chapter", 14), ("report", 12),
              ("thesis", 4), ("paper-conference", 6), ("webpage", 4),
              ("article-newspaper", 4), ("article-magazine", 2), ("dataset", 1),
              ("speech", 1)]
JOURNALS = ["Revue internationale de l'économie sociale (RECMA)", "Revue française de "
            "sociologie", "Annals of Public and Cooperative Economics", "Mouvements",
            "Nonprofit and Voluntary Sector Quarterly", "Revue d'économie régionale et "
            "urbaine", "Esprit", "Voluntas", "Géographie, économie, société",
            "Revue Projet", "Le Monde", "Alternatives économiques"]
PUBLISHERS = [("La Découverte", "Paris"), ("Presses universitaires de Rennes", "Rennes"),
              ("Desclée de Brouwer", "Paris"), ("Érès", "Toulouse"),
              ("Routledge", "London"), ("Presses de Sciences Po", "Paris"),
              ("Edward Elgar", "Cheltenham"), ("Les Petits Matins", "Paris"),
              ("Presses universitaires de Grenoble", "Grenoble")]


class Vocabulary:
    """Seeded word draws with Zipf-like frequencies."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.fr = FRENCH_WORDS[:]
        self.en = ENGLISH_WORDS[:]
        rng.shuffle(self.fr)
        rng.shuffle(self.en)
        # A few fixed very common words make the common-prefix queries realistic.
        for word in ("économie", "coopération", "territoire", "sociale"):
            self.fr.remove(word)
            self.fr.insert(0, word)
        self.fr_cum = _zipf_cumulative(len(self.fr))
        self.en_cum = _zipf_cumulative(len(self.en))

    def words(self, k: int, english: bool) -> list[str]:
        pool, cum = (self.en, self.en_cum) if english else (self.fr, self.fr_cum)
        return self.rng.choices(pool, cum_weights=cum, k=k)


def _zipf_cumulative(n: int, s: float = 0.9) -> list[float]:
    return list(itertools.accumulate(1 / (rank + 1) ** s for rank in range(n)))


def _phrase(vocab: Vocabulary, english: bool) -> str:
    rng = vocab.rng
    words = vocab.words(rng.randint(2, 4), english)
    glue = ENGLISH_GLUE if english else FRENCH_GLUE
    out = [words[0]]
    for word in words[1:]:
        out.append(rng.choice(glue) + ("" if out[-1].endswith("'") else " ") + word)
    text = " ".join(out).replace("' ", "'")
    return text


def make_title(vocab: Vocabulary, english: bool) -> str:
    rng = vocab.rng
    opener = rng.choice(ENGLISH_OPENERS if english else FRENCH_OPENERS)
    title = opener + _phrase(vocab, english)
    if rng.random() < 0.55:
        subs = ENGLISH_SUBTITLES if english else FRENCH_SUBTITLES
        title += (": " if english else " : ") + (
            rng.choice(subs) if rng.random() < 0.5 else _phrase(vocab, english))
    if rng.random() < 1e-4 * len(RARE_WORDS):
        title += " " + rng.choice(RARE_WORDS)
    return title[0].upper() + title[1:]


def make_abstract(vocab: Vocabulary, english: bool) -> str:
    rng = vocab.rng
    sentences = ENGLISH_SENTENCES if english else FRENCH_SENTENCES
    out = []
    for _ in range(rng.randint(2, 5)):
        w = vocab.words(5, english)
        a, b, c = (w[0] + " " + w[3]) if w[4] < w[3] else w[0], w[1], w[2]
        out.append(rng.choice(sentences).format(a=a, b=b, c=c))
    return " ".join(out)


def make_creator(rng: random.Random, role: str) -> Creator:
    roll = rng.random()
    if roll < 0.07:
        return Creator(role=role, literal=rng.choice(INSTITUTIONS))
    given = rng.choice(GIVENS)
    if roll < 0.15:
        particle, family, kind = rng.choice(PARTICLE_NAMES)
        if kind == "dropping":
            return Creator(role=role, family=family, given=given, dropping_particle=particle)
        return Creator(role=role, family=family, given=given, non_dropping_particle=particle)
    return Creator(role=role, family=rng.choice(FAMILIES), given=given,
                   suffix="Jr." if roll > 0.998 else "")


_TYPE_NAMES = [t for t, _ in ITEM_TYPES]
_TYPE_CUM = list(itertools.accumulate(w for _, w in ITEM_TYPES))
_CREATORS_CUM = list(itertools.accumulate((40, 25, 15, 10, 6, 4)))
_TAGS_CUM = list(itertools.accumulate((20, 35, 25, 15, 5)))


def make_draft(vocab: Vocabulary, index: int) -> ReferenceDraft:
    rng = vocab.rng
    english = rng.random() < 0.35
    item_type = rng.choices(_TYPE_NAMES, cum_weights=_TYPE_CUM)[0]
    year = int(1950 + (2026 - 1950) * rng.random() ** 0.6)
    roll = rng.random()
    if roll < 0.03:
        issued = ""
    elif roll < 0.7:
        issued = str(year)
    elif roll < 0.85:
        issued = f"{year}-{rng.randint(1, 12):02d}"
    else:
        issued = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    creators = [make_creator(rng, "author")
                for _ in range(rng.choices((1, 2, 3, 4, 5, 6), cum_weights=_CREATORS_CUM)[0])]
    if item_type == "chapter" and rng.random() < 0.6:
        creators[-1] = Creator(**{**_creator_dict(creators[-1]), "role": "editor"})
    fields: dict[str, str] = {"abstract": make_abstract(vocab, english),
                              "language": "en" if english else "fr"}
    if item_type.startswith("article"):
        fields["container-title"] = rng.choice(JOURNALS)
        fields["volume"] = str(rng.randint(1, 80))
        fields["page"] = f"{(p := rng.randint(1, 300))}-{p + rng.randint(5, 30)}"
        if rng.random() < 0.5:
            fields["DOI"] = f"https://doi.org/10.{rng.randint(1000, 9999)}/bench.{index}"
    elif item_type in ("book", "report", "thesis"):
        publisher, place = rng.choice(PUBLISHERS)
        fields["publisher"], fields["publisher-place"] = publisher, place
        if item_type == "book" and rng.random() < 0.7:
            fields["ISBN"] = (f"978-2-{rng.randint(1000, 9999)}-{rng.randint(1000, 9999)}-"
                              f"{index % 10}")
    elif item_type == "chapter":
        fields["container-title"] = make_title(vocab, english)
        fields["publisher"] = rng.choice(PUBLISHERS)[0]
    elif item_type == "webpage":
        fields["URL"] = f"https://example.org/ress/{index}"
        fields["accessed"] = f"2024-{rng.randint(1, 12):02d}"
    tags = tuple(rng.sample(TAGS, rng.choices((0, 1, 2, 3, 4), cum_weights=_TAGS_CUM)[0]))
    custom = {"Cote": f"B-{index:06d}"} if rng.random() < 0.1 else {}
    return ReferenceDraft(item_type=item_type, title=make_title(vocab, english),
                          creators=tuple(creators), issued=issued, fields=fields,
                          custom=custom, tags=tags)


def _creator_dict(creator: Creator) -> dict[str, str]:
    return {name: getattr(creator, name) for name in (
        "role", "family", "given", "dropping_particle", "non_dropping_particle", "suffix",
        "literal")}


def make_drafts(n: int, seed: int = SEED) -> list[ReferenceDraft]:
    vocab = Vocabulary(random.Random(seed))
    return [make_draft(vocab, i) for i in range(n)]


def make_attachment_text(vocab: Vocabulary) -> str:
    """2–5 KB of minutes and accounts: mostly attachment-only words, some topic words."""
    rng = vocab.rng
    target = rng.randint(2000, 5000)
    parts: list[str] = []
    size = 0
    while size < target:
        if rng.random() < 0.5:
            sentence = rng.choice(ATTACHMENT_SENTENCES).format(
                a=" ".join(vocab.words(2, False)), b=" ".join(vocab.words(2, False)),
                d=f"{rng.randint(1, 28)}/{rng.randint(1, 12)}/{rng.randint(1990, 2025)}")
        else:
            words = vocab.words(8, False) + rng.sample(ATTACHMENT_WORDS, 3)
            rng.shuffle(words)
            sentence = " ".join(words).capitalize() + "."
        parts.append(sentence)
        size += len(sentence) + 1
    return " ".join(parts)


# --- building ---------------------------------------------------------------------------

def build_library(folder: Path, n: int, n_attachments: int) -> dict[str, Any]:
    """Build the library in ``folder``; returns the build record (also saved beside it)."""
    print(f"building a {n:,}-reference library in {folder} …", flush=True)
    folder.mkdir(parents=True, exist_ok=True)
    record_path = folder / BUILD_RECORD
    record: dict[str, Any] = {"n": n, "attachments": n_attachments, "seed": SEED,
                              "complete": False}
    record_path.write_text(json.dumps(record), encoding="utf-8")  # marks the folder as ours
    t0 = time.perf_counter()
    drafts = make_drafts(n)
    print(f"  {n:,} drafts generated in {time.perf_counter() - t0:.1f} s (not timed)",
          flush=True)
    lib = Library.open(folder)
    try:
        gc.collect()
        load = os.getloadavg()[0]
        t0, c0 = time.perf_counter(), time.process_time()
        ids = references.add_many(lib, drafts)
        insert_s, insert_cpu = time.perf_counter() - t0, time.process_time() - c0
        print(f"  add_many: {insert_s:.2f} s ({n / insert_s:,.0f} references/s, "
              f"CPU {insert_cpu:.2f} s, load average before {load:.1f})", flush=True)
        del drafts
        attach_s = add_attachment_text(lib, ids, n_attachments)
        print(f"  {n_attachments:,} attachments' text added and indexed in {attach_s:.2f} s",
              flush=True)
    finally:
        lib.close()
    record.update(insert_s=insert_s, insert_cpu_s=insert_cpu, insert_load=load,
                  attachments_s=attach_s, complete=True,
                  built=datetime.now().isoformat(timespec="seconds"))
    record_path.write_text(json.dumps(record, indent=2), encoding="utf-8")
    return record


def add_attachment_text(lib: Library, ids: Sequence[int], count: int) -> float:
    """Attachment rows with 2–5 KB of text each on ``count`` references, then reindex.

    The rows go in directly, in one transaction: going through ``attachments.attach()``
    with 10,000 real files would measure file copying and text extraction, which is not
    what this bench is about. The search index is then brought up to date by the core's
    own ``search.index_references``, as attach() does one reference at a time.
    """
    rng = random.Random(SEED + 1)
    vocab = Vocabulary(random.Random(SEED + 2))
    chosen = sorted(rng.sample(list(ids), min(count, len(ids))))
    now = datetime.now()
    rows = []
    for rid in chosen:
        body = make_attachment_text(vocab)
        data = body.encode()
        rows.append({"reference_id": rid, "filename": f"pv-{rid}.pdf", "stored": True,
                     "sha256": hashlib.sha256(data).hexdigest(), "link_path": "",
                     "link_relative": False, "size": len(data), "text": body,
                     "text_status": "ok", "added": now})
    t0 = time.perf_counter()
    with lib.begin() as session:
        session.execute(insert(AttachmentRow), rows)
        search.index_references(session, chosen)
    return time.perf_counter() - t0


def existing_build(folder: Path) -> dict[str, Any] | None:
    """The build record of a library this bench built in ``folder``, if any."""
    record = folder / BUILD_RECORD
    if record.exists():
        data: dict[str, Any] = json.loads(record.read_text(encoding="utf-8"))
        return data
    return None


# --- measuring --------------------------------------------------------------------------

@dataclass
class Figure:
    name: str
    measured: float | None  # seconds
    target: float | None
    note: str = ""
    floor: float | None = None
    unit: str = "ms"

    @property
    def verdict(self) -> str:
        if self.measured is None or self.target is None:
            return ""
        return "PASS" if self.measured <= self.target else "FAIL"


def _fmt(seconds: float | None, unit: str) -> str:
    if seconds is None:
        return ""
    return f"{seconds:.2f} s" if unit == "s" else f"{seconds * 1000:.1f} ms"


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100): p95 of 50 values is the 48th smallest."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), math.ceil(q / 100 * len(ordered))))
    return ordered[rank - 1]


_OPEN_CHILD = """
import sys, time
sys.path.insert(0, {root!r})
t0 = time.perf_counter()
from sqlalchemy import select
from seminaire_app.storage.library import Library
from seminaire_app.storage.models import ReferenceRow
t1 = time.perf_counter()
lib = Library.open({folder!r}, create=False)
with lib.begin() as session:
    session.execute(select(ReferenceRow.id).limit(1)).all()
t2 = time.perf_counter()
lib.close()
print(t1 - t0, t2 - t1)
"""


def bench_open(folder: Path, runs: int) -> tuple[float, float, float]:
    """Medians of: open + first query in a fresh process (timed inside it, after its
    imports), the same in this process with the engine disposed between runs, and the
    fresh process's imports."""
    fresh, imports = [], []
    code = _OPEN_CHILD.format(root=str(ROOT), folder=str(folder))
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                             text=True).stdout.split()
        imports.append(float(out[0]))
        fresh.append(float(out[1]))
    warm = []
    for _ in range(runs * 2):
        t0 = time.perf_counter()
        lib = Library.open(folder, create=False)
        with lib.begin() as session:
            session.execute(select(ReferenceRow.id).limit(1)).all()
        warm.append(time.perf_counter() - t0)
        lib.close()
    return statistics.median(fresh), statistics.median(warm), statistics.median(imports)


#: 50 queries a user could type: words, accent-free spellings, prefixes, two words,
#: phrases, operators, names, a rare word, an absent word, attachment text.
QUERIES = [
    # single words, with and without accents
    "coopération", "cooperation", "économie", "economie", "territoire", "mécénat",
    "mecenat", "œuvre", "oeuvre", "Œuvres", "philanthropy", "governance", "bénévolat",
    "benevolat", "démocratie", "solidarity",
    # common prefixes (the expensive ones)
    "co*", "de*", "eco*", "soc*", "terr*", "pol*", "dev*", "pa*",
    # two words, phrases, operators
    "économie sociale", "economie solidaire", "coopération territoire",
    '"économie sociale et solidaire"', '"social economy"', "mécénat entreprise",
    "social economy", "politique publique", "philanthropy OR mécénat",
    "coopération -territoire", "innovation sociale", "gouvernance associative",
    # creators (particles, institutions, letters FTS5 does not fold)
    "Tocqueville", "d'Ormesson", "Łukasiewicz", "lukasiewicz", "Dvořák", "Rameau",
    "Fondation de France",
    # rare and absent words
    "ornithorynque", "palimpseste", "kangourou",
    # found in attachment text only
    "procès-verbal", "émargement", "quorum", '"budget prévisionnel"',
]
assert len(QUERIES) == 50, len(QUERIES)


def timed(fn: Callable[[], object], repeat: int) -> float:
    """Median wall time of ``fn`` over ``repeat`` calls, after one warm-up call."""
    fn()
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


@dataclass
class SearchResult:
    query: str
    core: float
    floor: float
    hits: int
    matches: int
    same_top: float  # share of the floor's top 50 also in the core's


FLOOR_SQL = (f"SELECT rowid, bm25({search.TABLE}, {search._WEIGHTS}) AS score "
             f"FROM {search.TABLE} WHERE {search.TABLE} MATCH ? ORDER BY score LIMIT 50")


def bench_search(lib: Library, folder: Path, queries: Sequence[str], repeat: int
                 ) -> list[SearchResult]:
    """Each query through the core, then as one plain FTS5 query on sqlite3 (the floor)."""
    conn = sqlite3.connect(folder / DATABASE_NAME)
    conn.execute("PRAGMA cache_size = -32000")  # as the core's connections
    count_sql = f"SELECT count(*) FROM {search.TABLE} WHERE {search.TABLE} MATCH ?"
    results = []
    try:
        for query in queries:
            match = search.build_match(query)

            def core(query: str = query) -> list[search.Hit]:
                with lib.begin() as session:
                    return search.search(session, query, limit=50)

            def floor(match: str | None = match) -> list[Any]:
                return [] if match is None else conn.execute(FLOOR_SQL, (match,)).fetchall()

            core_s = timed(core, repeat)
            floor_s = timed(floor, repeat)
            matches = 0 if match is None else conn.execute(count_sql, (match,)).fetchone()[0]
            mine = {h.id * 4 for h in core()}
            best = {rowid for rowid, _ in floor()}
            same = len(mine & best) / len(best) if best else 1.0
            results.append(SearchResult(query, core_s, floor_s, len(mine), matches, same))
    finally:
        conn.close()
    return results


def bench_paging(lib: Library, repeat: int) -> list[tuple[str, float, float | None]]:
    """(label, seconds, target) of pages and counts."""
    def page(**kwargs: Any) -> Callable[[], object]:
        return lambda: references.page(lib, limit=100, **kwargs)

    flt = references.ReferenceFilter
    cases: list[tuple[str, Callable[[], object], float | None]] = [
        ("page: first 100 by title", page(sort="title"), TARGET_PAGE),
        ("page: first 100 by year", page(sort="year"), TARGET_PAGE),
        ("page: first 100 by year, descending", page(sort="year", descending=True), None),
        ("page: first 100 by creator", page(sort="creator"), None),
        ("page: first 100 by date added, desc.", page(sort="added", descending=True), None),
        ("page: 100 at offset 50,000 by title", page(sort="title", offset=50_000), None),
        ("page: by title, tag « Mécénat »", page(sort="title", flt=flt(tag="Mécénat")), None),
        ("page: by year, text « mécénat »", page(sort="year", flt=flt(text="mécénat")), None),
        ("page: by title, text « ornithorynque »",
         page(sort="title", flt=flt(text="ornithorynque")), None),
        ("page: by type (no index on type)", page(sort="type"), None),
        ("count(), no filter", lambda: references.count(lib), None),
        ("count(), text « coopération »",
         lambda: references.count(lib, flt(text="coopération")), None),
        ("list_ids by title (every id; compare)", lambda: references.list_ids(lib), None),
    ]
    return [(label, timed(fn, repeat), target) for label, fn, target in cases]


# --- reporting --------------------------------------------------------------------------

def print_table(figures: Sequence[Figure]) -> None:
    headers = ("figure", "measured", "target", "result", "floor", "core/floor", "note")
    rows = []
    for f in figures:
        ratio = f"{f.measured / f.floor:.2f}" if f.floor and f.measured is not None else ""
        rows.append((f.name, _fmt(f.measured, f.unit),
                     "" if f.target is None else "≤ " + _fmt(f.target, f.unit), f.verdict,
                     _fmt(f.floor, f.unit), ratio, f.note))
    widths = [max(len(r[i]) for r in (headers, *rows)) for i in range(len(headers))]
    line = "  ".join(f"{{:<{w}}}" for w in widths)
    print(line.format(*headers))
    print(line.format(*("-" * w for w in widths)))
    for row in rows:
        print(line.format(*row).rstrip())


def print_queries(results: Sequence[SearchResult]) -> None:
    print(f"{'query':<34} {'matches':>8} {'hits':>5} {'core':>9} {'floor':>9} "
          f"{'ratio':>6} {'same top 50':>11}")
    for r in sorted(results, key=lambda r: -r.core):
        ratio = f"{r.core / r.floor:.2f}" if r.floor else ""
        print(f"{r.query:<34} {r.matches:>8,} {r.hits:>5} {_fmt(r.core, 'ms'):>9} "
              f"{_fmt(r.floor, 'ms'):>9} {ratio:>6} {r.same_top:>10.0%}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000, help="references (default 100000)")
    parser.add_argument("--attachments", type=int, default=None,
                        help="references with attachment text (default: n / 10)")
    parser.add_argument("--folder", type=Path, default=None,
                        help="library folder, built once and then reused "
                             "(default: a temporary folder, deleted afterwards)")
    parser.add_argument("--rebuild", action="store_true",
                        help="build again in --folder (only a folder this bench built)")
    parser.add_argument("--repeat", type=int, default=5,
                        help="timed runs per measurement, the median is kept (default 5)")
    parser.add_argument("--verbose", "-v", action="store_true",
                        help="also print every query's figures")
    args = parser.parse_args(argv)
    n_attachments = args.n // 10 if args.attachments is None else args.attachments

    temp: tempfile.TemporaryDirectory[str] | None = None
    if args.folder is None:
        temp = tempfile.TemporaryDirectory(prefix="seminaire-bench-")
        folder = Path(temp.name) / "library"
    else:
        folder = args.folder.expanduser().resolve()
    try:
        record = existing_build(folder)
        if record is None and (folder / DATABASE_NAME).exists():
            print(f"{folder} holds a library this bench did not build: not touching it",
                  file=sys.stderr)
            return 2
        if record is not None and (args.rebuild or not record.get("complete")
                                   or record.get("seed") != SEED):
            shutil.rmtree(folder)  # ours (it has our record): a rebuild, or a failed build
            record = None
        reused = record is not None
        if record is None:
            record = build_library(folder, args.n, n_attachments)
        elif record["n"] != args.n:
            print(f"note: {folder} holds {record['n']:,} references, not --n {args.n:,}; "
                  "measuring it as it is (--rebuild to change it)", flush=True)
        return run_measurements(folder, record, reused, args)
    finally:
        if temp is not None:
            temp.cleanup()


def run_measurements(folder: Path, record: dict[str, Any], reused: bool,
                     args: argparse.Namespace) -> int:
    n = int(record["n"])
    load_before = os.getloadavg()[0]
    figures: list[Figure] = []
    built = f"from the build of {record['built']}" if reused else "this run"
    figures.append(Figure(
        f"insert: add_many of {n:,} references", record["insert_s"],
        TARGET_INSERT * max(1.0, n / 100_000),
        f"{n / record['insert_s']:,.0f}/s, CPU {record['insert_cpu_s']:.1f} s, "
        f"load {record['insert_load']:.1f}; {built}", unit="s"))
    figures.append(Figure(
        f"attachment text: {record['attachments']:,} rows + reindex", record["attachments_s"],
        None, f"rows in bulk, then search.index_references; {built}", unit="s"))

    print("measuring opening …", flush=True)
    fresh, warm, imports = bench_open(folder, runs=max(3, args.repeat))
    figures.append(Figure("open + first query (fresh process)", fresh, TARGET_OPEN,
                          f"median; the process's imports took {imports * 1000:.0f} ms more"))
    figures.append(Figure("open + first query (same process)", warm, None,
                          "median, engine disposed between runs"))

    lib = Library.open(folder, create=False)
    try:
        with lib.begin() as session:
            total = session.scalar(select(func.count()).select_from(ReferenceRow))
        print(f"measuring {len(QUERIES)} searches over {total:,} references …", flush=True)
        results = bench_search(lib, folder, QUERIES, args.repeat)
        core = [r.core for r in results]
        floor = [r.floor for r in results]
        bounded = [r for r in results if r.matches > search.RANK_BOUND]
        figures.append(Figure("search: median", statistics.median(core), None,
                              f"{len(results)} queries, limit 50",
                              floor=statistics.median(floor)))
        figures.append(Figure("search: p95", percentile(core, 95), TARGET_SEARCH_P95,
                              "floor: sqlite3, MATCH … ORDER BY bm25 LIMIT 50",
                              floor=percentile(floor, 95)))
        worst = max(results, key=lambda r: r.core)
        figures.append(Figure(f"search: slowest ({worst.query})", worst.core, None,
                              f"{worst.matches:,} matches", floor=worst.floor))
        exact = sum(1 for r in results if r.same_top == 1.0)
        agreement = (statistics.mean(r.same_top for r in bounded) if bounded else 1.0)
        figures.append(Figure(
            "search: same top 50 as full bm25", None, None,
            f"{exact} of {len(results)} queries; the {len(bounded)} matching more than "
            f"{search.RANK_BOUND:,} share {agreement:.0%} on average (bounded ranking)"))

        print("measuring paging …", flush=True)
        for label, seconds, target in bench_paging(lib, args.repeat):
            figures.append(Figure(label, seconds, target))
    finally:
        lib.close()
    load_after = os.getloadavg()[0]

    if args.verbose:
        print()
        print_queries(results)
    print()
    print(f"Séminaire library bench: {n:,} references, {record['attachments']:,} with "
          f"attachment text; SQLite {sqlite3.sqlite_version}, Python "
          f"{sys.version.split()[0]}, {os.cpu_count()} CPUs, load average "
          f"{load_before:.1f} → {load_after:.1f}")
    print(f"library: {folder}")
    print()
    print_table(figures)
    failed = [f for f in figures if f.verdict == "FAIL"]
    print()
    if max(load_before, load_after) > 1.0:
        print("note: other processes were running (load average above 1 on this machine); "
              "timings are inflated accordingly")
    print("all targets met" if not failed else
          f"{len(failed)} target(s) missed: " + ", ".join(f.name for f in failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
