"""The portal's own admin pages: the two-factor steps, under /admin/2fa/."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import two_factor_views


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [
        path("2fa/verifier/", two_factor_views.verify, name="portal_2fa_verify"),
        path("2fa/configurer/", two_factor_views.setup, name="portal_2fa_setup"),
    ]


@hooks.register("register_admin_menu_item")
def register_two_factor_menu_item():
    return MenuItem(
        "Double authentification",
        reverse("portal_2fa_setup"),
        icon_name="lock",
        order=10000,
    )
