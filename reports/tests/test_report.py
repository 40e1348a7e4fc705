"""The activity report on a known data set over two years: every figure, every change, the admin page,
its permissions and exports, and the management command."""

import csv
import io
import json

import pytest
from django.core.management import call_command

from reports import figures
from reports.figures import figure, table


@pytest.fixture
def report(known_years):
    return figures.activity_report(2025)


def values(report, key):
    item = figure(report, key)
    return item.value, item.previous, item.change


def rows(report, key):
    return [
        (label, value, previous) for label, value, previous, _ in table(report, key).display_rows
    ]


def test_audience_figures(report):
    assert values(report, "visits") == (35, 20, "+15 (+75 %)")
    assert values(report, "views") == (40, 20, "+20 (+100 %)")
    assert values(report, "peak_month") == ("juin 2025 (25 visites)", "mars 2024 (10 visites)", "")
    assert values(report, "direct_share") == (28.6, 50.0, "−21,4 points")
    assert values(report, "downloads") == (9, 3, "+6 (+200 %)")
    months = rows(report, "visits_per_month")
    assert len(months) == 12
    assert months[2] == ("mars", 10, 10) and months[5] == ("juin", 25, 0)
    assert months[6] == ("juillet", 0, 10)
    assert rows(report, "referrers") == [
        ("Moteur de recherche", 20, 0),
        ("Accès direct", 10, 10),
        ("Courriel", 5, 0),
        ("Autre site", 0, 10),
    ]
    assert rows(report, "top_documents") == [("Guide APT", 7, 3), ("Avis CNCDH", 2, 0)]


def test_library_figures(report):
    assert values(report, "resources_held") == (3, 2, "+1 (+50 %)")
    assert values(report, "resources_added") == (2, 3, "−1 (−33 %)")
    assert rows(report, "resources_added_by_kind") == [
        ("Jurisprudence", 1, 0),
        ("Rapport", 1, 2),
        ("Étude", 0, 1),
    ]
    assert rows(report, "resources_held_by_kind") == [
        ("Jurisprudence", 1, 0),
        ("Rapport", 1, 2),
        ("Étude", 1, 0),
    ]


def test_dossiers_agenda_and_directory_figures(report):
    assert values(report, "dossiers_created") == (1, 1, "stable")
    assert values(report, "dossiers_rewritten") == (1, 0, "+1")
    assert values(report, "events_added") == (3, 1, "+2 (+200 %)")
    assert values(report, "actors_added") == (2, 4, "−2 (−50 %)")


def test_helpdesk_figures_with_small_counts_per_departement(report):
    assert values(report, "helpdesk_received") == (6, 2, "+4 (+200 %)")
    assert values(report, "helpdesk_answered") == (4, 2, "+2 (+100 %)")
    assert values(report, "helpdesk_departements") == (2, 1, "+1 (+100 %)")
    assert rows(report, "helpdesk_departements_list") == [
        ("75 – Paris", 5, "< 5"),
        ("59 – Nord", "< 5", "< 5"),
    ]
    # No change is given where a count is hidden.
    assert [c for *_, c in table(report, "helpdesk_departements_list").display_rows] == ["", ""]
    assert rows(report, "helpdesk_topics") == [
        ("Autorisation provisoire de travail (APT)", 5, 0),
        ("Déclaration de nationalité française", 1, 2),
    ]
    assert rows(report, "helpdesk_professions") == [
        ("Avocat(e)", 5, 0),
        ("Éducateur ou éducatrice", 1, 2),
    ]


def test_subscriber_figures(report):
    assert values(report, "subscribers") == (6, 4, "+2 (+50 %)")
    assert values(report, "subscribers_growth") == (2, 4, "−2 (−50 %)")
    assert values(report, "subscribers_confirmed") == (3, 4, "−1 (−25 %)")
    assert values(report, "subscribers_left") == (1, 0, "+1")
    months = rows(report, "subscribers_per_month")
    assert months[0] == ("janvier", 5, 0) and months[1] == ("février", 5, 2)
    assert months[5] == ("juin", 6, 3) and months[11] == ("décembre", 6, 4)
    by_kind = {
        label: (value, previous) for label, value, previous in rows(report, "subscriptions_by_kind")
    }
    assert by_kind["Lettre d'information"] == (5, 4)
    assert by_kind["Alerte par thème"] == (1, 0)


def test_every_figure_has_a_definition(report):
    for section in report["sections"]:
        for item in section.figures + section.tables:
            assert len(item.definition) > 20, item


def test_the_command_prints_csv_and_json(known_years):
    out = io.StringIO()
    call_command("activity_report", "--year", "2025", "--format", "csv", stdout=out)
    lines = list(csv.reader(io.StringIO(out.getvalue()), delimiter=";"))
    assert lines[0][:7] == [
        "rubrique",
        "indicateur",
        "détail",
        "2025",
        "2024",
        "écart",
        "évolution (%)",
    ]
    assert lines[1][:7] == ["Audience", "Visites", "", "35", "20", "15", "75"]
    by_detail = {(line[1], line[2]): line[3:7] for line in lines}
    assert by_detail[("Part des visites en accès direct (%)", "")] == ["28,6", "50,0", "-21,4", ""]
    assert by_detail[("Demandes par département", "59 – Nord")] == ["< 5", "< 5", "", ""]
    assert by_detail[("Demandes par département", "75 – Paris")] == ["5", "< 5", "", ""]
    assert by_detail[("Ressources publiées dans l'année", "")] == ["2", "3", "-1", "-33"]
    out = io.StringIO()
    call_command("activity_report", "--year", "2025", "--format", "json", stdout=out)
    data = json.loads(out.getvalue())
    assert data["year"] == 2025 and data["previous_year"] == 2024
    by_key = {f["key"]: f for s in data["sections"] for f in s["figures"]}
    assert by_key["resources_added"]["value"] == 2 and by_key["resources_added"]["previous"] == 3
    assert by_key["direct_share"]["unit"] == "%"


def test_the_committee_reads_the_report_with_its_definitions(client, editor, known_years):
    client.force_login(editor)
    response = client.get("/admin/rapport-activite/?annee=2025")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    page = response.content.decode()
    assert '<option value="2025" selected>' in page
    assert "première publication entre le 1er janvier et le 31 décembre" in page
    assert "+15 (+75 %)" in page and "−21,4 points" in page
    assert "&lt; 5" in page
    # Charts drawn by the portal, labelled, each followed by its table.
    assert page.count('<svg class="report-chart" role="img"') == 4
    assert "<script" not in page.split('id="section-1"')[1].split("</main>")[0]


def test_the_default_year_is_the_last_complete_one(client, editor, db):
    client.force_login(editor)
    page = client.get("/admin/rapport-activite/?annee=1850").content.decode()
    year = figures.default_year()
    assert f'<option value="{year}" selected>' in page
    assert f"Rapport d'activité {year}, comparé à {year - 1}" in page


@pytest.mark.parametrize("role", ["contributor", "jurist", "member"])
def test_other_roles_are_refused(client, role, request, db):
    user = request.getfixturevalue(role)
    client.force_login(user)
    for url in [
        "/admin/rapport-activite/",
        "/admin/rapport-activite/export.csv",
        "/admin/rapport-activite/imprimer/",
        "/admin/rapport-activite/export.pdf",
        "/admin/audience/",
    ]:
        assert client.get(url).status_code in (302, 403), url


def test_csv_print_and_pdf_exports(client, editor, known_years):
    client.force_login(editor)
    response = client.get("/admin/rapport-activite/export.csv?annee=2025")
    assert response["Content-Disposition"] == 'attachment; filename="rapport-activite-2025.csv"'
    lines = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert lines[1][:7] == ["Audience", "Visites", "", "35", "20", "15", "75"]

    printable = client.get("/admin/rapport-activite/imprimer/?annee=2025").content.decode()
    assert '<html lang="fr">' in printable and printable.count("<h1>") == 1
    assert "@media print" in printable and "Rapport d'activité 2025" in printable

    pdf = client.get("/admin/rapport-activite/export.pdf?annee=2025")
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")


def test_a_title_that_looks_like_a_formula_stays_text(client, editor, known_years):
    from wagtail.documents import get_document_model

    get_document_model().objects.filter(title="Avis CNCDH").update(title='=HYPERLINK("x")')
    client.force_login(editor)
    response = client.get("/admin/rapport-activite/export.csv?annee=2025")
    assert "'=HYPERLINK" in response.content.decode("utf-8-sig")


def test_the_audience_view(client, editor, known_years):
    client.force_login(editor)
    response = client.get("/admin/audience/?debut=2025-06-01&fin=2025-06-30")
    page = response.content.decode()
    assert '<strong id="audience-visits">25</strong>' in page
    assert '<strong id="audience-views">25</strong>' in page
    assert "Bibliothèque de ressources" in page  # the top page, by its title
    assert page.count('role="img"') == 2  # per day and per month, each with its table
    yearly = client.get("/admin/audience/?debut=2025-01-01&fin=2025-12-31").content.decode()
    assert '<strong id="audience-visits">35</strong>' in yearly
    assert page.count('role="img"') == 2 and yearly.count('role="img"') == 1


def test_the_report_does_not_grow_in_queries_with_the_data(known_years, resource_index):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from content.factories import ResourcePageFactory
    from helpdesk.factories import TicketFactory
    from reports.factories import PageViewCountFactory

    from .conftest import at, history

    with CaptureQueriesContext(connection) as before:
        figures.activity_report(2025)
    for n in range(5):
        history(ResourcePageFactory(parent=resource_index), ("publish", at(2025, 2, 1 + n)))
        TicketFactory(created_at=at(2025, 5, 1 + n))
        PageViewCountFactory(path=f"/ressources/r{n}/", day=at(2025, 5, 1 + n).date())
    with CaptureQueriesContext(connection) as after:
        figures.activity_report(2025)
    assert len(after) == len(before)
