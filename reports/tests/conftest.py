"""A known data set over 2024 and 2025 (with a little of 2023 and 2026 around it) for the report."""

import datetime
import zoneinfo

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents import get_document_model
from wagtail.models import PageLogEntry

from agenda.factories import EventFactory
from content.factories import DossierPageFactory, ResourcePageFactory
from content.models import ResourceKind
from directory.factories import ActorFactory
from helpdesk.factories import TicketFactory
from helpdesk.models import Topic
from newsletter.models import Action, Kind, SubscriptionEvent
from reports.factories import DocumentDownloadCountFactory, PageViewCountFactory
from taxonomy.models import Departement

PARIS = zoneinfo.ZoneInfo("Europe/Paris")


def at(year, month, day, hour=10, minute=0):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=PARIS)


def history(page, *events):
    """Give `page` a publication history: events are ("publish"|"unpublish", moment); the first
    publication sets first_published_at; `live` follows the last event."""
    content_type = ContentType.objects.get_for_model(page)
    for action, moment in events:
        PageLogEntry.objects.create(
            page=page,
            content_type=content_type,
            label=page.title,
            action=f"wagtail.{action}",
            timestamp=moment,
        )
    first = next((moment for action, moment in events if action == "publish"), None)
    live = bool(events) and events[-1][0] == "publish"
    type(page).objects.filter(pk=page.pk).update(first_published_at=first, live=live)


def subscribe(key, moment, *kinds):
    """A confirmed subscriber `key` whose subscriptions of `kinds` start at `moment`."""
    SubscriptionEvent.objects.create(
        at=moment, action=Action.CONFIRMED, subscriber_key=key, state="active"
    )
    for n, kind in enumerate(kinds):
        SubscriptionEvent.objects.create(
            at=moment,
            action=Action.STARTED,
            subscriber_key=key,
            subscription_key=key * 10 + n,
            kind=kind,
        )


def leave(key, moment, *kinds):
    for n, kind in enumerate(kinds):
        SubscriptionEvent.objects.create(
            at=moment,
            action=Action.STOPPED,
            subscriber_key=key,
            subscription_key=key * 10 + n,
            kind=kind,
        )
    SubscriptionEvent.objects.create(
        at=moment, action=Action.LEFT, subscriber_key=key, state="gone"
    )


@pytest.fixture
def known_years(db, resource_index, dossier_index, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    resource = lambda kind, *events: history(  # noqa: E731
        ResourcePageFactory(parent=resource_index, kind=kind), *events
    )
    # Library: added 2024 = 3 (2 rapports, 1 étude); added 2025 = 2 (1 jurisprudence, 1 rapport);
    # online on 31/12/2024 = 2 (A, F), on 31/12/2025 = 3 (A, B, D).
    resource(ResourceKind.RAPPORT, ("publish", at(2024, 3, 1)))  # A
    resource(ResourceKind.JURISPRUDENCE, ("publish", at(2025, 2, 1)))  # B
    resource(ResourceKind.RAPPORT, ("publish", at(2025, 5, 1)), ("unpublish", at(2025, 9, 1)))  # C
    resource(  # D: unpublished in 2024, republished in 2025: added in 2024 only
        ResourceKind.ETUDE,
        ("publish", at(2024, 6, 1)),
        ("unpublish", at(2024, 10, 1)),
        ("publish", at(2025, 4, 1)),
    )
    resource(ResourceKind.PRESSE)  # E: a draft, never published
    resource(ResourceKind.RAPPORT, ("publish", at(2024, 1, 10)), ("unpublish", at(2025, 6, 1)))  # F
    resource(ResourceKind.RAPPORT, ("publish", at(2026, 1, 1, 0, 30)))  # after the period

    # Dossiers: 2024 created 1; 2025 created 1 and rewritten 1 (X, republished).
    x = DossierPageFactory(parent=dossier_index)
    history(x, ("publish", at(2024, 5, 1)), ("publish", at(2025, 3, 1)))
    y = DossierPageFactory(parent=dossier_index)
    history(y, ("publish", at(2025, 1, 15)), ("publish", at(2025, 6, 1)))

    # Events: 1 in 2024, 3 in 2025; 00:30 on 1 January 2026 in Paris is still 2025 in UTC.
    for moment in [at(2024, 9, 1), at(2025, 1, 2), at(2025, 7, 1), at(2025, 12, 31, 23, 30)]:
        EventFactory(first_published_at=moment)
    EventFactory(first_published_at=at(2026, 1, 1, 0, 30))
    EventFactory(first_published_at=None, live=False)
    # Actors: 4 in 2024, 2 in 2025.
    for moment in [at(2024, 2, 1)] * 4 + [at(2025, 2, 1)] * 2:
        ActorFactory(first_published_at=moment)

    # Helpdesk: 2025, 6 requests (5 Paris, 4 answered; 1 Nord); 2024, 2 requests (Paris).
    apt = Topic.objects.get(slug="autorisation-provisoire-travail")
    nat = Topic.objects.get(slug="declaration-nationalite")
    paris, nord = Departement.objects.get(code="75"), Departement.objects.get(code="59")
    for n in range(5):
        created = at(2025, 3, 2 + n)
        TicketFactory(
            created_at=created,
            first_answer_at=created + datetime.timedelta(days=2) if n < 4 else None,
            topic=apt,
            departement=paris,
            profession="avocat",
        )
    TicketFactory(created_at=at(2025, 4, 1), topic=nat, departement=nord, profession="educateur")
    for n in range(2):
        created = at(2024, 5, 2 + n)
        TicketFactory(
            created_at=created,
            first_answer_at=created + datetime.timedelta(days=1),
            topic=nat,
            departement=paris,
            profession="educateur",
        )

    # Subscribers: 4 confirmed in 2024 (newsletter); in 2025, 3 more (2 newsletter, 1 theme alert) and
    # one of 2024's leaves. On 31/12/2024: 4; on 31/12/2025: 6 (5 newsletter, 1 theme).
    for key, month in enumerate([2, 2, 5, 11], start=1):
        subscribe(key, at(2024, month, 3), Kind.NEWSLETTER)
    subscribe(5, at(2025, 1, 20), Kind.NEWSLETTER)
    subscribe(6, at(2025, 4, 20), Kind.NEWSLETTER)
    subscribe(7, at(2025, 4, 21), Kind.THEME)
    leave(1, at(2025, 6, 1), Kind.NEWSLETTER)

    # Audience: 2025, 35 visits (10 direct in March, 20 search + 5 email in June) and 5 internal
    # views; 2024, 20 visits (10 direct, 10 other site). Days outside both years are left out.
    day = datetime.date
    PageViewCountFactory(day=day(2025, 3, 4), path="/", referrer="direct", views=10)
    PageViewCountFactory(day=day(2025, 3, 4), path="/", referrer="internal", views=5)
    PageViewCountFactory(day=day(2025, 6, 10), path="/ressources/", referrer="search", views=20)
    PageViewCountFactory(day=day(2025, 6, 11), path="/ressources/", referrer="email", views=5)
    PageViewCountFactory(day=day(2024, 3, 1), path="/", referrer="direct", views=10)
    PageViewCountFactory(day=day(2024, 7, 1), path="/annuaire/", referrer="site", views=10)
    PageViewCountFactory(day=day(2023, 12, 31), path="/", referrer="direct", views=100)
    PageViewCountFactory(day=day(2026, 1, 1), path="/", referrer="direct", views=100)
    Document = get_document_model()
    guide = Document.objects.create(title="Guide APT", file=SimpleUploadedFile("g.pdf", b"%PDF"))
    avis = Document.objects.create(title="Avis CNCDH", file=SimpleUploadedFile("a.pdf", b"%PDF"))
    DocumentDownloadCountFactory(day=day(2025, 2, 1), document=guide, downloads=7)
    DocumentDownloadCountFactory(day=day(2024, 2, 1), document=guide, downloads=3)
    DocumentDownloadCountFactory(day=day(2025, 8, 1), document=avis, downloads=2)
