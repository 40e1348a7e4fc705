"""Where the list's emails meet the newsletter app: its subscribers of the « echanges » list, and its
outbox (stored with the change, sent by the worker in batches, retried; nothing is lost on an SMTP failure).
Each subscriber's email carries their own manage link and one-click unsubscribe headers (newsletter)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.db.models.functions import Lower

from core.roles import EDITORS, MEMBERS
from newsletter import services as newsletter


def list_recipients(kind):
    """The live subscriptions of the list. While the archive is for members only, so are the emails: a
    subscription counts only if its address is an active member's (anyone may subscribe at /abonnements/)."""
    recipients = newsletter.list_recipients(kind)
    if settings.EXCHANGES_ARCHIVE_PUBLIC:
        return recipients
    members = (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(groups__name__in=(MEMBERS, EDITORS)) | Q(is_superuser=True))
        .exclude(email="")
        .annotate(address=Lower("email"))
        .values("address")
    )
    return recipients.annotate(address=Lower("subscriber__email")).filter(address__in=members)


def queue_to_list(kind, subject, text, html):
    """One email per recipient, written and sent by background tasks after commit. Returns how many."""
    recipients = list_recipients(kind)
    return len(
        newsletter.queue_bulk_email(recipients, subject, text, html, category=kind).recipients
    )


def queue_one(to, subject, text, *, key):
    """A single notice (to a member, who need not be a subscriber), once per `key`, through the outbox."""
    model = newsletter.OUTBOX.model
    if model.objects.filter(key=key).exists():
        return None
    email = model.objects.create(to=to, subject=subject, body=text, category="echanges", key=key)
    return newsletter.OUTBOX.after_commit(email)
