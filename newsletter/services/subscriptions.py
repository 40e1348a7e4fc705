"""Subscribing, confirming, changing, leaving, suspending: every change of a subscriber's state, with its
history entry and its email."""

import datetime
import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from taxonomy.models import Departement, Theme

from ..models import Action, Frequency, Kind, Subscriber, Subscription, SuspensionReason
from .history import log_subscriber, log_subscriptions
from .mailing import queue_email
from .tokens import confirm_url, issue_confirmation

logger = logging.getLogger(__name__)


def normalise_email(email):
    local, _, domain = email.strip().rpartition("@")
    return f"{local}@{domain.lower()}"


def choices_to_subscriptions(subscriber, choices):
    """Unsaved subscriptions from choices (JSON-safe, as the forms give them and `pending_choices`
    keeps them): {"newsletter": bool, "echanges": bool, "themes": [theme id], "departements":
    [département id], "search": {"query": str, "filters": dict} or None, "frequency": str}."""
    frequency = choices.get("frequency") or Frequency.WEEKLY
    if frequency not in Frequency.values:
        frequency = Frequency.WEEKLY
    wanted = []
    if choices.get("newsletter"):
        wanted.append(
            Subscription(subscriber=subscriber, kind=Kind.NEWSLETTER, frequency=frequency)
        )
    if choices.get("echanges"):
        wanted.append(
            Subscription(subscriber=subscriber, kind=Kind.ECHANGES, frequency=Frequency.IMMEDIATE)
        )
    for theme in Theme.objects.filter(pk__in=choices.get("themes") or []).order_by("name"):
        wanted.append(
            Subscription(subscriber=subscriber, kind=Kind.THEME, theme=theme, frequency=frequency)
        )
    for departement in Departement.objects.filter(
        pk__in=choices.get("departements") or []
    ).order_by("code"):
        wanted.append(
            Subscription(
                subscriber=subscriber,
                kind=Kind.DEPARTEMENT,
                departement=departement,
                frequency=frequency,
            )
        )
    search = choices.get("search")
    if search and (search.get("query") or search.get("filters")):
        wanted.append(
            Subscription(
                subscriber=subscriber,
                kind=Kind.SEARCH,
                query=(search.get("query") or "")[:200],
                filters=search.get("filters") or {},
                frequency=frequency,
            )
        )
    return wanted


def _identity(subscription):
    return (
        subscription.kind,
        subscription.theme_id,
        subscription.departement_id,
        subscription.query,
        repr(sorted((subscription.filters or {}).items())),
    )


@transaction.atomic
def subscribe(email, choices):
    """A request from the public form: the choices wait, with a new confirmation link sent to the
    address, until the link is opened (`confirm`). Nothing else is sent before. The answer is the same
    whether the address is new, pending or already subscribed (nobody learns who is subscribed), and an
    already subscribed address only gains subscriptions once its owner confirms them."""
    email = normalise_email(email)
    subscriber = Subscriber.objects.select_for_update().filter(email__iexact=email).first()
    if subscriber is None:
        subscriber = Subscriber.objects.create(email=email)
        log_subscriber(subscriber, Action.SIGNED_UP)
    if subscriber.confirmed_at is None:
        subscriber.consent_at = timezone.now()
    subscriber.pending_choices = choices
    subscriber.save(update_fields=["consent_at", "pending_choices"])
    token = issue_confirmation(subscriber)
    queue_email(
        subscriber,
        "confirm",
        category="service",
        confirm_link=confirm_url(token),
        subscriptions=choices_to_subscriptions(subscriber, choices),
        already=subscriber.confirmed_at is not None,
        hours=settings.NEWSLETTER_CONFIRMATION_HOURS,
    )
    return subscriber


@transaction.atomic
def confirm(subscriber):
    """The confirmation link was opened (the token was checked by the caller): the address is confirmed,
    the waiting choices are added to its subscriptions, which start now; the token is used up."""
    subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
    now = timezone.now()
    first_time = subscriber.confirmed_at is None
    subscriber.confirmation_hash = ""
    if first_time:
        subscriber.confirmed_at = now
    existing = {_identity(s) for s in subscriber.subscriptions.all()}
    added = [
        s
        for s in choices_to_subscriptions(subscriber, subscriber.pending_choices or {})
        if _identity(s) not in existing
    ]
    subscriber.pending_choices = {}
    subscriber.save(update_fields=["confirmation_hash", "confirmed_at", "pending_choices"])
    if first_time:
        log_subscriber(subscriber, Action.CONFIRMED, at=now)
    for subscription in added:
        # Alerts start from the confirmation: nothing published before it is sent.
        subscription.last_sent_until = now
        subscription.created_at = now
        subscription.save()
    if subscriber.is_active:
        log_subscriptions(added, Action.STARTED, at=now)
    return subscriber


@transaction.atomic
def replace_subscriptions(subscriber, choices):
    """The manage page: the subscriber's choices become `choices`. A subscription kept unchanged keeps its
    history and its last-sent marker; a new one starts now, a removed one stops."""
    current = list(subscriber.subscriptions.all())
    wanted = choices_to_subscriptions(subscriber, choices)

    by_identity = {_identity(s): s for s in current}
    kept, created = set(), []
    now = timezone.now()
    for subscription in wanted:
        existing = by_identity.get(_identity(subscription))
        if existing is not None:
            kept.add(existing.pk)
            if existing.frequency != subscription.frequency:
                existing.frequency = subscription.frequency
                existing.save(update_fields=["frequency"])
        else:
            subscription.last_sent_until = now
            created.append(subscription)
    removed = [s for s in current if s.pk not in kept]
    live = subscriber.is_active
    if removed:
        if live:
            log_subscriptions(removed, Action.STOPPED, at=now)
        Subscription.objects.filter(pk__in=[s.pk for s in removed]).delete()
    if created:
        Subscription.objects.bulk_create(created)
        if live:
            log_subscriptions(
                subscriber.subscriptions.filter(
                    created_at__gte=now - datetime.timedelta(seconds=1)
                ).exclude(pk__in=kept),
                Action.STARTED,
                at=now,
            )
    return subscriber


@transaction.atomic
def forget(subscriber):
    """Unsubscribe from everything: the address and its choices are erased; the history keeps only
    numbers."""
    subscriber = Subscriber.objects.select_for_update().filter(pk=subscriber.pk).first()
    if subscriber is None:
        return
    now = timezone.now()
    if subscriber.is_active:
        log_subscriptions(subscriber.subscriptions.all(), Action.STOPPED, at=now)
    log_subscriber(subscriber, Action.LEFT, at=now)
    # The outbox keeps no address of an erased subscriber; what was not sent yet is not sent.
    subscriber.emails.filter(status="pending").update(
        status="failed", last_error="unsubscribed", body="", html_body="", headers={}
    )
    subscriber.emails.update(to="desinscrit@invalid")
    subscriber.delete()


@transaction.atomic
def suspend(subscriber, reason):
    """A bounce or a complaint: nothing more is sent, the address and its choices are kept (the committee
    sees it and may lift the suspension)."""
    if reason not in SuspensionReason.values:
        raise ValueError(f"unknown suspension reason {reason!r}")
    subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
    if subscriber.suspended_at is not None:
        return subscriber
    now = timezone.now()
    was_active = subscriber.is_active
    subscriber.suspended_at, subscriber.suspension_reason = now, reason
    subscriber.save(update_fields=["suspended_at", "suspension_reason"])
    if was_active:
        log_subscriptions(subscriber.subscriptions.all(), Action.STOPPED, at=now)
    log_subscriber(subscriber, Action.SUSPENDED, reason=reason, at=now)
    subscriber.emails.filter(status="pending").update(status="failed", last_error="suspended")
    return subscriber


@transaction.atomic
def reinstate(subscriber):
    subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
    if subscriber.suspended_at is None:
        return subscriber
    now = timezone.now()
    subscriber.suspended_at, subscriber.suspension_reason = None, ""
    subscriber.save(update_fields=["suspended_at", "suspension_reason"])
    log_subscriber(subscriber, Action.REINSTATED, at=now)
    if subscriber.confirmed_at:
        subscriber.subscriptions.update(last_sent_until=now)
        log_subscriptions(subscriber.subscriptions.all(), Action.STARTED, at=now)
    return subscriber


def erase_unconfirmed(now=None, dry_run=False):
    """Erase the addresses not confirmed NEWSLETTER_UNCONFIRMED_DAYS (7) after consent. Returns the count."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(days=settings.NEWSLETTER_UNCONFIRMED_DAYS)
    stale = Subscriber.objects.unconfirmed_before(cutoff)
    if dry_run:
        return stale.count()
    erased = 0
    for subscriber in stale.iterator():
        with transaction.atomic():
            log_subscriber(subscriber, Action.ERASED, at=now)
            subscriber.emails.update(
                to="efface@invalid", body="", html_body="", headers={}, status="failed"
            )
            subscriber.delete()
            erased += 1
    return erased
