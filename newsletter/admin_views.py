"""The committee's side in the Wagtail admin: sending an editorial newsletter (preview, test to oneself,
send to the subscribers), the subscriber figures and their CSV export, and the address export (superusers
only). Addresses never appear in the figures or their export."""

import csv
import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import include, path, reverse
from django.utils import timezone
from django.views.generic import TemplateView, View
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from core.dates import date_param
from core.roles import EDITORS
from core.spreadsheet import neutralise_formula

from . import figures, services
from .models import Kind, NewsletterIssue, Subscriber, SuspensionReason

SEND_PERMISSION = "newsletter.send_newsletterissue"


def is_committee(user):
    return user.is_active and (user.is_superuser or user.groups.filter(name=EDITORS).exists())


class CommitteeOnlyMixin:
    def dispatch(self, request, *args, **kwargs):
        if not is_committee(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class IssueSendView(CommitteeOnlyMixin, WagtailAdminTemplateMixin, TemplateView):
    """Preview links, a test send to oneself, and the send to every newsletter subscriber (once)."""

    template_name = "newsletter/admin/issue_send.html"
    header_icon = "mail"

    def dispatch(self, request, pk, *args, **kwargs):
        self.issue = get_object_or_404(NewsletterIssue, pk=pk)
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return f"Envoyer « {self.issue.title} »"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            {
                "issue": self.issue,
                "recipients": services.list_recipients(Kind.NEWSLETTER)
                .values("subscriber")
                .distinct()
                .count(),
                "can_send": self.request.user.has_perm(SEND_PERMISSION),
                "edit_url": reverse(
                    "wagtailsnippets_newsletter_newsletterissue:edit", args=[self.issue.pk]
                ),
            }
        )
        return context

    def post(self, request, *args, **kwargs):
        issue = self.issue
        if request.POST.get("action") == "test":
            if not request.user.email:
                messages.error(
                    request,
                    "Votre compte n'a pas d'adresse électronique : ajoutez-en une dans votre profil.",
                )
            else:
                services.queue_issue_test(issue, request.user.email)
                messages.success(request, f"Test envoyé à {request.user.email}.")
        elif request.POST.get("action") == "send":
            if not request.user.has_perm(SEND_PERMISSION):
                raise PermissionDenied
            if request.POST.get("confirm") != "1":
                messages.error(request, "Cochez la case de confirmation pour envoyer la lettre.")
            elif services.send_issue(issue, request.user):
                messages.success(
                    request, "La lettre part vers les abonnés ; elle est archivée sur /lettre/."
                )
            else:
                messages.error(request, "Cette lettre a déjà été envoyée.")
        return redirect("newsletter_admin:issue_send", pk=issue.pk)


class SuspensionView(CommitteeOnlyMixin, WagtailAdminTemplateMixin, TemplateView):
    """Suspend an address (a bounce or complaint notice reached the committee), or lift a suspension."""

    template_name = "newsletter/admin/suspension.html"
    header_icon = "warning"

    def dispatch(self, request, pk, *args, **kwargs):
        self.subscriber = get_object_or_404(Subscriber, pk=pk)
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return "Suspension d'une adresse"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update({"subscriber": self.subscriber, "reasons": SuspensionReason.choices})
        return context

    def post(self, request, *args, **kwargs):
        if self.subscriber.suspended_at:
            services.reinstate(self.subscriber)
            messages.success(request, "Suspension levée.")
        elif request.POST.get("reason") in SuspensionReason.values:
            services.suspend(self.subscriber, request.POST["reason"])
            messages.success(request, "Adresse suspendue : plus rien ne lui est envoyé.")
        else:
            messages.error(request, "Choisissez le motif de la suspension.")
            return redirect("newsletter_admin:subscriber_suspension", pk=self.subscriber.pk)
        return redirect("wagtailsnippets_newsletter_subscriber:list")


def _period(params):
    today = timezone.localdate()
    end = date_param(params, "fin") or today
    start = date_param(params, "debut") or (
        end.replace(day=1) - datetime.timedelta(days=335)
    ).replace(day=1)
    if start > end or (end - start).days > 5 * 366:
        start = end.replace(day=1)
    return start, end


class FiguresView(CommitteeOnlyMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "newsletter/admin/figures.html"
    page_title = "Abonnés : chiffres"
    header_icon = "table"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        start, end = _period(self.request.GET)
        current = figures.subscribers_on(end)
        context.update(
            {
                "start": start,
                "end": end,
                "current": current,
                "kinds": [(label, current["by_kind"][value]) for value, label in Kind.choices],
                "history": figures.subscriber_history(start, end),
                "period_query": f"debut={start.isoformat()}&fin={end.isoformat()}",
                "can_export_addresses": self.request.user.is_superuser,
            }
        )
        return context


def figures_csv_rows(start, end):
    current = figures.subscribers_on(end)
    rows = [["rubrique", "libellé", "valeur"]]
    rows.append(["au", end.isoformat(), ""])
    rows += [
        ["total", "abonnés actifs", current["total"]],
        ["total", "confirmations en attente", current["pending"]],
        ["total", "adresses suspendues", current["suspended"]],
    ]
    rows += [["liste", label, current["by_kind"][value]] for value, label in Kind.choices]
    rows += [["thème", name, count] for name, count in current["by_theme"].items()]
    rows += [["département", name, count] for name, count in current["by_departement"].items()]
    columns = [
        ("active", "abonnés actifs en fin de mois"),
        ("growth", "évolution"),
        ("signed_up", "inscriptions"),
        ("confirmed", "confirmations"),
        ("pending", "en attente en fin de mois"),
        ("left", "désinscriptions"),
        ("erased", "non confirmées effacées"),
        ("suspended_bounce", "suspensions (rebond)"),
        ("suspended_complaint", "suspensions (plainte)"),
    ]
    for row in figures.subscriber_history(start, end):
        rows += [[f"mois {row['month']:%Y-%m}", label, row[key]] for key, label in columns]
    return rows


def _csv_response(rows, filename):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store, private"
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";")
    writer.writerows(
        [neutralise_formula(c) if isinstance(c, str) else c for c in row] for row in rows
    )
    return response


class FiguresCsvView(CommitteeOnlyMixin, View):
    def get(self, request):
        start, end = _period(request.GET)
        return _csv_response(
            figures_csv_rows(start, end), f"abonnes-{start:%Y%m%d}-{end:%Y%m%d}.csv"
        )


class AddressesCsvView(View):
    """The subscribers' addresses: superusers only (data-protection requests, moving to another tool)."""

    def get(self, request):
        if not (request.user.is_active and request.user.is_superuser):
            raise PermissionDenied
        rows = [["adresse", "consentement", "confirmation", "suspension", "motif", "abonnements"]]
        for subscriber in Subscriber.objects.prefetch_related(
            "subscriptions__theme", "subscriptions__departement"
        ):
            rows.append(
                [
                    subscriber.email,
                    subscriber.consent_at.isoformat(),
                    subscriber.confirmed_at.isoformat() if subscriber.confirmed_at else "",
                    subscriber.suspended_at.isoformat() if subscriber.suspended_at else "",
                    subscriber.get_suspension_reason_display(),
                    " | ".join(s.label for s in subscriber.subscriptions.all()),
                ]
            )
        return _csv_response(rows, "abonnes-adresses.csv")


admin_urlpatterns = [
    path("lettres/<int:pk>/envoi/", IssueSendView.as_view(), name="issue_send"),
    path("abonnes/<int:pk>/suspension/", SuspensionView.as_view(), name="subscriber_suspension"),
    path("chiffres/", FiguresView.as_view(), name="figures"),
    path("chiffres.csv", FiguresCsvView.as_view(), name="figures_csv"),
    path("adresses.csv", AddressesCsvView.as_view(), name="addresses_csv"),
]


def urls():
    return [
        path(
            "abonnements/",
            include((admin_urlpatterns, "newsletter_admin"), namespace="newsletter_admin"),
        )
    ]
