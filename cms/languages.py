"""The site's front door: ``/`` sends each visitor to their language.

The choice comes from the browser's Accept-Language header alone (never a
cookie: anonymous reading sets none). The redirect differs from one visitor
to the next, so it says ``Vary: Accept-Language`` and ``private``: neither
our page cache (which keeps only 200 responses) nor a CDN, many of which
ignore Vary, may hand one visitor's redirect to another.
"""

from django.conf import settings
from django.http import HttpResponseRedirect
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import get_supported_language_variant
from django.utils.translation.trans_real import parse_accept_lang_header
from django.views.decorators.http import require_safe


def preferred_language(accept_language):
    """The first supported language in an Accept-Language header ("pt-PT"
    and "pt" find "pt-br"), else the site's default."""
    for code, _quality in parse_accept_lang_header(accept_language or ""):
        if code == "*":
            break
        try:
            return get_supported_language_variant(code)
        except LookupError:
            continue
    return settings.LANGUAGE_CODE


@require_safe
def choose_language(request):
    language = preferred_language(request.headers.get("Accept-Language"))
    response = HttpResponseRedirect(f"/{language}/")
    patch_vary_headers(response, ("Accept-Language",))
    patch_cache_control(response, private=True, max_age=0)
    return response
