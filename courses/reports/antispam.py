"""Defences for the public forms that need no cookie: a same-origin check,
a honeypot field and a rate limit.

Why no CSRF token: Django's token lives in a cookie, and anonymous pages
set none. A CSRF token protects a signed-in person's session from a forged
request; these forms ignore who is signed in and save nothing tied to
anyone, so a forged POST could do no more than anybody can do by posting
the form themselves. What remains is abuse, which the rate limit, the
honeypot and the editors' "reviewed" flag deal with. Browsers send an
Origin header with every POST; one from another site is refused anyway.
"""

from urllib.parse import urlsplit

from django.conf import settings

from courses.learning.ratelimit import allow

# A field people never see and bots fill in.
HONEYPOT = "sitio_web"
WINDOW = 600
# A workshop room shares one address: every participant may send the
# feedback form from it within minutes.
RATES = {"feedback": (60, 1000), "report": (20, 200)}


def is_cross_site(request):
    origin = request.META.get("HTTP_ORIGIN")
    if request.META.get("HTTP_SEC_FETCH_SITE") == "cross-site":
        return True
    if not origin or origin == "null":
        # Old browsers and privacy tools send none; the other defences hold.
        return origin == "null"
    trusted = {urlsplit(o).netloc for o in settings.CSRF_TRUSTED_ORIGINS}
    return urlsplit(origin).netloc not in trusted | {request.get_host()}


def is_trap_filled(request):
    return bool(request.POST.get(HONEYPOT, "").strip())


def is_over_limit(request, scope):
    """Count this POST; True when the address or the whole site sent too many."""
    rate, site_rate = RATES[scope]
    return not allow(request, f"reports-{scope}", rate, WINDOW) or not allow(
        None, f"reports-{scope}", site_rate, WINDOW
    )
