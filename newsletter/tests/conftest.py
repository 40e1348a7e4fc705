import pytest

from taxonomy.factories import ThemeFactory
from taxonomy.models import Departement


@pytest.fixture
def theme(db):
    return ThemeFactory(name="Santé", slug="sante")


@pytest.fixture
def departement(db):
    return Departement.objects.get(code="93")


@pytest.fixture
def confirmed(db, commit):
    """Subscribe `email` with `choices` and confirm it (through the services, history included)."""
    from newsletter import services

    def make(email, **choices):
        with commit():
            subscriber = services.subscribe(email, choices)
        return services.confirm(subscriber)

    return make
