"""Defences for the public forms that need no cookie: the site's one
cross-site check (cms/crosssite.py), a honeypot field and per-client
limits (cms/clients.py).

Why no CSRF token: Django's token lives in a cookie, and anonymous pages
set none. A CSRF token protects a signed-in person's session from a forged
request; these forms ignore who is signed in and save nothing tied to
anyone, so a forged POST could do no more than anybody can do by posting
the form themselves. What remains is abuse, which the limits, the honeypot
and the editors' "reviewed" flag deal with; a POST from another site is
refused anyway.
"""

from cms import clients
from cms.crosssite import is_cross_site

__all__ = ["HONEYPOT", "WINDOW", "is_cross_site", "is_over_limit", "is_trap_filled"]

# A field people never see and bots fill in.
HONEYPOT = "sitio_web"
WINDOW = 600
# A workshop room shares one address: every participant may send the
# feedback form from it within minutes.
RATES = {"feedback": (60, 1000), "report": (20, 200)}


def is_trap_filled(request):
    return bool(request.POST.get(HONEYPOT, "").strip())


def is_over_limit(request, scope):
    """Count this POST; True when this client or the whole site sent too many."""
    rate, site_rate = RATES[scope]
    return not clients.allow(request, f"reports-{scope}", rate, site_rate, WINDOW)
