"""Expert sheets drawn from tickets: rewritten in the helpdesk, checked, approved into a page draft
submitted to the committee; erased and anonymised with the ticket while unpublished."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import Page, PageLogEntry, Revision, WorkflowState
from wagtail.search.models import IndexEntry

from content.models import ResourcePage
from helpdesk import services
from helpdesk.factories import MessageFactory, TicketFactory
from helpdesk.models import FaqSheet, MessageKind

GOOD = {
    "title": "Demander une autorisation provisoire de travail",
    "question": "Un jeune confié à l'ASE a trouvé un apprentissage : comment obtenir l'APT ?",
    "answer": "La demande se fait en ligne (article L. 5221-5 du code du travail, CE n° 436485).",
}


@pytest.fixture
def answered(db, resource_index, jurist):
    ticket = TicketFactory(
        requester_name="Camille Martin",
        question="Amadou, né le 03/04/2009 (AGDREF 7501234567), écrit à amadou@example.org.",
    )
    services.answer(ticket, "Il faut demander l'APT. Appelez-moi au 06 11 22 33 44.", jurist)
    return ticket


def url(ticket):
    return f"/admin/permanence/{ticket.pk}/fiche/"


def test_identifying_details_lists_what_a_jurist_must_remove():
    text = (
        "Camille MARTIN signale le jeune né le 03/04/2009 (AGDREF 7501234567, ASE 2009-04-03), "
        "joignable au 06 12 34 56 78 ou x@example.org ; voir CE 12 juin 2020 n° 436485, "
        "art. L. 313-11, décret n° 2016-840."
    )
    found = services.identifying_details(text, names=["Camille Martin"])
    assert found == [
        ("courriel", "x@example.org"),
        ("téléphone", "06 12 34 56 78"),
        ("date", "03/04/2009"),
        ("date", "2009-04-03"),
        ("numéro", "7501234567"),
        ("nom", "Camille MARTIN"),
    ]
    assert services.identifying_details("Mme Martin a appelé.", names=["Camille Martin"]) == [
        ("nom", "Martin")
    ]
    assert services.identifying_details(GOOD["answer"], names=["Camille Martin"]) == []


def test_sheet_is_prefilled_scrubbed_saved_in_the_helpdesk_and_audited(client, jurist, answered):
    client.force_login(jurist)
    pages_before = Page.objects.count()
    html = client.get(url(answered)).content.decode()
    assert "Avant d'approuver : anonymisez" in html
    assert "Question-réponse : Autorisation provisoire de travail (APT)" in html
    assert "amadou@example.org" not in html and "[courriel supprimé]" in html
    assert "Il faut demander l&#x27;APT." in html and "06 11 22 33 44" not in html

    response = client.post(url(answered), {**GOOD, "action": "save"})
    assert response.status_code == 302
    sheet = FaqSheet.objects.get(ticket=answered)
    assert (sheet.title, sheet.created_by, sheet.page) == (GOOD["title"], jurist, None)
    client.post(url(answered), {**GOOD, "answer": "Autre texte.", "action": "save"})
    sheet.refresh_from_db()
    assert sheet.answer == "Autre texte."
    assert Page.objects.count() == pages_before  # nothing outside the helpdesk
    actions = set(answered.audit_entries.values_list("action", flat=True))
    assert {"faq_sheet_viewed", "faq_sheet_created", "faq_sheet_edited"} <= actions


def test_sheet_needs_an_answer_and_a_live_ticket(client, jurist, ticket):
    client.force_login(jurist)
    response = client.get(url(ticket))
    assert response["Location"] == f"/admin/permanence/{ticket.pk}/"
    assert not FaqSheet.objects.exists()


def test_approval_refused_while_identifiers_remain_and_nothing_is_lost(client, jurist, answered):
    client.force_login(jurist)
    text = {**GOOD, "question": "Camille Martin demande pour un jeune né le 03/04/2009."}
    response = client.post(url(answered), {**text, "action": "approve"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "La fiche contient encore des éléments identifiants" in html
    assert "date « 03/04/2009 »" in html and "nom « Camille Martin »" in html
    assert "né le 03/04/2009." in html  # the text is shown again
    sheet = FaqSheet.objects.get(ticket=answered)
    assert sheet.question == text["question"] and sheet.page is None
    assert not ResourcePage.objects.filter(kind="fiche-expert").exists()
    refused = answered.audit_entries.get(action="faq_sheet_refused")
    assert "03/04/2009" not in refused.detail and "Martin" not in refused.detail


def test_approval_submits_a_draft_to_the_committee_the_jurist_can_open(client, jurist, answered):
    client.force_login(jurist)
    response = client.post(url(answered), {**GOOD, "action": "approve"})
    assert response["Location"] == f"/admin/permanence/{answered.pk}/"
    sheet = FaqSheet.objects.get(ticket=answered)
    page = sheet.page.specific
    assert (page.kind, page.live, page.owner, page.title) == (
        "fiche-expert",
        False,
        jurist,
        GOOD["title"],
    )
    assert "CE n° 436485" in page.body and "amadou" not in page.body
    assert list(page.themes.all()) == [answered.topic.theme]
    state = WorkflowState.objects.get(object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "Validation par le comité de rédaction"
    assert (
        sheet.approved_by,
        answered.audit_entries.filter(action="faq_sheet_approved").count(),
    ) == (
        jurist,
        1,
    )
    # the approving jurist opens the draft (owner + the Juristes' "add" permission on the library)
    assert client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200
    assert "soumise au comité" in client.get(f"/admin/permanence/{answered.pk}/").content.decode()
    # approved: the text now lives in the page and its workflow
    again = client.post(url(answered), {**GOOD, "title": "Autre", "action": "approve"}, follow=True)
    assert "déjà soumise au comité" in again.content.decode()
    assert ResourcePage.objects.filter(kind="fiche-expert").count() == 1


def _approved_sheet(ticket, jurist):
    sheet = services.save_faq_sheet(ticket, GOOD, jurist)
    return sheet, services.approve_faq_sheet(sheet, jurist)


def _assert_page_gone(page_id):
    assert not Page.objects.filter(pk=page_id).exists()
    assert not Revision.objects.filter(object_id=str(page_id)).exists()
    assert not WorkflowState.objects.filter(object_id=str(page_id)).exists()
    assert not PageLogEntry.objects.filter(page_id=page_id).exists()
    assert not IndexEntry.objects.filter(object_id=str(page_id)).exists()


def test_erasure_deletes_the_sheet_and_its_unpublished_page(client, jurist, answered):
    _sheet, page = _approved_sheet(answered, jurist)
    assert IndexEntry.objects.filter(object_id=str(page.pk)).exists()
    assert services.erase_requester(answered.requester_email, jurist) == 1
    assert not FaqSheet.objects.exists()
    _assert_page_gone(page.pk)


def test_anonymisation_deletes_draft_sheets_and_unpublished_pages(jurist, answered):
    old = timezone.now() - datetime.timedelta(days=800)
    draft_only = TicketFactory(last_activity_at=old)
    MessageFactory(ticket=draft_only, kind=MessageKind.ANSWER)
    services.save_faq_sheet(draft_only, GOOD, jurist)
    _sheet, page = _approved_sheet(answered, jurist)
    type(answered).objects.filter(pk=answered.pk).update(last_activity_at=old)
    assert services.anonymise_expired()["tickets"] == 2
    assert not FaqSheet.objects.exists()
    _assert_page_gone(page.pk)


def test_published_page_is_the_committees_text_and_stays(jurist, editor, answered):
    _sheet, page = _approved_sheet(answered, jurist)
    task_state = WorkflowState.objects.get(object_id=str(page.pk)).current_task_state
    task_state.task.specific.on_action(task_state, editor, "approve")
    page.refresh_from_db()
    assert page.live
    services.erase_requester(answered.requester_email, jurist)
    assert ResourcePage.objects.filter(pk=page.pk, live=True).exists()
    assert not FaqSheet.objects.exists()
