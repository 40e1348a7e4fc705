from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Portail"

    def ready(self):
        from . import freshness, mail, public_url  # noqa: F401  (mail and public_url register checks)
        from .request_id import install_record_factory

        install_record_factory()
        freshness.connect_publication_signals()
