"""The list's emails: an approved message to the subscribers of the « echanges » list (once), and the
refusal notice to its author. Everything goes through the outbox (stored, sent by the worker, retried)."""

import html
import logging
import re

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django_tasks import task

from core.public_url import public_url

from . import outbox
from .models import Message, Status

logger = logging.getLogger(__name__)

LIST_KIND = "echanges"
SUBJECT_PREFIX = "[Échanges MNA]"


def html_to_text(body):
    """The plain-text part of an email from a message's sanitised HTML: paragraphs and line breaks kept,
    each link followed by its address, every tag dropped and entities decoded (text/plain is not HTML)."""
    text = re.sub(r"<br\s*/?>", "\n", body)
    text = re.sub(r"</(p|h2|h3|h4|blockquote|pre|table|ul|ol)>", "\n\n", text)
    text = re.sub(r"<li[^>]*>", "- ", text)
    text = re.sub(r"</li>|</tr>", "\n", text)
    text = re.sub(r'<a [^>]*href="([^"]*)"[^>]*>(.*?)</a>', r"\2 (\1)", text, flags=re.DOTALL)
    text = html.unescape(re.sub(r"<[^>]+>", "", text))
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def send_to_list(message_id):
    """Hand an approved message to the worker (only its id)."""
    dispatch.enqueue(message_id)


def render_list_email(message):
    """(subject, plain text, HTML) of a list email: the member's sanitised text, a link to the thread."""
    context = {
        "message": message,
        "thread": message.thread,
        "thread_url": public_url(message.get_absolute_url()),
        "attachments": [
            (a.original_name, public_url(a.get_absolute_url())) for a in message.attachments.all()
        ],
        "site_name": settings.WAGTAIL_SITE_NAME,
        "text": html_to_text(message.body),
    }
    subject = f"{SUBJECT_PREFIX} {message.subject}"
    text = render_to_string("exchanges/email/list_message.txt", context)
    html = render_to_string("exchanges/email/list_message.html", context)
    return subject, text, html


@task()
def dispatch(message_id):
    """Send an approved message to the list's subscribers, once: the first run marks it dispatched in
    the same transaction as the emails it queues; a second run (retried task, approval replayed) finds
    it marked and sends nothing. Returns the number of emails queued."""
    with transaction.atomic():
        claimed = Message.objects.filter(
            pk=message_id, status=Status.APPROVED, dispatched_at__isnull=True
        ).update(dispatched_at=timezone.now())
        if not claimed:
            return 0
        message = Message.objects.select_related("thread", "author").get(pk=message_id)
        subject, text, html = render_list_email(message)
        count = outbox.queue_to_list(LIST_KIND, subject, text, html)
    logger.info("Discussion list message %s queued for %s subscriber(s)", message_id, count)
    return count


def notify_rejection(message):
    """Tell the author why the committee refused their message (their text is quoted back to them)."""
    context = {
        "message": message,
        "archive_url": public_url("/echanges/"),
        "site_name": settings.WAGTAIL_SITE_NAME,
    }
    subject = f"{SUBJECT_PREFIX} Votre message n'a pas été diffusé"
    text = render_to_string("exchanges/email/rejected.txt", context)
    outbox.queue_one(message.author.email, subject, text, key=f"exchanges:rejected:{message.pk}")
