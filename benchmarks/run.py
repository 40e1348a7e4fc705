"""Seeds a realistic large corpus in a throw-away database and prints, per public page, the SQL queries
and response times. Run with `make bench` (SCALE=2 doubles the corpus).

The default corpus is the association's real volume: ~1,600 library items, dossiers with articles, ~350
actors, ~60 events a year and ~200 helpdesk requests a year, a few years' worth.
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
os.environ["DEBUG"] = "0"
os.environ.setdefault("LOG_LEVEL", "WARNING")
if "DATABASE_URL" not in os.environ:
    os.environ["PORTAL_VAR_DIR"] = tempfile.mkdtemp(prefix="portail-mna-bench-")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from benchmarks import seed  # noqa: E402
from portal.testing import Client  # noqa: E402

REPEAT = int(os.environ.get("BENCH_REPEAT", "5"))


def measure(client, url):
    client.get(url)  # warm-up
    timings = []
    for _ in range(REPEAT):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - start) * 1000)
    return response.status_code, len(queries), statistics.median(timings), max(timings)


def main():
    scale = float(os.environ.get("SCALE", "1"))
    print(f"Database: {settings.DATABASES['default']['ENGINE']}  scale: {scale}")
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    urls, counts = seed.seed(scale)
    print(
        f"Seeded in {time.perf_counter() - started:.1f} s: "
        + ", ".join(f"{v} {k}" for k, v in counts.items())
    )
    client = Client(SERVER_NAME="localhost")
    # Admin pages (the jurists' queue) are measured as the jurist the helpdesk seed creates.
    staff_client = Client(SERVER_NAME="localhost")
    jurist = get_user_model().objects.filter(username="bench-juriste").first()
    if jurist:
        staff_client.force_login(jurist)
    print(f"\n{'page':60} {'status':>6} {'queries':>8} {'median ms':>10} {'max ms':>8}")
    for url in urls:
        status, queries, median, worst = measure(
            staff_client if url.startswith("/admin/") else client, url
        )
        print(f"{url[:60]:60} {status:>6} {queries:>8} {median:>10.1f} {worst:>8.1f}")


if __name__ == "__main__":
    main()
