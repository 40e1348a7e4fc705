import datetime

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from .models import Event, EventDocument, EventFormat, EventKind, EventSession, EventStatus


class EventFactory(DjangoModelFactory):
    """A published, on-site event; add sessions with EventSessionFactory (or `sessions__...`)."""

    class Meta:
        model = Event
        django_get_or_create = ("slug",)

    title = factory.Sequence(lambda n: f"Événement {n}")
    slug = factory.Sequence(lambda n: f"evenement-{n}")
    kind = EventKind.FORMATION
    format = EventFormat.ON_SITE
    status = EventStatus.SCHEDULED
    summary = factory.Faker("sentence", nb_words=12, locale="fr_FR")
    venue_name = "Maison des associations"
    address = "12 rue de la Paix"
    postcode = "75002"
    city = "Paris"
    live = True

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create and extracted:
            self.themes.set(extracted)


def _in_days(days, hour=9):
    local = timezone.localtime() + datetime.timedelta(days=days)
    return local.replace(hour=hour, minute=30, second=0, microsecond=0)


class EventSessionFactory(DjangoModelFactory):
    class Meta:
        model = EventSession

    event = factory.SubFactory(EventFactory)
    start = factory.LazyFunction(lambda: _in_days(10))
    end = factory.LazyAttribute(
        lambda session: session.start + datetime.timedelta(hours=7, minutes=30)
    )


class EventDocumentFactory(DjangoModelFactory):
    class Meta:
        model = EventDocument

    event = factory.SubFactory(EventFactory)
    title = factory.Sequence(lambda n: f"Programme {n}")
    link = "https://example.org/programme.pdf"
