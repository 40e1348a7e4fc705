"""schema.org data of an event's page (JSON-LD), beside the iCalendar feeds (`ics.py`): both describe the
agenda's events for other programs."""

from core.public_url import public_url

from .models import EventFormat, EventStatus

SCHEMA_STATUS = {
    EventStatus.SCHEDULED: "https://schema.org/EventScheduled",
    EventStatus.CANCELLED: "https://schema.org/EventCancelled",
    EventStatus.POSTPONED: "https://schema.org/EventPostponed",
}
SCHEMA_ATTENDANCE = {
    EventFormat.ON_SITE: "https://schema.org/OfflineEventAttendanceMode",
    EventFormat.ONLINE: "https://schema.org/OnlineEventAttendanceMode",
    EventFormat.HYBRID: "https://schema.org/MixedEventAttendanceMode",
}


def event_schema_org(event, sessions):
    """schema.org Event objects, one per session, for the page's JSON-LD."""
    url = public_url(event.get_absolute_url())
    locations = []
    if event.has_venue:
        locations.append(
            {
                "@type": "Place",
                "name": event.venue_name or event.city,
                "address": {
                    "@type": "PostalAddress",
                    "streetAddress": event.address,
                    "postalCode": event.postcode,
                    "addressLocality": event.city,
                    "addressRegion": event.departement.name if event.departement_id else "",
                    "addressCountry": "FR",
                },
            }
        )
    if event.is_online:
        locations.append({"@type": "VirtualLocation", "url": event.online_url})
    data = []
    for session in sessions:
        item = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": event.title,
            "description": event.summary,
            "url": url,
            "startDate": session.schema_start,
            "endDate": session.schema_end,
            "eventStatus": SCHEMA_STATUS[event.status],
            "eventAttendanceMode": SCHEMA_ATTENDANCE[event.format],
            "location": locations[0] if len(locations) == 1 else locations,
            "isAccessibleForFree": event.is_free,
        }
        if event.organiser:
            organizer = {"@type": "Organization", "name": event.organiser}
            if event.organiser_actor_id and event.organiser_actor.website:
                organizer["url"] = event.organiser_actor.website
            item["organizer"] = organizer
        if event.registration_url:
            item["offers"] = {
                "@type": "Offer",
                "url": event.registration_url,
                "price": "0" if event.is_free else event.price,
                "priceCurrency": "EUR",
            }
        data.append(item)
    return data
