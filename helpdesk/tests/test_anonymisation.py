"""Anonymisation and erasure leave nothing that identifies anyone: not in any text column of the helpdesk
tables, not on disk, not in the form's notice. Only what the figures need stays."""

import datetime
import os

import pytest
from django.apps import apps
from django.db import models
from django.utils import timezone

from helpdesk import services
from helpdesk.factories import TicketFactory
from helpdesk.logging import redact
from helpdesk.models import MessageKind, OutboundEmail, Ticket

from .conftest import PDF, upload

IDENTIFYING = [
    "Jean Dupont",
    "né le 03/04/2009",
    "dossier ASE n° 2024-778899",
    "AGDREF 7512345678",
    "+33 6 12 34 56 78",
    "0033612345678",
    "+241 77 12 34 56",
    "jean.dupont [at] exemple [point] fr",
    "jean dot dupont at gmail dot com",
]
PAYLOAD = "Le jeune " + ", ".join(IDENTIFYING) + "."
# What must not survive anywhere, case-insensitively: the payload's pieces and the requester's identity.
NEEDLES = [
    "dupont",
    "03/04/2009",
    "778899",
    "7512345678",
    "12 34 56 78",
    "612345678",
    "77 12 34 56",
    "exemple [point]",
    "gmail",
    "Camille Martin",
    "camille.martin",
    "Tilleuls",
    "01 23 45 67 89",
]


def _helpdesk_text_values():
    """Every value of every text column (char, text, email, file) of every helpdesk table."""
    for model in apps.get_app_config("helpdesk").get_models():
        columns = [
            f.attname
            for f in model._meta.concrete_fields
            if isinstance(f, (models.CharField, models.TextField, models.FileField))
        ]
        for row in model.objects.values_list(*columns):
            for column, value in zip(columns, row, strict=True):
                yield f"{model.__name__}.{column}", str(value or "")


def _leaks():
    return sorted(
        {
            (where, needle)
            for where, value in _helpdesk_text_values()
            for needle in NEEDLES
            if needle.lower() in value.lower()
        }
    )


def _files_on_disk(root):
    return [os.path.join(d, f) for d, _dirs, files in os.walk(root) for f in files]


@pytest.fixture
def identified(db, client, valid_data, jurist, private_root):
    """A request full of identifying details, through the real form, answered, noted, replied to."""
    client.post(
        "/permanence/",
        {
            **valid_data,
            "question": PAYLOAD,
            "attachments": [upload("Dupont Jean ASE 2024-778899.pdf", PDF + PAYLOAD.encode())],
        },
    )
    ticket = Ticket.objects.get()
    services.add_note(ticket, "Note : " + PAYLOAD, jurist)
    services.answer(ticket, "Réponse à propos de Jean Dupont, né le 03/04/2009.", jurist)
    services.requester_reply(
        ticket, "Merci. " + PAYLOAD, [(upload("dupont.pdf"), "application/pdf")]
    )
    # an audit detail that carries free text (a canned answer's title, a jurist's name…)
    services.audit(ticket, "answered", jurist, detail="réponse type : cas de Jean Dupont")
    assert _leaks() and _files_on_disk(private_root)  # the scan does find what is there
    return ticket


def _age(ticket, days=800):
    old = timezone.now() - datetime.timedelta(days=days)
    Ticket.objects.filter(pk=ticket.pk).update(created_at=old, last_activity_at=old)


def test_anonymisation_leaves_nothing_identifying_in_the_database_or_on_disk(
    identified, private_root
):
    _age(identified)
    counts = {kind: identified.messages.filter(kind=kind).count() for kind in MessageKind.values}
    assert services.anonymise_expired()["tickets"] == 1
    assert _leaks() == []
    assert _files_on_disk(private_root) == []
    identified.refresh_from_db()
    # what the figures need stays: counts of messages by kind, the first answer's date
    assert {
        kind: identified.messages.filter(kind=kind).count() for kind in MessageKind.values
    } == counts
    assert identified.first_answer_at and identified.anonymised_at
    assert not identified.tokens.exists() and not identified.attachments.exists()
    assert set(OutboundEmail.objects.values_list("to", "body")) == {("anonyme@invalid", "")}


def test_erasure_leaves_nothing_identifying_in_the_database_or_on_disk(
    identified, jurist, private_root
):
    assert services.erase_requester("CAMILLE.MARTIN@example.org", jurist) == 1
    assert _leaks() == []
    assert _files_on_disk(private_root) == []
    identified.refresh_from_db()
    assert identified.question == services.ERASED_TEXT
    assert identified.audit_entries.get(action="erased").user == jurist


def test_anonymisation_keeps_exactly_the_listed_fields(identified):
    """The code, the notice and the README name the same kept fields: every other field of the ticket that
    could hold personal data is wiped."""
    _age(identified)
    before = Ticket.objects.get(pk=identified.pk)
    services.anonymise_expired()
    after = Ticket.objects.get(pk=identified.pk)
    kept = {name for _label, names in services.KEPT_AFTER_ANONYMISATION for name in names}
    # the workflow, not the requester: status, jurist, merge and expert-sheet links
    workflow = {"id", "status", "assignee", "merged_into", "faq_page"}
    unchanged = {
        f.name
        for f in Ticket._meta.concrete_fields
        if getattr(before, f.attname) == getattr(after, f.attname)
    }
    assert unchanged - workflow == kept


def test_figures_are_the_same_after_anonymisation(identified):
    TicketFactory(first_answer_at=timezone.now() + datetime.timedelta(days=2))
    today = timezone.localdate()
    period = (today - datetime.timedelta(days=900), today)
    _age(identified, days=800)
    before = services.statistics_for(*period)
    services.anonymise_expired()
    assert services.statistics_for(*period) == before
    assert before["total"] == 2 and before["answered"] == 2


def test_the_form_notice_lists_what_anonymisation_keeps(client, db):
    html = client.get("/permanence/").content.decode().replace("&#x27;", "'")
    assert services.kept_after_anonymisation() in html
    assert "le texte de la question et de nos échanges et les documents sont supprimés" in html
    for label, _names in services.KEPT_AFTER_ANONYMISATION:
        assert label in html


@pytest.mark.parametrize("text", IDENTIFYING[4:])
def test_log_scrubber_catches_international_phones_and_obfuscated_emails(text):
    redacted = redact(f"Appeler {text} demain")
    assert redacted in ("Appeler [téléphone] demain", "Appeler [courriel] demain")


@pytest.mark.parametrize(
    "text",
    [
        "né le 03/04/2009",
        "dossier 2024-778899",
        "le 12.03.2024 à 14h30",
        "12 000 euros",
        "le point at issue",
        "voir https://exemple.fr/a.b",
    ],
)
def test_log_scrubber_leaves_dates_amounts_and_words(text):
    assert redact(text) == text
