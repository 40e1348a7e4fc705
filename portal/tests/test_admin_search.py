"""Every snippet listing in the admin can be searched, on SQLite as on PostgreSQL."""

import pytest
from django.urls import reverse
from wagtail.snippets.models import get_snippet_models

from agenda.factories import EventFactory
from content.factories import GlossaryEntryFactory
from directory.factories import ActorFactory, ServiceFactory
from taxonomy.factories import ThemeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def indexed_rows():
    return [
        ActorFactory(name="France terre d'asile", city="Montreuil"),
        EventFactory(title="Formation à l'accueil", city="Lyon"),
        GlossaryEntryFactory(term="ZZACC", expansion="accueil de test"),
        ThemeFactory(name="Accès aux droits"),
        ServiceFactory(name="Hébergement"),
    ]


@pytest.mark.parametrize("model", get_snippet_models(), ids=lambda model: model._meta.label_lower)
def test_searching_a_snippet_listing_never_fails(admin_client, indexed_rows, model):
    url = reverse(model.snippet_viewset.get_url_name("list"))
    response = admin_client.get(url, {"q": "france accueil"})
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("query", "expected"),
    [("terre d", "France terre d&#x27;asile"), ("montreuil", "France terre d&#x27;asile")],
)
def test_actors_are_found_by_part_of_their_name_or_their_city(
    admin_client, indexed_rows, query, expected
):
    response = admin_client.get(reverse("wagtailsnippets_directory_actor:list"), {"q": query})
    assert expected in response.content.decode()
