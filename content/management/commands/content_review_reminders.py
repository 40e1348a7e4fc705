"""Scheduled (weekly): email the Comité de rédaction the content overdue for review."""

from django.core.management.base import BaseCommand

from content.tasks import review_reminders


class Command(BaseCommand):
    help = "Email each member of the Comité de rédaction the content past its review date."

    def handle(self, *args, **options):
        report = review_reminders.call()
        self.stdout.write(
            f"{report['pages']} page(s) overdue for review; "
            f"{report['sent']} of {report['recipients']} committee member(s) emailed."
        )
