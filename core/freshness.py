"""What visitors can see has one version number, bumped (after commit) whenever published content changes.

Cached public output — the iCalendar feeds, the sitemaps — is keyed by it, so a publication is visible at
once without knowing which cached entries it touched. The number lives in the shared cache (Redis in
production); after a cache flush it restarts from the clock, never from a number already used.
"""

import time

from django.core.cache import cache
from django.db import transaction

KEY = "portal:published-version"


def version():
    value = cache.get(KEY)
    if value is None:
        cache.add(KEY, time.time_ns() // 1000, timeout=None)
        value = cache.get(KEY) or 0
    return value


def _bump():
    try:
        cache.incr(KEY)
    except ValueError:  # not in the cache (flushed or evicted)
        version()


def changed(**kwargs):
    """Signal receiver: the published content changed (the new version counts once the change commits)."""
    transaction.on_commit(_bump)


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
    from wagtail.signals import (
        page_published,
        page_unpublished,
        post_page_move,
        published,
        unpublished,
    )

    for signal in (page_published, page_unpublished, post_page_move, published, unpublished):
        signal.connect(changed, dispatch_uid=f"freshness-{id(signal)}")
    post_delete.connect(_page_deleted, dispatch_uid="freshness-page-delete")


def _page_deleted(sender, instance, **kwargs):
    from wagtail.models import Page

    if isinstance(instance, Page):
        changed()
