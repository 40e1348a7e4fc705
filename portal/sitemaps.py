from urllib.parse import urlsplit

from django.contrib.sitemaps import Sitemap as DjangoSitemap
from django.urls import reverse
from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap
from wagtail.contrib.sitemaps import views as sitemap_views

from .public_url import public_url, to_public


class Sitemap(DjangoSitemap):
    """A sitemap whose URLs are on the public address (PORTAL_PUBLIC_URL), whatever the request's host."""

    @property
    def protocol(self):
        return urlsplit(public_url()).scheme

    def get_domain(self, site=None):
        return urlsplit(public_url()).netloc


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
        return ["content:glossary"]

    def location(self, item):
        return reverse(item)


SITEMAPS = {"pages": PageSitemap, "static": StaticViewSitemap}


class DirectoryActorSitemap(Sitemap):
    """Live actors of the directory (`/annuaire/<slug>/`)."""

    changefreq = "monthly"

    def items(self):
        from directory.models import Actor

        return Actor.objects.live().order_by("pk").only("slug", "last_verified")

    def lastmod(self, actor):
        return actor.last_verified


class DirectoryDepartementSitemap(Sitemap):
    """The directory's page of every département, and the directory itself."""

    changefreq = "weekly"

    def items(self):
        from directory.models import Departement

        return [None, *Departement.objects.all()]

    def location(self, item):
        return reverse("directory:index") if item is None else item.get_absolute_url()


SITEMAPS["annuaire-acteurs"] = DirectoryActorSitemap
SITEMAPS["annuaire-departements"] = DirectoryDepartementSitemap

from agenda.sitemaps import EventSitemap  # noqa: E402

SITEMAPS["events"] = EventSitemap
