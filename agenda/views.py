"""Public agenda pages and iCalendar feeds: parse the request, ask services.py, render."""

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from core.freshness import cached_until_published

from . import ics
from .filters import EventFilter
from .services import (
    ARCHIVES_PER_PAGE,
    event_detail,
    month_calendar,
    parse_month,
    past_events,
)
from .structured_data import event_schema_org


def event_list(request):
    event_filter = EventFilter(request.GET)
    if request.GET.get("view") == "month":
        year, month = event_filter.chosen_month or _this_month()
        query = event_filter.querystring_without_month()
        url = reverse("agenda:month", kwargs={"month": f"{year:04d}-{month:02d}"})
        return redirect(url + (f"?{query}" if query else ""))
    return render(
        request,
        "agenda/event_list.html",
        {
            "filter": event_filter,
            "page_obj": event_filter.paginate(request.GET.get("page")),
            "ics_query": event_filter.querystring(),
            "this_month": "{:04d}-{:02d}".format(*_this_month()),
        },
    )


def month_view(request, month):
    parsed = parse_month(month)
    if parsed is None:
        raise Http404("Mois inconnu")
    event_filter = EventFilter(request.GET)
    return render(
        request,
        "agenda/month.html",
        {
            "filter": event_filter,
            "calendar": month_calendar(*parsed, event_filter=event_filter),
            "filter_query": event_filter.querystring_without_month(),
        },
    )


def archives(request):
    page_obj = Paginator(past_events(), ARCHIVES_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "agenda/archives.html", {"page_obj": page_obj})


def event_page(request, slug):
    event = event_detail(slug)
    if event is None:
        raise Http404("Événement introuvable")
    sessions = list(event.sessions.all())
    now = timezone.now()
    return render(
        request,
        "agenda/event_page.html",
        {
            "event": event,
            "sessions": sessions,
            "upcoming_sessions": [s for s in sessions if s.end > now],
            "past_sessions": [s for s in sessions if s.end <= now],
            "documents": list(event.documents.all()),
            "structured_data": event_schema_org(event, sessions),
        },
    )


@cached_until_published
def calendar_feed(request):
    """`/agenda.ics`: upcoming sessions and the last months', with the same filters as the page (a
    subscribable URL, polled by every subscriber's calendar: cached, and 304 when unchanged)."""
    body = ics.build_calendar(EventFilter(request.GET).feed(), request)
    return ics.calendar_response(body, "agenda.ics")


@cached_until_published
def event_calendar(request, slug):
    event = event_detail(slug)
    if event is None:
        raise Http404("Événement introuvable")
    body = ics.build_calendar(list(event.sessions.all()), request, name=event.title)
    return ics.calendar_response(body, f"{event.slug}.ics")


def _this_month():
    today = timezone.localdate()
    return today.year, today.month
