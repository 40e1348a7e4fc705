"""The editorial workflow: contributors draft and submit, the committee approves or rejects."""

import pytest
from wagtail.models import WorkflowState

from content.factories import DossierPageFactory


@pytest.fixture
def draft(dossier_index, contributor):
    page = DossierPageFactory(parent=dossier_index, title="Brouillon de dossier", live=False)
    page.save_revision(user=contributor)
    return page


def edit_post_data(page, **extra):
    data = {
        "title": page.title,
        "slug": page.slug,
        "introduction": '{"blocks": [{"key": "a", "text": "Intro", "type": "unstyled", "depth": 0, "inlineStyleRanges": [], "entityRanges": []}], "entityMap": {}}',
        "key_points-count": "0",
        "body-count": "0",
        "related_resources-TOTAL_FORMS": "0",
        "related_resources-INITIAL_FORMS": "0",
        "related_resources-MIN_NUM_FORMS": "0",
        "related_resources-MAX_NUM_FORMS": "1000",
        "last_verified": "2026-01-15",
        "review_interval_months": "12",
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
    }
    data.update(extra)
    return data


def test_roles_have_the_expected_page_permissions(draft, contributor, editor, jurist):
    assert not draft.permissions_for_user(contributor).can_publish()
    assert draft.permissions_for_user(contributor).can_edit()
    assert draft.permissions_for_user(editor).can_publish()
    assert not draft.permissions_for_user(jurist).can_edit()


def test_contributor_cannot_publish_through_the_admin(client, draft, contributor):
    client.force_login(contributor)
    response = client.post(
        f"/admin/pages/{draft.pk}/edit/", edit_post_data(draft, **{"action-publish": "publish"})
    )
    assert response.status_code in (200, 302)
    draft.refresh_from_db()
    assert not draft.live


def test_contributor_submits_and_committee_approval_publishes(client, draft, contributor, editor):
    client.force_login(contributor)
    response = client.post(
        f"/admin/pages/{draft.pk}/edit/", edit_post_data(draft, **{"action-submit": "submit"})
    )
    assert response.status_code == 302
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(draft.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "Validation par le comité de rédaction"
    task_state = state.current_task_state
    assert task_state.task.specific.groups.filter(name="Comité de rédaction").exists()

    # Only the committee is offered the moderation actions.
    task = task_state.task.specific
    assert task.get_actions(draft, contributor) == []
    assert "approve" in [action[0] for action in task.get_actions(draft, editor)]
    task_state.task.specific.on_action(task_state, editor, "approve")
    draft.refresh_from_db()
    assert draft.live
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED


def test_rejection_returns_the_page_with_the_comment(draft, contributor, editor):
    state = draft.get_workflow().start(draft, contributor)
    task_state = state.current_task_state
    task_state.task.specific.on_action(
        task_state, editor, "reject", comment="Citer l'article L.221-2-4."
    )
    draft.refresh_from_db()
    state.refresh_from_db()
    assert not draft.live
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    task_state.refresh_from_db()
    assert task_state.comment == "Citer l'article L.221-2-4."


def test_publishing_is_in_the_audit_log(draft, editor):
    from wagtail.models import PageLogEntry

    draft.get_latest_revision().publish(user=editor)
    assert PageLogEntry.objects.filter(page=draft, action="wagtail.publish", user=editor).exists()
