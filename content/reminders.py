"""The weekly review reminder: each member of the Comité de rédaction is emailed the content past its
review date, as titles and admin links (no personal data: only published content's titles)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.urls import reverse

from core.public_url import public_url
from core.roles import EDITORS

from .services import overdue_for_review


def admin_link(name, *args):
    return public_url(reverse(name, args=args))


def committee_addresses():
    users = get_user_model().objects.filter(groups__name=EDITORS, is_active=True).exclude(email="")
    return sorted(set(users.values_list("email", flat=True)))


def send_review_reminders(today=None):
    """Email the overdue list to each committee member, one message each (no one sees the others'
    addresses). Nothing is sent when nothing is overdue. Returns counts for the log."""
    pages = overdue_for_review(today)
    addresses = committee_addresses()
    if not pages or not addresses:
        return {"pages": len(pages), "sent": 0, "recipients": len(addresses)}
    context = {
        "site_name": settings.WAGTAIL_SITE_NAME,
        "items": [(page, admin_link("wagtailadmin_pages:edit", page.pk)) for page in pages],
        "list_url": admin_link("content_review_overdue"),
    }
    subject = render_to_string("content/email/review_reminder_subject.txt", context).strip()
    body = render_to_string("content/email/review_reminder.txt", context)
    messages = [
        EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [address]) for address in addresses
    ]
    sent = get_connection(fail_silently=False).send_messages(messages) or 0
    return {"pages": len(pages), "sent": sent, "recipients": len(addresses)}
