from django.apps import AppConfig


class CoreConfig(AppConfig):
    """The shared toolkit under every app: blocks, roles, sanitiser, rate limits, forms, importing,
    spreadsheet safety and the published-content version. It imports no app of the portal."""

    name = "core"
    verbose_name = "Boîte à outils"

    def ready(self):
        from . import freshness

        freshness.connect_publication_signals()
