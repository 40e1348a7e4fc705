"""Print the yearly activity report's figures, as on `/admin/rapport-activite/`, for a spreadsheet or a
script: `activity_report --year 2025 --format csv|json`."""

import csv
import json

from django.core.management.base import BaseCommand

from reports import figures


class Command(BaseCommand):
    help = "Print the activity report of a year (and the year before) as CSV or JSON."

    def add_arguments(self, parser):
        parser.add_argument(
            "--year", type=int, default=None, help="Year (default: the last complete year)."
        )
        parser.add_argument("--format", choices=["csv", "json"], default="csv")

    def handle(self, *args, **options):
        year = options["year"] or figures.default_year()
        report = figures.activity_report(year)
        if options["format"] == "json":
            self.stdout.write(json.dumps(figures.as_json(report), ensure_ascii=False, indent=2))
            return
        writer = csv.writer(self.stdout, delimiter=";", lineterminator="\n")
        writer.writerows(figures.as_rows(report))
