"""Events follow the committee's workflow: contributors submit, the committee approves and publishes."""

import pytest
from wagtail.models import WorkflowState

from agenda.factories import EventFactory, EventSessionFactory
from agenda.models import Event

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(contributor):
    event = EventFactory(title="Proposition de séminaire", slug="proposition", live=False)
    EventSessionFactory(event=event)
    event.save_revision(user=contributor)
    return event


def test_roles_have_the_expected_event_permissions(contributor, editor, jurist):
    assert contributor.has_perm("agenda.add_event") and contributor.has_perm("agenda.change_event")
    assert not contributor.has_perm("agenda.publish_event")
    assert editor.has_perm("agenda.publish_event") and editor.has_perm("agenda.delete_event")
    assert not jurist.has_perm("agenda.change_event")


def test_events_use_the_committee_workflow(draft):
    assert draft.get_workflow().name == "Validation par le comité de rédaction"


def test_contributor_submits_and_the_committee_approves(client, draft, contributor, editor):
    client.force_login(contributor)
    assert client.get("/admin/snippets/agenda/event/add/").status_code == 200
    state = draft.get_workflow().start(draft, contributor)
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    task_state = state.current_task_state
    task = task_state.task.specific
    assert task.groups.filter(name="Comité de rédaction").exists()
    assert task.get_actions(draft, contributor) == []
    assert "approve" in [action[0] for action in task.get_actions(draft, editor)]
    assert client.get("/agenda/proposition/").status_code == 404

    task.on_action(task_state, editor, "approve")
    draft.refresh_from_db()
    assert draft.live
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED
    assert client.get("/agenda/proposition/").status_code == 200


def test_contributor_submission_through_the_admin(client, contributor):
    client.force_login(contributor)
    data = {
        "title": "Journée d'étude proposée",
        "slug": "journee-proposee",
        "kind": "journee-etude",
        "format": "sur-place",
        "status": "programme",
        "summary": "Une journée proposée par un membre.",
        "description": '{"blocks": [{"key": "a", "text": "Programme à venir.", "type": "unstyled", '
        '"depth": 0, "inlineStyleRanges": [], "entityRanges": []}], "entityMap": {}}',
        "city": "Nantes",
        "is_free": "on",
        "sessions-TOTAL_FORMS": "1",
        "sessions-INITIAL_FORMS": "0",
        "sessions-MIN_NUM_FORMS": "1",
        "sessions-MAX_NUM_FORMS": "1000",
        "sessions-0-start": "2030-05-12 09:30",
        "sessions-0-end": "2030-05-12 17:00",
        "sessions-0-venue_note": "",
        "sessions-0-ORDER": "1",
        "sessions-0-DELETE": "",
        "documents-TOTAL_FORMS": "0",
        "documents-INITIAL_FORMS": "0",
        "documents-MIN_NUM_FORMS": "0",
        "documents-MAX_NUM_FORMS": "1000",
        "action-submit": "submit",
    }
    response = client.post("/admin/snippets/agenda/event/add/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    event = Event.objects.get(slug="journee-proposee")
    assert not event.live
    assert event.sessions.count() == 1
    state = WorkflowState.objects.get(base_content_type__model="event", object_id=str(event.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS


def test_contributor_cannot_publish_through_the_admin(client, contributor, draft):
    client.force_login(contributor)
    response = client.post(
        f"/admin/snippets/agenda/event/edit/{draft.pk}/", {"action-publish": "publish"}
    )
    draft.refresh_from_db()
    assert response.status_code in (200, 302, 403)
    assert not draft.live
