"""The learner's country, chosen in the address and nowhere else: no
cookie, no session, nothing stored. Links within the site carry it on, so a
learner who chose Bolivia keeps seeing Bolivia's notes.

The parameter is named in the page's language (``?pais=bo`` in Spanish and
Portuguese, ``?country=bo`` in English). This module is the one place that
knows those names: templates, the page cache and links read them from here.
"""

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.utils.translation import get_language

from courses.regions import CODES

PARAMETER = "pais"  # Spanish, the default language
PARAMETERS = {"es": "pais", "pt-br": "pais", "en": "country"}
ALL_PARAMETERS = frozenset(PARAMETERS.values())


def language_of(path):
    """The language of a site address, from its prefix (``/en/…``), else
    the active one."""
    first = path.lstrip("/").split("/", 1)[0].lower()
    return first if first in PARAMETERS else (get_language() or "es").lower()


def parameter(language=None):
    """The country parameter's name in ``language`` (default: the active one)."""
    return PARAMETERS.get((language or get_language() or "es").lower(), PARAMETER)


def chosen_country(request):
    """The valid country code in the request's address, or ''. An unknown
    or malformed code is ignored, never an error."""
    if request is None:
        return ""
    code = request.GET.get(parameter(language_of(request.path)), "")[:10].strip().lower()
    return code if code in CODES else ""


def with_country(url, code):
    """``url`` with the country set under the name its language uses (or
    removed when code is '')."""
    if not url:
        return url
    parts = urlsplit(url)
    query = [
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k not in ALL_PARAMETERS
    ]
    if code in CODES:
        query.append((parameter(language_of(parts.path)), code))
    return urlunsplit(parts._replace(query=urlencode(query)))


def address_with_parameter_renamed(request):
    """For an address that names the country in another language's word
    (``/en/…?pais=bo``), the same address with this language's word; else
    None. Old links keep working through a permanent redirect."""
    prefix = request.path.lstrip("/").split("/", 1)[0].lower()
    if prefix not in PARAMETERS:
        return None  # not a public page (the admin has a filter named "country")
    wanted = parameter(prefix)
    if wanted in request.GET:
        return None
    other = next((name for name in ALL_PARAMETERS if name != wanted and name in request.GET), None)
    if other is None:
        return None
    query = [
        (wanted if k == other else k, v)
        for k, v in parse_qsl(request.META.get("QUERY_STRING", ""), keep_blank_values=True)
    ]
    return f"{request.path}?{urlencode(query)}"
