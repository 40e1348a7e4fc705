import datetime

import factory
from factory.django import DjangoModelFactory

from taxonomy.models import Departement, Theme

from .models import Actor, ActorKind, ActorReport, Service


class ServiceFactory(DjangoModelFactory):
    class Meta:
        model = Service
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"service-{n}")
    name = factory.Sequence(lambda n: f"Service {n}")


class ActorFactory(DjangoModelFactory):
    """A live actor. Pass `departements=["93", ...]` (codes), `services=[...]` and `themes=[...]` (slugs or objects)."""

    class Meta:
        model = Actor
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Association d'accompagnement {n}")
    slug = factory.Sequence(lambda n: f"acteur-{n}")
    kind = ActorKind.ASSOCIATION
    city = "Bobigny"
    postcode = "93000"
    address = factory.Sequence(lambda n: f"{n} rue de la République")
    phone = "01 23 45 67 89"
    email = factory.Sequence(lambda n: f"contact{n}@acteur.example.org")
    website = factory.Sequence(lambda n: f"https://acteur{n}.example.org/")
    description = factory.Faker("sentence", nb_words=12, locale="fr_FR")
    last_verified = factory.LazyFunction(lambda: datetime.date(2026, 6, 1))
    live = True

    @factory.post_generation
    def departements(self, create, extracted, **kwargs):
        if create and extracted:
            self.departements.set(
                [
                    d if isinstance(d, Departement) else Departement.objects.get(code=d)
                    for d in extracted
                ]
            )
            self.save()

    @factory.post_generation
    def services(self, create, extracted, **kwargs):
        if create and extracted:
            self.services.set(
                [s if isinstance(s, Service) else Service.objects.get(slug=s) for s in extracted]
            )
            self.save()

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if create and extracted:
            self.themes.set(
                [t if isinstance(t, Theme) else Theme.objects.get(slug=t) for t in extracted]
            )
            self.save()


class ActorReportFactory(DjangoModelFactory):
    class Meta:
        model = ActorReport

    actor = factory.SubFactory(ActorFactory)
    message = "Le numéro de téléphone a changé."
    reporter_name = "Camille Martin"
    reporter_email = "camille@example.org"
