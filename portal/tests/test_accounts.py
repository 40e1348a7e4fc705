"""Admin accounts: brute-force lockout, two-factor authentication for the privileged roles, and their
shorter sessions."""

import re
import time

import pytest
from django.core.management import call_command
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal.testing import Client

pytestmark = pytest.mark.django_db
PASSWORD = "motdepasse-tres-long"


def totp_code(device, steps_ahead=0):
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():0{device.digits}d}"


def log_in(client, username, password=PASSWORD, remember=None, **extra):
    data = {"username": username, "password": password, "next": "/admin/"}
    if remember:
        data["remember"] = remember
    return client.post("/admin/login/", data, **extra)


def enrol(client):
    client.get("/admin/2fa/configurer/")
    device = TOTPDevice.objects.get(confirmed=False)
    response = client.post("/admin/2fa/configurer/", {"code": totp_code(device)})
    return device, response


# Brute force


def test_wrong_passwords_lock_the_account_from_that_address(contributor):
    client = Client()
    statuses = [log_in(client, "contributeur", "mauvais").status_code for _ in range(30)]
    assert statuses[:4] == [200] * 4  # the login form again, with its error
    assert set(statuses[5:]) == {429}
    response = log_in(client, "contributeur")  # the right password no longer helps
    assert response.status_code == 429
    assert "Connexion temporairement bloquée" in response.content.decode()
    assert "pendant 30 minutes" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_lockout_is_per_username_and_address(contributor, editor):
    attacker = Client()
    for _ in range(6):
        log_in(attacker, "contributeur", "mauvais", REMOTE_ADDR="203.0.113.9")
    # The same user from their own address, and another user from the attacker's, still sign in.
    assert log_in(Client(), "contributeur").status_code == 302
    assert log_in(Client(), "comite", REMOTE_ADDR="203.0.113.9").status_code == 302


def test_the_reset_command_lifts_a_lockout(contributor):
    client = Client()
    for _ in range(6):
        log_in(client, "contributeur", "mauvais")
    assert log_in(client, "contributeur").status_code == 429
    call_command("axes_reset_username", "contributeur")
    assert log_in(client, "contributeur").status_code == 302


# Two-factor authentication


@pytest.mark.parametrize("role", ["jurist", "editor", "superuser"])
def test_privileged_roles_must_enrol_before_any_admin_page(request, role):
    user = request.getfixturevalue(role)
    client = Client()
    response = log_in(client, user.username)
    assert response.status_code == 302
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/2fa/configurer/")
    assert client.get("/admin/pages/").status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert (
        "<svg" in page and "otpauth" not in page
    )  # the QR code is drawn here, the URL never shown


def test_contributors_are_not_forced(contributor):
    client = Client()
    log_in(client, "contributeur")
    assert client.get("/admin/").status_code == 200


def test_enrolment_shows_recovery_codes_then_opens_the_admin(jurist):
    client = Client()
    log_in(client, "juriste")
    device, response = enrol(client)
    page = response.content.decode()
    codes = StaticToken.objects.filter(device__user=jurist).values_list("token", flat=True)
    assert len(codes) == 10
    assert all(code in page for code in codes)
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/admin/").status_code == 200


def test_a_wrong_code_does_not_enrol(jurist):
    client = Client()
    log_in(client, "juriste")
    client.get("/admin/2fa/configurer/")
    response = client.post("/admin/2fa/configurer/", {"code": "000000x"})
    assert "Code incorrect" in response.content.decode()
    assert not TOTPDevice.objects.filter(confirmed=True).exists()
    assert client.get("/admin/").status_code == 302


def test_each_later_login_asks_for_a_code(jurist):
    first = Client()
    log_in(first, "juriste")
    device, _ = enrol(first)
    client = Client()
    log_in(client, "juriste")
    response = client.get("/admin/permanence/")
    assert response["Location"] == "/admin/2fa/verifier/?next=/admin/permanence/"
    response = client.post("/admin/2fa/verifier/", {"code": "123456", "next": "/admin/permanence/"})
    assert "Code incorrect ou expiré" in response.content.decode()
    device.refresh_from_db()
    device.throttle_reset()
    response = client.post(
        "/admin/2fa/verifier/", {"code": totp_code(device, 1), "next": "/admin/permanence/"}
    )
    assert response.status_code == 302 and response["Location"] == "/admin/permanence/"
    assert client.get("/admin/").status_code == 200


def test_a_recovery_code_works_once(jurist):
    enrolment = Client()
    log_in(enrolment, "juriste")
    _, response = enrol(enrolment)
    code = re.findall(r"<li><code>(\w+)</code></li>", response.content.decode())[0]
    client = Client()
    log_in(client, "juriste")
    assert client.post("/admin/2fa/verifier/", {"code": code.upper()}).status_code == 302
    again = Client()
    log_in(again, "juriste")
    response = again.post("/admin/2fa/verifier/", {"code": code})
    assert "Code incorrect" in response.content.decode()


def test_a_password_alone_cannot_replace_the_authenticator(jurist):
    owner = Client()
    log_in(owner, "juriste")
    enrol(owner)
    intruder = Client()
    log_in(intruder, "juriste")
    response = intruder.get("/admin/2fa/configurer/")
    assert response["Location"].startswith("/admin/2fa/verifier/")
    assert intruder.post("/admin/2fa/configurer/", {"regenerate": "1"}).status_code == 302
    assert TOTPDevice.objects.filter(user=jurist).count() == 1


def test_verification_never_redirects_off_site(jurist):
    client = Client()
    log_in(client, "juriste")
    _, response = enrol(client)
    client.logout()
    log_in(client, "juriste")
    device = TOTPDevice.objects.get(user=jurist)
    response = client.post(
        "/admin/2fa/verifier/", {"code": totp_code(device, 1), "next": "https://evil.example/"}
    )
    assert response["Location"] == "/admin/"


# Sessions


def test_privileged_sessions_end_with_the_browser_even_if_remembered(jurist, contributor):
    response = log_in(Client(), "juriste", remember="on")
    cookie = response.cookies["sessionid"]
    assert not cookie["max-age"] and not cookie["expires"]
    response = log_in(Client(), "contributeur", remember="on")
    assert response.cookies["sessionid"]["max-age"]


def test_idle_privileged_sessions_are_signed_out(jurist, settings, monkeypatch):
    settings.PRIVILEGED_SESSION_IDLE_MINUTES = 30
    client = Client()
    log_in(client, "juriste")
    enrol(client)
    assert client.get("/admin/").status_code == 200
    now = time.time()
    monkeypatch.setattr("portal.two_factor.time.time", lambda: now + 31 * 60)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    assert "_auth_user_id" not in client.session
