"""The learner's country, chosen in the address (``?pais=bo``) and nowhere
else: no cookie, no session, nothing stored. Links within the site carry it
on, so a learner who chose Bolivia keeps seeing Bolivia's notes."""

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from courses.regions import CODES

PARAMETER = "pais"


def chosen_country(request):
    """The valid country code in the request's address, or ''. An unknown
    or malformed code is ignored, never an error."""
    if request is None:
        return ""
    code = request.GET.get(PARAMETER, "")[:10].strip().lower()
    return code if code in CODES else ""


def with_country(url, code):
    """``url`` with ``?pais=code`` set (or removed when code is '')."""
    if not url:
        return url
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != PARAMETER]
    if code in CODES:
        query.append((PARAMETER, code))
    return urlunsplit(parts._replace(query=urlencode(query)))
