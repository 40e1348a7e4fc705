"""CSV and JSON exports of the filtered directory."""

import csv
import datetime
import io
import json

import pytest
from django.core.management import call_command
from openpyxl import load_workbook

from core.spreadsheet import neutralise_formula
from directory.factories import ActorFactory
from directory.models import Actor, ActorKind, Service

pytestmark = pytest.mark.django_db


@pytest.fixture
def actors(db):
    ActorFactory(
        name="Équipe Éducative Île-de-France",
        kind=ActorKind.ASSOCIATION,
        departements=["93", "94"],
        services=["acces-aux-droits"],
        external_id="secret-id-1",
        city="Montreuil",
    )
    ActorFactory(
        name='=HYPERLINK("http://evil")',
        kind=ActorKind.AUTRE,
        departements=["75"],
        description="+33 1 23",
    )
    ActorFactory(
        name="@SUM(A1)",
        kind=ActorKind.AUTRE,
        departements=["2A"],
        phone="-1+1",
        city="\tcmd",
        address="\rx",
    )
    ActorFactory(name="Mission nationale", kind=ActorKind.ETAT, is_national=True)
    ActorFactory(name="Brouillon", departements=["93"], live=False)


def read_csv(response):
    body = b"".join(response.streaming_content)
    assert body.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM, for Excel
    text = body.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


def test_csv_header_encoding_and_only_live_public_fields(client, actors):
    response = client.get("/annuaire/export.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="annuaire-acteurs.csv"' in response["Content-Disposition"]
    rows = read_csv(response)
    assert rows[0][:4] == ["identifiant", "nom", "type", "départements"]
    by_name = {row[1]: dict(zip(rows[0], row, strict=True)) for row in rows[1:]}
    assert "Brouillon" not in by_name
    assert len(rows) == 5
    equipe = by_name["Équipe Éducative Île-de-France"]
    # Labels a person reads, « ; » between values (« 93,94 » would become a number in a spreadsheet).
    assert equipe["type"] == "Association"
    assert equipe["départements"] == "93; 94"
    assert equipe["services"] == Service.objects.get(slug="acces-aux-droits").name
    assert equipe["page"].endswith("/annuaire/" + equipe["identifiant"] + "/")
    assert by_name["Mission nationale"]["départements"].startswith("national")
    assert (
        "secret-id-1" not in b"".join(client.get("/annuaire/export.csv").streaming_content).decode()
    )


def test_the_csv_export_is_read_back_by_import_actors(client, actors, tmp_path):
    Actor.objects.filter(name="Mission nationale").update(postcode="06000")
    path = tmp_path / "export.csv"
    path.write_bytes(b"".join(client.get("/annuaire/export.csv").streaming_content))
    before = {a.slug: _snapshot(a) for a in Actor.objects.filter(live=True)}
    # Into the same directory: every line is recognised and nothing changes.
    out = io.StringIO()
    call_command("import_actors", str(path), stdout=out)
    assert "4 inchangée(s), 0 en erreur" in out.getvalue()
    assert {a.slug: _snapshot(a) for a in Actor.objects.filter(live=True)} == before
    # Into an empty directory: the same actors come back, at the same addresses.
    Actor.objects.all().delete()
    call_command("import_actors", str(path), stdout=io.StringIO())
    assert {a.slug: _snapshot(a) for a in Actor.objects.filter(live=True)} == before


def _snapshot(actor):
    return (
        actor.name,
        actor.kind,
        actor.is_national,
        actor.postcode,
        actor.city,
        actor.phone,
        actor.description,
        sorted(d.code for d in actor.departements.all()),
        sorted(s.slug for s in actor.services.all()),
        sorted(t.slug for t in actor.themes.all()),
    )


def test_xlsx_export_has_typed_cells_and_labels(client, actors):
    Actor.objects.filter(name="Mission nationale").update(postcode="06000")
    response = client.get("/annuaire/export.xlsx")
    assert response.status_code == 200
    assert 'filename="annuaire-acteurs.xlsx"' in response["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    header = rows[0]
    by_name = {row[1]: dict(zip(header, row, strict=True)) for row in rows[1:]}
    national = by_name["Mission nationale"]
    assert national["code postal"] == "06000"  # text, the leading zero kept
    assert by_name["Équipe Éducative Île-de-France"]["départements"] == "93; 94"
    assert by_name["Équipe Éducative Île-de-France"]["type"] == "Association"
    assert isinstance(national["vérifié le"], datetime.datetime)  # a date cell
    # Every cell is text or a date, never a number or a formula (a name typed as =HYPERLINK stays text).
    types = {cell.data_type for row in sheet.iter_rows(min_row=2) for cell in row}
    assert types <= {"s", "inlineStr", "d"}, types
    assert not any(str(row[1]).startswith("=") for row in rows[1:])


def test_csv_neutralises_formulas(client, actors):
    rows = read_csv(client.get("/annuaire/export.csv"))
    header = rows[0]
    cells = [dict(zip(header, row, strict=True)) for row in rows[1:]]
    names = {cell["nom"] for cell in cells}
    assert '\'=HYPERLINK("http://evil")' in names
    assert "'@SUM(A1)" in names
    sum_row = next(cell for cell in cells if cell["nom"] == "'@SUM(A1)")
    assert sum_row["téléphone"] == "'-1+1"
    assert sum_row["ville"] == "'\tcmd"
    assert sum_row["adresse"] == "'\rx"
    hyperlink = next(cell for cell in cells if cell["nom"].startswith("'=H"))
    assert hyperlink["description"] == "'+33 1 23"
    for cell in cells:
        for value in cell.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r"))


@pytest.mark.parametrize("value", ["=1+1", "+1", "-1", "@x", "\tx", "\rx"])
def test_neutralise_formula(value):
    assert neutralise_formula(value) == "'" + value
    assert neutralise_formula("Association") == "Association"


def test_csv_follows_the_filters(client, actors):
    rows = read_csv(client.get("/annuaire/export.csv?departement=93&kind=association"))
    assert [row[1] for row in rows[1:]] == ["Équipe Éducative Île-de-France"]
    rows = read_csv(client.get("/annuaire/export.csv?departement=93"))
    assert {row[1] for row in rows[1:]} == {"Équipe Éducative Île-de-France", "Mission nationale"}
    rows = read_csv(client.get("/annuaire/export.csv?kind=inconnu&page=x"))
    assert len(rows) == 5


def test_json_export(client, actors):
    response = client.get("/annuaire/export.json?departement=2a")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    data = json.loads(response.content.decode("utf-8"))
    assert data["filters"] == "departement=2A"
    assert data["count"] == 2
    assert {actor["name"] for actor in data["actors"]} == {"@SUM(A1)", "Mission nationale"}
    record = next(actor for actor in data["actors"] if actor["name"] == "@SUM(A1)")
    assert record["departements"] == ["2A"]
    assert set(record) >= {
        "slug",
        "kind",
        "services",
        "themes",
        "email",
        "website",
        "last_verified",
        "url",
    }
    assert not {"external_id", "live", "latest_revision", "reports"} & set(record)
    assert "Équipe" in client.get("/annuaire/export.json").content.decode("utf-8")  # not \u-escaped
