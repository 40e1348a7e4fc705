"""The email outbox shared by every app that writes to people (the helpdesk, the newsletter).

An email is stored with the change that caused it, handed to the task worker once that change is committed,
retried with a growing delay, and counted as sent only when the mail server accepted it (`send()` returned
1). A failed send loses nothing. Each app keeps its own table (a subclass of `OutboundEmailBase`, with its own
links: a ticket, a subscriber) and its own one-line task; the rules live here once.

    OUTBOX = Outbox(OutboundEmail, max_attempts_setting="HELPDESK_EMAIL_MAX_ATTEMPTS", label="Helpdesk email")

    @OUTBOX.delivery_task
    @task()
    def send_email(email_id):
        return OUTBOX.send_due(email_id)
"""

import datetime
import logging
import uuid
from functools import partial

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import models, transaction
from django.db.models import F
from django.utils import timezone

logger = logging.getLogger(__name__)

# Retry delays double from RETRY_BASE after each failed attempt, up to RETRY_CAP.
RETRY_BASE = datetime.timedelta(minutes=5)
RETRY_CAP = datetime.timedelta(hours=6)
# While one sender talks to the mail server (at most EMAIL_TIMEOUT per step) no other takes the email.
CLAIM_LEASE = datetime.timedelta(minutes=10)
DEFAULT_MAX_ATTEMPTS = 8


class EmailStatus(models.TextChoices):
    PENDING = "pending", "À envoyer"
    SENT = "sent", "Envoyé"
    FAILED = "failed", "Échec définitif"


class OutboundEmailBase(models.Model):
    """One email waiting in an outbox, or its trace once sent. Bodies and headers (which hold personal
    links) are wiped once the mail server accepted the email."""

    to = models.EmailField()
    subject = models.CharField(max_length=200)
    body = models.TextField()
    html_body = models.TextField(
        blank=True, help_text="Alternative HTML du courriel (facultative)."
    )
    headers = models.JSONField(default=dict, blank=True)
    status = models.CharField(
        max_length=10, choices=EmailStatus.choices, default=EmailStatus.PENDING, db_index=True
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=120, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True
        ordering = ["created_at", "pk"]

    def message(self, connection=None):
        """The email as Django sends it: plain text, with the HTML as an alternative when there is one."""
        message = EmailMultiAlternatives(
            self.subject,
            self.body,
            settings.DEFAULT_FROM_EMAIL,
            [self.to],
            headers=self.headers or None,
            connection=connection,
        )
        if self.html_body:
            message.attach_alternative(self.html_body, "text/html")
        return message


def retry_delay(attempts):
    """Wait before the next attempt: 5 minutes after the first failure, then doubling, at most 6 hours."""
    return min(RETRY_BASE * 2 ** min(attempts - 1, 10), RETRY_CAP)


class Outbox:
    """The delivery rules for one outbox table (a concrete subclass of OutboundEmailBase)."""

    def __init__(self, model, *, max_attempts_setting, label):
        self.model = model
        self.max_attempts_setting = max_attempts_setting
        self.label = label
        self.task = None

    def delivery_task(self, task):
        """Register the app's task that sends one email by id (decorator); returns it unchanged."""
        self.task = task
        return task

    @property
    def max_attempts(self):
        return getattr(settings, self.max_attempts_setting, DEFAULT_MAX_ATTEMPTS)

    # Queueing

    def after_commit(self, email):
        """Hand the email to the worker once the current transaction commits. robust: a queue that cannot be
        reached must not turn the stored change into an error page; the periodic `send_pending` sends it."""
        transaction.on_commit(partial(self.enqueue, email.pk), robust=True)
        return email

    def enqueue(self, email_id, run_after=None):
        """Hand one email to the task backend (only its id: task arguments are stored and logged)."""
        if run_after is not None:
            self.task.using(run_after=run_after).enqueue(email_id)
        else:
            self.task.enqueue(email_id)

    # Delivery

    def _claim(self, email, now):
        """Take the email for this sender, counting the attempt. The worker and the periodic command may
        reach the same email: the update succeeds for one of them only."""
        claimed = self.model._default_manager.filter(
            pk=email.pk, status=EmailStatus.PENDING, attempts=email.attempts
        ).update(attempts=F("attempts") + 1, next_attempt_at=now + CLAIM_LEASE)
        if claimed:
            email.attempts += 1
        return bool(claimed)

    def deliver(self, email, connection=None, claimed=False):
        """Try to send one email. True: the mail server accepted it. False: not sent, kept pending with a
        growing delay, or failed after the maximum attempts. None: another sender has it.

        `connection`: an open mail connection reused across a batch; `claimed`: the caller already took
        the email (`claim_batch`)."""
        now = timezone.now()
        if not claimed and not self._claim(email, now):
            return None
        try:
            accepted = email.message(connection).send(fail_silently=False)
        except Exception as error:  # any transport error: the email is kept and retried later
            return self._not_sent(email, type(error).__name__, now)
        if not accepted:  # a backend that drops the message without an error
            return self._not_sent(email, "NotAccepted", now)
        email.status = EmailStatus.SENT
        email.sent_at = timezone.now()
        # personal links (follow-up, unsubscribe) must not stay in the database once delivered
        email.body = email.html_body = ""
        email.headers = {}
        email.last_error = ""
        email.save(
            update_fields=["status", "sent_at", "body", "html_body", "headers", "last_error"]
        )
        return True

    def claim_batch(self, emails):
        """Take, in one statement, those of `emails` still pending with the attempts they were read with
        (another sender may have taken some). Returns the claimed ones, attempts counted."""
        now = timezone.now()
        by_attempts = {}
        for email in emails:
            by_attempts.setdefault(email.attempts, []).append(email)
        claimed = []
        for attempts, group in by_attempts.items():
            marker = f"claim:{uuid.uuid4().hex}"
            self.model._default_manager.filter(
                pk__in=[e.pk for e in group], status=EmailStatus.PENDING, attempts=attempts
            ).update(
                attempts=F("attempts") + 1, next_attempt_at=now + CLAIM_LEASE, last_error=marker
            )
            taken = set(
                self.model._default_manager.filter(
                    pk__in=[e.pk for e in group], last_error=marker
                ).values_list("pk", flat=True)
            )
            for email in group:
                if email.pk in taken:
                    email.attempts += 1
                    claimed.append(email)
        return claimed

    def _not_sent(self, email, reason, now):
        email.last_error = reason[:120]
        email.next_attempt_at = now + retry_delay(email.attempts)
        if email.attempts >= self.max_attempts:
            email.status = EmailStatus.FAILED
        email.save(update_fields=["last_error", "status", "next_attempt_at"])
        logger.log(
            logging.ERROR if email.status == EmailStatus.FAILED else logging.WARNING,
            "%s %s not sent (attempt %s, %s): %s",
            self.label,
            email.pk,
            email.attempts,
            "given up" if email.status == EmailStatus.FAILED else "will retry",
            email.last_error,
        )
        return False

    def deliver_many(self, emails):
        """Deliver emails over one mail connection. Returns (sent, failed)."""
        sent = failed = 0
        connection = get_connection()
        try:
            for email in self.claim_batch(emails):
                result = self.deliver(email, connection=connection, claimed=True)
                if result:
                    sent += 1
                elif result is False:
                    failed += 1
        finally:
            try:
                connection.close()
            except Exception:  # a connection that never opened, or a server gone away
                logger.warning("%s: closing the mail connection failed", self.label)
        return sent, failed

    def send_pending(self, now=None, force=False):
        """Send the emails that are due (all pending ones with `force`). Returns (sent, failed)."""
        now = now or timezone.now()
        pending = self.model._default_manager.filter(status=EmailStatus.PENDING)
        if not force:
            pending = pending.filter(next_attempt_at__lte=now)
        sent = failed = 0
        for email in pending.order_by("created_at", "pk").iterator(chunk_size=500):
            result = self.deliver(email)
            if result:
                sent += 1
            elif result is False:
                failed += 1
        return sent, failed

    def send_due(self, email_id):
        """The body of the app's task: send one email if it is due; when it fails, come back at its next
        attempt time (backends that cannot defer leave the retry to the periodic `send_pending`)."""
        email = self.model._default_manager.filter(
            pk=email_id, status=EmailStatus.PENDING, next_attempt_at__lte=timezone.now()
        ).first()
        if email is None:  # sent, given up, or not due: the periodic command has it covered
            return False
        sent = self.deliver(email)
        if (
            sent is False
            and email.status == EmailStatus.PENDING
            and self.task.get_backend().supports_defer
        ):
            self.enqueue(email.pk, run_after=email.next_attempt_at)
        return bool(sent)
