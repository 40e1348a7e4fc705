"""The members' proposal form and its confirmation. Both are personal (a logged-in member, a CSRF token):
never stored by the page cache or a shared proxy."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from core.forms import SAVE_FAILED_STATUS, save_or_report
from core.ratelimit import allow
from core.roles import is_member

from . import services
from .forms import PartnerFormSet, PracticeSheetForm, partner_rows

PROPOSALS_PER_HOUR = 10


def _members_only(request):
    return render(request, "practices/members_only.html", status=403)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def propose(request):
    if not is_member(request.user):
        return _members_only(request)
    form = PracticeSheetForm(request.POST or None)
    partners = PartnerFormSet(request.POST or None, prefix="partenaires")
    status = 200
    if request.method == "POST":
        if not (form.is_valid() and partners.is_valid()):
            status = 400
        elif not allow("practices-propose", request.user.pk, PROPOSALS_PER_HOUR, 3600):
            form.add_error(
                None,
                "Vous avez proposé beaucoup de fiches en peu de temps. Réessayez dans une heure.",
            )
            status = 429
        else:
            try:
                saved, sheet = save_or_report(
                    form,
                    lambda: services.submit_sheet(
                        form.cleaned_data, partner_rows(partners), request.user
                    ),
                )
            except services.SubmissionRefused as refusal:
                form.add_error(None, str(refusal))
                saved = False
            if saved:
                messages.success(
                    request,
                    f"Votre fiche « {sheet.title} » a été transmise au comité de rédaction.",
                )
                return redirect("practices:thanks")
            status = SAVE_FAILED_STATUS
    return render(
        request, "practices/propose.html", {"form": form, "partners": partners}, status=status
    )


@never_cache
@login_required
def thanks(request):
    if not is_member(request.user):
        return _members_only(request)
    return render(request, "practices/thanks.html")
