"""The ticket's audit log: every read and change, by whom."""

from ..models import AuditAction, AuditEntry
from .roles import is_jurist


def audit(ticket, action, user=None, detail="", actor=None):
    """Log who did what on a ticket. Without a user, the actor is the requester (or `actor`, e.g. "système")."""
    # every action has its French label in AuditAction: an unlisted code would reach the journal raw
    action = AuditAction(action)
    if actor is None:
        actor = "demandeur" if user is None else ("juriste" if is_jurist(user) else "utilisateur")
    return AuditEntry.objects.create(
        ticket=ticket,
        user=user if user and user.is_authenticated else None,
        actor=actor,
        action=action,
        detail=detail,
    )
