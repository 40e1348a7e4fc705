"""The helpdesk in the Wagtail admin: the jurists' URLs and a menu shown only to them; canned answers and
topics as snippets, editable by the Juristes group (permissions granted by migration), whose choosers
only the Juristes and superusers may open."""

from django.core.exceptions import PermissionDenied
from django.urls import reverse
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import chooser
from wagtail.snippets.views.snippets import SnippetViewSet

from . import admin_views, services
from .models import CannedAnswer, Topic


class JuristsOnly:
    """Wagtail's snippet choosers are open to every admin user; these list helpdesk titles."""

    def dispatch(self, request, *args, **kwargs):
        if not services.is_jurist(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class JuristChooseView(JuristsOnly, chooser.ChooseView):
    pass


class JuristChooseResultsView(JuristsOnly, chooser.ChooseResultsView):
    pass


class JuristChosenView(JuristsOnly, chooser.SnippetChosenView):
    pass


class JuristChosenMultipleView(JuristsOnly, chooser.SnippetChosenMultipleView):
    pass


class JuristCreateView(JuristsOnly, chooser.SnippetCreateView):
    pass


class JuristChooserViewSet(chooser.SnippetChooserViewSet):
    choose_view_class = JuristChooseView
    choose_results_view_class = JuristChooseResultsView
    chosen_view_class = JuristChosenView
    chosen_multiple_view_class = JuristChosenMultipleView
    create_view_class = JuristCreateView


class CannedAnswerViewSet(SnippetViewSet):
    model = CannedAnswer
    chooser_viewset_class = JuristChooserViewSet
    icon = "openquote"
    menu_label = "Réponses types"
    add_to_admin_menu = False
    list_display = ["title"]
    search_fields = ["title", "body"]


class TopicViewSet(SnippetViewSet):
    model = Topic
    chooser_viewset_class = JuristChooserViewSet
    icon = "tag"
    menu_label = "Sujets"
    add_to_admin_menu = False
    list_display = ["name", "slug", "active", "position"]
    search_fields = ["name"]


canned_answers = CannedAnswerViewSet()
topics = TopicViewSet()
register_snippet(canned_answers)
register_snippet(topics)


class JuristMenuItem(MenuItem):
    def is_shown(self, request):
        return services.is_jurist(request.user)


class JuristSubmenu(SubmenuMenuItem):
    def is_shown(self, request):
        return services.is_jurist(request.user)


@hooks.register("register_admin_urls")
def register_helpdesk_urls():
    return admin_views.urls()


@hooks.register("register_admin_menu_item")
def register_helpdesk_menu():
    menu = Menu(
        items=[
            JuristMenuItem(
                "File des demandes", reverse("helpdesk_admin:queue"), icon_name="list-ul", order=100
            ),
            JuristMenuItem(
                "Statistiques", reverse("helpdesk_admin:statistics"), icon_name="table", order=200
            ),
            JuristMenuItem(
                "Réponses types",
                reverse(canned_answers.get_url_name("list")),
                icon_name="openquote",
                order=300,
            ),
            JuristMenuItem(
                "Sujets", reverse(topics.get_url_name("list")), icon_name="tag", order=400
            ),
            JuristMenuItem(
                "Données d'un demandeur",
                reverse("helpdesk_admin:requester"),
                icon_name="user",
                order=500,
            ),
        ]
    )
    return JuristSubmenu(
        "Permanence juridique", menu, icon_name="mail", name="permanence", order=260
    )
