"""The newsletter's behaviour; views, commands and other apps import from here.

Stable interface for other apps: `list_recipients(kind)`, `queue_bulk_email(subscriptions, subject, text,
html, category=...)`, `compose`, `OUTBOX`; figures are in `newsletter.figures`."""

from .issues import queue_issue_test, send_issue
from .mailing import (
    OUTBOX,
    compose,
    expand_mailing,
    list_recipients,
    queue_bulk_email,
    queue_email,
    send_email,
    send_mailing_batch,
    send_pending_emails,
)
from .subscriptions import (
    confirm,
    erase_unconfirmed,
    forget,
    normalise_email,
    reinstate,
    replace_subscriptions,
    subscribe,
    suspend,
)
from .tokens import (
    confirm_url,
    manage_token,
    manage_url,
    rotate_key,
    subscriber_for_confirmation,
    subscriber_for_manage_token,
    unsubscribe_url,
)

__all__ = [
    "OUTBOX",
    "compose",
    "confirm",
    "confirm_url",
    "erase_unconfirmed",
    "expand_mailing",
    "forget",
    "list_recipients",
    "manage_token",
    "manage_url",
    "normalise_email",
    "queue_bulk_email",
    "queue_email",
    "reinstate",
    "replace_subscriptions",
    "rotate_key",
    "queue_issue_test",
    "send_email",
    "send_issue",
    "send_mailing_batch",
    "send_pending_emails",
    "subscribe",
    "subscriber_for_confirmation",
    "subscriber_for_manage_token",
    "suspend",
    "unsubscribe_url",
]
