from core.sitemaps import Sitemap

from .models import Event


class EventSitemap(Sitemap):
    """Every published event's page (past ones too: they hold the proceedings)."""

    changefreq = "weekly"

    def items(self):
        return Event.objects.live().order_by("pk")

    def lastmod(self, event):
        return event.last_published_at
