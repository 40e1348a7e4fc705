"""Queries behind the content pages, kept out of views and templates so their cost stays constant."""

from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db.models import Prefetch, Q
from django.utils import timezone

from .models import LEGAL_KINDS, ArticlePage, DossierPage, ResourceKind, ResourcePage, Theme

RESOURCES_PER_PAGE = 20


def dossiers_by_theme(index_page=None):
    """Themes that have live dossiers, each with its dossiers, then the dossiers without a theme.

    Three queries whatever the number of dossiers."""
    dossiers = DossierPage.objects.live().public().order_by("title")
    if index_page is not None:
        dossiers = dossiers.child_of(index_page)
    themes = Theme.objects.prefetch_related(
        Prefetch("dossiers", queryset=dossiers, to_attr="live_dossiers")
    )
    grouped = [theme for theme in themes if theme.live_dossiers]
    unclassified = list(dossiers.filter(themes__isnull=True))
    return grouped, unclassified


def with_listing_relations(resources):
    """Everything a resource card shows, prefetched: the list costs the same at 10 or 10,000 rows."""
    return resources.prefetch_related("themes", "tags")


@dataclass(frozen=True)
class FilterChoice:
    value: str
    label: str
    selected: bool


class ResourceFilter:
    """Parses the library's query string. Every filter accepts several values; unknown values are
    dropped rather than raising, so a stale or hand-edited URL still shows a page."""

    def __init__(self, params, parent=None):
        self.params = params
        self.parent = parent
        self.themes = list(Theme.objects.all())
        kinds = dict(ResourceKind.choices)
        theme_slugs = {theme.slug for theme in self.themes}
        self.kind = [v for v in params.getlist("kind") if v in kinds]
        self.theme = [v for v in params.getlist("theme") if v in theme_slugs]
        # isdigit() alone accepts "²" or "٣", which int() refuses or reads as another year.
        self.year = [
            int(v)
            for v in params.getlist("year")
            if v.isascii() and v.isdigit() and 1900 < int(v) < 2200
        ]
        self.tag = [v.strip() for v in params.getlist("tag") if v.strip()][:5]

    @property
    def active(self):
        return bool(self.kind or self.theme or self.year or self.tag)

    def base_queryset(self):
        resources = ResourcePage.objects.live().public()
        if self.parent is not None:
            resources = resources.child_of(self.parent)
        return resources

    def queryset(self):
        resources = self.base_queryset()
        if self.kind:
            resources = resources.filter(kind__in=self.kind)
        if self.theme:
            resources = resources.filter(themes__slug__in=self.theme)
        if self.year:
            resources = resources.filter(date__year__in=self.year)
        for tag in self.tag:
            resources = resources.filter(tags__name__iexact=tag)
        return with_listing_relations(resources.distinct().order_by("-date", "-pk"))

    def paginate(self, page_number):
        return Paginator(self.queryset(), RESOURCES_PER_PAGE).get_page(page_number)

    def kind_choices(self):
        return [FilterChoice(v, label, v in self.kind) for v, label in ResourceKind.choices]

    def theme_choices(self):
        return [FilterChoice(t.slug, t.name, t.slug in self.theme) for t in self.themes]

    def year_choices(self):
        years = self.base_queryset().dates("date", "year", order="DESC")
        return [FilterChoice(str(d.year), str(d.year), d.year in self.year) for d in years]

    def querystring_without_page(self):
        query = self.params.copy()
        query.pop("page", None)
        return query.urlencode()


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
