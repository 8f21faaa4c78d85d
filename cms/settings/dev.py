"""Local development: DEBUG on, a throw-away key, plain static files."""

from .base import *  # noqa: F403
from .base import STORAGES

DEBUG = True
SECRET_KEY = "django-insecure-dev-only-never-use-in-production"  # noqa: S105
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "[::1]"]
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# The local admin is not asked to set up two-step verification (it can, from
# its account page); production requires it of administrators and moderators.
TALLER_REQUIRE_TWO_FACTOR = False
