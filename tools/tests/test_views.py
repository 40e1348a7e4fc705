"""The /outils/ pages: what a visitor sees, the forms' errors, the downloads, and the page cache."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from openpyxl import load_workbook

from tools import uploads
from tools.detail_table import XLSX_TYPE

from .conftest import csv_bytes, xlsx_bytes

pytestmark = pytest.mark.django_db
URL = "/outils/financement-etat/"
GOOD = ["A-1", "01/01/2024", "23/01/2024", "20/01/2024", "oui", "oui"]
OVER = ["A-2", "01/02/2024", "29/02/2024", "28/02/2024", "non", "non"]
BAD = ["A-3", "01/03/2024", "31/02/2024", "", "oui", "oui"]


def text(response):
    """The page's text, tags and extra spaces removed."""
    html = re.sub(r"<[^>]+>", " ", response.content.decode())
    return re.sub(r"\s+", " ", html.replace("\u202f", " ").replace("\u00a0", " ")).replace(
        "&#x27;", "'"
    )


def post_table(client, name, content, quarter="2024-T1"):
    return client.post(
        URL,
        {
            "mode": "tableau",
            "tableau-quarter": quarter,
            "tableau-table": SimpleUploadedFile(name, content),
        },
    )


def test_index_lists_the_tools(client):
    response = client.get("/outils/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'href="/outils/financement-etat/"' in html and 'href="/outils/courriers/"' in html
    assert html.count("<h1") == 1


def test_calculator_page(client):
    response = client.get(URL)
    assert response.status_code == 200
    page = text(response)
    assert "Rien n'est conservé" in page
    assert "2023-1240" in page and "À partir du 1er trimestre 2024" in page
    html = response.content.decode()
    assert 'for="id_totaux-quarter"' in html and 'for="id_tableau-table"' in html
    assert 'aria-describedby="rien-n-est-conserve id_tableau-table-help"' in html
    assert '<option value="2023-T1">1er trimestre 2023</option>' in html
    assert response["Cache-Control"] == "no-store, private"
    assert "X-Robots-Tag" not in response  # the empty calculator is a public page


def test_totals(client):
    response = client.post(
        URL,
        {
            "mode": "totaux",
            "totaux-quarter": "2024-T2",
            "totaux-evaluated": "3",
            "totaux-evaluated_reduced": "1",
            "totaux-attested_days": "23, 30",
            "totaux-other_days": "20",
        },
    )
    assert response.status_code == 200
    page = text(response)
    assert "Résultat pour le 2e trimestre 2024 : 5 740,00 €" in page
    assert "Date limite de la demande à l'ASP : 30 juin 2025" in page
    assert "Au-delà de 23 jours : 7 jours non financés" in page
    assert "Attestation manquante : 6 jours de 2e phase non financés" in page
    assert "Règles appliquées : Règles applicables à partir de 2024" in page
    assert (
        response["Cache-Control"] == "no-store, private" and response["X-Robots-Tag"] == "noindex"
    )


def test_totals_errors_keep_what_was_typed(client):
    response = client.post(
        URL,
        {
            "mode": "totaux",
            "totaux-quarter": "2024-T1",
            "totaux-attested_days": "12, 1O, 400",
            "totaux-evaluated": "-2",
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Ces valeurs ne sont pas des nombres de jours (de 1 à 366) : « 1O », « 400 »." in html
    assert re.search(
        r'<textarea[^>]*aria-describedby="id_totaux-attested_days-help id_totaux-attested_days-error"',
        html,
    )
    assert ">\n12, 1O, 400</textarea>" in html
    assert 'href="#id_totaux-evaluated"' in html


def test_totals_need_something(client):
    response = client.post(URL, {"mode": "totaux", "totaux-quarter": "2024-T1"})
    assert "Indiquez au moins une personne évaluée ou une durée de mise à l'abri." in text(response)


def test_a_quarter_without_rules_is_refused(client):
    response = client.post(
        URL, {"mode": "totaux", "totaux-quarter": "2019-T1", "totaux-evaluated": "1"}
    )
    assert response.status_code == 400
    assert "Sélectionnez un choix valide" in text(response)


def test_2023_quarter_uses_the_2023_rules(client):
    response = client.post(
        URL, {"mode": "totaux", "totaux-quarter": "2023-T4", "totaux-evaluated_reduced": "2"}
    )
    page = text(response)
    assert "Résultat pour le 4e trimestre 2023 : 1 000,00 €" in page
    assert "Règles appliquées : Règles de 2023" in page


@pytest.mark.parametrize(
    ("name", "content"),
    [("detail.csv", csv_bytes([GOOD, OVER, BAD])), ("detail.xlsx", xlsx_bytes([GOOD, OVER, BAD]))],
)
def test_upload_shows_each_line_the_total_and_the_errors(client, name, content):
    response = post_table(client, name, content)
    assert response.status_code == 200
    page = text(response)
    # 23 days + 500 € ; 29 days without attestation, 100 € ; a bad line.
    assert "Résultat pour le 1er trimestre 2024 : 3 300,00 €" in page
    assert "1 ligne en erreur" in page
    assert (
        "Ligne 4 : « Fin de mise à l'abri » : « 31/02/2024 » n'est pas une date (attendu JJ/MM/AAAA)."
        in page
    )
    assert "Attestation manquante : 9 jours de 2e phase non financés" in page
    assert "Au-delà de 23 jours : 6 jours non financés" in page
    assert "Évaluation : 100,00 € au lieu de 500,00 € (conditions non remplies)." in page


def test_export_downloads_the_result(client):
    response = post_table(client, "detail.csv", csv_bytes([GOOD, BAD]))
    html = response.content.decode()
    lines = re.search(r'name="lines" value="([^"]*)"', html).group(1)
    import html as html_module

    data = {"quarter": "2024-T1", "lines": html_module.unescape(lines)}
    exported = client.post("/outils/financement-etat/export/", {**data, "format": "xlsx"})
    assert exported.status_code == 200 and exported["Content-Type"] == XLSX_TYPE
    assert 'filename="financement-etat-2024-T1.xlsx"' in exported["Content-Disposition"]
    assert exported["Cache-Control"] == "no-store, private"
    rows = list(load_workbook(io.BytesIO(exported.content))["Détail"].iter_rows(values_only=True))
    assert rows[1][0] == "A-1" and rows[1][12] == 1940
    assert rows[2][2] == "31/02/2024"
    exported = client.post("/outils/financement-etat/export/", {**data, "format": "csv"})
    assert (
        exported.content.decode("utf-8-sig").splitlines()[1].startswith("A-1;01/01/2024;23/01/2024")
    )


def test_export_refuses_tampered_lines(client):
    response = client.post(
        "/outils/financement-etat/export/",
        {"quarter": "2024-T1", "lines": "[[1, [2]]]", "format": "csv"},
    )
    assert response.status_code == 400


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("photo.csv", b"\x89PNG\r\n\x1a\n" + b"\0" * 100, "n'est pas un tableau CSV ou XLSX"),
        (
            "lettre.csv",
            b"Bonjour,\nvoici nos chiffres.\n",
            "ne ressemble pas au tableau de détail",
        ),
    ],
)
def test_a_file_that_is_not_a_table(client, name, content, message):
    response = post_table(client, name, content)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in text(response)
    assert 'aria-invalid="true"' in html and 'href="#id_tableau-table"' in html
    assert '<option value="2024-T1" selected>' in html  # the quarter chosen is kept


def test_an_oversize_file_is_refused(client, monkeypatch):
    monkeypatch.setattr(uploads, "MAX_UPLOAD_BYTES", 1024 * 1024)
    monkeypatch.setattr("tools.views.MAX_UPLOAD_BYTES", 1024 * 1024)
    content = csv_bytes([GOOD] * 30_000)
    assert len(content) > 1024 * 1024
    response = post_table(client, "detail.csv", content)
    assert response.status_code == 400
    assert "Ce fichier dépasse 1 Mo" in text(response)


def test_templates_download(client):
    response = client.get("/outils/financement-etat/modele.xlsx")
    assert response.status_code == 200 and response["Content-Type"] == XLSX_TYPE
    response = client.get("/outils/financement-etat/modele.csv")
    assert response.content.decode("utf-8-sig").startswith("Référence;Début de mise à l'abri;")
    assert client.get("/outils/financement-etat/modele.pdf").status_code == 404


@override_settings(PAGE_CACHE_SECONDS=300)
def test_the_calculator_is_never_served_from_the_page_cache(client):
    for _ in range(2):
        response = client.get(URL)
        assert "X-Page-Cache" not in response
    assert client.get("/outils/").status_code == 200
    assert client.get("/outils/")["X-Page-Cache"] == "hit"  # the index is the same for everyone


def test_the_csrf_check_still_applies():
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = strict.post(
        URL, {"mode": "totaux", "totaux-quarter": "2024-T1", "totaux-evaluated": "1"}
    )
    assert response.status_code == 403
    response = strict.post("/outils/financement-etat/export/", {})
    assert response.status_code == 403
