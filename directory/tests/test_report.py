"""« Signaler une erreur »: the public's reports reach the committee and change nothing on their own."""

import datetime
import io
import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from directory.factories import ActorFactory, ActorReportFactory
from directory.models import ActorReport
from directory.views import REPORTS_PER_HOUR

pytestmark = pytest.mark.django_db


@pytest.fixture
def actor(db):
    return ActorFactory(name="Droit de Grandir", phone="01 11 11 11 11", departements=["93"])


def post(client, actor, ip="10.0.0.1", **data):
    payload = {
        "message": "Le numéro de téléphone a changé : 01 22 22 22 22.",
        "reporter_name": "",
        "reporter_email": "",
        "website": "",
    }
    payload.update(data)
    return client.post(f"/annuaire/{actor.slug}/", payload, REMOTE_ADDR=ip)


def test_a_report_is_stored_and_the_actor_is_unchanged(client, actor):
    response = post(client, actor, reporter_name="Camille", reporter_email="camille@example.org")
    assert response.status_code == 302
    assert response["Location"] == f"/annuaire/{actor.slug}/#signalement-envoye"
    report = ActorReport.objects.get()
    assert report.actor == actor
    assert report.reporter_email == "camille@example.org"
    assert not report.handled
    actor.refresh_from_db()
    assert actor.phone == "01 11 11 11 11"
    assert not actor.has_unpublished_changes
    page = client.get(response["Location"]).content.decode()
    # the confirmation is in the report section, where the reporter is, and takes the focus there
    section = page[page.index('<section aria-labelledby="signaler"') :]
    assert re.search(
        r'<p class="message message--success" id="signalement-envoye" role="status" tabindex="-1" '
        r"data-focus-on-load>Merci, votre signalement a été transmis",
        section,
    )
    assert page.count("Merci, votre signalement a été transmis") == 1  # not at the top too


def test_honeypot_stores_nothing(client, actor):
    response = post(client, actor, website="http://spam.example")
    assert response.status_code == 302
    assert ActorReport.objects.count() == 0


def test_errors_keep_what_was_typed_and_are_linked_to_fields(client, actor):
    response = post(
        client, actor, message="", reporter_name="Dominique", reporter_email="pas-un-courriel"
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert ActorReport.objects.count() == 0
    assert 'value="Dominique"' in html
    assert 'value="pas-un-courriel"' in html
    assert 'aria-describedby="id_message-help id_message-error"' in html
    assert 'id="id_message-error"' in html
    assert 'aria-invalid="true"' in html
    assert 'href="#id_reporter_email"' in html
    assert "Saisissez une adresse de courriel valide." in html


def test_rate_limit_refuses_and_keeps_the_input(client, actor):
    for _ in range(REPORTS_PER_HOUR):
        assert post(client, actor).status_code == 302
    response = post(client, actor, message="Encore une erreur sur la fiche")
    assert response.status_code == 429
    assert "Trop de signalements" in response.content.decode()
    assert "Encore une erreur sur la fiche" in response.content.decode()
    assert ActorReport.objects.count() == REPORTS_PER_HOUR
    # Another address is not affected.
    assert post(client, actor, ip="10.0.0.2").status_code == 302


def test_reporter_data_is_never_shown_publicly(client, actor):
    ActorReportFactory(
        actor=actor,
        reporter_name="Camille Martin",
        reporter_email="camille@example.org",
        message="Adresse fausse",
    )
    for url in [
        f"/annuaire/{actor.slug}/",
        "/annuaire/",
        "/annuaire/departements/93/",
        "/annuaire/export.csv",
        "/annuaire/export.json",
    ]:
        response = client.get(url)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        text = body.decode("utf-8")
        assert "camille@example.org" not in text
        assert "Camille Martin" not in text
        assert "Adresse fausse" not in text


def test_committee_sees_reports_and_marks_them_handled(client, actor, editor):
    report = ActorReportFactory(actor=actor, message="Le site internet ne répond plus")
    client.force_login(editor)
    listing = client.get("/admin/snippets/directory/actorreport/")
    assert listing.status_code == 200
    html = listing.content.decode()
    assert "Le site internet ne répond plus" in html
    assert reverse("wagtailsnippets_directory_actor:edit", args=[actor.pk]) in html
    assert "Marquer comme traité" in html
    inspect = client.get(f"/admin/snippets/directory/actorreport/inspect/{report.pk}/")
    assert "camille@example.org" in inspect.content.decode()
    response = client.post(
        reverse("wagtailsnippets_directory_actorreport:mark_handled", args=[report.pk])
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.handled and report.handled_by == editor and report.handled_at


def test_contributors_cannot_read_reports(client, actor, contributor):
    report = ActorReportFactory(actor=actor)
    client.force_login(contributor)
    assert client.get("/admin/snippets/directory/actorreport/").status_code in (302, 403)
    client.post(reverse("wagtailsnippets_directory_actorreport:mark_handled", args=[report.pk]))
    report.refresh_from_db()
    assert not report.handled


def test_committee_dashboard_lists_open_reports(client, actor, editor, contributor):
    ActorReportFactory(actor=actor, message="Adresse périmée depuis le déménagement")
    ActorReportFactory(actor=actor, message="Déjà corrigé", handled=True)
    client.force_login(editor)
    html = client.get("/admin/").content.decode()
    assert "Annuaire : signalements à traiter" in html
    assert "Adresse périmée depuis le déménagement" in html
    assert "Déjà corrigé" not in html
    assert "Voir tous les signalements à traiter (1)" in html
    client.force_login(contributor)
    assert "signalements à traiter" not in client.get("/admin/").content.decode()


def _report(actor, days_ago, handled_days_ago=None, **extra):
    now = timezone.now()
    return ActorReportFactory(
        actor=actor,
        created_at=now - datetime.timedelta(days=days_ago),
        handled=handled_days_ago is not None,
        handled_at=None
        if handled_days_ago is None
        else now - datetime.timedelta(days=handled_days_ago),
        **extra,
    )


def test_reporter_identity_is_wiped_after_the_retention_period(actor, settings):
    settings.DIRECTORY_REPORT_RETENTION_MONTHS = 12
    old_handled = _report(actor, 500, handled_days_ago=400, message="Adresse fausse")
    old_open = _report(actor, 400)
    recently_handled = _report(
        actor, 500, handled_days_ago=30
    )  # kept: handled less than 12 months ago
    recent = _report(actor, 30)

    out = io.StringIO()
    call_command("directory_anonymise_reports", "--dry-run", stdout=out)
    assert "2 error report(s) would be anonymised" in out.getvalue()
    assert ActorReport.objects.filter(reporter_email="camille@example.org").count() == 4

    call_command("directory_anonymise_reports", stdout=out)
    for report in (old_handled, old_open):
        report.refresh_from_db()
        assert (report.reporter_name, report.reporter_email) == ("", "")
        assert report.anonymised_at
    assert old_handled.message == "Adresse fausse"  # what the actor's entry needs stays
    for report in (recently_handled, recent):
        report.refresh_from_db()
        assert report.reporter_email == "camille@example.org" and report.anonymised_at is None

    out = io.StringIO()
    call_command("directory_anonymise_reports", stdout=out)
    assert "0 error report(s) anonymised" in out.getvalue()


def test_report_form_says_how_long_the_identity_is_kept(client, actor, settings):
    settings.DIRECTORY_REPORT_RETENTION_MONTHS = 18
    html = client.get(f"/annuaire/{actor.slug}/").content.decode()
    assert "Ils sont effacés 18 mois après le traitement du signalement" in html
