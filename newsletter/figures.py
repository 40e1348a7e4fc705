"""Subscriber figures for the committee and the yearly activity report, computed from the dated history
(`SubscriptionEvent`), never from the current tables: they stay right after subscribers leave or are
erased.

    subscribers_on(day) -> {"total", "pending", "suspended", "by_kind", "by_theme", "by_departement"}
    subscriber_history(start, end) -> [{"month", "active", "growth", "signed_up", "confirmed", ...}]
"""

import datetime
from collections import Counter

from django.utils import timezone

from taxonomy.models import Departement, Theme

from .models import Action, Kind, SubscriptionEvent


def _end_of(day):
    """The first instant after `day` in the portal's time zone."""
    return timezone.make_aware(
        datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time())
    )


class _Replay:
    """Replays the history in order, keeping each subscriber's state and each subscription's liveness."""

    def __init__(self):
        self.states = {}
        self.live = {}  # subscription key -> (kind, theme id, departement id)
        self.flows = Counter()

    def apply(self, event):
        if event.subscription_key is None:
            self.states[event.subscriber_key] = event.state
            self.flows[event.action] += 1
            if event.action == Action.SUSPENDED:
                self.flows[f"suspended_{event.reason or 'other'}"] += 1
        elif event.action == Action.STARTED:
            self.live[event.subscription_key] = (event.kind, event.theme_id, event.departement_id)
        else:
            self.live.pop(event.subscription_key, None)

    def snapshot(self):
        states = Counter(self.states.values())
        by_kind = Counter(kind for kind, _t, _d in self.live.values())
        return {
            "total": states["active"],
            "pending": states["pending"],
            "suspended": states["suspended"],
            "by_kind": {kind: by_kind[kind] for kind in Kind.values},
            "by_theme": Counter(t for kind, t, _d in self.live.values() if kind == Kind.THEME),
            "by_departement": Counter(
                d for kind, _t, d in self.live.values() if kind == Kind.DEPARTEMENT
            ),
        }


def _events(before):
    return (
        SubscriptionEvent.objects.filter(at__lt=before)
        .order_by("at", "pk")
        .iterator(chunk_size=2000)
    )


def _named(snapshot):
    """Theme and département ids replaced by their names (an erased theme reads « (supprimé) »)."""
    themes = dict(Theme.objects.values_list("pk", "name"))
    departements = {
        pk: f"{code} {name}"
        for pk, code, name in Departement.objects.values_list("pk", "code", "name")
    }
    snapshot["by_theme"] = dict(
        sorted(
            ((themes.get(pk, "(supprimé)"), n) for pk, n in snapshot["by_theme"].items() if n),
            key=lambda i: (-i[1], i[0]),
        )
    )
    snapshot["by_departement"] = dict(
        sorted(
            (
                (departements.get(pk, "(supprimé)"), n)
                for pk, n in snapshot["by_departement"].items()
                if n
            ),
            key=lambda i: i[0],
        )
    )
    return snapshot


def subscribers_on(day):
    """Confirmed, active subscribers at the end of `day` (total), pending confirmations, suspended
    addresses, and live subscriptions by kind, by theme and by département (names)."""
    replay = _Replay()
    for event in _events(_end_of(day)):
        replay.apply(event)
    return _named(replay.snapshot())


def _month_starts(start, end):
    month = start.replace(day=1)
    while month <= end:
        yield month
        month = (month + datetime.timedelta(days=32)).replace(day=1)


def subscriber_history(start, end):
    """One row per month from `start` to `end` (dates): active subscribers and pending confirmations at the
    month's end, growth over the month, and the month's sign-ups, confirmations, departures, erasures and
    suspensions (by reason)."""
    events = _events(_end_of(end))
    replay, rows, pending_event = _Replay(), [], next(events, None)
    previous_total = None
    for month in _month_starts(start, end):
        month_end = min(
            (month + datetime.timedelta(days=32)).replace(day=1) - datetime.timedelta(days=1), end
        )
        if previous_total is None:
            while pending_event is not None and pending_event.at < _end_of(
                month - datetime.timedelta(days=1)
            ):
                replay.apply(pending_event)
                pending_event = next(events, None)
            previous_total = replay.snapshot()["total"]
            replay.flows.clear()
        while pending_event is not None and pending_event.at < _end_of(month_end):
            replay.apply(pending_event)
            pending_event = next(events, None)
        snapshot = replay.snapshot()
        rows.append(
            {
                "month": month,
                "active": snapshot["total"],
                "growth": snapshot["total"] - previous_total,
                "pending": snapshot["pending"],
                "suspended": snapshot["suspended"],
                "signed_up": replay.flows[Action.SIGNED_UP],
                "confirmed": replay.flows[Action.CONFIRMED],
                "left": replay.flows[Action.LEFT],
                "erased": replay.flows[Action.ERASED],
                "suspended_bounce": replay.flows["suspended_bounce"],
                "suspended_complaint": replay.flows["suspended_complaint"],
            }
        )
        previous_total = snapshot["total"]
        replay.flows.clear()
    return rows
