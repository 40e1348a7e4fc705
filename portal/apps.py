from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Portail"

    def ready(self):
        from . import mail  # noqa: F401  (mail registers the email delivery check)
        from .request_id import install_record_factory

        install_record_factory()
