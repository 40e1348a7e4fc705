"""Admin views of the vocabulary. The themes are edited in the « Référentiels » menu, which the content app
groups with its glossary."""

from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Theme


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = "Thèmes"
    list_display = ["name", "slug", "position"]
    search_fields = ["name", "slug"]
    # The address editors know from before the themes left the content app.
    url_prefix = "snippets/content/theme"
