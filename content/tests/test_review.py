import datetime

import pytest
from django.utils import timezone

from content.factories import ArticlePageFactory, DossierPageFactory, ResourcePageFactory
from content.models import ResourceKind
from content.services import overdue_for_review


def months_ago(n):
    return timezone.localdate() - datetime.timedelta(days=31 * n)


@pytest.fixture
def content(dossier_index, resource_index):
    old = DossierPageFactory(
        parent=dossier_index, title="Ancien dossier", last_verified=months_ago(30)
    )
    stale = DossierPageFactory(
        parent=dossier_index, title="Dossier périmé", last_verified=months_ago(14)
    )
    fresh = DossierPageFactory(
        parent=dossier_index, title="Dossier à jour", last_verified=months_ago(2)
    )
    article = ArticlePageFactory(parent=fresh, title="Article périmé", last_verified=months_ago(20))
    legal = ResourcePageFactory(
        parent=resource_index,
        title="Texte périmé",
        kind=ResourceKind.TEXTE_JURIDIQUE,
        last_verified=months_ago(16),
    )
    press = ResourcePageFactory(
        parent=resource_index,
        title="Article de presse ancien",
        kind=ResourceKind.PRESSE,
        last_verified=months_ago(40),
    )
    return {
        "old": old,
        "stale": stale,
        "fresh": fresh,
        "article": article,
        "legal": legal,
        "press": press,
    }


def test_overdue_list_holds_legal_content_oldest_first(content):
    titles = [page.title for page in overdue_for_review()]
    assert titles == ["Ancien dossier", "Article périmé", "Texte périmé", "Dossier périmé"]


def test_a_longer_interval_takes_content_off_the_list(content):
    stale = content["stale"]
    stale.review_interval_months = 24
    stale.save()
    assert "Dossier périmé" not in [page.title for page in overdue_for_review()]


def test_committee_sees_the_admin_list_and_dashboard_panel(client, content, editor):
    client.force_login(editor)
    response = client.get("/admin/a-reviser/")
    assert response.status_code == 200
    body = response.content.decode()
    assert body.index("Ancien dossier") < body.index("Dossier périmé")
    assert "Article de presse ancien" not in body
    assert "Dossier à jour" not in body
    dashboard = client.get("/admin/").content.decode()
    assert "Contenus à réviser" in dashboard and "Ancien dossier" in dashboard


def test_contributor_cannot_open_the_review_list(client, content, contributor):
    client.force_login(contributor)
    response = client.get("/admin/a-reviser/", follow=True)
    assert response.redirect_chain and response.redirect_chain[0][1] == 302
    assert "Ancien dossier" not in response.content.decode()
    assert "Contenus à réviser" not in client.get("/admin/").content.decode()


def test_public_page_shows_verification_date(client, content):
    fresh = content["fresh"]
    response = client.get(fresh.url)
    assert "Vérifié le" in response.content.decode()
    assert fresh.last_verified.isoformat() in response.content.decode()


def test_weekly_reminder_emails_each_committee_member_the_overdue_list(
    content, editor, contributor, django_user_model
):
    from io import StringIO

    from django.contrib.auth.models import Group
    from django.core import mail
    from django.core.management import call_command

    from core.roles import EDITORS

    second = django_user_model.objects.create_user("comite2", email="comite2@example.org")
    second.groups.add(Group.objects.get(name=EDITORS))
    out = StringIO()
    call_command("content_review_reminders", stdout=out)
    assert "4 page(s) overdue" in out.getvalue() and "2 of 2" in out.getvalue()
    assert sorted(m.to[0] for m in mail.outbox) == ["comite2@example.org", "comite@example.org"]
    message = mail.outbox[0]
    assert message.subject == "Portail MNA – 4 contenus à réviser"
    assert len(message.to) == 1 and not message.cc and not message.bcc
    assert "Ancien dossier" in message.body and "Dossier à jour" not in message.body
    assert f"http://testserver/admin/pages/{content['old'].pk}/edit/" in message.body
    assert "http://testserver/admin/a-reviser/" in message.body
    assert "contrib@example.org" not in message.body


def test_no_reminder_when_nothing_is_overdue(dossier_index, editor):
    from django.core import mail

    from content.tasks import review_reminders

    DossierPageFactory(parent=dossier_index, title="Dossier à jour", last_verified=months_ago(1))
    assert review_reminders.call() == {"pages": 0, "sent": 0, "recipients": 1}
    assert mail.outbox == []
