"""Yearly figures: requests by topic, département, month, and answer times."""

import datetime
import statistics
from collections import Counter

from dateutil.relativedelta import relativedelta
from django.utils import timezone

from ..models import Profession, Ticket


def _percentile(values, fraction):
    if not values:
        return None
    ordered = sorted(values)
    position = (len(ordered) - 1) * fraction
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def statistics_for(start, end):
    """The yearly-report figures for requests received from `start` to `end` (dates, inclusive)."""

    tz = timezone.get_current_timezone()
    since = datetime.datetime.combine(start, datetime.time.min, tzinfo=tz)
    until = datetime.datetime.combine(
        end + datetime.timedelta(days=1), datetime.time.min, tzinfo=tz
    )
    rows = list(
        Ticket.objects.filter(
            created_at__gte=since, created_at__lt=until, merged_into__isnull=True
        ).values_list(
            "created_at",
            "first_answer_at",
            "topic__name",
            "departement__code",
            "departement__name",
            "profession",
        )
    )
    months = Counter()
    topics, departements, professions = Counter(), Counter(), Counter()
    delays = []
    for created, first_answer, topic, dep_code, dep_name, profession in rows:
        local = timezone.localtime(created, tz)
        months[(local.year, local.month)] += 1
        topics[topic] += 1
        departements[f"{dep_code} – {dep_name}"] += 1
        professions[
            Profession(profession).label if profession in Profession.values else profession
        ] += 1
        if first_answer:
            delays.append((first_answer - created).total_seconds() / 86400)
    month_rows = []
    cursor = datetime.date(start.year, start.month, 1)
    while cursor <= end:
        month_rows.append((cursor, months.get((cursor.year, cursor.month), 0)))
        cursor += relativedelta(months=1)
    return {
        "start": start,
        "end": end,
        "total": len(rows),
        "answered": len(delays),
        "months": month_rows,
        "topics": topics.most_common(),
        "departements": sorted(departements.items(), key=lambda item: (-item[1], item[0])),
        "professions": professions.most_common(),
        "median_days": round(statistics.median(delays), 1) if delays else None,
        "p90_days": round(_percentile(delays, 0.9), 1) if delays else None,
    }


SMALL_COUNT = 5


def statistics_csv_rows(figures, publication=False):
    """Rows for the CSV export. For publication, counts below 5 per département read "< 5"."""
    rows = [["rubrique", "valeur", "nombre"]]
    rows.append(
        ["période", f"{figures['start']:%d/%m/%Y} – {figures['end']:%d/%m/%Y}", figures["total"]]
    )
    for month, count in figures["months"]:
        rows.append(["mois", f"{month:%Y-%m}", count])
    for name, count in figures["topics"]:
        rows.append(["sujet", name, count])
    for name, count in figures["departements"]:
        shown = "< 5" if publication and count < SMALL_COUNT else count
        rows.append(["département", name, shown])
    for name, count in figures["professions"]:
        rows.append(["profession", name, count])
    rows.append(["délai de première réponse (jours)", "médiane", _fmt(figures["median_days"])])
    rows.append(["délai de première réponse (jours)", "90e centile", _fmt(figures["p90_days"])])
    return rows


def _fmt(value):
    return "" if value is None else str(value).replace(".", ",")
