"""A health check for load balancers: ``GET /healthz``.

Answered first in the middleware chain, before host checks, HTTPS
redirects, sessions, the page cache or any page: a load balancer asks by
address and over plain HTTP, and what it needs to know is whether this
process can reach the database and the cache. The cost is one ``SELECT 1``
and one cache write and read, whoever asks. The answer is never cached and
sets no cookie.
"""

import logging

from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse

logger = logging.getLogger(__name__)

PATH = "/healthz"
CACHE_KEY = "health:check"


def problems():
    """What this process cannot reach: an empty list when all is well."""
    found = []
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:
        logger.exception("Health check: the database is unreachable")
        found.append("database")
    try:
        cache.set(CACHE_KEY, "ok", 30)
        if cache.get(CACHE_KEY) != "ok":
            raise RuntimeError("the value read back differs")
    except Exception:
        logger.exception("Health check: the cache is unreachable")
        found.append("cache")
    return found


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.rstrip("/") != PATH:
            return self.get_response(request)
        if request.method not in ("GET", "HEAD"):
            response = HttpResponse(status=405, content_type="text/plain")
            response["Allow"] = "GET, HEAD"
        else:
            failed = problems()
            body = "ok\n" if not failed else "unavailable: " + ", ".join(failed) + "\n"
            response = HttpResponse(body, status=503 if failed else 200, content_type="text/plain")
        response["Cache-Control"] = "no-store"
        response["X-Content-Type-Options"] = "nosniff"
        return response
