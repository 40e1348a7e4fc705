"""Fixtures shared by the search tests (imported by search/tests/conftest.py and tests/test_search_relevance.py): the backend fixture every contract test runs against: the database backend (SQLite or PostgreSQL,
whichever the run uses) and Elasticsearch — a real server when ELASTICSEARCH_URL is set, otherwise an
in-memory osmem-server started once per session on a free port."""

import os
import re
import uuid

import pytest
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


@pytest.fixture(params=["database", pytest.param("elasticsearch", marks=pytest.mark.elasticsearch)])
def search_service(request, db):
    """The service under test, installed as the portal's service for the duration of the test."""
    service = make_service(request.param, request)
    services._service = service
    yield service
    if service.engine is not None:
        service.engine.drop()
    services.reset_service()


@pytest.fixture
def database_service(db):
    service = SearchService(DatabaseBackend())
    services._service = service
    yield service
    services.reset_service()
