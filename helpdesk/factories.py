import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from taxonomy.models import Departement

from . import services
from .models import (
    AgeBand,
    CannedAnswer,
    CareStatus,
    Message,
    MessageKind,
    Profession,
    Status,
    Ticket,
    Topic,
)


class TopicFactory(DjangoModelFactory):
    class Meta:
        model = Topic
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"sujet-{n}")
    name = factory.Sequence(lambda n: f"Sujet {n}")


class TicketFactory(DjangoModelFactory):
    class Meta:
        model = Ticket

    requester_name = factory.Faker("name", locale="fr_FR")
    requester_email = factory.Sequence(lambda n: f"demandeur{n}@example.org")
    requester_phone = "06 12 34 56 78"
    structure = "Association d'accueil"
    profession = Profession.TRAVAILLEUR_SOCIAL
    departement = factory.LazyFunction(lambda: Departement.objects.get(code="75"))
    topic = factory.LazyFunction(lambda: Topic.objects.get(slug="autorisation-provisoire-travail"))
    age_band = AgeBand.FROM_16
    care_status = CareStatus.ASE
    question = factory.Faker("paragraph", nb_sentences=4, locale="fr_FR")
    created_at = factory.LazyFunction(timezone.now)
    consent_at = factory.LazyAttribute(lambda o: o.created_at)
    last_activity_at = factory.LazyAttribute(lambda o: o.created_at)
    due_date = factory.LazyAttribute(lambda o: services.due_date_for(o.created_at))
    status = Status.NEW


class MessageFactory(DjangoModelFactory):
    class Meta:
        model = Message

    ticket = factory.SubFactory(TicketFactory)
    kind = MessageKind.ANSWER
    body = factory.Faker("paragraph", locale="fr_FR")


class CannedAnswerFactory(DjangoModelFactory):
    class Meta:
        model = CannedAnswer

    title = factory.Sequence(lambda n: f"Réponse type {n}")
    body = "La demande d'autorisation provisoire de travail se fait en ligne."
