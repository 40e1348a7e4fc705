from django.urls import path

from core.freshness import cached_until_published

from . import archive_views
from .feeds import IssuesFeed

app_name = "newsletter_archive"
urlpatterns = [
    path("", archive_views.archive, name="archive"),
    path("flux.rss", cached_until_published(IssuesFeed()), name="feed"),
    path("<slug:slug>/", archive_views.issue, name="issue"),
]
