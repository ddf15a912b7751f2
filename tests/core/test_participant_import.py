"""Importing registrations from the CSV files a university form and Excel produce."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from seminaire_app.domain import Changes, ParticipantRole
from seminaire_app.errors import NotFound, ValidationError
from seminaire_app.services import editions, participants, workshops
from seminaire_app.services.participant_import import ImportReport, detect_columns, import_csv
from seminaire_app.storage.library import Library

CONVERGENCE = "Convergence d'intérêts et construction des coopérations : le choc des cultures"


@pytest.fixture
def seminar(tmp_path: Path) -> Iterator[Library]:
    """Edition 2017 with four workshops (n°2 has a single place); Hélène Martin is known."""
    library = Library.open(tmp_path / "library")
    editions.add(library, 2017, "Séminaire prospectif 2017")
    workshops.add(library, 2017, "Des coopérations informelles à l'émergence de nouveaux projets")
    workshops.add(library, 2017, CONVERGENCE, capacity=1)
    workshops.add(library, 2017, "Structurer les coopérations : l'enjeu de la pérennisation",
                  capacity=12)
    workshops.add(library, 2017, "Valoriser, évaluer et mesurer les impacts", capacity=12)
    participants.add(library, "Martin", "Hélène", "Les Jardins du Drac",
                     "helene.martin@example.org")
    yield library
    library.close()


def write_csv(folder: Path, text: str, encoding: str, name: str = "inscriptions.csv") -> Path:
    path = folder / name
    path.write_bytes(text.replace("\n", "\r\n").encode(encoding))
    return path


def people(lib: Library) -> dict[str, tuple[str, str, str]]:
    return {p.email: (p.family, p.given, p.organisation)
            for p in participants.list_participants(lib)}


def workshops_of(lib: Library) -> dict[str, tuple[int, ...]]:
    return {r.participant.email: r.workshops for r in participants.registrations(lib, 2017)}


EXCEL_FR = """\
Nom;Prénom;Structure;Courriel;Atelier souhaité
Dupré;Hélène;Société coopérative Mosaïque;helene.dupre@example.org;Atelier n°1
Lefèvre;Joël;Association Élan;joel.lefevre@example.org;2 - Convergence d'intérêts…
Nguyen;Camille;Grenoble-Alpes Métropole;camille.nguyen@example.org;2
Besson;Zoé;Régie de quartier;zoe.besson@example;3
;Marc;Scop;marc@example.org;4
;;;;
"""


def test_cp1252_semicolons_french_headers(seminar: Library, tmp_path: Path) -> None:
    path = write_csv(tmp_path, EXCEL_FR, "cp1252")
    assert "é".encode("cp1252") in path.read_bytes()  # really Windows-1252, not UTF-8
    report = import_csv(seminar, path, 2017)
    assert (report.created, report.known, report.registered, report.assigned) == (3, 0, 3, 2)
    assert (report.delimiter, report.encoding, report.rows) == (";", "cp1252", 5)
    assert dict(report.columns) == {"family": "Nom", "given": "Prénom",
                                    "organisation": "Structure", "email": "Courriel",
                                    "workshop": "Atelier souhaité"}
    assert report.errors == ("line 5: « zoe.besson@example » is not an e-mail address",
                             "line 6: no family name")
    assert report.unassigned == ("line 4: Camille Nguyen: workshop 2 is full (capacity 1)",)
    known = people(seminar)
    assert known["helene.dupre@example.org"] == ("Dupré", "Hélène",
                                                 "Société coopérative Mosaïque")
    assert known["joel.lefevre@example.org"] == ("Lefèvre", "Joël", "Association Élan")
    assert "zoe.besson@example" not in known
    assert "marc@example.org" not in known
    assert workshops_of(seminar) == {"helene.dupre@example.org": (1,),
                                     "joel.lefevre@example.org": (2,),
                                     "camille.nguyen@example.org": ()}


def test_utf8_bom_commas_english_headers_and_known_email(seminar: Library,
                                                          tmp_path: Path) -> None:
    text = """\
Last name,First name,Organization,E-mail,Workshop
Martin,Hélène,"Les Jardins du Drac, association",HELENE.MARTIN@Example.org,Atelier 3
Okafor,Chidi,"Impact & Territoires, coopérative",chidi.okafor@example.org,
"""
    path = write_csv(tmp_path, text, "utf-8-sig")
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    report = import_csv(seminar, path, 2017)
    assert (report.created, report.known, report.registered, report.assigned) == (1, 1, 2, 1)
    assert (report.delimiter, report.encoding, report.errors) == (",", "utf-8", ())
    assert report.unassigned == ("line 3: Chidi Okafor: no workshop wished",)
    everyone = participants.list_participants(seminar)
    assert [p.family for p in everyone].count("Martin") == 1  # reused, not duplicated
    assert people(seminar)["chidi.okafor@example.org"] == (
        "Okafor", "Chidi", "Impact & Territoires, coopérative")
    assert workshops_of(seminar)["helene.martin@example.org"] == (3,)
    assert not any(name.startswith("\ufeff") for _f, name in report.columns)


def test_workshop_at_capacity_keeps_people_already_there(seminar: Library,
                                                         tmp_path: Path) -> None:
    first = participants.add(seminar, "Roux", "Amélie", email="amelie.roux@example.org")
    participants.assign(seminar, 2017, 2, first.id)
    path = write_csv(tmp_path, "Nom;Prénom;Courriel;Atelier\n"
                               "Roux;Amélie;amelie.roux@example.org;2\n"
                               "Faure;Olivier;olivier.faure@example.org;Atelier n° 2\n", "utf-8")
    report = import_csv(seminar, path, 2017)
    assert (report.created, report.known, report.registered) == (1, 1, 1)
    assert report.already_registered == 1
    assert report.assigned == 0  # Amélie was already in n°2; Olivier finds it full
    assert report.unassigned == ("line 3: Olivier Faure: workshop 2 is full (capacity 1)",)
    assert workshops_of(seminar) == {"amelie.roux@example.org": (2,),
                                     "olivier.faure@example.org": ()}


def test_unlimited_capacity_unknown_workshop_and_title_wish(seminar: Library,
                                                            tmp_path: Path) -> None:
    rows = "".join(f"Nom{i};Personne;p{i}@example.org;1\n" for i in range(30))
    path = write_csv(tmp_path, "Nom;Prénom;Courriel;Atelier souhaité\n" + rows
                     + "Perrin;Julien;julien.perrin@example.org;Atelier n°7\n"
                     + f"Girard;Élise;elise.girard@example.org;{CONVERGENCE}\n", "utf-8")
    report = import_csv(seminar, path, 2017)
    assert report.assigned == 31  # 30 in n°1 (no capacity), Élise in n°2 by its title
    assert report.unassigned == ("line 32: Julien Perrin: no workshop 7 in 2017",)
    assert workshops_of(seminar)["elise.girard@example.org"] == (2,)


def test_known_facilitator_keeps_role(seminar: Library, tmp_path: Path) -> None:
    anne = participants.add(seminar, "Rochas", "Anne", email="anne.rochas@example.org")
    participants.register(seminar, 2017, anne.id, ParticipantRole.FACILITATOR)
    path = write_csv(tmp_path, "Nom;Prénom;Courriel\nRochas;Anne;Anne.Rochas@example.org\n",
                     "utf-8")
    report = import_csv(seminar, path, 2017)
    assert (report.known, report.registered, report.already_registered) == (1, 0, 1)
    assert report.unassigned == ()  # no workshop column: nothing to assign
    (reg,) = participants.registrations(seminar, 2017)
    assert reg.role is ParticipantRole.FACILITATOR


def test_line_numbers_follow_the_file(seminar: Library, tmp_path: Path) -> None:
    text = ('sep=;\n\nNom;Prénom;Courriel\n"Durand";"Anne-Marie";"am.durand@example.org"\n'
            '"Multi\nligne";"Paul";"paul@example.org"\n"Vidal";"Léa";"pas-un-courriel"\n'
            "Vidal;Léa bis;AM.Durand@example.org\n")
    report = import_csv(seminar, write_csv(tmp_path, text, "cp1252"), 2017)
    assert report.errors == ("line 7: « pas-un-courriel » is not an e-mail address",)
    assert report.warnings == (
        "line 8: same e-mail as line 4; only the first row was imported",)
    assert (report.created, report.registered) == (2, 2)
    assert people(seminar)["paul@example.org"][0] == "Multi ligne"


def test_dry_run_writes_nothing_and_reports_the_same(seminar: Library,
                                                     tmp_path: Path) -> None:
    changes: list[Changes] = []
    seminar.subscribe(changes.append)
    path = write_csv(tmp_path, EXCEL_FR, "cp1252")
    before = (people(seminar), workshops_of(seminar))
    preview = import_csv(seminar, path, 2017, dry_run=True)
    assert (people(seminar), workshops_of(seminar)) == before
    assert changes == []
    assert preview.dry_run
    assert (preview.created, preview.registered, preview.assigned) == (3, 3, 2)
    done = import_csv(seminar, path, 2017)
    assert changes == [Changes.PARTICIPANTS]
    assert not done.dry_run
    assert (done.created, done.registered, done.assigned, done.unassigned, done.errors) == (
        preview.created, preview.registered, preview.assigned, preview.unassigned,
        preview.errors)
    again = import_csv(seminar, path, 2017)  # importing twice duplicates nobody
    assert (again.created, again.known, again.registered, again.assigned) == (0, 3, 0, 0)
    assert again.already_registered == 3


def test_explicit_mapping_with_odd_headers(seminar: Library, tmp_path: Path) -> None:
    text = ("Identité;Petit nom;Boîte;Adresse de contact;Choix\n"
            "Fontaine;Claire;ESEAC;claire.fontaine@example.org;"
            "Valoriser, évaluer et mesurer les impacts\n")
    path = write_csv(tmp_path, text, "utf-8")
    with pytest.raises(ValidationError) as info:
        import_csv(seminar, path, 2017)
    assert info.value.field == "mapping"
    mapping = {"IDENTITE": "family", "petit nom": "given", "Boite": "organisation",
               "adresse de contact": "email", "CHOIX": "workshop"}
    report = import_csv(seminar, path, 2017, mapping=mapping)
    assert (report.created, report.assigned, report.errors) == (1, 1, ())
    assert dict(report.columns)["family"] == "Identité"
    assert people(seminar)["claire.fontaine@example.org"] == ("Fontaine", "Claire", "ESEAC")
    assert workshops_of(seminar)["claire.fontaine@example.org"] == (4,)


def test_mapping_overrides_detection_and_is_checked() -> None:
    header = ["Nom", "Prénom", "Nom d'usage", "Mail perso", "Courriel"]
    assert detect_columns(header) == {"family": 0, "given": 1, "email": 4}
    assert detect_columns(header, {"nom d'usage": "family", "MAIL PERSO": "email",
                                   "Nom": ""}) == {"family": 2, "given": 1, "email": 3}
    with pytest.raises(ValidationError) as info:
        detect_columns(header, {"Nom": "surname"})
    assert info.value.field == "mapping"
    with pytest.raises(ValidationError) as info:
        detect_columns(header, {"Téléphone": "email"})
    assert info.value.field == "mapping"


@pytest.mark.parametrize(("content", "words"), [
    (None, "does not exist"),
    (b"", "empty"),
    (b"\xef\xbb\xbf \r\n\r\n", "empty"),
    (b";;;\r\n;;\r\n", "no column titles"),
    (b"Nom;Pr\x81nom\x8d\r\n", "neither UTF-8 nor Windows-1252"),
    (b"PK\x03\x04\x14\x00\x06\x00", "not a text file"),
])
def test_unreadable_files(seminar: Library, tmp_path: Path, content: bytes | None,
                          words: str) -> None:
    path = tmp_path / "inscriptions.csv"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(ValidationError) as info:
        import_csv(seminar, path, 2017)
    assert info.value.field == "file"
    assert words in info.value.message


def test_unknown_edition(seminar: Library, tmp_path: Path) -> None:
    path = write_csv(tmp_path, "Nom;Courriel\nDurand;a@example.org\n", "utf-8")
    with pytest.raises(NotFound):
        import_csv(seminar, path, 2031)
    assert "a@example.org" not in people(seminar)


def test_report_is_frozen_with_the_required_fields_first() -> None:
    report = ImportReport(1, 2, 3, 4, ("u",), ("e",))
    assert report.already_registered == 0
    assert report.columns == ()
    with pytest.raises(AttributeError):
        report.created = 5  # type: ignore[misc]
