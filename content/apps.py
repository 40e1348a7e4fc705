from django.apps import AppConfig


class ContentConfig(AppConfig):
    name = "content"
    verbose_name = "Dossiers et ressources"

    def ready(self):
        from core import freshness

        from .models import GlossaryEntry

        # Shown on public pages and edited without moderation: cached pages follow their changes.
        freshness.watch(GlossaryEntry)
