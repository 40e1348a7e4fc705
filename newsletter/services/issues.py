"""Sending an editorial newsletter: a test to one address, then once to every newsletter subscriber."""

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from core.public_url import public_url

from ..issues import render_issue_content, render_issue_email
from ..models import Kind, NewsletterIssue, OutboundEmail
from .mailing import OUTBOX, list_recipients, queue_bulk_email


def queue_issue_test(issue, address):
    """The issue as subscribers will get it, to one address (the editor's own), marked as a test."""
    text, html = render_issue_email(issue)
    email = OutboundEmail.objects.create(
        to=address,
        subject=f"[Test] {issue.title}"[:200],
        body=text,
        html_body=html,
        headers={"List-Unsubscribe": f"<{public_url('/abonnements/')}>"},
        category="test",
    )
    return OUTBOX.after_commit(email)


@transaction.atomic
def send_issue(issue, user):
    """Send the issue to the newsletter's subscribers and archive it. False if it was already sent."""
    issue = NewsletterIssue.objects.select_for_update().get(pk=issue.pk)
    if issue.sent_at is not None:
        return False
    text, html = render_issue_content(issue)
    mailing = queue_bulk_email(
        list_recipients(Kind.NEWSLETTER),
        f"{settings.WAGTAIL_SITE_NAME} – {issue.title}",
        text,
        html,
        category="newsletter",
    )
    issue.sent_at, issue.sent_by, issue.mailing = timezone.now(), user, mailing
    issue.save(update_fields=["sent_at", "sent_by", "mailing"])
    return True
