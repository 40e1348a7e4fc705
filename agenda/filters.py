"""The agenda's filters (`/agenda/`, `/agenda/mois/…`, `/agenda.ics`): kind, format, theme and
département, each repeatable, and the month."""

import django_filters
from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.utils import timezone

from core.filters import AllowListFilter, LenientFilterSet
from taxonomy.models import Departement, Theme

from .dates import month_bounds
from .models import PARIS, Event, EventFormat, EventKind, EventSession
from .services import parse_month

SESSIONS_PER_PAGE = 20


def validate_month(value):
    if parse_month(value) is None:
        raise ValidationError("Mois inconnu")


class EventFilter(LenientFilterSet):
    """Filters the sessions of live events. Unknown values are dropped, so a stale or hand-edited URL
    (or calendar subscription) still answers."""

    kind = AllowListFilter(field_name="event__kind", choices=EventKind.choices)
    format = AllowListFilter(field_name="event__format", choices=EventFormat.choices)
    theme = AllowListFilter(method="with_themes")
    departement = AllowListFilter(field_name="event__departement__code")
    month = django_filters.CharFilter(method="in_month", validators=[validate_month])

    def __init__(self, data):
        super().__init__(data, queryset=EventSession.objects.live())
        self.set_choices("theme", ((t.slug, t.name) for t in Theme.objects.all()))
        self.set_choices("departement", ((d.code, str(d)) for d in Departement.objects.in_order()))

    def with_themes(self, sessions, name, value):
        # A subquery rather than joins: an event with two matching themes is still listed once.
        return sessions.filter(event__in=Event.objects.filter(themes__slug__in=value).values("pk"))

    def in_month(self, sessions, name, value):
        return sessions.between(*month_bounds(*parse_month(value), PARIS))

    @property
    def chosen_month(self):
        """(year, month) of the `month` filter, or None."""
        return parse_month(self.values["month"])

    @property
    def month_value(self):
        return self.values["month"]

    def querystring_without_month(self):
        return self.querystring(without=("month",))

    def sessions(self, sessions, without=()):
        """`sessions` of live events under the filters, with what a listing shows."""
        sessions = self.filter_queryset(sessions.live(), without=without)
        return sessions.for_listing().order_by("start", "pk")

    def upcoming(self, now=None):
        return self.sessions(EventSession.objects.upcoming(now))

    def feed(self, now=None):
        """What a subscribed calendar gets: upcoming sessions and those of the last
        AGENDA_FEED_PAST_MONTHS months (a calendar keeps showing what one attended), never the whole
        archive, which every subscriber's client would otherwise download every few minutes."""
        since = (now or timezone.now()) - relativedelta(months=settings.AGENDA_FEED_PAST_MONTHS)
        return self.sessions(EventSession.objects.upcoming(since))

    def paginate(self, page_number):
        return Paginator(self.upcoming(), SESSIONS_PER_PAGE).get_page(page_number)
