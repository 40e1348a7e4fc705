"""The links a subscriber uses without an account.

Confirmation: a random token, stored hashed, single use, valid NEWSLETTER_CONFIRMATION_HOURS.
Manage / unsubscribe: a signed token naming the subscriber and the subscriber's key; it does not expire (it
is in every email) and is revoked by changing the key (`rotate_key`)."""

import datetime
import hashlib
import secrets

from django.conf import settings
from django.core import signing
from django.utils import timezone

from core.public_url import public_url

from ..models import Subscriber, new_key

SALT = "newsletter.manage"


def hash_token(token):
    return hashlib.sha256(token.encode()).hexdigest()


def issue_confirmation(subscriber):
    """A new confirmation token for `subscriber` (any earlier one stops working). Saves the subscriber."""
    token = secrets.token_urlsafe(32)
    subscriber.confirmation_hash = hash_token(token)
    subscriber.confirmation_sent_at = timezone.now()
    subscriber.save(update_fields=["confirmation_hash", "confirmation_sent_at"])
    return token


def confirmation_lifetime():
    return datetime.timedelta(hours=settings.NEWSLETTER_CONFIRMATION_HOURS)


def subscriber_for_confirmation(token):
    """The subscriber this confirmation token belongs to, or None (unknown, used, or expired)."""
    if not token or len(token) > 100:
        return None
    subscriber = Subscriber.objects.filter(confirmation_hash=hash_token(token)).first()
    if subscriber is None or subscriber.confirmation_sent_at is None:
        return None
    if timezone.now() - subscriber.confirmation_sent_at > confirmation_lifetime():
        return None
    return subscriber


def manage_token(subscriber):
    return signing.Signer(salt=SALT).sign_object(
        [subscriber.pk, subscriber.key[:12]], compress=True
    )


def subscriber_for_manage_token(token):
    """The subscriber a manage/unsubscribe token names, or None (forged, revoked, or erased)."""
    try:
        pk, key = signing.Signer(salt=SALT).unsign_object(token)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    subscriber = Subscriber.objects.filter(pk=pk).first()
    if subscriber is None or not isinstance(key, str) or subscriber.key[:12] != key:
        return None
    return subscriber


def rotate_key(subscriber):
    subscriber.key = new_key()
    subscriber.save(update_fields=["key"])


def confirm_url(token):
    return public_url(f"/abonnements/confirmer/{token}/")


def manage_url(subscriber):
    return public_url(f"/abonnements/gerer/{manage_token(subscriber)}/")


def unsubscribe_url(subscriber):
    return public_url(f"/abonnements/desinscription/{manage_token(subscriber)}/")
