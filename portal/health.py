"""Liveness (`/healthz`) and readiness (`/readyz`) probes for the load balancer, systemd and monitoring.

`/healthz` says the process answers, without touching any service. `/readyz` checks the database, the
search engine, the cache and the task queue, each with its latency; it answers 503 when a check named in
`READYZ_REQUIRED` fails. The output names no host, user or password: a failure is reported by its
exception class only (the message may hold a DSN).

Both are answered by a middleware placed first, before host validation, the HTTPS redirect, sessions and
any rate limit, so that a probe on the loopback interface sees the real state and never a redirect,
a 400 or a 429; and both are never cached.
"""

import logging
import time
import uuid

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers

logger = logging.getLogger(__name__)


def check_database(details):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_search(details):
    from search.services import get_service, pending_count

    service = get_service()
    details["backend"] = "elasticsearch" if service.engine is not None else "database"
    if service.engine is not None:
        details["pending_updates"] = pending_count()
        service.engine.ping()


def check_cache(details):
    key = f"readyz:{uuid.uuid4().hex}"
    cache.set(key, "1", timeout=10)
    value = cache.get(key)
    cache.delete(key)
    if value != "1":  # django-redis with IGNORE_EXCEPTIONS: a down Redis reads as a miss
        details.update(ok=False, error="value not kept")


def check_tasks(details):
    from django_tasks import default_task_backend

    details["backend"] = type(default_task_backend).__name__
    if apps.is_installed("django_tasks_db"):
        from django_tasks_db.models import DBTaskResult

        ready = DBTaskResult.objects.ready()
        oldest = ready.order_by("enqueued_at").values_list("enqueued_at", flat=True).first()
        details["queued"] = ready.count()
        details["oldest_queued_seconds"] = (
            round((timezone.now() - oldest).total_seconds()) if oldest else 0
        )
        if details["oldest_queued_seconds"] > settings.READYZ_MAX_TASK_WAIT_SECONDS:
            details.update(ok=False, error="queue not worked")


# Each check fills in its result (`ok`, `error` and details); an exception fails it by its class name.
CHECKS = {
    "database": check_database,
    "search": check_search,
    "cache": check_cache,
    "tasks": check_tasks,
}


def run_check(name, function):
    required = name in settings.READYZ_REQUIRED
    started = time.perf_counter()
    result = {"ok": True, "required": required}
    try:
        function(result)
    except Exception as error:
        result.update(ok=False, error=type(error).__name__)
    if not result["ok"]:
        logger.warning("Readiness check %s failed: %s", name, result["error"])
    result["latency_ms"] = round((time.perf_counter() - started) * 1000, 1)
    return result


def readiness():
    """(ready, {check: result})."""
    checks = {name: run_check(name, function) for name, function in CHECKS.items()}
    ready = all(c["ok"] for c in checks.values() if c["required"])
    return ready, checks


def _never_cached(response):
    add_never_cache_headers(response)
    response["Cache-Control"] = "no-store, max-age=0"
    return response


def healthz():
    return _never_cached(JsonResponse({"status": "ok"}))


def readyz():
    ready, checks = readiness()
    return _never_cached(
        JsonResponse(
            {"status": "ok" if ready else "fail", "checks": checks}, status=200 if ready else 503
        )
    )


class ProbeMiddleware:
    """Answers /healthz and /readyz before every other middleware (see the module docstring)."""

    PROBES = {"/healthz": healthz, "/readyz": readyz}

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        probe = self.PROBES.get(request.path_info.rstrip("/"))
        if probe is not None and request.method in ("GET", "HEAD"):
            return probe()
        return self.get_response(request)
