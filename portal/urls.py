import re

from django.conf import settings
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from agenda.views import calendar_feed as agenda_calendar_feed
from content.feeds import LatestResourcesAtomFeed, LatestResourcesFeed

from . import views
from .sitemaps import SITEMAPS

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("flux/ressources.rss", LatestResourcesFeed(), name="resources_rss"),
    path("flux/ressources.atom", LatestResourcesAtomFeed(), name="resources_atom"),
    path("", include("content.urls")),
    path("annuaire/", include("directory.urls")),
    path("agenda/", include("agenda.urls")),
    path("agenda.ics", agenda_calendar_feed, name="agenda_ics"),
    path("permanence/", include("helpdesk.urls")),
    path("recherche/", include("search.urls")),
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
