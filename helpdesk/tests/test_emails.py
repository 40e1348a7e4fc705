"""The outbox: a failing mail server never loses a request; emails are retried and carry no content."""

from unittest import mock

from django.core import mail
from django.core.management import call_command

from helpdesk.models import OutboundEmail, Ticket


def test_email_failure_keeps_the_ticket_and_the_command_retries(client, valid_data):
    with mock.patch(
        "helpdesk.services.emails.EmailMessage.send",
        side_effect=ConnectionRefusedError("smtp down"),
    ):
        response = client.post("/permanence/", valid_data)
    assert response.status_code == 302  # the requester still sees the thank-you page
    assert Ticket.objects.count() == 1
    email = OutboundEmail.objects.get()
    assert email.status == "pending"
    assert email.attempts == 1
    assert email.last_error == "ConnectionRefusedError"
    assert len(mail.outbox) == 0

    call_command("helpdesk_send_pending", "--force", stdout=mock.MagicMock())
    email.refresh_from_db()
    assert email.status == "sent"
    assert email.attempts == 2
    assert email.body == ""  # the link does not stay in the database
    assert len(mail.outbox) == 1
    assert "/permanence/suivi/" in mail.outbox[0].body


def test_retry_waits_for_backoff_and_gives_up_after_max_attempts(client, valid_data, settings):
    settings.HELPDESK_EMAIL_MAX_ATTEMPTS = 2
    with mock.patch("helpdesk.services.emails.EmailMessage.send", side_effect=OSError):
        client.post("/permanence/", valid_data)
        from helpdesk.services import send_pending

        assert send_pending() == (0, 0)  # not due yet
        assert send_pending(force=True) == (0, 1)
    email = OutboundEmail.objects.get()
    assert email.status == "failed"
    assert Ticket.objects.count() == 1


def test_emails_carry_no_ticket_text(client, valid_data, settings):
    settings.HELPDESK_NOTIFY_EMAIL = "juristes@example.org"
    client.post("/permanence/", valid_data)
    assert len(mail.outbox) == 2
    for message in mail.outbox:
        text = message.subject + message.body
        assert "apprentissage" not in text
        assert "Camille" not in text
        assert "Tilleuls" not in text
    assert mail.outbox[1].to == ["juristes@example.org"]
    assert "/admin/permanence/" in mail.outbox[1].body
