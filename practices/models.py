"""The practices library (`/pratiques/`): action sheets (*fiches action*) in which départements and
associations share what they did, for whom, with whom, and what came of it.

A sheet is a page, so it is drafted, submitted, moderated, versioned and published like the rest of the
content; members of the network propose sheets from the public site (`services.submit_sheet`), which
become drafts in the committee's workflow.
"""

from content.models import SectionIndexPage

from .filters import PracticeFilter
from .pages import (  # noqa: F401  (the app's models, re-exported for `practices.models`)
    NARRATIVE_FIELDS,
    RESERVED_SLUGS,
    PartnerKind,
    PracticePartner,
    PracticeSheetPage,
)


class PracticeIndexPage(SectionIndexPage):
    """`/pratiques/`: every published sheet, newest first, filterable by theme, département and kind of
    partner."""

    subpage_types = ["practices.PracticeSheetPage"]

    class Meta:
        verbose_name = "bibliothèque des pratiques"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        practice_filter = PracticeFilter(request.GET, parent=self)
        context["filter"] = practice_filter
        context["page_obj"] = practice_filter.paginate(request.GET.get("page"))
        return context
