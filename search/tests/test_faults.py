"""Elasticsearch down (closed port), slow (never answers) or erroring (503): every path answers from the
database within the configured timeout, and the updates it missed are replayed when it is back."""

import json
import socket
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.management import CommandError, call_command

from content.factories import ResourcePageFactory
from search import services
from search.backends.base import SearchRequest
from search.backends.database import DatabaseBackend
from search.backends.elasticsearch import ElasticsearchBackend
from search.models import IndexEntry, PendingOperation
from search.services import SearchService

TIMEOUT = 0.5


@pytest.fixture
def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


@pytest.fixture
def silent_server():
    """Accepts connections (the kernel's backlog) and never answers."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(16)
    yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    sock.close()


class Unavailable(BaseHTTPRequestHandler):
    def _answer(self):
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        body = json.dumps({"error": {"type": "unavailable"}, "status": 503}).encode()
        self.send_response(503)
        self.send_header("Content-Type", "application/json")
        self.send_header("X-Elastic-Product", "Elasticsearch")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = _answer

    def log_message(self, *args):
        pass


@pytest.fixture
def erroring_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Unavailable)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(params=["down", "slow", "erroring"])
def broken_url(request):
    return request.getfixturevalue(
        {"down": "closed_port", "slow": "silent_server", "erroring": "erroring_server"}[
            request.param
        ]
    )


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def prefix():
    return f"test-{uuid.uuid4().hex[:12]}"


def install(engine, retry_after=60):
    service = SearchService(DatabaseBackend(), engine, retry_after=retry_after)
    services._service = service
    return service


@pytest.fixture
def broken_service(db, broken_url, prefix, settings):
    # The engine is built from the settings, as in production: timeouts and retries come from there.
    settings.ELASTICSEARCH_CLIENT_OPTIONS = {
        "request_timeout": TIMEOUT,
        "max_retries": 1,
        "retry_on_timeout": False,
    }
    service = install(ElasticsearchBackend(url=broken_url, prefix=prefix), retry_after=0)
    yield service
    services.reset_service()


@pytest.fixture
def working_engine(elasticsearch_server, prefix):
    url, options = elasticsearch_server
    engine = ElasticsearchBackend(url=url, prefix=prefix, client_options=options)
    yield engine
    engine.drop()


def engine_titles(engine, raw):
    request = SearchRequest(query=services.get_service().parse(raw))
    return sorted(hit.title for hit in engine.search(request).hits)


def test_every_public_path_answers_from_the_database_in_bounded_time(
    client, broken_service, resource_index, commit
):
    with commit():
        ResourcePageFactory(parent=resource_index, title="Guide zorglub de l'asile")
    started = time.monotonic()
    page = client.get("/recherche/", {"q": "zorglub"})
    api = client.get("/recherche/api/", {"q": "zorglub"})
    suggest = client.get("/recherche/suggest/", {"q": "zorg"})
    elapsed = time.monotonic() - started
    assert page.status_code == 200 and "mode simplifié" in page.content.decode()
    assert "Guide zorglub" in page.content.decode()
    assert api.status_code == 200 and api.json()["count"] == 1
    assert [s["title"] for s in suggest.json()["suggestions"]] == ["Guide zorglub de l'asile"]
    # Three requests, retry_after=0 so each one tries the engine: each costs at most one timeout.
    assert elapsed < 3 * TIMEOUT + 2


def test_saving_while_the_engine_is_broken_keeps_the_page_and_records_the_miss(
    broken_service, resource_index, commit
):
    with commit():
        page = ResourcePageFactory(parent=resource_index, title="Note zorglub")
    assert IndexEntry.objects.filter(title="Note zorglub").exists()
    pending = PendingOperation.objects.get()
    assert (pending.key, pending.operation) == (f"content.resourcepage:{page.pk}", "index")


def test_reindex_while_the_engine_is_broken_says_so_and_rebuilds_the_database(
    broken_service, resource_index
):
    ResourcePageFactory(parent=resource_index, title="Fiche zorglub")
    IndexEntry.objects.all().delete()
    with pytest.raises(CommandError, match="database index is rebuilt, but Elasticsearch"):
        call_command("search_reindex", "--no-progress")
    assert IndexEntry.objects.filter(title="Fiche zorglub").exists()


@pytest.mark.elasticsearch
def test_updates_missed_while_down_are_replayed_by_the_command(
    db, closed_port, working_engine, prefix, resource_index, commit, capsys
):
    kept = ResourcePageFactory(parent=resource_index, title="Ancienne fiche zorglub")
    gone = ResourcePageFactory(parent=resource_index, title="Fiche zorglub retirée")
    service = install(working_engine)
    service.rebuild()
    service.engine = ElasticsearchBackend(
        url=closed_port, prefix=prefix, client_options={"request_timeout": TIMEOUT}
    )
    with commit():
        added = ResourcePageFactory(parent=resource_index, title="Nouvelle fiche zorglub")
        gone.unpublish()
        kept.title = "Fiche zorglub révisée"
        kept.save_revision().publish()
    assert PendingOperation.objects.count() == 3
    with pytest.raises(CommandError, match="3 update"):
        call_command("search_catch_up")
    assert PendingOperation.objects.count() == 3

    service.engine = working_engine  # the engine answers again
    call_command("search_catch_up")
    assert "3 missed update(s) replayed" in capsys.readouterr().out
    assert PendingOperation.objects.count() == 0
    assert engine_titles(working_engine, "zorglub") == sorted(
        [added.title, "Fiche zorglub révisée"]
    )


@pytest.mark.elasticsearch
def test_the_first_success_after_an_outage_replays_the_misses(
    client, db, closed_port, working_engine, prefix, resource_index, commit
):
    service = install(
        ElasticsearchBackend(
            url=closed_port, prefix=prefix, client_options={"request_timeout": TIMEOUT}
        ),
        retry_after=0,
    )
    with commit():
        ResourcePageFactory(parent=resource_index, title="Fiche zorglub hors ligne")
    assert PendingOperation.objects.count() == 1
    service.engine = working_engine
    working_engine.ensure_index()
    with commit():  # the catch-up task is enqueued on commit (run at once by the immediate backend)
        assert client.get("/recherche/", {"q": "zorglub"}).status_code == 200
    assert PendingOperation.objects.count() == 0
    assert engine_titles(working_engine, "zorglub") == ["Fiche zorglub hors ligne"]


@pytest.mark.elasticsearch
def test_a_rebuild_makes_earlier_misses_moot(db, working_engine, resource_index):
    ResourcePageFactory(parent=resource_index, title="Fiche zorglub")
    service = install(working_engine)
    services.record_missed(PendingOperation.INDEX, ["content.resourcepage:999999"])
    service.rebuild()
    assert PendingOperation.objects.count() == 0
    assert engine_titles(working_engine, "zorglub") == ["Fiche zorglub"]
