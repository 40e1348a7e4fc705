"""The jurists' queue filters: an allow-list of values, never free lookups, so no `__` lookup or unknown
field reaches the ORM; an invalid value is ignored rather than failing the page."""

import datetime

import django_filters
from django.db.models import Case, IntegerField, Value, When
from django.utils import timezone
from wagtail.admin.filters import WagtailFilterSet

from core.filters import LenientFilterSet
from taxonomy.models import Departement

from . import services
from .models import Status, Ticket, Topic

ALL_STATUSES = "tous"

# Ages of a ticket in days, [low, high).
AGE_FILTERS = {
    "moins-3": ("Moins de 3 jours", 0, 3),
    "3-7": ("3 à 7 jours", 3, 8),
    "8-30": ("8 à 30 jours", 8, 31),
    "plus-30": ("Plus de 30 jours", 31, None),
}

WAITING_FIRST = Case(
    When(status__in=[Status.NEW, Status.IN_PROGRESS], then=Value(0)),
    default=Value(1),
    output_field=IntegerField(),
)
SORTS = {
    "attente": ("Les plus anciennes sans réponse d'abord", [WAITING_FIRST, "created_at", "pk"]),
    "recues": ("Reçues le plus récemment", ["-created_at", "-pk"]),
    "echeance": ("Échéance la plus proche", [WAITING_FIRST, "due_date", "created_at", "pk"]),
    "activite": ("Dernière activité", ["-last_activity_at", "-pk"]),
}
DEFAULT_SORT = "attente"


class StatusFilter(django_filters.ChoiceFilter):
    """No status chosen: every ticket but the closed ones; `tous`: every ticket."""

    def filter(self, qs, value):
        if value == ALL_STATUSES:
            return qs
        if value:
            return qs.filter(status=value)
        return qs.exclude(status=Status.CLOSED)


class SortFilter(django_filters.ChoiceFilter):
    def filter(self, qs, value):
        return qs.order_by(*SORTS[value or DEFAULT_SORT][1])


def _midnight(today, days_before):
    day = today - datetime.timedelta(days=days_before)
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=timezone.get_current_timezone())


class QueueFilter(LenientFilterSet, WagtailFilterSet):
    status = StatusFilter(
        label="Statut",
        choices=[("", "Tous sauf clos"), (ALL_STATUSES, "Tous")] + Status.choices,
        empty_label=None,
    )
    topic = django_filters.ModelChoiceFilter(
        label="Sujet", queryset=Topic.objects.all(), to_field_name="slug", empty_label="Tous"
    )
    departement = django_filters.ModelChoiceFilter(
        label="Département",
        queryset=Departement.objects.in_order(),
        to_field_name="code",
        empty_label="Tous",
    )
    assignee = django_filters.ChoiceFilter(label="Juriste", method="by_assignee", empty_label=None)
    age = django_filters.ChoiceFilter(
        label="Ancienneté",
        method="by_age",
        choices=[("", "Toutes")] + [(key, age[0]) for key, age in AGE_FILTERS.items()],
        empty_label=None,
    )
    sort = SortFilter(
        label="Ordre", choices=[(key, sort[0]) for key, sort in SORTS.items()], empty_label=None
    )

    class Meta:
        model = Ticket
        fields = []

    def __init__(self, data, *, request, today=None):
        super().__init__(data, Ticket.objects.filter(merged_into__isnull=True), request=request)
        self.today = today or timezone.localdate()
        self.set_choices(
            "assignee",
            [("", "Tous"), ("moi", "Moi"), ("aucun", "Non attribuées")]
            + [
                (str(user.pk), user.get_full_name() or user.get_username())
                for user in services.jurists()
            ],
        )

    def by_assignee(self, tickets, name, value):
        if value == "moi":
            return tickets.filter(assignee=self.request.user)
        if value == "aucun":
            return tickets.filter(assignee__isnull=True)
        return tickets.filter(assignee_id=int(value))

    def by_age(self, tickets, name, value):
        # age in days = today - reception date; the range is [low, high)
        _, low, high = AGE_FILTERS[value]
        tickets = tickets.filter(created_at__lt=_midnight(self.today, low - 1))
        if high is not None:
            tickets = tickets.filter(created_at__gte=_midnight(self.today, high - 1))
        return tickets

    def show_counts(self, facets):
        """Add the number of listed tickets to each topic, département and jurist choice."""
        fields = self.form.fields
        topics = facets.get("topic", {})
        departements = facets.get("departement", {})
        assignees = facets.get("assignee", {})
        fields["topic"].label_from_instance = lambda t: f"{t.name} ({topics.get(t.pk, 0)})"
        fields["departement"].label_from_instance = lambda d: f"{d} ({departements.get(d.pk, 0)})"
        fields["assignee"].choices = [
            (value, f"{label} ({assignees.get(int(value), 0)})" if value.isdigit() else label)
            for value, label in fields["assignee"].choices
        ]
