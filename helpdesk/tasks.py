"""Background work of the helpdesk, run by the task worker (`manage.py db_worker`) in production.

Arguments are ids only: the database backend stores them and the worker logs them."""

from django.utils import timezone
from django_tasks import task

from .models import EmailStatus, OutboundEmail
from .services import anonymise_expired, deliver, send_pending
from .services.emails import enqueue_delivery


@task()
def send_email(email_id):
    """Send one outbox email if it is due; when it fails, come back at its next attempt time (backends
    that cannot defer leave the retry to `helpdesk_send_pending`)."""
    email = OutboundEmail.objects.filter(
        pk=email_id, status=EmailStatus.PENDING, next_attempt_at__lte=timezone.now()
    ).first()
    if email is None:  # sent, given up, or not due: the periodic command has it covered
        return False
    sent = deliver(email)
    if (
        sent is False
        and email.status == EmailStatus.PENDING
        and send_email.get_backend().supports_defer
    ):
        enqueue_delivery(email.pk, run_after=email.next_attempt_at)
    return bool(sent)


@task()
def send_pending_emails(force=False):
    sent, failed = send_pending(force=force)
    return {"sent": sent, "failed": failed}


@task()
def anonymise_expired_requests(dry_run=False):
    return anonymise_expired(dry_run=dry_run)
