"""One rule for every form that works without a cookie: a POST must come
from this site's own pages.

Anonymous pages set no cookie, so these forms carry no CSRF token. What a
token would still stop is another site making a visitor's browser send the
form; browsers say where a request comes from in ``Sec-Fetch-Site`` (or,
older ones, ``Origin``), and a request from another site is refused. A
sibling subdomain ("same-site") is another site too.
"""

from urllib.parse import urlsplit

SAME_SITE = {"same-origin", "none"}  # "none": typed or bookmarked by the user


def is_cross_site(request):
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None:
        return fetch_site not in SAME_SITE
    origin = request.headers.get("Origin")
    if origin is not None:
        return origin == "null" or urlsplit(origin).netloc != request.get_host()
    return False  # neither header: not sent by a browser form of another site
