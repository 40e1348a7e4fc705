"""What a jurist does with a ticket: assign, answer, note, merge (expert sheets are in `faq`)."""

from django.db import transaction
from django.utils import timezone

from core.public_url import page_url

from ..models import Message, MessageKind, Status, Ticket
from .audit import audit
from .emails import queue_email
from .tokens import follow_up_url, issue_token


def assign(ticket, assignee, by):
    previous = ticket.assignee
    ticket.assignee = assignee
    if assignee and ticket.status == Status.NEW:
        ticket.status = Status.IN_PROGRESS
    ticket.last_activity_at = timezone.now()
    ticket.save(update_fields=["assignee", "status", "last_activity_at"])
    name = (assignee.get_full_name() or assignee.get_username()) if assignee else "personne"
    action = "claimed" if assignee == by else ("reassigned" if previous else "assigned")
    audit(ticket, action, by, detail=f"attribué à {name}")


def change_status(ticket, status, by):
    previous = ticket.get_status_display()
    ticket.status = status
    ticket.closed_at = timezone.now() if status == Status.CLOSED else None
    ticket.last_activity_at = timezone.now()
    ticket.save(update_fields=["status", "closed_at", "last_activity_at"])
    audit(ticket, "status", by, detail=f"{previous} → {ticket.get_status_display()}")


def answer(ticket, body, by, canned=None):
    """A public answer, exactly `body` (a canned answer was inserted into it, where the jurist saw it):
    stored, shown on the follow-up page, the requester told by email (link only)."""
    now = timezone.now()
    with transaction.atomic():
        message = Message.objects.create(
            ticket=ticket, kind=MessageKind.ANSWER, body=body, author=by, created_at=now
        )
        ticket.status = Status.ANSWERED
        ticket.first_answer_at = ticket.first_answer_at or now
        ticket.last_activity_at = now
        if ticket.assignee_id is None:
            ticket.assignee = by
        ticket.save(update_fields=["status", "first_answer_at", "last_activity_at", "assignee"])
        audit(ticket, "answered", by, detail=f"réponse type : {canned}" if canned else "")
        email = queue_email(ticket, "answered", link=follow_up_url(issue_token(ticket)))
    return message, email


def canned_text(canned):
    """The canned answer as inserted in an answer: its text and the public links to its pages."""
    links = [f"- {page.title} : {page_url(page)}" for page in canned.pages.all() if page.live]
    return canned.body.strip() + (
        "\n\nÀ lire sur le portail :\n" + "\n".join(links) if links else ""
    )


def add_note(ticket, body, by):
    message = Message.objects.create(ticket=ticket, kind=MessageKind.NOTE, body=body, author=by)
    audit(ticket, "note", by)
    return message


def set_dossiers(ticket, dossiers, by):
    ticket.dossiers.set(dossiers)
    audit(ticket, "dossiers", by, detail=", ".join(str(d.pk) for d in dossiers)[:255])


def merge(duplicate, target, by):
    """Merge `duplicate` into `target`: its messages, attachments and follow-up links move over, it is closed.

    The duplicate's follow-up links then open the target, so both must come from the same requester:
    merging another person's request would show them a stranger's question and answers."""
    if duplicate.pk == target.pk or target.merged_into_id or duplicate.merged_into_id:
        raise ValueError("Fusion impossible : vérifiez le numéro de la demande.")
    if duplicate.anonymised_at or target.anonymised_at:
        raise ValueError("Fusion impossible : une des deux demandes est anonymisée.")
    if duplicate.requester_email.strip().lower() != target.requester_email.strip().lower():
        raise ValueError(
            "Fusion impossible : seules les demandes d'un même demandeur (même adresse électronique) "
            "peuvent être fusionnées."
        )
    with transaction.atomic():
        Message.objects.create(
            ticket=target,
            kind=MessageKind.REQUESTER,
            body=duplicate.question,
            created_at=duplicate.created_at,
        )
        duplicate.messages.update(ticket=target)
        duplicate.attachments.update(ticket=target)
        duplicate.tokens.update(ticket=target)
        duplicate.status = Status.CLOSED
        duplicate.closed_at = timezone.now()
        duplicate.merged_into = target
        duplicate.save(update_fields=["status", "closed_at", "merged_into"])
        target.last_activity_at = timezone.now()
        target.save(update_fields=["last_activity_at"])
        audit(duplicate, "merged", by, detail=f"fusionnée dans la demande n° {target.pk}")
        audit(target, "merged", by, detail=f"a reçu la demande n° {duplicate.pk}")


def related_tickets(ticket):
    if not ticket.requester_email:
        return Ticket.objects.none()
    return (
        Ticket.objects.filter(requester_email__iexact=ticket.requester_email)
        .exclude(pk=ticket.pk)
        .select_related("topic")
        .order_by("-created_at")
    )
