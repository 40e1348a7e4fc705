import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from .models import Frequency, Kind, Subscriber, Subscription


class SubscriberFactory(DjangoModelFactory):
    class Meta:
        model = Subscriber

    email = factory.Sequence(lambda n: f"abonne{n}@example.org")


class ConfirmedSubscriberFactory(SubscriberFactory):
    confirmed_at = factory.LazyFunction(timezone.now)


class SubscriptionFactory(DjangoModelFactory):
    class Meta:
        model = Subscription

    subscriber = factory.SubFactory(ConfirmedSubscriberFactory)
    kind = Kind.NEWSLETTER
    frequency = Frequency.WEEKLY
