"""Counting a page view or a download: which requests count, their referrer category, and the write.

A request counts when a person's browser got a public page or a document: GET, answered 200 (or 304 for
a page the browser already holds and shows again), HTML for a page, not a bot (by its user agent; no
user agent at all is a script), not a preview or prefetch, outside the admin and the helpdesk's private
follow-up pages. What is written is the day, the page's path without its query string (which may hold
a search or a token) or the document's id, and the referrer's category: never the address, the user
agent, the full referrer, a cookie or any identifier.

The write is one UPDATE … SET views = views + 1 on the day's row, and an INSERT when the row does not
exist yet (the first view of the day of that page from that kind of referrer): no read before, no lock
held beyond the statement. A failure is logged and the page is served all the same.
"""

import logging
import re
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

# Paths never counted: the admin, the helpdesk's private follow-up pages (their URL holds a token),
# documents (counted as downloads), static files, and machine-read files.
EXCLUDED_PREFIXES = (
    "/admin/",
    "/permanence/suivi/",
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
    if not _is_page(request, response):
        return None
    return ("page", path)


def record_page_view(path, category, day=None):
    _increment(
        PageViewCount,
        {"day": day or timezone.localdate(), "path": path, "referrer": category},
        "views",
    )


def record_download(document_id, day=None):
    _increment(
        DocumentDownloadCount,
        {"day": day or timezone.localdate(), "document_id": document_id},
        "downloads",
    )


def _increment(model, key, field):
    with transaction.atomic():
        if model.objects.filter(**key).update(**{field: F(field) + 1}):
            return
        try:
            with transaction.atomic():
                model.objects.create(**key, **{field: 1})
        except IntegrityError:  # another request created the day's row meanwhile
            model.objects.filter(**key).update(**{field: F(field) + 1})


def count(request, response):
    """Count this answer if it is a person's view; never raise."""
    try:
        target = what_to_count(request, response)
        if target is None:
            return
        kind, value = target
        if kind == "page":
            record_page_view(value, referrer_category(request))
        else:
            record_download(value)
    except Exception:
        # Counting must never break a page: the view is lost, the page is served.
        logger.exception("Audience counting failed")
