"""Settings of the portal server the browser suite drives: the development settings, with production-like
error pages (DEBUG off), static files served by WhiteNoise from the source folders, and emails written
to files that the journeys read."""

import os

from portal.settings.dev import *  # noqa: F403
from portal.settings.dev import VAR_DIR

DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = os.environ.get("PORTAL_EMAIL_DIR", str(VAR_DIR / "mail"))
# Files are what the journeys read, on a plain-HTTP loopback address; a production server refuses both
# (portal.E001, portal.E002).
SILENCED_SYSTEM_CHECKS = [*SILENCED_SYSTEM_CHECKS, "portal.E001", "portal.E002"]  # noqa: F405
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
