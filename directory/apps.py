from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "directory"
    verbose_name = "Annuaire"

    def ready(self):
        from core import freshness

        from .models import Service

        # Actors are moderated (their publication bumps the version); these are edited directly.
        freshness.watch(Service)
