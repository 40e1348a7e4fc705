from django.apps import AppConfig


class TaxonomyConfig(AppConfig):
    name = "taxonomy"
    verbose_name = "Référentiels"

    def ready(self):
        from core import freshness

        from .models import Departement, Theme

        # Shown on every public page and edited without moderation: cached pages follow their changes.
        freshness.watch(Departement, Theme)
