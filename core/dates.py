"""French date wording, independent of the active locale, with the ordinal « 1er » for the first day of
a month (« 1er novembre 2026 », never « 1 novembre »). Every template and email writes dates out through
these (the `french_dates` template filters), and the agenda builds its session wording on them."""

import datetime

from django.utils import timezone

DAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
MONTHS = [
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
]  # fmt: skip


def day_number(day):
    return "1er" if day.day == 1 else str(day.day)


def _local(value):
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        return timezone.localtime(value)
    return value


def format_date(value):
    """« 1er novembre 2026 »."""
    value = _local(value)
    return f"{day_number(value)} {MONTHS[value.month - 1]} {value.year}"


def format_time(moment):
    """« 9 h », « 9 h 30 »."""
    return f"{moment.hour} h {moment.minute:02d}" if moment.minute else f"{moment.hour} h"


def format_datetime(value):
    """« 1er novembre 2026 à 9 h 30 », in the portal's time zone."""
    value = _local(value)
    return f"{format_date(value)} à {format_time(value)}"


def format_month(year, month):
    return f"{MONTHS[month - 1]} {year}"


def date_param(params, name):
    """A date from the query string (ISO), or None if absent, malformed or outside any sensible period
    (9999-12-31 would overflow when the period's end is turned into a datetime)."""
    try:
        value = datetime.date.fromisoformat(params.get(name, ""))
    except ValueError:
        return None
    return value if 2000 <= value.year <= 2100 else None
