"""The library's filters: theme, département and kind of partner; a bad query string never fails; the
page costs the same number of queries with 10 or 120 sheets."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from practices.factories import PracticePartnerFactory, PracticeSheetPageFactory
from practices.filters import PracticeFilter
from practices.models import PartnerKind
from taxonomy.models import Departement, Theme

pytestmark = pytest.mark.django_db


@pytest.fixture
def sheets(practice_index):
    asile, sante = Theme.objects.get(slug="asile"), Theme.objects.get(slug="sante")
    rennes = PracticeSheetPageFactory(
        parent=practice_index,
        title="Rennes",
        departement=Departement.objects.get(code="35"),
        lead_kind=PartnerKind.DEPARTEMENT,
    )
    rennes.themes.set([asile, sante])
    rennes.save()
    PracticePartnerFactory(sheet=rennes, kind=PartnerKind.MISSION_LOCALE)
    PracticePartnerFactory(sheet=rennes, kind=PartnerKind.MISSION_LOCALE)
    lyon = PracticeSheetPageFactory(
        parent=practice_index,
        title="Lyon",
        departement=Departement.objects.get(code="69"),
        lead_kind=PartnerKind.ASSOCIATION,
    )
    lyon.themes.set([sante])
    lyon.save()
    PracticePartnerFactory(sheet=lyon, kind=PartnerKind.SANTE)
    PracticeSheetPageFactory(parent=practice_index, title="National", lead_kind=PartnerKind.ETAT)
    return practice_index


def titles(query, parent):
    return [sheet.title for sheet in PracticeFilter(query, parent=parent).results()]


@pytest.mark.parametrize(
    "query, expected",
    [
        ({}, ["National", "Lyon", "Rennes"]),
        ({"theme": ["asile"]}, ["Rennes"]),
        ({"theme": ["asile", "sante"]}, ["Lyon", "Rennes"]),
        ({"departement": ["69"]}, ["Lyon"]),
        ({"partner": ["mission-locale"]}, ["Rennes"]),  # listed once for its two Missions locales
        ({"partner": ["association"]}, ["Lyon"]),  # the structure leading the action counts
        ({"partner": ["etat", "sante"]}, ["National", "Lyon"]),
        ({"theme": ["sante"], "partner": ["departement"]}, ["Rennes"]),
        ({"theme": ["inconnu"], "departement": ["999"], "partner": ["<script>"]}, None),
    ],
)
def test_filters(sheets, query, expected):
    from django.http import QueryDict

    data = QueryDict(mutable=True)
    for key, values in query.items():
        data.setlist(key, values)
    assert titles(data, sheets) == (expected or ["National", "Lyon", "Rennes"])


def test_the_filter_form_keeps_the_choices_and_links_carry_only_valid_values(client, sheets):
    response = client.get("/pratiques/?theme=asile&theme=zzz&partner=mission-locale&page=abc")
    assert response.status_code == 200
    html = response.content.decode()
    assert "1 fiche action" in html
    assert 'id="theme-asile" checked' in html
    assert 'id="partner-mission-locale" checked' in html
    assert '<label for="filter-departement">Département</label>' in html
    assert response.context["filter"].querystring() == "theme=asile&partner=mission-locale"


def add_sheets(parent, start, count):
    themes = list(Theme.objects.all())
    departements = list(Departement.objects.all()[:10])
    for n in range(start, start + count):
        sheet = PracticeSheetPageFactory(
            parent=parent, title=f"Fiche {n}", departement=departements[n % 10]
        )
        sheet.themes.set(themes[n % 3 : n % 3 + 2])
        sheet.save()
        PracticePartnerFactory(sheet=sheet, kind=PartnerKind.values[n % len(PartnerKind.values)])


URLS = [
    "/pratiques/",
    "/pratiques/?theme=asile&departement=01&partner=association",
    "/pratiques/?page=2",
]


def count_queries(client):
    cache.clear()  # each pass builds the lists' totals again (the sheets were added without a commit)
    client.get("/pratiques/")  # fills the site and settings caches
    counts = {}
    for url in URLS:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, url
        counts[url] = len(queries)
    return counts


def test_query_counts_do_not_grow_with_the_number_of_sheets(client, practice_index, settings):
    settings.PAGE_CACHE_SECONDS = 0  # measure building the page, not reading it from the cache
    add_sheets(practice_index, 0, 21)
    small = count_queries(client)
    add_sheets(practice_index, 21, 39)
    large = count_queries(client)
    assert large == small
    # Wagtail's routing, breadcrumbs and settings, the filters' choices, the count, the page of
    # sheets and its two prefetches.
    assert max(large.values()) <= 15, large
