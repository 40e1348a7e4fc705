from django.core.management.base import BaseCommand

from portal.site_structure import ensure_site


class Command(BaseCommand):
    help = "Create the home page, section indexes and legal pages if missing (safe to re-run)."

    def handle(self, *args, **options):
        home = ensure_site()
        self.stdout.write(self.style.SUCCESS(f"Site ready: home page #{home.pk}."))
