"""The jurist's ticket page: thread, assignment, status, answers, notes, canned answers, merge, audit."""

import html as html_lib
import json
import re

import pytest
from django.core import mail
from django.utils import timezone

from content.factories import DossierPageFactory
from helpdesk import services
from helpdesk.factories import CannedAnswerFactory, MessageFactory, TicketFactory
from helpdesk.models import AuditEntry, MessageKind, Status, Ticket

from .conftest import upload


@pytest.fixture
def jurist_client(client, jurist):
    client.force_login(jurist)
    return client


def post(client, ticket, action, data=None):
    return client.post(f"/admin/permanence/{ticket.pk}/{action}/", data or {})


def test_ticket_page_shows_thread_notes_related_and_logs_the_read(jurist_client, jurist, ticket):
    MessageFactory(ticket=ticket, kind=MessageKind.NOTE, body="Note : appeler la préfecture.")
    other = TicketFactory(requester_email=ticket.requester_email.upper())
    response = jurist_client.get(f"/admin/permanence/{ticket.pk}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "appeler la préfecture" in html and "Note interne" in html
    assert f"Demande n°\u00a0{other.pk}" in html  # related ticket from the same requester
    assert ticket.requester_email in html
    entry = AuditEntry.objects.get(ticket=ticket, action="viewed")
    assert entry.user == jurist
    assert response["Cache-Control"].startswith("no-store")


def test_claim_assign_reassign_and_status(jurist_client, jurist, superuser, ticket):
    post(jurist_client, ticket, "claim")
    ticket.refresh_from_db()
    assert ticket.assignee == jurist and ticket.status == Status.IN_PROGRESS
    post(jurist_client, ticket, "assign", {"assignee": superuser.pk})
    ticket.refresh_from_db()
    assert ticket.assignee == superuser
    post(jurist_client, ticket, "assign", {"assignee": 987654})  # not a jurist: refused
    ticket.refresh_from_db()
    assert ticket.assignee == superuser
    post(jurist_client, ticket, "status", {"status": "en-attente"})
    ticket.refresh_from_db()
    assert ticket.status == Status.WAITING
    post(jurist_client, ticket, "status", {"status": "requester__email"})
    ticket.refresh_from_db()
    assert ticket.status == Status.WAITING
    post(jurist_client, ticket, "close")
    ticket.refresh_from_db()
    assert ticket.status == Status.CLOSED and ticket.closed_at
    actions = list(AuditEntry.objects.filter(ticket=ticket).values_list("action", flat=True))
    assert {"claimed", "reassigned", "status"} <= set(actions)


def test_answer_is_published_and_requester_told_by_link_only(jurist_client, ticket, commit):
    with commit():
        response = post(jurist_client, ticket, "answer", {"body": "Vous pouvez saisir la DREETS."})
    assert response.status_code == 302
    ticket.refresh_from_db()
    assert ticket.status == Status.ANSWERED and ticket.first_answer_at
    assert ticket.messages.get().kind == MessageKind.ANSWER
    assert len(mail.outbox) == 1 and "DREETS" not in mail.outbox[0].body
    assert "/permanence/suivi/" in mail.outbox[0].body


def test_empty_answer_is_refused_with_message(jurist_client, ticket):
    response = post(jurist_client, ticket, "answer", {"body": "  "})
    assert response.status_code == 200
    assert "Écrivez une réponse" in response.content.decode()
    assert not ticket.messages.exists()


def test_empty_answer_error_is_linked_to_its_field(jurist_client, ticket):
    html = post(jurist_client, ticket, "answer", {"body": "  "}).content.decode()
    assert 'id="id_body-error"' in html
    assert re.search(r'<textarea[^>]*aria-describedby="id_body-error"[^>]*id="id_body"', html)
    assert 'href="#id_body"' in html  # the error summary leads to the field


def test_refused_note_keeps_the_text_and_says_why(jurist_client, ticket):
    text = "Note trop longue. " * 1200  # over the 20,000 characters allowed
    response = post(jurist_client, ticket, "note", {"body": text})
    html = response.content.decode()
    assert response.status_code == 200
    assert not ticket.messages.exists()
    assert 'id="id_note_body-error"' in html
    assert re.search(r'<textarea[^>]*aria-describedby="id_note_body-error"', html)
    assert "Note trop longue. Note trop longue." in html  # what was typed is still there
    assert html.count('id="id_body"') == 1  # the answer and the note fields keep distinct ids


@pytest.fixture
def canned(dossier_index):
    dossier = DossierPageFactory(
        parent=dossier_index, title="Travailler pendant la prise en charge", slug="travailler"
    )
    canned = CannedAnswerFactory(body="Texte type sur l'APT.")
    canned.pages.add(dossier)
    return canned


def test_canned_answer_is_inserted_in_the_box_before_sending(jurist_client, ticket, canned):
    """Without the page's script, « Insérer » puts the text and links in the answer box; nothing is sent."""
    response = post(
        jurist_client, ticket, "answer", {"body": "Bonjour,", "canned": canned.pk, "insert": "1"}
    )
    assert response.status_code == 200 and not ticket.messages.exists()
    box = re.search(r'<textarea name="body"[^>]*>(.*?)</textarea>', response.content.decode(), re.S)
    text = html_lib.unescape(box.group(1))
    link = "http://testserver/dossiers/travailler/"
    assert (
        text.strip()
        == f"Bonjour,\n\nTexte type sur l'APT.\n\nÀ lire sur le portail :\n- Travailler pendant la prise en charge : {link}"
    )


def test_canned_texts_are_given_to_the_page_script(jurist_client, ticket, canned):
    html = jurist_client.get(f"/admin/permanence/{ticket.pk}/").content.decode()
    data = re.search(r'<script id="reponses-types" type="application/json">(.*?)</script>', html)
    assert json.loads(data.group(1)) == {str(canned.pk): services.canned_text(canned)}
    assert "helpdesk/canned_answers" in html and "data-canned-insert" in html


def test_published_answer_is_exactly_the_text_of_the_box(jurist_client, ticket, canned):
    post(jurist_client, ticket, "answer", {"body": "Ma réponse relue.", "canned": canned.pk})
    assert ticket.messages.get().body == "Ma réponse relue."  # nothing appended unseen
    assert AuditEntry.objects.get(action="answered").detail == f"réponse type : {canned}"


def test_internal_note_never_reaches_requester(client, jurist, ticket_with_token):
    ticket, token = ticket_with_token
    client.force_login(jurist)
    post(client, ticket, "note", {"body": "Avis interne confidentiel"})
    assert ticket.messages.get().kind == MessageKind.NOTE
    assert len(mail.outbox) == 0
    client.logout()
    assert (
        "Avis interne confidentiel"
        not in client.get(f"/permanence/suivi/{token}/").content.decode()
    )


def test_merge_duplicate_keeps_requester_link_working(client, jurist, ticket_with_token):
    duplicate, token = ticket_with_token
    duplicate.question = "Question du doublon sur le recours"
    duplicate.save()
    target = TicketFactory(
        requester_email=duplicate.requester_email, question="Question de la demande cible"
    )
    client.force_login(jurist)
    response = post(client, duplicate, "merge", {"target": target.pk})
    assert response["Location"] == f"/admin/permanence/{target.pk}/"
    duplicate.refresh_from_db()
    assert duplicate.merged_into == target and duplicate.status == Status.CLOSED
    assert target.messages.filter(body=duplicate.question).exists()
    client.logout()
    # the duplicate's link now opens the target, with both questions (both topics are the same)
    page = client.get(f"/permanence/suivi/{token}/").content.decode()
    assert target.question in page and duplicate.question in page
    client.force_login(jurist)
    assert post(client, target, "merge", {"target": target.pk}).status_code == 302
    target.refresh_from_db()
    assert target.merged_into is None


def test_merge_refuses_another_requesters_ticket(client, jurist, ticket_with_token):
    """The duplicate's follow-up links would open the target: never a stranger's request."""
    duplicate, token = ticket_with_token
    target = TicketFactory(
        requester_email="quelquun.dautre@example.org", question="Question d'une autre personne"
    )
    client.force_login(jurist)
    response = post(client, duplicate, "merge", {"target": target.pk})
    assert response["Location"] == f"/admin/permanence/{duplicate.pk}/"
    duplicate.refresh_from_db()
    assert duplicate.merged_into is None and duplicate.status == Status.NEW
    assert not target.messages.exists()
    page = client.get(response["Location"]).content.decode()
    assert "même demandeur" in page
    client.logout()
    page = client.get(f"/permanence/suivi/{token}/").content.decode()
    assert "autre personne" not in page


def test_merge_refuses_an_already_merged_duplicate(jurist_client, ticket):
    first = TicketFactory(requester_email=ticket.requester_email)
    second = TicketFactory(requester_email=ticket.requester_email)
    services.merge(ticket, first, by=None)
    with pytest.raises(ValueError):
        services.merge(ticket, second, by=None)
    assert not second.messages.exists()


@pytest.mark.parametrize(
    "action,data",
    [
        ("answer", {"body": "Réponse tardive."}),
        ("note", {"body": "Note tardive."}),
        ("status", {"status": "en-cours"}),
        ("claim", {}),
    ],
)
def test_no_change_to_an_anonymised_or_merged_ticket(jurist_client, ticket, action, data):
    ticket.anonymised_at = timezone.now()
    ticket.requester_email = ""
    ticket.save()
    merged = TicketFactory()
    merged.merged_into = TicketFactory(requester_email=merged.requester_email)
    merged.save()
    for refused in (ticket, merged):
        before = refused.status
        response = post(jurist_client, refused, action, data)
        assert response["Location"] == f"/admin/permanence/{refused.pk}/"
        refused.refresh_from_db()
        assert refused.status == before and refused.assignee is None
        assert not refused.messages.exists()
        assert not refused.emails.exists()


def test_link_dossiers_used(jurist_client, ticket, dossier_index):
    dossier = DossierPageFactory(parent=dossier_index, title="Le contrat jeune majeur")
    post(jurist_client, ticket, "dossiers", {"dossiers": [dossier.pk]})
    assert list(ticket.dossiers.all()) == [dossier]
    assert (
        "Le contrat jeune majeur"
        in jurist_client.get(f"/admin/permanence/{ticket.pk}/").content.decode()
    )


def test_the_dossier_choices_read_titles_not_bodies(jurist_client, ticket, dossier_index):
    """The select lists every live dossier: reading each one whole (its StreamField body) was most of the
    ticket page's time, and grows with the content."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    DossierPageFactory(parent=dossier_index, title="Le contrat jeune majeur")
    with CaptureQueriesContext(connection) as captured:
        html = jurist_client.get(f"/admin/permanence/{ticket.pk}/").content.decode()
    assert "Le contrat jeune majeur</option>" in html
    choices = [
        q["sql"]
        for q in captured
        if "content_dossierpage" in q["sql"] and "helpdesk_ticket_dossiers" not in q["sql"]
    ]
    assert choices and not any('"content_dossierpage"."body"' in sql for sql in choices)


@pytest.mark.parametrize("value", ["x", "99999999999999999999", "-1"])
def test_forged_dossier_ids_are_refused_without_error(jurist_client, ticket, value):
    response = post(jurist_client, ticket, "dossiers", {"dossiers": [value]})
    assert response.status_code == 302
    assert not ticket.dossiers.exists()
    assert (
        "Choisissez des dossiers publiés"
        in jurist_client.get(response["Location"]).content.decode()
    )


def test_unknown_action_is_404_and_get_not_allowed(jurist_client, ticket):
    assert post(jurist_client, ticket, "delete").status_code == 404
    assert jurist_client.get(f"/admin/permanence/{ticket.pk}/claim/").status_code == 405


PAYLOAD = (
    '<script>alert("x")</script><img src=x onerror=alert(1)><a href="javascript:alert(1)">lien</a>'
)


def test_script_payloads_are_inert_everywhere(client, jurist, valid_data):
    data = {
        **valid_data,
        "requester_name": PAYLOAD[:100],
        "structure": PAYLOAD[:150],
        "question": PAYLOAD + " jAvAsCrIpT:alert(2) java&#x73;cript:alert(3)",
    }
    assert client.post("/permanence/", data).status_code == 302
    ticket = Ticket.objects.get()
    token = services.issue_token(ticket)
    client.post(f"/permanence/suivi/{token}/", {"body": PAYLOAD})
    client.force_login(jurist)
    post(client, ticket, "answer", {"body": PAYLOAD + " https://example.org/ok"})
    post(client, ticket, "note", {"body": PAYLOAD})
    pages = [
        client.get(f"/admin/permanence/{ticket.pk}/").content.decode(),
        client.get("/admin/permanence/").content.decode(),
    ]
    client.logout()
    pages.append(client.get(f"/permanence/suivi/{token}/").content.decode())
    for html in pages:
        assert "<script>alert" not in html
        assert "<img src=x" not in html
        assert not re.search(
            r"<a\s[^>]*href\s*=\s*[\"']?\s*(javascript|java&#)", html, re.IGNORECASE
        )
        assert not re.search(r"<img\b", html)
    assert '<a href="https://example.org/ok" rel="nofollow noopener">' in pages[2]


def test_audit_log_records_reads_downloads_and_changes_with_who(jurist_client, jurist, ticket):
    attachment = services.store_attachment(ticket, upload())
    jurist_client.get(f"/admin/permanence/{ticket.pk}/")
    jurist_client.get(f"/admin/permanence/pieces/{attachment.pk}/")
    post(jurist_client, ticket, "note", {"body": "Texte de la note"})
    entries = list(
        AuditEntry.objects.filter(ticket=ticket)
        .order_by("pk")
        .values_list("action", "user", "detail")
    )
    assert ("viewed", jurist.pk, "") in entries
    assert ("downloaded", jurist.pk, f"pièce {attachment.pk}") in entries
    assert ("note", jurist.pk, "") in entries
    assert all(
        "Texte de la note" not in detail for _, _, detail in entries
    )  # no content in the log
    jurist.first_name, jurist.last_name = "Claire", "Juriste"
    jurist.save()
    html = jurist_client.get(f"/admin/permanence/{ticket.pk}/").content.decode()
    journal = html[html.index('id="journal-titre"') :]
    # French labels from the one mapping, and who by full name
    assert "<td>Pièce téléchargée</td>" in journal and "<td>Consultée</td>" in journal
    assert "<td>Note interne ajoutée</td>" in journal and "downloaded" not in journal
    assert "<td>Claire Juriste</td>" in journal


def test_every_audited_action_has_a_french_label(ticket):
    with pytest.raises(ValueError):
        services.audit(ticket, "frobnicated")
    assert not AuditEntry.objects.filter(action="frobnicated").exists()
    entry = services.audit(ticket, "claimed")
    assert entry.get_action_display() == "Prise en charge"


def test_assignee_list_shows_full_names(jurist_client, jurist, superuser, ticket):
    superuser.first_name, superuser.last_name = "Paul", "Durand"
    superuser.save()
    html = jurist_client.get(f"/admin/permanence/{ticket.pk}/").content.decode()
    select = re.search(r'<select name="assignee".*?</select>', html, re.S).group()
    assert f'<option value="{superuser.pk}">Paul Durand</option>' in select
    assert f'<option value="{jurist.pk}">juriste</option>' in select  # no name: the username
    post(jurist_client, ticket, "assign", {"assignee": superuser.pk})
    assert AuditEntry.objects.get(action="assigned").detail == "attribué à Paul Durand"


@pytest.mark.parametrize(
    "path, title",
    [
        ("/admin/permanence/", "File des demandes"),
        ("/admin/permanence/{pk}/", "Demande n°\u00a0{pk}"),
        ("/admin/permanence/statistiques/", "Statistiques de la permanence"),
        ("/admin/permanence/demandeur/", "Données d'un demandeur"),
    ],
)
def test_every_helpdesk_page_is_headed_by_its_own_title(jurist_client, ticket, path, title):
    html = jurist_client.get(path.format(pk=ticket.pk)).content.decode()
    title = title.format(pk=ticket.pk).replace("'", "&#x27;")
    crumbs = re.search(r'<nav[^>]*aria-label="[^"]*"[^>]*>.*?</nav>', html, re.S).group()
    # Wagtail's header shows the last breadcrumb: the page's title, not « Accueil »
    last = re.findall(r"<li[^>]*>(.*?)</li>", crumbs, re.S)[-1]
    assert title in last and "Accueil" not in last
    assert re.search(rf"<h1[^>]*>\s*{re.escape(title)}\s*</h1>", html)


def test_ticket_number_never_wraps(jurist_client, ticket):
    html = jurist_client.get("/admin/permanence/").content.decode()
    assert (
        f'<td class="helpdesk-nowrap"><a href="/admin/permanence/{ticket.pk}/">Demande n°\u00a0{ticket.pk}</a>'
        in html
    )
    assert ".helpdesk-nowrap{white-space:nowrap}" in html


def test_public_pages_have_no_inline_script(client, ticket_with_token):
    _ticket, token = ticket_with_token
    for url in ("/permanence/", f"/permanence/suivi/{token}/", "/permanence/merci/"):
        response = client.get(url)
        html = response.content.decode()
        assert re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", html) == []
        assert " onload=" not in html and " onclick=" not in html
        assert "script-src 'self'" in response["Content-Security-Policy"]


def test_jurist_maintains_canned_answers_in_the_admin(jurist_client):
    from helpdesk.models import CannedAnswer

    response = jurist_client.post(
        "/admin/snippets/helpdesk/cannedanswer/add/",
        {
            "title": "Contrat jeune majeur",
            "body": "Le contrat jeune majeur se demande avant 18 ans.",
        },
    )
    assert response.status_code == 302
    assert CannedAnswer.objects.get().title == "Contrat jeune majeur"
