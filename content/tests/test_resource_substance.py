"""A resource is never published empty: it needs a body, a file or a link to its source."""

import pytest

from content.factories import ResourcePageFactory
from content.tests.test_workflow import edit_post_data

EMPTY_BODY = '{"blocks": [], "entityMap": {}}'
BODY = (
    '{"blocks": [{"key": "a", "text": "Ce que dit le rapport.", "type": "unstyled", "depth": 0, '
    '"inlineStyleRanges": [], "entityRanges": []}], "entityMap": {}}'
)


@pytest.fixture
def resource(resource_index):
    page = ResourcePageFactory(
        parent=resource_index, title="Rapport sans contenu", live=False, body=""
    )
    page.save_revision()
    return page


def post(client, page, action, **fields):
    values = {
        "kind": "rapport",
        "date": "2024-05-01",
        "summary": "Un résumé.",
        "body": EMPTY_BODY,
        "source_url": "",
        "document": "",
    }
    data = edit_post_data(page, **{**values, **fields})
    for name in ("key_points-count", "body-count", "introduction"):
        data.pop(name)
    data.update({"themes": [], "departements": [], "tags": "", action: action.split("-")[1]})
    return client.post(f"/admin/pages/{page.pk}/edit/", data)


def test_an_empty_resource_cannot_be_published(admin_client, resource):
    response = post(admin_client, resource, "action-publish")
    assert response.status_code == 200
    assert "doit avoir un contenu, un document joint ou un lien vers sa source" in (
        response.content.decode()
    )
    resource.refresh_from_db()
    assert not resource.live


def test_an_empty_resource_can_be_kept_as_a_draft(admin_client, resource):
    response = post(admin_client, resource, "action-save", title="Brouillon")
    assert response.status_code == 302
    resource.refresh_from_db()
    assert resource.get_latest_revision_as_object().title == "Brouillon"
    assert not resource.live


@pytest.mark.parametrize(
    "fields", [{"body": BODY}, {"source_url": "https://www.defenseurdesdroits.fr/rapport"}]
)
def test_a_resource_with_a_body_or_a_source_is_published(admin_client, resource, fields):
    response = post(admin_client, resource, "action-publish", **fields)
    assert response.status_code == 302
    resource.refresh_from_db()
    assert resource.live
