"""Test helpers shared by the suites and the benchmarks."""

import time

from django.contrib.auth import authenticate
from django.test import Client as DjangoClient
from django.test import RequestFactory


def verify_session(client, user):
    """Mark `client`'s session as having passed the second factor with a confirmed authenticator, as the
    verification step does after a right code (see portal/two_factor.py)."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from portal.two_factor import LAST_ACTIVITY_KEY

    device, _ = TOTPDevice.objects.get_or_create(
        user=user, name="Tests", defaults={"confirmed": True}
    )
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    # As the login request itself would have left it: activity recorded, cookie ending with the browser.
    session[LAST_ACTIVITY_KEY] = int(time.time())
    session.set_expiry(0)
    session.save()


class Client(DjangoClient):
    """A test client whose logins also pass the second factor for the roles that require one, so tests
    of other features sign in as a real jurist or editor ends up. `otp_verified=False` stops after the
    password, to test the two-factor steps themselves."""

    def force_login(self, user, backend=None, otp_verified=True):
        super().force_login(user, backend)
        self._verify(user, otp_verified)

    def login(self, otp_verified=True, **credentials):
        # django-axes needs the request to count failures by address: give it one.
        user = authenticate(RequestFactory().post("/admin/login/"), **credentials)
        if user is None:
            return False
        self._login(user)
        self._verify(user, otp_verified)
        return True

    def _verify(self, user, otp_verified):
        from portal.two_factor import requires_two_factor

        if otp_verified and requires_two_factor(user):
            verify_session(self, user)
