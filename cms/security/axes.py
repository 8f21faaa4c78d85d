"""django-axes helpers that keep login protection without keeping addresses.

Failed admin logins are counted per user name and per network, never per
full IP address: the address is cut to its network (/24 for IPv4, /48 for
IPv6) before axes sees it, so the database and the logs never hold the
address of a person.
"""

import ipaddress

from django.conf import settings

from axes.backends import AxesStandaloneBackend

IPV4_PREFIX = 24
IPV6_PREFIX = 48


def network_of(address):
    """The first address of the network ``address`` belongs to, or None."""
    try:
        ip = ipaddress.ip_address((address or "").strip())
    except ValueError:
        return None
    prefix = IPV4_PREFIX if ip.version == 4 else IPV6_PREFIX
    return str(ipaddress.ip_network(f"{ip}/{prefix}", strict=False).network_address)


def client_network(request):
    """AXES_CLIENT_IP_CALLABLE: the client's network, not its address.

    REMOTE_ADDR only: behind a proxy, configure the proxy to set it (or
    gunicorn's --forwarded-allow-ips) rather than trusting a header any
    client can write.
    """
    return network_of(request.META.get("REMOTE_ADDR"))


def lockout_parameters(request_or_attempt, credentials=None):
    """AXES_LOCKOUT_PARAMETERS: by user name, and by network when the network
    is the client's.

    Behind a reverse proxy that does not pass the client's address on (as
    docs/deployment.md recommends, for privacy), every request comes from the
    proxy: counting by its address would let five wrong passwords from anyone
    lock every editor out. Then only the user name counts, and the proxy
    limits the rate of /admin/login/ requests.
    """
    address = getattr(request_or_attempt, "META", {}).get("REMOTE_ADDR")
    network = network_of(address) if address else getattr(request_or_attempt, "ip_address", None)
    proxies = {network_of(proxy) for proxy in settings.TALLER_PROXY_ADDRESSES}
    if network is None or network in proxies:
        return ["username"]
    return ["username", "ip_address"]


def describe_client(username, ip_address, user_agent, path_info, request):
    """AXES_CLIENT_STR_CALLABLE: what axes writes in the log (no address,
    no browser string)."""
    return f"user name {username!r}"


class LoginAttemptsBackend(AxesStandaloneBackend):
    """django-axes' backend, for logins that come with a request.

    Every login through the web (the admin's login form) passes its request
    and is checked. Code that authenticates without one, such as a script or
    a test client's ``login()``, has no client to lock out: the backend then
    steps aside, and the password backend decides as usual.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
