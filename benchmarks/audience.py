"""The cost of audience counting on a page view (reports/counting.py): adding the view to the in-process
buffer, writing a full buffer (AUDIENCE_FLUSH_VIEWS views on as many pages, in one transaction, after
the answer is delivered), and the home page served from the anonymous page cache, where counting is
the only extra work, without and with counting (median, and mean, which carries the batched writes)."""

import statistics
import time

from django.conf import settings
from django.db import connection
from django.http import HttpResponse
from django.test import RequestFactory, override_settings

from reports import counting
from reports.models import PageViewCount

BROWSER = {
    "HTTP_USER_AGENT": "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
    "HTTP_ACCEPT": "text/html",
}
REPEAT = 300


def _timings_ms(action, repeat=REPEAT):
    timings = []
    for n in range(repeat):
        start = time.perf_counter()
        action(n)
        timings.append((time.perf_counter() - start) * 1000)
    return timings


def _page(client, repeat=REPEAT):
    client.get("/", **BROWSER)  # fills the page cache
    timings = _timings_ms(lambda n: client.get("/", **BROWSER), repeat)
    return round(statistics.median(timings), 2), round(statistics.mean(timings), 2)


def measure(client):
    factory = RequestFactory()
    page = HttpResponse("<p>page</p>", content_type="text/html")
    counting.flush()
    request = factory.get("/ressources/", **BROWSER)
    add_ms = statistics.median(_timings_ms(lambda n: counting.count(request, page)))
    counting.buffer.take()
    batch = settings.AUDIENCE_FLUSH_VIEWS
    for n in range(batch):
        counting.count(factory.get(f"/bench-counting/{n}/", **BROWSER), page)
    statements = []

    def count_statements(execute, sql, params, many, context):
        statements.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count_statements):
        start = time.perf_counter()
        counting.flush()
        flush_ms = (time.perf_counter() - start) * 1000
    with override_settings(PAGE_CACHE_SECONDS=300):
        with override_settings(AUDIENCE_COUNTING=False):
            off = _page(client)
        on = _page(client)
    counting.flush()
    PageViewCount.objects.filter(path__startswith="/bench-counting/").delete()
    return {
        "buffer_add_ms": round(add_ms, 3),
        "flush_views": batch,
        "flush_ms": round(flush_ms, 1),
        "flush_statements": len(statements),
        "cached_home_ms_without_counting": off,
        "cached_home_ms_with_counting": on,
    }
