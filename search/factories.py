"""Factories for the search app: indexable documents without a model behind them."""

import datetime

import factory

from .indexables import SearchDocument


class SearchDocumentFactory(factory.Factory):
    """A document as a backend receives it, without any page behind it (backend and benchmark tests)."""

    class Meta:
        model = SearchDocument

    key = factory.Sequence(lambda n: f"test.item:{n}")
    kind = "ressource"
    title = factory.Sequence(lambda n: f"Document {n}")
    url = factory.LazyAttribute(lambda o: f"/ressources/{o.key.split(':')[1]}/")
    date = factory.LazyFunction(lambda: datetime.date(2024, 5, 1))
    summary = factory.Faker("sentence", locale="fr_FR")
    body = factory.Faker("paragraph", locale="fr_FR")
    themes = factory.LazyFunction(list)
    departements = factory.LazyFunction(list)
    suggest = factory.LazyFunction(list)
