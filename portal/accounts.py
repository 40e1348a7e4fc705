"""Members' sign-in and sign-out on the public site (`/compte/…`, settings.LOGIN_URL).

Django's own views, behind django-axes (the same lockout as the admin's login). Members need no second
factor; an account that does (superuser, committee, jurist) is sent from here to its two-factor step
before anything else, so the public form never weakens the admin's rule."""

from django import forms
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm, UsernameField
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django_otp import user_has_device

from core.forms import AccessibleFormMixin

from .two_factor import requires_two_factor


class LoginForm(AccessibleFormMixin, AuthenticationForm):
    error_messages = {
        "invalid_login": (
            "Identifiant ou mot de passe incorrect. Vérifiez-les (les majuscules comptent) et réessayez."
        ),
        "inactive": "Ce compte est désactivé.",
    }

    username = UsernameField(
        label="Identifiant",
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "username"}),
    )
    password = forms.CharField(
        label="Mot de passe",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )


class LoginView(auth_views.LoginView):
    template_name = "portal/accounts/login.html"
    form_class = LoginForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        response = super().form_valid(form)
        user = form.get_user()
        if requires_two_factor(user):
            step = "portal_2fa_verify" if user_has_device(user) else "portal_2fa_setup"
            return redirect(f"{reverse(step)}?{urlencode({'next': self.get_success_url()})}")
        return response

    def get_default_redirect_url(self):
        return "/echanges/"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        next_url = self.request.GET.get("next", "")
        context["members_page_asked"] = bool(next_url) and url_has_allowed_host_and_scheme(
            next_url, allowed_hosts={self.request.get_host()}
        )
        return context


class LogoutView(auth_views.LogoutView):
    next_page = "/"
