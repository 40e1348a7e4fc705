"""Who may see what: an explicit matrix of roles against every helpdesk URL and attachment."""

import pytest

from content.models import ResourcePage
from helpdesk import services
from helpdesk.factories import TicketFactory
from helpdesk.models import FaqSheet, Topic

from .conftest import upload

ROLES = ["anonymous", "other_token", "contributor", "editor", "jurist", "superuser"]


@pytest.fixture
def setup(db, ticket_with_token, contributor, editor, jurist, superuser):
    ticket, token = ticket_with_token
    attachment = services.store_attachment(ticket, upload("avis.pdf"))
    other = TicketFactory()
    other_token = services.issue_token(other)
    users = {"contributor": contributor, "editor": editor, "jurist": jurist, "superuser": superuser}
    return ticket, token, attachment, other_token, users


def login_as(client, role, users):
    if role in users:
        client.force_login(users[role])


ADMIN_URLS = [
    "/admin/permanence/",
    "/admin/permanence/{ticket}/",
    "/admin/permanence/pieces/{attachment}/",
    "/admin/permanence/statistiques/",
    "/admin/permanence/statistiques.csv",
    "/admin/permanence/demandeur/",
    "/admin/snippets/helpdesk/cannedanswer/",
    "/admin/snippets/helpdesk/topic/",
    "/admin/snippets/helpdesk/cannedanswer/add/",
    "/admin/snippets/choose/helpdesk/cannedanswer/",
    "/admin/snippets/choose/helpdesk/cannedanswer/results/?q=a",
    "/admin/snippets/choose/helpdesk/topic/",
    "/admin/snippets/choose/helpdesk/topic/results/?q=a",
    "/admin/snippets/choose/helpdesk/topic/chosen/{topic}/",
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("pattern", ADMIN_URLS)
def test_admin_urls_matrix(client, setup, role, pattern):
    ticket, _token, attachment, _other, users = setup
    login_as(client, role, users)
    topic = Topic.objects.get(slug="autorisation-provisoire-travail")
    response = client.get(
        pattern.format(ticket=ticket.pk, attachment=attachment.pk, topic=topic.pk)
    )
    if role in ("jurist", "superuser"):
        assert response.status_code == 200
    elif role in ("anonymous", "other_token"):
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")
    else:
        assert response.status_code in (302, 403)
        if response.status_code == 302:
            assert not response["Location"].startswith("/admin/permanence/")
        assert ticket.question.encode() not in response.content
        assert topic.name.encode() not in response.content
        assert b"%PDF" not in response.content


@pytest.mark.parametrize("role", ROLES)
def test_admin_actions_matrix(client, setup, role):
    ticket, _token, _attachment, _other, users = setup
    login_as(client, role, users)
    response = client.post(f"/admin/permanence/{ticket.pk}/claim/")
    ticket.refresh_from_db()
    if role in ("jurist", "superuser"):
        assert response.status_code == 302
        assert ticket.assignee == users[role]
    else:
        assert response.status_code in (302, 403)
        assert ticket.assignee is None


@pytest.mark.parametrize("role", ROLES + ["right_token"])
def test_public_attachment_matrix(client, setup, role):
    _ticket, token, attachment, other_token, users = setup
    login_as(client, role, users)
    used = token if role == "right_token" else other_token
    response = client.get(f"/permanence/suivi/{used}/pieces/{attachment.pk}/")
    if role == "right_token":
        assert response.status_code == 200
        assert b"".join(response.streaming_content).startswith(b"%PDF")
        assert response["Content-Disposition"].startswith("attachment")
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Content-Security-Policy"] == "sandbox"
        assert response["Content-Type"] == "application/pdf"
        assert response["Cache-Control"].startswith("no-store")
    else:
        # a session (even a jurist's) does not open the requester's URL with another ticket's token
        assert response.status_code == 404


@pytest.mark.parametrize("role", ROLES)
def test_follow_up_page_matrix(client, setup, role):
    ticket, _token, _attachment, other_token, users = setup
    login_as(client, role, users)
    response = client.get(f"/permanence/suivi/{other_token}/")
    assert ticket.question not in response.content.decode()


def test_jurist_download_headers(client, setup):
    _ticket, _token, attachment, _other, users = setup
    client.force_login(users["jurist"])
    response = client.get(f"/admin/permanence/pieces/{attachment.pk}/")
    assert response["Content-Disposition"] == 'attachment; filename="avis.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "sandbox"


def test_menu_shown_only_to_jurists(client, setup):
    _ticket, _token, _attachment, _other, users = setup
    client.force_login(users["editor"])
    assert "File des demandes" not in client.get("/admin/").content.decode()
    client.force_login(users["jurist"])
    assert "File des demandes" in client.get("/admin/").content.decode()


def test_unknown_ticket_is_404_for_jurist_and_refused_alike_for_editor(client, setup):
    ticket, _token, _attachment, _other, users = setup
    client.force_login(users["jurist"])
    assert client.get("/admin/permanence/999999/").status_code == 404
    client.force_login(users["editor"])
    # Wagtail turns the 403 into a redirect to the dashboard; existing or not, the answer is the same
    missing = client.get("/admin/permanence/999999/")
    existing = client.get(f"/admin/permanence/{ticket.pk}/")
    assert (missing.status_code, missing["Location"]) == (
        existing.status_code,
        existing["Location"],
    )
    assert existing["Location"] == "/admin/"


SHEET = {
    "title": "Fiche anonymisée",
    "question": "Comment obtenir une autorisation provisoire de travail ?",
    "answer": "La demande se fait en ligne.",
}


@pytest.mark.parametrize("role", ROLES + ["other_jurist"])
def test_faq_sheet_matrix(client, django_user_model, setup, resource_index, role):
    """Reading, writing and approving a ticket's sheet: jurists (any of them) and superusers only."""
    ticket, _token, _attachment, _other, users = setup
    services.answer(ticket, "Réponse de la juriste.", users["jurist"])
    ticket.assignee = users["jurist"]
    ticket.save()
    if role == "other_jurist":
        other = django_user_model.objects.create_user("autre-juriste", password="x" * 20)
        other.groups.add(users["jurist"].groups.get())
        users = {**users, "other_jurist": other}
    login_as(client, role, users)
    url = f"/admin/permanence/{ticket.pk}/fiche/"
    read = client.get(url)
    saved = client.post(url, {**SHEET, "action": "save"})
    edited = client.post(url, {**SHEET, "answer": "Réponse revue.", "action": "save"})
    approved = client.post(url, {**SHEET, "answer": "Réponse revue.", "action": "approve"})
    sheets = FaqSheet.objects.filter(ticket=ticket)
    if role in ("jurist", "other_jurist", "superuser"):
        assert read.status_code == 200 and "Réponse de la juriste." in read.content.decode()
        assert saved.status_code == edited.status_code == approved.status_code == 302
        sheet = sheets.get()
        assert (sheet.answer, sheet.created_by, sheet.approved_by) == (
            "Réponse revue.",
            users[role],
            users[role],
        )
        assert sheet.page.specific.owner == users[role]
        assert client.get(f"/admin/pages/{sheet.page_id}/edit/").status_code == 200
        actions = set(
            ticket.audit_entries.filter(user=users[role]).values_list("action", flat=True)
        )
        assert {"faq_sheet_created", "faq_sheet_edited", "faq_sheet_approved"} <= actions
    else:
        for response in (read, saved, edited, approved):
            assert response.status_code in (302, 403)
            if response.status_code == 302:
                assert not response["Location"].startswith("/admin/permanence/")
            assert ticket.question.encode() not in response.content
        assert not sheets.exists()
        assert not ResourcePage.objects.filter(kind="fiche-expert").exists()
