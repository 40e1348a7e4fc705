"""Write an encrypted backup of the database, the media and the private files (see portal/backup.py)."""

from cryptography.fernet import Fernet
from django.core.management.base import BaseCommand, CommandError

from portal.backup import BackupError, backup


class Command(BaseCommand):
    help = "Write an encrypted backup (database, media, private files) with the key in BACKUP_KEY."

    def add_arguments(self, parser):
        parser.add_argument("output", nargs="?", help="Path of the archive to write.")
        parser.add_argument(
            "--generate-key", action="store_true", help="Print a new key for BACKUP_KEY and stop."
        )

    def handle(self, *args, output=None, generate_key=False, **options):
        if generate_key:
            self.stdout.write(Fernet.generate_key().decode())
            return
        if not output:
            raise CommandError("Give the path of the archive to write.")
        try:
            manifest = backup(output)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Backup written to {output} ({manifest['database']} database, "
            f"files: {', '.join(manifest['roots'])})."
        )
