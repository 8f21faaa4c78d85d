"""django-axes helpers that keep login protection without keeping addresses.

Failed admin logins are counted per user name *and* network together
(AXES_LOCKOUT_PARAMETERS), never per full IP address: the client's address
(cms/clients.py, which knows the trusted reverse proxies) is cut to its
network (/24 for IPv4, /48 for IPv6) before axes sees it, so the database
and the logs never hold the address of a person. Five wrong passwords from
one network lock that user name out from that network only: nobody can
lock an editor out from where the editor works.
"""

import ipaddress

from axes.backends import AxesStandaloneBackend

from cms.clients import client_address

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
    """AXES_CLIENT_IP_CALLABLE: the client's network, not its address."""
    address = client_address(request)
    return network_of(str(address)) if address else None


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
