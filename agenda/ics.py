"""iCalendar (RFC 5545) feeds: one VEVENT per session, with the session's stable UUID as UID."""

import datetime
import hashlib
import uuid

import icalendar
from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.http import http_date

from core import freshness

from .models import EventFormat, EventStatus

PRODID = "-//Portail MNA//Agenda//FR"
TZID = "Europe/Paris"
ICS_STATUS = {
    EventStatus.SCHEDULED: "CONFIRMED",
    EventStatus.CANCELLED: "CANCELLED",
    # RFC 5545 has no "postponed": the date shown is no longer certain.
    EventStatus.POSTPONED: "TENTATIVE",
}


def build_calendar(sessions, request, name="Agenda du Portail MNA"):
    """Bytes of a VCALENDAR holding `sessions` (with their events loaded)."""
    sessions = list(sessions)
    # A stable calendar UID per feed URL, so clients recognise a subscription they already have.
    feed_uid = uuid.uuid5(uuid.NAMESPACE_URL, request.build_absolute_uri())
    calendar = icalendar.Calendar.new(prodid=PRODID, name=name, method="PUBLISH", uid=feed_uid)
    calendar.add("x-wr-timezone", TZID)
    # VTIMEZONE for Europe/Paris from the tz database, covering only the years the feed spans (with the
    # default 1970–2038 range every feed would carry some 130 transition dates).
    today = timezone.localdate()
    years = [session.first_day.year for session in sessions] or [today.year]
    calendar.add_component(
        icalendar.Timezone.from_tzid(
            TZID,
            first_date=datetime.date(min(years) - 1, 1, 1),
            last_date=datetime.date(max(years) + 2, 1, 1),
        )
    )
    stamp = timezone.now().astimezone(datetime.UTC)
    for session in sessions:
        calendar.add_component(_vevent(session, request, stamp))
    return calendar.to_ical()


def _vevent(session, request, stamp):
    event = session.event
    vevent = icalendar.Event()
    vevent.add("uid", str(session.uid))
    vevent.add("dtstamp", stamp)
    if session.all_day:
        vevent.add("dtstart", session.first_day)
        vevent.add("dtend", session.last_day + datetime.timedelta(days=1))
    else:
        vevent.add("dtstart", session.local_start)
        vevent.add("dtend", session.local_end)
    prefix = {EventStatus.CANCELLED: "ANNULÉ – ", EventStatus.POSTPONED: "REPORTÉ – "}.get(
        event.status, ""
    )
    vevent.add("summary", prefix + event.title)
    vevent.add("status", ICS_STATUS[event.status])
    url = request.build_absolute_uri(event.get_absolute_url())
    vevent.add("url", url)
    description = [event.summary]
    if event.organiser:
        description.append(f"Organisé par {event.organiser}")
    if session.venue_note:
        description.append(session.venue_note)
    if event.status_note:
        description.append(event.status_note)
    if event.is_online and event.online_url:
        description.append(f"Lien de connexion : {event.online_url}")
        vevent.add("conference", event.online_url, parameters={"VALUE": "URI"})
    description.append(url)
    vevent.add("description", "\n\n".join(description))
    location = event.location_text
    if event.format == EventFormat.ONLINE and event.online_url:
        location = event.online_url
    if location:
        vevent.add("location", location)
    if event.organiser_actor_id and event.organiser_actor.email:
        vevent.add(
            "organizer", f"mailto:{event.organiser_actor.email}", parameters={"CN": event.organiser}
        )
    vevent.add("categories", [event.get_kind_display()])
    if event.last_published_at:
        vevent.add("last-modified", event.last_published_at.astimezone(datetime.UTC))
    return vevent


def feed_response(request, build, filename):
    """The calendar `build()` makes, cached per URL until published content changes (or for
    AGENDA_FEED_CACHE_SECONDS), with an ETag and a Last-Modified so that a polling client that already
    has it gets a 304 without a body."""
    url = hashlib.sha256(request.get_full_path().encode()).hexdigest()[:32]
    key = f"agenda:ics:{freshness.version()}:{timezone.localdate():%Y%m%d}:{url}"
    cached = cache.get(key)
    if cached is None:
        body = build()
        cached = (
            body,
            f'"{hashlib.sha256(body).hexdigest()[:32]}"',
            int(timezone.now().timestamp()),
        )
        cache.set(key, cached, settings.AGENDA_FEED_CACHE_SECONDS)
    body, etag, modified = cached
    response = get_conditional_response(request, etag=etag, last_modified=modified)
    if response is None:
        response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
        response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["ETag"] = etag
    response["Last-Modified"] = http_date(modified)
    response["Cache-Control"] = f"public, max-age={settings.AGENDA_FEED_MAX_AGE}"
    return response
