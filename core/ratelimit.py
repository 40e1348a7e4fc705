"""A small fixed-window rate limiter on the Django cache (Redis in production, shared by all workers).

Keys are hashed with the secret key, so an email address used as a key never appears in the cache in clear.
If the cache is down (django-redis with IGNORE_EXCEPTIONS answers None), limits are not enforced rather
than every form failing: the outage is logged, and /readyz reports the cache.
"""

import hashlib
import ipaddress
import logging
import time

from django.conf import settings
from django.core.cache import cache

logger = logging.getLogger(__name__)


def allow(scope, identifier, limit, window_seconds):
    """Count one hit for `identifier` in `scope`; False once more than `limit` hits fall in the window."""
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{scope}:{identifier}".encode()).hexdigest()[:32]
    window = int(time.time() // window_seconds)
    key = f"ratelimit:{scope}:{digest}:{window}"
    cache.add(key, 0, timeout=window_seconds + 1)
    try:
        count = cache.incr(key)
    except ValueError:  # evicted between add and incr
        cache.set(key, 1, timeout=window_seconds + 1)
        count = 1
    if count is None:
        logger.warning("Rate limit %s not enforced: the cache is unavailable", scope)
        return True
    return count <= limit


def client_ip(request):
    """The client's address, which a client cannot choose by sending its own X-Forwarded-For.

    Behind `TRUSTED_PROXY_COUNT` reverse proxies, each appends the address it received the request from,
    so the client is the N-th hop from the right; the hops left of it are whatever the client sent.
    """
    remote_addr = request.META.get("REMOTE_ADDR", "")
    trusted = settings.TRUSTED_PROXY_COUNT
    if trusted <= 0:
        return remote_addr
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    hops = [hop for hop in hops if hop]
    if not hops:
        return remote_addr
    # Fewer hops than proxies: every hop was written by a trusted proxy, the left-most is the client.
    candidate = hops[-trusted] if len(hops) >= trusted else hops[0]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote_addr
