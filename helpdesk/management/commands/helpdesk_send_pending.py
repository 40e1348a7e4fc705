"""Scheduled (every few minutes): send the helpdesk emails still waiting in the outbox."""

from django.core.management.base import BaseCommand

from helpdesk.services import send_pending


class Command(BaseCommand):
    help = "Send pending helpdesk emails (acknowledgements, answer notices), retrying failed ones."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force", action="store_true", help="Retry now, ignoring the back-off delay."
        )

    def handle(self, *args, **options):
        sent, failed = send_pending(force=options["force"])
        self.stdout.write(f"{sent} email(s) sent, {failed} still failing (kept for a later retry).")
