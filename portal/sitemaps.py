from django.urls import reverse
from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap
from wagtail.contrib.sitemaps import views as sitemap_views

from agenda.sitemaps import EventSitemap
from core.public_url import to_public
from core.sitemaps import Sitemap
from directory.sitemaps import DirectoryActorSitemap, DirectoryDepartementSitemap


class PageSitemap(WagtailSitemap):
    """Wagtail's pages, their URLs moved from the Site record's host onto the public address."""

    protocol = Sitemap.protocol

    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        for url in urls:
            url["location"] = to_public(url["location"])
        return urls


def index(request, sitemaps, **kwargs):
    """Wagtail's sitemap index, each section's address on the public site."""
    response = sitemap_views.index(request, sitemaps, **kwargs)
    for item in response.context_data["sitemaps"]:
        item.location = to_public(item.location)
    return response


class StaticViewSitemap(Sitemap):
    """Public pages that are Django views rather than Wagtail pages."""

    changefreq = "weekly"

    def items(self):
        return [
            "content:glossary",
            "tools:index",
            "tools:funding",
            "newsletter_archive:archive",
        ]

    def location(self, item):
        return reverse(item)


SITEMAPS = {
    "pages": PageSitemap,
    "static": StaticViewSitemap,
    "annuaire-acteurs": DirectoryActorSitemap,
    "annuaire-departements": DirectoryDepartementSitemap,
    "events": EventSitemap,
}
