"""A small fixed-window rate limiter on the Django cache (Redis in production, shared by all workers).

Keys are hashed with the secret key, so an email address used as a key never appears in the cache in clear.
If the cache is down (django-redis with IGNORE_EXCEPTIONS answers None), limits are not enforced rather
than every form failing: the outage is logged, and /readyz reports the cache.
"""

import hashlib
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
    """The client's address; behind a proxy the first X-Forwarded-For hop when TRUST_X_FORWARDED_FOR is on."""
    if getattr(settings, "TRUST_X_FORWARDED_FOR", False):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "")
