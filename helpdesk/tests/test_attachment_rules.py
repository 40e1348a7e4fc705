"""Attachments: a stored or downloaded name carries only the detected type's extension; quotas per request
and per follow-up link refuse with a French error that keeps what was typed."""

import pytest

from helpdesk import services
from helpdesk.models import AccessToken, Attachment, Ticket

from .conftest import PDF, PNG, upload


@pytest.mark.parametrize(
    "name, data, expected",
    [
        ("rapport.pdf.html", PDF, "rapport_pdf.pdf"),
        ("x.php.pdf", PDF, "x_php.pdf"),
        ("photo.png.exe", PNG, "photo_png.png"),
        ("scan.PNG", PNG, "scan.png"),
        (".htaccess", PDF, "htaccess.pdf"),
        ("jugement", PDF, "jugement.pdf"),
        ("avis du juge.v2.", PDF, "avis du juge_v2.pdf"),
        ("../../etc/passwd.pdf", PDF, "passwd.pdf"),
    ],
)
def test_stored_and_downloaded_names_take_the_detected_types_extension(
    client, ticket_with_token, name, data, expected
):
    ticket, token = ticket_with_token
    attachment = services.store_attachment(ticket, upload(name, data, "application/octet-stream"))
    assert attachment.original_name == expected
    response = client.get(f"/permanence/suivi/{token}/pieces/{attachment.pk}/")
    assert response["Content-Disposition"] == f'attachment; filename="{expected}"'


def test_download_of_an_old_row_gets_a_safe_name_too(client, ticket_with_token):
    ticket, token = ticket_with_token
    attachment = services.store_attachment(ticket, upload())
    Attachment.objects.filter(pk=attachment.pk).update(original_name="rapport.pdf.html")
    response = client.get(f"/permanence/suivi/{token}/pieces/{attachment.pk}/")
    assert response["Content-Disposition"] == 'attachment; filename="rapport_pdf.pdf"'


def test_request_over_the_ticket_quota_is_refused_and_keeps_the_input(client, valid_data, settings):
    settings.HELPDESK_TICKET_MAX_ATTACHMENT_BYTES = len(PDF) + 10
    response = client.post(
        "/permanence/", {**valid_data, "attachments": [upload(), upload("b.pdf")]}
    )
    html = response.content.decode().replace("&#x27;", "'")
    assert response.status_code == 400
    limit = f"plus de 20 documents ni plus de {len(PDF) + 10} octets au total"
    assert f"Une demande ne peut pas recevoir {limit}. Retirez des documents" in html
    assert valid_data["question"] in html and 'value="Camille Martin"' in html
    assert not Ticket.objects.exists() and not Attachment.objects.exists()


def _reply(client, token, *files, body="Voici les pièces demandées."):
    return client.post(f"/permanence/suivi/{token}/", {"body": body, "attachments": list(files)})


def test_reply_over_the_ticket_quota_of_files_is_refused_and_keeps_the_text(
    client, ticket_with_token, settings
):
    settings.HELPDESK_TICKET_MAX_ATTACHMENTS = 3
    ticket, token = ticket_with_token
    services.store_attachment(ticket, upload())
    services.store_attachment(ticket, upload())
    assert _reply(client, token, upload()).status_code == 302  # the third fits
    response = _reply(client, token, upload(), body="Et encore un document.")
    html = response.content.decode().replace("&#x27;", "'")
    assert response.status_code == 400
    assert "plus de 3 documents" in html and "elle en a déjà 3" in html
    assert "Et encore un document." in html
    assert ticket.attachments.count() == 3 and ticket.messages.count() == 1


def test_uploads_through_one_link_are_limited(client, ticket_with_token, settings):
    settings.HELPDESK_TOKEN_MAX_UPLOADS = 2
    ticket, token = ticket_with_token
    assert _reply(client, token, upload(), upload()).status_code == 302
    assert AccessToken.objects.get(ticket=ticket).uploads == 2
    refused = _reply(client, token, upload(), body="Un de plus.")
    html = refused.content.decode()
    assert (
        refused.status_code == 400 and "Ce lien de suivi a déjà servi à envoyer 2 documents" in html
    )
    assert "Un de plus." in html
    assert _reply(client, token).status_code == 302  # a message without document still goes
    # the link of the next email starts afresh
    assert _reply(client, services.issue_token(ticket), upload()).status_code == 302
    assert ticket.attachments.count() == 3


def test_a_reply_checked_before_another_took_the_quota_is_refused_when_saved(
    client, ticket_with_token, settings, monkeypatch
):
    """Two replies sent at once: both forms see room for one more file, the first is saved, the second is
    checked again under the ticket's lock and refused, with nothing of it stored and its text kept."""
    settings.HELPDESK_TICKET_MAX_ATTACHMENTS = 1
    ticket, token = ticket_with_token
    from helpdesk import forms

    checked_before = forms._within_quota
    monkeypatch.setattr(forms, "_within_quota", lambda uploads, *args: uploads)
    services.store_attachment(ticket, upload())  # the other reply, saved between check and save
    response = _reply(client, token, upload(), body="Le second envoi simultané.")
    html = response.content.decode().replace("&#x27;", "'")
    assert response.status_code == 400
    assert "plus de 1 documents" in html and "elle en a déjà 1" in html
    assert "Le second envoi simultané." in html
    assert ticket.attachments.count() == 1 and ticket.messages.count() == 0
    assert AccessToken.objects.get(ticket=ticket).uploads == 0
    monkeypatch.setattr(forms, "_within_quota", checked_before)
    with pytest.raises(services.AttachmentRefused):
        services.requester_reply(ticket, "Direct.", [(upload(), "application/pdf")])
    assert ticket.messages.count() == 0
