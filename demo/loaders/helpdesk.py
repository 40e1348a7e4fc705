"""The helpdesk: a jurist account, canned answers and the requests of `demo/data/helpdesk.yaml` in every
status, with their threads and notes. Idempotent: the requests are created once (their requesters' addresses
are under DEMO_DOMAIN), canned answers are keyed by title."""

import datetime
import os

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Page

from core.roles import JURISTS
from helpdesk import services
from helpdesk.models import CannedAnswer, Message, MessageKind, Status, Ticket, Topic
from taxonomy.models import Departement

from . import read_yaml

JURIST_USERNAME = "juriste"
DEMO_DOMAIN = "demo.portail-mna.test"


def load(home, stdout):
    data = read_yaml("helpdesk.yaml")
    jurist = _jurist(stdout)
    canned = [_canned_answer(item) for item in data["canned_answers"]]
    tickets = data["tickets"]
    if Ticket.objects.filter(requester_email__endswith=f"@{DEMO_DOMAIN}").exists():
        return f"{len(tickets)} demo requests already there; jurist account « {JURIST_USERNAME} »"
    now = timezone.now()
    topics = {topic.slug: topic for topic in Topic.objects.all()}
    departements = {d.code: d for d in Departement.objects.all()}
    for n, spec in enumerate(tickets):
        created = now - datetime.timedelta(days=spec["days_ago"], hours=n)
        ticket = Ticket.objects.create(
            requester_name=f"Demandeur de démonstration {n + 1}",
            requester_email=f"demandeur{n + 1}@{DEMO_DOMAIN}",
            structure="Structure de démonstration",
            profession=spec["profession"],
            departement=departements.get(spec["departement"]) or departements["75"],
            topic=topics.get(spec["topic"]) or topics["autre"],
            age_band=spec["age_band"],
            care_status=spec["care_status"],
            question=spec["question"],
            consent_at=created,
            created_at=created,
            last_activity_at=created,
            due_date=services.due_date_for(created),
            status=spec["status"],
        )
        _thread(ticket, jurist, canned[n % len(canned)], created, data["thread"])
    return f"{len(tickets)} requests in every status; jurist account « {JURIST_USERNAME} »"


def _jurist(stdout):
    User = get_user_model()
    password = os.environ.get("PORTAL_JURIST_PASSWORD", "portail-mna-juriste")
    user, created = User.objects.get_or_create(
        username=JURIST_USERNAME,
        defaults={
            "email": f"juriste@{DEMO_DOMAIN}",
            "first_name": "Claire",
            "last_name": "Juriste",
        },
    )
    if created:
        user.set_password(password)
        user.save()
        stdout.write(f"  Jurist account created: {JURIST_USERNAME} / {password}")
    user.groups.add(Group.objects.get(name=JURISTS))
    return user


def _canned_answer(item):
    canned, created = CannedAnswer.objects.get_or_create(
        title=item["title"], defaults={"body": item["body"]}
    )
    if created:
        pages = Page.objects.filter(slug__in=item["dossiers"]).live()
        if pages.count() != len(item["dossiers"]):
            raise ValueError(
                f"Canned answer « {item['title']} »: unknown dossier in {item['dossiers']}"
            )
        canned.pages.set(pages)
    return canned


def _thread(ticket, jurist, canned, created, texts):
    def at(days):
        return created + datetime.timedelta(days=days)

    status = ticket.status
    if status == Status.NEW:
        return
    ticket.assignee = jurist
    Message.objects.create(
        ticket=ticket, kind=MessageKind.NOTE, author=jurist, created_at=at(1), body=texts["note"]
    )
    if status == Status.WAITING:
        Message.objects.create(
            ticket=ticket,
            kind=MessageKind.ANSWER,
            author=jurist,
            created_at=at(2),
            body=texts["question_back"],
        )
        ticket.first_answer_at = at(2)
    if status in (Status.ANSWERED, Status.CLOSED):
        Message.objects.create(
            ticket=ticket,
            kind=MessageKind.ANSWER,
            author=jurist,
            created_at=at(3),
            body=f"{services.canned_text(canned)}\n\n{texts['answer_closing']}",
        )
        Message.objects.create(
            ticket=ticket, kind=MessageKind.REQUESTER, created_at=at(4), body=texts["thanks"]
        )
        ticket.first_answer_at = at(3)
    if status == Status.CLOSED:
        ticket.closed_at = at(5)
    ticket.last_activity_at = at(5)
    ticket.save()
