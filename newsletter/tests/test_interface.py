"""The interface other apps build on: recipients of a list, bulk sends through the outbox in background
tasks (personal links and one-click unsubscribe headers), and the figures from the dated history."""

import datetime
from unittest import mock

from django.core import mail
from django.utils import timezone

from newsletter import figures, services
from newsletter.models import Kind, OutboundEmail, Subscriber


def test_list_recipients_are_confirmed_and_not_suspended(confirmed, commit):
    alice = confirmed("alice@example.org", echanges=True)
    bob = confirmed("bob@example.org", echanges=True, newsletter=True)
    services.suspend(bob, "bounce")
    with commit():
        services.subscribe("carol@example.org", {"echanges": True})  # never confirmed
    recipients = services.list_recipients(Kind.ECHANGES)
    assert [s.subscriber for s in recipients] == [alice]
    assert not services.list_recipients(Kind.NEWSLETTER).exists()


def test_bulk_email_is_personal_multipart_and_carries_unsubscribe_headers(confirmed, commit):
    alice = confirmed("alice@example.org", echanges=True)
    confirmed("bob@example.org", echanges=True)
    mail.outbox.clear()
    with commit():
        mailing = services.queue_bulk_email(
            services.list_recipients("echanges"),
            "Un message <b>important</b>",
            "Texte du message",
            "<p>Texte du <strong>message</strong></p>",
            category="echanges",
        )
    assert mailing.total == 0  # the web request only stored it; the task wrote the emails
    mailing.refresh_from_db()
    assert mailing.total == 2 and mailing.recipients == []
    assert sorted(m.to[0] for m in mail.outbox) == ["alice@example.org", "bob@example.org"]
    message = next(m for m in mail.outbox if m.to == ["alice@example.org"])
    assert message.subject == "Un message <b>important</b>"
    assert "Texte du message" in message.body
    assert services.manage_url(alice) in message.body
    html, mimetype = message.alternatives[0]
    assert mimetype == "text/html" and "<strong>message</strong>" in html
    assert "<img" not in html and "http" not in html.replace(
        services.manage_url(alice), ""
    ).replace(services.unsubscribe_url(alice), "")
    assert message.extra_headers["List-Unsubscribe"] == f"<{services.unsubscribe_url(alice)}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    sent = OutboundEmail.objects.filter(mailing=mailing)
    assert {e.status for e in sent} == {"sent"} and {e.body for e in sent} == {""}


def test_bulk_send_survives_a_mail_server_failure(confirmed, commit):
    confirmed("alice@example.org", newsletter=True)
    mail.outbox.clear()
    with (
        mock.patch("core.outbox.EmailMultiAlternatives.send", side_effect=OSError),
        commit(),
    ):
        services.queue_bulk_email(
            services.list_recipients("newsletter"),
            "Lettre",
            "Texte",
            "<p>Texte</p>",
            category="newsletter",
        )
    email = OutboundEmail.objects.get(category="newsletter")
    assert (email.status, email.attempts, email.last_error) == ("pending", 1, "OSError")
    assert services.OUTBOX.send_pending(force=True) == (1, 0)
    assert [m.subject for m in mail.outbox] == ["Lettre"]


def test_figures_come_from_the_history_and_survive_erasure(confirmed, commit, theme, departement):
    day = timezone.localdate()
    alice = confirmed("alice@example.org", newsletter=True, themes=[theme.pk])
    confirmed("bob@example.org", departements=[departement.pk], themes=[theme.pk])
    with commit():
        services.subscribe("carol@example.org", {"newsletter": True})
    now = figures.subscribers_on(day)
    assert (now["total"], now["pending"], now["suspended"]) == (2, 1, 0)
    assert now["by_kind"]["newsletter"] == 1 and now["by_kind"]["theme"] == 2
    assert now["by_theme"] == {"Santé": 2}
    assert now["by_departement"] == {"93 Seine-Saint-Denis": 1}

    services.forget(alice)
    services.suspend(Subscriber.objects.get(email="bob@example.org"), "complaint")
    later = figures.subscribers_on(day)
    assert (later["total"], later["pending"], later["suspended"]) == (0, 1, 1)
    assert later["by_kind"]["theme"] == 0
    assert figures.subscribers_on(day - datetime.timedelta(days=1))["total"] == 0

    [row] = figures.subscriber_history(day.replace(day=1), day)
    assert (row["signed_up"], row["confirmed"], row["left"], row["suspended_complaint"]) == (
        3,
        2,
        1,
        1,
    )
    assert (row["active"], row["growth"], row["pending"]) == (0, 0, 1)


def test_a_batch_skips_what_another_sender_took(confirmed, commit):
    confirmed("alice@example.org", newsletter=True)
    confirmed("bob@example.org", newsletter=True)
    mail.outbox.clear()
    with mock.patch("newsletter.services.mailing.send_mailing_batch"), commit():
        services.queue_bulk_email(
            services.list_recipients("newsletter"), "Lettre", "T", "<p>T</p>", category="newsletter"
        )
    emails = list(OutboundEmail.objects.filter(category="newsletter").order_by("pk"))
    assert services.OUTBOX.deliver(OutboundEmail.objects.get(pk=emails[0].pk)) is True  # the worker
    assert services.OUTBOX.deliver_many(emails) == (1, 0)  # the batch sends only the other one
    assert sorted(m.to[0] for m in mail.outbox) == ["alice@example.org", "bob@example.org"]
