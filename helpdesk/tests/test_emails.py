"""The outbox: a failing mail server never loses a request; emails are retried with a growing delay,
counted as sent only when a server accepted them, and carry no content."""

import datetime
import socket
from unittest import mock

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.utils import timezone

from core.dates import format_datetime
from helpdesk.models import OutboundEmail, Ticket
from helpdesk.services import deliver, send_pending
from helpdesk.services.emails import retry_delay


class AcceptsNothingBackend(BaseEmailBackend):
    """A backend that drops every message without raising, as a misconfigured relay may."""

    def send_messages(self, email_messages):
        return 0


@pytest.fixture
def smtp_down(settings):
    """The real SMTP backend pointed at a local port where nothing listens."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_USE_TLS, settings.EMAIL_TIMEOUT = False, 5
    return settings


def test_smtp_down_keeps_the_request_and_the_command_sends_later(
    client, valid_data, smtp_down, commit
):
    with commit():
        response = client.post("/permanence/", valid_data)
    assert response.status_code == 302  # the requester still sees the thank-you page
    assert Ticket.objects.count() == 1
    email = OutboundEmail.objects.get()
    assert (email.status, email.attempts) == ("pending", 1)
    assert email.last_error == "ConnectionRefusedError"
    assert email.next_attempt_at > timezone.now() + datetime.timedelta(minutes=4)

    smtp_down.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"  # the server is back
    call_command("helpdesk_send_pending", stdout=mock.MagicMock())
    assert OutboundEmail.objects.get().attempts == 1  # not due yet: the back-off is respected
    call_command("helpdesk_send_pending", "--force", stdout=mock.MagicMock())
    email.refresh_from_db()
    assert (email.status, email.attempts) == ("sent", 2)
    assert email.body == ""  # the link does not stay in the database
    assert len(mail.outbox) == 1
    assert "/permanence/suivi/" in mail.outbox[0].body


def test_retries_back_off_exponentially_then_fail(client, valid_data, smtp_down, commit):
    smtp_down.HELPDESK_EMAIL_MAX_ATTEMPTS = 4
    with commit():
        client.post("/permanence/", valid_data)
    email = OutboundEmail.objects.get()
    delays = []
    while email.status == "pending":
        assert send_pending() == (0, 0)  # not due yet
        attempt_at = email.next_attempt_at
        with mock.patch("django.utils.timezone.now", return_value=attempt_at):
            assert send_pending() == (0, 1)
        email.refresh_from_db()
        delays.append(email.next_attempt_at - attempt_at)
    assert delays[:2] == [datetime.timedelta(minutes=10), datetime.timedelta(minutes=20)]
    assert (email.status, email.attempts) == ("failed", 4)
    assert send_pending(force=True) == (0, 0)  # given up: never sent again
    assert Ticket.objects.count() == 1


def test_retry_delay_doubles_up_to_six_hours():
    minutes = [retry_delay(n).total_seconds() / 60 for n in range(1, 10)]
    assert minutes == [5, 10, 20, 40, 80, 160, 320, 360, 360]
    assert retry_delay(1000) == datetime.timedelta(hours=6)


def test_an_email_no_backend_accepted_stays_pending(ticket, settings):
    from helpdesk.services import queue_email

    settings.EMAIL_BACKEND = "helpdesk.tests.test_emails.AcceptsNothingBackend"
    email = queue_email(ticket, "acknowledgement", link="https://example.org/suivi/x/")
    assert deliver(email) is False
    email.refresh_from_db()
    assert (email.status, email.last_error) == ("pending", "NotAccepted")
    assert email.body  # the link is kept for the retry
    assert email.sent_at is None


def test_two_senders_never_send_the_same_email_twice(ticket):
    from helpdesk.services import queue_email

    email = queue_email(ticket, "acknowledgement", link="https://example.org/suivi/x/")
    worker_copy = OutboundEmail.objects.get(pk=email.pk)  # read by the worker at the same time
    assert deliver(email) is True
    assert deliver(worker_copy) is None
    assert len(mail.outbox) == 1


def test_emails_carry_no_ticket_text(client, valid_data, settings, commit):
    settings.HELPDESK_NOTIFY_EMAIL = "juristes@example.org"
    with commit():
        client.post("/permanence/", valid_data)
    assert len(mail.outbox) == 2
    for message in mail.outbox:
        text = message.subject + message.body
        assert "apprentissage" not in text
        assert "Camille" not in text
        assert "Tilleuls" not in text
    assert mail.outbox[1].to == ["juristes@example.org"]
    assert "/admin/permanence/" in mail.outbox[1].body


def test_the_jurist_sees_which_emails_are_not_sent_yet(client, jurist, ticket, smtp_down):
    from helpdesk.services import queue_email

    client.force_login(jurist)
    failing = queue_email(ticket, "acknowledgement", link="https://example.org/suivi/x/")
    deliver(failing)
    queue_email(ticket, "answered", link="https://example.org/suivi/y/")
    html = client.get(f"/admin/permanence/{ticket.pk}/").content.decode()
    assert "Courriels pas encore envoyés" in html
    failing.refresh_from_db()
    local = timezone.localtime(failing.next_attempt_at)
    assert "1 tentative sans succès" in html
    assert f"nouvel essai le {format_datetime(local)}." in html
    assert "en file d'attente" in html

    failing.status, failing.attempts = "failed", 8
    failing.save()
    html = client.get(f"/admin/permanence/{ticket.pk}/").content.decode()
    assert "<strong>échec</strong> : pas envoyé après 8 tentatives" in html


def test_no_email_block_once_everything_is_sent(client, jurist, ticket):
    from helpdesk.services import queue_email

    client.force_login(jurist)
    deliver(queue_email(ticket, "acknowledgement", link="https://example.org/suivi/x/"))
    assert "pas encore envoyé" not in client.get(f"/admin/permanence/{ticket.pk}/").content.decode()
