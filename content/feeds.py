from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from core.public_url import page_url, public_url

from .models import ResourcePage
from .services import with_listing_relations


class LatestResourcesFeed(Feed):
    """RSS of the library's newest resources: professionals follow it in their feed reader."""

    title = "Portail MNA – nouvelles ressources"
    description = "Les derniers textes, décisions, rapports et études ajoutés à la bibliothèque."
    url_name = "resources_rss"

    # Absolute URLs are kept as they are by the feed generator, which would otherwise prefix the
    # request's host.
    def link(self):
        return public_url("/ressources/")

    def feed_url(self):
        return public_url(reverse(self.url_name))

    def items(self):
        return with_listing_relations(
            ResourcePage.objects.live().public().order_by("-first_published_at")
        )[:30]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return page_url(item)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_categories(self, item):
        return [theme.name for theme in item.theme_list]


class LatestResourcesAtomFeed(LatestResourcesFeed):
    feed_type = Atom1Feed
    url_name = "resources_atom"
    subtitle = LatestResourcesFeed.description
