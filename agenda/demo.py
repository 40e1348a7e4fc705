"""Demo events, dated relative to the day the command runs so that « à venir » is never empty.

Idempotent: events are keyed by slug, sessions by their position, so a re-run updates them in place and
each session keeps its iCalendar UID."""

import datetime

from django.utils import timezone

from content.models import ResourceKind, ResourcePage
from directory.models import Actor
from taxonomy.models import Departement, Theme

from .models import (
    PARIS,
    DocumentKind,
    Event,
    EventDocument,
    EventFormat,
    EventKind,
    EventSession,
    EventStatus,
)

PARIS_VENUE = {
    "venue_name": "Maison des associations",
    "address": "12 rue de la Paix",
    "postcode": "75002",
    "city": "Paris",
    "dep": "75",
}
LYON_VENUE = {
    "venue_name": "Université Lumière Lyon 2",
    "address": "86 rue Pasteur",
    "postcode": "69007",
    "city": "Lyon",
    "dep": "69",
}
MARSEILLE_VENUE = {
    "venue_name": "Cité des associations",
    "address": "93 La Canebière",
    "postcode": "13001",
    "city": "Marseille",
    "dep": "13",
}
BOBIGNY_VENUE = {
    "venue_name": "Tribunal judiciaire de Bobigny, salle des conférences",
    "address": "173 avenue Paul Vaillant-Couturier",
    "postcode": "93000",
    "city": "Bobigny",
    "dep": "93",
}
LILLE_VENUE = {
    "venue_name": "Maison de l'éducation permanente",
    "address": "1 place Georges Lyon",
    "postcode": "59000",
    "city": "Lille",
    "dep": "59",
}
BORDEAUX_VENUE = {
    "venue_name": "Athénée municipal",
    "address": "Place Saint-Christoly",
    "postcode": "33000",
    "city": "Bordeaux",
    "dep": "33",
}
VISIO = "https://visio.portail-mna.fr/"

# (slug, title, kind, format, status, themes, venue, sessions [(day offset, start "HH:MM" or None for all day,
#  end "HH:MM" or number of days for all day)], summary, documents)
EVENTS = [
    (
        "colloque-national-mna",
        "Colloque national : dix ans de protection des mineurs non accompagnés",
        EventKind.COLLOQUE,
        EventFormat.HYBRID,
        EventStatus.SCHEDULED,
        ["protection-enfance", "repartition-nationale"],
        PARIS_VENUE,
        [(24, None, 2)],
        "Deux journées pour faire le bilan de dix ans de répartition nationale et de prise en charge par les départements.",
        [],
    ),
    (
        "formation-evaluation-minorite",
        "Formation : conduire l'évaluation de la minorité et de l'isolement",
        EventKind.FORMATION,
        EventFormat.ON_SITE,
        EventStatus.SCHEDULED,
        ["evaluation-minorite"],
        LYON_VENUE,
        [(10, "09:30", "17:00"), (17, "09:30", "17:00"), (31, "09:30", "12:30")],
        "Un cycle de trois journées pour les évaluateurs : cadre légal, entretien, vérification documentaire.",
        [],
    ),
    (
        "webinaire-apt",
        "Webinaire : l'autorisation provisoire de travail des apprentis",
        EventKind.WEBINAIRE,
        EventFormat.ONLINE,
        EventStatus.SCHEDULED,
        ["travail-formation", "sejour-majorite"],
        None,
        [(3, "14:00", "15:30")],
        "Une heure et demie pour comprendre la demande d'APT et les délais en préfecture.",
        [],
    ),
    (
        "seminaire-sante-mentale",
        "Séminaire : santé mentale des jeunes exilés",
        EventKind.SEMINAIRE,
        EventFormat.ON_SITE,
        EventStatus.SCHEDULED,
        ["sante"],
        MARSEILLE_VENUE,
        [(45, "09:00", "17:30")],
        "Psychologues et éducateurs partagent leurs pratiques d'accompagnement du psychotraumatisme.",
        [],
    ),
    (
        "journee-etude-jeunes-majeurs",
        "Journée d'étude : préparer la majorité",
        EventKind.JOURNEE_ETUDE,
        EventFormat.HYBRID,
        EventStatus.SCHEDULED,
        ["jeunes-majeurs", "sejour-majorite"],
        BORDEAUX_VENUE,
        [(60, None, 1)],
        "Titre de séjour, contrat jeune majeur, missions locales : anticiper la sortie de l'ASE.",
        [],
    ),
    (
        "reunion-reseau-printemps",
        "Réunion du réseau : rencontre des membres",
        EventKind.RESEAU,
        EventFormat.ONLINE,
        EventStatus.SCHEDULED,
        [],
        None,
        [(14, "10:00", "12:00")],
        "Point d'actualité juridique et échanges entre les membres du réseau.",
        [],
    ),
    (
        "permanence-ouverte-consulats",
        "Rencontre : état civil et démarches consulaires",
        EventKind.AUTRE,
        EventFormat.ON_SITE,
        EventStatus.SCHEDULED,
        ["etat-civil"],
        LILLE_VENUE,
        [(38, "14:00", "17:00")],
        "Les démarches auprès des consulats et les jugements supplétifs, avec des avocats du réseau.",
        [],
    ),
    (
        "colloque-traite-annule",
        "Colloque : mineurs victimes de traite",
        EventKind.COLLOQUE,
        EventFormat.ON_SITE,
        EventStatus.CANCELLED,
        ["traite"],
        PARIS_VENUE,
        [(20, "09:00", "18:00")],
        "Repérer et protéger les mineurs victimes d'exploitation.",
        [],
    ),
    (
        "formation-asile-reportee",
        "Formation : la demande d'asile du mineur",
        EventKind.FORMATION,
        EventFormat.HYBRID,
        EventStatus.POSTPONED,
        ["asile", "representation-legale"],
        BOBIGNY_VENUE,
        [(28, "09:30", "16:30")],
        "L'administrateur ad hoc, l'OFPRA et la CNDA : la procédure pas à pas.",
        [],
    ),
    (
        "webinaire-scolarisation",
        "Webinaire : scolarisation et classes UPE2A",
        EventKind.WEBINAIRE,
        EventFormat.ONLINE,
        EventStatus.SCHEDULED,
        ["scolarisation"],
        None,
        [(0, "18:00", "19:30")],
        "Le droit à l'éducation des mineurs non accompagnés et l'affectation en UPE2A.",
        [],
    ),
    (
        "seminaire-recherche-mna",
        "Séminaire de recherche : parcours migratoires des mineurs",
        EventKind.SEMINAIRE,
        EventFormat.HYBRID,
        EventStatus.SCHEDULED,
        ["protection-enfance"],
        LYON_VENUE,
        [(75, "14:00", "18:00"), (103, "14:00", "18:00")],
        "Un cycle de séminaires réunissant chercheurs et praticiens.",
        [],
    ),
    # Past events, with their documents.
    (
        "colloque-2025-evaluation",
        "Colloque : l'évaluation de la minorité en question",
        EventKind.COLLOQUE,
        EventFormat.ON_SITE,
        EventStatus.SCHEDULED,
        ["evaluation-minorite", "contentieux"],
        PARIS_VENUE,
        [(-40, None, 2)],
        "Deux journées d'échanges entre magistrats, avocats et évaluateurs.",
        [
            (
                DocumentKind.PROGRAMME,
                "Programme du colloque",
                "https://www.portail-mna.fr/documents/programme-colloque.pdf",
            ),
            (DocumentKind.ACTES, "Actes du colloque", "resource"),
        ],
    ),
    (
        "formation-representation-legale",
        "Formation : tutelle et délégation d'autorité parentale",
        EventKind.FORMATION,
        EventFormat.ON_SITE,
        EventStatus.SCHEDULED,
        ["representation-legale"],
        BOBIGNY_VENUE,
        [(-20, "09:30", "17:00")],
        "Les mesures de représentation légale du mineur confié à l'ASE.",
        [
            (
                DocumentKind.SUPPORTS,
                "Supports de la formation",
                "https://www.portail-mna.fr/documents/supports-tutelle.pdf",
            )
        ],
    ),
    (
        "webinaire-financement",
        "Webinaire : le financement de l'évaluation et de la mise à l'abri",
        EventKind.WEBINAIRE,
        EventFormat.ONLINE,
        EventStatus.SCHEDULED,
        ["financement-etat", "mise-a-l-abri"],
        None,
        [(-9, "11:00", "12:00")],
        "Le décret n° 2023-1240 expliqué aux services départementaux.",
        [
            (
                DocumentKind.ENREGISTREMENT,
                "Enregistrement du webinaire",
                "https://www.portail-mna.fr/videos/webinaire-financement",
            )
        ],
    ),
    (
        "journee-etude-nationalite",
        "Journée d'étude : la déclaration de nationalité",
        EventKind.JOURNEE_ETUDE,
        EventFormat.ON_SITE,
        EventStatus.SCHEDULED,
        ["nationalite"],
        MARSEILLE_VENUE,
        [(-70, "09:00", "17:00")],
        "L'article 21-12 du Code civil et la pratique des tribunaux.",
        [
            (
                DocumentKind.ACTES,
                "Synthèse de la journée",
                "https://www.portail-mna.fr/documents/synthese-nationalite.pdf",
            )
        ],
    ),
    (
        "reunion-reseau-automne",
        "Réunion du réseau : bilan annuel",
        EventKind.RESEAU,
        EventFormat.HYBRID,
        EventStatus.SCHEDULED,
        [],
        PARIS_VENUE,
        [(-100, "14:00", "17:00")],
        "Le bilan de l'année du centre de ressources et les projets à venir.",
        [],
    ),
    (
        "seminaire-eloignement",
        "Séminaire : OQTF et jeunes majeurs",
        EventKind.SEMINAIRE,
        EventFormat.ONLINE,
        EventStatus.SCHEDULED,
        ["eloignement", "jeunes-majeurs"],
        None,
        [(-150, "09:30", "12:30")],
        "Les recours contre les mesures d'éloignement après 18 ans.",
        [],
    ),
]


def load(home, stdout):
    today = timezone.localdate()
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    departements = {d.code: d for d in Departement.objects.all()}
    actor = Actor.objects.filter(live=True).order_by("pk").first()
    proceedings = ResourcePage.objects.live().filter(kind=ResourceKind.ACTES).order_by("pk").first()
    created = 0
    for position, (
        slug,
        title,
        kind,
        fmt,
        status,
        theme_slugs,
        venue,
        sessions,
        summary,
        documents,
    ) in enumerate(EVENTS):
        venue = venue or {}
        fields = {
            "title": title,
            "kind": kind,
            "format": fmt,
            "status": status,
            "status_note": {
                EventStatus.CANCELLED: "Annulé faute d'un nombre suffisant d'inscrits.",
                EventStatus.POSTPONED: "Reporté à une date ultérieure, qui sera annoncée ici.",
            }.get(status, ""),
            "summary": summary,
            "description": f"<p>{summary}</p><p>Ouvert aux professionnels et bénévoles du réseau.</p>",
            "venue_name": venue.get("venue_name", ""),
            "address": venue.get("address", ""),
            "postcode": venue.get("postcode", ""),
            "city": venue.get("city", ""),
            "departement": departements.get(venue.get("dep")),
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
            "organiser_actor": actor if actor and position % 4 == 0 else None,
            "organiser_name": "" if actor and position % 4 == 0 else "Centre de ressources MNA",
        }
        event, was_created = Event.objects.update_or_create(slug=slug, defaults=fields)
        event.themes.set([themes[s] for s in theme_slugs if s in themes])
        for order, (offset, start, end) in enumerate(sessions):
            day = today + datetime.timedelta(days=offset)
            if start is None:
                values = {
                    "all_day": True,
                    "start": datetime.datetime.combine(day, datetime.time(0), PARIS),
                    "end": datetime.datetime.combine(
                        day + datetime.timedelta(days=end), datetime.time(0), PARIS
                    ),
                }
            else:
                values = {"all_day": False, "start": _at(day, start), "end": _at(day, end)}
            EventSession.objects.update_or_create(event=event, sort_order=order, defaults=values)
        EventSession.objects.filter(event=event, sort_order__gte=len(sessions)).delete()
        for order, (doc_kind, doc_title, link) in enumerate(documents):
            values = {"kind": doc_kind, "title": doc_title, "resource": None, "link": link}
            if link == "resource":
                values.update(
                    resource=proceedings,
                    link="" if proceedings else "https://www.portail-mna.fr/documents/actes.pdf",
                )
            EventDocument.objects.update_or_create(event=event, sort_order=order, defaults=values)
        EventDocument.objects.filter(event=event, sort_order__gte=len(documents)).delete()
        if was_created:
            created += 1
            event.save_revision().publish()
    return f"{len(EVENTS)} événements ({created} créés)"


def _at(day, hhmm):
    hour, minute = map(int, hhmm.split(":"))
    return datetime.datetime.combine(day, datetime.time(hour, minute), PARIS)
