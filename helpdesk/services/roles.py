"""Who may work the helpdesk: the Juristes group and superusers."""

from django.db.models import Q

from core.roles import JURISTS


def is_jurist(user):
    """Jurists and superusers work the queue; nobody else sees a ticket."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    cached = getattr(user, "_helpdesk_is_jurist", None)
    if cached is None:
        cached = user._helpdesk_is_jurist = user.groups.filter(name=JURISTS).exists()
    return cached


def jurists():
    from django.contrib.auth import get_user_model

    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(is_superuser=True) | Q(groups__name=JURISTS))
        .distinct()
        .order_by("first_name", "last_name", "username")
    )
