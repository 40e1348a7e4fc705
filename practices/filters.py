"""The practices library's filters (`/pratiques/`): theme, département and kind of partner, each
repeatable. A kind of partner matches the structure that leads the action as well as its partners."""

from django.db.models import Q

from core.filters import AllowListFilter, LenientFilterSet
from taxonomy.models import Departement, Theme

from .pages import NARRATIVE_FIELDS, PartnerKind, PracticePartner, PracticeSheetPage

SHEETS_PER_PAGE = 20


class PracticeFilter(LenientFilterSet):
    theme = AllowListFilter(method="with_themes")
    departement = AllowListFilter(field_name="departement__code")
    partner = AllowListFilter(method="with_partner_kinds", choices=PartnerKind.choices)

    def __init__(self, data, parent=None):
        sheets = PracticeSheetPage.objects.live().public()
        if parent is not None:
            sheets = sheets.child_of(parent)
        super().__init__(data, queryset=sheets)
        self.parent = parent
        self.set_choices("theme", ((t.slug, t.name) for t in Theme.objects.all()))
        self.set_choices("departement", ((d.code, str(d)) for d in Departement.objects.in_order()))

    # Subqueries rather than joins: a sheet with two matching themes or partners is listed once, and
    # the list needs no DISTINCT.
    def with_themes(self, sheets, name, value):
        through = PracticeSheetPage.themes.through.objects.filter(theme__slug__in=value)
        return sheets.filter(pk__in=through.values("practicesheetpage_id"))

    def with_partner_kinds(self, sheets, name, value):
        partners = PracticePartner.objects.filter(kind__in=value)
        return sheets.filter(Q(lead_kind__in=value) | Q(pk__in=partners.values("sheet_id")))

    def results(self):
        """Newest first; everything a card shows comes in a fixed number of queries."""
        return (
            self.qs.select_related("departement")
            .prefetch_related("themes", "partners")
            .defer(*NARRATIVE_FIELDS)
            .order_by("-first_published_at", "-pk")
        )

    def paginate(self, page_number):
        return self.paginate_published(self.results(), SHEETS_PER_PAGE, page_number)
