"""Cross-app composition for the home page: each app exposes what it shows, the home assembles."""

from agenda.services import upcoming_sessions
from content.models import DossierPage, ResourcePage
from content.services import LISTED_THEMES, with_listing_relations

HOME_DOSSIERS = 6
HOME_RESOURCES = 6
HOME_EVENTS = 5


def home_sections():
    dossiers = (
        DossierPage.objects.live().public().defer_streamfields().prefetch_related(LISTED_THEMES)
    )
    featured = list(dossiers.filter(featured=True).order_by("title")[:HOME_DOSSIERS])
    if not featured:
        featured = list(dossiers.order_by("-last_published_at")[:HOME_DOSSIERS])
    resources = with_listing_relations(
        ResourcePage.objects.live().public().order_by("-date", "-pk")
    )
    return {
        "featured_dossiers": featured,
        "latest_resources": list(resources[:HOME_RESOURCES]),
        "upcoming_events": upcoming_sessions(limit=HOME_EVENTS),
    }
