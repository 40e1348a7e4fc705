"""The public directory: filters, map, département pages and actor pages."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from directory.factories import ActorFactory
from directory.models import ActorKind
from taxonomy.departements import DEPARTEMENTS

from .helpers import bulk_actors

pytestmark = pytest.mark.django_db


@pytest.fixture
def actors(db):
    return {
        "droits93": ActorFactory(
            name="Passerelles Jeunes Exilés",
            kind=ActorKind.ASSOCIATION,
            city="Montreuil",
            departements=["93"],
            services=["acces-aux-droits", "interpretariat"],
            themes=["sejour-majorite"],
        ),
        "ase94": ActorFactory(
            name="Conseil départemental du Val-de-Marne – ASE",
            kind=ActorKind.DEPARTEMENT_ASE,
            city="Créteil",
            departements=["94"],
            services=["evaluation", "mise-a-l-abri"],
            themes=["evaluation-minorite"],
        ),
        "ase93": ActorFactory(
            name="Conseil départemental de la Seine-Saint-Denis – ASE",
            kind=ActorKind.DEPARTEMENT_ASE,
            city="Bobigny",
            departements=["93"],
            services=["evaluation"],
        ),
        "corse": ActorFactory(
            name="Association Corse Accueil",
            kind=ActorKind.ASSOCIATION,
            city="Ajaccio",
            departements=["2A", "2B"],
            services=["hebergement"],
        ),
        "reunion": ActorFactory(
            name="Mission locale de Saint-Denis",
            kind=ActorKind.MISSION_LOCALE,
            city="Saint-Denis",
            departements=["974"],
            services=["insertion-professionnelle"],
        ),
        "mmna": ActorFactory(
            name="Mission mineurs non accompagnés",
            kind=ActorKind.ETAT,
            is_national=True,
            city="Paris",
            services=["evaluation"],
            themes=["repartition-nationale"],
        ),
        "draft": ActorFactory(name="Association brouillon", departements=["93"], live=False),
    }


def names(response, section="titre-resultats"):
    """Actor names listed in one section of the page (local results or national)."""
    html = response.content.decode()
    start = html.index(f'id="{section}"')
    end = html.find("</section>", start)
    return set(re.findall(r'<h3 class="card__title"><a href="[^"]+">([^<]+)</a>', html[start:end]))


def test_index_lists_live_local_actors_and_nationals_apart(client, actors):
    response = client.get("/annuaire/")
    assert response.status_code == 200
    assert names(response) == {
        "Passerelles Jeunes Exilés",
        "Conseil départemental du Val-de-Marne – ASE",
        "Conseil départemental de la Seine-Saint-Denis – ASE",
        "Association Corse Accueil",
        "Mission locale de Saint-Denis",
    }
    assert names(response, "titre-nationaux") == {"Mission mineurs non accompagnés"}
    assert "Association brouillon" not in response.content.decode()
    assert response.content.decode().count("<h1") == 1


@pytest.mark.parametrize(
    "query, expected",
    [
        ("q=passerelles", {"Passerelles Jeunes Exilés"}),
        ("q=cr%C3%A9teil", {"Conseil départemental du Val-de-Marne – ASE"}),
        (
            "departement=93",
            {"Passerelles Jeunes Exilés", "Conseil départemental de la Seine-Saint-Denis – ASE"},
        ),
        ("departement=2a", {"Association Corse Accueil"}),
        ("departement=974", {"Mission locale de Saint-Denis"}),
        (
            "kind=departement-ase",
            {
                "Conseil départemental du Val-de-Marne – ASE",
                "Conseil départemental de la Seine-Saint-Denis – ASE",
            },
        ),
        ("service=acces-aux-droits", {"Passerelles Jeunes Exilés"}),
        (
            "service=evaluation",
            {
                "Conseil départemental du Val-de-Marne – ASE",
                "Conseil départemental de la Seine-Saint-Denis – ASE",
            },
        ),
        ("theme=evaluation-minorite", {"Conseil départemental du Val-de-Marne – ASE"}),
        (
            "departement=93&kind=association&service=acces-aux-droits&theme=sejour-majorite",
            {"Passerelles Jeunes Exilés"},
        ),
        (
            "departement=93&kind=departement-ase",
            {"Conseil départemental de la Seine-Saint-Denis – ASE"},
        ),
        ("departement=94&service=acces-aux-droits", set()),
        (
            "departement=93&departement=94&kind=departement-ase",
            {
                "Conseil départemental du Val-de-Marne – ASE",
                "Conseil départemental de la Seine-Saint-Denis – ASE",
            },
        ),
        ("q=conseil&departement=94", {"Conseil départemental du Val-de-Marne – ASE"}),
    ],
)
def test_filters_each_and_combined(client, actors, query, expected):
    response = client.get(f"/annuaire/?{query}")
    assert response.status_code == 200
    assert names(response) == expected


def test_national_actors_follow_the_other_filters(client, actors):
    assert names(client.get("/annuaire/?departement=93&service=evaluation"), "titre-nationaux") == {
        "Mission mineurs non accompagnés"
    }
    assert names(client.get("/annuaire/?kind=association"), "titre-nationaux") == set()


@pytest.mark.parametrize(
    "query",
    [
        "departement=999",
        "departement=%3Cscript%3E",
        "kind=inconnu",
        "service=nope",
        "theme=zzz",
        "page=abc",
        "page=99999",
        "page=-1",
        "q=" + "x" * 5000,
        "q=%00%27%22",
        "departement=",
    ],
)
def test_invalid_parameters_never_fail(client, actors, query):
    response = client.get(f"/annuaire/?{query}")
    assert response.status_code == 200
    assert "<script>" not in response.content.decode().split("<main", 1)[1]


def test_filters_are_kept_in_the_form_and_the_exports(client, actors):
    html = client.get("/annuaire/?departement=93&kind=association").content.decode()
    assert '<option value="93" selected>' in html
    assert '<option value="association" selected>' in html
    assert "/annuaire/export.csv?departement=93&amp;kind=association" in html


def test_pagination_keeps_filters(client, actors):
    bulk_actors(45, codes=("93",))
    html = client.get("/annuaire/?departement=93").content.decode()
    assert "Page 1 sur 3" in html
    assert "?departement=93&amp;page=2" in html
    assert "Page 3 sur 3" in client.get("/annuaire/?departement=93&page=3").content.decode()


def test_map_has_a_named_link_per_departement_with_counts(client, actors):
    html = client.get("/annuaire/").content.decode()
    labels = re.findall(r'<a href="/annuaire/departements/([^/]+)/" aria-label="([^"]+)"', html)
    assert len(labels) == 101
    assert len({label for _, label in labels}) == 101  # no two links share a name
    labels = dict(labels)
    assert labels["93"] == "93 – Seine-Saint-Denis : 2 acteurs"
    assert labels["94"] == "94 – Val-de-Marne : 1 acteur"
    assert labels["2A"] == "2A – Corse-du-Sud : 1 acteur"
    assert labels["974"] == "974 – La Réunion : 1 acteur"
    assert labels["01"] == "01 – Ain : 0 acteur"
    # The same counts, as a table.
    assert re.search(
        r'<td>93</td><th scope="row"><a href="/annuaire/departements/93/">Seine-Saint-Denis</a></th><td>Île-de-France</td><td>2</td>',
        html,
    )


def test_map_counts_follow_the_filters(client, actors):
    html = client.get("/annuaire/?kind=association&departement=94").content.decode()
    assert 'aria-label="93 – Seine-Saint-Denis : 1 acteur"' in html
    assert 'aria-label="94 – Val-de-Marne : 0 acteur"' in html


@pytest.mark.parametrize("code", [code for code, _, _ in DEPARTEMENTS])
def test_every_departement_page_answers(client, code):
    response = client.get(f"/annuaire/departements/{code}/")
    assert response.status_code == 200
    assert f"({code})</h1>" in response.content.decode()


def test_departement_page_groups_by_kind_with_nationals_apart(client, actors):
    response = client.get("/annuaire/departements/93/")
    html = response.content.decode()
    assert '<h2 id="type-association">Association</h2>' in html
    assert '<h2 id="type-departement-ase">Conseil départemental / ASE</h2>' in html
    assert html.index('id="type-association"') < html.index(
        'id="type-departement-ase"'
    )  # kinds in their order
    assert "Passerelles Jeunes Exilés" in html
    assert "Val-de-Marne – ASE" not in html
    assert "Association brouillon" not in html
    assert names(response, "titre-nationaux") == {"Mission mineurs non accompagnés"}
    assert 'Accès aux droits <span class="count">(1 acteur)</span>' in html
    assert (
        'Évaluation de la minorité et de l&#x27;isolement <span class="count">(1 acteur)</span>'
        in html
    )


def test_corsica_and_overseas_pages(client, actors):
    assert "Association Corse Accueil" in client.get("/annuaire/departements/2B/").content.decode()
    assert (
        "Mission locale de Saint-Denis"
        in client.get("/annuaire/departements/974/").content.decode()
    )


def test_lowercase_code_redirects_and_unknown_is_404(client):
    response = client.get("/annuaire/departements/2a/")
    assert response.status_code == 301
    assert response["Location"] == "/annuaire/departements/2A/"
    for code in ["99", "2C", "2c", "975", "xx", "0", "%3Cb%3E"]:
        assert client.get(f"/annuaire/departements/{code}/").status_code == 404


def test_actor_page_shows_public_details(client, actors):
    actor = actors["droits93"]
    response = client.get(f"/annuaire/{actor.slug}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Passerelles Jeunes Exilés</h1>" in html
    assert f'<a href="{actor.website}" rel="noopener noreferrer">' in html
    assert f'href="mailto:{actor.email}"' in html
    assert "Accès aux droits" in html and "Interprétariat" in html
    assert '<a href="/annuaire/departements/93/">Seine-Saint-Denis (93)</a>' in html
    assert "Séjour et accès à la majorité" in html
    assert '<time datetime="2026-06-01">1er juin 2026</time>' in html
    assert 'id="signaler"' in html


def test_actor_page_of_a_draft_or_unknown_actor_is_404(client, actors):
    assert client.get(f"/annuaire/{actors['draft'].slug}/").status_code == 404
    assert client.get("/annuaire/inconnu/").status_code == 404


def test_actor_text_is_escaped(client):
    actor = ActorFactory(
        name="<script>alert(1)</script>",
        description="<img src=x onerror=alert(1)>",
        departements=["93"],
    )
    for url in [f"/annuaire/{actor.slug}/", "/annuaire/", "/annuaire/departements/93/"]:
        html = client.get(url).content.decode()
        assert "<script>alert(1)" not in html
        assert "<img src=x" not in html


def test_sitemap_lists_actors_and_departements(actors, sitemap_locations):
    xml = " ".join(sitemap_locations())
    assert f"/annuaire/{actors['droits93'].slug}/" in xml
    assert "/annuaire/departements/2A/" in xml
    assert actors["draft"].slug not in xml


def count_queries(client, url):
    # Warm the process-wide caches (content types, site) so both sizes are measured alike.
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "url",
    [
        "/annuaire/",
        "/annuaire/?departement=93&kind=association&service=acces-aux-droits",
        "/annuaire/?q=acteur&page=2",
        "/annuaire/departements/93/",
        "/annuaire/export.csv",
        "/annuaire/export.json?departement=93",
        "/annuaire/acteur-en-masse-1/",
    ],
)
def test_queries_do_not_grow_with_the_number_of_actors(client, url):
    bulk_actors(20, codes=("93", "94"), national_every=7)
    small = count_queries(client, url)
    bulk_actors(480, codes=("93", "75"), national_every=11, prefix="Autre acteur")
    large = count_queries(client, url)
    assert large == small, f"{url}: {small} queries with 20 actors, {large} with 500"
    assert small <= 15, f"{url}: {small} queries"
