"""The Wagtail site and its settings, read on every rendered page but changed about once a year: kept in
the shared cache per published-content version (saving a site or the settings bumps it) instead of two
queries per request."""

from django.core.exceptions import DisallowedHost
from wagtail.models import Site

from core.freshness import cached


class CachedSiteMiddleware:
    """Gives Wagtail the request's site (`request._wagtail_site`, where `Site.find_for_request` keeps
    it) from the cache. A host Django refuses is left to Django's own answer."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            host = f"{request.get_host()}:{request.get_port()}"
        except DisallowedHost:
            return self.get_response(request)
        request._wagtail_site = cached("site", host, lambda: _find_site(request))
        return self.get_response(request)


def _find_site(request):
    """Wagtail's choice of site, with its home page as its specific class: routing starts from it."""
    site = Site._find_for_request(request)
    if site is not None:
        site.root_page = site.root_page.specific
    return site
