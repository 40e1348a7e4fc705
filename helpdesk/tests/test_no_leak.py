"""No helpdesk text is readable by a non-jurist anywhere in the admin.

A unique marker is planted in a ticket's question, its answer and internal note, a canned answer, a topic
and a sheet draft, all made through the jurists' own screens (so that every log entry the admin writes
exists); then the contributor and the committee member crawl the admin and never meet it.
"""

import json

import pytest
from wagtail.models import Page, PageLogEntry, Revision
from wagtail.search.models import IndexEntry

from content.factories import DossierPageFactory
from helpdesk.factories import TicketFactory
from helpdesk.models import CannedAnswer, FaqSheet, Topic
from taxonomy.models import Theme

# Searches ask for the first word; the second, never typed in a query, must never come back.
MARKER = "Zorglub Kwyjibo"
QUERY, SECRET = MARKER.split()

CLEAN_SHEET = {
    "title": "Obtenir une autorisation provisoire de travail",
    "question": "Comment obtenir une autorisation provisoire de travail ?",
    "answer": "La demande se fait en ligne.",
}


@pytest.fixture
def planted(client, dossier_index, resource_index, jurist):
    """Everything a jurist writes, with the marker, through the admin; one sheet approved without it."""
    dossier = DossierPageFactory(parent=dossier_index, title="Travailler avant 18 ans")
    theme = Theme.objects.first()
    client.force_login(jurist)
    assert (
        client.post(
            "/admin/snippets/helpdesk/topic/add/",
            {"name": f"Sujet {MARKER}", "slug": "sujet-zorglub", "theme": theme.pk, "position": 5},
        ).status_code
        == 302
    )
    assert (
        client.post(
            "/admin/snippets/helpdesk/cannedanswer/add/",
            {"title": f"Réponse {MARKER}", "body": f"Texte {MARKER}"},
        ).status_code
        == 302
    )
    CannedAnswer.objects.get().pages.set([dossier])
    topic = Topic.objects.get(slug="sujet-zorglub")
    ticket = TicketFactory(topic=topic, question=f"Question {MARKER} sur un jeune.")
    base = f"/admin/permanence/{ticket.pk}"
    client.post(f"{base}/answer/", {"body": f"Réponse {MARKER}."})
    client.post(f"{base}/note/", {"body": f"Note {MARKER}."})
    client.post(f"{base}/dossiers/", {"dossiers": [dossier.pk]})
    sheet = {
        "title": f"Fiche {MARKER}",
        "question": f"Question {MARKER}",
        "answer": f"Réponse {MARKER}",
    }
    assert client.post(f"{base}/fiche/", {**sheet, "action": "save"}).status_code == 302
    # another ticket's sheet, rewritten without the marker and approved: in the committee's queue
    other = TicketFactory(question=f"Autre question {MARKER}.")
    client.post(f"/admin/permanence/{other.pk}/answer/", {"body": f"Autre réponse {MARKER}."})
    client.post(f"/admin/permanence/{other.pk}/fiche/", {**CLEAN_SHEET, "action": "approve"})
    client.logout()
    approved = FaqSheet.objects.get(ticket=other).page
    assert approved is not None
    return {"dossier": dossier, "theme": theme, "topic": topic, "approved": approved}


def admin_urls(planted):
    canned = CannedAnswer.objects.get()
    page = planted["approved"]
    return [
        "/admin/",
        "/admin/pages/",
        f"/admin/pages/{page.get_parent().pk}/",
        f"/admin/pages/{planted['dossier'].get_parent().pk}/",
        f"/admin/pages/search/?q={QUERY}",
        f"/admin/pages/search/results/?q={QUERY}",
        "/admin/pages/search/?q=Question",
        f"/admin/pages/{page.pk}/edit/",
        f"/admin/pages/{page.pk}/history/",
        f"/admin/pages/{page.pk}/workflow_history/",
        f"/admin/pages/{page.pk}/revisions/compare/earliest...latest/",
        f"/admin/pages/{planted['dossier'].pk}/usage/",
        f"/admin/pages/{planted['dossier'].pk}/history/",
        "/admin/snippets/",
        f"/admin/snippets/helpdesk/cannedanswer/?q={QUERY}",
        f"/admin/snippets/helpdesk/cannedanswer/results/?q={QUERY}",
        f"/admin/snippets/helpdesk/cannedanswer/history/{canned.pk}/",
        f"/admin/snippets/helpdesk/cannedanswer/usage/{canned.pk}/",
        f"/admin/snippets/helpdesk/topic/?q={QUERY}",
        f"/admin/snippets/helpdesk/topic/usage/{planted['topic'].pk}/",
        "/admin/snippets/choose/helpdesk/cannedanswer/",
        f"/admin/snippets/choose/helpdesk/cannedanswer/results/?q={QUERY}",
        "/admin/snippets/choose/helpdesk/topic/",
        f"/admin/snippets/choose/helpdesk/topic/results/?q={QUERY}",
        f"/admin/snippets/choose/helpdesk/topic/chosen/{planted['topic'].pk}/",
        "/admin/snippets/content/theme/",
        f"/admin/snippets/content/theme/usage/{planted['theme'].pk}/",
        f"/admin/snippets/content/theme/history/{planted['theme'].pk}/",
        "/admin/reports/site-history/",
        f"/admin/reports/site-history/results/?q={QUERY}",
        "/admin/reports/workflow/",
        "/admin/reports/workflow_tasks/",
        "/admin/reports/locked/",
        "/admin/reports/aging-pages/",
        "/admin/reports/page-types-usage/",
        "/admin/workflows/list/",
        "/admin/a-reviser/",
        f"/admin/permanence/{planted['topic'].tickets.get().pk}/fiche/",
    ]


@pytest.mark.parametrize("role", ["contributor", "editor"])
def test_no_helpdesk_text_in_the_admin_for_non_jurists(client, planted, request, role):
    client.force_login(request.getfixturevalue(role))
    opened = 0
    for url in admin_urls(planted):
        response = client.get(url, follow=True)
        body = response.content.decode()
        assert SECRET.lower() not in body.lower(), url
        opened += response.status_code == 200 and response.redirect_chain == []
    # the crawl really reads pages (explorer, search, moderation, reports), not only refusals
    assert opened >= 15


def test_no_copy_of_the_unapproved_text_outside_the_helpdesk(planted):
    assert not Page.objects.filter(title__icontains=MARKER).exists()
    assert not any(MARKER in json.dumps(r.content) for r in Revision.objects.all())
    assert not PageLogEntry.objects.filter(label__icontains=MARKER).exists()
    assert not any(MARKER in f"{e.title} {e.body}" for e in IndexEntry.objects.all())


def test_the_jurist_does_see_the_marker(client, planted, jurist):
    """The crawl would find the marker if it leaked: the jurist's own screens show it."""
    client.force_login(jurist)
    ticket = planted["topic"].tickets.get()
    assert MARKER in client.get(f"/admin/permanence/{ticket.pk}/fiche/").content.decode()
    assert MARKER in client.get("/admin/snippets/choose/helpdesk/topic/").content.decode()
    assert MARKER in client.get("/admin/reports/site-history/").content.decode()
