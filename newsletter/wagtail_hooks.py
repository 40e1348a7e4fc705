"""The admin: the editorial newsletter (a snippet with preview, test send and send), the subscribers
(committee: list, suspend or reinstate; no address export except for superusers) and the figures."""

from django.urls import reverse
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.admin.widgets import ListingButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import admin_views
from .models import NewsletterIssue, Subscriber


class IssueViewSet(SnippetViewSet):
    model = NewsletterIssue
    icon = "mail"
    menu_label = "Lettres d'information"
    list_display = ["title", "created_at", "sent_at"]
    search_fields = ["title"]
    search_backend_name = None
    ordering = ["-created_at"]


class SubscriberFilterSet(WagtailFilterSet):
    class Meta:
        model = Subscriber
        fields = ["suspension_reason"]


class SubscriberViewSet(SnippetViewSet):
    """The committee reads the list and suspends an address after a bounce notice or lifts a suspension
    (listing buttons); its group has only the view permission: nobody adds an address without consent."""

    model = Subscriber
    icon = "user"
    menu_label = "Abonnés"
    list_display = ["email", "consent_at", "confirmed_at", "suspended_at", "suspension_reason"]
    filterset_class = SubscriberFilterSet
    search_fields = ["email"]
    search_backend_name = None
    ordering = ["email"]
    inspect_view_enabled = True
    # Changes go through the services (history, emails): the listing's buttons, never this form.
    panels = [FieldPanel("email", read_only=True)]


class NewsletterGroup(SnippetViewSetGroup):
    items = (IssueViewSet, SubscriberViewSet)
    menu_icon = "mail"
    menu_label = "Abonnements"
    menu_name = "abonnements"
    menu_order = 250


register_snippet(NewsletterGroup)


@hooks.register("register_admin_urls")
def register_newsletter_admin_urls():
    return admin_views.urls()


class CommitteeMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.is_committee(request.user)


@hooks.register("register_admin_menu_item")
def register_figures_menu():
    return CommitteeMenuItem(
        "Chiffres des abonnés", reverse("newsletter_admin:figures"), icon_name="table", order=251
    )


@hooks.register("register_snippet_listing_buttons")
def newsletter_listing_buttons(snippet, user, next_url=None):
    # Called for every row of every snippet listing: the committee check (a query) only for ours.
    if not isinstance(snippet, (NewsletterIssue, Subscriber)) or not admin_views.is_committee(user):
        return
    if isinstance(snippet, NewsletterIssue):
        yield ListingButton(
            "Aperçu et envoi",
            reverse("newsletter_admin:issue_send", args=[snippet.pk]),
            icon_name="mail",
            priority=5,
        )
    elif isinstance(snippet, Subscriber):
        yield ListingButton(
            "Lever la suspension" if snippet.suspended_at else "Suspendre",
            reverse("newsletter_admin:subscriber_suspension", args=[snippet.pk]),
            icon_name="warning",
            priority=5,
        )
