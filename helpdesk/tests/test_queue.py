"""The jurists' queue: filters with counts, allow-listed parameters, order, due dates, bounded queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from helpdesk.factories import TicketFactory
from helpdesk.models import Status, Ticket, Topic
from taxonomy.models import Departement

URL = "/admin/permanence/"


def ago(days):
    return timezone.now() - datetime.timedelta(days=days)


@pytest.fixture
def tickets(db, jurist):
    apt = Topic.objects.get(slug="autorisation-provisoire-travail")
    nat = Topic.objects.get(slug="declaration-nationalite")
    return {
        "old": TicketFactory(created_at=ago(40), topic=apt, requester_email="zz@example.org"),
        "mid": TicketFactory(
            created_at=ago(10), topic=nat, departement=Departement.objects.get(code="13")
        ),
        "new": TicketFactory(
            created_at=ago(1), topic=apt, assignee=jurist, status=Status.IN_PROGRESS
        ),
        "answered": TicketFactory(
            created_at=ago(60), status=Status.ANSWERED, requester_email="aa@example.org"
        ),
        "closed": TicketFactory(created_at=ago(90), status=Status.CLOSED),
    }


def listed(response):
    html = response.content.decode()
    found = []
    for ticket in Ticket.objects.all():
        marker = f'href="/admin/permanence/{ticket.pk}/"'
        if marker in html:
            found.append((html.index(marker), ticket.pk))
    return [pk for _, pk in sorted(found)]


def test_default_is_oldest_unanswered_first_without_closed(client, jurist, tickets):
    client.force_login(jurist)
    response = client.get(URL)
    assert listed(response) == [tickets[k].pk for k in ("old", "mid", "new", "answered")]
    html = response.content.decode()
    assert "En retard" in html  # the 40-day-old unanswered ticket
    assert "Nouveau : 2" in html and "En cours : 1" in html and "Clos : 1" in html


def test_overdue_count_follows_the_filters(client, jurist, tickets):
    client.force_login(jurist)
    assert "2 en retard" in client.get(URL).content.decode()  # "old" and "mid", both unanswered
    assert "aucune en retard" in client.get(f"{URL}?assignee=moi").content.decode()
    assert "1 en retard" in client.get(f"{URL}?departement=13").content.decode()


@pytest.mark.parametrize(
    "query, expected",
    [
        ("status=clos", ["closed"]),
        ("status=tous", ["old", "mid", "new", "closed", "answered"]),
        ("topic=declaration-nationalite", ["mid"]),
        ("departement=13", ["mid"]),
        ("assignee=moi", ["new"]),
        ("assignee=aucun", ["old", "mid", "answered"]),
        ("age=moins-3", ["new"]),
        ("age=8-30", ["mid"]),
        ("age=plus-30", ["old", "answered"]),
        ("sort=recues", ["new", "mid", "old", "answered"]),
    ],
)
def test_filters(client, jurist, tickets, query, expected):
    client.force_login(jurist)
    response = client.get(f"{URL}?{query}")
    assert listed(response) == [tickets[k].pk for k in expected]
    # the count says how many are listed under these filters, the status filter included
    count = len(expected)
    assert (
        f"{count} demande{'s' if count > 1 else ''} pour ces filtres" in response.content.decode()
    )


@pytest.mark.parametrize(
    "query",
    [
        "sort=requester__email",
        "sort=-requester_email",
        "requester__email__startswith=a",
        "status=nouveau__x",
        "topic__name__icontains=x",
        "departement=ZZ",
        "assignee=1%20OR%201=1",
        "age=-5",
        "page=abc",
        "status=%00",
    ],
)
def test_parameters_outside_the_allow_list_are_ignored(client, jurist, tickets, query):
    client.force_login(jurist)
    response = client.get(f"{URL}?{query}")
    assert response.status_code == 200
    default = [tickets[k].pk for k in ("old", "mid", "new", "answered")]
    assert listed(response) == default


def _seed(count):
    topics = list(Topic.objects.all()[:5])
    departements = list(Departement.objects.all()[:10])
    now = timezone.now()
    Ticket.objects.bulk_create(
        Ticket(
            requester_name="X",
            requester_email=f"r{n}@example.org",
            profession="avocat",
            departement=departements[n % 10],
            topic=topics[n % 5],
            age_band="16-18",
            care_status="ase",
            question="Question",
            consent_at=now,
            created_at=now - datetime.timedelta(hours=n),
            due_date=datetime.date.today(),
            status=Status.values[n % 5],
        )
        for n in range(count)
    )


def test_queue_queries_do_not_grow_with_the_data(client, jurist):
    client.force_login(jurist)
    _seed(50)
    client.get(URL)  # the site and its settings cached
    with CaptureQueriesContext(connection) as small:
        assert client.get(f"{URL}?sort=echeance").status_code == 200
    _seed(1950)
    with CaptureQueriesContext(connection) as large:
        response = client.get(f"{URL}?sort=echeance")
    assert response.status_code == 200
    assert Ticket.objects.count() == 2000
    assert len(large) == len(small)
    assert len(large) <= 25


def test_filter_choices_show_counts(client, jurist, tickets):
    client.force_login(jurist)
    html = client.get(URL).content.decode()
    assert "Autorisation provisoire de travail (APT) (3)" in html
    assert "13 – Bouches-du-Rhône (1)" in html
    assert f"{jurist.get_username()} (1)" in html
