"""The jurists' queue: the tickets under the filters, and their counts."""

from django.db.models import Count


def queue(queue_filter):
    """Tickets for the jurists' queue under a `filters.QueueFilter`.

    Returns (tickets, counts, facets): the filtered, ordered queryset, the per-status counts of the other
    filters' selection, and the counts per topic, département and assignee of the listed tickets (by id),
    in a constant number of queries whatever the volume.
    """
    selection = queue_filter.filter_queryset(queue_filter.queryset, without=("status", "sort"))
    counts = dict(
        selection.order_by()
        .values_list("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    tickets = queue_filter.qs
    facets = {
        field: dict(
            tickets.order_by().values_list(field).annotate(n=Count("pk")).values_list(field, "n")
        )
        for field in ("topic", "departement", "assignee")
    }
    return tickets.select_related("topic", "departement", "assignee"), counts, facets
