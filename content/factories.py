import datetime

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from .models import ArticlePage, DossierPage, GlossaryEntry, ResourceKind, ResourcePage


class GlossaryEntryFactory(DjangoModelFactory):
    class Meta:
        model = GlossaryEntry

    term = factory.Sequence(lambda n: f"SIGLE{n}")
    expansion = factory.Faker("sentence", nb_words=4, locale="fr_FR")
    definition = factory.Faker("paragraph", locale="fr_FR")


class DossierPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = DossierPage

    title = factory.Sequence(lambda n: f"Dossier {n}")
    introduction = factory.LazyFunction(lambda: "<p>Introduction du dossier.</p>")
    last_verified = factory.LazyFunction(datetime.date.today)


class ArticlePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ArticlePage

    title = factory.Sequence(lambda n: f"Article {n}")
    introduction = factory.Faker("sentence", locale="fr_FR")
    body = factory.LazyFunction(lambda: [("paragraph", "<p>Contenu de l'article.</p>")])


class ResourcePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ResourcePage

    title = factory.Sequence(lambda n: f"Ressource {n}")
    kind = ResourceKind.RAPPORT
    date = factory.LazyFunction(lambda: datetime.date(2024, 5, 1))
    summary = factory.Faker("paragraph", locale="fr_FR")
