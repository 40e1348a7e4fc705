"""The anonymous page cache: public pages rendered once and served to every anonymous visitor until the
published content changes.

A visitor who carries no cookie but the CSRF one gets the page from the cache, without touching the
database. An entry is keyed by the published-content version of `core.freshness`, so a page published,
unpublished, moved or deleted, or a watched snippet changed, makes every cached page stale at once without
scanning or clearing a shared cache (Redis also holds the rate-limit counters). Entries also expire after
PAGE_CACHE_SECONDS and at midnight (pages that show "upcoming" or "today").

Only what is the same for everyone is stored: a 200 answer to a GET that set no cookie, used no CSRF token
(a form), was not marked private or no-store, outside the admin, the helpdesk and the other excluded
paths. Browsers (which revalidate: `max-age=0`) and a reverse proxy (`s-maxage=PAGE_CACHE_MAX_AGE`) get an ETag on
those pages, and a 304 when they already hold them. The Django cache framework's own middleware is not
used: it keys pages by every cookie the request carries (`Vary: Cookie`), and its keys do not follow
publication.
"""

from django.conf import settings
from django.core.cache import cache

from core import freshness

# Headers of the view's answer kept with the page; those set by outer middleware (security headers, the
# request id) are set again on each answer.
KEPT_HEADERS = ("Content-Type", "Content-Language", "Vary", "X-Frame-Options")


def _cookies_allow_cache(request):
    """Only the CSRF cookie is shared by anonymous visitors' pages; any other cookie (a session, pending
    messages) may make the page personal."""
    return not (set(request.COOKIES) - {settings.CSRF_COOKIE_NAME})


def _path_allows_cache(path):
    return not any(path.startswith(prefix) for prefix in settings.PAGE_CACHE_EXCLUDED_PATHS)


def _storable(request, response):
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):  # the page holds a CSRF token: a form
        return False
    cache_control = response.get("Cache-Control", "")
    return not any(word in cache_control for word in ("private", "no-store", "no-cache"))


def cache_control():
    """Browsers revalidate every time (a 304 costs nothing here), so a visitor sees a publication at once;
    a shared proxy may keep the page PAGE_CACHE_MAX_AGE seconds."""
    return f"public, max-age=0, s-maxage={settings.PAGE_CACHE_MAX_AGE}, must-revalidate"


class AnonymousPageCacheMiddleware:
    """Serve and store anonymous visitors' public pages. Placed before the session, locale, CSRF,
    authentication and message middleware: a hit costs none of their work, and an answer they marked
    personal (a session, CSRF or message cookie set) is not stored."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not (
            settings.PAGE_CACHE_SECONDS
            and request.method in ("GET", "HEAD")
            and _cookies_allow_cache(request)
            and _path_allows_cache(request.path)
        ):
            return self.get_response(request)
        key = freshness.cache_key("page", request)
        cached = cache.get(key)
        if cached is not None:
            response = freshness.answer_from(request, cached, cache_control())
            response["X-Page-Cache"] = "hit"
            if not response.has_header("Content-Length"):  # CommonMiddleware, inside, did not run
                response["Content-Length"] = len(response.content)
            return response
        response = self.get_response(request)
        if request.method != "GET" or not _storable(request, response):
            return response
        if hasattr(response, "render") and not response.is_rendered:
            response.render()
        cached = freshness.cache_entry(response, KEPT_HEADERS)
        cache.set(key, cached, settings.PAGE_CACHE_SECONDS)
        response["ETag"] = cached[2]
        response["X-Page-Cache"] = "miss"
        response["Cache-Control"] = cache_control()
        return response
