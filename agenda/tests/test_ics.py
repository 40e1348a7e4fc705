"""iCalendar feeds, read back with the icalendar package as a calendar application would."""

import datetime
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.utils import timezone

from agenda.factories import EventSessionFactory
from agenda.models import EventFormat, EventKind, EventStatus
from taxonomy.models import Departement

from .conftest import paris

pytestmark = pytest.mark.django_db


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def vevents(calendar):
    return list(calendar.walk("VEVENT"))


def test_event_feed_has_one_vevent_per_session_with_stable_uids(client, make_event):
    event = make_event(
        title="Cycle de formation",
        slug="cycle",
        start=paris(2030, 3, 26, 9, 30),
        end=paris(2030, 3, 26, 17),
    )
    # The second session falls after the switch to summer time (31 March 2030).
    second = EventSessionFactory(
        event=event, start=paris(2030, 4, 2, 9, 30), end=paris(2030, 4, 2, 12)
    )
    calendar = parse(client.get("/agenda/cycle.ics"))
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Paris"]
    first, last = vevents(calendar)
    sessions = list(event.sessions.order_by("start"))
    assert str(first["UID"]) == str(sessions[0].uid)
    assert str(last["UID"]) == str(second.uid)
    start = first.decoded("DTSTART")
    assert first["DTSTART"].params["TZID"] == "Europe/Paris"
    assert start.replace(tzinfo=None) == datetime.datetime(2030, 3, 26, 9, 30)
    assert start.utcoffset() == datetime.timedelta(hours=1)
    assert last.decoded("DTSTART").utcoffset() == datetime.timedelta(hours=2)
    assert last.decoded("DTEND").astimezone(ZoneInfo("UTC")) == datetime.datetime(
        2030, 4, 2, 10, 0, tzinfo=ZoneInfo("UTC")
    )
    assert "DTSTAMP" in first
    assert str(first["STATUS"]) == "CONFIRMED"
    assert str(first["URL"]) == "http://testserver/agenda/cycle/"
    assert "Maison des associations" in str(first["LOCATION"])
    # The UID is the database's, not derived from the URL: a second download gives the same.
    again = vevents(parse(client.get("/agenda/cycle.ics")))
    assert [str(v["UID"]) for v in again] == [str(first["UID"]), str(last["UID"])]


def test_cancelled_event_is_cancelled_in_calendars(client, make_event):
    make_event(title="Colloque", slug="colloque", status=EventStatus.CANCELLED)
    (vevent,) = vevents(parse(client.get("/agenda/colloque.ics")))
    assert str(vevent["STATUS"]) == "CANCELLED"
    assert str(vevent["SUMMARY"]).startswith("ANNULÉ")
    (in_feed,) = vevents(parse(client.get("/agenda.ics")))
    assert str(in_feed["STATUS"]) == "CANCELLED"


def test_all_day_sessions_are_date_values(client, make_event):
    make_event(slug="journees", start=paris(2030, 12, 8), end=paris(2030, 12, 9, 18), all_day=True)
    (vevent,) = vevents(parse(client.get("/agenda/journees.ics")))
    assert vevent.decoded("DTSTART") == datetime.date(2030, 12, 8)
    assert vevent.decoded("DTEND") == datetime.date(2030, 12, 10)  # exclusive, per RFC 5545
    assert vevent["DTSTART"].params.get("VALUE") == "DATE"


def test_online_events_carry_their_link(client, make_event):
    make_event(
        slug="webinaire",
        format=EventFormat.ONLINE,
        online_url="https://visio.example.org/w",
        city="",
    )
    (vevent,) = vevents(parse(client.get("/agenda/webinaire.ics")))
    assert str(vevent["LOCATION"]) == "https://visio.example.org/w"
    assert "https://visio.example.org/w" in str(vevent["DESCRIPTION"])
    assert str(vevent["CONFERENCE"]) == "https://visio.example.org/w"


def test_site_feed_lists_upcoming_sessions_with_the_page_filters(client, make_event):
    make_event(
        title="Formation Lyon",
        slug="fl",
        kind=EventKind.FORMATION,
        departement=Departement.objects.get(code="69"),
    )
    make_event(
        title="Formation Paris",
        slug="fp",
        kind=EventKind.FORMATION,
        departement=Departement.objects.get(code="75"),
    )
    make_event(
        title="Webinaire",
        slug="wb",
        kind=EventKind.WEBINAIRE,
        format=EventFormat.ONLINE,
        online_url="https://v.example.org",
    )
    make_event(title="Passé", slug="passe", start=paris(2024, 1, 9, 9), end=paris(2024, 1, 9, 12))

    def summaries(query):
        return sorted(str(v["SUMMARY"]) for v in vevents(parse(client.get(f"/agenda.ics{query}"))))

    assert summaries("") == ["Formation Lyon", "Formation Paris", "Webinaire"]
    assert summaries("?kind=formation&departement=69") == ["Formation Lyon"]
    assert summaries("?kind=formation&kind=inconnu") == ["Formation Lyon", "Formation Paris"]
    assert client.get("/agenda/introuvable.ics").status_code == 404


def summaries(response):
    return sorted(str(v["SUMMARY"]) for v in vevents(parse(response)))


def test_the_feed_holds_upcoming_sessions_and_the_last_months_only(client, make_event):
    now = timezone.now()
    make_event(title="À venir", start=now + datetime.timedelta(days=400))
    make_event(
        title="Il y a un mois",
        start=now - datetime.timedelta(days=31),
        end=now - datetime.timedelta(days=30),
    )
    make_event(
        title="Il y a un an",
        start=now - datetime.timedelta(days=366),
        end=now - datetime.timedelta(days=365),
    )
    assert summaries(client.get("/agenda.ics")) == ["Il y a un mois", "À venir"]


def test_a_polling_calendar_gets_304_until_an_event_is_published(
    client, make_event, django_capture_on_commit_callbacks
):
    make_event(title="Formation")
    first = client.get("/agenda.ics")
    assert first["Cache-Control"] == "public, max-age=300"
    again = client.get("/agenda.ics", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and again.content == b""
    since = client.get("/agenda.ics", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304
    with django_capture_on_commit_callbacks(execute=True):
        event = make_event(title="Colloque", live=False)
        event.save_revision().publish()
    changed = client.get("/agenda.ics", HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200
    assert summaries(changed) == ["Colloque", "Formation"]
