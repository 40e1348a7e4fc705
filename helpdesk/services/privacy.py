"""Data protection: retention, anonymisation, the requester's export and erasure."""

import json

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from ..models import EmailStatus, Ticket
from .audit import audit
from .faq import discard_faq_copies

ERASED_TEXT = "[texte effacé à la demande du demandeur]"
ANONYMISED_TEXT = "[texte supprimé à la fin de la durée de conservation]"

# What anonymisation and erasure keep, for the yearly figures (services.figures): the ticket fields named
# here, and each message's kind, author and date without its text. Everything else that could identify the
# requester or the young person goes: identity, contacts, structure, the question, every message's text,
# attachments (files and rows), follow-up links, emails' addresses and bodies, the audit entries' details.
# The request form's notice is rendered from the labels; the README repeats them.
KEPT_AFTER_ANONYMISATION = (
    ("le sujet", ("topic",)),
    ("le département", ("departement",)),
    ("votre profession", ("profession",)),
    ("l'âge et la situation de prise en charge du jeune", ("age_band", "care_status")),
    (
        "les dates de la demande et des réponses",
        (
            "created_at",
            "consent_at",
            "due_date",
            "first_answer_at",
            "last_activity_at",
            "closed_at",
        ),
    ),
    ("le nombre de messages échangés", ()),
)


def kept_after_anonymisation():
    """The kept items as one French phrase: « le sujet, le département, … et le nombre de messages »."""
    labels = [label for label, _fields in KEPT_AFTER_ANONYMISATION]
    return ", ".join(labels[:-1]) + " et " + labels[-1]


def _strip_identity(ticket, text_replacement):
    """Wipe everything of `ticket` but what KEPT_AFTER_ANONYMISATION lists. The texts are replaced as a
    whole: no scrubber can be trusted to find every name, birth date or file number in free text."""
    discard_faq_copies(ticket)
    for attachment in ticket.attachments.all():
        attachment.delete_file()
    ticket.attachments.all().delete()
    ticket.tokens.all().delete()
    # an unsent email would otherwise still go out, empty, to the placeholder address
    ticket.emails.filter(status=EmailStatus.PENDING).update(
        status=EmailStatus.FAILED, last_error="anonymised"
    )
    ticket.emails.update(to="anonyme@invalid", subject="", body="")
    ticket.messages.update(body=text_replacement)
    ticket.audit_entries.update(detail="")
    ticket.requester_name = ""
    ticket.requester_email = ""
    ticket.requester_phone = ""
    ticket.structure = ""
    ticket.question = text_replacement
    ticket.anonymised_at = timezone.now()
    ticket.save()


def retention_cutoff(now=None):
    return (now or timezone.now()) - relativedelta(months=settings.HELPDESK_RETENTION_MONTHS)


def anonymise_expired(now=None, dry_run=False):
    """Anonymise the tickets inactive for longer than the retention period: keep only what
    KEPT_AFTER_ANONYMISATION lists. Idempotent. Returns a report dict."""
    expired = Ticket.objects.not_anonymised().filter(last_activity_at__lt=retention_cutoff(now))
    report = {"tickets": 0, "attachments": 0}
    for ticket in list(expired):
        report["tickets"] += 1
        report["attachments"] += ticket.attachments.count()
        if not dry_run:
            with transaction.atomic():
                _strip_identity(ticket, ANONYMISED_TEXT)
                audit(ticket, "anonymised", detail="durée de conservation écoulée", actor="système")
    return report


def requester_tickets(email):
    return (
        Ticket.objects.filter(requester_email__iexact=email.strip())
        if email and email.strip()
        else Ticket.objects.none()
    )


def export_requester_data(email):
    """Everything the portal holds about a requester (right of access), internal notes included."""
    tickets = (
        requester_tickets(email)
        .select_related("topic", "departement", "assignee")
        .prefetch_related("messages", "attachments")
    )
    data = []
    for ticket in tickets:
        data.append(
            {
                "reference": ticket.reference,
                "recu_le": ticket.created_at.isoformat(),
                "statut": ticket.get_status_display(),
                "demandeur": {
                    "nom": ticket.requester_name,
                    "courriel": ticket.requester_email,
                    "telephone": ticket.requester_phone,
                    "structure": ticket.structure,
                    "profession": ticket.get_profession_display(),
                },
                "departement": str(ticket.departement),
                "sujet": ticket.topic.name,
                "age": ticket.get_age_band_display(),
                "prise_en_charge": ticket.get_care_status_display(),
                "question": ticket.question,
                "consentement_le": ticket.consent_at.isoformat(),
                "messages": [
                    {
                        "type": m.get_kind_display(),
                        "date": m.created_at.isoformat(),
                        "texte": m.body,
                    }
                    for m in ticket.messages.all()
                ],
                "pieces_jointes": [
                    {"nom": a.original_name, "type": a.content_type, "taille": a.size}
                    for a in ticket.attachments.all()
                ],
            }
        )
    return json.dumps({"demandes": data}, ensure_ascii=False, indent=2)


def erase_requester(email, by):
    """Erase a requester's data on request, as anonymisation does (only KEPT_AFTER_ANONYMISATION stays, for
    the figures), whatever the tickets' age."""
    count = 0
    for ticket in requester_tickets(email):
        with transaction.atomic():
            _strip_identity(ticket, ERASED_TEXT)
            audit(ticket, "erased", by, detail="effacement à la demande")
        count += 1
    return count
