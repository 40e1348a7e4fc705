"""Settings come from the environment and production settings are safe."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_manage(*args, **env):
    environment = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DATABASE_URL", "DEBUG", "SECRET_KEY"} and not k.startswith("EMAIL_")
    }
    environment.update(env)
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_the_deploy_check(tmp_path):
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY="a-long-random-production-secret-" + "x" * 40,
        ALLOWED_HOSTS="portail.example.org",
        EMAIL_HOST="smtp.example.org",
        PORTAL_PUBLIC_URL="https://portail.example.org",
        PORTAL_VAR_DIR=str(tmp_path),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_an_https_public_address(tmp_path):
    production = {
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": "k" * 50,
        "EMAIL_HOST": "smtp.example.org",
        "PORTAL_VAR_DIR": str(tmp_path),
    }
    for value in ("", "http://portail.example.org"):
        result = run_manage("check", PORTAL_PUBLIC_URL=value, **production)
        assert result.returncode != 0 and "portal.E002" in result.stderr, result.stderr


def test_production_refuses_to_start_without_a_mail_server(tmp_path):
    production = {
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": "k" * 50,
        "PORTAL_VAR_DIR": str(tmp_path),
    }
    result = run_manage("check", **production)
    assert result.returncode != 0
    assert "portal.E001" in result.stderr and "EMAIL_HOST is not set" in result.stderr
    console = "django.core.mail.backends.console.EmailBackend"
    result = run_manage("check", EMAIL_BACKEND=console, EMAIL_HOST="smtp.example.org", **production)
    assert result.returncode != 0
    assert "portal.E001" in result.stderr and "does not deliver email" in result.stderr


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    result = run_manage(
        "check", DJANGO_SETTINGS_MODULE="portal.settings.production", PORTAL_VAR_DIR=str(tmp_path)
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_database_url_selects_the_database(tmp_path):
    code = "from django.conf import settings; print(settings.DATABASES['default']['ENGINE'], settings.DEBUG)"
    result = run_manage(
        "shell",
        "-c",
        code,
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY="k" * 50,
        DATABASE_URL="postgres://user@db.example.org:5432/portail",
        PORTAL_VAR_DIR=str(tmp_path),
    )
    assert result.stdout.strip().splitlines()[-1].split() == [
        "django.db.backends.postgresql",
        "False",
    ], result.stderr


def test_the_development_console_shows_headers_and_links_only(settings):
    import io

    from django.core.mail import EmailMessage, get_connection

    stream = io.StringIO()
    connection = get_connection("portal.mail.DevConsoleBackend", stream=stream)
    message = EmailMessage(
        "Votre demande",
        "Bonjour Camille,\nsuivez-la ici : https://portail.example.org/permanence/suivi/abc/\n",
        "ne-pas-repondre@example.org",
        ["camille@example.org"],
    )
    assert connection.send_messages([message]) == 1
    printed = stream.getvalue()
    assert "Subject: Votre demande" in printed and "To: camille@example.org" in printed
    assert "Link: https://portail.example.org/permanence/suivi/abc/" in printed
    assert "Bonjour" not in printed


def test_development_settings_print_no_email_body(tmp_path):
    result = run_manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.EMAIL_BACKEND)",
        DJANGO_SETTINGS_MODULE="portal.settings.dev",
        PORTAL_VAR_DIR=str(tmp_path),
    )
    assert result.stdout.strip().splitlines()[-1] == "portal.mail.DevConsoleBackend", result.stderr
