"""Operations: the liveness and readiness probes, and the site without its cache (Redis down)."""

import logging
import socket

import pytest
from django.db.utils import OperationalError

from portal import health
from search import services
from search.backends.database import DatabaseBackend
from search.backends.elasticsearch import ElasticsearchBackend
from search.services import SearchService, record_missed


@pytest.fixture
def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def redis_down(settings, closed_port):
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port}/12",
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 0.5,
                "SOCKET_TIMEOUT": 0.5,
            },
        }
    }
    settings.DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
    return closed_port


@pytest.fixture
def engine_down(db, closed_port):
    engine = ElasticsearchBackend(
        url=f"http://127.0.0.1:{closed_port}",
        prefix="absent",
        client_options={"request_timeout": 0.5},
    )
    services._service = SearchService(DatabaseBackend(), engine)
    yield engine
    services.reset_service()


def test_healthz_answers_without_the_database(client, settings):
    # no `db` fixture: any database query would fail the test
    settings.ALLOWED_HOSTS = ["portail-mna.fr"]
    settings.SECURE_SSL_REDIRECT = True
    # plain HTTP, from the loopback, under a host name the site does not serve: no redirect, no 400
    response = client.get("/healthz", HTTP_HOST="127.0.0.1:8000")
    assert response.status_code == 200 and response.json() == {"status": "ok"}
    assert "no-store" in response["Cache-Control"]


def test_readyz_reports_each_check_with_its_latency(client, db, settings):
    settings.SECURE_SSL_REDIRECT = True
    response = client.get("/readyz", HTTP_HOST="127.0.0.1")
    data = response.json()
    assert response.status_code == 200 and data["status"] == "ok"
    assert set(data["checks"]) == {"database", "search", "cache", "tasks"}
    for check in data["checks"].values():
        assert check["ok"] is True and check["latency_ms"] >= 0
    assert data["checks"]["database"]["required"] is True
    assert data["checks"]["search"]["backend"] == "database"
    assert "no-store" in response["Cache-Control"]


def test_readyz_is_503_when_the_database_fails_and_names_no_host(client, db, monkeypatch, caplog):
    def refused(details):
        raise OperationalError(
            'connection to server at "db.internal" (10.0.0.7), port 5432 failed: '
            'password authentication failed for user "portail"'
        )

    monkeypatch.setitem(health.CHECKS, "database", refused)
    with caplog.at_level(logging.WARNING):
        response = client.get("/readyz")
    body = response.content.decode()
    assert response.status_code == 503
    assert response.json()["checks"]["database"] == {
        "ok": False,
        "required": True,
        "error": "OperationalError",
        "latency_ms": response.json()["checks"]["database"]["latency_ms"],
    }
    for secret in ("db.internal", "10.0.0.7", "5432", "portail", "password"):
        assert secret not in body and secret not in caplog.text


def test_readyz_reports_a_down_engine_and_its_pending_updates(client, engine_down):
    record_missed("index", ["content.resourcepage:1", "content.resourcepage:2"])
    response = client.get("/readyz")
    search = response.json()["checks"]["search"]
    # the database answers searches meanwhile: not required by default, so the portal stays ready
    assert response.status_code == 200
    assert search["ok"] is False and search["error"] == "SearchUnavailable"
    assert search["pending_updates"] == 2 and search["backend"] == "elasticsearch"
    assert "127.0.0.1" not in response.content.decode()


def test_readyz_is_503_when_a_required_check_fails(client, engine_down, settings):
    settings.READYZ_REQUIRED = ["database", "search"]
    assert client.get("/readyz").status_code == 503


def test_the_site_works_with_redis_down(client, home, redis_down, settings, caplog):
    settings.READYZ_REQUIRED = ["database", "cache"]
    with caplog.at_level(logging.WARNING):
        assert client.get("/").status_code == 200
        assert client.get("/recherche/", {"q": "asile"}).status_code == 200
        for _ in range(3):  # rate-limited views: the limiter lets them through rather than crash
            assert client.get("/recherche/api/", {"q": "asile"}).status_code == 200
            assert client.get("/recherche/suggest/", {"q": "asi"}).status_code == 200
        ready = client.get("/readyz")
    assert ready.status_code == 503
    assert ready.json()["checks"]["cache"] == {
        "ok": False,
        "required": True,
        "error": "value not kept",
        "latency_ms": ready.json()["checks"]["cache"]["latency_ms"],
    }
    assert "Rate limit search-api not enforced" in caplog.text
    assert str(redis_down) not in ready.content.decode()
