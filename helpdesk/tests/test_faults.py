"""Faults during a submission: a database error keeps the input, saves nothing and answers 503; the log
line it writes carries the request id and no personal data; the forms work with the cache down."""

import io
import json
import logging
import socket
from unittest import mock

import pytest
from django.core import mail
from django.db.utils import OperationalError
from django.utils.module_loading import import_string

from core.forms import SAVE_FAILED
from directory.factories import ActorFactory
from directory.models import ActorReport
from helpdesk.models import Attachment, Message, Ticket
from portal.settings import production

from .conftest import upload

FAILURE = OperationalError(
    "could not write: disk full while inserting camille.martin@example.org, 01 23 45 67 89"
)


def shown(message):
    return message.replace("'", "&#x27;")


@pytest.fixture
def json_log():
    """The portal's console handler, with the production JSON formatter, writing into a string."""
    options = dict(production.LOGGING["formatters"]["json"])
    formatter = import_string(options.pop("()"))
    root = logging.getLogger()
    handler = next(h for h in root.handlers if isinstance(h, logging.StreamHandler))
    stream, previous_formatter = io.StringIO(), handler.formatter
    previous_stream = handler.setStream(stream)
    handler.setFormatter(formatter(**options))
    yield stream
    handler.setStream(previous_stream)
    handler.setFormatter(previous_formatter)


def test_a_database_error_on_a_request_keeps_the_input_and_saves_nothing(
    client, valid_data, private_root, json_log
):
    with mock.patch("helpdesk.services.requester.audit", side_effect=FAILURE):
        response = client.post(
            "/permanence/",
            {**valid_data, "attachments": [upload()]},
            HTTP_X_REQUEST_ID="0123456789abcdef0123456789abcdef",
        )
    html = response.content.decode()
    assert response.status_code == 503
    assert shown(SAVE_FAILED) in html
    assert 'value="camille.martin@example.org"' in html and "apprentissage" in html
    assert response["Cache-Control"].startswith("no-store")
    # the ticket and its attachment were written before the failure: neither rows nor file remain
    assert not Ticket.objects.exists() and not Attachment.objects.exists()
    assert not [p for p in private_root.rglob("*") if p.is_file()]
    assert not mail.outbox

    lines = [json.loads(line) for line in json_log.getvalue().splitlines()]
    assert [(line["logger"], line["level"]) for line in lines] == [
        ("core.forms", "ERROR"),
        ("django.request", "ERROR"),  # "Service Unavailable: /permanence/"
    ]
    for line in lines:
        assert line["request_id"] == response["X-Request-ID"] == "0123456789abcdef0123456789abcdef"
    assert "disk full" in lines[0]["exc_info"]
    assert (
        "camille.martin" not in json_log.getvalue() and "01 23 45 67 89" not in json_log.getvalue()
    )


def test_a_proxy_request_id_that_is_not_sane_is_replaced(client, db):
    response = client.get("/healthz", HTTP_X_REQUEST_ID="camille@example.org\nforged line")
    assert len(response["X-Request-ID"]) == 32 and "@" not in response["X-Request-ID"]
    assert client.get("/healthz")["X-Request-ID"] != response["X-Request-ID"]


def test_a_database_error_on_a_reply_keeps_the_text_and_saves_nothing(
    client, ticket_with_token, private_root
):
    ticket, token = ticket_with_token
    before = Message.objects.count()
    with mock.patch("helpdesk.services.requester.audit", side_effect=FAILURE):
        response = client.post(
            f"/permanence/suivi/{token}/",
            {"body": "Voici le jugement demandé.", "attachments": [upload()]},
        )
    assert response.status_code == 503
    html = response.content.decode()
    assert shown(SAVE_FAILED) in html and "Voici le jugement demandé." in html
    assert Message.objects.count() == before and not Attachment.objects.exists()
    assert not [p for p in private_root.rglob("*") if p.is_file()]


def test_a_database_error_on_a_directory_report_keeps_the_input(client, db):
    actor = ActorFactory(name="Droit de Grandir")
    with mock.patch.object(ActorReport, "save", side_effect=FAILURE):
        response = client.post(
            f"/annuaire/{actor.slug}/",
            {"message": "Le numéro a changé.", "reporter_name": "Dominique", "website": ""},
        )
    html = response.content.decode()
    assert response.status_code == 503
    assert shown(SAVE_FAILED) in html
    assert "Le numéro a changé." in html and 'value="Dominique"' in html
    assert not ActorReport.objects.exists()


def test_a_request_goes_through_with_the_cache_down(client, valid_data, settings):
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/12",
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.5},
        }
    }
    response = client.post("/permanence/", valid_data)
    assert response.status_code == 302 and Ticket.objects.count() == 1
