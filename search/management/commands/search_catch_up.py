"""Replay on Elasticsearch the updates it missed while it was unreachable (schedule every few minutes)."""

from django.core.management.base import BaseCommand, CommandError

from search.backends.base import SearchUnavailable
from search.services import get_service, pending_count


class Command(BaseCommand):
    help = "Send Elasticsearch the index updates it missed while unreachable (recorded in the database)."

    def handle(self, *args, **options):
        service = get_service()
        if service.engine is None:
            self.stdout.write(
                "No search engine configured: the database index is always up to date."
            )
            return
        try:
            replayed = service.catch_up()
        except SearchUnavailable as error:
            raise CommandError(
                f"Elasticsearch still unreachable ({error}): {pending_count()} update(s) kept for the next run."
            ) from error
        self.stdout.write(f"Search engine caught up: {replayed} missed update(s) replayed.")
