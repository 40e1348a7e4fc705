"""The funding rules in the admin: a snippet the Comité de rédaction keeps (permissions by migration)."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import FundingRule


class FundingRuleViewSet(SnippetViewSet):
    model = FundingRule
    icon = "table"
    menu_label = "Financement de l'État"
    menu_order = 800
    add_to_admin_menu = True
    list_display = ["title", "valid_from", "valid_until", "evaluation_amount", "live"]
    ordering = ["-valid_from"]


register_snippet(FundingRuleViewSet)
