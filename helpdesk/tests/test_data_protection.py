"""Retention, export and erasure, log redaction, and nothing of the helpdesk on public pages."""

import datetime
import json
import logging
import os

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from helpdesk import services
from helpdesk.factories import MessageFactory, TicketFactory
from helpdesk.logging import RedactPersonalData
from helpdesk.models import AccessToken, Attachment, MessageKind, OutboundEmail, Ticket

from .conftest import upload


@pytest.fixture
def expired(db):
    old = timezone.now() - datetime.timedelta(days=800)
    ticket = TicketFactory(
        created_at=old,
        last_activity_at=old,
        question="Joindre Mme Durand au 06 12 34 56 78 ou durand@example.org.",
        profession="avocat",
    )
    MessageFactory(ticket=ticket, kind=MessageKind.NOTE, body="Rappeler au 01.23.45.67.89")
    services.issue_token(ticket)
    attachment = services.store_attachment(ticket, upload())
    OutboundEmail.objects.create(ticket=ticket, to=ticket.requester_email, subject="s", body="lien")
    return ticket, attachment.file.path


def test_anonymise_removes_identity_keeps_figures_and_is_idempotent(expired):
    ticket, path = expired
    recent = TicketFactory()
    out = _call("helpdesk_anonymise")
    assert "1 request(s) anonymised" in out and "1 attachment(s) deleted" in out
    ticket.refresh_from_db()
    assert ticket.anonymised_at
    assert (
        ticket.requester_name,
        ticket.requester_email,
        ticket.requester_phone,
        ticket.structure,
    ) == ("", "", "", "")
    assert ticket.question == services.ANONYMISED_TEXT
    assert ticket.messages.get().body == services.ANONYMISED_TEXT
    assert not Attachment.objects.filter(ticket=ticket).exists() and not os.path.exists(path)
    assert not AccessToken.objects.filter(ticket=ticket).exists()
    assert OutboundEmail.objects.get(ticket=ticket).to == "anonyme@invalid"
    # the email still pending is dropped, not sent empty to the placeholder address
    assert services.send_pending(force=True) == (0, 0) and not mail.outbox
    # kept for the figures
    assert (
        ticket.topic_id
        and ticket.departement_id
        and ticket.profession == "avocat"
        and ticket.created_at
    )
    recent.refresh_from_db()
    assert recent.requester_email and recent.anonymised_at is None
    assert ticket.audit_entries.get(action="anonymised").actor == "système"
    assert "0 request(s) anonymised" in _call("helpdesk_anonymise")


def test_anonymise_dry_run_changes_nothing(expired):
    ticket, _path = expired
    assert "1 request(s) would be anonymised" in _call("helpdesk_anonymise", "--dry-run")
    ticket.refresh_from_db()
    assert ticket.requester_email and ticket.anonymised_at is None


def _call(*args):
    from io import StringIO

    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_export_includes_internal_notes_and_erasure_removes_everything(client, jurist, expired):
    ticket, path = expired
    client.force_login(jurist)
    response = client.post(
        "/admin/permanence/demandeur/",
        {"email": ticket.requester_email.upper(), "action": "export"},
    )
    data = json.loads(response.content)
    assert response["Content-Disposition"].startswith("attachment")
    exported = data["demandes"][0]
    assert exported["demandeur"]["courriel"] == ticket.requester_email
    assert any(m["type"] == "Note interne" for m in exported["messages"])
    assert exported["pieces_jointes"][0]["nom"] == "piece.pdf"

    refused = client.post(
        "/admin/permanence/demandeur/", {"email": ticket.requester_email, "action": "erase"}
    )
    assert refused.status_code == 200 and "Cochez la case" in refused.content.decode()
    client.post(
        "/admin/permanence/demandeur/",
        {"email": ticket.requester_email, "action": "erase", "confirm": "1"},
    )
    ticket.refresh_from_db()
    assert ticket.requester_email == "" and ticket.question == services.ERASED_TEXT
    assert all(m.body == services.ERASED_TEXT for m in ticket.messages.all())
    assert not os.path.exists(path)
    assert ticket.audit_entries.filter(action="erased", user=jurist).exists()
    assert ticket.audit_entries.filter(action="exported", user=jurist).exists()


def test_redaction_filter_removes_emails_phones_and_tokens():
    record = logging.LogRecord(
        "django.request",
        logging.WARNING,
        __file__,
        1,
        "Not Found: /permanence/suivi/%s/ from %s tel %s",
        ("AbCdEf123_-xyz", "jean.dupont@example.org", "06 12 34 56 78"),
        None,
    )
    assert RedactPersonalData().filter(record)
    message = record.getMessage()
    assert (
        "AbCdEf123" not in message
        and "jean.dupont" not in message
        and "06 12 34 56 78" not in message
    )
    assert "/permanence/suivi/[jeton]/" in message


def test_console_handler_is_configured_with_the_filter(settings):
    assert settings.LOGGING["handlers"]["console"]["filters"] == ["redact_personal_data"]
    handler = next(h for h in logging.getLogger().handlers if isinstance(h, logging.StreamHandler))
    assert any(isinstance(f, RedactPersonalData) for f in handler.filters)


@pytest.mark.parametrize(
    "name", ["django", "django.request", "django.server", "django.security.csrf", "helpdesk"]
)
def test_every_handler_a_log_line_reaches_redacts(name):
    """Django's default handlers (runserver access log, DEBUG console, error emails) would print the
    follow-up token of `/permanence/suivi/<token>/` unless they too go through the filter."""
    logger, handlers = logging.getLogger(name), []
    while logger:
        handlers += logger.handlers
        logger = logger.parent if logger.propagate else None
    handlers = [h for h in handlers if not type(h).__module__.startswith("_pytest")]
    assert handlers
    for handler in handlers:
        assert any(isinstance(f, RedactPersonalData) for f in handler.filters), (name, handler)


def test_no_token_or_email_in_log_lines(client, valid_data, commit):
    """Through the portal's real console handler: what would reach the log file."""
    import io
    from unittest import mock

    root = logging.getLogger()
    handler = next(h for h in root.handlers if isinstance(h, logging.StreamHandler))
    stream = io.StringIO()
    previous_stream, previous_level = handler.setStream(stream), root.level
    root.setLevel(logging.DEBUG)
    try:
        with (
            mock.patch("core.outbox.EmailMultiAlternatives.send", side_effect=OSError),
            commit(),
        ):
            client.post("/permanence/", valid_data)
        ticket = Ticket.objects.get()
        token = services.issue_token(ticket)
        client.get(f"/permanence/suivi/{token}/")
        client.get("/permanence/suivi/wrong-token/")
        logging.getLogger("helpdesk").warning(
            "Reply from %s via /permanence/suivi/%s/", valid_data["requester_email"], token
        )
    finally:
        handler.setStream(previous_stream)
        root.setLevel(previous_level)
    text = stream.getvalue()
    assert "not sent" in text  # the outbox failure is logged…
    assert "/permanence/suivi/[jeton]/" in text
    assert valid_data["requester_email"] not in text and token not in text  # …without personal data


def test_helpdesk_is_absent_from_sitemap_search_and_public_pages(client, home, valid_data, commit):
    with commit():
        client.post(
            "/permanence/",
            {**valid_data, "question": "Question confidentielle sur un jeune de Bobigny."},
        )
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "permanence/suivi" not in sitemap and "Bobigny" not in sitemap
    assert "Bobigny" not in client.get("/").content.decode()
    assert "Question confidentielle" not in client.get("/recherche/?q=Bobigny").content.decode()
    from wagtail.search.index import get_indexed_models

    assert not [m for m in get_indexed_models() if m._meta.app_label == "helpdesk"]
    assert "Disallow: /permanence/suivi/" in client.get("/robots.txt").content.decode()
    assert len(mail.outbox) == 1
