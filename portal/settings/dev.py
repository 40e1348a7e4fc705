"""Development: DEBUG on, a throw-away key, plain HTTP on 127.0.0.1, emails shown as headers and links
in the terminal, background tasks run at once."""

import os

os.environ.setdefault("SECRET_KEY", "dev-only-insecure-key-never-use-in-production")

from .base import *  # noqa: E402, F403
from .base import EMAIL_HOST, env, env_bool, env_list, task_backend  # noqa: E402

DEBUG = env_bool("DEBUG", True)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_AUTOREFRESH = True
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405
if not EMAIL_HOST:
    EMAIL_BACKEND = env("EMAIL_BACKEND", "portal.mail.DevConsoleBackend")
TASKS = task_backend("immediate")
PORTAL_PUBLIC_URL = env("PORTAL_PUBLIC_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = PORTAL_PUBLIC_URL
