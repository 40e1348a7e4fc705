import re

from django.conf import settings
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps import views as sitemap_views
from wagtail.documents import urls as wagtaildocs_urls

from agenda.views import calendar_feed as agenda_calendar_feed
from content.feeds import LatestResourcesAtomFeed, LatestResourcesFeed
from core.freshness import cached_until_published

from . import views
from .sitemaps import SITEMAPS
from .sitemaps import index as sitemap_index

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    # A sitemap index naming one sitemap per section, each paginated at 50,000 URLs (`?p=2`).
    path(
        "sitemap.xml",
        cached_until_published(sitemap_index),
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        cached_until_published(sitemap_views.sitemap),
        {"sitemaps": SITEMAPS},
        name="sitemap_section",
    ),
    path(
        "flux/ressources.rss", cached_until_published(LatestResourcesFeed()), name="resources_rss"
    ),
    path(
        "flux/ressources.atom",
        cached_until_published(LatestResourcesAtomFeed()),
        name="resources_atom",
    ),
    path("", include("content.urls")),
    path("annuaire/", include("directory.urls")),
    path("agenda/", include("agenda.urls")),
    path("agenda.ics", agenda_calendar_feed, name="agenda_ics"),
    path("permanence/", include("helpdesk.urls")),
    path("recherche/", include("search.urls")),
    path("abonnements/", include("newsletter.urls")),
    path("lettre/", include("newsletter.archive_urls")),
]

if settings.DEBUG:
    urlpatterns += [
        re_path(
            rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>.*)$",
            views.serve_media,
            name="media",
        )
    ]

urlpatterns += [path("", include(wagtail_urls))]

handler404 = "portal.views.page_not_found"
handler500 = "portal.views.server_error"
