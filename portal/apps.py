from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Portail"

    def ready(self):
        from wagtail.models import Site

        from core import (
            freshness,
            public_url,  # noqa: F401  (registers the public address check)
        )

        from . import mail  # noqa: F401  (mail registers the email delivery check)
        from .models import SiteSettings
        from .request_id import install_record_factory

        install_record_factory()
        freshness.watch(SiteSettings, Site)  # the footer of every page, the sites (portal/sites.py)
