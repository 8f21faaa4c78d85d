"""How the planner protects plans without cookies or accounts.

A plan is changed only through its edit link, whose secret part is the
authorisation (a capability): knowing the link is what allows the change.
A CSRF token would add little and needs a cookie, and anonymous pages set
no cookie. What a token would still stop is another site making a
visitor's browser send a form to an edit link it somehow learnt; so every
POST must come from this site's own pages (cms/crosssite.py). The same
rule applies to logged-in staff: the planner never looks at who is logged
in.

Every response is ``private, no-store`` (never in the whole-page cache,
cms/caching.py, nor in a proxy), sends no Referer (so the secret link does
not travel to the pages it links to) and is not indexed.
"""

from functools import wraps

from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.views.decorators.csrf import csrf_exempt

from cms.crosssite import is_cross_site


def private(response):
    patch_cache_control(response, private=True, no_store=True)
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def planner_view(view):
    """Headers for every planner response; cross-site POSTs refused."""

    @csrf_exempt  # see the module docstring
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method == "POST" and is_cross_site(request):
            response = render(request, "planner/refused.html", status=403)
        else:
            response = view(request, *args, **kwargs)
        return private(response)

    return wrapped
