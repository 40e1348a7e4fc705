"""Events from `demo/data/events.yaml`, dated relative to the day of the load so that « à venir » is never
empty. Idempotent: events are keyed by slug, sessions and documents by their position, so a re-run updates
them in place, each session keeps its iCalendar UID, and only a new event is published with a revision."""

import datetime

from django.utils import timezone

from agenda.models import (
    PARIS,
    Event,
    EventDocument,
    EventFormat,
    EventKind,
    EventSession,
    EventStatus,
)
from content.models import ResourceKind, ResourcePage
from directory.models import Actor
from taxonomy.models import Departement, Theme

from . import read_yaml

VISIO = "https://visio.portail-mna.fr/"
STATUS_NOTES = {
    EventStatus.CANCELLED: "Annulé faute d'un nombre suffisant d'inscrits.",
    EventStatus.POSTPONED: "Reporté à une date ultérieure, qui sera annoncée ici.",
}


def events():
    return read_yaml("events.yaml")


def load(home=None, stdout=None):
    data = events()
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    departements = {d.code: d for d in Departement.objects.all()}
    actor = Actor.objects.filter(live=True).order_by("pk").first()
    proceedings = ResourcePage.objects.live().filter(kind=ResourceKind.ACTES).order_by("pk").first()
    today = timezone.localdate()
    created = 0
    for position, spec in enumerate(data["events"]):
        slug, kind, fmt = spec["slug"], spec["kind"], spec["format"]
        venue = data["venues"][spec["venue"]] if "venue" in spec else {}
        by_actor = actor is not None and position % 4 == 0
        fields = {
            "title": spec["title"],
            "kind": kind,
            "format": fmt,
            "status": spec["status"],
            "status_note": STATUS_NOTES.get(spec["status"], ""),
            "summary": spec["summary"],
            "description": f"<p>{spec['summary']}</p><p>Ouvert aux professionnels et bénévoles du réseau.</p>",
            "venue_name": venue.get("venue_name", ""),
            "address": venue.get("address", ""),
            "postcode": venue.get("postcode", ""),
            "city": venue.get("city", ""),
            "departement": departements.get(venue.get("departement")),
            "access": "Métro et tramway à proximité. Salle accessible en fauteuil roulant."
            if venue
            else "",
            "online_url": f"{VISIO}{slug}" if fmt != EventFormat.ON_SITE else "",
            "is_free": kind != EventKind.FORMATION,
            "price": "120 € la journée, prise en charge possible au titre de la formation continue"
            if kind == EventKind.FORMATION
            else "",
            "registration_url": f"https://www.portail-mna.fr/inscription/{slug}",
            "registration_contact": "agenda@portail-mna.fr",
            "organiser_actor": actor if by_actor else None,
            "organiser_name": "" if by_actor else "Centre de ressources MNA",
        }
        event, was_created = Event.objects.update_or_create(slug=slug, defaults=fields)
        event.themes.set([themes[s] for s in spec["themes"] if s in themes])
        for order, session in enumerate(spec["sessions"]):
            EventSession.objects.update_or_create(
                event=event, sort_order=order, defaults=_session(today, session)
            )
        EventSession.objects.filter(event=event, sort_order__gte=len(spec["sessions"])).delete()
        documents = spec.get("documents", [])
        for order, document in enumerate(documents):
            values = {
                "kind": document["kind"],
                "title": document["title"],
                "resource": None,
                "link": document.get("link", ""),
            }
            if document.get("proceedings_resource"):
                values.update(
                    resource=proceedings,
                    link="" if proceedings else "https://www.portail-mna.fr/documents/actes.pdf",
                )
            EventDocument.objects.update_or_create(event=event, sort_order=order, defaults=values)
        EventDocument.objects.filter(event=event, sort_order__gte=len(documents)).delete()
        if was_created:
            created += 1
            event.save_revision().publish()
    return f"{len(data['events'])} événements ({created} créés)"


def _session(today, spec):
    day = today + datetime.timedelta(days=spec["days_from_today"])
    if "all_day_days" in spec:
        end = day + datetime.timedelta(days=spec["all_day_days"])
        return {
            "all_day": True,
            "start": datetime.datetime.combine(day, datetime.time(0), PARIS),
            "end": datetime.datetime.combine(end, datetime.time(0), PARIS),
        }
    return {"all_day": False, "start": _at(day, spec["start"]), "end": _at(day, spec["end"])}


def _at(day, hhmm):
    hour, minute = map(int, hhmm.split(":"))
    return datetime.datetime.combine(day, datetime.time(hour, minute), PARIS)
