from django.contrib.sitemaps import Sitemap
from django.urls import reverse
from wagtail.contrib.sitemaps import Sitemap as PageSitemap

from agenda.sitemaps import EventSitemap
from directory.sitemaps import DirectoryActorSitemap, DirectoryDepartementSitemap


class StaticViewSitemap(Sitemap):
    """Public pages that are Django views rather than Wagtail pages."""

    changefreq = "weekly"

    def items(self):
        return ["content:glossary"]

    def location(self, item):
        return reverse(item)


SITEMAPS = {
    "pages": PageSitemap,
    "static": StaticViewSitemap,
    "annuaire-acteurs": DirectoryActorSitemap,
    "annuaire-departements": DirectoryDepartementSitemap,
    "events": EventSitemap,
}
