"""Double opt-in, managing without an account, one-click unsubscribe, suspension and retention."""

import datetime
import re
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from newsletter import services
from newsletter.models import Action, Kind, OutboundEmail, Subscriber, SubscriptionEvent

pytestmark = pytest.mark.django_db


def link(message, pattern):
    return re.search(rf"https?://[^/\s]+(/abonnements/{pattern}/[^/\s]+/)", message.body).group(1)


def post_subscription(client, commit, **extra):
    data = {"email": "camille@example.org", "frequency": "daily", "consent": "on", **extra}
    with commit():
        return client.post("/abonnements/", data)


def test_the_form_page_is_never_cached(client, theme):
    response = client.get("/abonnements/")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "Santé" in response.content.decode()
    assert client.get("/abonnements/").status_code == 200


def test_the_discussion_list_says_who_receives_it(client, settings):
    settings.EXCHANGES_ARCHIVE_PUBLIC = False
    html = client.get("/abonnements/").content.decode()
    assert 'aria-describedby="id_echanges-help"' in html
    assert "Réservée aux membres du réseau" in html
    settings.EXCHANGES_ARCHIVE_PUBLIC = True
    assert "Réservée aux membres du réseau" not in client.get("/abonnements/").content.decode()


def test_nothing_is_sent_before_confirmation_then_everything_starts(client, commit, theme):
    response = post_subscription(client, commit, themes=[theme.pk], newsletter="on")
    assert (
        response.status_code == 302
        and response["Location"] == "/abonnements/verifiez-vos-courriels/"
    )
    subscriber = Subscriber.objects.get()
    assert subscriber.confirmed_at is None and not subscriber.subscriptions.exists()
    assert not services.list_recipients(Kind.NEWSLETTER).exists()
    [message] = mail.outbox
    assert message.subject == "Portail MNA : confirmez votre abonnement"
    assert "Thème : Santé (résumé quotidien)" in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    confirm = link(message, "confirmer")
    page = client.get(confirm)
    assert page.status_code == 200 and "camille@example.org" in page.content.decode()
    assert Subscriber.objects.get().confirmed_at is None  # opening the link is not confirming
    done = client.post(confirm)
    assert done.status_code == 200 and "est confirmé" in done.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.confirmed_at is not None
    assert sorted(s.label for s in subscriber.subscriptions.all()) == [
        "Lettre d'information",
        "Thème : Santé",
    ]
    assert client.post(confirm).status_code == 410  # single use
    assert [e.action for e in SubscriptionEvent.objects.filter(subscription_key=None)] == [
        Action.SIGNED_UP,
        Action.CONFIRMED,
    ]


def test_an_expired_link_is_refused(client, commit):
    post_subscription(client, commit, newsletter="on")
    confirm = link(mail.outbox[0], "confirmer")
    later = timezone.now() + datetime.timedelta(hours=73)
    with mock.patch("django.utils.timezone.now", return_value=later):
        assert client.post(confirm).status_code == 410
    assert Subscriber.objects.get().confirmed_at is None


def test_bad_input_keeps_what_was_typed(client, commit, theme):
    response = post_subscription(
        client, commit, email="pas-une-adresse", themes=[theme.pk], consent=""
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert 'value="pas-une-adresse"' in html
    assert "Cochez cette case pour vous abonner." in html
    assert 'aria-describedby="id_email-error"' in html
    assert "checked" in html  # the theme stays ticked
    assert not Subscriber.objects.exists() and not mail.outbox
    nothing = post_subscription(client, commit)
    assert "Choisissez au moins une lettre" in nothing.content.decode()


def test_an_address_already_subscribed_gains_choices_only_once_confirmed(
    client, commit, confirmed, theme
):
    subscriber = confirmed("camille@example.org", newsletter=True)
    mail.outbox.clear()
    response = post_subscription(client, commit, themes=[theme.pk])
    assert response.status_code == 302  # same answer as for a new address
    assert [s.kind for s in subscriber.subscriptions.all()] == ["newsletter"]
    assert "en plus" in mail.outbox[0].body
    client.post(link(mail.outbox[0], "confirmer"))
    assert sorted(s.kind for s in subscriber.subscriptions.all()) == ["newsletter", "theme"]


def test_manage_without_an_account(client, confirmed, theme, departement):
    subscriber = confirmed("camille@example.org", newsletter=True, themes=[theme.pk])
    url = f"/abonnements/gerer/{services.manage_token(subscriber)}/"
    page = client.get(url)
    assert page.status_code == 200 and "no-store" in page["Cache-Control"]
    response = client.post(url, {"departements": [departement.pk], "frequency": "weekly"})
    assert "Vos choix sont enregistrés" in response.content.decode()
    assert [s.label for s in subscriber.subscriptions.all()] == [
        "Département : 93 Seine-Saint-Denis"
    ]
    assert client.get(url.replace("/gerer/", "/gerer/x")).status_code == 404
    services.rotate_key(subscriber)
    assert client.get(url).status_code == 404  # revoked


def test_delete_everything_from_the_manage_page(client, confirmed):
    subscriber = confirmed("camille@example.org", newsletter=True)
    url = f"/abonnements/gerer/{services.manage_token(subscriber)}/"
    response = client.post(url, {"forget": "1"})
    assert "Vous êtes désinscrit" in response.content.decode()
    assert not Subscriber.objects.exists()


def test_one_click_unsubscribe_rfc8058(client, confirmed, commit):
    subscriber = confirmed("camille@example.org", newsletter=True, echanges=True)
    with commit():
        services.queue_bulk_email(
            services.list_recipients("newsletter"),
            "Lettre",
            "Texte",
            "<p>Texte</p>",
            category="newsletter",
        )
    message = mail.outbox[-1]
    url = message.extra_headers["List-Unsubscribe"].strip("<>")
    path = url.split("://", 1)[1].split("/", 1)[1]
    assert client.get(f"/{path}").status_code == 200 and Subscriber.objects.exists()
    response = client.post(
        f"/{path}", "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    assert not Subscriber.objects.exists()
    assert not OutboundEmail.objects.filter(to="camille@example.org").exists()
    assert client.post(f"/{path}").status_code == 200  # repeated: still fulfilled
    left = SubscriptionEvent.objects.filter(subscriber_key=subscriber.pk, action=Action.LEFT).get()
    assert left.state == "gone"


def test_bounces_and_complaints_suspend_without_deleting(confirmed):
    confirmed("camille@example.org", newsletter=True)
    out = mock.MagicMock()
    call_command("newsletter_suspend", "CAMILLE@example.org", "--reason", "bounce", stdout=out)
    subscriber = Subscriber.objects.get()
    assert subscriber.suspension_reason == "bounce" and subscriber.suspended_at
    assert not services.list_recipients("newsletter").exists()
    call_command("newsletter_suspend", "inconnu@example.org", "--reason", "complaint", stdout=out)


def test_unconfirmed_addresses_are_erased_after_seven_days(client, commit, confirmed):
    confirmed("garde@example.org", newsletter=True)
    post_subscription(client, commit, newsletter="on")
    out = mock.MagicMock()
    call_command("newsletter_erase_unconfirmed", stdout=out)
    assert Subscriber.objects.count() == 2
    with mock.patch(
        "django.utils.timezone.now", return_value=timezone.now() + datetime.timedelta(days=8)
    ):
        call_command("newsletter_erase_unconfirmed", stdout=out)
    assert list(Subscriber.objects.values_list("email", flat=True)) == ["garde@example.org"]
    assert SubscriptionEvent.objects.filter(action=Action.ERASED).count() == 1


def test_alert_for_a_search_from_the_results_page(client, commit):
    results = client.get("/recherche/", {"q": "apprentissage", "theme": "sante"}).content.decode()
    assert 'href="/abonnements/?q=apprentissage&amp;theme=sante"' in results
    form = client.get("/abonnements/?q=apprentissage&theme=sante").content.decode()
    assert "Recevoir une alerte pour cette recherche" in form and "« apprentissage »" in form
    with commit():
        client.post(
            "/abonnements/",
            {
                "email": "a@example.org",
                "recherche": "apprentissage",
                "theme": "sante",
                "keep_search": "on",
                "frequency": "weekly",
                "consent": "on",
            },
        )
    client.post(link(mail.outbox[0], "confirmer"))
    [subscription] = Subscriber.objects.get().subscriptions.all()
    assert (subscription.kind, subscription.query, subscription.filters) == (
        "search",
        "apprentissage",
        {"theme": ["sante"]},
    )


def test_hostile_input_is_inert_on_pages_and_in_emails(client, commit):
    hostile = '"><script>alert(1)</script>'
    page = client.get("/abonnements/", {"q": hostile, "kind": hostile}).content.decode()
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;" in page
    with commit():
        response = client.post(
            "/abonnements/",
            {
                "email": f"x{hostile}@example.org",
                "recherche": hostile,
                "keep_search": "on",
                "frequency": hostile,
                "consent": "on",
            },
        )
    assert (
        response.status_code == 400 and "<script>alert(1)</script>" not in response.content.decode()
    )
    with commit():
        client.post(
            "/abonnements/",
            {
                "email": "x@example.org",
                "recherche": hostile,
                "keep_search": "on",
                "frequency": "weekly",
                "consent": "on",
            },
        )
    html = mail.outbox[0].alternatives[0][0]
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html
    client.post(link(mail.outbox[0], "confirmer"))
    subscriber = Subscriber.objects.get()
    manage = client.get(f"/abonnements/gerer/{services.manage_token(subscriber)}/").content.decode()
    assert "<script>alert(1)</script>" not in manage and "&lt;script&gt;" in manage
