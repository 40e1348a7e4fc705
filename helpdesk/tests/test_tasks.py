"""Emails leave through the task framework once the request is committed: at once with the immediate
backend (development, tests), through the database queue and `manage.py db_worker` in production."""

import io
import signal
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django_tasks import TaskResultStatus
from django_tasks.signals import task_finished
from django_tasks_db.models import DBTaskResult

from helpdesk.models import OutboundEmail


@pytest.fixture
def finished_tasks():
    finished = []

    def record(sender, task_result, **kwargs):
        finished.append((task_result.task.module_path, task_result.status))

    task_finished.connect(record)
    yield finished
    task_finished.disconnect(record)


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def run_worker():
    """`manage.py db_worker --batch`: runs every task due, then exits. Its signal handlers are put back.

    The worker recycles database connections between tasks, which would close the one holding the
    test's transaction: like Django's test client with requests, the test keeps it."""
    handlers = {number: signal.getsignal(number) for number in (signal.SIGINT, signal.SIGTERM)}
    try:
        with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
            call_command(
                "db_worker", "--batch", "--no-startup-delay", "--no-reload", stdout=io.StringIO()
            )
    finally:
        for number, handler in handlers.items():
            signal.signal(number, handler)


def test_submission_enqueues_a_task_that_sends_after_commit(
    client, valid_data, commit, finished_tasks
):
    client.post("/permanence/", valid_data)
    assert mail.outbox == [] and finished_tasks == []  # nothing leaves before the commit
    with commit():
        client.post("/permanence/", {**valid_data, "requester_email": "autre@example.org"})
    assert finished_tasks == [("helpdesk.services.emails.send_email", TaskResultStatus.SUCCESSFUL)]
    assert [m.to for m in mail.outbox] == [["autre@example.org"]]
    assert OutboundEmail.objects.get(to="autre@example.org").status == "sent"


def test_the_database_worker_sends_the_queued_email(client, valid_data, commit, database_queue):
    with commit():
        client.post("/permanence/", valid_data)
    email = OutboundEmail.objects.get()
    assert (email.status, email.attempts, mail.outbox) == ("pending", 0, [])  # not in the request
    queued = DBTaskResult.objects.get()
    assert queued.task_path == "helpdesk.services.emails.send_email"
    assert queued.args_kwargs == {"args": [email.pk], "kwargs": {}}  # an id, no address or link

    run_worker()
    queued.refresh_from_db()
    email.refresh_from_db()
    assert queued.status == TaskResultStatus.SUCCESSFUL
    assert (email.status, email.attempts) == ("sent", 1)
    assert [m.to for m in mail.outbox] == [[valid_data["requester_email"]]]


def test_a_delivery_queued_under_the_former_task_path_still_runs(
    client, valid_data, commit, database_queue
):
    with commit():
        client.post("/permanence/", valid_data)
    DBTaskResult.objects.update(task_path="helpdesk.tasks.send_email")  # queued before the upgrade
    run_worker()
    assert OutboundEmail.objects.get().status == "sent"
    assert [m.to for m in mail.outbox] == [[valid_data["requester_email"]]]


def test_the_worker_comes_back_at_the_next_attempt_time(
    client, valid_data, commit, database_queue, settings
):
    settings.EMAIL_BACKEND = "helpdesk.tests.test_emails.AcceptsNothingBackend"
    with commit():
        client.post("/permanence/", valid_data)
    run_worker()
    email = OutboundEmail.objects.get()
    assert (email.status, email.attempts) == ("pending", 1)
    retry = DBTaskResult.objects.get(status=TaskResultStatus.READY)
    assert retry.run_after == email.next_attempt_at  # deferred, not run by this batch
    assert DBTaskResult.objects.filter(status=TaskResultStatus.SUCCESSFUL).count() == 1
