"""Background work of the helpdesk, run by the task worker (`manage.py db_worker`) in production.

Arguments are ids only: the database backend stores them and the worker logs them."""

from django_tasks import task

from .services import anonymise_expired, send_pending

# The outbox's own task is defined beside the outbox (`services.emails`), which queues it; it is named here
# too, so that deliveries queued under its former path `helpdesk.tasks.send_email` still run after an upgrade.
from .services.emails import send_email  # noqa: F401


@task()
def send_pending_emails(force=False):
    sent, failed = send_pending(force=force)
    return {"sent": sent, "failed": failed}


@task()
def anonymise_expired_requests(dry_run=False):
    return anonymise_expired(dry_run=dry_run)
