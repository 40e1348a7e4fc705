"""Digests from a known data set: the content of each section, nothing unpublished or private, matching by
theme, département and saved search (new results only), idempotent, empty digest not sent."""

import datetime

import pytest
from django.core import mail
from wagtail.models import PageViewRestriction

from agenda.factories import EventFactory
from content.factories import DossierPageFactory, ResourcePageFactory
from content.models import ResourceKind
from directory.factories import ActorFactory
from newsletter.models import OutboundEmail, Subscription
from newsletter.services import digests
from newsletter.services.digests import period_end
from taxonomy.factories import ThemeFactory

HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>'


@pytest.fixture
def data_set(db, commit, home, dossier_index, resource_index, theme, departement):
    """What was published yesterday (and before), for subscribers confirmed two days ago."""
    end = period_end("daily")
    yesterday = end - datetime.timedelta(hours=12)
    other = ThemeFactory(name="Scolarité", slug="scolarite")
    with commit():
        guide = ResourcePageFactory(
            parent=resource_index,
            title=f"Guide santé {HOSTILE}",
            kind=ResourceKind.GUIDE,
            summary="Accès aux soins des jeunes apprentis.",
            themes=[theme],
            departements=[departement],
        )
        report = ResourcePageFactory(
            parent=resource_index, title="Rapport apprentissage", themes=[other]
        )
        old = ResourcePageFactory(
            parent=resource_index, title="Ancienne ressource santé", themes=[theme]
        )
        private = ResourcePageFactory(
            parent=resource_index, title="Ressource privée santé", themes=[theme]
        )
        draft = ResourcePageFactory(
            parent=resource_index, title="Brouillon santé", themes=[theme], live=False
        )
        dossier = DossierPageFactory(parent=dossier_index, title="Dossier santé", themes=[theme])
        event = EventFactory(title="Journée santé", themes=[theme])
        actor = ActorFactory(name="Association du 93", departements=["93"])
        PageViewRestriction.objects.create(page=private, restriction_type="login")
    for page in (guide, report, private, draft, dossier):
        type(page).objects.filter(pk=page.pk).update(
            first_published_at=yesterday, last_published_at=yesterday
        )
    type(old).objects.filter(pk=old.pk).update(
        first_published_at=end - datetime.timedelta(days=3),
        last_published_at=end - datetime.timedelta(days=3),
    )
    for obj in (event, actor):
        type(obj).objects.filter(pk=obj.pk).update(
            first_published_at=yesterday, last_published_at=yesterday
        )
    return {"end": end, "other": other}


def subscribe(confirmed, email, end, **choices):
    subscriber = confirmed(email, frequency="daily", **choices)
    Subscription.objects.filter(subscriber=subscriber).update(
        last_sent_until=end - datetime.timedelta(days=2)
    )
    return subscriber


@pytest.fixture
def run_digests(commit):
    """The scheduled command's work, its deliveries run as after a real commit."""

    def run(frequency):
        with commit():
            return digests.run_digests(frequency)

    return run


def digest_to(email):
    [message] = [m for m in mail.outbox if m.to == [email]]
    return message


def test_each_subscription_gets_its_sections(confirmed, data_set, run_digests, theme, departement):
    end = data_set["end"]
    subscribe(confirmed, "theme@example.org", end, themes=[theme.pk])
    subscribe(confirmed, "dep@example.org", end, departements=[departement.pk])
    subscribe(confirmed, "tout@example.org", end, newsletter=True)
    subscribe(confirmed, "rien@example.org", end, themes=[data_set["other"].pk])
    Subscription.objects.filter(subscriber__email="rien@example.org").update(
        last_sent_until=end - datetime.timedelta(hours=1)
    )
    mail.outbox.clear()
    report = run_digests("daily")
    assert (report["subscribers"], report["sent"], report["empty"]) == (4, 3, 1)

    text = digest_to("theme@example.org").body
    assert "== Dossiers mis à jour ==" in text and "Dossier santé" in text
    assert "== Nouvelles ressources ==" in text and "-- Guide pratique --" in text
    assert "Accès aux soins des jeunes apprentis." in text
    assert "== Agenda ==" in text and "Journée santé" in text
    for absent in (
        "Ancienne ressource",
        "privée",
        "Brouillon",
        "Rapport apprentissage",
        "Association du 93",
    ):
        assert absent not in text
    assert (
        "http://testserver/ressources/guide-sante" in text
    )  # absolute links from PORTAL_PUBLIC_URL

    dep = digest_to("dep@example.org").body
    assert "Association du 93" in dep and "Guide santé" in dep and "Journée santé" not in dep
    everything = digest_to("tout@example.org").body
    assert "Rapport apprentissage" in everything and "Brouillon" not in everything
    assert not [m for m in mail.outbox if m.to == ["rien@example.org"]]  # empty: not sent


def test_hostile_titles_are_inert_in_the_html(confirmed, data_set, run_digests, theme):
    subscribe(confirmed, "theme@example.org", data_set["end"], themes=[theme.pk])
    mail.outbox.clear()
    run_digests("daily")
    html = digest_to("theme@example.org").alternatives[0][0]
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html


def test_running_twice_sends_once(confirmed, data_set, run_digests, theme):
    subscribe(confirmed, "theme@example.org", data_set["end"], themes=[theme.pk])
    mail.outbox.clear()
    run_digests("daily")
    run_digests("daily")
    assert len(mail.outbox) == 1
    Subscription.objects.update(last_sent_until=data_set["end"] - datetime.timedelta(days=2))
    run_digests("daily")  # even with the marker lost, the period's key stops a second send
    assert len(mail.outbox) == 1
    assert OutboundEmail.objects.filter(category="digest").count() == 1


def test_saved_search_alert_holds_only_new_results(confirmed, data_set, run_digests):
    subscribe(
        confirmed,
        "recherche@example.org",
        data_set["end"],
        search={"query": "apprentissage", "filters": {}},
    )
    mail.outbox.clear()
    run_digests("daily")
    text = digest_to("recherche@example.org").body
    assert "Rapport apprentissage" in text
    assert "Recherche : « apprentissage »" in text
    assert "Dossier santé" not in text


def test_immediate_alerts_follow_their_marker(confirmed, data_set, run_digests, theme):
    subscriber = confirmed("vite@example.org", themes=[theme.pk], frequency="immediate")
    mail.outbox.clear()
    assert run_digests("immediate")["sent"] == 0  # nothing published since the confirmation
    Subscription.objects.filter(subscriber=subscriber).update(
        last_sent_until=data_set["end"] - datetime.timedelta(days=1)
    )
    assert run_digests("immediate")["sent"] == 1
    assert run_digests("immediate")["sent"] == 0
    assert len(mail.outbox) == 1


def test_the_scheduled_command_sends_what_is_due(confirmed, data_set, theme, commit, settings):
    from io import StringIO

    from django.core.management import call_command

    subscribe(confirmed, "theme@example.org", data_set["end"], themes=[theme.pk])
    mail.outbox.clear()
    settings.NEWSLETTER_DIGEST_HOUR = 24  # before the hour: immediate alerts only
    out = StringIO()
    with commit():
        call_command("newsletter_send_digests", stdout=out)
    assert "immediate:" in out.getvalue() and "daily:" not in out.getvalue() and not mail.outbox
    settings.NEWSLETTER_DIGEST_HOUR = 0
    with commit():
        call_command("newsletter_send_digests", stdout=out)
    assert "daily: 1 subscriber(s), 1 digest(s) queued" in out.getvalue()
    assert len(mail.outbox) == 1
