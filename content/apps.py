from django.apps import AppConfig


class ContentConfig(AppConfig):
    name = "content"
    verbose_name = "Dossiers et ressources"

    def ready(self):
        from portal import freshness

        from .models import GlossaryEntry, Theme

        # Shown on public pages and edited without moderation: cached pages follow their changes.
        freshness.watch(GlossaryEntry, Theme)
