from django.urls import reverse

from core.sitemaps import Sitemap
from taxonomy.models import Departement

from .models import Actor


class DirectoryActorSitemap(Sitemap):
    """Live actors of the directory (`/annuaire/<slug>/`)."""

    changefreq = "monthly"

    def items(self):
        return Actor.objects.live().order_by("pk").only("slug", "last_verified")

    def lastmod(self, actor):
        return actor.last_verified


class DirectoryDepartementSitemap(Sitemap):
    """The directory's page of every département, and the directory itself."""

    changefreq = "weekly"

    def items(self):
        return [None, *Departement.objects.all()]

    def location(self, item):
        return reverse("directory:index") if item is None else item.get_absolute_url()
