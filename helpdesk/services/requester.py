"""What a requester does: ask, follow up, reply."""

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from core.public_url import public_url

from ..models import AccessToken, Message, MessageKind, Status, Ticket
from .attachments import check_quota, files_removed_on_failure, store_attachment
from .audit import audit
from .deadlines import due_date_for
from .emails import queue_email
from .tokens import follow_up_url, issue_token


def submit_request(data, uploads=()):
    """Store a new request with its attachments, then queue the acknowledgement (holding only the link).

    Returns (ticket, emails): the emails are sent by the task worker once the request is committed; if
    that fails the outbox keeps them for `helpdesk_send_pending`.
    """
    now = timezone.now()
    with transaction.atomic(), files_removed_on_failure() as stored:
        ticket = Ticket.objects.create(
            requester_name=data["requester_name"],
            requester_email=data["requester_email"],
            requester_phone=data.get("requester_phone", ""),
            structure=data.get("structure", ""),
            profession=data["profession"],
            departement=data["departement"],
            topic=data["topic"],
            age_band=data["age_band"],
            care_status=data["care_status"],
            question=data["question"],
            consent_at=now,
            created_at=now,
            last_activity_at=now,
            due_date=due_date_for(now),
        )
        for upload, content_type in uploads:
            stored.append(store_attachment(ticket, upload, content_type=content_type))
        audit(ticket, "created", detail=f"{len(uploads)} pièce(s) jointe(s)")
        token = issue_token(ticket)
        emails = [queue_email(ticket, "acknowledgement", link=follow_up_url(token))]
        if settings.HELPDESK_NOTIFY_EMAIL:
            emails.append(
                queue_email(
                    ticket,
                    "new_request",
                    to=settings.HELPDESK_NOTIFY_EMAIL,
                    admin_url=admin_url(ticket),
                )
            )
    return ticket, emails


def requester_reply(ticket, body, uploads=(), access=None):
    """The requester's message through the follow-up link `access`, which counts the uploads it carried.

    The quotas the form checked are checked again under a lock on the ticket and the link: two replies
    sent at once cannot both pass them. AttachmentRefused then, with nothing stored."""
    now = timezone.now()
    with transaction.atomic(), files_removed_on_failure() as stored:
        if uploads:
            Ticket.objects.select_for_update().filter(pk=ticket.pk).exists()
            locked = AccessToken.objects.select_for_update().filter(pk=getattr(access, "pk", None))
            check_quota(uploads, ticket, locked.first())
        message = Message.objects.create(
            ticket=ticket, kind=MessageKind.REQUESTER, body=body, created_at=now
        )
        for upload, content_type in uploads:
            stored.append(
                store_attachment(ticket, upload, message=message, content_type=content_type)
            )
        ticket.last_activity_at = now
        if ticket.status in (Status.WAITING, Status.ANSWERED, Status.CLOSED):
            ticket.status = Status.IN_PROGRESS
            ticket.closed_at = None
        ticket.save(update_fields=["last_activity_at", "status", "closed_at"])
        if access is not None and uploads:
            AccessToken.objects.filter(pk=access.pk).update(uploads=F("uploads") + len(uploads))
        audit(ticket, "requester_reply", detail=f"{len(uploads)} pièce(s) jointe(s)")
    return message


def thread_for_requester(ticket):
    return ticket.messages.visible_to_requester().prefetch_related("attachments")


def admin_url(ticket):
    return public_url(reverse("helpdesk_admin:ticket", args=[ticket.pk]))
