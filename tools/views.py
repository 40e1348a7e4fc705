"""The practical tools: their index, and the State funding calculator.

The calculator keeps nothing: an uploaded table is read in memory (`uploads.BoundedMemoryUploadHandler`,
set before the request body is parsed, hence the CSRF check inside the view), its lines go back to the
visitor in the result page and in the export's form, and no answer is cached or logged with its content.
"""

import datetime

from django.http import HttpResponse
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from . import detail_table, funding
from .forms import PRIVACY_NOTICE_ID, ExportForm, TotalsForm, UploadForm, export_payload
from .models import FundingRule
from .uploads import MAX_UPLOAD_BYTES, BoundedMemoryUploadHandler

TOTALS, TABLE = "totaux", "tableau"


def private(response, request):
    """Never stored by the page cache, a proxy or the browser's cache; an answer to a POST holds the
    visitor's data and is not indexed either."""
    add_never_cache_headers(response)
    response["Cache-Control"] = "no-store, private"
    if request.method == "POST":
        response["X-Robots-Tag"] = "noindex"
    return response


@require_GET
def index(request):
    return render(request, "tools/index.html")


@csrf_exempt  # the CSRF check reads the body: it runs in `_calculator`, once the handler is set
def calculator(request):
    handler = None
    if request.method == "POST":
        handler = BoundedMemoryUploadHandler(request, MAX_UPLOAD_BYTES)
        request.upload_handlers = [handler]
    return _calculator(request, handler)


@csrf_protect
@sensitive_post_parameters()
@sensitive_variables()
@require_http_methods(["GET", "POST"])
def _calculator(request, handler):
    mode = request.POST.get("mode") if request.method == "POST" else None
    totals_form = TotalsForm(request.POST if mode == TOTALS else None, prefix=TOTALS)
    upload_form = UploadForm(
        request.POST if mode == TABLE else None,
        request.FILES if mode == TABLE else None,
        prefix=TABLE,
        too_large=bool(handler and handler.too_large),
        max_bytes=MAX_UPLOAD_BYTES,
    )
    context = {
        "totals_form": totals_form,
        "upload_form": upload_form,
        "mode": mode,
        "rules": FundingRule.objects.live().order_by("-valid_from"),
        "privacy_notice_id": PRIVACY_NOTICE_ID,
        "max_lines": detail_table.MAX_LINES,
        "columns": detail_table.COLUMNS,
    }
    today = datetime.date.today()
    status = 200
    if mode == TOTALS:
        if totals_form.is_valid():
            data = totals_form.cleaned_data
            context["totals_claim"] = funding.claim_for_totals(
                totals_form.rule,
                data["quarter"],
                data["evaluated"],
                data["evaluated_reduced"],
                data["attested_days"],
                data["other_days"],
                today,
            )
        else:
            status = 400
    elif mode == TABLE:
        if upload_form.is_valid():
            claim = funding.claim_for_lines(
                upload_form.rule, upload_form.cleaned_data["quarter"], upload_form.lines, today
            )
            context["claim"] = claim
            context["export_form"] = ExportForm(
                initial={"quarter": claim.quarter.key, "lines": export_payload(upload_form.lines)}
            )
        else:
            status = 400
    elif request.method == "POST":
        status = 400
    return private(render(request, "tools/funding.html", context, status=status), request)


@require_POST
@csrf_protect
@sensitive_post_parameters()
@sensitive_variables()
def export(request):
    form = ExportForm(request.POST)
    if not form.is_valid():
        return private(
            HttpResponse("Export impossible : recalculez le résultat.", status=400), request
        )
    claim = funding.claim_for_lines(
        form.rule, form.cleaned_data["quarter"], form.cleaned_data["lines"]
    )
    if form.cleaned_data["format"] == "xlsx":
        body, content_type = detail_table.export_xlsx(claim), detail_table.XLSX_TYPE
    else:
        body, content_type = detail_table.export_csv(claim), "text/csv; charset=utf-8"
    response = HttpResponse(body, content_type=content_type)
    name = f"financement-etat-{claim.quarter.key}.{form.cleaned_data['format']}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return private(response, request)


@require_GET
def template(request, extension):
    if extension == "xlsx":
        body, content_type = detail_table.template_xlsx(), detail_table.XLSX_TYPE
    else:
        body, content_type = detail_table.template_csv(), "text/csv; charset=utf-8"
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="tableau-detail-mna.{extension}"'
    return response
