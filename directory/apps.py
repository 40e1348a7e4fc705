from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "directory"
    verbose_name = "Annuaire"

    def ready(self):
        from core import freshness

        from .models import Actor, Service

        # Services are edited directly. Actors are moderated, so their publication bumps the version,
        # but deleting a live actor publishes nothing: watched too.
        freshness.watch(Service, Actor)
