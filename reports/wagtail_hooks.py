"""The audience and the activity report in the admin menu, for those allowed to read them."""

from django.urls import reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


@hooks.register("register_admin_urls")
def register_report_urls():
    return admin_views.urls()


@hooks.register("register_reports_menu_item")
def register_activity_report_menu():
    return PermissionMenuItem(
        "Rapport d'activité",
        reverse("reports_admin:report"),
        icon_name="doc-full",
        order=900,
        permission=admin_views.REPORT_PERMISSION,
    )


@hooks.register("register_reports_menu_item")
def register_audience_menu():
    return PermissionMenuItem(
        "Audience du portail",
        reverse("reports_audience"),
        icon_name="view",
        order=910,
        permission=admin_views.AUDIENCE_PERMISSION,
    )
