"""Fixtures shared by the search tests (imported by search/tests/conftest.py and tests/test_search_relevance.py): the backend fixture every contract test runs against: the database backend (SQLite or PostgreSQL,
whichever the run uses) and Elasticsearch — a real server when ELASTICSEARCH_URL is set, otherwise an
in-memory osmem-server started once per session on a free port."""

import os
import re
import uuid

import pytest
from django.db import transaction
from elastic_transport import Urllib3HttpNode

from search import services
from search.backends.database import DatabaseBackend
from search.services import SearchService


class PlainJsonNode(Urllib3HttpNode):
    """osmem-server answers 406 to the client's `application/vnd.elasticsearch+json; compatible-with=8`
    media type: the tests, not the product, send plain `application/json` instead."""

    _COMPAT = re.compile(r"application/vnd\.elasticsearch\+([\w-]+); compatible-with=\d+")

    def perform_request(self, method, target, body=None, headers=None, request_timeout=None):
        if headers:
            headers = headers.copy()
            for name in ("accept", "content-type"):
                if name in headers:
                    headers[name] = self._COMPAT.sub(r"application/\1", headers[name])
        return super().perform_request(
            method, target, body=body, headers=headers, request_timeout=request_timeout
        )


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate-limit counters and the synonym cache must not leak from one test to the next."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="session")
def elasticsearch_server():
    """(url, client options) of an Elasticsearch-compatible server for this test session."""
    url = os.environ.get("ELASTICSEARCH_URL")
    if url:
        yield url, {}
        return
    try:
        from osmem_server import OsmemServer, resolve_binary

        resolve_binary()
    except Exception as error:  # no binary for this platform
        pytest.skip(f"No Elasticsearch: set ELASTICSEARCH_URL or install osmem-server ({error})")
    server = OsmemServer.start(japanese=False)
    yield server.url, {"node_class": PlainJsonNode}
    server.close()


def make_service(kind, request):
    if kind == "database":
        return SearchService(DatabaseBackend())
    from search.backends.elasticsearch import ElasticsearchBackend

    url, options = request.getfixturevalue("elasticsearch_server")
    engine = ElasticsearchBackend(
        url=url, prefix=f"test-{uuid.uuid4().hex[:12]}", client_options=options
    )
    return SearchService(DatabaseBackend(), engine)


BACKENDS = ["database", pytest.param("elasticsearch", marks=pytest.mark.elasticsearch)]


@pytest.fixture(params=BACKENDS)
def search_service(request, db):
    """The service under test, installed as the portal's service for the duration of the test."""
    service = make_service(request.param, request)
    services._service = service
    yield service
    if service.engine is not None:
        service.engine.drop()
    services.reset_service()


@pytest.fixture(scope="module", params=BACKENDS)
def indexed_corpus(request, django_db_setup, django_db_blocker):
    """(service, items): `corpus.build()` (or the builder a module names in CORPUS_BUILDER) indexed by
    each backend once per test module, for tests that only read it (a test that writes uses
    `search_service` and builds its own). Built inside a
    transaction that is rolled back at the end of the module, as Django's TestCase.setUpTestData does:
    each test runs in a savepoint within it, so nothing it writes outlives it."""
    from portal.site_structure import ensure_site

    from . import corpus

    with django_db_blocker.unblock(), transaction.atomic():
        ensure_site()
        service = make_service(request.param, request)
        try:
            items = getattr(corpus, getattr(request.module, "CORPUS_BUILDER", "build"))()
            service.rebuild()
            yield service, items
        finally:
            if service.engine is not None:
                service.engine.drop()
            transaction.set_rollback(True)


@pytest.fixture
def corpus_service(indexed_corpus, db):
    """The service of `indexed_corpus`, installed as the portal's service for the duration of the test."""
    service, _ = indexed_corpus
    services._service = service
    yield service
    services.reset_service()


@pytest.fixture
def corpus_items(indexed_corpus):
    return indexed_corpus[1]


@pytest.fixture
def database_service(db):
    service = SearchService(DatabaseBackend())
    services._service = service
    yield service
    services.reset_service()
