"""Production: everything comes from the environment; see docs/deployment.md."""

import os

from .base import *  # noqa: F403
from .base import SECRET_KEY, env_bool, env_list, require_secret_key

SECRET_KEY = require_secret_key(SECRET_KEY)

# Behind a TLS-terminating proxy (the usual set-up), trust its header.
if env_bool("SECURE_PROXY_SSL_HEADER", True):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
# The preload directive only marks the site as eligible for browsers'
# built-in HTTPS list; submitting it there is a separate, deliberate step.
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
ADMINS = [("Admin", email) for email in env_list("ADMIN_EMAILS")]
