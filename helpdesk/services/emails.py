"""The email outbox: an email is stored with the change that caused it, handed to the task worker once
that change is committed, retried with a growing delay, and counted as sent only when the mail server
accepted it. A failed send loses nothing."""

import datetime
import logging
from functools import partial

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone
from django_tasks import task

from ..models import EmailStatus, OutboundEmail

logger = logging.getLogger(__name__)

# Retry delays double from RETRY_BASE after each failed attempt, up to RETRY_CAP.
RETRY_BASE = datetime.timedelta(minutes=5)
RETRY_CAP = datetime.timedelta(hours=6)
# While one sender talks to the mail server (at most EMAIL_TIMEOUT per step) no other takes the email.
CLAIM_LEASE = datetime.timedelta(minutes=10)


def queue_email(ticket, template, to=None, **context):
    """Store an email in the outbox and send it once the current transaction commits.

    Templates carry no question or answer text: only a link."""
    context.update({"ticket": ticket, "site_name": settings.WAGTAIL_SITE_NAME})
    subject = render_to_string(f"helpdesk/email/{template}_subject.txt", context).strip()
    body = render_to_string(f"helpdesk/email/{template}.txt", context)
    email = OutboundEmail.objects.create(
        ticket=ticket, to=to or ticket.requester_email, subject=subject, body=body
    )
    # robust: a queue that cannot be reached must not turn a stored request into an error page;
    # `helpdesk_send_pending` sends what was not handed over.
    transaction.on_commit(partial(enqueue_delivery, email.pk), robust=True)
    return email


def enqueue_delivery(email_id, run_after=None):
    """Hand one outbox email to the task backend (only its id: task arguments are stored and logged)."""
    if run_after is not None:
        send_email.using(run_after=run_after).enqueue(email_id)
    else:
        send_email.enqueue(email_id)


def retry_delay(attempts):
    """Wait before the next attempt: 5 minutes after the first failure, then doubling, at most 6 hours."""
    return min(RETRY_BASE * 2 ** min(attempts - 1, 10), RETRY_CAP)


def _claim(email, now):
    """Take the email for this sender, counting the attempt. The worker and the periodic command may
    reach the same email: the update succeeds for one of them only."""
    claimed = OutboundEmail.objects.filter(
        pk=email.pk, status=EmailStatus.PENDING, attempts=email.attempts
    ).update(attempts=F("attempts") + 1, next_attempt_at=now + CLAIM_LEASE)
    if claimed:
        email.attempts += 1
    return bool(claimed)


def deliver(email):
    """Try to send one outbox email. True: the mail server accepted it. False: not sent, kept pending
    with a growing delay, or failed after HELPDESK_EMAIL_MAX_ATTEMPTS. None: another sender has it."""
    now = timezone.now()
    if not _claim(email, now):
        return None
    try:
        accepted = EmailMessage(
            email.subject, email.body, settings.DEFAULT_FROM_EMAIL, [email.to]
        ).send(fail_silently=False)
    except Exception as error:  # any transport error: the request is kept, the email retried later
        return _not_sent(email, type(error).__name__, now)
    if not accepted:  # a backend that drops the message without an error
        return _not_sent(email, "NotAccepted", now)
    email.status = EmailStatus.SENT
    email.sent_at = timezone.now()
    email.body = ""  # the follow-up link must not stay in the database once delivered
    email.last_error = ""
    email.save(update_fields=["status", "sent_at", "body", "last_error"])
    return True


def _not_sent(email, reason, now):
    email.last_error = reason[:120]
    email.next_attempt_at = now + retry_delay(email.attempts)
    if email.attempts >= settings.HELPDESK_EMAIL_MAX_ATTEMPTS:
        email.status = EmailStatus.FAILED
    email.save(update_fields=["last_error", "status", "next_attempt_at"])
    logger.log(
        logging.ERROR if email.status == EmailStatus.FAILED else logging.WARNING,
        "Helpdesk email %s not sent (attempt %s, %s): %s",
        email.pk,
        email.attempts,
        "given up" if email.status == EmailStatus.FAILED else "will retry",
        email.last_error,
    )
    return False


def send_pending(now=None, force=False):
    """Send the outbox emails that are due (all pending ones with `force`). Returns (sent, failed)."""
    now = now or timezone.now()
    pending = OutboundEmail.objects.filter(status=EmailStatus.PENDING)
    if not force:
        pending = pending.filter(next_attempt_at__lte=now)
    sent = failed = 0
    for email in pending.order_by("created_at", "pk"):
        result = deliver(email)
        if result:
            sent += 1
        elif result is False:
            failed += 1
    return sent, failed


@task()
def send_email(email_id):
    """Send one outbox email if it is due; when it fails, come back at its next attempt time (backends
    that cannot defer leave the retry to `helpdesk_send_pending`)."""
    email = OutboundEmail.objects.filter(
        pk=email_id, status=EmailStatus.PENDING, next_attempt_at__lte=timezone.now()
    ).first()
    if email is None:  # sent, given up, or not due: the periodic command has it covered
        return False
    sent = deliver(email)
    if (
        sent is False
        and email.status == EmailStatus.PENDING
        and send_email.get_backend().supports_defer
    ):
        enqueue_delivery(email.pk, run_after=email.next_attempt_at)
    return bool(sent)
