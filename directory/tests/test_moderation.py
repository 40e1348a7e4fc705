"""Actors go through the committee's workflow: contributors submit, the committee approves and publishes."""

import pytest
from django.contrib.contenttypes.models import ContentType
from wagtail.models import WorkflowContentType, WorkflowState

from directory.factories import ActorFactory
from directory.models import Actor, Service
from taxonomy.models import Departement

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/snippets/directory/actor/add/"


def form_data(**extra):
    data = {
        "name": "Nouvelle association du 93",
        "slug": "nouvelle-association-du-93",
        "kind": "association",
        "description": "Accompagnement juridique.",
        "departements": [str(Departement.objects.get(code="93").pk)],
        "services": [str(Service.objects.get(slug="acces-aux-droits").pk)],
        "address": "1 rue de Paris",
        "postcode": "93100",
        "city": "Montreuil",
        "phone": "01 00 00 00 00",
        "email": "contact@nouvelle.example.org",
        "website": "https://nouvelle.example.org/",
        "last_verified": "2026-11-01",
        "external_id": "",
    }
    data.update(extra)
    return data


def test_actors_use_the_committee_workflow():
    workflow = WorkflowContentType.objects.get(
        content_type=ContentType.objects.get_for_model(Actor)
    ).workflow
    assert workflow.name == "Validation par le comité de rédaction"
    assert Actor().get_workflow() == workflow


def test_group_permissions(contributor, editor, jurist):
    assert contributor.has_perms(["directory.add_actor", "directory.change_actor"])
    assert not contributor.has_perm("directory.publish_actor")
    assert not contributor.has_perm("directory.view_actorreport")
    assert editor.has_perms(
        [
            "directory.publish_actor",
            "directory.delete_actor",
            "directory.add_service",
            "directory.change_actorreport",
        ]
    )
    assert not jurist.has_perm("directory.change_actor")


def test_contributor_submission_waits_and_approval_publishes(client, contributor, editor):
    client.force_login(contributor)
    response = client.post(ADD_URL, form_data(**{"action-submit": "submit"}))
    assert response.status_code == 302, response.content.decode()[:3000]
    actor = Actor.objects.get(slug="nouvelle-association-du-93")
    assert not actor.live
    assert client.get("/annuaire/nouvelle-association-du-93/").status_code == 404
    state = WorkflowState.objects.get(
        base_content_type=ContentType.objects.get_for_model(Actor), object_id=str(actor.pk)
    )
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    task_state = state.current_task_state
    task = task_state.task.specific
    assert task.get_actions(actor, contributor) == []
    assert "approve" in [action[0] for action in task.get_actions(actor, editor)]

    task.on_action(task_state, editor, "approve")
    actor.refresh_from_db()
    assert actor.live
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    page = client.get("/annuaire/nouvelle-association-du-93/")
    assert page.status_code == 200
    assert "Accès aux droits" in page.content.decode()


def test_contributor_correction_leaves_the_live_entry_until_approved(client, contributor, editor):
    actor = ActorFactory(
        name="Droit de Grandir",
        slug="droit-de-grandir",
        departements=["93"],
        phone="01 11 11 11 11",
    )
    actor.record_live_revision()
    client.force_login(contributor)
    response = client.post(
        f"/admin/snippets/directory/actor/edit/{actor.pk}/",
        form_data(
            name="Droit de Grandir",
            slug="droit-de-grandir",
            phone="01 99 99 99 99",
            **{"action-submit": "submit"},
        ),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    actor.refresh_from_db()
    assert actor.phone == "01 11 11 11 11"
    assert actor.has_unpublished_changes
    assert "01 11 11 11 11" in client.get("/annuaire/droit-de-grandir/").content.decode()

    state = actor.current_workflow_state
    state.current_task_state.task.specific.on_action(state.current_task_state, editor, "approve")
    actor.refresh_from_db()
    assert actor.phone == "01 99 99 99 99"
    assert "01 99 99 99 99" in client.get("/annuaire/droit-de-grandir/").content.decode()


def test_contributor_cannot_publish(client, contributor):
    client.force_login(contributor)
    client.post(ADD_URL, form_data(**{"action-publish": "publish"}))
    actor = Actor.objects.filter(slug="nouvelle-association-du-93").first()
    assert actor is None or not actor.live


def test_editor_publishes_directly(client, editor):
    client.force_login(editor)
    response = client.post(ADD_URL, form_data(**{"action-publish": "publish"}))
    assert response.status_code == 302
    assert Actor.objects.get(slug="nouvelle-association-du-93").live


def test_admin_listing_forms_and_services(client, editor, contributor):
    actor = ActorFactory(name="Association listée")
    client.force_login(editor)
    assert "Association listée" in client.get("/admin/snippets/directory/actor/").content.decode()
    assert client.get(f"/admin/snippets/directory/actor/edit/{actor.pk}/").status_code == 200
    assert "Mise à l&#x27;abri" in client.get("/admin/snippets/directory/service/").content.decode()
    client.force_login(contributor)
    form = client.get(ADD_URL)
    assert form.status_code == 200
    assert "Départements couverts" in form.content.decode()
    # The services list is the committee's.
    assert client.get("/admin/snippets/directory/service/").status_code == 302
