"""Scheduled (every few minutes): send the newsletter emails still waiting in the outbox."""

from django.core.management.base import BaseCommand

from newsletter.services import send_pending_emails


class Command(BaseCommand):
    help = "Send pending subscription emails (confirmations, digests, newsletters), retrying failed ones."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force", action="store_true", help="Retry now, ignoring the back-off delay."
        )

    def handle(self, *args, **options):
        report = send_pending_emails.call(force=options["force"])
        self.stdout.write(
            f"{report['sent']} email(s) sent, {report['failed']} not sent "
            "(retried later, or given up after NEWSLETTER_EMAIL_MAX_ATTEMPTS)."
        )
