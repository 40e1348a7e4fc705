"""Scheduled (daily): wipe the reporter's identity from error reports past the retention period."""

from django.conf import settings
from django.core.management.base import BaseCommand

from directory.services import anonymise_expired_reports


class Command(BaseCommand):
    help = (
        "Wipe the reporter's name and email of directory error reports handled (or received, if never "
        "handled) more than DIRECTORY_REPORT_RETENTION_MONTHS ago. Idempotent."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would be done, change nothing."
        )

    def handle(self, *args, **options):
        count = anonymise_expired_reports(dry_run=options["dry_run"])
        verb = "would be anonymised" if options["dry_run"] else "anonymised"
        self.stdout.write(
            f"{count} error report(s) {verb} (handled more than "
            f"{settings.DIRECTORY_REPORT_RETENTION_MONTHS} months ago)."
        )
