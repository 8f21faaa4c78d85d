"""Who sent a request, as far as limits need to know, and the limits.

The client's address is the direct peer (REMOTE_ADDR), unless the peer is
one of the trusted reverse proxies (TALLER_TRUSTED_PROXIES): then it is the
address that proxy wrote in TALLER_CLIENT_ADDRESS_HEADER. A header sent by
anybody else is ignored, since any client can write one.

The address is only ever used as a keyed hash (HMAC with SECRET_KEY) inside
cache keys that live as long as the window they count: never stored in the
database, never logged.

Every anonymous form is limited per client, and the whole site has a larger
budget behind it. A request a client is refused for does not count against
the site's budget, so one client alone can never exhaust it.
"""

import ipaddress
import time
from functools import lru_cache

from django.conf import settings
from django.core.cache import cache
from django.utils.crypto import salted_hmac


@lru_cache(maxsize=8)
def _networks(proxies):
    return tuple(ipaddress.ip_network(proxy.strip(), strict=False) for proxy in proxies)


def _address(value):
    try:
        return ipaddress.ip_address((value or "").strip())
    except ValueError:
        return None


def is_trusted_proxy(address):
    return address is not None and any(
        address in network for network in _networks(tuple(settings.TALLER_TRUSTED_PROXIES))
    )


def _forwarded_address(request):
    """The client's address as the trusted proxy wrote it, or None.

    With X-Forwarded-For, a client may send its own list, which the proxy
    extends: only the addresses proxies appended on the right can be
    believed, so the rightmost one that is not a trusted proxy is taken.
    """
    header = settings.TALLER_CLIENT_ADDRESS_HEADER
    value = request.headers.get(header, "")
    if header.lower() != "x-forwarded-for":
        return _address(value)
    for hop in reversed(value.split(",")):
        address = _address(hop)
        if address is None:
            return None
        if not is_trusted_proxy(address):
            return address
    return None


def client_address(request):
    """The client's IP address (an ipaddress object), or None if unknown."""
    peer = _address(request.META.get("REMOTE_ADDR"))
    if is_trusted_proxy(peer):
        return _forwarded_address(request) or peer
    return peer


def client_key(request):
    """A keyed hash that tells clients apart without naming them."""
    address = client_address(request)
    return salted_hmac("taller.clients", str(address or "unknown")).hexdigest()[:24]


def _count(key, window):
    cache.add(key, 0, window)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, window)
        return 1


def allow(request, scope, rate, site_rate, window):
    """Count one more request from this client; False once the client has
    sent more than ``rate``, or the whole site more than ``site_rate``, in
    this window."""
    slot = int(time.time() // window)
    if _count(f"clients:{scope}:{client_key(request)}:{slot}", window) > rate:
        return False
    return _count(f"clients:{scope}:site:{slot}", window) <= site_rate
