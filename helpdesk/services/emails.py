"""The helpdesk's outbox: its emails (acknowledgements, answer notices) go through the shared delivery
rules of `core.outbox` (stored with the change, sent after commit, retried with a growing delay, counted as
sent only when the mail server accepted them)."""

from django.conf import settings
from django.template.loader import render_to_string
from django_tasks import task

from core.outbox import Outbox, retry_delay  # noqa: F401 (retry_delay: part of this module's interface)

from ..models import OutboundEmail

OUTBOX = Outbox(
    OutboundEmail, max_attempts_setting="HELPDESK_EMAIL_MAX_ATTEMPTS", label="Helpdesk email"
)


def queue_email(ticket, template, to=None, **context):
    """Store an email in the outbox and send it once the current transaction commits.

    Templates carry no question or answer text: only a link."""
    context.update({"ticket": ticket, "site_name": settings.WAGTAIL_SITE_NAME})
    subject = render_to_string(f"helpdesk/email/{template}_subject.txt", context).strip()
    body = render_to_string(f"helpdesk/email/{template}.txt", context)
    email = OutboundEmail.objects.create(
        ticket=ticket, to=to or ticket.requester_email, subject=subject, body=body
    )
    # `helpdesk_send_pending` sends what could not be handed over.
    return OUTBOX.after_commit(email)


deliver = OUTBOX.deliver
send_pending = OUTBOX.send_pending


@OUTBOX.delivery_task
@task()
def send_email(email_id):
    """Send one outbox email if it is due (see `Outbox.send_due`)."""
    return OUTBOX.send_due(email_id)
