"""A small rate limit in Django's cache (shared through Redis when
REDIS_URL is set).

Nothing is written to the database. The cache key holds a keyed hash of
the client's address, never the address, and lives only as long as the
window it counts.
"""

import time

from django.conf import settings
from django.core.cache import cache
from django.utils.crypto import salted_hmac


def allow(request, scope, limit, window):
    """Count one more request in this window; False once ``limit`` is passed.

    ``request=None`` counts for the whole site. REMOTE_ADDR only, never a
    header any client can write. A request from a reverse proxy that does not
    pass the client's address on (TALLER_PROXY_ADDRESSES, as
    docs/deployment.md recommends) says nothing about who sent it: counting
    it by address would make one small limit for everybody, so it is left to
    the site-wide limit.
    """
    who = "site"
    if request is not None:
        address = request.META.get("REMOTE_ADDR", "")
        if address in settings.TALLER_PROXY_ADDRESSES:
            return True
        who = salted_hmac("taller.learning.ratelimit", address).hexdigest()[:24]
    key = f"learning:rate:{scope}:{who}:{int(time.time() // window)}"
    cache.add(key, 0, window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, window)
        count = 1
    return count <= limit
