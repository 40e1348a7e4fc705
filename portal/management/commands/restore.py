"""Replace the database and the files with those of an encrypted backup (see portal/backup.py)."""

from django.core.management.base import BaseCommand, CommandError

from portal.backup import BackupError, restore


class Command(BaseCommand):
    help = "Restore an encrypted backup: the database, media and private files are replaced."

    def add_arguments(self, parser):
        parser.add_argument("archive", help="Path of the archive written by `manage.py backup`.")
        parser.add_argument(
            "--noinput",
            "--no-input",
            action="store_false",
            dest="interactive",
            help="Do not ask for confirmation.",
        )

    def handle(self, *args, archive, interactive=True, **options):
        if interactive:
            answer = input(
                "The database, the media and the private files will be REPLACED by the backup's. "
                "Type 'yes' to continue: "
            )
            if answer != "yes":
                raise CommandError("Restore cancelled.")
        try:
            manifest = restore(archive)
        except (BackupError, FileNotFoundError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Restored the backup of {manifest['created_at']} ({manifest['database']} database, "
            f"files: {', '.join(manifest['roots'])}). Rebuild the search index: manage.py search_reindex"
        )
