"""Counting a page view or a download: which requests count, their referrer category, and the write.

A request counts when a person's browser got a public page or a document: GET, answered 200 (or 304 for
a page the browser already holds and shows again), HTML for a page, not a bot (by its user agent; no
user agent at all is a script), not a preview or prefetch, outside the admin and the helpdesk's private
follow-up pages. What is written is the day, the page's path without its query string (which may hold
a search or a token) or the document's id, and the referrer's category: never the address, the user
agent, the full referrer, a cookie or any identifier.

A view is added to an in-process buffer (a dictionary: microseconds); the buffer is written after the
answer has been delivered, every AUDIENCE_FLUSH_VIEWS views or AUDIENCE_FLUSH_SECONDS seconds, in one
transaction of one UPDATE … SET views = views + n per (day, page, category), and an INSERT where the
day's row does not exist yet. A database commit costs milliseconds (an fsync), far more than a page from
the page cache: written for each view it would slow every page, written in batches it slows none. Views
still in the buffer when a worker is killed (not stopped: the buffer is written at exit) are lost. A
failure is logged and the page is served all the same.
"""

import logging
import re
import threading
import time
from collections import Counter
from urllib.parse import parse_qs, urlsplit

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from .models import DocumentDownloadCount, PageViewCount, ReferrerCategory

logger = logging.getLogger(__name__)

# Crawlers, link previews, monitors, feed readers and scripts announce themselves in their user agent.
BOT_PATTERN = re.compile(
    r"bot|crawl|spider|slurp|archiver|fetch|scan|monitor|uptime|check|preview|headless|lighthouse"
    r"|curl|wget|python|java/|go-http|okhttp|axios|node|ruby|perl|php|libwww|httpclient|scrapy"
    r"|feed|rss|facebookexternalhit|embedly|quora|whatsapp|telegram|skype|discord|mastodon",
    re.IGNORECASE,
)

# Paths never counted: the admin, the private pages whose URL holds a token (the helpdesk's follow-up,
# the subscriptions' confirmation, management and unsubscription), documents (counted as downloads),
# static files, and machine-read files. Any page answered `X-Robots-Tag: noindex` (the apps' private
# pages) is left out too.
EXCLUDED_PREFIXES = (
    "/admin/",
    "/permanence/suivi/",
    "/abonnements/confirmer/",
    "/abonnements/gerer/",
    "/abonnements/desinscription/",
    "/documents/",
    "/static/",
    "/media/",
    "/healthz",
    "/readyz",
)

SEARCH_ENGINES = re.compile(
    r"^((www|[a-z]{2})\.)?(google|bing|duckduckgo|qwant|ecosia|yandex|baidu|startpage|lilo)\.[a-z.]+$"
    r"|^(search\.brave\.com|([a-z]+\.)?search\.yahoo\.com)$|googlequicksearchbox"
)
# Webmails: a link followed from a message read in the browser.
WEBMAILS = re.compile(
    r"^(mail\.google\.com|outlook\.(live|office|office365)\.com|mail\.yahoo\.[a-z.]+|mail\.proton\.me)$"
    r"|^(webmail|messagerie|zimbra|mail|courrier)[0-9]*\.[a-z0-9.-]+$"
)


def is_bot(user_agent):
    return not user_agent or BOT_PATTERN.search(user_agent) is not None


def referrer_category(request):
    """The category of where the visitor came from; nothing else of the referrer is kept."""
    query = parse_qs(request.META.get("QUERY_STRING", ""))
    if "email" in [value.lower() for value in query.get("utm_medium", [])]:
        return ReferrerCategory.EMAIL
    referrer = request.META.get("HTTP_REFERER", "")
    if not referrer:
        return ReferrerCategory.DIRECT
    host = (urlsplit(referrer).hostname or "").lower().rstrip(".")
    if not host:
        return ReferrerCategory.DIRECT
    if host == request.get_host().split(":")[0].lower() or host == _public_host():
        return ReferrerCategory.INTERNAL
    if WEBMAILS.search(host):
        return ReferrerCategory.EMAIL
    if SEARCH_ENGINES.search(host):
        return ReferrerCategory.SEARCH
    return ReferrerCategory.SITE


def _public_host():
    return (urlsplit(settings.PORTAL_PUBLIC_URL).hostname or "").lower()


def _is_prefetch(request):
    purpose = request.META.get("HTTP_SEC_PURPOSE", "") or request.META.get("HTTP_PURPOSE", "")
    return "prefetch" in purpose or "prerender" in purpose


def _is_page(request, response):
    if response.status_code == 200:
        return response.get("Content-Type", "").startswith("text/html")
    # A browser showing again a page it holds revalidates it (the page cache answers 304): a view.
    return response.status_code == 304 and request.META.get("HTTP_ACCEPT", "").startswith(
        "text/html"
    )


def what_to_count(request, response):
    """("page", path), ("document", id) or None when this answer is not a person's view."""
    if request.method != "GET" or _is_prefetch(request) or getattr(request, "is_preview", False):
        return None
    if is_bot(request.META.get("HTTP_USER_AGENT", "")):
        return None
    match = getattr(request, "resolver_match", None)
    if match is not None and match.url_name == "wagtaildocs_serve":
        if response.status_code == 200:
            return ("document", int(match.args[0]))
        return None
    path = request.path
    if path.startswith(EXCLUDED_PREFIXES) or len(path) > 255:
        return None
    if not _is_page(request, response) or "noindex" in response.get("X-Robots-Tag", ""):
        return None
    return ("page", path)


class Buffer:
    """Views counted in this process and not yet written: {key: count}. A view only adds one to a
    dictionary; the counts are written together, one UPSERT per (day, page, category) or (day,
    document), when AUDIENCE_FLUSH_VIEWS views wait or the oldest has waited AUDIENCE_FLUSH_SECONDS,
    after the answer has been delivered (`request_finished`), and when the process exits."""

    def __init__(self):
        self.lock = threading.Lock()
        self.counts = Counter()
        self.since = None

    def add(self, key):
        with self.lock:
            if not self.counts:
                self.since = time.monotonic()
            self.counts[key] += 1

    def due(self):
        return bool(self.counts) and (
            sum(self.counts.values()) >= settings.AUDIENCE_FLUSH_VIEWS
            or time.monotonic() - self.since >= settings.AUDIENCE_FLUSH_SECONDS
        )

    def take(self):
        with self.lock:
            counts, self.counts = self.counts, Counter()
        return counts


buffer = Buffer()


def flush():
    """Write the waiting counts, in one transaction. A failure is logged and those counts dropped."""
    counts = buffer.take()
    if not counts:
        return
    try:
        with transaction.atomic():
            for (kind, day, *key), amount in counts.items():
                if kind == "page":
                    path, category = key
                    _increment(
                        PageViewCount,
                        {"day": day, "path": path, "referrer": category},
                        "views",
                        amount,
                    )
                else:
                    _increment(
                        DocumentDownloadCount,
                        {"day": day, "document_id": key[0]},
                        "downloads",
                        amount,
                    )
    except Exception:
        logger.exception("Audience counting failed: %d views not recorded", sum(counts.values()))


def flush_if_due(**kwargs):
    if buffer.due():
        flush()


def _increment(model, key, field, amount):
    if model.objects.filter(**key).update(**{field: F(field) + amount}):
        return
    try:
        with transaction.atomic():
            model.objects.create(**key, **{field: amount})
    except IntegrityError:  # another process created the day's row meanwhile
        model.objects.filter(**key).update(**{field: F(field) + amount})


def count(request, response):
    """Count this answer if it is a person's view (in the buffer); never raise."""
    try:
        target = what_to_count(request, response)
        if target is None:
            return
        kind, value = target
        day = timezone.localdate()
        if kind == "page":
            buffer.add(("page", day, value, referrer_category(request)))
        else:
            buffer.add(("document", day, value))
    except Exception:
        # Counting must never break a page: the view is lost, the page is served.
        logger.exception("Audience counting failed")
