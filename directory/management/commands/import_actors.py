from django.core.management.base import BaseCommand, CommandError

from directory.importers import COLUMNS, ActorImporter
from portal.importing import LineError


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
        prefix = "[essai] " if dry_run else ""
        for number, external_id in report.created:
            self.stdout.write(f"{prefix}ligne {number} : créé ({external_id})")
        for number, external_id in report.updated:
            self.stdout.write(f"{prefix}ligne {number} : mis à jour ({external_id})")
        for number, reason in report.failed:
            self.stderr.write(f"{prefix}ligne {number} : ERREUR {reason}")
        summary = f"{prefix}{len(report.created)} créé(s), {len(report.updated)} mis à jour, {len(report.failed)} en erreur"
        if not report.ok:
            raise CommandError(summary)
        self.stdout.write(self.style.SUCCESS(summary))
