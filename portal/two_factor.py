"""Two-factor authentication for the privileged roles, on django-otp (TOTP apps and recovery codes).

Superusers, the Comité de rédaction and the Juristes (who read requesters' questions) must confirm each
admin session with a code from an authenticator app, or a single-use recovery code; contributors may enrol
but are not forced to. Privileged sessions also end when the browser closes and after
`PRIVILEGED_SESSION_IDLE_MINUTES` without a request.
"""

import time
from base64 import b32encode

import segno
from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.db import transaction
from django.urls import Resolver404, resolve, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django_otp import login as otp_login
from django_otp import user_has_device, verify_token
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from core.roles import EDITORS, JURISTS

PRIVILEGED_GROUPS = (EDITORS, JURISTS)
RECOVERY_CODES = 10
LAST_ACTIVITY_KEY = "portal_last_activity"
# Admin URLs an unverified privileged user may open: signing in and out, and the two steps themselves.
OPEN_URL_NAMES = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "portal_2fa_verify",
    "portal_2fa_setup",
}


def requires_two_factor(user):
    if not user.is_authenticated:
        return False
    if not hasattr(user, "_requires_two_factor"):  # asked twice per request by the middleware
        user._requires_two_factor = (
            user.is_superuser or user.groups.filter(name__in=PRIVILEGED_GROUPS).exists()
        )
    return user._requires_two_factor


def pending_totp_device(user):
    """The authenticator being enrolled: one unconfirmed device per user, kept until confirmed."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name="Application", confirmed=False)


def qr_code_svg(device):
    """The device's otpauth:// URL as an inline SVG QR code, drawn here: the secret never leaves."""
    return segno.make(device.config_url, error="m").svg_inline(
        scale=5, title="QR code à scanner avec l'application d'authentification"
    )


def manual_key(device):
    """The secret in base32, grouped by four, for apps that cannot scan."""
    key = b32encode(device.bin_key).decode()
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def new_recovery_codes(user):
    """Replace the user's recovery codes with fresh single-use ones and return them (shown once)."""
    with transaction.atomic():
        StaticDevice.objects.filter(user=user).delete()
        device = StaticDevice.objects.create(user=user, name="Codes de secours")
        codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
        StaticToken.objects.bulk_create(StaticToken(device=device, token=c) for c in codes)
    return codes


def confirm_enrolment(request, device, code):
    """Confirm `device` with a first code; on success the session is verified and recovery codes made."""
    if not device.verify_token(normalise(code)):
        return None
    TOTPDevice.objects.filter(user=device.user, confirmed=True).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    otp_login(request, device)
    return new_recovery_codes(device.user)


def normalise(code):
    return "".join(str(code).split()).lower()


def verify(request, code):
    """Check a code against the user's authenticator (digits) or recovery codes; mark the session."""
    code = normalise(code)
    device_class = TOTPDevice if code.isascii() and code.isdigit() else StaticDevice
    for device in device_class.objects.filter(user=request.user, confirmed=True):
        if verify_token(request.user, device.persistent_id, code):
            otp_login(request, device)
            return True
    return False


class TwoFactorMiddleware:
    """Sends privileged users to enrolment or verification before any other admin page, and signs out
    privileged sessions left idle. Goes after django-otp's OTPMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self._check(request)
        user = getattr(request, "user", None)
        # After the response too: a login replaces request.user, and Wagtail's "Se souvenir de moi"
        # would keep a privileged session for weeks.
        if (
            user is not None
            and requires_two_factor(user)
            and not request.session.get_expire_at_browser_close()
        ):
            request.session.set_expiry(0)
        return response

    def _check(self, request):
        user = getattr(request, "user", None)
        if user is None or not requires_two_factor(user):
            return self.get_response(request)
        if self._idle_too_long(request):
            logout(request)
            return redirect_to_login(request.get_full_path(), reverse("wagtailadmin_login"))
        if request.path_info.startswith(reverse("wagtailadmin_home")) and not user.is_verified():
            try:
                url_name = resolve(request.path_info).url_name
            except Resolver404:
                url_name = None
            if url_name not in OPEN_URL_NAMES:
                step = "portal_2fa_verify" if user_has_device(user) else "portal_2fa_setup"
                return redirect_to_login(request.get_full_path(), reverse(step))
        return self.get_response(request)

    @staticmethod
    def _idle_too_long(request):
        now = int(time.time())
        last = request.session.get(LAST_ACTIVITY_KEY)
        if last is not None and now - last > settings.PRIVILEGED_SESSION_IDLE_MINUTES * 60:
            return True
        if last is None or now - last >= 60:  # one session write a minute at most
            request.session[LAST_ACTIVITY_KEY] = now
        return False


def next_url(request):
    """Where to go once verified: the `next` asked for if it stays on this site, else the dashboard."""
    target = request.POST.get("next") or request.GET.get("next")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("wagtailadmin_home")
