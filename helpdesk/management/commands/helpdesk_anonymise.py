"""Scheduled (daily): strip requesters' identity from tickets inactive for longer than the retention period."""

from django.conf import settings
from django.core.management.base import BaseCommand

from helpdesk.tasks import anonymise_expired_requests


class Command(BaseCommand):
    help = "Anonymise helpdesk requests inactive for longer than HELPDESK_RETENTION_MONTHS. Idempotent."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would be done, change nothing."
        )

    def handle(self, *args, **options):
        report = anonymise_expired_requests.call(dry_run=options["dry_run"])
        verb = "would be anonymised" if options["dry_run"] else "anonymised"
        self.stdout.write(
            f"{report['tickets']} request(s) {verb} (inactive for more than {settings.HELPDESK_RETENTION_MONTHS} months), "
            f"{report['attachments']} attachment(s) deleted."
        )
