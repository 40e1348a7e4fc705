from django.core.management.base import BaseCommand, CommandError

from core.importing import LineError
from directory.importers import COLUMNS, ActorImporter


class Command(BaseCommand):
    help = (
        "Import actors from a UTF-8 CSV file (`,` or `;` separated) with the columns "
        + ",".join(COLUMNS)
        + "; `departements` and `services` are separated by `;`, `national` for a national actor. "
        "Idempotent on external_id."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="CSV file")
        parser.add_argument(
            "--dry-run", action="store_true", help="Check every line and report, write nothing."
        )

    def handle(self, path, dry_run=False, **options):
        try:
            report = ActorImporter(path, dry_run=dry_run).run()
        except (OSError, UnicodeDecodeError, LineError) as error:
            raise CommandError(str(error)) from error
        report.write(self, prefix="[essai] " if dry_run else "")
