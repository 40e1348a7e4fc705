"""Every agenda page costs the same number of queries with 10 or 200 events."""

import datetime
import uuid

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from agenda.models import (
    Event,
    EventDocument,
    EventFormat,
    EventKind,
    EventSession,
    EventStatus,
    refresh_last_end,
)
from directory.models import Actor
from taxonomy.models import Departement, Theme

pytestmark = pytest.mark.django_db


def add_events(start_index, count):
    """Bulk-create `count` events, half past and half upcoming, each with two sessions, two themes and a
    document; an organiser actor on every third one."""
    themes = list(Theme.objects.all())
    departements = list(Departement.objects.all()[:20])
    actor, _ = Actor.objects.get_or_create(
        slug="organisateur", defaults={"name": "Organisateur", "kind": "association"}
    )
    now = timezone.now()
    kinds, formats, statuses = EventKind.values, EventFormat.values, EventStatus.values
    events = Event.objects.bulk_create(
        Event(
            title=f"Événement {n}",
            slug=f"evenement-{n}",
            kind=kinds[n % len(kinds)],
            format=formats[n % len(formats)],
            status=statuses[n % len(statuses)],
            summary="Résumé.",
            city="Paris",
            online_url="https://visio.example.org/",
            departement=departements[n % len(departements)],
            organiser_actor=actor if n % 3 == 0 else None,
            organiser_name="" if n % 3 == 0 else "Réseau",
            live=True,
        )
        for n in range(start_index, start_index + count)
    )
    sessions, documents, links = [], [], []
    for offset, event in enumerate(events):
        base = now + datetime.timedelta(
            days=(offset % 20) + 1 if offset % 2 else -((offset % 20) + 1)
        )
        for order in range(2):
            start = base + datetime.timedelta(hours=order * 3)
            sessions.append(
                EventSession(
                    event=event,
                    sort_order=order,
                    start=start,
                    end=start + datetime.timedelta(hours=2),
                    uid=uuid.uuid4(),
                )
            )
        documents.append(
            EventDocument(event=event, title="Actes", link="https://example.org/actes.pdf")
        )
        links += [
            Event.themes.through(event_id=event.pk, theme_id=themes[offset % len(themes)].pk),
            Event.themes.through(event_id=event.pk, theme_id=themes[(offset + 1) % len(themes)].pk),
        ]
    EventSession.objects.bulk_create(sessions)
    # bulk_create skips the sessions' save(), which keeps the archives' sort key
    refresh_last_end(Event.objects.filter(pk__in=[event.pk for event in events]))
    EventDocument.objects.bulk_create(documents)
    Event.themes.through.objects.bulk_create(links)


def urls():
    month = timezone.localdate() + datetime.timedelta(days=10)
    return [
        "/agenda/",
        "/agenda/?kind=formation&theme=asile&format=hybride&departement=01",
        f"/agenda/mois/{month:%Y-%m}/",
        "/agenda/archives/",
        "/agenda/evenement-0/",
        "/agenda/evenement-0.ics",
        "/agenda.ics",
        "/agenda.ics?kind=formation",
        "/",
    ]


def count_queries(client):
    cache.clear()  # the calendar feeds are cached: measure what building them costs
    counts = {}
    client.get("/agenda/")  # the first request of a test also fills the site and settings caches
    for url in urls():
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, url
        counts[url] = len(queries)
    # The archives list the past events: a count over an empty list would prove nothing.
    assert "Événement" in client.get("/agenda/archives/").content.decode()
    return counts


def test_query_counts_do_not_grow_with_the_number_of_events(client, home):
    add_events(0, 10)
    small = count_queries(client)
    add_events(10, 190)
    assert Event.objects.count() == 200
    large = count_queries(client)
    assert large == small
    # And they stay small: no page needs more than a dozen queries.
    assert max(count for url, count in large.items() if url != "/") <= 12, large
