"""Prepares the browser suite's database: migrations, the demo content and one account per role.

Run in the server's environment (`python -m tests.browser.prepare`), before the server starts, so that
the suite sees exactly what a visitor of a fresh `make run` sees.
"""

import django
from django.core.management import call_command

# Every account of the journeys shares this password; the database is thrown away after the run.
PASSWORD = "navigateur-e2e-2026"
# The authenticator secret (hex) of the accounts whose role requires two-factor authentication: the
# journeys compute their codes from it, as the phone app would.
TOTP_KEY = "3132333435363738393031323334353637383930"
ACCOUNTS = {
    # username: (group, is_superuser)
    "contributrice": ("Contributeurs", False),
    "comite": ("Comité de rédaction", False),
    "juriste": ("Juristes", False),
    "membre": ("Membres", False),
}


def create_accounts():
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from portal.two_factor import requires_two_factor

    User = get_user_model()
    for username, (group_name, is_superuser) in ACCOUNTS.items():
        user, _ = User.objects.get_or_create(
            username=username,
            defaults={"email": f"{username}@example.org", "first_name": username.capitalize()},
        )
        user.is_superuser = is_superuser
        user.set_password(PASSWORD)
        user.save()
        user.groups.add(Group.objects.get(name=group_name))
        if requires_two_factor(user):
            TOTPDevice.objects.update_or_create(
                user=user, name="Navigateur", defaults={"key": TOTP_KEY, "confirmed": True}
            )


def main():
    django.setup()
    call_command("migrate", interactive=False, verbosity=0)
    call_command("load_demo", no_admin=True, verbosity=0)
    create_accounts()


if __name__ == "__main__":
    main()
