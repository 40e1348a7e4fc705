"""Benchmark of a bulk send: 5,000 daily digests built, written to the outbox and delivered, without a web
request (what `manage.py newsletter_send_digests --frequency daily` and the task worker do).

Run inside `make bench` (after the corpus is seeded), or alone on a throw-away SQLite database:
`python benchmarks/bulk_send.py` (BENCH_SUBSCRIBERS=5000)."""

import datetime
import os
import time
import tracemalloc
from unittest import mock

from django.conf import settings
from django.test.utils import override_settings
from django.utils import timezone

from content.models import DossierPage, ResourcePage
from core.outbox import EmailStatus
from newsletter.models import Frequency, Kind, OutboundEmail, Subscriber, Subscription
from newsletter.services.digests import period_end, run_digests
from newsletter.services.mailing import OUTBOX, SEND_BATCH
from taxonomy.models import Departement, Theme

PUBLISHED_RESOURCES = 20
PUBLISHED_DOSSIERS = 3


def _prepare(count):
    """`count` confirmed subscribers, each with a daily alert on a theme or a département (one in ten
    with the whole digest), and a day of publications."""
    end = period_end(Frequency.DAILY)
    yesterday = end - datetime.timedelta(hours=10)
    ResourcePage.objects.filter(
        pk__in=list(ResourcePage.objects.live().values_list("pk", flat=True)[:PUBLISHED_RESOURCES])
    ).update(first_published_at=yesterday, last_published_at=yesterday)
    DossierPage.objects.filter(
        pk__in=list(DossierPage.objects.live().values_list("pk", flat=True)[:PUBLISHED_DOSSIERS])
    ).update(last_published_at=yesterday)
    Subscriber.objects.filter(email__endswith="@bench.example.org").delete()
    now = timezone.now()
    subscribers = Subscriber.objects.bulk_create(
        [
            Subscriber(email=f"abonne{n}@bench.example.org", consent_at=now, confirmed_at=now)
            for n in range(count)
        ],
        batch_size=1000,
    )
    themes = list(Theme.objects.all()) or [None]
    departements = list(Departement.objects.all()[:20])
    rows = []
    for n, subscriber in enumerate(subscribers):
        if n % 10 == 0 or themes == [None]:
            rows.append(Subscription(subscriber=subscriber, kind=Kind.NEWSLETTER))
        elif n % 3:
            rows.append(
                Subscription(subscriber=subscriber, kind=Kind.THEME, theme=themes[n % len(themes)])
            )
        else:
            rows.append(
                Subscription(
                    subscriber=subscriber,
                    kind=Kind.DEPARTEMENT,
                    departement=departements[n % len(departements)],
                )
            )
    for row in rows:
        row.frequency = Frequency.DAILY
        row.last_sent_until = end - datetime.timedelta(days=1)
    Subscription.objects.bulk_create(rows, batch_size=1000)
    return end


def _build():
    """Build and write the digests (the delivery task is left for `_deliver`)."""
    with mock.patch("newsletter.services.digests.send_mailing_batch"):
        return run_digests(Frequency.DAILY)


def _deliver():
    sent = 0
    while True:
        batch = list(
            OutboundEmail.objects.filter(category="digest", status=EmailStatus.PENDING).order_by(
                "pk"
            )[:SEND_BATCH]
        )
        if not batch:
            return sent
        sent += OUTBOX.deliver_many(batch)[0]


def _reset(end):
    OutboundEmail.objects.filter(category="digest").delete()
    Subscription.objects.filter(subscriber__email__endswith="@bench.example.org").update(
        last_sent_until=end - datetime.timedelta(days=1)
    )


@override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend")
def measure(count=None):
    """{"subscribers", "digests", "build_s", "deliver_s", "build_peak_mb", "deliver_peak_mb"}: wall time
    without tracing, then peak Python memory (tracemalloc) on a second identical run."""
    count = count or int(os.environ.get("BENCH_SUBSCRIBERS", "5000"))
    end = _prepare(count)
    started = time.perf_counter()
    report = _build()
    build_s = time.perf_counter() - started
    started = time.perf_counter()
    delivered = _deliver()
    deliver_s = time.perf_counter() - started

    _reset(end)
    tracemalloc.start()
    _build()
    build_peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.reset_peak()
    _deliver()
    deliver_peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    Subscriber.objects.filter(email__endswith="@bench.example.org").delete()
    OutboundEmail.objects.filter(category="digest").delete()
    return {
        "subscribers": count,
        "digests": report["sent"],
        "empty": report["empty"],
        "delivered": delivered,
        "build_s": round(build_s, 1),
        "deliver_s": round(deliver_s, 1),
        "digests_per_s": round(report["sent"] / (build_s + deliver_s)) if report["sent"] else 0,
        "build_peak_mb": round(build_peak / 2**20, 1),
        "deliver_peak_mb": round(deliver_peak / 2**20, 1),
        "email_backend": "dummy (no SMTP round trip)",
        "database": settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1],
    }


def print_report(row):
    print(
        f"\nnewsletter bulk send: {row['subscribers']} subscribers, {row['digests']} digests "
        f"({row['empty']} empty), built and written in {row['build_s']} s "
        f"(peak {row['build_peak_mb']} MB), delivered in {row['deliver_s']} s "
        f"(peak {row['deliver_peak_mb']} MB), {row['digests_per_s']} digests/s"
    )
