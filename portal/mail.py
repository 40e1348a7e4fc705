"""Email delivery guards: production refuses a backend that prints or drops emails, and developers see
only the headers and links of what the portal sends.

Helpdesk follow-up links and password-reset links are credentials: a console backend in production would
write them to the service's logs and mark the email sent although nobody received it.
"""

import re

from django.conf import settings
from django.core import checks
from django.core.mail.backends.console import EmailBackend as ConsoleEmailBackend

SMTP_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
# Backends that accept every email and deliver none.
NON_DELIVERING_BACKENDS = {
    "django.core.mail.backends.console.EmailBackend",
    "django.core.mail.backends.locmem.EmailBackend",
    "django.core.mail.backends.dummy.EmailBackend",
    "django.core.mail.backends.filebased.EmailBackend",
    "portal.mail.DevConsoleBackend",
}
LINK = re.compile(r"https?://\S+")


@checks.register(checks.Tags.security)
def check_email_delivery(app_configs, **kwargs):
    """portal.E001: outside DEBUG, emails must go to a real mail server."""
    if settings.DEBUG:
        return []
    backend = settings.EMAIL_BACKEND
    hint = (
        "Set EMAIL_HOST (and EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD) to an SMTP server."
    )
    if backend in NON_DELIVERING_BACKENDS:
        return [
            checks.Error(
                f"EMAIL_BACKEND {backend} does not deliver email: follow-up and password-reset "
                "links would be printed or lost and marked sent.",
                hint=hint,
                id="portal.E001",
            )
        ]
    if backend == SMTP_BACKEND and not settings.EMAIL_HOST:
        return [
            checks.Error(
                "EMAIL_HOST is not set: no email can be sent.", hint=hint, id="portal.E001"
            )
        ]
    return []


class DevConsoleBackend(ConsoleEmailBackend):
    """Development only (refused outside DEBUG by portal.E001): prints each email's headers and the links
    of its body to the developer's terminal, so a follow-up link can be opened, and nothing else."""

    def write_message(self, message):
        lines = [
            f"Subject: {message.subject}",
            f"From: {message.from_email}",
            f"To: {', '.join(message.to)}",
            *(f"Link: {link}" for link in LINK.findall(message.body)),
            "-" * 79,
        ]
        self.stream.write("\n".join(lines) + "\n")
