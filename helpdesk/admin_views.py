"""The jurists' side, in the Wagtail admin: queue, ticket, statistics, requester export and erasure.

Every view refuses anyone who is not a jurist or a superuser (403) before looking anything up, and
every read or change of a ticket goes into the audit log.
"""

import csv
import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import include, path, reverse
from django.utils import timezone
from django.views.generic import TemplateView, View
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from core.dates import date_param
from core.spreadsheet import neutralise_formula

from . import services
from .filters import QueueFilter
from .forms import (
    AnswerForm,
    AssignForm,
    DossiersForm,
    FaqSheetForm,
    MergeForm,
    NoteForm,
    RequesterForm,
    StatusForm,
)
from .models import Attachment, CannedAnswer, FaqSheet, Status, Ticket
from .views import download, private

PAGE_SIZE = 50


class JuristOnlyMixin:
    def dispatch(self, request, *args, **kwargs):
        if not services.is_jurist(request.user):
            raise PermissionDenied
        response = super().dispatch(request, *args, **kwargs)
        return private(response)


class HelpdeskPage(JuristOnlyMixin, WagtailAdminTemplateMixin, TemplateView):
    """A helpdesk admin page headed by its own title: Wagtail's header shows the last breadcrumb, which
    is « Accueil » unless the view names itself."""

    def get_breadcrumbs_items(self):
        items = [*self.breadcrumbs_items]
        if self.request.resolver_match.url_name != "queue":
            items.append({"url": reverse("helpdesk_admin:queue"), "label": QueueView.page_title})
        return [*items, {"url": "", "label": self.get_page_title()}]


class QueueView(HelpdeskPage):
    template_name = "helpdesk/admin/queue.html"
    page_title = "File des demandes"
    header_icon = "mail"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        queue_filter = QueueFilter(self.request.GET, request=self.request, today=today)
        tickets, counts, facets = services.queue(queue_filter)
        queue_filter.show_counts(facets)
        page = Paginator(tickets, PAGE_SIZE).get_page(self.request.GET.get("page"))
        context.update(
            {
                "filter_form": queue_filter.form,
                "page_obj": page,
                "tickets": page.object_list,
                "today": today,
                "status_counts": [
                    (value, label, counts.get(value, 0)) for value, label in Status.choices
                ],
                # the listed tickets, under every filter including the status (the per-status counts
                # above are of the other filters' selection)
                "total": page.paginator.count,
                # of the filtered tickets, as the page says ("pour ces filtres")
                "overdue_count": tickets.overdue(today).count(),
                "querystring": queue_filter.querystring(),
            }
        )
        return context


class TicketView(HelpdeskPage):
    template_name = "helpdesk/admin/ticket.html"
    header_icon = "mail"

    def get_page_title(self):
        return f"Demande n°\u00a0{self.ticket.pk}"

    def dispatch(self, request, *args, **kwargs):
        if not services.is_jurist(request.user):
            raise PermissionDenied
        self.ticket = get_object_or_404(
            Ticket.objects.select_related("topic", "departement", "assignee", "merged_into"),
            pk=kwargs["pk"],
        )
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        ticket = self.ticket
        services.audit(ticket, "viewed", self.request.user)
        context.update(
            {
                "ticket": ticket,
                "today": timezone.localdate(),
                "thread": ticket.messages.select_related("author").prefetch_related("attachments"),
                "first_attachments": ticket.attachments.filter(message__isnull=True),
                "related": services.related_tickets(ticket)[:20],
                "audit_entries": ticket.audit_entries.select_related("user")[:50],
                "dossiers": ticket.dossiers.all(),
                "faq_sheet": FaqSheet.objects.filter(ticket=ticket).select_related("page").first(),
                "assign_form": AssignForm(initial={"assignee": ticket.assignee_id}),
                "status_form": StatusForm(initial={"status": ticket.status}),
                "answer_form": kwargs.get("answer_form") or AnswerForm(),
                "canned_texts": {
                    str(canned.pk): services.canned_text(canned)
                    for canned in CannedAnswer.objects.prefetch_related("pages")
                },
                "note_form": kwargs.get("note_form") or NoteForm(),
                "merge_form": MergeForm(),
                "dossiers_form": DossiersForm(initial={"dossiers": list(ticket.dossiers.all())}),
                "status_choices": Status.choices,
            }
        )
        return context


class TicketActionView(JuristOnlyMixin, View):
    """All the changes to a ticket, each a POST with the CSRF token, each audited (in services)."""

    http_method_names = ["post"]

    def post(self, request, pk, action):
        ticket = get_object_or_404(Ticket, pk=pk)
        user = request.user
        handler = getattr(self, f"do_{action.replace('-', '_')}", None)
        if handler is None:
            raise Http404
        if ticket.anonymised_at or ticket.merged_into_id:
            # The page offers no action on these; a forged POST must not write to them either
            # (an answer to an anonymised ticket would queue an email to nobody).
            messages.error(
                request, "Cette demande est anonymisée ou fusionnée : elle ne change plus."
            )
            return redirect("helpdesk_admin:ticket", pk=ticket.pk)
        result = handler(ticket, user, request.POST)
        return result or redirect("helpdesk_admin:ticket", pk=ticket.pk)

    def do_claim(self, ticket, user, data):
        services.assign(ticket, user, by=user)
        messages.success(self.request, "Vous avez pris cette demande.")

    def do_assign(self, ticket, user, data):
        form = AssignForm(data)
        if form.is_valid():
            services.assign(ticket, form.cleaned_data["assignee"], by=user)
            messages.success(self.request, "Attribution enregistrée.")
        else:
            messages.error(self.request, "Choisissez un ou une juriste de la liste.")

    def do_status(self, ticket, user, data):
        form = StatusForm(data)
        if form.is_valid():
            services.change_status(ticket, form.cleaned_data["status"], by=user)
            messages.success(self.request, f"Statut : {ticket.get_status_display()}.")
        else:
            messages.error(self.request, "Statut inconnu.")

    def do_close(self, ticket, user, data):
        services.change_status(ticket, Status.CLOSED, by=user)
        messages.success(self.request, "Demande close.")

    def do_answer(self, ticket, user, data):
        form = AnswerForm(data)
        if "insert" in data:
            # without the page's script: the canned answer goes into the box, nothing is published
            return self._invalid(ticket, answer_form=form.with_canned_inserted())
        if not form.is_valid():
            return self._invalid(ticket, answer_form=form)
        services.answer(ticket, form.cleaned_data["body"], user, canned=form.cleaned_data["canned"])
        messages.success(self.request, "Réponse publiée ; le demandeur est prévenu par courriel.")

    def do_note(self, ticket, user, data):
        form = NoteForm(data)
        if not form.is_valid():
            return self._invalid(ticket, note_form=form)
        services.add_note(ticket, form.cleaned_data["body"], user)
        messages.success(self.request, "Note interne ajoutée.")

    def do_merge(self, ticket, user, data):
        form = MergeForm(data)
        target = (
            Ticket.objects.filter(pk=form.cleaned_data["target"]).first()
            if form.is_valid()
            else None
        )
        if target is None:
            messages.error(self.request, "Fusion impossible : vérifiez le numéro de la demande.")
            return None
        try:
            services.merge(ticket, target, by=user)
        except ValueError as error:
            messages.error(self.request, str(error))
            return None
        messages.success(self.request, f"Demande fusionnée dans la demande n° {target.pk}.")
        return redirect("helpdesk_admin:ticket", pk=target.pk)

    def do_dossiers(self, ticket, user, data):
        form = DossiersForm(data)
        if form.is_valid():
            services.set_dossiers(ticket, list(form.cleaned_data["dossiers"]), by=user)
            messages.success(self.request, "Dossiers enregistrés.")
        else:
            messages.error(self.request, "Choisissez des dossiers publiés dans la liste.")

    def _invalid(self, ticket, **forms):
        view = TicketView.as_view()
        self.request.method = "GET"
        return view(self.request, pk=ticket.pk, **forms)


class FaqSheetView(HelpdeskPage):
    """The jurist rewrites an answered ticket into an expert sheet, visible to jurists only, and approves
    it: only then does the text become a page draft, submitted to the committee (services.faq)."""

    template_name = "helpdesk/admin/faq_sheet.html"
    header_icon = "doc-full"

    def get_page_title(self):
        return f"Fiche tirée de la demande n° {self.ticket.pk}"

    def dispatch(self, request, *args, **kwargs):
        if not services.is_jurist(request.user):
            raise PermissionDenied
        self.ticket = get_object_or_404(Ticket.objects.select_related("topic"), pk=kwargs["pk"])
        self.sheet = FaqSheet.objects.filter(ticket=self.ticket).select_related("page").first()
        if self.ticket.anonymised_at or self.ticket.merged_into_id:
            messages.error(request, "Cette demande est anonymisée ou fusionnée : pas de fiche.")
            return redirect("helpdesk_admin:ticket", pk=self.ticket.pk)
        if self.sheet is None and not self.ticket.first_answer_at:
            messages.error(request, "Une fiche se tire d'une demande qui a reçu une réponse.")
            return redirect("helpdesk_admin:ticket", pk=self.ticket.pk)
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        services.audit(self.ticket, "faq_sheet_viewed", request.user)
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if self.sheet is not None and not self.sheet.is_editable:
            messages.error(request, "Cette fiche est déjà soumise au comité : modifiez la page.")
            return redirect("helpdesk_admin:faq_sheet", pk=self.ticket.pk)
        form = FaqSheetForm(request.POST, instance=self.sheet)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        try:
            # saved before the approval is checked: a refused approval loses nothing
            sheet = services.save_faq_sheet(self.ticket, form.cleaned_data, request.user)
            if request.POST.get("action") == "approve":
                services.approve_faq_sheet(sheet, request.user)
                messages.success(
                    request, "Fiche approuvée : le brouillon de page est soumis au comité."
                )
                return redirect("helpdesk_admin:ticket", pk=self.ticket.pk)
        except services.SheetRefused as error:
            form.add_error(None, str(error))
            self.sheet = FaqSheet.objects.filter(ticket=self.ticket).first()
            return self.render_to_response(self.get_context_data(form=form))
        messages.success(request, "Fiche enregistrée ; seuls les juristes la voient.")
        return redirect("helpdesk_admin:faq_sheet", pk=self.ticket.pk)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if "form" not in context and (self.sheet is None or self.sheet.is_editable):
            initial = None if self.sheet else services.faq_prefill(self.ticket)
            context["form"] = FaqSheetForm(instance=self.sheet, initial=initial)
        context.update({"ticket": self.ticket, "sheet": self.sheet})
        return context


class AttachmentView(JuristOnlyMixin, View):
    def get(self, request, pk):
        attachment = get_object_or_404(Attachment.objects.select_related("ticket"), pk=pk)
        services.audit(
            attachment.ticket, "downloaded", request.user, detail=f"pièce {attachment.pk}"
        )
        return download(attachment)


def _period(params):
    today = timezone.localdate()
    start = date_param(params, "debut") or datetime.date(today.year, 1, 1)
    end = date_param(params, "fin") or datetime.date(start.year, 12, 31)
    if end < start or (end - start).days > 3 * 366:
        end = datetime.date(start.year, 12, 31)
    return start, end


class StatisticsView(HelpdeskPage):
    template_name = "helpdesk/admin/statistics.html"
    page_title = "Statistiques de la permanence"
    header_icon = "table"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        start, end = _period(self.request.GET)
        figures = services.statistics_for(start, end)
        peak = max([count for _, count in figures["months"]] + [1])
        context.update(
            {
                "figures": figures,
                "bars": [
                    (month, count, round(100 * count / peak)) for month, count in figures["months"]
                ],
                "period_query": f"debut={start.isoformat()}&fin={end.isoformat()}",
            }
        )
        return context


class StatisticsCsvView(JuristOnlyMixin, View):
    def get(self, request):
        start, end = _period(request.GET)
        publication = request.GET.get("publication") == "1"
        rows = services.statistics_csv_rows(
            services.statistics_for(start, end), publication=publication
        )
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        suffix = "-publication" if publication else ""
        response["Content-Disposition"] = (
            f'attachment; filename="permanence-{start:%Y%m%d}-{end:%Y%m%d}{suffix}.csv"'
        )
        response.write("\ufeff")
        writer = csv.writer(response, delimiter=";")
        # Topic names are edited in the admin: a cell must never run as a formula in a spreadsheet.
        writer.writerows(
            [neutralise_formula(cell) if isinstance(cell, str) else cell for cell in row]
            for row in rows
        )
        return response


class RequesterDataView(HelpdeskPage):
    """Right of access and erasure: export a requester's data as JSON, or erase it (both POST)."""

    template_name = "helpdesk/admin/requester.html"
    page_title = "Données d'un demandeur"
    header_icon = "user"

    def post(self, request):
        form = RequesterForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        email = form.cleaned_data["email"]
        if request.POST.get("action") == "erase":
            if request.POST.get("confirm") != "1":
                form.add_error(None, "Cochez la case de confirmation pour effacer.")
                return self.render_to_response(self.get_context_data(form=form))
            count = services.erase_requester(email, request.user)
            messages.success(request, f"Données effacées pour {count} demande(s).")
            return redirect("helpdesk_admin:requester")
        tickets = list(services.requester_tickets(email))
        for ticket in tickets:
            services.audit(ticket, "exported", request.user)
        response = HttpResponse(
            services.export_requester_data(email), content_type="application/json; charset=utf-8"
        )
        response["Content-Disposition"] = 'attachment; filename="permanence-donnees-demandeur.json"'
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", RequesterForm())
        return context


admin_urlpatterns = [
    path("", QueueView.as_view(), name="queue"),
    path("<int:pk>/", TicketView.as_view(), name="ticket"),
    path("<int:pk>/fiche/", FaqSheetView.as_view(), name="faq_sheet"),
    path("<int:pk>/<slug:action>/", TicketActionView.as_view(), name="action"),
    path("pieces/<int:pk>/", AttachmentView.as_view(), name="attachment"),
    path("statistiques/", StatisticsView.as_view(), name="statistics"),
    path("statistiques.csv", StatisticsCsvView.as_view(), name="statistics_csv"),
    path("demandeur/", RequesterDataView.as_view(), name="requester"),
]


def urls():
    return [
        path(
            "permanence/",
            include((admin_urlpatterns, "helpdesk_admin"), namespace="helpdesk_admin"),
        )
    ]


def queue_url():
    return reverse("helpdesk_admin:queue")
