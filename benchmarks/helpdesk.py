"""Benchmark seed for the helpdesk: ~200 requests a year over several years, with threads."""

import datetime
import random

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from core.roles import JURISTS
from helpdesk.models import Message, MessageKind, Status, Ticket, Topic
from taxonomy.models import Departement

RNG = random.Random(2026)


def seed(scale, home):
    """Bulk-create `200 * 5 * scale` tickets with two messages each. The queue and ticket pages are
    admin pages: the returned URLs need a jurist session (username `bench-juriste`)."""
    User = get_user_model()
    jurist, _ = User.objects.get_or_create(
        username="bench-juriste", defaults={"email": "bench@example.org"}
    )
    jurist.set_password("bench-juriste-password")
    jurist.save()
    jurist.groups.add(Group.objects.get(name=JURISTS))
    topics = list(Topic.objects.all())
    departements = list(Departement.objects.all())
    now = timezone.now()
    count = int(1000 * scale)
    tickets = []
    for n in range(count):
        created = now - datetime.timedelta(hours=RNG.randrange(5 * 365 * 24))
        status = RNG.choice(Status.values)
        tickets.append(
            Ticket(
                requester_name=f"Demandeur {n}",
                requester_email=f"demandeur{n % 400}@example.org",
                profession=RNG.choice(
                    ["educateur", "avocat", "ase", "association", "travailleur-social"]
                ),
                departement=RNG.choice(departements[:40]),
                topic=RNG.choice(topics),
                age_band="16-18",
                care_status="ase",
                question="Question sur la situation d'un jeune " * 10,
                consent_at=created,
                created_at=created,
                last_activity_at=created,
                due_date=(created + datetime.timedelta(days=7)).date(),
                first_answer_at=None
                if status == Status.NEW
                else created + datetime.timedelta(days=RNG.randrange(1, 15)),
                status=status,
                assignee=None if status == Status.NEW else jurist,
            )
        )
    tickets = Ticket.objects.bulk_create(tickets, batch_size=500)
    messages = []
    for ticket in tickets:
        if ticket.first_answer_at:
            messages.append(
                Message(
                    ticket=ticket,
                    kind=MessageKind.ANSWER,
                    author=jurist,
                    body="Réponse " * 40,
                    created_at=ticket.first_answer_at,
                )
            )
            messages.append(
                Message(
                    ticket=ticket,
                    kind=MessageKind.NOTE,
                    author=jurist,
                    body="Note interne",
                    created_at=ticket.first_answer_at,
                )
            )
    Message.objects.bulk_create(messages, batch_size=1000)
    urls = [
        "/permanence/",
        "/admin/permanence/",
        "/admin/permanence/?status=tous&sort=echeance&page=5",
        f"/admin/permanence/{tickets[0].pk}/",
        "/admin/permanence/statistiques/",
    ]
    return urls, {"helpdesk tickets": len(tickets), "helpdesk messages": len(messages)}
