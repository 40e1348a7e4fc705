"""Base settings: safe for production by default.

Everything that differs between machines comes from an environment variable, read here and only here.
DEBUG is off, no secret lives in the repository, and each external service (PostgreSQL, Elasticsearch,
Redis, SMTP) is switched on by its variable; without them the portal runs on SQLite, database search,
a local-memory cache; production refuses to start without an SMTP server (see portal/mail.py).
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("PORTAL_VAR_DIR", BASE_DIR / "var"))


def env(name, default=None):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_int(name, default):
    value = os.environ.get(name)
    return int(value) if value not in (None, "") else default


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env("SECRET_KEY")
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment.")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "portal",
    "core",
    "taxonomy",
    "content",
    "directory",
    "agenda",
    "helpdesk",
    "practices",
    "search",
    "newsletter",
    "exchanges",
    "tools",
    "letters",
    "reports",
    "demo",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django_tasks",
    "django_tasks_db",
    # Accounts: login lockouts, two-factor authentication (see the "Accounts" block below).
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
]

MIDDLEWARE = [
    "portal.request_id.RequestIdMiddleware",
    "portal.health.ProbeMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "portal.middleware.StripNullCharactersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "portal.middleware.SecurityHeadersMiddleware",
    # A cached page is answered here, before any session, locale, CSRF, user or message work; what the
    # middleware below does to an answer (a cookie set) keeps it out of the cache.
    # The audience counter sits outside it, to count the pages it serves (reports/counting.py).
    "reports.middleware.AudienceMiddleware",
    "portal.pagecache.AnonymousPageCacheMiddleware",
    "portal.sites.CachedSiteMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "portal.two_factor.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes requires: turns a locked-out login into its lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "portal" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "portal.context_processors.navigation",
                "portal.context_processors.published_version",
            ],
        },
    },
]

WSGI_APPLICATION = "portal.wsgi.application"

# Database: DATABASE_URL, or a SQLite file under var/.
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{VAR_DIR / 'portal.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: CACHE_URL or REDIS_URL selects Redis; otherwise local memory.
_cache_url = env("CACHE_URL") or env("REDIS_URL")
if _cache_url:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": _cache_url,
            # Redis down: every cache call is a logged miss (the site is slower, never an error page),
            # after at most CACHE_TIMEOUT seconds.
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": float(env("CACHE_TIMEOUT", "0.5")),
                "SOCKET_TIMEOUT": float(env("CACHE_TIMEOUT", "0.5")),
            },
            "KEY_PREFIX": "portail-mna",
        }
    }
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Accounts: brute-force lockout (django-axes) and two-factor authentication (django-otp, portal/two_factor.py).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# A username is locked from one address after AXES_FAILURE_LIMIT wrong passwords, for AXES_COOLOFF_MINUTES;
# `manage.py axes_reset_username <username>` (or `axes_reset`) lifts it early.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_MINUTES", 30) / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "core.ratelimit.client_ip"
AXES_LOCKOUT_TEMPLATE = "portal/two_factor/locked_out.html"
# Failed attempts are kept (to count them); successful logins are not recorded with their address.
AXES_DISABLE_ACCESS_LOG = True
OTP_TOTP_ISSUER = "Portail MNA"
# Superusers, committee members and jurists: session cookie ends with the browser, and the session after
# this many idle minutes.
PRIVILEGED_SESSION_IDLE_MINUTES = env_int("PRIVILEGED_SESSION_IDLE_MINUTES", 30)
# Members sign in on the public site (portal/accounts.py); staff keep /admin/login/ and its second factor.
LOGIN_URL = "account_login"

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français")]
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("fr", "Français"), ("en", "English")]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", VAR_DIR / "static"))
STATICFILES_DIRS = [BASE_DIR / "portal" / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", VAR_DIR / "media"))
# Private files (helpdesk attachments) live outside MEDIA_ROOT and are only served through views.
PRIVATE_MEDIA_ROOT = Path(env("PRIVATE_MEDIA_ROOT", VAR_DIR / "private"))
FILE_UPLOAD_PERMISSIONS = 0o640
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o750
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Email: SMTP. Without EMAIL_HOST the system check portal.E001 stops the portal unless DEBUG: a console
# or in-memory backend would print or drop follow-up and password-reset links and mark them sent.
EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "")
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Portail MNA <ne-pas-repondre@portail-mna.fr>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Background tasks (django-tasks): "database" stores them for the worker (`manage.py db_worker`, which must
# run in production); "immediate" runs each one at once in the process that enqueued it (dev and tests).
TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}


def task_backend(default):
    name = env("TASKS_BACKEND", default)
    if name not in TASK_BACKENDS:
        raise ImproperlyConfigured(f"TASKS_BACKEND must be one of {', '.join(TASK_BACKENDS)}.")
    return {"default": {"BACKEND": TASK_BACKENDS[name]}}


TASKS = task_backend("database")

# Search: the database backend by default; ELASTICSEARCH_URL switches to Elasticsearch (see search/).
ELASTICSEARCH_URL = env("ELASTICSEARCH_URL")
ELASTICSEARCH_INDEX_PREFIX = env("ELASTICSEARCH_INDEX_PREFIX", "portail-mna")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# Seconds to wait, after Elasticsearch failed, before trying it again (the database answers meanwhile).
SEARCH_ENGINE_RETRY_SECONDS = env_int("SEARCH_ENGINE_RETRY_SECONDS", 60)
# Keyword arguments for the Elasticsearch client. Refused connections and 502/503/504 answers are retried
# ELASTICSEARCH_MAX_RETRIES times; a timeout is not retried, so an engine that hangs costs one
# ELASTICSEARCH_TIMEOUT (seconds) before the database answers, and is then left alone for
# SEARCH_ENGINE_RETRY_SECONDS.
ELASTICSEARCH_CLIENT_OPTIONS = {
    "request_timeout": float(env("ELASTICSEARCH_TIMEOUT", "5")),
    "max_retries": env_int("ELASTICSEARCH_MAX_RETRIES", 1),
    "retry_on_timeout": False,
}

# Wagtail
WAGTAIL_SITE_NAME = "Portail MNA"
# The site's public address (scheme, host and port if not the default, no path): every absolute URL in
# emails, feeds, the sitemap, calendars, exports and canned answers is built from it (portal/public_url.py).
# Required, and https, outside DEBUG (system check portal.E002).
PORTAL_PUBLIC_URL = env("PORTAL_PUBLIC_URL", "").rstrip("/")
WAGTAILADMIN_BASE_URL = PORTAL_PUBLIC_URL
WAGTAILDOCS_EXTENSIONS = [
    "pdf",
    "doc",
    "docx",
    "odt",
    "xls",
    "xlsx",
    "ods",
    "ppt",
    "pptx",
    "odp",
    "csv",
    "txt",
    "png",
    "jpg",
    "jpeg",
]
# Documents: only these extensions, with a content that matches (portal/documents.py, portal/uploads.py),
# served through Wagtail's view as downloads (PDFs inline) with "default-src 'none'" and nosniff.
WAGTAILDOCS_DOCUMENT_FORM_BASE = "portal.documents.DocumentForm"
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf"]
WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT = True
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAILADMIN_COMMENTS_ENABLED = True
TAGGIT_CASE_INSENSITIVE = True

# Security: on unless DEBUG. HTTPS settings can be turned off behind a TLS-terminating proxy
# that does not forward the scheme (SECURE_SSL_REDIRECT=0).
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("SECURE_PROXY", True) else None
)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
SESSION_COOKIE_HTTPONLY = True
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Wagtail's live preview shows the page in a same-origin iframe, so DENY would break the editors' preview;
# SAMEORIGIN still refuses every other site, hence the silenced deploy check.
X_FRAME_OPTIONS = "SAMEORIGIN"
SILENCED_SYSTEM_CHECKS = ["security.W019"]
# Content-Security-Policy sent on every public response: every asset is served by the portal itself.
CONTENT_SECURITY_POLICY = env(
    "CONTENT_SECURITY_POLICY",
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
    "script-src 'self'; font-src 'self'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-ancestors 'self'",
)
# The Wagtail admin's policy, where requesters' texts are shown. Wagtail 8's date, time and inline-panel
# widgets write inline <script>s (hence 'unsafe-inline' for scripts); everything else stays on this
# origin, so an injected script could neither load code nor send data elsewhere. blob: is for image
# previews before upload, frame-src for the live preview.
ADMIN_CONTENT_SECURITY_POLICY = env(
    "ADMIN_CONTENT_SECURITY_POLICY",
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; frame-src 'self'; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'",
)
# No calls from the admin to outside services (update check, Gravatar: an email hash sent to a third party).
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # Every record carries the id of the request it was written in (portal/request_id.py), "-" outside one.
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s]: %(message)s"},
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(request_id)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
            "timestamp": False,
        },
    },
    # LOG_FORMAT=json writes one JSON object a line (the default in production.py), for the log collector.
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": env("LOG_FORMAT", "plain")}
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        # Request bodies and query strings may hold helpdesk data: never log them at DEBUG.
        "django.request": {"level": "ERROR"},
        "elastic_transport": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
    },
}

# Operations: /readyz answers 503 when one of these checks fails (database, search, cache, tasks); the
# others are reported only. The task check fails when a task has waited longer than this for a worker.
READYZ_REQUIRED = env_list("READYZ_REQUIRED", "database")
READYZ_MAX_TASK_WAIT_SECONDS = env_int("READYZ_MAX_TASK_WAIT_SECONDS", 900)
# Fernet key of `manage.py backup` / `restore` (make one with `manage.py backup --generate-key`).
BACKUP_KEY = env("BACKUP_KEY", "")

# Number of reverse proxies in front of the portal that append to X-Forwarded-For (rate limits and login
# lockouts use the hop the nearest untrusted party sent). 0: REMOTE_ADDR. The older
# TRUST_X_FORWARDED_FOR=1 means one proxy.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 1 if env_bool("TRUST_X_FORWARDED_FOR") else 0)

# Months after an error report to the directory is handled (or received, if never handled) before the
# reporter's name and email are wiped by `directory_anonymise_reports`.
DIRECTORY_REPORT_RETENTION_MONTHS = env_int("DIRECTORY_REPORT_RETENTION_MONTHS", 24)

# Feeds, calendars and sitemaps are cached until published content changes (at most FEED_CACHE_SECONDS),
# and clients and proxies may keep them FEED_MAX_AGE seconds. The subscribed calendar (`/agenda.ics`)
# holds upcoming sessions and those of the last AGENDA_FEED_PAST_MONTHS months.
FEED_CACHE_SECONDS = env_int("FEED_CACHE_SECONDS", 3600)
FEED_MAX_AGE = env_int("FEED_MAX_AGE", 300)
AGENDA_FEED_PAST_MONTHS = env_int("AGENDA_FEED_PAST_MONTHS", 3)

# The anonymous page cache (portal/pagecache.py): public pages served from the cache to visitors without a
# session for at most PAGE_CACHE_SECONDS (0 turns it off) or until published content changes; browsers and
# proxies may keep them PAGE_CACHE_MAX_AGE seconds. Never under these paths.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 300)
PAGE_CACHE_MAX_AGE = env_int("PAGE_CACHE_MAX_AGE", 60)
PAGE_CACHE_EXCLUDED_PATHS = env_list(
    "PAGE_CACHE_EXCLUDED_PATHS", "/admin/,/permanence/,/documents/"
)

# Audience measurement (reports/): aggregated daily counters of page views and downloads, with no cookie
# and nothing personal stored. AUDIENCE_COUNTING=0 turns the counting off.
AUDIENCE_COUNTING = env_bool("AUDIENCE_COUNTING", True)
# Views are counted in memory and written in one transaction every AUDIENCE_FLUSH_VIEWS views or
# AUDIENCE_FLUSH_SECONDS seconds (and at exit): a write per view would cost each page a commit.
AUDIENCE_FLUSH_VIEWS = env_int("AUDIENCE_FLUSH_VIEWS", 50)
AUDIENCE_FLUSH_SECONDS = env_int("AUDIENCE_FLUSH_SECONDS", 30)

# Helpdesk (permanence juridique): private attachments, due dates, retention, rate limits, log redaction.
HELPDESK_PRIVATE_ROOT = Path(env("HELPDESK_PRIVATE_ROOT", PRIVATE_MEDIA_ROOT / "helpdesk"))
HELPDESK_TARGET_WORKING_DAYS = env_int("HELPDESK_TARGET_WORKING_DAYS", 5)
HELPDESK_RETENTION_MONTHS = env_int("HELPDESK_RETENTION_MONTHS", 24)
HELPDESK_MAX_ATTACHMENT_BYTES = env_int("HELPDESK_MAX_ATTACHMENT_BYTES", 10 * 1024 * 1024)
HELPDESK_MAX_ATTACHMENTS = env_int("HELPDESK_MAX_ATTACHMENTS", 3)
# Quotas: files and bytes a request holds in all, uploads through one follow-up link.
HELPDESK_TICKET_MAX_ATTACHMENTS = env_int("HELPDESK_TICKET_MAX_ATTACHMENTS", 20)
HELPDESK_TICKET_MAX_ATTACHMENT_BYTES = env_int(
    "HELPDESK_TICKET_MAX_ATTACHMENT_BYTES", 50 * 1024 * 1024
)
HELPDESK_TOKEN_MAX_UPLOADS = env_int("HELPDESK_TOKEN_MAX_UPLOADS", 10)
# Requests per hour, per IP and per email; follow-up page lookups per IP per 10 minutes.
HELPDESK_RATE_LIMIT_PER_IP = env_int("HELPDESK_RATE_LIMIT_PER_IP", 5)
HELPDESK_RATE_LIMIT_PER_EMAIL = env_int("HELPDESK_RATE_LIMIT_PER_EMAIL", 3)
HELPDESK_TOKEN_LOOKUPS_PER_IP = env_int("HELPDESK_TOKEN_LOOKUPS_PER_IP", 60)
HELPDESK_EMAIL_MAX_ATTEMPTS = env_int("HELPDESK_EMAIL_MAX_ATTEMPTS", 8)
# The jurists' shared address, told (link only) of each new request; empty: no notice.
HELPDESK_NOTIFY_EMAIL = env("HELPDESK_NOTIFY_EMAIL", "")

# Subscriptions and newsletter (newsletter/): confirmation links' lifetime, unconfirmed addresses' retention,
# delivery attempts before an email is given up.
NEWSLETTER_CONFIRMATION_HOURS = env_int("NEWSLETTER_CONFIRMATION_HOURS", 72)
NEWSLETTER_UNCONFIRMED_DAYS = env_int("NEWSLETTER_UNCONFIRMED_DAYS", 7)
NEWSLETTER_EMAIL_MAX_ATTEMPTS = env_int("NEWSLETTER_EMAIL_MAX_ATTEMPTS", 8)
# Local hour from which `newsletter_send_digests` builds the daily and weekly digests.
NEWSLETTER_DIGEST_HOUR = env_int("NEWSLETTER_DIGEST_HOUR", 7)
LOGGING["filters"] = {"redact_personal_data": {"()": "helpdesk.logging.RedactPersonalData"}}
LOGGING["handlers"]["console"]["filters"] = ["redact_personal_data"]
# Django's own loggers keep their default handlers (runserver access log, DEBUG console, error
# emails) that bypass the root one and print follow-up tokens: route them through the redacting console.
LOGGING["loggers"]["django"] = {"handlers": ["console"], "level": "INFO", "propagate": False}
LOGGING["loggers"]["django.server"] = {"handlers": ["console"], "level": "INFO", "propagate": False}
# Accounts: django-axes announces its configuration at INFO on every start.
LOGGING["loggers"]["axes"] = {"level": "WARNING"}

# Discussion list (exchanges/): the archive is for members unless EXCHANGES_ARCHIVE_PUBLIC; attachments
# (private, never served directly) pass the helpdesk's checks and limits. Messages a member may post per hour.
EXCHANGES_ARCHIVE_PUBLIC = env_bool("EXCHANGES_ARCHIVE_PUBLIC", False)
EXCHANGES_PRIVATE_ROOT = Path(env("EXCHANGES_PRIVATE_ROOT", PRIVATE_MEDIA_ROOT / "exchanges"))
EXCHANGES_POSTS_PER_HOUR = env_int("EXCHANGES_POSTS_PER_HOUR", 10)
