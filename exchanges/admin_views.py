"""The committee's moderation of the discussion list, in the Wagtail admin: the queue of pending
messages, and one page per message to edit it, approve it (archived and sent to the list) or reject it
with a reason (sent to the author). Everyone else gets 403 before anything is looked up."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import include, path, reverse
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from . import services
from .forms import ModerationForm
from .models import Message
from .views import private


class ModeratorsOnly:
    def dispatch(self, request, *args, **kwargs):
        if not services.can_moderate(request.user):
            raise PermissionDenied
        return private(super().dispatch(request, *args, **kwargs))


class ExchangesPage(ModeratorsOnly, WagtailAdminTemplateMixin, TemplateView):
    header_icon = "comment"

    def get_breadcrumbs_items(self):
        items = [*self.breadcrumbs_items]
        if self.request.resolver_match.url_name != "queue":
            items.append({"url": reverse("exchanges_admin:queue"), "label": QueueView.page_title})
        return [*items, {"url": "", "label": self.get_page_title()}]


class QueueView(ExchangesPage):
    template_name = "exchanges/admin/queue.html"
    page_title = "Messages à modérer"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["pending"] = services.moderation_queue()
        context["recent"] = services.recently_moderated()
        return context


class ModerateView(ExchangesPage):
    template_name = "exchanges/admin/moderate.html"

    def get_page_title(self):
        return f"Message n°\u00a0{self.message.pk}"

    def dispatch(self, request, *args, **kwargs):
        if not services.can_moderate(request.user):
            raise PermissionDenied
        self.message = get_object_or_404(
            Message.objects.select_related("thread", "author", "moderated_by"), pk=kwargs["pk"]
        )
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        message = self.message
        context.update(
            {
                "message": message,
                "attachments": message.attachments.all(),
                "earlier": message.thread.approved_messages()
                .exclude(pk=message.pk)
                .select_related("author"),
                "trusted": message.author is not None and services.is_trusted(message.author),
                "form": kwargs.get("form")
                or ModerationForm(
                    initial={"subject": message.thread.subject, "body": message.body}
                ),
            }
        )
        return context

    def post(self, request, pk):
        form = ModerationForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        data, message = form.cleaned_data, self.message
        try:
            if "reject" in request.POST:
                services.reject(message, request.user, data["reason"])
                messages.success(request, "Message refusé ; son auteur est prévenu par courriel.")
            else:
                services.approve(message, request.user, subject=data["subject"], body=data["body"])
                if "trust" in request.POST and message.author is not None:
                    services.set_trusted(message.author, True)
                messages.success(request, "Message approuvé : il est publié et envoyé à la liste.")
        except services.ModerationError as error:
            form.add_error("reason" if "reject" in request.POST else None, str(error))
            return self.render_to_response(self.get_context_data(form=form), status=400)
        return redirect("exchanges_admin:queue")


admin_urlpatterns = [
    path("", QueueView.as_view(), name="queue"),
    path("<int:pk>/", ModerateView.as_view(), name="moderate"),
]


def urls():
    return [
        path(
            "echanges/",
            include((admin_urlpatterns, "exchanges_admin"), namespace="exchanges_admin"),
        )
    ]
