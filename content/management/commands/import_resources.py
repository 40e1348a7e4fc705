from django.core.management.base import BaseCommand, CommandError

from content.importers import ResourceImporter
from core.importing import LineError


class Command(BaseCommand):
    help = "Import resources from a JSON Lines file (one resource per line), idempotent on external_id."

    def add_arguments(self, parser):
        parser.add_argument("path", help="JSONL file; `file` paths are relative to it")

    def handle(self, path, **options):
        try:
            report = ResourceImporter(path).run()
        except (OSError, LineError) as error:
            raise CommandError(str(error)) from error
        report.write(self)
