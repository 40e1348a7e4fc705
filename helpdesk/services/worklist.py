"""The jurists' queue: filters, sorts and counts."""

import datetime

from django.db.models import Case, Count, IntegerField, Value, When
from django.utils import timezone

from ..models import Status, Ticket

# Ages of a ticket in days, [low, high): an allow-list shared by the queue's filter form.
AGE_FILTERS = {
    "moins-3": ("Moins de 3 jours", 0, 3),
    "3-7": ("3 à 7 jours", 3, 8),
    "8-30": ("8 à 30 jours", 8, 31),
    "plus-30": ("Plus de 30 jours", 31, None),
}


def _midnight(today, days_before, tz):
    day = today - datetime.timedelta(days=days_before)
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=tz)


def queue(filters, user, today=None):
    """Tickets for the jurists' queue from already-validated filters (see forms.QueueFilterForm).

    Returns (tickets, counts, facets): the filtered, ordered queryset, the per-status counts of the other
    filters' selection, and the counts per topic, département and assignee of the listed tickets (by id),
    in a constant number of queries whatever the volume.
    """
    today = today or timezone.localdate()
    tickets = Ticket.objects.filter(merged_into__isnull=True)
    if filters.get("topic"):
        tickets = tickets.filter(topic=filters["topic"])
    if filters.get("departement"):
        tickets = tickets.filter(departement=filters["departement"])
    assignee = filters.get("assignee")
    if assignee == "moi":
        tickets = tickets.filter(assignee=user)
    elif assignee == "aucun":
        tickets = tickets.filter(assignee__isnull=True)
    elif assignee:
        tickets = tickets.filter(assignee_id=int(assignee))
    if filters.get("age") in AGE_FILTERS:
        _, low, high = AGE_FILTERS[filters["age"]]
        tz = timezone.get_current_timezone()
        # age in days = today - reception date; the range is [low, high)
        tickets = tickets.filter(created_at__lt=_midnight(today, low - 1, tz))
        if high is not None:
            tickets = tickets.filter(created_at__gte=_midnight(today, high - 1, tz))
    counts = dict(
        tickets.order_by().values_list("status").annotate(n=Count("pk")).values_list("status", "n")
    )
    status = filters.get("status")
    if status == "tous":
        pass
    elif status:
        tickets = tickets.filter(status=status)
    else:
        tickets = tickets.exclude(status=Status.CLOSED)
    waiting_first = Case(
        When(status__in=[Status.NEW, Status.IN_PROGRESS], then=Value(0)),
        default=Value(1),
        output_field=IntegerField(),
    )
    orderings = {
        "attente": [waiting_first, "created_at", "pk"],
        "recues": ["-created_at", "-pk"],
        "echeance": [waiting_first, "due_date", "created_at", "pk"],
        "activite": ["-last_activity_at", "-pk"],
    }
    facets = {
        field: dict(
            tickets.order_by().values_list(field).annotate(n=Count("pk")).values_list(field, "n")
        )
        for field in ("topic", "departement", "assignee")
    }
    tickets = tickets.select_related("topic", "departement", "assignee").order_by(
        *orderings.get(filters.get("sort") or "attente", orderings["attente"])
    )
    return tickets, counts, facets
