"""Two years of history for the activity report and the audience view, so that `make run` shows a full
report for the last complete year beside the year before. Dated relative to the load, deterministic,
and idempotent: content dates are set to the same values on every run, and past requests, publication
log entries and audience counters are added only once.

- content: the demo's resources, dossiers, events and actors get first publication dates spread from
  1 January two years ago to today (more of them recently, as a growing library would);
- dossiers: one in two published before it has a new version published during the last complete year;
- helpdesk: about two hundred archived requests before the demo's recent ones;
- audience: daily page view counters (per section and some content pages, per referrer category) and
  document downloads, with weekends, the summer and a growing audience.
"""

import datetime
import random

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Page, PageLogEntry

from agenda.models import Event
from content.models import DossierPage, ResourcePage
from directory.models import Actor
from helpdesk.models import AgeBand, CareStatus, Profession, Status, Ticket, Topic
from reports.models import DocumentDownloadCount, PageViewCount, ReferrerCategory
from taxonomy.models import Departement

from .helpdesk import DEMO_DOMAIN

DEMO_HISTORY = {"demo_history": True}
# Sections of the portal: their share of the visits, and how visits arrive on each (the portal's own
# pages bring the views counted as "internal"). Content pages (a few resources and dossiers) are reached
# from search engines and from the portal.
SECTIONS = {
    "/": (10, {"direct": 0.45, "search": 0.3, "site": 0.15, "email": 0.1}),
    "/ressources/": (8, {"search": 0.55, "direct": 0.2, "site": 0.15, "email": 0.1}),
    "/dossiers/": (5, {"search": 0.6, "direct": 0.4}),
    "/annuaire/": (4, {"search": 0.6, "direct": 0.4}),
    "/agenda/": (3, {"direct": 0.5, "email": 0.5}),
    "/permanence/": (3, {"search": 0.5, "direct": 0.5}),
    "/recherche/": (2, {"direct": 1.0}),
}
CONTENT = (1, {"search": 1.0})
SEASON = [1.0, 1.05, 1.1, 1.05, 1.0, 1.0, 0.8, 0.45, 1.1, 1.15, 1.1, 0.85]
# Topics, départements and professions of the archived requests, most frequent first.
TOPICS = [
    "autorisation-provisoire-travail",
    "regularisation-jeune-majeur",
    "declaration-nationalite",
    "recours-fin-prise-en-charge",
    "jugement-suppletif",
    "autre",
]
DEPARTEMENTS = ["75", "93", "13", "69", "59", "33", "31", "44", "67", "48", "2A"]


def load(home=None, stdout=None):
    today = timezone.localdate()
    start = datetime.date(today.year - 2, 1, 1)
    rng = random.Random(2024)
    dated = _date_content(start, today)
    rewritten = _rewrite_dossiers(today.year - 1)
    requests = _archived_requests(start, today, rng)
    counters = _counters(start, today, rng)
    return (
        f"{dated} contents dated since {start:%d/%m/%Y}, {rewritten} dossier updates, "
        f"{requests} archived requests, {counters} audience counters"
    )


def _moment(start, end, index, count):
    """The index-th of `count` moments from `start` to `end`, closer together towards the end."""
    span = (end - start).days
    day = start + datetime.timedelta(days=int(span * ((index + 0.5) / count) ** 0.8))
    return datetime.datetime.combine(
        day, datetime.time(9 + index % 8, 15), tzinfo=timezone.get_current_timezone()
    )


def _date_content(start, today):
    total = 0
    for model, table in ((ResourcePage, Page), (DossierPage, Page), (Event, Event), (Actor, Actor)):
        pks = list(model.objects.filter(live=True).order_by("pk").values_list("pk", flat=True))
        random.Random(len(pks)).shuffle(pks)  # kinds and themes mixed over the two years
        table.objects.bulk_update(
            [
                table(pk=pk, first_published_at=_moment(start, today, index, len(pks)))
                for index, pk in enumerate(pks)
            ],
            ["first_published_at"],
        )
        total += len(pks)
    return total


def _rewrite_dossiers(year):
    if PageLogEntry.objects.filter(data=DEMO_HISTORY).exists():
        return 0
    content_type = ContentType.objects.get_for_model(DossierPage)
    tz = timezone.get_current_timezone()
    entries = [
        PageLogEntry(
            page_id=pk,
            content_type=content_type,
            label=title,
            action="wagtail.publish",
            data=DEMO_HISTORY,
            timestamp=datetime.datetime(year, 3 + index % 9, 10, 11, tzinfo=tz),
        )
        for index, (pk, title) in enumerate(
            DossierPage.objects.filter(
                live=True, first_published_at__lt=datetime.datetime(year, 1, 1, tzinfo=tz)
            )
            .order_by("pk")
            .values_list("pk", "title")
        )
        if index % 2 == 0
    ]
    PageLogEntry.objects.bulk_create(entries)
    return len(entries)


def _archived_requests(start, today, rng):
    prefix = "archive-"
    if Ticket.objects.filter(requester_email__startswith=prefix).exists():
        return 0
    topics = {topic.slug: topic for topic in Topic.objects.filter(slug__in=TOPICS)}
    departements = {d.code: d for d in Departement.objects.filter(code__in=DEPARTEMENTS)}
    tz = timezone.get_current_timezone()
    end = today - datetime.timedelta(days=120)  # before the demo's recent requests
    tickets = []
    day = start
    while day < end:
        # About 80 requests the first year, 110 the next: the helpdesk grows.
        if rng.random() < (0.22 if day.year == start.year else 0.3):
            created = datetime.datetime.combine(day, datetime.time(10, 30), tzinfo=tz)
            answered = created + datetime.timedelta(days=rng.choice([1, 2, 2, 3, 4, 6]))
            n = len(tickets)
            tickets.append(
                Ticket(
                    requester_name="Demande archivée",
                    requester_email=f"{prefix}{n}@{DEMO_DOMAIN}",
                    profession=rng.choice(Profession.values[:5]),
                    departement=departements[
                        DEPARTEMENTS[min(int(rng.expovariate(0.45)), len(DEPARTEMENTS) - 1)]
                    ],
                    topic=topics[TOPICS[min(int(rng.expovariate(0.6)), len(TOPICS) - 1)]],
                    age_band=AgeBand.FROM_16,
                    care_status=CareStatus.ASE,
                    question="Question archivée de la démonstration.",
                    consent_at=created,
                    created_at=created,
                    due_date=day + datetime.timedelta(days=7),
                    first_answer_at=answered,
                    last_activity_at=answered,
                    closed_at=answered,
                    status=Status.CLOSED,
                )
            )
        day += datetime.timedelta(days=1)
    Ticket.objects.bulk_create(tickets)
    return len(tickets)


def _content_paths():
    """Some resources' and dossiers' paths, as the visitors see them (the site root left out)."""
    paths = []
    for model in (ResourcePage, DossierPage):
        for url_path in model.objects.live().order_by("pk").values_list("url_path", flat=True)[:3]:
            paths.append("/" + url_path.split("/", 2)[2])
    return paths


def _counters(start, today, rng):
    if PageViewCount.objects.filter(day__lt=today - datetime.timedelta(days=2)).exists():
        return 0
    paths = dict(SECTIONS)
    paths.update(dict.fromkeys(_content_paths(), CONTENT))
    documents = list(get_document_model().objects.order_by("pk").values_list("pk", flat=True)[:8])
    views, downloads = [], []
    day = start
    while day < today:
        growth = 1 + 0.35 * (day - start).days / 365
        weekday = 0.35 if day.weekday() >= 5 else 1.0
        level = 2 * growth * weekday * SEASON[day.month - 1]
        for path, (weight, arrivals) in paths.items():
            entries = max(rng.gauss(level * weight, level * weight * 0.2), 0)
            counts = {category: round(entries * share) for category, share in arrivals.items()}
            counts[ReferrerCategory.INTERNAL] = round(entries * (1.4 if weight < 3 else 0.8))
            views += [
                PageViewCount(day=day, path=path, referrer=category, views=count)
                for category, count in counts.items()
                if count > 0
            ]
        for rank, pk in enumerate(documents):
            count = round(rng.expovariate(1) * growth * weekday * 6 / (rank + 1))
            if count > 0:
                downloads.append(DocumentDownloadCount(day=day, document_id=pk, downloads=count))
        day += datetime.timedelta(days=1)
    PageViewCount.objects.bulk_create(views, batch_size=2000)
    DocumentDownloadCount.objects.bulk_create(downloads, batch_size=2000)
    return len(views) + len(downloads)
