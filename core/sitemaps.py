"""The sitemap base every app's sitemap uses: its URLs on the public address, whatever the request's host."""

from urllib.parse import urlsplit

from django.contrib.sitemaps import Sitemap as DjangoSitemap

from .public_url import public_url


class Sitemap(DjangoSitemap):
    """A sitemap whose URLs are on the public address (PORTAL_PUBLIC_URL)."""

    @property
    def protocol(self):
        return urlsplit(public_url()).scheme

    def get_domain(self, site=None):
        return urlsplit(public_url()).netloc
