from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Portail"

    def ready(self):
        from . import freshness
        from .request_id import install_record_factory

        install_record_factory()
        freshness.connect_publication_signals()
