"""Tests: fast hasher, local-memory cache, plain static storage, mail kept in memory."""

import os
import tempfile

os.environ.setdefault("SECRET_KEY", "test-only-key")
os.environ.setdefault("PORTAL_VAR_DIR", tempfile.mkdtemp(prefix="portail-mna-test-"))

from .dev import *  # noqa: E402, F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Mail kept in memory is what the tests read, on a plain-HTTP address; production refuses both
# (portal.E001, portal.E002).
SILENCED_SYSTEM_CHECKS = [*SILENCED_SYSTEM_CHECKS, "portal.E001", "portal.E002"]  # noqa: F405
ALLOWED_HOSTS = ["*"]
PORTAL_PUBLIC_URL = WAGTAILADMIN_BASE_URL = "http://testserver"
# Inside a test's transaction no commit bumps the published version: the page cache is tested on its own.
PAGE_CACHE_SECONDS = 0
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
