import factory
from factory.django import DjangoModelFactory

from .models import Message, Status, Thread


class ThreadFactory(DjangoModelFactory):
    class Meta:
        model = Thread

    subject = factory.Faker("sentence", nb_words=6, locale="fr_FR")
    approved = True


class MessageFactory(DjangoModelFactory):
    """An approved opening message (its thread approved too) unless told otherwise."""

    class Meta:
        model = Message

    thread = factory.SubFactory(ThreadFactory)
    is_opening = True
    body = factory.LazyFunction(lambda: "<p>Bonjour à toutes et à tous.</p>")
    status = Status.APPROVED
