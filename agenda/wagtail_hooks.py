"""Events are edited as a moderated snippet: contributors submit, the committee publishes."""

from wagtail.admin.filters import WagtailFilterSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Event


class EventFilterSet(WagtailFilterSet):
    class Meta:
        model = Event
        fields = ["kind", "format", "status", "live", "departement"]


class EventViewSet(SnippetViewSet):
    model = Event
    icon = "date"
    menu_label = "Agenda"
    menu_name = "agenda"
    menu_order = 240
    add_to_admin_menu = True
    list_display = ["title", "kind", "status", "city"]
    list_export = ["title", "kind", "format", "status", "city"]
    filterset_class = EventFilterSet
    search_fields = ["title", "summary", "city"]
    # Plain database filtering on these columns: Wagtail's SQLite full-text backend cannot restrict a search
    # to fields (wagtail#10217, "no such column"), and substrings suit an admin list.
    search_backend_name = None
    ordering = ["title"]


register_snippet(EventViewSet)
