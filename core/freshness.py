"""What visitors can see has one version number, bumped (after commit) whenever published content changes.

Cached public output — the iCalendar feeds, the sitemaps — is keyed by it, so a publication is visible at
once without knowing which cached entries it touched. The number lives in the shared cache (Redis in
production); after a cache flush it restarts from the clock, never from a number already used.
"""

import functools
import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.http import http_date


class Version:
    """A number kept in the shared cache and bumped whenever what it stands for changes, so that output
    cached under it is replaced at once without knowing which entries a change touched. After a cache
    flush it restarts from the clock, never from a number already used."""

    def __init__(self, key):
        self.key = key

    def get(self):
        value = cache.get(self.key)
        if value is None:
            cache.add(self.key, time.time_ns() // 1000, timeout=None)
            value = cache.get(self.key) or 0
        return value

    def bump(self):
        try:
            cache.incr(self.key)
        except ValueError:  # not in the cache (flushed or evicted)
            self.get()


PUBLISHED = Version("portal:published-version")


def version():
    return PUBLISHED.get()


def cached(name, key, compute, timeout=3600):
    """`compute()` once per published version, `name` and `key`, then read from the cache. None is not
    kept (nothing to serve yet: computed again next time)."""
    cache_key = f"portal:{name}:{version()}:{key}"
    value = cache.get(cache_key)
    if value is None:
        value = compute()
        if value is not None:
            cache.set(cache_key, value, timeout)
    return value


def changed(**kwargs):
    """Signal receiver: the published content changed (the new version counts once the change commits)."""
    transaction.on_commit(PUBLISHED.bump)


def watch(*models):
    """Bump the version when rows of `models` are saved or deleted (their public output changes)."""
    from django.db.models.signals import post_delete, post_save

    for model in models:
        post_save.connect(changed, sender=model, dispatch_uid=f"freshness-save-{model._meta.label}")
        post_delete.connect(
            changed, sender=model, dispatch_uid=f"freshness-del-{model._meta.label}"
        )


def connect_publication_signals():
    """Pages published, unpublished, moved or deleted, and any moderated snippet (re)published."""
    from django.db.models.signals import post_delete
    from wagtail.models import Page
    from wagtail.signals import (
        page_published,
        page_unpublished,
        post_page_move,
        published,
        unpublished,
    )

    for signal in (page_published, page_unpublished, post_page_move, published, unpublished):
        signal.connect(changed, dispatch_uid=f"freshness-{id(signal)}")
    # Deleting a page of any type deletes its base `Page` row too, which sends this. Listening to `Page`
    # only, not to every model, leaves Django free to delete other rows without loading them first.
    post_delete.connect(changed, sender=Page, dispatch_uid="freshness-page-delete")


def cache_key(kind, request):
    """The key of a cached answer to `request`: its absolute URL, under the published-content version and
    the day (lists and calendars that depend on today change at midnight)."""
    url = hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()[:32]
    return f"portal:{kind}:{version()}:{timezone.localdate():%Y%m%d}:{url}"


def cache_entry(response, kept_headers):
    """What is stored of a rendered answer: (body, kept headers, ETag, time stored)."""
    headers = {name: response[name] for name in kept_headers if response.has_header(name)}
    etag = f'"{hashlib.sha256(response.content).hexdigest()[:32]}"'
    return response.content, headers, etag, int(time.time())


def answer_from(request, entry, cache_control):
    """The stored answer, or a 304 with no body when the client already holds it."""
    content, headers, etag, modified = entry
    response = get_conditional_response(request, etag=etag, last_modified=modified)
    if response is None:
        response = HttpResponse(content)
        for name, value in headers.items():
            response[name] = value
    response["ETag"] = etag
    response["Last-Modified"] = http_date(modified)
    response["Cache-Control"] = cache_control
    return response


KEPT_HEADERS = ("Content-Type", "Content-Disposition")


def cached_until_published(view):
    """Cache a public view's successful answers per absolute URL until published content changes, the day
    changes or FEED_CACHE_SECONDS pass, and answer a client that already has them (If-None-Match,
    If-Modified-Since) with a 304 and no body. For public GET output only: feeds, calendars, sitemaps."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return view(request, *args, **kwargs)
        key = cache_key("published", request)
        cached = cache.get(key)
        if cached is None:
            response = view(request, *args, **kwargs)
            if hasattr(response, "render"):
                response.render()
            if response.status_code != 200 or response.cookies or response.streaming:
                return response
            cached = cache_entry(response, KEPT_HEADERS)
            cache.set(key, cached, settings.FEED_CACHE_SECONDS)
        return answer_from(request, cached, f"public, max-age={settings.FEED_MAX_AGE}")

    return wrapper
