"""Tests: fast and isolated. DATABASE_URL and REDIS_URL still apply, so the
same suite runs on SQLite, PostgreSQL and Redis."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403
from .base import REDIS_URL, STORAGES

SECRET_KEY = "tests-only-secret-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="taller-test-media-"))
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"
if not REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Tests sign in with force_login; the two-step verification tests turn this on.
TALLER_REQUIRE_TWO_FACTOR = False
