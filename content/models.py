"""The content app's models: the section index pages (`/dossiers/`, `/ressources/`), which list the content
through `services`, and, re-exported, the content itself (`pages`). `services` reads `pages` only, so no module
of the app imports one that imports it back.
"""

from django.utils.functional import SimpleLazyObject
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from core.blocks import RICH_TEXT_FEATURES

from .pages import (  # noqa: F401  (the app's models, re-exported for `content.models`)
    LEGAL_KINDS,
    ArticlePage,
    DossierPage,
    DossierRelatedResource,
    DossierTag,
    GlossaryEntry,
    ResourceKind,
    ResourcePage,
    ResourceTag,
    ReviewableMixin,
)
from .services import dossiers_by_theme


class SectionIndexPage(Page):
    """A single section landing page under the home page, with an editable introduction."""

    intro = RichTextField("introduction", blank=True, features=RICH_TEXT_FEATURES)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["portal.HomePage"]
    max_count = 1

    class Meta:
        abstract = True


class DossierIndexPage(SectionIndexPage):
    """`/dossiers/`: every dossier, grouped by theme."""

    subpage_types = ["content.DossierPage"]

    class Meta:
        verbose_name = "index des dossiers"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The list changes only when a dossier is published: the template renders it once per published
        # version (a cached fragment), and it is read only when that fragment is stale.
        context["dossiers"] = SimpleLazyObject(
            lambda: dict(zip(("themes", "unclassified"), dossiers_by_theme(self), strict=True))
        )
        return context


class ResourceIndexPage(SectionIndexPage):
    """`/ressources/`: the library, newest first, filterable by kind, theme, year and tag."""

    subpage_types = ["content.ResourcePage"]

    class Meta:
        verbose_name = "bibliothèque de ressources"

    def get_context(self, request, *args, **kwargs):
        from .filters import ResourceFilter

        context = super().get_context(request, *args, **kwargs)
        resource_filter = ResourceFilter(request.GET, parent=self)
        context["filter"] = resource_filter
        # Read only when the cached list (a fragment per published version, filters and page) is stale.
        context["page_obj"] = resource_filter.paginate(request.GET.get("page"))
        return context
