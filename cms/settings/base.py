"""Settings shared by every environment.

Production-first: everything that differs between machines comes from the
environment, and the safe value is the default. ``dev.py`` and ``test.py``
relax what they need.
"""

import ipaddress
import os
from datetime import timedelta
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

import dj_database_url

from cms.release import code_hash

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_bool(name, default=False):
    return os.environ.get(name, str(default)).strip().lower() in ("1", "true", "yes", "on")


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "cms",
    "courses",
    "courses.learning",
    "courses.countries",
    "courses.planner",
    "courses.reports",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales
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
    "django_tasks_db",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "axes",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
]

MIDDLEWARE = [
    # Before anything else: load balancers ask by address, over plain HTTP.
    "cms.health.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "cms.security.middleware.ContentSecurityPolicyMiddleware",
    "cms.security.middleware.PermissionsPolicyMiddleware",
    "cms.security.middleware.RefuseNulBytesMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # ETags and 304s for every response, cached or not; the page cache keeps
    # responses already compressed, so a hit costs no compression either.
    "django.middleware.http.ConditionalGetMiddleware",
    # Before the page cache: /en/…?pais=xx moves to ?country=xx.
    "courses.countries.middleware.CountryParameterMiddleware",
    "cms.caching.PageCacheMiddleware",
    "cms.compression.HtmlGZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Two-step verification (cms/security/two_factor.py).
    "django_otp.middleware.OTPMiddleware",
    "cms.security.two_factor.RequireTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "cms.security.middleware.PreviewFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes requires.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "cms.site_chrome.chrome",
            ],
        },
    },
]

# SQLite file by default so nothing has to be started; PostgreSQL (or any
# database dj-database-url understands) when DATABASE_URL is set.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Redis when REDIS_URL is set (shared by every worker and machine), else
# files in CACHE_DIR: shared by the workers of one machine, so a publish
# through one worker empties the page cache of all of them.
REDIS_URL = os.environ.get("REDIS_URL", "")
# Wagtail keeps image renditions in the "renditions" alias: the same store.
if REDIS_URL:
    _redis = {
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "taller"),
        "OPTIONS": {"CLIENT_CLASS": "django_redis.client.DefaultClient"},
    }
    CACHES = {
        "default": {"BACKEND": "django_redis.cache.RedisCache", **_redis},
        "renditions": {"BACKEND": "django_redis.cache.RedisCache", **_redis},
    }
else:
    _cache_dir = Path(os.environ.get("CACHE_DIR", str(BASE_DIR / ".cache")))
    CACHES = {
        "default": {
            "BACKEND": "cms.file_cache.FileCache",
            "LOCATION": str(_cache_dir),
            "OPTIONS": {"MAX_ENTRIES": 5000},
        },
        "renditions": {
            "BACKEND": "cms.file_cache.FileCache",
            "LOCATION": str(_cache_dir / "renditions"),
            "OPTIONS": {"MAX_ENTRIES": 5000},
        },
    }

# Whole pages for anonymous visitors (cms/caching.py): emptied on publish.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "3600"))
# In the page cache's keys, so a deploy never serves pages of the old code
# (cms/release.py): a version or commit when the deployment sets it.
RELEASE = os.environ.get("RELEASE", "").strip() or code_hash(BASE_DIR)
# With a CDN or caching proxy whose purge is configured, let it keep pages.
FRONTEND_CACHE_SECONDS = int(os.environ.get("FRONTEND_CACHE_SECONDS", "0"))
# Purging it on publish (cms/frontend_cache.py), through Wagtail's backends:
# off unless one of these is set.
WAGTAILFRONTENDCACHE = {}
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):  # Varnish, nginx…: an HTTP PURGE per URL
    WAGTAILFRONTENDCACHE["proxy"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
    }
if os.environ.get("CLOUDFLARE_ZONE_ID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": os.environ["CLOUDFLARE_ZONE_ID"],
        "BEARER_TOKEN": os.environ.get("CLOUDFLARE_BEARER_TOKEN", ""),
    }
if os.environ.get("CLOUDFRONT_DISTRIBUTION_ID"):  # needs boto3 (pip install ".[s3]")
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": os.environ["CLOUDFRONT_DISTRIBUTION_ID"],
    }
# Each language's tree has its own slugs: every translation is purged by its
# own URL, not by rewriting the language prefix.
WAGTAILFRONTENDCACHE_LANGUAGES = []

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "cms.security.passwords.MinimumDistinctCharactersValidator"},
]

# Languages: Spanish first. The same list drives the interface and the content.
LANGUAGE_CODE = "es"
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [
    ("es", _("Español")),
    ("pt-br", _("Português (Brasil)")),
    ("en", _("English")),
]
WAGTAIL_I18N_ENABLED = True
# First: the project's overrides of Wagtail's and wagtail-localize's strings.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "cms" / "locale", BASE_DIR / "courses" / "locale"]
USE_I18N = True
TIME_ZONE = os.environ.get("TIME_ZONE", "America/Argentina/Buenos_Aires")
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Let Django serve uploaded images itself (from local storage or S3): for a
# machine with no proxy in front, or a bucket that stays private.
SERVE_MEDIA = env_bool("SERVE_MEDIA")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "cms.staticfiles.MinifyingStaticFilesStorage"},
}
# S3-compatible object storage for uploads (and cached PDFs) when a bucket is
# named; credentials come from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.
# Needs the "s3" extra: pip install ".[s3]". See docs/deployment.md.
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    STORAGES["default"] = {
        "BACKEND": "cms.storage.SameOriginS3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "file_overwrite": False,
            "default_acl": None,
        },
    }

# Background tasks (refreshing PDFs after a publish, some of Wagtail's own
# work). By default they run at once, inside the request: nothing else to
# start. With TASKS_BACKEND=database they are queued in the database and run
# by `manage.py db_worker` (see docs/deployment.md).
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
if os.environ.get("TASKS_BACKEND") == "database":
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Wagtail
WAGTAIL_SITE_NAME = "Taller"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Wagtail's database search; on PostgreSQL with stemming per language and
# without accents (cms/search_backend.py).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "cms.search_backend"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "odt", "docx", "txt"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# Wagtail's shared-password page privacy stores the password in plain text.
WAGTAIL_PRIVATE_PAGE_OPTIONS = {"SHARED_PASSWORD": False}
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"avif": "avif", "webp": "webp"}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Sessions exist only for the admin; anonymous reading never creates one.
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# The login pages (admin, private links) set it: gone when the browser closes,
# not a year on a shared phone.
CSRF_COOKIE_AGE = None
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}


def require_secret_key(key):
    if not key:
        raise ImproperlyConfigured("Set the SECRET_KEY environment variable.")
    return key


# Safety and security (see SECURITY.md and cms/security/)

AUTHENTICATION_BACKENDS = [
    # django-axes first: it refuses a locked-out login before any password check.
    "cms.security.axes.LoginAttemptsBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Five wrong passwords for one user name from one network lock that user
# name out from that network for 15 minutes. Only the network (a /24 or /48),
# never the full address, is stored or logged (cms/security/axes.py).
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# Reverse proxies (addresses or CIDR networks) whose client-address header is
# believed; from anybody else the header is ignored (cms/clients.py).
TALLER_TRUSTED_PROXIES = env_list("TRUSTED_PROXIES", "127.0.0.1,::1")
try:
    [ipaddress.ip_network(proxy, strict=False) for proxy in TALLER_TRUSTED_PROXIES]
except ValueError as error:
    raise ImproperlyConfigured(f"TRUSTED_PROXIES: {error}") from error
# The header those proxies set: X-Real-IP, or X-Forwarded-For (its last hop
# that is not a trusted proxy is taken).
TALLER_CLIENT_ADDRESS_HEADER = os.environ.get("CLIENT_ADDRESS_HEADER", "X-Real-IP")
AXES_RESET_ON_SUCCESS = True
AXES_DISABLE_ACCESS_LOG = True
AXES_CLIENT_IP_CALLABLE = "cms.security.axes.client_network"
AXES_CLIENT_STR_CALLABLE = "cms.security.axes.describe_client"
AXES_LOCKOUT_TEMPLATE = "security/locked_out.html"
AXES_VERBOSE = False

# Two-step verification for the admin (cms/security/two_factor.py): required
# of administrators and of these groups' members when TALLER_REQUIRE_TWO_FACTOR.
WAGTAILADMIN_USER_LOGIN_FORM = "cms.security.two_factor.LoginForm"
TALLER_REQUIRE_TWO_FACTOR = os.environ.get("TALLER_REQUIRE_TWO_FACTOR", "true").lower() != "false"
# Those who publish: Wagtail's own moderators and the network's (Moderación,
# the review workflow's approvers: cms/migrations/0005_roles.py).
TALLER_TWO_FACTOR_GROUPS = ["Moderators", "Moderación"]
OTP_TOTP_ISSUER = os.environ.get("OTP_TOTP_ISSUER", "Taller")

# Editors' sessions end after a working day.
SESSION_COOKIE_AGE = 60 * 60 * 10

# Content-Security-Policy (django-csp 4). Public pages: our own origin only,
# no inline script or style. Nothing is embedded from elsewhere.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# The Wagtail admin (and page previews, which it shows in a frame) writes a
# few inline scripts and styles: it gets its own policy, still same-origin.
TALLER_ADMIN_PATH_PREFIXES = ["/admin/", "/django-admin/"]
TALLER_ADMIN_CONTENT_SECURITY_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],
}
TALLER_PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    )
}
# Uploads: checked by type, size and dimensions (cms/security/uploads.py).
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_IMAGE_FORM_BASE = "cms.security.uploads.SafeImageForm"
TALLER_IMAGE_MAX_SIDE = 8000

# Workshop plans nobody opened or changed for this many days are deleted by
# ``manage.py expire_plans`` (courses/planner).
PLANNER_PLAN_TTL_DAYS = int(os.environ.get("PLANNER_PLAN_TTL_DAYS", "180"))

WAGTAILDOCS_DOCUMENT_FORM_BASE = "cms.security.uploads.SafeDocumentForm"
# Documents go through Django, which checks collection privacy; their files
# are never served straight from MEDIA_ROOT (see cms/security/media.py).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_PRIVATE_COLLECTION_OPTIONS = {"SHARED_PASSWORD": False}
# Private documents ask visitors to sign in on a page of the site's own.
WAGTAIL_FRONTEND_LOGIN_TEMPLATE = "security/login.html"
# No request from the admin to other sites: no update check, no Gravatar.
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Logs and error reports keep no query strings, addresses or form data.
DEFAULT_EXCEPTION_REPORTER = "cms.security.logs.PrivateExceptionReporter"
DEFAULT_EXCEPTION_REPORTER_FILTER = "cms.security.logs.PrivateExceptionReporterFilter"
LOGGING["filters"] = {"private": {"()": "cms.security.logs.StripPersonalData"}}
LOGGING["handlers"]["console"]["filters"] = ["private"]
LOGGING["handlers"]["mail_admins"] = {
    "level": "ERROR",
    "class": "django.utils.log.AdminEmailHandler",
    "filters": ["require_debug_false", "private"],
}
LOGGING["filters"]["require_debug_false"] = {"()": "django.utils.log.RequireDebugFalse"}
LOGGING["loggers"] = {
    # Django's own loggers, sent through the filtered handlers instead of
    # Django's defaults (which e-mail the request, query string included).
    name: {
        "handlers": ["console", "mail_admins"],
        "level": "INFO" if name == "django.server" else LOGGING["root"]["level"],
        "propagate": False,
    }
    for name in ("django", "django.request", "django.server", "django.security")
}
