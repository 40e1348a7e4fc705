"""Public views of the discussion list: the archive, a thread with its reply form, a new thread, downloads.

Every answer is personal (a member's pending messages, forms): never cached, never indexed."""

from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_GET, require_http_methods

from core.forms import SAVE_FAILED_STATUS, save_or_report
from core.ratelimit import allow
from core.roles import is_member
from taxonomy.models import Theme

from . import services
from .forms import ReplyForm, ThreadForm

PAGE_SIZE = 20
POSTED = (
    "Votre message a été transmis au comité de rédaction. Il sera diffusé à la liste et publié ici "
    "après sa relecture ; vous le retrouvez en attendant sous « Vos messages en attente »."
)
POSTED_TRUSTED = "Votre réponse est publiée et diffusée à la liste."
TOO_MANY = "Vous avez envoyé beaucoup de messages en peu de temps. Réessayez dans une heure."


def private(response):
    """Never cached (by the anonymous page cache, a proxy or the browser), never indexed."""
    add_never_cache_headers(response)
    response["Cache-Control"] = "no-store, private"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def refuse(request):
    """Anonymous visitors go to the members' login (which explains why); signed-in non-members are told
    the list is for members."""
    if not request.user.is_authenticated:
        return private(redirect_to_login(request.get_full_path()))
    return private(render(request, "exchanges/members_only.html", status=403))


def readers_only(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not services.can_read_archive(request.user):
            return refuse(request)
        return private(view(request, *args, **kwargs))

    return wrapped


def members_only(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not services.can_post(request.user):
            return refuse(request)
        return private(view(request, *args, **kwargs))

    return wrapped


@require_GET
@readers_only
def archive(request):
    themes = Theme.objects.order_by("position", "name")
    theme = request.GET.get("theme") or ""
    if theme and not any(t.slug == theme for t in themes):
        theme = ""
    page = Paginator(services.archive(theme), PAGE_SIZE).get_page(request.GET.get("page"))
    member = is_member(request.user)
    context = {
        "page_obj": page,
        "threads": page.object_list,
        "themes": themes,
        "theme": theme,
        "member": member,
        "pending": services.pending_for(request.user) if member else [],
        "querystring": f"theme={theme}" if theme else "",
    }
    return render(request, "exchanges/archive.html", context)


def _rate_limited(request, form):
    if allow("exchanges-post", request.user.pk, settings.EXCHANGES_POSTS_PER_HOUR, 3600):
        return False
    form.add_error(None, TOO_MANY)
    return True


@require_http_methods(["GET", "POST"])
@members_only
def new_thread(request):
    form = ThreadForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        if not form.is_valid():
            status = 400
        elif _rate_limited(request, form):
            status = 429
        else:
            data = form.cleaned_data
            saved, _message = save_or_report(
                form,
                lambda: services.start_thread(
                    request.user, data["subject"], data["body"], data["themes"], data["attachments"]
                ),
            )
            if saved:
                messages.success(request, POSTED)
                return redirect("exchanges:archive")
            status = SAVE_FAILED_STATUS
    return render(request, "exchanges/new_thread.html", {"form": form}, status=status)


@require_http_methods(["GET", "POST"])
@readers_only
def thread(request, pk):
    current = services.thread_with_messages(pk)
    if current is None:
        raise Http404
    member = services.can_post(request.user)
    form = ReplyForm(request.POST or None, request.FILES or None) if member else None
    status = 200
    if request.method == "POST":
        if form is None:
            return refuse(request)
        if not form.is_valid():
            status = 400
        elif _rate_limited(request, form):
            status = 429
        else:
            saved, message = save_or_report(
                form,
                lambda: services.reply(
                    current,
                    request.user,
                    form.cleaned_data["body"],
                    form.cleaned_data["attachments"],
                ),
            )
            if saved:
                approved = message.status == services.Status.APPROVED
                messages.success(request, POSTED_TRUSTED if approved else POSTED)
                return redirect(message.get_absolute_url() if approved else request.path)
            status = SAVE_FAILED_STATUS
    context = {"thread": current, "form": form, "member": member}
    return render(request, "exchanges/thread.html", context, status=status)


@require_GET
def attachment(request, pk):
    if not request.user.is_authenticated:
        return refuse(request)
    found = services.attachment_for(request.user, pk)
    if found is None:
        raise Http404
    return download(found)


def download(attachment):
    """The file as a download that a browser can neither render nor run."""
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox"
    return private(response)
