"""The requester's private follow-up page: token access, thread without notes, replies, headers."""

import hashlib

from django.core import mail

from helpdesk import services
from helpdesk.factories import MessageFactory, TicketFactory
from helpdesk.models import AccessToken, AuditEntry, MessageKind

from .conftest import HTML, upload


def url(token):
    return f"/permanence/suivi/{token}/"


def test_right_token_opens_the_thread_without_internal_notes(client, ticket_with_token):
    ticket, token = ticket_with_token
    MessageFactory(ticket=ticket, kind=MessageKind.ANSWER, body="Réponse publique sur APT.")
    MessageFactory(
        ticket=ticket, kind=MessageKind.NOTE, body="Note interne : vérifier la jurisprudence."
    )
    response = client.get(url(token))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Réponse publique sur APT." in html
    assert "Note interne" not in html and "vérifier la jurisprudence" not in html
    assert response["Cache-Control"].startswith("no-store")
    assert response["Referrer-Policy"] == "same-origin"
    assert "noindex" in response["X-Robots-Tag"]
    assert AuditEntry.objects.filter(ticket=ticket, action="viewed", actor="demandeur").exists()


def test_wrong_token_is_404(client, ticket_with_token):
    assert client.get(url("x" * 43)).status_code == 404
    assert client.get(url("")).status_code == 404


def test_a_token_never_opens_another_ticket(client, ticket_with_token):
    ticket, token = ticket_with_token
    other = TicketFactory(question="Question de l'autre demandeur sur un jugement supplétif.")
    other_token = services.issue_token(other)
    html = client.get(url(token)).content.decode()
    assert "jugement supplétif" not in html
    assert "jugement supplétif" in client.get(url(other_token)).content.decode()
    other_attachment = services.store_attachment(other, upload())
    assert client.get(f"{url(token)}pieces/{other_attachment.pk}/").status_code == 404


def test_token_is_stored_only_as_its_hash(ticket_with_token):
    ticket, token = ticket_with_token
    stored = AccessToken.objects.get(ticket=ticket).token_hash
    assert stored == hashlib.sha256(token.encode()).hexdigest()
    assert token not in stored
    assert len(token) >= 40


def test_requester_reply_with_document(client, ticket_with_token):
    ticket, token = ticket_with_token
    ticket.status = "repondu"
    ticket.save()
    response = client.post(
        url(token), {"body": "Merci, voici le jugement.", "attachments": [upload("jugement.pdf")]}
    )
    assert response.status_code == 302
    ticket.refresh_from_db()
    assert ticket.status == "en-cours"
    message = ticket.messages.get(kind=MessageKind.REQUESTER)
    assert message.attachments.get().original_name == "jugement.pdf"
    page = client.get(url(token)).content.decode()
    assert "Merci, voici le jugement." in page and "jugement.pdf" in page


def test_reply_refuses_html_attachment_and_keeps_text(client, ticket_with_token):
    _ticket, token = ticket_with_token
    response = client.post(
        url(token), {"body": "Texte gardé", "attachments": [upload("a.pdf", HTML)]}
    )
    assert response.status_code == 400
    assert "Texte gardé" in response.content.decode()


def test_token_lookups_are_rate_limited(client, ticket_with_token, settings):
    settings.HELPDESK_TOKEN_LOOKUPS_PER_IP = 3
    _ticket, token = ticket_with_token
    for _ in range(3):
        client.get(url("mauvais-jeton"))
    assert client.get(url(token)).status_code == 429


def test_reply_requires_csrf(ticket_with_token):
    from django.test import Client

    ticket, token = ticket_with_token
    assert Client(enforce_csrf_checks=True).post(url(token), {"body": "x"}).status_code == 403
    assert not ticket.messages.exists()


def test_answer_email_carries_only_a_new_working_link(client, ticket, jurist):
    _message, email = services.answer(ticket, "Réponse détaillée sur le titre de séjour.", jurist)
    services.deliver(email)
    body = mail.outbox[-1].body
    assert "titre de séjour" not in body and "Réponse détaillée" not in body
    link = next(line for line in body.splitlines() if "/permanence/suivi/" in line)
    path = link.split("testserver", 1)[1]
    assert "Réponse détaillée sur le titre de séjour." in client.get(path).content.decode()
