"""The resource library's filters (`/ressources/`): kind, theme and year, each repeatable, and tags."""

import django_filters

from core import freshness
from core.filters import AllowListFilter, LenientFilterSet, RepeatedTextField
from taxonomy.models import Theme

from .pages import ResourceKind, ResourcePage
from .services import with_listing_relations

RESOURCES_PER_PAGE = 20


class TagsFilter(django_filters.Filter):
    """Every tag given must be on the resource (case-insensitive)."""

    field_class = RepeatedTextField

    def filter(self, qs, value):
        for tag in value:
            qs = qs.filter(tags__name__iexact=tag)
        return qs


class ResourceFilter(LenientFilterSet):
    kind = AllowListFilter(choices=ResourceKind.choices)
    theme = AllowListFilter(field_name="themes__slug")
    year = AllowListFilter(field_name="date", lookup_expr="year")
    tag = TagsFilter()

    def __init__(self, data, parent=None):
        resources = ResourcePage.objects.live().public()
        if parent is not None:
            resources = resources.child_of(parent)
        super().__init__(data, queryset=resources)
        self.parent = parent
        self.set_choices("theme", ((t.slug, t.name) for t in Theme.objects.all()))
        # Only the years that have resources are offered, and accepted. Reading them scans every
        # resource (SELECT DISTINCT date_trunc…): once per published-content version, not per request.
        years = freshness.cached(
            "resource-years",
            parent.pk if parent else "",
            lambda: [str(d.year) for d in resources.dates("date", "year", order="DESC")],
            24 * 3600,
        )
        self.set_choices("year", ((year, year) for year in years))

    def results(self):
        resources = self.qs
        # Only filters through to-many relations can repeat a resource; a DISTINCT on the unfiltered
        # list (over every column, the body included) is what made /ressources/ slow at scale.
        if self.values["theme"] or self.values["tag"]:
            resources = resources.distinct()
        return with_listing_relations(resources.order_by("-date", "-pk"))

    def paginate(self, page_number):
        return self.paginate_published(self.results(), RESOURCES_PER_PAGE, page_number)
