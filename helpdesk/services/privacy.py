"""Data protection: retention, anonymisation, the requester's export and erasure."""

import json
import re

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from ..logging import EMAIL, PHONE
from ..models import EmailStatus, Ticket
from .audit import audit

SCRUBBED_EMAIL = "[courriel supprimé]"
SCRUBBED_PHONE = "[téléphone supprimé]"
ERASED_TEXT = "[texte effacé à la demande du demandeur]"


def scrub(text):
    return PHONE.sub(SCRUBBED_PHONE, EMAIL.sub(SCRUBBED_EMAIL, text or ""))


# Numeric dates (03/04/2009, 3.4.09, 2009-04-03): a date of birth; legal texts cite dates in words.
NUMERIC_DATE = re.compile(
    r"(?<![\w/.-])(?:\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2})(?![\w/-]|\.\d)"
)
# ASE, AGDREF, social security or case numbers: 7 digits or more in a row (court decisions have 6).
LONG_NUMBER = re.compile(r"(?<![\w])\d{7,}(?![\w])")
NAME_PARTICLES = {"de", "du", "des", "del", "der", "den", "la", "le", "les", "van", "von", "dit"}


def identifying_details(text, names=()):
    """The obvious identifiers left in `text`, as [(kind, found)]: emails, phone numbers, numeric dates,
    long file numbers, and the given `names` (whole, or any part of three letters or more)."""
    text = text or ""
    found = [("courriel", m) for m in EMAIL.findall(text)]
    found += [("téléphone", m.group()) for m in PHONE.finditer(text)]
    without_phones = PHONE.sub(" ", text)
    found += [("date", m) for m in NUMERIC_DATE.findall(without_phones)]
    found += [("numéro", m) for m in LONG_NUMBER.findall(without_phones)]
    parts = set()
    for name in names:
        name = (name or "").strip()
        if name:
            parts.add(name)
            parts.update(
                part
                for part in re.split(r"[\s,.'’-]+", name)
                if len(part) >= 3 and part.casefold() not in NAME_PARTICLES
            )
    names_found = []
    for part in sorted(parts, key=len, reverse=True):
        match = re.search(rf"(?<!\w){re.escape(part)}(?!\w)", text, re.IGNORECASE)
        # "Camille Martin" found: "Martin" is not listed again
        if match and not any(part.casefold() in seen.casefold() for seen in names_found):
            names_found.append(match.group())
    found += [("nom", name) for name in names_found]
    return list(dict.fromkeys(found))


def _strip_identity(ticket, text_replacement=None):
    from .faq import discard_faq_copies  # faq imports this module

    discard_faq_copies(ticket)
    for attachment in ticket.attachments.all():
        attachment.delete_file()
        attachment.delete()
    ticket.tokens.all().delete()
    # an unsent email would otherwise still go out, empty, to the placeholder address
    ticket.emails.filter(status=EmailStatus.PENDING).update(
        status=EmailStatus.FAILED, last_error="anonymised"
    )
    ticket.emails.update(to="anonyme@invalid", body="")
    for message in ticket.messages.all():
        message.body = text_replacement if text_replacement is not None else scrub(message.body)
        message.save(update_fields=["body"])
    ticket.requester_name = ""
    ticket.requester_email = ""
    ticket.requester_phone = ""
    ticket.structure = ""
    ticket.question = text_replacement if text_replacement is not None else scrub(ticket.question)
    ticket.anonymised_at = timezone.now()
    ticket.save()


def retention_cutoff(now=None):
    return (now or timezone.now()) - relativedelta(months=settings.HELPDESK_RETENTION_MONTHS)


def anonymise_expired(now=None, dry_run=False):
    """Remove identities, contacts and attachments of tickets inactive for longer than the retention
    period; keep topic, département, profession and dates. Idempotent. Returns a report dict."""
    expired = Ticket.objects.not_anonymised().filter(last_activity_at__lt=retention_cutoff(now))
    report = {"tickets": 0, "attachments": 0}
    for ticket in list(expired):
        report["tickets"] += 1
        report["attachments"] += ticket.attachments.count()
        if not dry_run:
            with transaction.atomic():
                _strip_identity(ticket)
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
    """Erase a requester's data on request: identity, contacts, attachments, links and every text.
    The anonymous remainder (topic, département, profession, dates) stays for the figures."""
    count = 0
    for ticket in requester_tickets(email):
        with transaction.atomic():
            _strip_identity(ticket, text_replacement=ERASED_TEXT)
            audit(ticket, "erased", by, detail="effacement à la demande")
        count += 1
    return count
