"""iCalendar (RFC 5545) feeds: one VEVENT per session, with the session's stable UUID as UID."""

import datetime
import uuid

import icalendar
from django.http import HttpResponse
from django.utils import timezone

from core.public_url import public_url

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
    feed_uid = uuid.uuid5(uuid.NAMESPACE_URL, public_url(request.get_full_path()))
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
    url = public_url(event.get_absolute_url())
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


def calendar_response(body, filename):
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
