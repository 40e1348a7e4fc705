"""Writing the dated history (`SubscriptionEvent`) as subscribers and subscriptions change state. Every
change of state goes through these functions, so that the figures balance (see the model's docstring)."""

from django.utils import timezone

from ..models import Action, SubscriptionEvent


def log_subscriber(subscriber, action, reason="", at=None):
    """One subscriber event, with the state the subscriber is in after it (erased: "gone")."""
    SubscriptionEvent.objects.create(
        at=at or timezone.now(),
        action=action,
        subscriber_key=subscriber.pk,
        reason=reason,
        state="gone" if action in (Action.LEFT, Action.ERASED) else state_of(subscriber),
    )


def log_subscriptions(subscriptions, action, at=None):
    """STARTED or STOPPED for each subscription (they begin or stop being sent)."""
    at = at or timezone.now()
    SubscriptionEvent.objects.bulk_create(
        SubscriptionEvent(
            at=at,
            action=action,
            subscriber_key=subscription.subscriber_id,
            subscription_key=subscription.pk,
            kind=subscription.kind,
            theme_id=subscription.theme_id,
            departement_id=subscription.departement_id,
        )
        for subscription in subscriptions
    )


def state_of(subscriber):
    if subscriber.suspended_at:
        return "suspended"
    return "pending" if subscriber.confirmed_at is None else "active"


__all__ = ["Action", "log_subscriber", "log_subscriptions", "state_of"]
