"""Admin for the committee: reference taxonomies as snippets, and the list of content overdue for review."""

from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from core.roles import EDITORS
from taxonomy.views import ThemeViewSet

from .models import GlossaryEntry
from .services import overdue_for_review

DASHBOARD_LIMIT = 8


def can_review(user):
    return user.is_active and (user.is_superuser or user.groups.filter(name=EDITORS).exists())


class GlossaryViewSet(SnippetViewSet):
    model = GlossaryEntry
    icon = "help"
    menu_label = "Lexique"
    list_display = ["term", "expansion"]
    search_fields = ["term", "expansion", "synonyms"]
    # Plain database filtering on these columns: Wagtail's SQLite full-text backend cannot restrict a search
    # to fields (wagtail#10217, "no such column"), and substrings suit an admin list.
    search_backend_name = None


class ReferenceGroup(SnippetViewSetGroup):
    items = (ThemeViewSet, GlossaryViewSet)
    menu_icon = "list-ul"
    menu_label = "Référentiels"
    menu_name = "referentiels"


register_snippet(ReferenceGroup)


class ReviewOverdueView(WagtailAdminTemplateMixin, TemplateView):
    """Dossiers, articles and legal resources past their review date, oldest first."""

    template_name = "content/admin/review_overdue.html"
    page_title = "Contenus à réviser"
    header_icon = "time"

    def dispatch(self, request, *args, **kwargs):
        if not can_review(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["pages"] = overdue_for_review()
        return context


class ReviewOverduePanel(Component):
    name = "review_overdue"
    template_name = "content/admin/review_overdue_panel.html"
    order = 50

    def get_context_data(self, parent_context):
        pages = overdue_for_review()
        return {
            "pages": pages[:DASHBOARD_LIMIT],
            "total": len(pages),
            "url": reverse("content_review_overdue"),
        }


@hooks.register("register_admin_urls")
def register_review_urls():
    return [path("a-reviser/", ReviewOverdueView.as_view(), name="content_review_overdue")]


class ReviewMenuItem(MenuItem):
    def is_shown(self, request):
        return can_review(request.user)


@hooks.register("register_admin_menu_item")
def register_review_menu_item():
    return ReviewMenuItem(
        "À réviser", reverse("content_review_overdue"), icon_name="time", order=250
    )


@hooks.register("construct_homepage_panels")
def add_review_panel(request, panels):
    if can_review(request.user):
        panels.insert(0, ReviewOverduePanel())
