"""The editorial newsletter from draft to preview, test send, send and public archive; the committee's
figures and exports."""

import pytest
from django.core import mail
from django.test import RequestFactory
from wagtail.rich_text import RichText

from agenda.factories import EventFactory
from content.factories import ResourcePageFactory
from newsletter.models import NewsletterIssue, OutboundEmail

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


@pytest.fixture
def issue(db, commit, home, resource_index):
    with commit():
        live = ResourcePageFactory(parent=resource_index, title="Guide de l'accès aux droits")
        draft = ResourcePageFactory(parent=resource_index, title="Brouillon secret", live=False)
        event = EventFactory(title="Colloque national")
    return NewsletterIssue.objects.create(
        title=f"Lettre de décembre {HOSTILE}",
        slug="decembre-2026",
        introduction=f"Au sommaire {HOSTILE}",
        body=[
            ("text", RichText(f'<p>Bonjour à tous. <a href="/agenda/">Agenda</a></p>{HOSTILE}')),
            ("featured", {"page": live, "text": "Notre sélection."}),
            ("pages", {"heading": "À lire", "pages": [live, draft]}),
            ("events", {"heading": "Agenda", "events": [event]}),
        ],
    )


def test_preview_as_html_and_plain_text(issue):
    request = RequestFactory().get("/")
    html = issue.serve_preview(request, "").content.decode()
    text = issue.serve_preview(request, "texte").content.decode()
    for output in (html, text):
        assert (
            "Guide de l'accès aux droits" in output or "Guide de l&#x27;accès aux droits" in output
        )
        assert "Colloque national" in output
        assert "Brouillon secret" not in output
    assert "<script>" not in html and "<img" not in html and "&lt;script&gt;" in html
    assert 'href="http://testserver/agenda/"' in html  # absolute links in emails
    assert "== À la une ==" in text and "Notre sélection." in text


def test_from_test_send_to_send_to_archive(client, editor, issue, confirmed, commit):
    confirmed("abonne@example.org", newsletter=True)
    confirmed("alerte@example.org", themes=[])  # no newsletter subscription
    confirmed("autre@example.org", echanges=True)
    mail.outbox.clear()
    client.force_login(editor)
    url = f"/admin/abonnements/lettres/{issue.pk}/envoi/"
    page = client.get(url)
    assert page.status_code == 200 and "1 abonné confirmé" in page.content.decode()
    assert client.get("/lettre/decembre-2026/").status_code == 404  # not archived before it is sent

    with commit():
        client.post(url, {"action": "test"})
    [test] = mail.outbox
    assert test.to == ["comite@example.org"] and test.subject.startswith(
        "[Test] Lettre de décembre"
    )
    assert NewsletterIssue.objects.get().sent_at is None

    with commit():
        client.post(url, {"action": "send"})  # without the confirmation box: nothing
    assert len(mail.outbox) == 1
    with commit():
        client.post(url, {"action": "send", "confirm": "1"})
    sent = [m for m in mail.outbox if m.to == ["abonne@example.org"]]
    assert len(mail.outbox) == 2 and len(sent) == 1
    assert sent[0].subject.startswith("Portail MNA – Lettre de décembre")
    assert "List-Unsubscribe" in sent[0].extra_headers
    with commit():
        client.post(url, {"action": "send", "confirm": "1"})  # sent once only
    assert len(mail.outbox) == 2

    client.logout()
    archive = client.get("/lettre/").content.decode()
    assert "Lettre de décembre" in archive and "<script>alert" not in archive
    page = client.get("/lettre/decembre-2026/").content.decode()
    assert "Colloque national" in page and "Brouillon secret" not in page
    assert "<script>alert" not in page and "&lt;script&gt;" in page
    feed = client.get("/lettre/flux.rss")
    assert feed.status_code == 200 and b"http://testserver/lettre/decembre-2026/" in feed.content


def test_only_the_committee_sends(client, contributor, issue):
    client.force_login(contributor)
    assert client.get(f"/admin/abonnements/lettres/{issue.pk}/envoi/").status_code in (302, 403)
    assert client.post(
        f"/admin/abonnements/lettres/{issue.pk}/envoi/", {"action": "send", "confirm": "1"}
    ).status_code in (302, 403)
    assert NewsletterIssue.objects.get().sent_at is None
    assert not OutboundEmail.objects.exists()


def test_figures_and_exports(client, editor, superuser, confirmed, theme):
    confirmed("abonne@example.org", newsletter=True, themes=[theme.pk])
    client.force_login(editor)
    page = client.get("/admin/abonnements/chiffres/").content.decode()
    assert 'id="fig-total">1<' in page and "Santé" in page
    assert "abonne@example.org" not in page
    csv = client.get("/admin/abonnements/chiffres.csv").content.decode("utf-8-sig")
    assert "total;abonnés actifs;1" in csv and "thème;Santé;1" in csv
    assert "abonne@example.org" not in csv
    assert client.get("/admin/abonnements/adresses.csv").status_code in (302, 403)  # refused
    client.force_login(superuser)
    assert "abonne@example.org" in client.get("/admin/abonnements/adresses.csv").content.decode()


def test_admin_listings_and_suspension(client, editor, issue, confirmed):
    subscriber = confirmed("abonne@example.org", newsletter=True)
    client.force_login(editor)
    listing = client.get("/admin/snippets/newsletter/newsletterissue/").content.decode()
    assert "Aperçu et envoi" in listing
    assert client.get("/admin/snippets/newsletter/newsletterissue/add/").status_code == 200
    assert (
        client.get(f"/admin/snippets/newsletter/newsletterissue/edit/{issue.pk}/").status_code
        == 200
    )
    subscribers = client.get("/admin/snippets/newsletter/subscriber/").content.decode()
    assert "abonne@example.org" in subscribers and "Suspendre" in subscribers
    url = f"/admin/abonnements/abonnes/{subscriber.pk}/suspension/"
    assert client.get(url).status_code == 200
    client.post(url, {"reason": "complaint"})
    subscriber.refresh_from_db()
    assert subscriber.suspension_reason == "complaint"
    client.post(url)
    subscriber.refresh_from_db()
    assert subscriber.suspended_at is None
