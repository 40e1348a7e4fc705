from django.contrib.syndication.views import Feed

from core.public_url import public_url

from .models import NewsletterIssue


class IssuesFeed(Feed):
    """RSS of the newsletters sent to subscribers (the public archive at /lettre/)."""

    title = "Portail MNA – lettre d'information"
    description = "Les lettres d'information du réseau, envoyées aux abonnés."

    def link(self):
        return public_url("/lettre/")

    def feed_url(self):
        return public_url("/lettre/flux.rss")

    def items(self):
        return NewsletterIssue.objects.sent()[:30]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.introduction

    def item_link(self, item):
        return public_url(item.get_absolute_url())

    def item_pubdate(self, item):
        return item.sent_at
