"""Public directory pages and exports. Thin: the queries live in `services.py`."""

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_http_methods

from core.forms import SAVE_FAILED_STATUS, save_or_report
from core.public_url import public_url
from core.ratelimit import allow, client_ip
from taxonomy.models import Departement

from . import france_map
from .filters import ActorFilter
from .forms import ActorReportForm
from .services import (
    DepartementDirectory,
    export_json,
    iter_csv,
    live_actors,
    normalise_code,
    xlsx_bytes,
)

REPORTS_PER_HOUR = 5
REPORT_THANKS = "Merci, votre signalement a été transmis au comité de rédaction."


def index(request):
    actor_filter = ActorFilter(request.GET)
    directory_map = france_map.DirectoryMap(actor_filter)
    width, height = france_map.svg_size()
    context = {
        "filter": actor_filter,
        "page_obj": actor_filter.paginate(request.GET.get("page")),
        # National actors are the same on every page of the list: read only when their cached fragment
        # (keyed like the map's) is stale.
        "national_actors": SimpleLazyObject(lambda: list(actor_filter.national_results())),
        # Read by the template only when its cached map fragment is stale.
        "counts": lambda: directory_map.counts,
        "map": france_map.drawing(),
        "map_shapes": directory_map.shapes,
        "map_background": directory_map.background,
        "map_classes": lambda: directory_map.classes,
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
        {
            "departement": departement,
            "directory": DepartementDirectory(departement),
        },
    )


def _report_thanks(request, actor):
    """Back to the form, where the confirmation is shown (an « inline » message, not at the top of the
    page) and receives the focus (portal.js), so the reporter sees and hears that it was sent."""
    messages.success(request, REPORT_THANKS, extra_tags="inline")
    return redirect(actor.get_absolute_url() + "#signalement-envoye")


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
            return _report_thanks(request, actor)
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
                return _report_thanks(request, actor)
            status = SAVE_FAILED_STATUS
    context = {
        "actor": actor,
        "form": form,
        "report_retention_months": settings.DIRECTORY_REPORT_RETENTION_MONTHS,
    }
    return render(request, "directory/actor.html", context, status=status)


def export_csv(request):
    actors = ActorFilter(request.GET).results()
    response = StreamingHttpResponse(
        iter_csv(actors, public_url()),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="annuaire-acteurs.csv"'
    return response


def export_xlsx(request):
    actors = ActorFilter(request.GET).results()
    response = HttpResponse(
        xlsx_bytes(actors, public_url()),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = 'attachment; filename="annuaire-acteurs.xlsx"'
    return response


def export_json_view(request):
    actor_filter = ActorFilter(request.GET)
    body = export_json(actor_filter.results(), public_url(), actor_filter.querystring())
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="annuaire-acteurs.json"'
    return response
