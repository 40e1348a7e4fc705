"""The public search pages, their JSON twins, the fallback when the engine is down, and query counts."""

import logging

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from content.factories import ResourcePageFactory
from portal.tests.test_filters_toggle import assert_filters_toggle
from search import services
from search.backends.base import SearchUnavailable
from search.backends.database import DatabaseBackend
from search.services import SearchService
from taxonomy.models import Theme


@pytest.fixture
def library(database_service, resource_index):
    asile = Theme.objects.get(slug="asile")
    for n in range(3):
        page = ResourcePageFactory(
            parent=resource_index,
            title=f"Demande d'asile zorglub étape {n}",
            kind="guide" if n else "rapport",
            summary=f"La demande d'asile <em>pas à pas</em> & recours, étape {n}.",
        )
        page.themes.set([asile])
        page.save()
    database_service.rebuild()
    return database_service


def test_results_page_shows_results_facets_and_marks(client, library):
    response = client.get("/recherche/", {"q": "asile zorglub"})
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1 and "Recherche : « asile zorglub »" in html
    assert "3 résultats" in html
    assert "<mark>asile</mark>" in html and "&lt;em&gt;pas à pas&lt;/em&gt; &amp; recours" in html
    assert (
        "Type de contenu" in html and "Guide pratique" not in html
    )  # facets show the kind, not the resource type
    assert 'name="theme" value="asile"' in html and "Demande d&#x27;asile" in html and "(3)" in html
    assert 'for="search-q"' in html and 'aria-describedby="search-help"' in html


def test_filters_sort_and_pages_are_shareable_urls(client, library):
    response = client.get(
        "/recherche/", {"q": "asile zorglub", "theme": "asile", "sort": "date", "page": "1"}
    )
    assert response.status_code == 200
    assert 'value="date" selected' in response.content.decode()
    api = client.get(
        "/recherche/api/", {"q": "asile zorglub", "kind": "ressource", "year": "2024"}
    ).json()
    assert api["count"] == 3
    assert set(api["results"][0]) >= {"title", "url", "kind", "date", "snippet"}
    assert api["results"][0]["date"] == "2024-05-01"
    assert {c["value"]: c["count"] for c in api["facets"]["kind"]} == {"ressource": 3}
    assert api["facets"]["theme"] == [{"value": "asile", "label": "Demande d'asile", "count": 3}]


@pytest.mark.parametrize(
    "params",
    [
        {"q": "asile zorglub", "page": "abc"},
        {"q": "asile zorglub", "page": "-3"},
        {"q": "asile zorglub", "page": "99999999999999999999"},
        {"q": "asile zorglub", "page": "40"},
        {"q": "asile zorglub", "sort": "drop table"},
        {"q": "asile zorglub", "kind": "inconnu", "year": "20x4", "theme": "x" * 300},
        {"q": '\\" * ( AND OR'},
        {"q": "x" * 2000},
        {"q": ""},
    ],
)
def test_invalid_parameters_never_fail(client, library, params):
    assert client.get("/recherche/", params).status_code == 200
    assert client.get("/recherche/api/", params).status_code == 200


def test_no_results_suggest_the_glossary_and_a_spelling(client, library):
    html = client.get("/recherche/", {"q": "OQTF", "kind": "ressource"}).content.decode()
    assert "Aucun contenu ne correspond" in html
    assert 'href="/lexique/#oqtf"' in html
    html = client.get("/recherche/", {"q": "zorglubb"}).content.decode()
    assert "Vouliez-vous dire" in html and "?q=zorglub" in html and "3 résultats" in html


def test_a_partial_answer_says_so(client, library):
    notice = "Aucun document ne contient tous les mots de votre recherche"
    html = client.get("/recherche/", {"q": "asile zorglub quetzal"}).content.decode()
    assert "3 résultats" in html and notice in html
    assert "Aucun contenu ne correspond" not in html
    assert client.get("/recherche/api/", {"q": "asile zorglub quetzal"}).json()["partial"]
    html = client.get("/recherche/", {"q": "asile zorglub"}).content.decode()
    assert "3 résultats" in html and notice not in html


def test_suggestions_endpoint_and_rate_limit(client, library, monkeypatch):
    data = client.get("/recherche/suggest/", {"q": "zorg"}).json()
    assert data["suggestions"][0]["title"].startswith("Demande d'asile")
    assert data["suggestions"][0]["kind_label"] == "Ressource"
    from search import views

    limit = 3
    monkeypatch.setattr(views, "API_LIMIT_PER_MINUTE", limit)
    statuses = [
        client.get("/recherche/api/", {"q": "zorglub"}).status_code for _ in range(2 * limit + 1)
    ]
    assert 429 in statuses


def test_the_page_works_without_javascript_and_loads_the_suggest_script(client, library):
    html = client.get("/recherche/", {"q": "asile zorglub"}).content.decode()
    assert 'action="/recherche/"' in html and "search/js/suggest.js" in html
    assert "<script>" not in html and "onclick" not in html


class FlakyEngine:
    """An engine that fails until told otherwise, and answers from its own backend afterwards."""

    name = "elasticsearch"

    def __init__(self):
        self.down = True
        self.backend = DatabaseBackend()

    def _maybe_fail(self):
        if self.down:
            raise SearchUnavailable("connection refused")

    def search(self, request):
        self._maybe_fail()
        response = self.backend.search(request)
        response.backend = self.name
        return response

    def suggest(self, prefix, limit=8):
        self._maybe_fail()
        return self.backend.suggest(prefix, limit)

    def index(self, documents):
        self._maybe_fail()

    def remove(self, keys):
        self._maybe_fail()


def test_engine_down_answers_from_the_database_then_comes_back(client, library, caplog):
    engine = FlakyEngine()
    services._service = SearchService(library.database, engine, retry_after=0)
    with caplog.at_level(logging.WARNING, logger="search.services"):
        response = client.get("/recherche/", {"q": "asile zorglub"})
    html = response.content.decode()
    assert response.status_code == 200 and "3 résultats" in html and "mode simplifié" in html
    assert "Search engine unavailable" in caplog.text
    engine.down = False
    html = client.get("/recherche/", {"q": "asile zorglub"}).content.decode()
    assert "3 résultats" in html and "mode simplifié" not in html


def test_engine_down_waits_before_retrying(library):
    engine = FlakyEngine()
    service = SearchService(library.database, engine, retry_after=3600)
    assert service.suggest("zorg")
    engine.down = False
    assert not service.engine_available  # not retried before the delay


def test_an_unreachable_elasticsearch_server_falls_back(client, library, caplog):
    from search.backends.elasticsearch import ElasticsearchBackend

    engine = ElasticsearchBackend(
        url="http://127.0.0.1:9", prefix="absent", client_options={"request_timeout": 1}
    )
    services._service = SearchService(library.database, engine)
    with caplog.at_level(logging.WARNING, logger="search.services"):
        data = client.get("/recherche/api/", {"q": "asile zorglub"}).json()
        suggestions = client.get("/recherche/suggest/", {"q": "zorg"}).json()["suggestions"]
    assert data["count"] == 3 and suggestions
    assert "Search engine unavailable" in caplog.text


def _queries(client, params):
    with CaptureQueriesContext(connection) as context:
        assert client.get("/recherche/", params).status_code == 200
    return len(context.captured_queries)


def test_queries_per_results_page_do_not_grow_with_the_data(
    client, database_service, resource_index
):
    themes = list(Theme.objects.all()[:4])

    def add(count):
        for _ in range(count):
            page = ResourcePageFactory(parent=resource_index, summary="asile et recours zorglub")
            page.themes.set(themes)
            page.save()
        database_service.rebuild()

    add(3)
    params = {"q": "asile zorglub", "theme": themes[0].slug}
    client.get("/recherche/", params)  # warm the caches (site, settings, synonyms)
    small = _queries(client, params)
    add(25)
    client.get("/recherche/", params)  # the new index's facet counts
    assert _queries(client, params) == small
    assert small <= 12


def test_the_facets_fold_behind_the_shared_filter_toggle(client, library):
    assert_filters_toggle(client.get("/recherche/", {"q": "asile"}).content.decode())


def test_members_documents_stay_out_of_anonymous_pages(client, database_service, member):
    from search.factories import SearchDocumentFactory
    from search.indexables import MEMBERS

    database_service.index(
        [SearchDocumentFactory(key="t.x:1", title="Fil zorglub des membres", audience=MEMBERS)]
    )
    for url in ("/recherche/?q=zorglub", "/recherche/api/?q=zorglub", "/recherche/suggest/?q=fil"):
        assert "Fil zorglub des membres" not in client.get(url).content.decode()
    client.force_login(member)
    page = client.get("/recherche/?q=zorglub")
    assert "Fil zorglub des membres" in page.text
    assert "no-store" in page["Cache-Control"] and "private" in page["Cache-Control"]
    assert "Fil zorglub des membres" in client.get("/recherche/api/?q=zorglub").text
