"""The one place where the list's emails meet the portal's outbox and subscriptions.

Interim: until the newsletter app's subscriptions and generic outbox are merged, the list's subscribers
are the active members with an address, and emails are sent through Django's mail backend after commit."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction

from core.roles import MEMBERS


def list_recipients(kind):
    return list(
        get_user_model()
        .objects.filter(is_active=True, groups__name=MEMBERS)
        .exclude(email="")
        .values_list("email", flat=True)
        .distinct()
    )


def queue_to_list(kind, subject, text, html):
    recipients = list_recipients(kind)
    transaction.on_commit(lambda: _send(recipients, subject, text, html))
    return len(recipients)


def queue_one(to, subject, text):
    transaction.on_commit(lambda: _send([to], subject, text, None))


def _send(recipients, subject, text, html):
    connection = get_connection()
    messages = []
    for to in recipients:
        email = EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL, [to])
        if html:
            email.attach_alternative(html, "text/html")
        messages.append(email)
    connection.send_messages(messages)
