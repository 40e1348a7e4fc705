"""Fills every section with the demo content of `demo/data/`. Safe to re-run: each loader is idempotent."""

import os

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from demo.loaders import (
    agenda,
    content,
    directory,
    exchanges,
    helpdesk,
    letters,
    newsletter,
    practices,
    reports,
)
from portal.site_structure import ensure_site

ADMIN_USERNAME = "admin"
# The app each loader fills, in dependency order: events link an actor and a resource of the library.
SECTIONS = [
    ("content", content),
    ("directory", directory),
    ("agenda", agenda),
    ("helpdesk", helpdesk),
    ("practices", practices),
    ("letters", letters),  # model letters link the dossiers that explain them
    ("newsletter", newsletter),
    ("exchanges", exchanges),
    # Last: dates the content above over two years and adds the audience history.
    ("reports", reports),
]


class Command(BaseCommand):
    help = "Load the demo content of every app and make or reuse the admin account."

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-admin", action="store_true", help="Do not create the admin account."
        )
        parser.add_argument(
            "--no-index", action="store_true", help="Do not rebuild the search index."
        )

    def handle(self, *args, **options):
        with transaction.atomic():
            home = ensure_site()
            for app_label, loader in SECTIONS:
                summary = loader.load(home=home, stdout=self.stdout)
                self.stdout.write(f"  {apps.get_app_config(app_label).verbose_name}: {summary}")
        if not options["no_admin"]:
            self._ensure_admin()
        if not options["no_index"] and "search_reindex" in _commands():
            call_command("search_reindex", stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo content loaded."))

    def _ensure_admin(self):
        User = get_user_model()
        password = os.environ.get("PORTAL_ADMIN_PASSWORD", "portail-mna-admin")
        user, created = User.objects.get_or_create(
            username=ADMIN_USERNAME,
            defaults={"email": "admin@portail-mna.test", "is_staff": True, "is_superuser": True},
        )
        if created:
            user.set_password(password)
            user.save()
            self.stdout.write(
                self.style.WARNING(f"Admin account created: {ADMIN_USERNAME} / {password}")
            )
        else:
            self.stdout.write(
                f"Admin account reused: {ADMIN_USERNAME} (password unchanged; default {password})"
            )


def _commands():
    from django.core.management import get_commands

    return get_commands()
