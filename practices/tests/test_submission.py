"""Members propose sheets from the public site: a draft in the committee's workflow, never live, whatever
they type."""

import pytest
from django.conf import settings
from django.shortcuts import resolve_url
from wagtail.models import WorkflowState

from practices.models import PartnerKind, PracticeSheetPage

pytestmark = pytest.mark.django_db

URL = "/pratiques/proposer/"
GOOD = {
    "title": "Un référent unique avec la préfecture",
    "summary": "Un seul référent suit le jeune et prépare avec la préfecture sa demande de titre.",
    "departement": "35",
    "themes": ["protection-enfance", "sejour-majorite"],
    "lead_organisation": "Département d'Ille-et-Vilaine",
    "lead_kind": "departement",
    "problem": "Des demandes de titre déposées trop tard.\n\nDes jeunes sans papiers à 18 ans.",
    "objective": "Déposer chaque demande avant les 18 ans.",
    "actions": "Un rendez-vous trimestriel entre le référent et la préfecture.",
    "calendar": "Depuis septembre 2024.",
    "indicators": "",
    "results": "",
    "partenaires-TOTAL_FORMS": "4",
    "partenaires-INITIAL_FORMS": "0",
    "partenaires-MIN_NUM_FORMS": "0",
    "partenaires-MAX_NUM_FORMS": "4",
    "partenaires-0-name": "Préfecture d'Ille-et-Vilaine",
    "partenaires-0-kind": "etat",
    "partenaires-0-role": "Instruit les demandes de titre",
    "partenaires-1-name": "Mission locale de Rennes",
    "partenaires-1-kind": "mission-locale",
}


def test_a_member_s_proposal_becomes_a_draft_in_the_committee_s_workflow(client, member, home):
    client.force_login(member)
    page = client.get(URL)
    assert page.status_code == 200
    assert "no-store" in page["Cache-Control"] and "private" in page["Cache-Control"]
    response = client.post(URL, GOOD, follow=True)
    assert response.redirect_chain == [("/pratiques/proposer/merci/", 302)]
    html = response.content.decode()
    assert "transmise au comité de rédaction" in html and GOOD["title"] in html

    sheet = PracticeSheetPage.objects.get()
    assert (sheet.live, sheet.owner, sheet.title, sheet.lead_kind) == (
        False,
        member,
        GOOD["title"],
        PartnerKind.DEPARTEMENT,
    )
    assert sheet.get_parent().url == "/pratiques/"
    assert sheet.slug == "un-referent-unique-avec-la-prefecture"
    assert sheet.departement.code == "35"
    assert sorted(t.slug for t in sheet.themes.all()) == GOOD["themes"]
    assert [(p.name, p.kind, p.role) for p in sheet.partners.all()] == [
        ("Préfecture d'Ille-et-Vilaine", "etat", "Instruit les demandes de titre"),
        ("Mission locale de Rennes", "mission-locale", ""),
    ]
    assert sheet.problem == (
        "<p>Des demandes de titre déposées trop tard.</p><p>Des jeunes sans papiers à 18 ans.</p>"
    )
    assert sheet.results == ""
    assert sheet.latest_revision.user == member
    state = WorkflowState.objects.get(object_id=str(sheet.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "Validation par le comité de rédaction"
    assert state.requested_by == member
    # not public until the committee publishes it
    assert client.logout() is None
    assert client.get(f"/pratiques/{sheet.slug}/").status_code == 404
    assert GOOD["title"] not in client.get("/pratiques/").content.decode()


def test_the_committee_publishes_the_proposal(client, member, editor, home):
    client.force_login(member)
    client.post(URL, GOOD)
    sheet = PracticeSheetPage.objects.get()
    state = WorkflowState.objects.get(object_id=str(sheet.pk))
    state.current_task_state.task.specific.on_action(state.current_task_state, editor, "approve")
    sheet.refresh_from_db()
    assert sheet.live
    client.logout()
    html = client.get("/pratiques/").content.decode()
    assert GOOD["title"] in html and "1 fiche action" in html


def test_anonymous_visitors_are_sent_to_log_in(client, home):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(resolve_url(settings.LOGIN_URL))
    assert client.post(URL, GOOD).status_code == 302
    assert not PracticeSheetPage.objects.exists()


def test_users_who_are_not_members_are_refused_in_french(client, django_user_model, home):
    user = django_user_model.objects.create_user("visiteur", password="motdepasse-tres-long")
    client.force_login(user)
    response = client.get(URL)
    assert response.status_code == 403
    assert "Réservé aux membres du réseau" in response.content.decode()
    assert client.post(URL, GOOD).status_code == 403
    assert not PracticeSheetPage.objects.exists()


def test_errors_are_linked_to_their_fields_and_nothing_typed_is_lost(client, member, home):
    client.force_login(member)
    data = {
        **GOOD,
        "title": "",
        "lead_kind": "",
        "partenaires-2-name": "",
        "partenaires-2-role": "Rôle sans nom",
        "partenaires-1-kind": "",
    }
    response = client.post(URL, data)
    assert response.status_code == 400
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    assert 'href="#id_title">Titre de l&#x27;action : Ce champ est obligatoire.' in html
    assert "Choisissez le type de structure." in html
    assert "Partenaire 2, type de partenaire : Choisissez le type de ce partenaire." in html
    assert "Partenaire 3, nom du partenaire : Indiquez le nom de ce partenaire" in html
    assert 'aria-describedby="id_title-error" aria-invalid="true"' in html or (
        'aria-invalid="true" aria-describedby="id_title-error"' in html
    )
    # what was typed is still there
    assert "Des demandes de titre déposées trop tard." in html
    assert 'value="Mission locale de Rennes"' in html
    assert 'value="Rôle sans nom"' in html
    assert 'value="protection-enfance"' in html and "checked" in html
    assert not PracticeSheetPage.objects.exists()


def test_a_hostile_payload_is_inert(client, member, editor, home):
    client.force_login(member)
    hostile = '<script>alert("x")</script><img src=x onerror=alert(1)><a href="javascript:alert(1)">lien</a>'
    data = {
        **GOOD,
        "title": 'Fiche <script>alert("t")</script>',
        "problem": hostile,
        "actions": "Voir https://exemple.fr/guide et <b onmouseover=alert(1)>ceci</b>",
        "partenaires-0-name": "<img src=x onerror=alert(2)>",
        "partenaires-TOTAL_FORMS": "1000000",
        "departement": "' OR 1=1 --",
    }
    response = client.post(URL, data)
    assert response.status_code == 400  # the département is not one of the list
    assert "Sélectionnez un choix valide" in response.content.decode()
    assert "<script>alert" not in response.content.decode()
    response = client.post(URL, {**data, "departement": "", "partenaires-TOTAL_FORMS": "4"})
    assert response.status_code == 302
    sheet = PracticeSheetPage.objects.get()
    for stored in (sheet.problem, sheet.actions):
        assert "<script" not in stored and "<img" not in stored and "<b " not in stored
        assert '<a href="javascript' not in stored  # shown as text, never a link
    assert "&lt;script&gt;" in sheet.problem
    assert 'href="https://exemple.fr/guide" rel="nofollow noopener"' in sheet.actions
    sheet.save_revision(user=editor).publish()
    client.logout()
    html = client.get(sheet.url).content.decode()
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert" in html
    assert "Fiche &lt;script&gt;" in html


def test_the_library_without_a_workflow_refuses_the_proposal_and_keeps_the_text(
    client, member, home
):
    from wagtail.models import WorkflowPage

    WorkflowPage.objects.all().delete()
    client.force_login(member)
    response = client.post(URL, GOOD)
    assert response.status_code == 503
    html = response.content.decode()
    assert "n&#x27;accepte pas de proposition pour le moment" in html
    assert "Des demandes de titre déposées trop tard." in html
    assert not PracticeSheetPage.objects.exists()


def test_two_proposals_with_one_title_get_two_addresses(client, member, home):
    client.force_login(member)
    client.post(URL, GOOD)
    client.post(URL, GOOD)
    assert sorted(PracticeSheetPage.objects.values_list("slug", flat=True)) == [
        "un-referent-unique-avec-la-prefecture",
        "un-referent-unique-avec-la-prefecture-2",
    ]


def test_proposals_are_rate_limited(client, member, monkeypatch, home):
    monkeypatch.setattr("practices.views.PROPOSALS_PER_HOUR", 1)
    client.force_login(member)
    assert client.post(URL, GOOD).status_code == 302
    response = client.post(URL, GOOD)
    assert response.status_code == 429
    assert "Réessayez dans une heure" in response.content.decode()
    assert PracticeSheetPage.objects.count() == 1
