"""Writing to subscribers through the outbox (`core.outbox`).

Every email is multipart (plain text and an HTML alternative without remote images or trackers), in French,
and carries the subscriber's manage link and the one-click unsubscribe headers (RFC 8058). A send to many
(`queue_bulk_email`) only stores a `Mailing` in the web request: a background task writes its emails in
batches, and further tasks deliver them in batches over one mail connection."""

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django_tasks import task

from core.outbox import EmailStatus, Outbox

from ..models import Mailing, OutboundEmail, Subscription
from .tokens import manage_url, unsubscribe_url

OUTBOX = Outbox(
    OutboundEmail, max_attempts_setting="NEWSLETTER_EMAIL_MAX_ATTEMPTS", label="Newsletter email"
)
# Emails written per database round trip, and delivered per task (over one SMTP connection).
WRITE_BATCH = 500
SEND_BATCH = 200


def list_recipients(kind):
    """The live subscriptions of a kind (confirmed, not suspended subscribers): the discussion list's
    recipients are `list_recipients("echanges")`, the newsletter's `list_recipients("newsletter")`."""
    return (
        Subscription.objects.live()
        .filter(kind=kind)
        .select_related("subscriber")
        .order_by("subscriber_id", "pk")
    )


def compose(subscriber, subject, text, html, *, category, key=None, mailing=None):
    """An unsaved outbox email for `subscriber`: `text` and `html` (already escaped, rendered by a
    template) put into the portal's email layout with the subscriber's own links and headers."""
    links = {
        "manage_url": manage_url(subscriber),
        "unsubscribe_url": unsubscribe_url(subscriber),
        "site_name": settings.WAGTAIL_SITE_NAME,
        "subject": subject,
    }
    return OutboundEmail(
        subscriber=subscriber,
        to=subscriber.email,
        subject=subject[:200],
        body=render_to_string("newsletter/email/layout.txt", {**links, "content": text}),
        html_body=render_to_string("newsletter/email/layout.html", {**links, "content": html}),
        headers={
            "List-Unsubscribe": f"<{links['unsubscribe_url']}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
        },
        category=category,
        key=key,
        mailing=mailing,
    )


def queue_email(subscriber, template, *, category, key=None, **context):
    """One email to one subscriber from templates `newsletter/email/<template>{_subject.txt,.txt,.html}`,
    sent once the current transaction commits."""
    context.update({"subscriber": subscriber, "site_name": settings.WAGTAIL_SITE_NAME})
    subject = render_to_string(f"newsletter/email/{template}_subject.txt", context).strip()
    text = render_to_string(f"newsletter/email/{template}.txt", context)
    html = render_to_string(f"newsletter/email/{template}.html", context)
    email = compose(subscriber, subject, text, html, category=category, key=key)
    email.save()
    return OUTBOX.after_commit(email)


def queue_bulk_email(subscriptions, subject, text, html, *, category):
    """Send the same content to the subscribers of `subscriptions` (one email per subscriber, however
    many of their subscriptions are listed), each with their own links. Returns the `Mailing`; the emails
    are written and sent by background tasks once the current transaction commits.

    `text` is plain text; `html` is an HTML fragment already escaped (rendered by a template)."""
    ids = list(subscriptions.values_list("pk", flat=True))
    mailing = Mailing.objects.create(
        category=category, subject=subject[:200], text=text, html=html, recipients=ids
    )
    transaction.on_commit(lambda: expand_mailing.enqueue(mailing.pk), robust=True)
    return mailing


def write_emails(emails):
    """Store composed emails, skipping those whose key is already there (idempotent sends)."""
    written = 0
    for start in range(0, len(emails), WRITE_BATCH):
        batch = emails[start : start + WRITE_BATCH]
        OutboundEmail.objects.bulk_create(batch, ignore_conflicts=True)
        written += len(batch)
    return written


@task()
def expand_mailing(mailing_id):
    """Write one email per live subscriber of the mailing, in batches, then start its delivery."""
    with transaction.atomic():
        mailing = Mailing.objects.select_for_update().filter(pk=mailing_id).first()
        if mailing is None or mailing.expanded_at:
            return 0
        # Read a chunk at a time below: filtering on the whole list as well sent every id with each chunk.
        subscriptions = Subscription.objects.live().select_related("subscriber")
        seen, total = set(), 0
        for start in range(0, len(mailing.recipients), WRITE_BATCH):
            chunk = mailing.recipients[start : start + WRITE_BATCH]
            emails = []
            for subscription in subscriptions.filter(pk__in=chunk).order_by("pk"):
                if subscription.subscriber_id in seen:
                    continue
                seen.add(subscription.subscriber_id)
                emails.append(
                    compose(
                        subscription.subscriber,
                        mailing.subject,
                        mailing.text,
                        mailing.html,
                        category=mailing.category,
                        key=f"mailing:{mailing.pk}:{subscription.subscriber_id}",
                        mailing=mailing,
                    )
                )
            total += write_emails(emails)
        mailing.expanded_at = timezone.now()
        mailing.total = total
        mailing.recipients = []
        mailing.save(update_fields=["expanded_at", "total", "recipients"])
    transaction.on_commit(lambda: send_mailing_batch.enqueue(mailing_id), robust=True)
    return total


@task()
def send_mailing_batch(mailing_id):
    """Deliver the next SEND_BATCH due emails of a mailing over one connection, then queue the next
    batch. Failed emails wait for their retry time (`newsletter_send_pending`)."""
    emails = list(
        OutboundEmail.objects.filter(
            mailing_id=mailing_id,
            status=EmailStatus.PENDING,
            attempts=0,
            next_attempt_at__lte=timezone.now(),
        ).order_by("pk")[:SEND_BATCH]
    )
    if not emails:
        return {"sent": 0, "failed": 0}
    sent, failed = OUTBOX.deliver_many(emails)
    if len(emails) == SEND_BATCH:
        send_mailing_batch.enqueue(mailing_id)
    return {"sent": sent, "failed": failed}


@OUTBOX.delivery_task
@task()
def send_email(email_id):
    """Send one outbox email if it is due (see `core.outbox.Outbox.send_due`)."""
    return OUTBOX.send_due(email_id)


@task()
def send_pending_emails(force=False):
    sent, failed = OUTBOX.send_pending(force=force)
    return {"sent": sent, "failed": failed}
