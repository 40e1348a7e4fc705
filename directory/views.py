"""Public directory pages and exports. Thin: the queries live in `services.py`."""

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from portal.forms import SAVE_FAILED_STATUS, save_or_report
from portal.ratelimit import allow, client_ip

from . import france_map
from .forms import ActorReportForm
from .models import Departement
from .services import (
    ActorFilter,
    DepartementDirectory,
    export_json,
    iter_csv,
    live_actors,
    normalise_code,
)

REPORTS_PER_HOUR = 5
REPORT_THANKS = "Merci, votre signalement a été transmis au comité de rédaction."


def index(request):
    actor_filter = ActorFilter(request.GET)
    counts = actor_filter.departement_counts()
    shapes, width, height = france_map.layout()
    classes = france_map.count_classes([count for _, count in counts])
    count_by_code = {d.code: count for d, count in counts}
    context = {
        "filter": actor_filter,
        "page_obj": actor_filter.paginate(request.GET.get("page")),
        "national_actors": list(actor_filter.national_queryset()),
        "counts": counts,
        "map": france_map.drawing(),
        "map_shapes": [
            (shapes[d.code], d, count, france_map.level(count, classes)) for d, count in counts
        ],
        "map_background": [
            (path, france_map.level(count_by_code.get(code, 0), classes))
            for code, path in france_map.drawing().background
        ],
        "map_classes": classes,
        "map_width": width,
        "map_height": height,
        "map_overseas_y": france_map.overseas_label_y(),
    }
    return render(request, "directory/index.html", context)


def departement(request, code):
    canonical = normalise_code(code)
    if canonical != code:
        if Departement.objects.filter(code=canonical).exists():
            return redirect("directory:departement", code=canonical, permanent=True)
        raise Http404("Département inconnu")
    departement = get_object_or_404(Departement, code=code)
    return render(
        request,
        "directory/departement.html",
        {"departement": departement, "directory": DepartementDirectory(departement)},
    )


@require_http_methods(["GET", "POST"])
def actor(request, slug):
    actor = get_object_or_404(
        live_actors().prefetch_related("services", "departements", "themes"), slug=slug
    )
    form = ActorReportForm()
    status = 200
    if request.method == "POST":
        form = ActorReportForm(request.POST)
        if form.is_spam():
            # Pretend it worked: a robot learns nothing, and nothing is stored.
            messages.success(request, REPORT_THANKS)
            return redirect(actor.get_absolute_url() + "#signaler")
        if not allow("directory-report", client_ip(request), REPORTS_PER_HOUR, 3600):
            form.is_valid()
            form.add_error(
                None,
                "Trop de signalements envoyés depuis votre connexion. Réessayez dans une heure.",
            )
            status = 429
        elif form.is_valid():
            report = form.save(commit=False)
            report.actor = actor
            saved, _ = save_or_report(form, report.save)
            if saved:
                messages.success(request, REPORT_THANKS)
                return redirect(actor.get_absolute_url() + "#signaler")
            status = SAVE_FAILED_STATUS
    context = {
        "actor": actor,
        "form": form,
        "report_retention_months": settings.DIRECTORY_REPORT_RETENTION_MONTHS,
    }
    return render(request, "directory/actor.html", context, status=status)


def export_csv(request):
    actors = ActorFilter(request.GET).queryset()
    response = StreamingHttpResponse(
        iter_csv(actors, request.build_absolute_uri("/")[:-1]),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="annuaire-acteurs.csv"'
    return response


def export_json_view(request):
    actor_filter = ActorFilter(request.GET)
    body = export_json(
        actor_filter.queryset(), request.build_absolute_uri("/")[:-1], actor_filter.querystring()
    )
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="annuaire-acteurs.json"'
    return response
