"""Public views: the request form, the thank-you page, the private follow-up page and its downloads."""

from django.conf import settings
from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.cache import add_never_cache_headers
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables
from django.views.decorators.http import require_http_methods

from core.forms import SAVE_FAILED_STATUS, save_or_report
from core.ratelimit import allow, client_ip

from . import services
from .forms import ReplyForm, RequestForm

TOKEN_WINDOW = 600


def private(response):
    """Headers for pages that hold a requester's data: never cached, indexed or leaked as a referrer."""
    add_never_cache_headers(response)
    response["Cache-Control"] = "no-store, private"
    # same-origin, not no-referrer: with no-referrer browsers send `Origin: null` on the page's own form
    # posts, which Django's CSRF check refuses. The private URL still never goes to another site.
    response["Referrer-Policy"] = "same-origin"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@sensitive_post_parameters()
@require_http_methods(["GET", "POST"])
def ask(request):
    form = RequestForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        if form.is_spam():
            # Bots are told it worked, and nothing is stored.
            return redirect("helpdesk:thanks")
        if form.is_valid():
            ip_ok = allow(
                "helpdesk-ask-ip", client_ip(request), settings.HELPDESK_RATE_LIMIT_PER_IP, 3600
            )
            email_ok = allow(
                "helpdesk-ask-email",
                form.cleaned_data["requester_email"].lower(),
                settings.HELPDESK_RATE_LIMIT_PER_EMAIL,
                3600,
            )
            if ip_ok and email_ok:
                saved, _ = save_or_report(
                    form,
                    lambda: services.submit_request(
                        form.cleaned_data, form.cleaned_data["attachments"]
                    ),
                )
                if saved:
                    return redirect("helpdesk:thanks")
                status = SAVE_FAILED_STATUS
            else:
                form.add_error(
                    None,
                    "Vous avez envoyé beaucoup de demandes en peu de temps. Réessayez dans une heure.",
                )
                status = 429
        else:
            status = 400
    response = render(
        request,
        "helpdesk/ask.html",
        {
            "form": form,
            "retention_months": settings.HELPDESK_RETENTION_MONTHS,
            "kept_after_anonymisation": services.kept_after_anonymisation(),
            "target_days": settings.HELPDESK_TARGET_WORKING_DAYS,
        },
        status=status,
    )
    # a refused submission echoes the requester's data: same headers as the follow-up page
    return private(response) if request.method == "POST" else response


def thanks(request):
    return private(render(request, "helpdesk/thanks.html"))


def _access_or_404(request, token):
    """The follow-up link of `token` and the ticket it opens, or a refusal once the IP looked up too many."""
    if not allow(
        "helpdesk-token-ip",
        client_ip(request),
        settings.HELPDESK_TOKEN_LOOKUPS_PER_IP,
        TOKEN_WINDOW,
    ):
        return None, None, private(render(request, "helpdesk/too_many.html", status=429))
    access = services.access_for_token(token)
    if access is None:
        raise Http404
    return access, services.ticket_for_access(access), None


@sensitive_variables("token")
@sensitive_post_parameters()
@require_http_methods(["GET", "POST"])
def follow_up(request, token):
    access, ticket, refused = _access_or_404(request, token)
    if refused:
        return refused
    form = ReplyForm(request.POST or None, request.FILES or None, ticket=ticket, access=access)
    status = 200
    if request.method == "POST":
        if ticket.anonymised_at is None and form.is_valid():
            try:
                saved, _message = save_or_report(
                    form,
                    lambda: services.requester_reply(
                        ticket, form.cleaned_data["body"], form.cleaned_data["attachments"], access
                    ),
                )
            except services.AttachmentRefused as error:  # another reply took the quota meanwhile
                form.add_error("attachments", str(error))
                saved = None
            if saved:
                messages.success(request, "Votre message a été ajouté à votre demande.")
                return private(redirect(request.path))
            status = 400 if saved is None else SAVE_FAILED_STATUS
        else:
            status = 400
    else:
        services.audit(ticket, "viewed")
    context = {
        "ticket": ticket,
        "thread": services.thread_for_requester(ticket),
        "first_attachments": ticket.attachments.filter(message__isnull=True),
        "form": form,
        "token": token,
        "retention_months": settings.HELPDESK_RETENTION_MONTHS,
        "kept_after_anonymisation": services.kept_after_anonymisation(),
    }
    return private(render(request, "helpdesk/follow_up.html", context, status=status))


@sensitive_variables("token")
def requester_attachment(request, token, pk):
    _access, ticket, refused = _access_or_404(request, token)
    if refused:
        return refused
    attachment = ticket.attachments.filter(pk=pk).first()
    if attachment is None:
        raise Http404
    services.audit(ticket, "downloaded", detail=f"pièce {attachment.pk}")
    return download(attachment)


def download(attachment):
    """The file as a download that a browser can neither render nor run."""
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=services.safe_name(attachment.original_name, attachment.content_type),
        content_type=attachment.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox"
    return private(response)
