"""Scheduled daily: erase the addresses not confirmed within NEWSLETTER_UNCONFIRMED_DAYS (7) days."""

from django.core.management.base import BaseCommand

from newsletter import services


class Command(BaseCommand):
    help = "Erase subscribers who never confirmed their address within NEWSLETTER_UNCONFIRMED_DAYS."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Count without erasing.")

    def handle(self, *args, **options):
        count = services.erase_unconfirmed(dry_run=options["dry_run"])
        verb = "would be erased" if options["dry_run"] else "erased"
        self.stdout.write(f"{count} unconfirmed address(es) {verb}.")
