"""The admin's two-factor steps: enrolling an authenticator app, then confirming each session."""

from django import forms
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import user_has_device

from . import two_factor


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code à usage unique",
        max_length=32,
        help_text="Les 6 chiffres affichés par l'application, ou l'un de vos codes de secours.",
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autocapitalize": "off", "spellcheck": "false"}
        ),
    )


@never_cache
@sensitive_post_parameters("code")
def verify(request):
    if request.user.is_verified():
        return redirect(two_factor.next_url(request))
    if not user_has_device(request.user):
        return redirect("portal_2fa_setup")
    form = CodeForm(request.POST or None)
    if form.is_valid():
        if two_factor.verify(request, form.cleaned_data["code"]):
            return redirect(two_factor.next_url(request))
        form.add_error(
            "code", "Code incorrect ou expiré. Réessayez avec le code affiché maintenant."
        )
    return TemplateResponse(
        request,
        "portal/two_factor/verify.html",
        {"form": form, "next": request.POST.get("next") or request.GET.get("next", "")},
    )


@never_cache
@sensitive_post_parameters("code")
def setup(request):
    user = request.user
    if user_has_device(user) and not user.is_verified():
        # Only a verified session may replace an authenticator: a stolen password is not enough.
        return redirect_to_verify(request)
    if request.method == "POST" and "regenerate" in request.POST and user.is_verified():
        codes = two_factor.new_recovery_codes(user)
        return TemplateResponse(
            request,
            "portal/two_factor/recovery_codes.html",
            {"codes": codes, "next": two_factor.next_url(request)},
        )
    device = two_factor.pending_totp_device(user)
    form = CodeForm(request.POST if "code" in request.POST else None)
    if form.is_valid():
        codes = two_factor.confirm_enrolment(request, device, form.cleaned_data["code"])
        if codes:
            return TemplateResponse(
                request,
                "portal/two_factor/recovery_codes.html",
                {"codes": codes, "next": two_factor.next_url(request)},
            )
        form.add_error("code", "Code incorrect. Vérifiez l'heure du téléphone et réessayez.")
    return TemplateResponse(
        request,
        "portal/two_factor/setup.html",
        {
            "form": form,
            "enrolled": user_has_device(user),
            "qr_code": two_factor.qr_code_svg(device),
            "manual_key": two_factor.manual_key(device),
            "next": request.POST.get("next") or request.GET.get("next", ""),
        },
    )


def redirect_to_verify(request):
    return redirect_to_login(request.get_full_path(), reverse("portal_2fa_verify"))
