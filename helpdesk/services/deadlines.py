"""Answer targets in working days (French public holidays excluded)."""

import datetime

import holidays
from django.conf import settings
from django.utils import timezone


def add_working_days(start, days):
    """The date `days` working days after `start`: weekends and French public holidays do not count."""
    french_holidays = holidays.country_holidays("FR", years=range(start.year, start.year + 2))
    current = start
    remaining = days
    while remaining > 0:
        current += datetime.timedelta(days=1)
        if current.weekday() < 5 and current not in french_holidays:
            remaining -= 1
    return current


def due_date_for(created_at):
    return add_working_days(timezone.localdate(created_at), settings.HELPDESK_TARGET_WORKING_DAYS)
