"""The bulk benchmark seed builds a valid, published, searchable site whose every returned URL answers."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Page, Revision

from benchmarks.seed import seed
from content.models import ResourcePage


@pytest.fixture
def seeded(db):
    return seed(0.1)


def test_seeded_pages_form_a_valid_published_tree(seeded):
    urls, counts = seeded
    assert counts["resources"] == ResourcePage.objects.live().count() == 160
    assert Page.find_problems() == ([], [], [], [], [])
    resource = ResourcePage.objects.order_by("pk").last()
    assert resource.live_revision == resource.latest_revision
    assert resource.live_revision.as_object().title == resource.title
    assert sorted(resource.themes.values_list("pk", flat=True))
    assert resource.tags.count() == 1
    assert Revision.objects.filter(object_id=str(resource.pk)).count() == 1


def test_every_seeded_url_answers_and_search_finds_the_pages(client, seeded):
    urls, counts = seeded
    jurist = get_user_model().objects.get(username="bench-juriste")
    staff = client.__class__()
    staff.force_login(jurist)
    for url in urls:
        response = (staff if url.startswith("/admin/") else client).get(url)
        assert response.status_code == 200, url
    html = client.get("/recherche/?q=ressource+de+reference+31").content.decode()
    assert "Ressource de référence n° 31" in html
    assert "Ressource de référence n° " in client.get("/ressources/").content.decode()
    assert "Dossier thématique n° 0" in client.get("/dossiers/").content.decode()
