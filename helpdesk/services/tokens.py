"""Follow-up tokens: sent once by email, stored only as their SHA-256."""

import hashlib
import hmac
import secrets

from django.urls import reverse

from core.public_url import public_url

from ..models import AccessToken


def hash_token(token):
    return hashlib.sha256(token.encode()).hexdigest()


def issue_token(ticket):
    """A new follow-up token for `ticket`; only its hash is kept, the token itself goes in one email."""
    token = secrets.token_urlsafe(32)
    AccessToken.objects.create(ticket=ticket, token_hash=hash_token(token))
    return token


def access_for_token(token):
    """The follow-up link (AccessToken) of a token, or None. The lookup is by hash (the stored value is
    never the token), and the hashes are compared again in constant time."""
    if not token or len(token) > 100:
        return None
    digest = hash_token(token)
    access = AccessToken.objects.select_related("ticket").filter(token_hash=digest).first()
    if access is None or not hmac.compare_digest(access.token_hash, digest):
        return None
    return access


def ticket_for_token(token):
    """The ticket a follow-up token opens, or None."""
    access = access_for_token(token)
    return ticket_for_access(access) if access else None


def ticket_for_access(access):
    """The ticket a follow-up link opens."""
    ticket = access.ticket
    # A duplicate merged into another ticket: its links open the ticket that now holds the thread.
    seen = set()
    while ticket.merged_into_id and ticket.pk not in seen:
        seen.add(ticket.pk)
        ticket = ticket.merged_into
    return ticket


def follow_up_url(token):
    return public_url(reverse("helpdesk:follow_up", kwargs={"token": token}))
