"""Public search: the results page, its JSON twin and the suggestions used while typing."""

from django.http import JsonResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET

from core.ratelimit import allow, client_ip

from .indexables import PUBLIC, kind_labels
from .services import audiences_for, get_service, run_search

API_LIMIT_PER_MINUTE = 60
SUGGEST_LIMIT_PER_MINUTE = 240


def _too_many():
    response = JsonResponse({"error": "Trop de requêtes, réessayez dans une minute."}, status=429)
    response["Retry-After"] = "60"
    return response


def _personal(request, response):
    """A member's results may hold members' documents: kept out of shared caches."""
    if audiences_for(request.user) != (PUBLIC,):
        patch_cache_control(response, private=True, no_store=True)
    return response


@require_GET
def results(request):
    search = run_search(request.GET, audiences=audiences_for(request.user))
    response = render(
        request,
        "search/results.html",
        {"search": search, "kind_labels": kind_labels(), "querystring": _without_page(request.GET)},
    )
    return _personal(request, response)


@require_GET
def api(request):
    if not allow("search-api", client_ip(request), API_LIMIT_PER_MINUTE, 60):
        return _too_many()
    response = JsonResponse(
        run_search(request.GET, audiences=audiences_for(request.user)).as_json(),
        json_dumps_params={"ensure_ascii": False},
    )
    return _personal(request, response)


@require_GET
def suggest(request):
    if not allow("search-suggest", client_ip(request), SUGGEST_LIMIT_PER_MINUTE, 60):
        return _too_many()
    prefix = (request.GET.get("q") or "")[:100]
    labels = kind_labels()
    suggestions = [
        {"title": s.title, "url": s.url, "kind": s.kind, "kind_label": labels.get(s.kind, s.kind)}
        for s in get_service().suggest(prefix)
    ]
    return JsonResponse(
        {"query": prefix, "suggestions": suggestions}, json_dumps_params={"ensure_ascii": False}
    )


def _without_page(params):
    query = params.copy()
    query.pop("page", None)
    return query.urlencode()
