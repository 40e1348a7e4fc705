"""The library and its sheets as a visitor sees them."""

import pytest
from django.core.exceptions import ValidationError

from practices.factories import PracticePartnerFactory, PracticeSheetPageFactory
from practices.models import PartnerKind, PracticeIndexPage
from taxonomy.models import Departement, Theme

pytestmark = pytest.mark.django_db


def test_the_site_structure_creates_the_library_once(home):
    from portal.site_structure import ensure_site

    ensure_site()
    index = PracticeIndexPage.objects.get()
    assert index.live and index.url == "/pratiques/"


def test_a_sheet_shows_every_part_of_the_action(client, practice_index):
    sheet = PracticeSheetPageFactory(
        parent=practice_index,
        title="Un référent de parcours unique",
        slug="referent-unique",
        departement=Departement.objects.get(code="35"),
        lead_organisation="Département d'Ille-et-Vilaine",
        problem="<p>Trop d'interlocuteurs.</p>",
        objective="<p>Un seul référent.</p>",
        actions="<p>Une réunion mensuelle.</p>",
        calendar="<p>Depuis mars 2024.</p>",
        indicators="<p>Nombre de ruptures de parcours.</p>",
        results="<p>Moitié moins de ruptures.</p>",
    )
    sheet.themes.set([Theme.objects.get(slug="protection-enfance")])
    sheet.save()
    PracticePartnerFactory(
        sheet=sheet, name="Préfecture d'Ille-et-Vilaine", kind=PartnerKind.ETAT, role="Titres"
    )
    response = client.get("/pratiques/referent-unique/")
    assert response.status_code == 200
    html = response.content.decode()
    for text in (
        "<h1>Un référent de parcours unique</h1>",
        "Département d&#x27;Ille-et-Vilaine (Département / ASE)",
        "35 – Ille-et-Vilaine",
        "Préfecture d&#x27;Ille-et-Vilaine</strong> (État / préfecture) : Titres",
        "Problème constaté lors du diagnostic",
        "Trop d'interlocuteurs.",
        "Un seul référent.",
        "Une réunion mensuelle.",
        "Depuis mars 2024.",
        "Nombre de ruptures de parcours.",
        "Moitié moins de ruptures.",
        'href="/pratiques/?theme=protection-enfance"',
    ):
        assert text in html, text
    assert sheet.partner_kinds == ["Département / ASE", "État / préfecture"]


def test_optional_parts_are_left_out_when_empty(client, practice_index):
    PracticeSheetPageFactory(parent=practice_index, slug="sans-resultats")
    html = client.get("/pratiques/sans-resultats/").content.decode()
    assert "Indicateurs</h2>" not in html and "Résultats</h2>" not in html
    assert "Action nationale ou interdépartementale" in html


def test_the_slug_of_the_proposal_form_is_reserved(practice_index):
    sheet = PracticeSheetPageFactory.build(slug="proposer")
    with pytest.raises(ValidationError) as error:
        sheet.clean()
    assert "slug" in error.value.message_dict


def test_the_library_lists_published_sheets_only_newest_first(client, practice_index):
    PracticeSheetPageFactory(parent=practice_index, title="Première fiche")
    PracticeSheetPageFactory(parent=practice_index, title="Deuxième fiche")
    PracticeSheetPageFactory(parent=practice_index, title="Fiche en brouillon", live=False)
    response = client.get("/pratiques/")
    html = response.content.decode()
    assert "2 fiches action" in html
    assert html.index("Deuxième fiche") < html.index("Première fiche")
    assert "Fiche en brouillon" not in html
    assert 'href="/pratiques/proposer/"' in html


def test_the_library_and_its_sheets_are_in_the_sitemap(practice_index, sitemap_locations):
    PracticeSheetPageFactory(parent=practice_index, slug="dans-le-plan")
    locations = sitemap_locations()
    assert any(url.endswith("/pratiques/") for url in locations)
    assert any(url.endswith("/pratiques/dans-le-plan/") for url in locations)
