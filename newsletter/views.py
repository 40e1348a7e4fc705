"""Public subscription pages: subscribe, confirm, manage and unsubscribe without an account.

Pages reached through a personal link are never cached, indexed or sent as a referrer; the one-click
unsubscribe endpoint answers mail clients' RFC 8058 POST, which carries no CSRF token or cookie."""

from django.conf import settings
from django.shortcuts import redirect, render
from django.utils.cache import add_never_cache_headers
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.debug import sensitive_variables
from django.views.decorators.http import require_http_methods

from core.forms import SAVE_FAILED_STATUS, save_or_report
from core.ratelimit import allow, client_ip

from . import services
from .forms import ManageForm, SubscribeForm, saved_search_from
from .models import Kind

SUBSCRIBE_PER_IP = 20
SUBSCRIBE_PER_EMAIL = 3
TOKEN_LOOKUPS_PER_IP = 60


def private(response):
    """Never cached (not even by the anonymous page cache), indexed, or leaked as a referrer."""
    add_never_cache_headers(response)
    response["Cache-Control"] = "no-store, private"
    response["Referrer-Policy"] = "same-origin"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _notice_context():
    return {
        "confirmation_hours": settings.NEWSLETTER_CONFIRMATION_HOURS,
        "unconfirmed_days": settings.NEWSLETTER_UNCONFIRMED_DAYS,
    }


@require_http_methods(["GET", "POST"])
def subscribe(request):
    params = request.POST if request.method == "POST" else request.GET
    saved_search = saved_search_from(params)
    form = SubscribeForm(
        request.POST or None,
        saved_search=saved_search,
        initial={"keep_search": True, "frequency": "weekly"},
    )
    status = 200
    if request.method == "POST":
        if form.is_spam():
            return redirect("newsletter:sent")
        if form.is_valid():
            email = services.normalise_email(form.cleaned_data["email"]).lower()
            if allow("newsletter-ip", client_ip(request), SUBSCRIBE_PER_IP, 3600) and allow(
                "newsletter-email", email, SUBSCRIBE_PER_EMAIL, 3600
            ):
                saved, _ = save_or_report(
                    form, lambda: services.subscribe(form.cleaned_data["email"], form.choices())
                )
                if saved:
                    return private(redirect("newsletter:sent"))
                status = SAVE_FAILED_STATUS
            else:
                form.add_error(
                    None,
                    "Vous avez fait beaucoup de demandes en peu de temps. Réessayez dans une heure.",
                )
                status = 429
        else:
            status = 400
    context = {"form": form, "saved_search": form.saved_search, **_notice_context()}
    return private(render(request, "newsletter/subscribe.html", context, status=status))


def sent(request):
    return private(render(request, "newsletter/sent.html", _notice_context()))


def _too_many(request):
    return not allow("newsletter-token-ip", client_ip(request), TOKEN_LOOKUPS_PER_IP, 600)


def _refused(request, status=404):
    return private(render(request, "newsletter/invalid_link.html", status=status))


@sensitive_variables("token")
@require_http_methods(["GET", "POST"])
def confirm(request, token):
    """GET shows a button; only its POST confirms, so that a mail scanner opening the link does not
    use it up."""
    if _too_many(request):
        return _refused(request, 429)
    subscriber = services.subscriber_for_confirmation(token)
    if subscriber is None:
        return _refused(request, 410)
    if request.method == "POST":
        subscriber = services.confirm(subscriber)
        return private(
            render(
                request,
                "newsletter/confirmed.html",
                {"subscriber": subscriber, "manage_url": _manage_path(subscriber)},
            )
        )
    return private(render(request, "newsletter/confirm.html", {"subscriber": subscriber}))


def _manage_path(subscriber):
    return f"/abonnements/gerer/{services.manage_token(subscriber)}/"


@sensitive_variables("token")
@require_http_methods(["GET", "POST"])
def manage(request, token):
    if _too_many(request):
        return _refused(request, 429)
    subscriber = services.subscriber_for_manage_token(token)
    if subscriber is None:
        return _refused(request)
    current_search = subscriber.subscriptions.filter(kind=Kind.SEARCH).first()
    saved_search = (
        {"query": current_search.query, "filters": current_search.filters}
        if current_search
        else None
    )
    form = ManageForm(
        request.POST or None, saved_search=saved_search, initial=ManageForm.initial_for(subscriber)
    )
    status = 200
    if request.method == "POST":
        if "forget" in request.POST:
            services.forget(subscriber)
            return private(render(request, "newsletter/unsubscribed.html"))
        if form.is_valid():
            choices = form.choices()
            if not any(
                choices[k] for k in ("newsletter", "echanges", "themes", "departements", "search")
            ):
                services.forget(subscriber)
                return private(render(request, "newsletter/unsubscribed.html"))
            services.replace_subscriptions(subscriber, choices)
            form = ManageForm(saved_search=saved_search, initial=ManageForm.initial_for(subscriber))
            context = {"form": form, "subscriber": subscriber, "saved": True}
            return private(render(request, "newsletter/manage.html", context))
        status = 400
    context = {
        "form": form,
        "subscriber": subscriber,
        "subscriptions": subscriber.subscriptions.all(),
    }
    return private(render(request, "newsletter/manage.html", context, status=status))


@csrf_exempt
@sensitive_variables("token")
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """RFC 8058 one-click unsubscribe: a POST (from the mail client, or the page's button) erases the
    address and its choices. A GET only shows the button (link scanners must not unsubscribe anyone)."""
    subscriber = services.subscriber_for_manage_token(token)
    if request.method == "POST":
        if subscriber is not None:
            services.forget(subscriber)
        # Same answer for an address already erased: the request is fulfilled.
        return private(render(request, "newsletter/unsubscribed.html"))
    if _too_many(request):
        return _refused(request, 429)
    if subscriber is None:
        return _refused(request)
    return private(render(request, "newsletter/unsubscribe.html", {"subscriber": subscriber}))
