"""Cross-app composition for the home page: each app exposes what it shows, the home assembles."""

from django.utils.functional import SimpleLazyObject

from agenda.services import upcoming_sessions
from content.models import DossierPage, ResourcePage
from content.services import LISTED_THEMES, with_listing_relations

HOME_DOSSIERS = 6
HOME_RESOURCES = 6
HOME_EVENTS = 5


def featured_dossiers():
    dossiers = (
        DossierPage.objects.live().public().defer_streamfields().prefetch_related(LISTED_THEMES)
    )
    featured = list(dossiers.filter(featured=True).order_by("title")[:HOME_DOSSIERS])
    return featured or list(dossiers.order_by("-last_published_at")[:HOME_DOSSIERS])


def latest_resources():
    resources = ResourcePage.objects.live().public().order_by("-date", "-pk")
    return list(with_listing_relations(resources)[:HOME_RESOURCES])


def home_sections():
    """The dossiers and resources change only on publication: the template renders them once per
    published version (a cached fragment) and they are read only when it is stale. The events depend on
    the time of day."""
    return {
        "featured_dossiers": SimpleLazyObject(featured_dossiers),
        "latest_resources": SimpleLazyObject(latest_resources),
        "upcoming_events": upcoming_sessions(limit=HOME_EVENTS),
    }
