"""Who sees and does what on the list: the archive, posting, attachments, the page cache, the login."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from exchanges import services
from exchanges.models import Attachment, Message
from portal.testing import Client

from .conftest import HTML, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def approved(member, editor):
    message = services.start_thread(
        member,
        "Scolarité après 16 ans",
        "Quelles démarches ?",
        uploads=[(upload(), "application/pdf")],
    )
    return services.approve(message, editor)


def test_archive_is_hidden_from_anonymous_visitors_and_non_members(client, contributor, approved):
    response = client.get("/echanges/")
    assert response.status_code == 302
    assert response["Location"] == "/compte/connexion/?next=/echanges/"
    login = client.get(response["Location"])
    assert "réservée aux membres du réseau" in login.text
    assert client.get(f"/echanges/{approved.thread_id}/").status_code == 302
    client.force_login(contributor)
    refused = client.get(f"/echanges/{approved.thread_id}/")
    assert refused.status_code == 403
    assert "Réservé aux membres du réseau" in refused.text
    assert "Scolarité" not in refused.text


def test_members_read_the_archive_and_the_thread(member_client, approved):
    archive = member_client.get("/echanges/")
    assert archive.status_code == 200 and "Scolarité après 16 ans" in archive.text
    assert "no-store" in archive["Cache-Control"]
    page = member_client.get(f"/echanges/{approved.thread_id}/")
    assert "Quelles démarches ?" in page.text and 'name="body"' in page.text


def test_public_archive_setting(client, settings, approved):
    settings.EXCHANGES_ARCHIVE_PUBLIC = True
    settings.PAGE_CACHE_SECONDS = 300
    for _ in range(2):
        response = client.get("/echanges/")
        assert response.status_code == 200 and "Scolarité après 16 ans" in response.text
        assert "X-Page-Cache" not in response  # personal pages never go through the page cache
        assert "no-store" in response["Cache-Control"]
    page = client.get(f"/echanges/{approved.thread_id}/")
    assert "Quelles démarches ?" in page.text
    assert 'name="body"' not in page.text and "(réservé aux membres)" in page.text
    # Reading is public, posting and downloading are not.
    assert client.post(f"/echanges/{approved.thread_id}/", {"body": "x"}).status_code == 302
    assert client.get(approved.attachments.get().get_absolute_url()).status_code == 302


def test_attachments_are_private_and_served_to_members_only(
    client, member_client, contributor, approved, private_root, settings
):
    attachment = approved.attachments.get()
    assert str(private_root) in attachment.file.path
    assert str(settings.MEDIA_ROOT) not in attachment.file.path
    response = member_client.get(attachment.get_absolute_url())
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert response["Content-Security-Policy"] == "sandbox"
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    client.force_login(contributor)
    assert client.get(attachment.get_absolute_url()).status_code == 404


def test_a_pending_messages_attachment_is_for_its_author_and_the_committee(
    other_member, member, editor
):
    message = services.start_thread(
        member, "Sujet", "Texte", uploads=[(upload(), "application/pdf")]
    )
    url = message.attachments.get().get_absolute_url()
    for user, status in ((other_member, 404), (member, 200), (editor, 200)):
        client = Client()
        client.force_login(user)
        assert client.get(url).status_code == status


def test_attachment_checks(member_client):
    disguised = upload("rapport.pdf", HTML)
    response = member_client.post(
        "/echanges/nouveau/",
        {"subject": "Mon sujet", "body": "Mon texte garde", "attachments": [disguised]},
    )
    assert response.status_code == 400
    assert "pas accepté" in response.text
    assert "Mon texte garde" in response.text and 'value="Mon sujet"' in response.text
    too_many = [upload(f"p{i}.pdf") for i in range(4)]
    response = member_client.post(
        "/echanges/nouveau/", {"subject": "S", "body": "T", "attachments": too_many}
    )
    assert "Pas plus de 3 fichiers" in response.text
    assert not Message.objects.exists() and not Attachment.objects.exists()
    renamed = SimpleUploadedFile("x.php.pdf", upload().read(), content_type="application/pdf")
    response = member_client.post(
        "/echanges/nouveau/", {"subject": "S", "body": "T", "attachments": [renamed]}
    )
    assert response.status_code == 302
    assert Attachment.objects.get().original_name == "x_php.pdf"


def test_login_and_logout(client, member):
    page = client.get("/compte/connexion/")
    assert page.status_code == 200 and "Connexion des membres" in page.text
    assert ">Identifiant <" in page.text and ">Mot de passe <" in page.text
    wrong = client.post(
        "/compte/connexion/", {"username": "membre", "password": "mauvais-mot-de-passe"}
    )
    assert "Identifiant ou mot de passe incorrect" in wrong.text
    assert 'aria-invalid="true"' not in wrong.text or "aria-describedby" in wrong.text
    response = client.post(
        "/compte/connexion/?next=/echanges/",
        {"username": "membre", "password": "motdepasse-tres-long", "next": "/echanges/"},
    )
    assert response.status_code == 302 and response["Location"] == "/echanges/"
    assert client.get("/echanges/").status_code == 200
    assert client.post("/compte/deconnexion/").status_code == 302
    assert client.get("/echanges/").status_code == 302


def test_staff_signing_in_publicly_still_pass_the_second_factor(editor, approved):
    client = Client()
    response = client.post(
        "/compte/connexion/",
        {"username": "comite", "password": "motdepasse-tres-long", "next": "/echanges/"},
    )
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/2fa/")
    assert "next=%2Fechanges%2F" in response["Location"]
    # Password only: no members' content until the second factor is passed.
    assert client.get("/echanges/").status_code == 403


def test_the_committee_moderates_in_the_admin(editor_client, member, jurist):
    message = services.start_thread(member, "Sujet à relire", "Texte à relire")
    queue = editor_client.get("/admin/echanges/")
    assert queue.status_code == 200 and "Sujet à relire" in queue.text
    page = editor_client.get(f"/admin/echanges/{message.pk}/")
    assert "Texte à relire" in page.text
    refused = editor_client.post(
        f"/admin/echanges/{message.pk}/", {"body": message.body, "reason": "", "reject": "1"}
    )
    assert refused.status_code == 400 and "Indiquez le motif du refus" in refused.text
    done = editor_client.post(
        f"/admin/echanges/{message.pk}/",
        {"subject": "Sujet relu", "body": "<p>Texte relu</p>", "approve": "1"},
    )
    assert done.status_code == 302
    message.refresh_from_db()
    assert message.status == "approved" and message.thread.subject == "Sujet relu"
    jurist_client = Client()
    jurist_client.force_login(jurist)
    for url in ("/admin/echanges/", f"/admin/echanges/{message.pk}/"):
        response = jurist_client.get(url, follow=True)
        assert response.redirect_chain[0] == (
            "/admin/",
            302,
        )  # Wagtail's answer to PermissionDenied
        assert "Sujet relu" not in response.text
    participants = editor_client.get("/admin/echanges/participants/")
    assert participants.status_code == 200


def test_a_post_that_fails_leaves_no_attachment_file_behind(member, private_root, monkeypatch):
    """The second attachment's row cannot be written: the post is rolled back, and the first file, already
    on disk, is deleted with it."""
    saved = Attachment.save

    def fail_the_second(self, *args, **kwargs):
        if Attachment.objects.exists():
            raise RuntimeError("disk full")
        return saved(self, *args, **kwargs)

    monkeypatch.setattr(Attachment, "save", fail_the_second)
    with pytest.raises(RuntimeError):
        services.start_thread(
            member,
            "Sujet",
            "Texte",
            uploads=[(upload("a.pdf"), "application/pdf"), (upload("b.pdf"), "application/pdf")],
        )
    assert not Message.objects.exists() and not Attachment.objects.exists()
    assert not any(path.is_file() for path in private_root.rglob("*"))
