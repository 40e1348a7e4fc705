"""The cost of audience counting on a page view (reports/counting.py): the counter's write on its own
(an UPDATE of the day's row, or the INSERT of the day's first view of a page), and the home page served
from the anonymous page cache, where the count is the only database work, with and without counting."""

import statistics
import time

from django.db import connection
from django.http import HttpResponse
from django.test import RequestFactory, override_settings
from django.test.utils import CaptureQueriesContext

from reports import counting
from reports.models import PageViewCount

BROWSER = {
    "HTTP_USER_AGENT": "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
    "HTTP_ACCEPT": "text/html",
}
REPEAT = 300


def _median_ms(action, repeat=REPEAT):
    timings = []
    for n in range(repeat):
        start = time.perf_counter()
        action(n)
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)


def _page_ms(client, extra, repeat=REPEAT):
    client.get("/", **extra)  # fills the page cache
    return _median_ms(lambda n: client.get("/", **extra), repeat)


def measure(client):
    factory = RequestFactory()
    page = HttpResponse("<p>page</p>", content_type="text/html")
    same = factory.get("/ressources/", **BROWSER)
    update_ms = _median_ms(lambda n: counting.count(same, page))
    with CaptureQueriesContext(connection) as queries:
        counting.count(same, page)
    insert_ms = _median_ms(
        lambda n: counting.count(factory.get(f"/bench-counting/{n}/", **BROWSER), page)
    )
    with override_settings(PAGE_CACHE_SECONDS=300):
        with override_settings(AUDIENCE_COUNTING=False):
            cached_off = _page_ms(client, BROWSER)
        cached_on = _page_ms(client, BROWSER)
    PageViewCount.objects.filter(path__startswith="/bench-counting/").delete()
    return {
        "count_update_ms": round(update_ms, 2),
        "count_insert_ms": round(insert_ms, 2),
        "count_queries": len(queries),
        "cached_home_ms_without_counting": round(cached_off, 2),
        "cached_home_ms_with_counting": round(cached_on, 2),
    }
