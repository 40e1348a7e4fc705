"""The discussion list in the admin: the committee's moderation queue and the list's participants (who
may reply without moderation), under one menu shown to the committee and superusers only."""

from django.urls import reverse
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.viewsets.model import ModelViewSet

from . import admin_views, services
from .models import Participant


class ParticipantViewSet(ModelViewSet):
    model = Participant
    icon = "user"
    menu_label = "Participants"
    add_to_admin_menu = False
    form_fields = ["user", "trusted"]
    list_display = ["user", "trusted", "updated_at"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]


participants = ParticipantViewSet("exchanges_participants", url_prefix="echanges/participants")


@hooks.register("register_admin_viewset")
def register_participants():
    return participants


class ModeratorMenuItem(MenuItem):
    def is_shown(self, request):
        return services.can_moderate(request.user)


class ModeratorSubmenu(SubmenuMenuItem):
    def is_shown(self, request):
        return services.can_moderate(request.user)


@hooks.register("register_admin_urls")
def register_exchanges_urls():
    return admin_views.urls()


@hooks.register("register_admin_menu_item")
def register_exchanges_menu():
    menu = Menu(
        items=[
            ModeratorMenuItem(
                "Messages à modérer",
                reverse("exchanges_admin:queue"),
                icon_name="comment",
                order=100,
            ),
            ModeratorMenuItem(
                "Participants",
                reverse(participants.get_url_name("index")),
                icon_name="user",
                order=200,
            ),
        ]
    )
    return ModeratorSubmenu("Échanges", menu, icon_name="comment", name="echanges", order=270)
