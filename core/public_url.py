"""The site's public address (PORTAL_PUBLIC_URL): every absolute URL the portal writes (emails, feeds,
sitemap, calendars, exports, canned answers) is built from it, never from the request's Host header or
the Wagtail Site record, which behind a proxy read `127.0.0.1:8000` or `localhost`.

Production refuses to start without it, or with a plain-HTTP address (system check portal.E002).
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core import checks


def public_url(path=""):
    """The absolute URL of `path` (which starts with "/") on the public site."""
    return settings.PORTAL_PUBLIC_URL.rstrip("/") + path


def to_public(url):
    """`url` (absolute or not) moved onto the public site: same path and query, public scheme and host."""
    parts = urlsplit(url)
    return public_url((parts.path or "/") + (f"?{parts.query}" if parts.query else ""))


def page_url(page):
    """The public absolute URL of a Wagtail page."""
    _site_id, _root_url, path = page.get_url_parts()
    return public_url(path)


def host_and_port():
    """(hostname, port) of the public address, for the Wagtail Site record."""
    parts = urlsplit(settings.PORTAL_PUBLIC_URL)
    return parts.hostname or "localhost", parts.port or (443 if parts.scheme == "https" else 80)


@checks.register(checks.Tags.security)
def check_public_url(app_configs, **kwargs):
    """portal.E002: outside DEBUG, the public address is set, https, and only a scheme, host and port."""
    if settings.DEBUG:
        return []
    value = settings.PORTAL_PUBLIC_URL
    parts = urlsplit(value)
    hint = "Set PORTAL_PUBLIC_URL to the address visitors type, e.g. https://portail-mna.fr"
    if not value:
        problem = (
            "PORTAL_PUBLIC_URL is not set: links in emails, feeds and the sitemap would be wrong."
        )
    elif parts.scheme != "https" or not parts.hostname:
        problem = f"PORTAL_PUBLIC_URL {value!r} is not an https:// address."
    elif parts.path.strip("/") or parts.query or parts.fragment:
        problem = f"PORTAL_PUBLIC_URL {value!r} must hold only a scheme, a host and a port."
    else:
        return []
    return [checks.Error(problem, hint=hint, id="portal.E002")]
