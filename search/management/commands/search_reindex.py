"""Rebuild the search index from scratch: database tables, and Elasticsearch when configured."""

import time

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from search.backends.base import SearchUnavailable
from search.indexables import kind_labels
from search.services import get_service, total_public


class Command(BaseCommand):
    help = (
        "Rebuild the search index (database and, if configured, Elasticsearch) with bulk requests."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-progress", action="store_true", help="Do not show the progress bar."
        )

    def handle(self, *args, **options):
        started = time.monotonic()
        service = get_service()
        total = total_public()
        with tqdm(
            total=total,
            desc="Indexation",
            unit="doc",
            file=self.stderr._out,
            disable=options["no_progress"],
        ) as bar:
            try:
                counts = service.rebuild(progress=lambda: bar.update(1))
            except SearchUnavailable as error:
                raise CommandError(
                    f"The database index is rebuilt, but Elasticsearch could not be: {error}. "
                    "Search answers from the database meanwhile; run this command again when it is back."
                ) from error
        duration = time.monotonic() - started
        labels = kind_labels()
        details = ", ".join(f"{labels.get(kind, kind)}: {n}" for kind, n in sorted(counts.items()))
        backends = "database" + (" + elasticsearch" if service.engine is not None else "")
        self.stdout.write(
            f"Search index rebuilt ({backends}): {sum(counts.values())} documents ({details or 'none'}) "
            f"in {duration:.1f} s."
        )
