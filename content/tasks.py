"""Background work of the content app, run by the task worker in production."""

from django_tasks import task

from .reminders import send_review_reminders


@task()
def review_reminders():
    """Weekly: the committee is told what is overdue for review."""
    return send_review_reminders()
