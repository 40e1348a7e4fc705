"""Benchmark seed for the agenda: about 60 events a year over five years (four past, one ahead), with
their sessions, themes and documents, bulk-created."""

import datetime
import random
import uuid

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

RNG = random.Random(2026)
EVENTS_PER_YEAR = 60


def seed(scale, home):
    themes = list(Theme.objects.all())
    departements = list(Departement.objects.all())
    actors = list(Actor.objects.filter(live=True)[:50])
    now = timezone.now()
    count = int(EVENTS_PER_YEAR * 5 * scale)
    events = Event.objects.bulk_create(
        Event(
            title=f"{RNG.choice(EventKind.labels)} du réseau n° {n}",
            slug=f"bench-evenement-{n}",
            kind=RNG.choice(EventKind.values),
            format=(fmt := RNG.choice(EventFormat.values)),
            status=RNG.choices(EventStatus.values, weights=[90, 5, 5])[0],
            summary="Une rencontre des professionnels de l'accompagnement des mineurs non accompagnés.",
            description="<p>Programme détaillé, intervenants et modalités d'inscription.</p>",
            venue_name="" if fmt == EventFormat.ONLINE else "Maison des associations",
            city="" if fmt == EventFormat.ONLINE else "Paris",
            departement=None if fmt == EventFormat.ONLINE else RNG.choice(departements),
            online_url="" if fmt == EventFormat.ON_SITE else "https://visio.example.org/",
            organiser_actor=RNG.choice(actors) if actors and n % 2 else None,
            organiser_name="Centre de ressources MNA",
            registration_url="https://example.org/inscription",
            live=True,
        )
        for n in range(count)
    )
    sessions, documents, links = [], [], []
    for event in events:
        # Four years back to one year ahead.
        day = now + datetime.timedelta(days=RNG.randrange(-4 * 365, 365))
        for order in range(RNG.choice([1, 1, 1, 2, 3])):
            start = day + datetime.timedelta(days=7 * order)
            sessions.append(
                EventSession(
                    event=event,
                    sort_order=order,
                    start=start,
                    end=start + datetime.timedelta(hours=RNG.choice([1, 3, 7])),
                    uid=uuid.uuid4(),
                )
            )
        if day < now:
            documents.append(
                EventDocument(event=event, title="Actes", link="https://example.org/actes.pdf")
            )
        for theme in RNG.sample(themes, 2):
            links.append(Event.themes.through(event_id=event.pk, theme_id=theme.pk))
    EventSession.objects.bulk_create(sessions, batch_size=500)
    refresh_last_end(Event.objects.filter(pk__in=[event.pk for event in events]))
    EventDocument.objects.bulk_create(documents, batch_size=500)
    Event.themes.through.objects.bulk_create(links, batch_size=500)
    month = timezone.localdate() + datetime.timedelta(days=20)
    urls = [
        "/agenda/",
        "/agenda/?kind=formation&format=hybride&theme=asile",
        "/agenda/?page=3",
        f"/agenda/mois/{month:%Y-%m}/",
        "/agenda/archives/",
        "/agenda/archives/?page=5",
        events[0].get_absolute_url(),
        events[0].get_ics_url(),
        "/agenda.ics",
        "/agenda.ics?kind=formation",
    ]
    return urls, {"events": len(events), "event sessions": len(sessions)}
