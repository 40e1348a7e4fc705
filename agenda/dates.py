"""French date and time wording of the agenda: « mardi 8 décembre 2026 de 9 h 30 à 17 h », on the portal's
shared wording (core/dates.py)."""

import datetime

from core.dates import DAYS, MONTHS, day_number, format_month, format_time

__all__ = ["format_day", "format_month", "format_session", "format_time", "month_bounds"]


def format_day(day, with_year=True):
    text = f"{DAYS[day.weekday()]} {day_number(day)} {MONTHS[day.month - 1]}"
    return f"{text} {day.year}" if with_year else text


def format_session(start, end, all_day, last_day):
    """`start` and `end` are local (Europe/Paris) datetimes; `last_day` the last day covered."""
    first_day = start.date()
    if all_day:
        if last_day == first_day:
            return format_day(first_day)
        if (last_day.year, last_day.month) == (first_day.year, first_day.month):
            return (
                f"du {DAYS[first_day.weekday()]} {day_number(first_day)} au {format_day(last_day)}"
            )
        return f"du {format_day(first_day, with_year=first_day.year != last_day.year)} au {format_day(last_day)}"
    if end.date() == first_day:
        return f"{format_day(first_day)} de {format_time(start)} à {format_time(end)}"
    return f"du {format_day(first_day)} à {format_time(start)} au {format_day(end.date())} à {format_time(end)}"


def month_bounds(year, month, tz):
    """The local month as an aware [start, end) interval."""
    start = datetime.datetime(year, month, 1, tzinfo=tz)
    next_month = datetime.date(year + month // 12, month % 12 + 1, 1)
    return start, datetime.datetime(next_month.year, next_month.month, 1, tzinfo=tz)
