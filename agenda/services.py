"""Queries and feeds behind the agenda pages, kept out of views so their cost stays constant."""

import calendar
import datetime
import re
from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.utils import timezone

from .dates import format_day, format_month, month_bounds
from .models import PARIS, Event, EventDocument, EventSession

ARCHIVES_PER_PAGE = 20
MONTH_RE = re.compile(r"^(\d{4})-(\d{2})$")


def parse_month(value):
    """'2026-12' → (2026, 12); anything else → None."""
    match = MONTH_RE.match(value or "")
    if not match:
        return None
    year, month = int(match[1]), int(match[2])
    if not (1 <= month <= 12 and 2000 <= year <= 2100):
        return None
    return year, month


def upcoming_sessions(themes=None, limit=5, now=None):
    """The next sessions, optionally of events sharing one of `themes` (home page, dossiers)."""
    sessions = EventSession.objects.live().upcoming(now)
    if themes is not None:
        sessions = sessions.filter(event__in=Event.objects.filter(themes__in=themes))
    return list(sessions.for_listing().order_by("start", "pk")[:limit])


@dataclass
class CalendarDay:
    date: datetime.date
    in_month: bool
    is_today: bool
    label: str
    sessions: list = field(default_factory=list)


@dataclass
class MonthCalendar:
    year: int
    month: int
    weeks: list
    session_count: int

    @property
    def title(self):
        return format_month(self.year, self.month)

    @property
    def slug(self):
        return f"{self.year:04d}-{self.month:02d}"

    @property
    def previous(self):
        """The previous month's slug, or None at the edge of the months `parse_month` accepts."""
        return self._valid(
            f"{self.year - 1:04d}-12"
            if self.month == 1
            else f"{self.year:04d}-{self.month - 1:02d}"
        )

    @property
    def next(self):
        return self._valid(
            f"{self.year + 1:04d}-01"
            if self.month == 12
            else f"{self.year:04d}-{self.month + 1:02d}"
        )

    @property
    def previous_title(self):
        return self._title(self.previous)

    @property
    def next_title(self):
        return self._title(self.next)

    @staticmethod
    def _valid(slug):
        return slug if parse_month(slug) else None

    @staticmethod
    def _title(slug):
        return format_month(*parse_month(slug)) if slug else ""


def month_calendar(year, month, event_filter=None, today=None):
    """A Monday-first grid of the local month; each session is placed on every local day it covers
    (past ones too: the grid is a calendar, not the upcoming list). One query plus the themes'."""
    start, end = month_bounds(year, month, PARIS)
    sessions = EventSession.objects.between(start, end).live()
    if event_filter is not None:
        sessions = event_filter.filter_queryset(sessions, without=("month",))
    sessions = list(sessions.for_listing().order_by("start", "pk"))
    today = today or timezone.localdate()
    by_day = {}
    for session in sessions:
        day = max(session.first_day, start.date())
        last = min(session.last_day, (end - datetime.timedelta(days=1)).date())
        while day <= last:
            by_day.setdefault(day, []).append(session)
            day += datetime.timedelta(days=1)
    weeks = [
        [
            CalendarDay(day, day.month == month, day == today, format_day(day), by_day.get(day, []))
            for day in week
        ]
        for week in calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    ]
    return MonthCalendar(year, month, weeks, len(sessions))


def past_events(now=None):
    """Events whose every session is over, the most recent first, with their documents and sessions."""
    now = now or timezone.now()
    return (
        Event.objects.live()
        .filter(last_end__lte=now)
        .select_related("departement", "organiser_actor")
        .prefetch_related(
            Prefetch("sessions", queryset=EventSession.objects.order_by("start", "pk")),
            Prefetch(
                "documents",
                queryset=EventDocument.objects.select_related("resource").order_by("sort_order"),
            ),
        )
        .order_by("-last_end", "-pk")
    )


def event_detail(slug):
    """A live event with everything its page shows, or None."""
    return (
        Event.objects.live()
        .select_related("departement", "organiser_actor")
        .prefetch_related(
            "themes",
            Prefetch("sessions", queryset=EventSession.objects.order_by("start", "pk")),
            Prefetch(
                "documents",
                queryset=EventDocument.objects.select_related("resource").order_by("sort_order"),
            ),
        )
        .filter(slug=slug)
        .first()
    )


def actor_events(actor, upcoming_limit=5, past_limit=3, now=None):
    """The sessions an actor organises: the next ones, and the most recent past ones."""
    sessions = EventSession.objects.live().filter(event__organiser_actor=actor).for_listing()
    return {
        "upcoming": list(sessions.upcoming(now).order_by("start", "pk")[:upcoming_limit]),
        "past": list(sessions.past(now).order_by("-start", "-pk")[:past_limit]),
    }
