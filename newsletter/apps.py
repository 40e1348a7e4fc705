from django.apps import AppConfig


class NewsletterConfig(AppConfig):
    name = "newsletter"
    verbose_name = "Abonnements et lettre"

    def ready(self):
        from core import freshness

        from .models import NewsletterIssue

        freshness.watch(NewsletterIssue)  # the archive at /lettre/ and its feed
