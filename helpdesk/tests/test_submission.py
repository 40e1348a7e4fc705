"""The public request form: validation, kept input, abuse protection, attachments checked by content."""

import os
import stat

import pytest
from django.core import mail
from django.urls import reverse

from helpdesk.models import Attachment, OutboundEmail, Ticket

from .conftest import EXE, HTML, PNG, SVG, upload

URL = "/permanence/"


def test_form_page_shows_every_field_and_the_notice(client, db):
    response = client.get(URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    for name in [
        "requester_name",
        "requester_email",
        "requester_phone",
        "profession",
        "structure",
        "departement",
        "topic",
        "age_band",
        "care_status",
        "question",
        "attachments",
        "consent",
    ]:
        assert f'id="id_{name}"' in html
        assert f'for="id_{name}"' in html
    assert "ni le nom" in html and "date de naissance" in html and "numéros de dossier" in html
    assert "24 mois après le dernier échange" in html
    assert 'aria-describedby="consentement-notice"' in html
    assert "csrfmiddlewaretoken" in html
    assert "Régularisation du séjour d&#x27;un jeune majeur" in html
    assert "Évaluation de la minorité" in html  # themes are topics too


def test_good_submission_stores_then_acknowledges_with_only_a_link(client, valid_data, commit):
    with commit():
        response = client.post(URL, {**valid_data, "attachments": [upload()]})
    assert response.status_code == 302
    assert response["Location"] == reverse("helpdesk:thanks")
    ticket = Ticket.objects.get()
    assert ticket.requester_email == "camille.martin@example.org"
    assert ticket.departement.code == "93"
    assert ticket.topic.slug == "autorisation-provisoire-travail"
    assert ticket.consent_at is not None
    assert ticket.status == "nouveau"
    assert ticket.attachments.get().content_type == "application/pdf"
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert "/permanence/suivi/" in body
    assert "apprentissage" not in body and "apprentissage" not in mail.outbox[0].subject
    assert OutboundEmail.objects.get().status == "sent"
    thanks = client.get(response["Location"])
    assert "bien enregistrée" in thanks.content.decode()
    assert str(ticket.pk) not in response["Location"]


@pytest.mark.parametrize(
    "field, value, message",
    [
        ("requester_name", "", "Ce champ est obligatoire"),
        ("requester_email", "pas-une-adresse", "adresse électronique valide"),
        ("requester_phone", "appelez-moi", "numéro de téléphone valide"),
        ("profession", "astronaute", "Sélectionnez un choix valide dans la liste"),
        ("departement", "999", "Sélectionnez un choix valide dans la liste"),
        ("topic", "inconnu", "Sélectionnez un choix valide dans la liste"),
        ("age_band", "", "Ce champ est obligatoire"),
        ("care_status", "n-importe", "Sélectionnez un choix valide dans la liste"),
        ("question", "Trop court", "au moins 20 caractères"),
        ("consent", "", "Cochez la case de consentement"),
    ],
)
def test_each_bad_field_is_explained_and_input_kept(client, valid_data, field, value, message):
    data = {**valid_data, field: value}
    if field == "consent":
        del data["consent"]
    response = client.post(URL, data)
    html = response.content.decode()
    assert response.status_code == 400
    # the page echoes what was typed (name, email, question): never stored by a cache
    assert response["Cache-Control"] == "no-store, private"
    assert Ticket.objects.count() == 0
    assert message in html
    assert 'class="error-summary"' in html
    assert f'href="#id_{field}"' in html  # the summary links to the field
    assert f'id="id_{field}-error"' in html
    assert 'aria-describedby="' in html and f"id_{field}-error" in html
    # what was typed is kept
    if field != "question":
        assert "Un jeune confié à l&#x27;ASE a trouvé un apprentissage" in html
    if field != "requester_email":
        assert 'value="camille.martin@example.org"' in html
    if field != "departement":
        assert '<option value="93" selected>' in html


def test_honeypot_pretends_success_and_stores_nothing(client, valid_data):
    response = client.post(URL, {**valid_data, "website": "http://spam.example"})
    assert response.status_code == 302
    assert Ticket.objects.count() == 0
    assert len(mail.outbox) == 0


def test_rate_limit_per_ip(client, valid_data, settings):
    settings.HELPDESK_RATE_LIMIT_PER_IP = 2
    settings.HELPDESK_RATE_LIMIT_PER_EMAIL = 100
    for n in range(2):
        assert (
            client.post(URL, {**valid_data, "requester_email": f"a{n}@example.org"}).status_code
            == 302
        )
    response = client.post(URL, {**valid_data, "requester_email": "a9@example.org"})
    assert response.status_code == 429
    assert "Réessayez dans une heure" in response.content.decode()
    assert 'value="a9@example.org"' in response.content.decode()
    assert Ticket.objects.count() == 2


def test_rate_limit_per_email(client, valid_data, settings):
    settings.HELPDESK_RATE_LIMIT_PER_IP = 100
    settings.HELPDESK_RATE_LIMIT_PER_EMAIL = 1
    assert client.post(URL, valid_data, REMOTE_ADDR="10.0.0.1").status_code == 302
    other_ip = client.post(
        URL, {**valid_data, "requester_email": "CAMILLE.MARTIN@example.org"}, REMOTE_ADDR="10.0.0.2"
    )
    assert other_ip.status_code == 429
    assert Ticket.objects.count() == 1


def test_csrf_is_enforced(valid_data):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(URL, valid_data)
    assert response.status_code == 403
    assert Ticket.objects.count() == 0


@pytest.mark.parametrize(
    "name, data, content_type",
    [
        ("question.pdf", HTML, "application/pdf"),  # HTML renamed .pdf
        ("schema.svg", SVG, "image/svg+xml"),
        ("image.png", SVG, "image/png"),  # SVG renamed .png
        ("page.html", HTML, "text/html"),
        ("jugement.pdf", EXE, "application/pdf"),  # executable renamed .pdf
        ("notes.txt", b"simple texte", "text/plain"),
    ],
)
def test_disguised_or_dangerous_attachments_are_refused(
    client, valid_data, name, data, content_type
):
    response = client.post(URL, {**valid_data, "attachments": [upload(name, data, content_type)]})
    assert response.status_code == 400
    assert "n'est pas accepté" in response.content.decode().replace("&#x27;", "'")
    assert Ticket.objects.count() == 0
    assert Attachment.objects.count() == 0
    assert 'value="camille.martin@example.org"' in response.content.decode()


def test_oversize_attachment_refused(client, valid_data, settings):
    settings.HELPDESK_MAX_ATTACHMENT_BYTES = 1024
    big = upload("gros.pdf", b"%PDF-1.4\n" + b"0" * 2048)
    response = client.post(URL, {**valid_data, "attachments": [big]})
    assert response.status_code == 400
    assert "dépasse la taille maximale" in response.content.decode()
    assert Ticket.objects.count() == 0


def test_too_many_attachments_refused(client, valid_data, settings):
    settings.HELPDESK_MAX_ATTACHMENTS = 1
    response = client.post(
        URL, {**valid_data, "attachments": [upload(), upload("b.png", PNG, "image/png")]}
    )
    assert response.status_code == 400
    assert "Pas plus de 1 fichiers" in response.content.decode()


def test_attachments_are_private_files_outside_media(client, valid_data, settings, private_root):
    client.post(URL, {**valid_data, "attachments": [upload("scan.png", PNG, "image/png")]})
    attachment = Attachment.objects.get()
    path = attachment.file.path
    assert path.startswith(str(private_root))
    assert not path.startswith(str(settings.MEDIA_ROOT))
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(os.path.dirname(path)).st_mode) == 0o700
    assert "scan" not in os.path.basename(path)  # the stored name is random
    assert path.endswith(".png")
    assert attachment.original_name == "scan.png"
