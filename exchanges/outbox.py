"""Where the list's emails meet the newsletter app: its subscribers of the « echanges » list, and its
outbox (stored with the change, sent by the worker in batches, retried; nothing is lost on an SMTP failure).
Each subscriber's email carries their own manage link and one-click unsubscribe headers (newsletter)."""

from newsletter import services as newsletter


def queue_to_list(kind, subject, text, html):
    """One email per live subscriber of the list, written and sent by background tasks after commit.
    Returns the number of subscribers it goes to."""
    recipients = newsletter.list_recipients(kind)
    newsletter.queue_bulk_email(recipients, subject, text, html, category=kind)
    return recipients.count()


def queue_one(to, subject, text, *, key):
    """A single notice (to a member, who need not be a subscriber), once per `key`, through the outbox."""
    model = newsletter.OUTBOX.model
    if model.objects.filter(key=key).exists():
        return None
    email = model.objects.create(to=to, subject=subject, body=text, category="echanges", key=key)
    return newsletter.OUTBOX.after_commit(email)
