from django.contrib.sitemaps import Sitemap
from django.urls import reverse
from wagtail.contrib.sitemaps import Sitemap as PageSitemap


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
        from taxonomy.models import Departement

        return [None, *Departement.objects.all()]

    def location(self, item):
        return reverse("directory:index") if item is None else item.get_absolute_url()


SITEMAPS["annuaire-acteurs"] = DirectoryActorSitemap
SITEMAPS["annuaire-departements"] = DirectoryDepartementSitemap

from agenda.sitemaps import EventSitemap  # noqa: E402

SITEMAPS["events"] = EventSitemap
