"""Moderation: nothing reaches the list or the archive before the committee approves it, once."""

import html as htmllib
import re

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied

from exchanges import services
from exchanges.mail import dispatch
from exchanges.models import Message, Status, Thread
from portal.testing import Client

from .conftest import HOSTILE_BODY, HOSTILE_SUBJECT

pytestmark = pytest.mark.django_db

# An HTML tag carrying an event handler (onerror=, onclick=…): text that merely shows one is escaped.
EVENT_HANDLER = re.compile(r"<[a-z][^<>]*\son\w+\s*=", re.IGNORECASE)


def script_links(html):
    """Link targets that a browser would run as script (entities decoded as the browser does)."""
    hrefs = re.findall(r'href="([^"]*)"', html)
    return [h for h in hrefs if htmllib.unescape(h).strip().lower().startswith("javascript:")]


def list_emails():
    return [
        m
        for m in mail.outbox
        if m.subject.startswith("[Échanges MNA]") and "pas été" not in m.subject
    ]


def post(client, subject="Accès à la cantine", body="Comment faites-vous ?", **extra):
    return client.post("/echanges/nouveau/", {"subject": subject, "body": body, **extra})


def test_a_members_message_is_not_sent_nor_shown_before_approval(
    member_client, member, other_member, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post(member_client)
    assert response.status_code == 302
    message = Message.objects.get()
    assert message.status == Status.PENDING and message.author == member
    assert list_emails() == []
    archive = member_client.get("/echanges/")
    assert "Accès à la cantine" in archive.text  # in the author's own « en attente » list only
    assert 'href="/echanges/' + str(message.thread_id) not in archive.text
    assert member_client.get(f"/echanges/{message.thread_id}/").status_code == 404


def test_approval_sends_once_to_the_list(
    member, other_member, editor, django_capture_on_commit_callbacks
):
    message = services.start_thread(member, "Accès à la cantine", "Comment faites-vous ?")
    with django_capture_on_commit_callbacks(execute=True):
        services.approve(message, editor)
    sent = list_emails()
    # Subscribers of the list who are members; not the address that is no member's.
    assert sorted(to for m in sent for to in m.to) == ["Membre2@example.org", "membre@example.org"]
    assert sent[0].subject == "[Échanges MNA] Accès à la cantine"
    assert sent[0].extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "Comment faites-vous ?" in sent[0].body
    assert "http://testserver/echanges/" in sent[0].body
    # Replayed (a retried task, a second approval attempt): nothing more goes out.
    with django_capture_on_commit_callbacks(execute=True):
        assert dispatch.call(message.pk) == 0
    with pytest.raises(services.ModerationError):
        services.approve(message, editor)
    assert len(list_emails()) == 2
    message.refresh_from_db()
    assert message.thread.approved and message.moderated_by == editor and message.dispatched_at


def test_a_non_member_cannot_post(client, contributor, jurist, django_capture_on_commit_callbacks):
    assert post(client).status_code == 302  # anonymous: to the login page
    for user in (contributor, jurist):
        client.force_login(user)
        assert post(client).status_code == 403
        with pytest.raises(PermissionDenied):
            services.start_thread(user, "Sujet", "Texte")
    assert not Message.objects.exists() and not Thread.objects.exists()


def test_a_rejected_message_is_never_sent_and_its_author_is_told(
    member, other_member, editor, django_capture_on_commit_callbacks
):
    message = services.start_thread(member, "Publicité", "Achetez nos formations")
    with pytest.raises(services.ModerationError):
        services.reject(message, editor, "  ")
    with django_capture_on_commit_callbacks(execute=True):
        services.reject(message, editor, "Message commercial, hors du champ de la liste.")
        assert dispatch.call(message.pk) == 0
    assert list_emails() == []
    (notice,) = mail.outbox
    assert notice.to == ["membre@example.org"]
    assert "Message commercial, hors du champ de la liste." in notice.body
    with pytest.raises(services.ModerationError):
        services.approve(message, editor)
    assert not Thread.objects.filter(approved=True).exists()


def test_edit_then_approve(member, other_member, editor, django_capture_on_commit_callbacks):
    message = services.start_thread(member, "cantine ??", "Comment faites vous")
    with django_capture_on_commit_callbacks(execute=True):
        services.approve(
            message,
            editor,
            subject="Accès des jeunes à la cantine",
            body="<p>Comment faites-vous ?</p><script>alert(1)</script>",
        )
    message.refresh_from_db()
    assert message.edited_by_moderator
    assert message.body == "<p>Comment faites-vous ?</p>"
    assert message.thread.subject == "Accès des jeunes à la cantine"
    (sent, _) = list_emails()
    assert sent.subject == "[Échanges MNA] Accès des jeunes à la cantine"
    assert "Comment faites-vous ?" in sent.body and "alert" not in sent.body


def test_replies_are_moderated_unless_the_member_is_trusted(
    member, other_member, editor, django_capture_on_commit_callbacks
):
    opening = services.start_thread(other_member, "Cantine", "Question")
    services.approve(opening, editor)
    reply = services.reply(opening.thread, member, "Une réponse modérée")
    assert reply.status == Status.PENDING
    services.set_trusted(member, True)
    with django_capture_on_commit_callbacks(execute=True):
        trusted = services.reply(opening.thread, member, "Une réponse directe")
    assert trusted.status == Status.APPROVED and trusted.moderated_by is None
    (sent, _) = sorted(list_emails(), key=lambda m: m.to)
    assert sent.subject == "[Échanges MNA] Re : Cantine" and "Une réponse directe" in sent.body
    # A new thread stays moderated, trusted or not.
    assert services.start_thread(member, "Autre sujet", "Texte").status == Status.PENDING


def test_trusted_reply_through_the_page(member_client, member, other_member, editor):
    opening = services.start_thread(other_member, "Cantine", "Question")
    services.approve(opening, editor)
    services.set_trusted(member, True)
    response = member_client.post(f"/echanges/{opening.thread_id}/", {"body": "Chez nous, oui."})
    assert response.status_code == 302
    page = member_client.get(response["Location"].split("#")[0])
    assert "Chez nous, oui." in page.text and "Votre réponse est publiée" in page.text


def test_hostile_payload_is_inert_in_pages_and_emails(
    member, other_member, editor, member_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post(member_client, subject=HOSTILE_SUBJECT, body=HOSTILE_BODY)
        assert response.status_code == 302
        message = Message.objects.get()
        services.approve(message, editor)
    page = member_client.get(f"/echanges/{message.thread_id}/").text
    archive = member_client.get("/echanges/").text
    admin = Client()
    admin.force_login(editor)
    editor_page = admin.get(f"/admin/echanges/{message.pk}/").text
    for html in (page, archive, editor_page):
        assert "<script>alert" not in html
        assert not script_links(html)
        assert not EVENT_HANDLER.search(html) and "<iframe" not in html and "<img" not in html
        assert "&lt;script&gt;alert(&quot;sujet&quot;)" in html
    assert '<a href="https://exemple.fr/guide" rel="nofollow noopener">' in page
    for email in list_emails():
        html_part = email.alternatives[0][0]
        assert "<script" not in html_part and not script_links(html_part)
        assert not EVENT_HANDLER.search(html_part) and "<iframe" not in html_part
        assert "&lt;script&gt;" in html_part  # the subject, escaped
        assert "javascript:" not in email.body.lower() and "<iframe" not in email.body


def test_the_list_goes_to_members_only_unless_the_archive_is_public(
    member, other_member, editor, settings, django_capture_on_commit_callbacks
):
    message = services.start_thread(member, "Sujet", "Texte")
    with django_capture_on_commit_callbacks(execute=True):
        services.approve(message, editor)
    assert "externe@example.org" not in [to for m in list_emails() for to in m.to]
    settings.EXCHANGES_ARCHIVE_PUBLIC = True
    second = services.start_thread(member, "Second sujet", "Texte")
    with django_capture_on_commit_callbacks(execute=True):
        services.approve(second, editor)
    assert "externe@example.org" in [to for m in list_emails() for to in m.to]
