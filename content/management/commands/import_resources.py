from django.core.management.base import BaseCommand, CommandError

from content.importers import ResourceImporter
from portal.importing import LineError


class Command(BaseCommand):
    help = "Import resources from a JSON Lines file (one resource per line), idempotent on external_id."

    def add_arguments(self, parser):
        parser.add_argument("path", help="JSONL file; `file` paths are relative to it")

    def handle(self, path, **options):
        try:
            report = ResourceImporter(path).run()
        except (OSError, LineError) as error:
            raise CommandError(str(error)) from error
        for number, external_id in report.created:
            self.stdout.write(f"ligne {number} : créée ({external_id})")
        for number, external_id in report.updated:
            self.stdout.write(f"ligne {number} : mise à jour ({external_id})")
        for number, reason in report.failed:
            self.stderr.write(f"ligne {number} : ERREUR {reason}")
        summary = f"{len(report.created)} créée(s), {len(report.updated)} mise(s) à jour, {len(report.failed)} en erreur"
        if not report.ok:
            raise CommandError(summary)
        self.stdout.write(self.style.SUCCESS(summary))
