"""Subscribing, confirming, changing, leaving, suspending: every change of a subscriber's state, with its
history entry and its email."""

import datetime
import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from ..models import Action, Frequency, Kind, Subscriber, Subscription, SuspensionReason
from .history import log_subscriber, log_subscriptions
from .mailing import queue_email
from .tokens import confirm_url, issue_confirmation, manage_url

logger = logging.getLogger(__name__)


def normalise_email(email):
    local, _, domain = email.strip().rpartition("@")
    return f"{local}@{domain.lower()}"


def choices_to_subscriptions(subscriber, choices):
    """Unsaved subscriptions from the form's choices: {"newsletter": bool, "echanges": bool, "themes":
    [Theme], "departements": [Departement], "search": {"query": str, "filters": dict} or None,
    "frequency": str}."""
    frequency = choices.get("frequency") or Frequency.WEEKLY
    wanted = []
    if choices.get("newsletter"):
        wanted.append(Subscription(subscriber=subscriber, kind=Kind.NEWSLETTER))
    if choices.get("echanges"):
        wanted.append(
            Subscription(subscriber=subscriber, kind=Kind.ECHANGES, frequency=Frequency.IMMEDIATE)
        )
    for theme in choices.get("themes") or []:
        wanted.append(
            Subscription(subscriber=subscriber, kind=Kind.THEME, theme=theme, frequency=frequency)
        )
    for departement in choices.get("departements") or []:
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
                query=search.get("query", "")[:200],
                filters=search.get("filters") or {},
                frequency=frequency,
            )
        )
    return wanted


@transaction.atomic
def subscribe(email, choices):
    """A request from the public form. A new or unconfirmed address gets (again) a confirmation link and
    its choices are (re)placed; an address already confirmed keeps its choices and is sent its manage link
    instead, so that nobody can change another person's subscriptions or learn who is subscribed."""
    email = normalise_email(email)
    subscriber = Subscriber.objects.select_for_update().filter(email__iexact=email).first()
    if subscriber is not None and subscriber.confirmed_at is not None:
        queue_email(
            subscriber, "already_subscribed", category="service", manage_link=manage_url(subscriber)
        )
        return subscriber
    if subscriber is None:
        subscriber = Subscriber.objects.create(email=email)
        log_subscriber(subscriber, Action.SIGNED_UP)
    else:
        subscriber.consent_at = timezone.now()
        subscriber.save(update_fields=["consent_at"])
        subscriber.subscriptions.all().delete()
    Subscription.objects.bulk_create(choices_to_subscriptions(subscriber, choices))
    token = issue_confirmation(subscriber)
    queue_email(
        subscriber,
        "confirm",
        category="service",
        confirm_link=confirm_url(token),
        subscriptions=list(subscriber.subscriptions.select_related("theme", "departement")),
        hours=settings.NEWSLETTER_CONFIRMATION_HOURS,
    )
    return subscriber


@transaction.atomic
def confirm(subscriber):
    """The address is confirmed (the token was checked by the caller): its subscriptions start, the
    token is used up. Confirming twice changes nothing."""
    subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
    subscriber.confirmation_hash = ""
    if subscriber.confirmed_at is None:
        now = timezone.now()
        subscriber.confirmed_at = now
        subscriber.save(update_fields=["confirmation_hash", "confirmed_at"])
        log_subscriber(subscriber, Action.CONFIRMED, at=now)
        subscriptions = list(subscriber.subscriptions.all())
        # Alerts start from the confirmation: nothing published before it is sent.
        subscriber.subscriptions.update(last_sent_until=now)
        log_subscriptions(subscriptions, Action.STARTED, at=now)
    else:
        subscriber.save(update_fields=["confirmation_hash"])
    return subscriber


@transaction.atomic
def replace_subscriptions(subscriber, choices):
    """The manage page: the subscriber's choices become `choices`. A subscription kept unchanged keeps its
    history and its last-sent marker; a new one starts now, a removed one stops."""
    current = list(subscriber.subscriptions.all())
    wanted = choices_to_subscriptions(subscriber, choices)

    def identity(subscription):
        return (
            subscription.kind,
            subscription.theme_id,
            subscription.departement_id,
            subscription.query,
            repr(sorted((subscription.filters or {}).items())),
        )

    by_identity = {identity(s): s for s in current}
    kept, created = set(), []
    now = timezone.now()
    for subscription in wanted:
        existing = by_identity.get(identity(subscription))
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
