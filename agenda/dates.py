"""French date and time wording, independent of the active locale: « mardi 8 décembre 2026 de 9 h 30 à 17 h »."""

import datetime

DAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
MONTHS = [
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
]  # fmt: skip


def format_day(day, with_year=True):
    text = f"{DAYS[day.weekday()]} {_number(day)} {MONTHS[day.month - 1]}"
    return f"{text} {day.year}" if with_year else text


def format_date(day):
    """« 1er novembre 2025 », without the day of the week."""
    return f"{_number(day)} {MONTHS[day.month - 1]} {day.year}"


def format_time(moment):
    return f"{moment.hour} h {moment.minute:02d}" if moment.minute else f"{moment.hour} h"


def format_month(year, month):
    return f"{MONTHS[month - 1]} {year}"


def format_session(start, end, all_day, last_day):
    """`start` and `end` are local (Europe/Paris) datetimes; `last_day` the last day covered."""
    first_day = start.date()
    if all_day:
        if last_day == first_day:
            return format_day(first_day)
        if (last_day.year, last_day.month) == (first_day.year, first_day.month):
            return f"du {DAYS[first_day.weekday()]} {_number(first_day)} au {format_day(last_day)}"
        return f"du {format_day(first_day, with_year=first_day.year != last_day.year)} au {format_day(last_day)}"
    if end.date() == first_day:
        return f"{format_day(first_day)} de {format_time(start)} à {format_time(end)}"
    return f"du {format_day(first_day)} à {format_time(start)} au {format_day(end.date())} à {format_time(end)}"


def _number(day):
    return "1er" if day.day == 1 else str(day.day)


def month_bounds(year, month, tz):
    """The local month as an aware [start, end) interval."""
    start = datetime.datetime(year, month, 1, tzinfo=tz)
    next_month = datetime.date(year + month // 12, month % 12 + 1, 1)
    return start, datetime.datetime(next_month.year, next_month.month, 1, tzinfo=tz)
