import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from content.factories import DossierPageFactory, ResourcePageFactory
from content.models import DossierRelatedResource, ResourceKind
from taxonomy.models import Theme


@pytest.fixture
def library(resource_index):
    asile = Theme.objects.get(slug="asile")
    sante = Theme.objects.get(slug="sante")
    rows = [
        ("Rapport asile 2024", ResourceKind.RAPPORT, datetime.date(2024, 3, 1), [asile], ["CNDA"]),
        ("Rapport santé 2024", ResourceKind.RAPPORT, datetime.date(2024, 6, 1), [sante], []),
        ("Étude asile 2023", ResourceKind.ETUDE, datetime.date(2023, 2, 1), [asile], ["CNDA"]),
        (
            "Jurisprudence santé 2022",
            ResourceKind.JURISPRUDENCE,
            datetime.date(2022, 9, 1),
            [sante],
            ["AME"],
        ),
    ]
    pages = {}
    for title, kind, date, themes, tags in rows:
        page = ResourcePageFactory(parent=resource_index, title=title, kind=kind, date=date)
        page.themes.set(themes)
        page.tags.set(tags)
        page.save_revision().publish()
        pages[title] = page
    return pages


def titles(response):
    return [page.title for page in response.context["page_obj"]]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (
            "",
            [
                "Rapport santé 2024",
                "Rapport asile 2024",
                "Étude asile 2023",
                "Jurisprudence santé 2022",
            ],
        ),
        ("?kind=rapport", ["Rapport santé 2024", "Rapport asile 2024"]),
        (
            "?kind=rapport&kind=etude",
            ["Rapport santé 2024", "Rapport asile 2024", "Étude asile 2023"],
        ),
        ("?theme=asile", ["Rapport asile 2024", "Étude asile 2023"]),
        ("?year=2024", ["Rapport santé 2024", "Rapport asile 2024"]),
        ("?year=2023&year=2022", ["Étude asile 2023", "Jurisprudence santé 2022"]),
        ("?tag=cnda", ["Rapport asile 2024", "Étude asile 2023"]),
        ("?kind=rapport&theme=asile&year=2024", ["Rapport asile 2024"]),
        ("?kind=etude&theme=sante", []),
        (
            "?kind=rapport&kind=inconnu&year=2024&year=1990",
            ["Rapport santé 2024", "Rapport asile 2024"],
        ),
        (
            "?kind=inconnu&theme=pas-un-theme&year=abc&year=99999&year=%C2%B2&year=%D9%A2%D9%A0%D9%A2%D9%A4",
            [
                "Rapport santé 2024",
                "Rapport asile 2024",
                "Étude asile 2023",
                "Jurisprudence santé 2022",
            ],
        ),
    ],
)
def test_filters_each_and_combined(client, library, query, expected):
    response = client.get(f"/ressources/{query}")
    assert response.status_code == 200
    assert titles(response) == expected


def test_filter_state_is_shown_checked_and_pagination_keeps_it(client, resource_index):
    for n in range(25):
        ResourcePageFactory(parent=resource_index, title=f"Rapport {n}", kind=ResourceKind.RAPPORT)
    response = client.get("/ressources/?kind=rapport&page=2")
    body = response.content.decode()
    assert response.status_code == 200
    assert len(titles(response)) == 5
    assert 'value="rapport" id="kind-rapport" checked' in body
    assert "?kind=rapport&amp;page=1" in body
    assert client.get("/ressources/?page=9999").status_code == 200
    assert client.get("/ressources/?page=abc").status_code == 200
    # Links carry only the values in force, never an unknown one.
    body = client.get("/ressources/?kind=rapport&kind=zzz&year=%C2%B2&bogus=1").content.decode()
    assert '<a href="?kind=rapport&amp;page=2" rel="next">' in body


def test_unpublished_resources_are_not_listed(client, resource_index):
    ResourcePageFactory(parent=resource_index, title="Brouillon", live=False)
    assert "Brouillon" not in client.get("/ressources/").content.decode()


def build_corpus(dossier_index, resource_index, size):
    themes = list(Theme.objects.all()[:3])
    dossier = DossierPageFactory(parent=dossier_index, title="Dossier mesuré", featured=True)
    dossier.themes.set(themes)
    for n in range(size):
        page = ResourcePageFactory(parent=resource_index, title=f"Ressource {n}")
        page.themes.set(themes)
        page.tags.set([f"mot{n % 7}", "commun"])
        if n < 5:
            DossierRelatedResource.objects.create(dossier=dossier, resource=page)
    return dossier


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "url", ["/", "/ressources/", "/ressources/?kind=rapport&theme=asile", "DOSSIER"]
)
def test_queries_do_not_grow_with_the_number_of_resources(
    client, dossier_index, resource_index, url, django_db_blocker
):
    dossier = build_corpus(dossier_index, resource_index, 10)
    target = dossier.url if url == "DOSSIER" else url
    client.get(target)  # warm caches (site root, settings)
    small = count_queries(client, target)
    for n in range(190):
        page = ResourcePageFactory(parent=resource_index, title=f"Ressource supplémentaire {n}")
        page.themes.set(Theme.objects.all()[:2])
        page.tags.set([f"autre{n % 5}"])
    large = count_queries(client, target)
    assert large == small, f"{target}: {small} queries with 10 resources, {large} with 200"


def test_the_unfiltered_library_needs_no_distinct_and_reads_its_years_once(client, resource_index):
    """At scale, DISTINCT over every resource column and the years' scan made /ressources/ slow."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from content.factories import ResourcePageFactory

    ResourcePageFactory(parent=resource_index, title="Rapport 2024", date="2024-03-01")
    client.get("/ressources/")
    with CaptureQueriesContext(connection) as queries:
        html = client.get("/ressources/").content.decode()
    sql = [q["sql"].upper() for q in queries]
    listing = [q for q in sql if "DISTINCT" in q and "_PREFETCH_RELATED_VAL" not in q]
    assert not listing, listing
    assert not [q for q in sql if "DATE_TRUNC" in q], "the years are read from the cache"
    assert "Rapport 2024" in html and 'value="2024"' in html
