"""Demo helpdesk: a jurist account, canned answers and 15 requests in every status, with threads and notes."""

import datetime
import os

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from core.roles import JURISTS
from taxonomy.models import Departement

from . import services
from .models import CannedAnswer, Message, MessageKind, Status, Ticket, Topic

JURIST_USERNAME = "juriste"
DEMO_DOMAIN = "demo.portail-mna.test"

CANNED = [
    (
        "Autorisation provisoire de travail",
        "Pour un jeune confié à l'ASE avant 16 ans, l'autorisation de travail est de droit pour un contrat "
        "d'apprentissage ou de professionnalisation. La demande se fait en ligne par l'employeur.",
    ),
    (
        "Déclaration de nationalité (art. 21-12)",
        "Après trois ans de prise en charge par l'ASE, le jeune peut réclamer la nationalité française avant "
        "sa majorité, devant le tribunal judiciaire.",
    ),
    (
        "Recours contre une fin de prise en charge",
        "La décision de fin de prise en charge peut être contestée : saisine du juge des enfants et, le cas "
        "échéant, référé devant le tribunal administratif.",
    ),
]

# (topic slug, département code, profession, age band, care status, status, days ago, question)
TICKETS = [
    (
        "autorisation-provisoire-travail",
        "93",
        "educateur",
        "16-18",
        "ase",
        Status.NEW,
        1,
        "Un jeune confié à l'ASE depuis ses 15 ans a trouvé un apprentissage en boulangerie. Qui dépose la demande d'autorisation de travail ?",
    ),
    (
        "declaration-nationalite",
        "75",
        "travailleur-social",
        "16-18",
        "ase",
        Status.NEW,
        3,
        "Une jeune est prise en charge depuis trois ans et demi. Peut-elle souscrire la déclaration de nationalité à 17 ans et demi ?",
    ),
    (
        "jugement-suppletif",
        "13",
        "association",
        "16-18",
        "ase",
        Status.NEW,
        12,
        "Le consulat ne délivre pas d'acte de naissance. Comment saisir le tribunal pour un jugement supplétif ?",
    ),
    (
        "recours-fin-prise-en-charge",
        "69",
        "avocat",
        "18-21",
        "fin-prise-en-charge",
        Status.IN_PROGRESS,
        6,
        "Le département met fin à l'accompagnement jeune majeur sans entretien préalable. Quels recours ?",
    ),
    (
        "consulats",
        "59",
        "ase",
        "16-18",
        "ase",
        Status.IN_PROGRESS,
        9,
        "Le consulat exige la présence d'un parent pour le passeport. Le tuteur peut-il le représenter ?",
    ),
    (
        "regularisation-jeune-majeur",
        "33",
        "travailleur-social",
        "18-21",
        "jeune-majeur",
        Status.IN_PROGRESS,
        15,
        "Un jeune arrivé à 16 ans et demi, en formation : quel titre de séjour demander à 18 ans ?",
    ),
    (
        "evaluation-minorite",
        "31",
        "association",
        "15-16",
        "non-reconnu",
        Status.WAITING,
        20,
        "Un jeune non reconnu mineur après évaluation : comment saisir le juge des enfants directement ?",
    ),
    (
        "contrat-jeune-majeur",
        "67",
        "educateur",
        "18-21",
        "jeune-majeur",
        Status.WAITING,
        25,
        "Le contrat jeune majeur peut-il être refusé faute de projet professionnel abouti ?",
    ),
    (
        "representation-legale",
        "44",
        "ase",
        "moins-15",
        "ase",
        Status.WAITING,
        30,
        "Faut-il une délégation d'autorité parentale ou une tutelle pour un enfant de 14 ans sans famille en France ?",
    ),
    (
        "asile",
        "75",
        "avocat",
        "16-18",
        "ase",
        Status.ANSWERED,
        35,
        "Un mineur veut demander l'asile : l'administrateur ad hoc est-il obligatoire et qui le désigne ?",
    ),
    (
        "scolarisation",
        "94",
        "enseignant",
        "15-16",
        "evaluation",
        Status.ANSWERED,
        40,
        "Un jeune en cours d'évaluation peut-il être inscrit au collège en attendant la décision ?",
    ),
    (
        "sante",
        "92",
        "sante",
        "16-18",
        "evaluation",
        Status.ANSWERED,
        45,
        "Quelle couverture maladie pour un jeune mis à l'abri en attente d'évaluation ?",
    ),
    (
        "eloignement",
        "34",
        "avocat",
        "18-21",
        "aucune",
        Status.CLOSED,
        60,
        "Un jeune majeur reçoit une OQTF alors qu'il est en apprentissage : délai de recours ?",
    ),
    (
        "traite",
        "75",
        "association",
        "16-18",
        "evaluation",
        Status.CLOSED,
        75,
        "Des signes d'exploitation chez un jeune accueilli : à qui signaler et quelle protection ?",
    ),
    (
        "autre",
        "97",
        "journaliste",
        "inconnu",
        "autre",
        Status.CLOSED,
        90,
        "Pour un article : combien de temps dure en moyenne l'évaluation de minorité ?",
    ),
]


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


def load(home, stdout):
    jurist = _jurist(stdout)
    canned = [
        CannedAnswer.objects.get_or_create(title=title, defaults={"body": body})[0]
        for title, body in CANNED
    ]
    if Ticket.objects.filter(requester_email__endswith=f"@{DEMO_DOMAIN}").exists():
        return f"{len(TICKETS)} demo requests already there; jurist account « {JURIST_USERNAME} »"
    now = timezone.now()
    topics = {topic.slug: topic for topic in Topic.objects.all()}
    departements = {d.code: d for d in Departement.objects.all()}
    for n, (topic, dep, profession, age, care, status, days, question) in enumerate(TICKETS):
        created = now - datetime.timedelta(days=days, hours=n)
        ticket = Ticket.objects.create(
            requester_name=f"Demandeur de démonstration {n + 1}",
            requester_email=f"demandeur{n + 1}@{DEMO_DOMAIN}",
            structure="Structure de démonstration",
            profession=profession,
            departement=departements.get(dep) or departements["75"],
            topic=topics.get(topic) or topics["autre"],
            age_band=age,
            care_status=care,
            question=question,
            consent_at=created,
            created_at=created,
            last_activity_at=created,
            due_date=services.due_date_for(created),
            status=status,
        )
        _thread(ticket, status, jurist, canned[n % len(canned)], created)
    return f"{len(TICKETS)} requests in every status; jurist account « {JURIST_USERNAME} »"


def _thread(ticket, status, jurist, canned, created):
    def at(days):
        return created + datetime.timedelta(days=days)

    if status == Status.NEW:
        return
    ticket.assignee = jurist
    Message.objects.create(
        ticket=ticket,
        kind=MessageKind.NOTE,
        author=jurist,
        created_at=at(1),
        body="Note interne : vérifier la circulaire et la jurisprudence récente avant de répondre.",
    )
    if status == Status.WAITING:
        Message.objects.create(
            ticket=ticket,
            kind=MessageKind.ANSWER,
            author=jurist,
            created_at=at(2),
            body="Pour vous répondre précisément, pouvez-vous préciser la date de la première prise en charge ?",
        )
        ticket.first_answer_at = at(2)
    if status in (Status.ANSWERED, Status.CLOSED):
        Message.objects.create(
            ticket=ticket,
            kind=MessageKind.ANSWER,
            author=jurist,
            created_at=at(3),
            body=canned.body + "\n\nN'hésitez pas à revenir vers nous si besoin.",
        )
        Message.objects.create(
            ticket=ticket,
            kind=MessageKind.REQUESTER,
            created_at=at(4),
            body="Merci pour cette réponse très claire.",
        )
        ticket.first_answer_at = at(3)
    if status == Status.CLOSED:
        ticket.closed_at = at(5)
    ticket.last_activity_at = at(5)
    ticket.save()
