"""Queries behind the content pages, kept out of views and templates so their cost stays constant."""

from django.db.models import Prefetch, Q
from django.utils import timezone

from taxonomy.models import Theme

from .pages import LEGAL_KINDS, ArticlePage, DossierPage, ResourcePage

# A card's themes, read for the whole list at once into `theme_list`.
LISTED_THEMES = Prefetch("themes", to_attr="theme_list")


def dossiers_by_theme(index_page=None):
    """Themes that have live dossiers, each with its dossiers, then the dossiers without a theme.

    Three queries whatever the number of dossiers. Only what a link needs is read: loading the dossiers'
    bodies (StreamField JSON) was two thirds of the page's time."""
    dossiers = (
        DossierPage.objects.live()
        .public()
        .order_by("title")
        .only("title", "url_path", "path", "depth", "locale_id")
    )
    if index_page is not None:
        dossiers = dossiers.child_of(index_page)
    themes = Theme.objects.prefetch_related(
        Prefetch("dossiers", queryset=dossiers, to_attr="live_dossiers")
    )
    grouped = [theme for theme in themes if theme.live_dossiers]
    unclassified = list(dossiers.filter(themes__isnull=True))
    return grouped, unclassified


def with_listing_relations(resources):
    """Everything a resource card or feed item shows: the themes as a plain list (`theme_list`), so the
    list costs the same at 10 or 10,000 rows; the body, which no card shows, is not read. A list rather
    than the related manager's cache, which modelcluster fills by building a queryset per resource."""
    return resources.defer("body").prefetch_related(LISTED_THEMES)


def overdue_for_review(today=None):
    """Dossiers, articles and legal resources whose review date has passed, and dossiers and articles with
    a legal reference whose link does not reach its article or decision; oldest review date first."""
    today = today or timezone.localdate()
    due = Q(review_due__lt=today) | Q(legal_links_to_fix__gt=0)
    pages = [
        *DossierPage.objects.filter(due),
        *ArticlePage.objects.filter(due),
        *ResourcePage.objects.filter(kind__in=LEGAL_KINDS, review_due__lt=today),
    ]
    return sorted(pages, key=lambda page: (page.review_due, page.title))
