"""The committee's views in the Wagtail admin: the audience of a period and the yearly activity report
(page, CSV, printable page and PDF). Each refuses a user without its permission (403)."""

import csv
import datetime

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.urls import include, path
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.views.generic import TemplateView, View
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from core.dates import date_param
from core.pdf import pdf_from_html

from . import audience, figures
from .charts import bar_chart

AUDIENCE_PERMISSION = "reports.view_audience"
REPORT_PERMISSION = "reports.view_activity_report"
YEARS_SHOWN = 10
DAILY_CHART_MAX_DAYS = 92


class PermissionRequired:
    permission = None

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission):
            raise PermissionDenied
        response = super().dispatch(request, *args, **kwargs)
        add_never_cache_headers(response)
        response["Cache-Control"] = "no-store, private"
        return response


# Audience -----------------------------------------------------------------------------------------


def audience_period(params, today=None):
    """The period asked for (`debut`, `fin`), by default the last 30 days; at most three years."""
    today = today or timezone.localdate()
    end = date_param(params, "fin") or today
    start = date_param(params, "debut") or end - datetime.timedelta(days=29)
    if end < start or (end - start).days > 3 * 366:
        start = end - datetime.timedelta(days=29)
    return start, end


class AudienceView(PermissionRequired, WagtailAdminTemplateMixin, TemplateView):
    permission = AUDIENCE_PERMISSION
    template_name = "reports/admin/audience.html"
    page_title = "Audience du portail"
    header_icon = "view"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        start, end = audience_period(self.request.GET)
        months = audience.per_month(start, end)
        days = audience.per_day(start, end) if (end - start).days < DAILY_CHART_MAX_DAYS else []
        context.update(
            {
                "start": start,
                "end": end,
                "totals": audience.totals(start, end),
                "days": days,
                "days_chart": bar_chart(
                    [(f"{day:%d/%m}", visits, views) for day, visits, views in days],
                    ["Visites", "Pages vues"],
                )
                if days
                else None,
                "months": months,
                "months_chart": bar_chart(
                    [(f"{m:%m/%Y}", visits, views) for m, visits, views in months],
                    ["Visites", "Pages vues"],
                ),
                "referrers": audience.referrers(start, end),
                "top_pages": audience.top_pages(start, end),
                "top_documents": audience.top_documents(start, end),
            }
        )
        return context


# The activity report ------------------------------------------------------------------------------


def report_year(params, today=None):
    """The year asked for (`annee`), if one of those offered; by default the last complete year."""
    years = offered_years(today)
    try:
        year = int(params.get("annee", ""))
    except ValueError:
        return figures.default_year(today)
    return year if year in years else figures.default_year(today)


def offered_years(today=None):
    current = (today or timezone.localdate()).year
    return list(range(current, current - YEARS_SHOWN, -1))


def report_with_charts(year):
    report = figures.activity_report(year)
    names = [str(report["year"]), str(report["previous"])]
    for section in report["sections"]:
        for table in section.tables:
            table.svg = (
                bar_chart(
                    [(label, value, previous) for label, value, previous in table.rows], names
                )
                if table.chart and table.rows
                else None
            )
    return report


class ReportView(PermissionRequired, WagtailAdminTemplateMixin, TemplateView):
    permission = REPORT_PERMISSION
    template_name = "reports/admin/report.html"
    page_title = "Rapport d'activité"
    header_icon = "doc-full"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        year = report_year(self.request.GET)
        context.update(
            {
                "report": report_with_charts(year),
                "years": offered_years(),
                "year": year,
            }
        )
        return context


class ReportCsvView(PermissionRequired, View):
    permission = REPORT_PERMISSION

    def get(self, request):
        year = report_year(request.GET)
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="rapport-activite-{year}.csv"'
        response.write("\ufeff")
        writer = csv.writer(response, delimiter=";")
        writer.writerows(figures.as_rows(figures.activity_report(year)))
        return response


def printable_html(year, request=None):
    return render_to_string(
        "reports/report_print.html",
        {"report": report_with_charts(year), "generated": timezone.localdate()},
        request=request,
    )


class ReportPrintView(PermissionRequired, View):
    """The report alone on a page, laid out for printing (or saving as PDF from the browser)."""

    permission = REPORT_PERMISSION

    def get(self, request):
        return HttpResponse(printable_html(report_year(request.GET), request))


class ReportPdfView(PermissionRequired, View):
    """The same page as a PDF produced by the portal (WeasyPrint)."""

    permission = REPORT_PERMISSION

    def get(self, request):
        year = report_year(request.GET)
        response = HttpResponse(pdf_from_html(printable_html(year)), content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="rapport-activite-{year}.pdf"'
        return response


urlpatterns = [
    path("", ReportView.as_view(), name="report"),
    path("export.csv", ReportCsvView.as_view(), name="report_csv"),
    path("imprimer/", ReportPrintView.as_view(), name="report_print"),
    path("export.pdf", ReportPdfView.as_view(), name="report_pdf"),
]


def urls():
    return [
        path(
            "rapport-activite/", include((urlpatterns, "reports_admin"), namespace="reports_admin")
        ),
        path("audience/", AudienceView.as_view(), name="reports_audience"),
    ]
