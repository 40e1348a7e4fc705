"""Admin for the directory: actors (moderated snippets), the managed list of services, and the public's error
reports, which the committee reads and marks as handled."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.html import format_html
from django.views.decorators.http import require_POST
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Actor, ActorReport, Service


class ActorViewSet(SnippetViewSet):
    model = Actor
    icon = "group"
    menu_label = "Acteurs"
    list_display = ["name", "kind", "city", "is_national", "last_verified", "live"]
    list_filter = ["kind", "is_national", "live"]
    search_fields = ["name", "city", "description"]
    # Plain database filtering on these columns: Wagtail's SQLite full-text backend cannot restrict a search
    # to fields (wagtail#10217, "no such column"), and substrings suit an admin list.
    search_backend_name = None
    ordering = ["name"]


class ServiceViewSet(SnippetViewSet):
    model = Service
    icon = "list-ul"
    menu_label = "Services"
    list_display = ["name", "slug", "position"]
    search_fields = ["name", "slug"]


class ActorLinkColumn(Column):
    """The reported actor, linked to its edit form in the admin."""

    def get_value(self, instance):
        url = reverse("wagtailsnippets_directory_actor:edit", args=[instance.actor_id])
        return format_html('<a href="{}">{}</a>', url, instance.actor.name)


class HandleColumn(Column):
    cell_template_name = "directory/admin/report_handle_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context.get("request")
        context["instance"] = instance
        context["csrf_token_value"] = get_token(request) if request else ""
        context["action_url"] = reverse(
            "wagtailsnippets_directory_actorreport:mark_handled", args=[instance.pk]
        )
        return context


class ActorReportFilterSet(WagtailFilterSet):
    class Meta:
        model = ActorReport
        fields = ["handled"]


class ActorReportViewSet(SnippetViewSet):
    model = ActorReport
    icon = "warning"
    menu_label = "Signalements d'erreur"
    list_display = [
        ActorLinkColumn("actor", label="Acteur"),
        "message",
        "created_at",
        BooleanColumn("handled", label="Traité"),
        HandleColumn("handle", label="Action"),
    ]
    filterset_class = ActorReportFilterSet
    search_fields = ["message", "actor__name"]
    ordering = ["handled", "-created_at"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "actor",
        "message",
        "reporter_name",
        "reporter_email",
        "created_at",
        "handled",
        "handled_at",
        "anonymised_at",
    ]
    form_fields = ["handled"]

    def get_queryset(self, request):
        return ActorReport.objects.select_related("actor")

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("handled/<int:pk>/", require_POST(self.mark_handled_view), name="mark_handled"),
        ]

    def mark_handled_view(self, request, pk):
        if not self.permission_policy.user_has_permission(request.user, "change"):
            raise PermissionDenied
        report = get_object_or_404(ActorReport, pk=pk)
        report.mark_handled(request.user)
        messages.success(request, f"Signalement sur « {report.actor} » marqué comme traité.")
        return redirect(self.menu_url)


class DirectoryGroup(SnippetViewSetGroup):
    items = (ActorViewSet, ServiceViewSet, ActorReportViewSet)
    menu_icon = "site"
    menu_label = "Annuaire"
    menu_name = "annuaire"


register_snippet(DirectoryGroup)


class OpenReportsPanel(Component):
    """The committee's dashboard: error reports waiting to be handled, newest first."""

    name = "directory_open_reports"
    template_name = "directory/admin/open_reports_panel.html"
    order = 60
    limit = 5

    def get_context_data(self, parent_context):
        reports = (
            ActorReport.objects.filter(handled=False)
            .select_related("actor")
            .order_by("-created_at")
        )
        return {
            "reports": list(reports[: self.limit]),
            "total": reports.count(),
            "url": reverse("wagtailsnippets_directory_actorreport:list") + "?handled=false",
        }


@hooks.register("construct_homepage_panels")
def add_open_reports_panel(request, panels):
    if request.user.has_perm("directory.view_actorreport"):
        panels.append(OpenReportsPanel())
