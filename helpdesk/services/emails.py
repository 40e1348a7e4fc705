"""The email outbox: a failed send loses nothing and is retried."""

import datetime
import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import timezone

from ..models import EmailStatus, OutboundEmail

logger = logging.getLogger(__name__)


def queue_email(ticket, template, to=None, **context):
    """Store an email in the outbox. Templates carry no question or answer text: only a link."""
    context.update({"ticket": ticket, "site_name": settings.WAGTAIL_SITE_NAME})
    subject = render_to_string(f"helpdesk/email/{template}_subject.txt", context).strip()
    body = render_to_string(f"helpdesk/email/{template}.txt", context)
    return OutboundEmail.objects.create(
        ticket=ticket, to=to or ticket.requester_email, subject=subject, body=body
    )


def deliver(email):
    """Try to send one outbox email; on failure keep it pending with a growing delay, then give up."""
    email.attempts += 1
    try:
        EmailMessage(email.subject, email.body, settings.DEFAULT_FROM_EMAIL, [email.to]).send(
            fail_silently=False
        )
    except Exception as error:  # any transport error: the request is kept, the email retried later
        email.last_error = type(error).__name__[:120]
        if email.attempts >= settings.HELPDESK_EMAIL_MAX_ATTEMPTS:
            email.status = EmailStatus.FAILED
        email.next_attempt_at = timezone.now() + datetime.timedelta(
            minutes=5 * 2 ** min(email.attempts, 8)
        )
        email.save(update_fields=["attempts", "last_error", "status", "next_attempt_at"])
        logger.warning(
            "Helpdesk email %s not sent (attempt %s): %s",
            email.pk,
            email.attempts,
            email.last_error,
        )
        return False
    email.status = EmailStatus.SENT
    email.sent_at = timezone.now()
    email.body = ""  # the follow-up link must not stay in the database once delivered
    email.last_error = ""
    email.save(update_fields=["attempts", "status", "sent_at", "body", "last_error"])
    return True


def send_pending(now=None, force=False):
    """Send the outbox emails that are due. Returns (sent, failed)."""
    now = now or timezone.now()
    pending = OutboundEmail.objects.filter(status=EmailStatus.PENDING)
    if not force:
        pending = pending.filter(next_attempt_at__lte=now)
    sent = failed = 0
    for email in pending.order_by("created_at", "pk"):
        if deliver(email):
            sent += 1
        else:
            failed += 1
    return sent, failed


def deliver_now(emails):
    for email in emails:
        deliver(email)
