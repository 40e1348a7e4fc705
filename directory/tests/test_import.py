"""`manage.py import_actors`: good lines, each kind of bad line, idempotency, dry run."""

import pytest
from django.core.management import CommandError, call_command

from directory.models import Actor

pytestmark = pytest.mark.django_db

HEADER = "external_id,name,kind,departements,address,postcode,city,phone,email,website,services,description\n"
GOOD = (
    'ext-1,Passerelles Jeunes Exilés,association,93;94,"12 rue de Paris",93100,Montreuil,01 48 00 00 00,'
    'contact@passerelles.example.org,https://passerelles.example.org,acces-aux-droits;interpretariat,"Permanences juridiques, ateliers"\n'
    "ext-2,Mission nationale,etat,national,,,Paris,,,,evaluation,Orientation nationale\n"
    "ext-3,Association corse,association,2a,,,Ajaccio,,,,,\n"
)


def run(tmp_path, content, *args):
    path = tmp_path / "actors.csv"
    path.write_text(content, encoding="utf-8")
    out, err = [], []

    class Stream:
        def __init__(self, target):
            self.target = target

        def write(self, text):
            self.target.append(text)

        def flush(self):
            pass

    try:
        call_command("import_actors", str(path), *args, stdout=Stream(out), stderr=Stream(err))
        failed = False
    except CommandError as error:
        err.append(str(error))
        failed = True
    return failed, "".join(out), "".join(err)


def test_good_lines_are_imported_and_published(tmp_path, client):
    failed, out, err = run(tmp_path, HEADER + GOOD)
    assert not failed, err
    assert "ligne 2 : créée (ext-1)" in out
    actor = Actor.objects.get(external_id="ext-1")
    assert actor.live and actor.live_revision_id and not actor.has_unpublished_changes
    assert sorted(actor.departements.values_list("code", flat=True)) == ["93", "94"]
    assert sorted(actor.services.values_list("slug", flat=True)) == [
        "acces-aux-droits",
        "interpretariat",
    ]
    assert actor.description == "Permanences juridiques, ateliers"
    national = Actor.objects.get(external_id="ext-2")
    assert national.is_national and not national.departements.exists()
    assert list(
        Actor.objects.get(external_id="ext-3").departements.values_list("code", flat=True)
    ) == ["2A"]
    assert client.get(actor.get_absolute_url()).status_code == 200


def test_import_is_idempotent(tmp_path):
    run(tmp_path, HEADER + GOOD)
    slugs = dict(Actor.objects.values_list("external_id", "slug"))
    failed, out, _ = run(tmp_path, HEADER + GOOD.replace("Montreuil", "Saint-Ouen"))
    assert not failed
    assert "ligne 2 : mise à jour (ext-1)" in out
    assert Actor.objects.count() == 3
    assert dict(Actor.objects.values_list("external_id", "slug")) == slugs
    assert Actor.objects.get(external_id="ext-1").city == "Saint-Ouen"


@pytest.mark.parametrize(
    "line, reason",
    [
        ("bad-1,Nom,banque,93,,,,,,,,\n", "type d'acteur inconnu : « banque »"),
        ("bad-2,Nom,association,93,,,,,,,cuisine,\n", "service inconnu : cuisine"),
        ("bad-3,Nom,association,93;99,,,,,,,,\n", "code de département inconnu : 99"),
        (
            "bad-4,Nom,association,93,,,,,pas-un-courriel,,,\n",
            "courriel invalide : « pas-un-courriel »",
        ),
        ("bad-5,Nom,association,93,,,,,,javascript:alert(1),,\n", "site internet invalide"),
        ("bad-6,,association,93,,,,,,,,\n", "nom manquant"),
        (",Nom,association,93,,,,,,,,\n", "external_id manquant"),
        ("bad-8,Nom,association,,,,,,,,,\n", "aucun département"),
        ("bad-9,Nom\x00,association,93,,,,,,,,\n", "caractère nul dans la ligne"),
        ("bad-10,Nom,association,93,,,,,,,,,de trop\n", "trop de colonnes sur la ligne"),
    ],
)
def test_bad_lines_are_reported_with_their_number_and_change_nothing(tmp_path, line, reason):
    failed, out, err = run(tmp_path, HEADER + GOOD + line)
    assert failed
    assert f"ligne 5 : ERREUR {reason}" in err
    assert "3 ligne(s) créée(s), 0 mise(s) à jour, 0 inchangée(s), 1 en erreur" in err
    assert Actor.objects.count() == 3  # the good lines still went in
    assert not Actor.objects.filter(external_id__startswith="bad").exists()


def test_a_bad_line_does_not_change_an_existing_actor(tmp_path):
    run(tmp_path, HEADER + GOOD)
    failed, _, err = run(tmp_path, HEADER + "ext-1,Nouveau nom,association,93,,,,,faux,,,\n")
    assert failed and "ligne 2 : ERREUR courriel invalide" in err
    assert Actor.objects.get(external_id="ext-1").name == "Passerelles Jeunes Exilés"


def test_dry_run_writes_nothing(tmp_path):
    failed, out, _ = run(tmp_path, HEADER + GOOD, "--dry-run")
    assert not failed
    assert "[essai] ligne 2 : créée (ext-1)" in out
    assert Actor.objects.count() == 0


def test_semicolon_file_with_bom_and_missing_columns(tmp_path):
    content = "\ufeff" + HEADER.replace(",", ";") + "ext-9;Nom;avocat;75;;;;;;;acces-aux-droits;\n"
    failed, _, err = run(tmp_path, content)
    assert not failed, err
    assert Actor.objects.get(external_id="ext-9").kind == "avocat"
    failed, _, err = run(tmp_path, "external_id,name\next,Nom\n")
    assert failed and "colonnes manquantes" in err


def test_unchanged_line_records_no_new_revision(tmp_path):
    run(tmp_path, HEADER + GOOD)
    actor = Actor.objects.get(external_id="ext-1")
    revisions = actor.revisions.count()
    failed, out, _ = run(tmp_path, HEADER + GOOD)
    assert not failed
    assert "ligne 2 : inchangée (ext-1)" in out
    assert "0 ligne(s) créée(s), 0 mise(s) à jour, 3 inchangée(s), 0 en erreur" in out
    assert actor.revisions.count() == revisions


def test_optional_themes_and_last_verified_columns(tmp_path):
    header = HEADER.replace("description\n", "description,themes,last_verified\n")
    line = "ext-7,Nom,avocat,75,,,,,,,,,contentieux;asile,2025-02-01\n"
    failed, _, err = run(tmp_path, header + line)
    assert not failed, err
    actor = Actor.objects.get(external_id="ext-7")
    assert sorted(actor.themes.values_list("slug", flat=True)) == ["asile", "contentieux"]
    assert actor.last_verified.isoformat() == "2025-02-01"
    # Without the optional columns, an update keeps them.
    failed, _, err = run(tmp_path, HEADER + "ext-7,Autre nom,avocat,75,,,,,,,,\n")
    assert not failed, err
    actor.refresh_from_db()
    assert actor.name == "Autre nom" and actor.themes.count() == 2
    assert actor.last_verified.isoformat() == "2025-02-01"


@pytest.mark.parametrize(
    ("values", "reason"),
    [("astrologie,", "thème inconnu : astrologie"), (",01/02/2025", "last_verified invalide")],
)
def test_bad_optional_columns_are_reported(tmp_path, values, reason):
    header = HEADER.replace("description\n", "description,themes,last_verified\n")
    failed, _, err = run(tmp_path, header + f"ext-8,Nom,avocat,75,,,,,,,,,{values}\n")
    assert failed and f"ligne 2 : ERREUR {reason}" in err
    assert not Actor.objects.exists()
