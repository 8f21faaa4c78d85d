"""Addresses of the site's own views are in each language's words
(/es/planificador/, /en/planner/, /pt-br/planejador/). An address with the
Spanish words under another language's prefix, as shared before they were
translated, moves permanently to that language's words, query kept."""

from django.http import Http404, HttpResponsePermanentRedirect
from django.urls import Resolver404, resolve, reverse
from django.utils import translation

# The first word of every translated route, as written in Spanish.
SPANISH_WORDS = ("buscar", "aprender", "planificador", "informe-de-taller", "opinion")
PATTERN = rf"^(?P<spanish>(?:{'|'.join(SPANISH_WORDS)})/.*)$"


def moved(request, spanish):
    language = translation.get_language()
    if language == "es":
        raise Http404("no such address")
    with translation.override("es"):
        try:
            match = resolve(f"/es/{spanish}")
        except Resolver404 as error:
            raise Http404("no such address") from error
    if not match.url_name or match.url_name in ("old_address", "wagtail_serve"):
        raise Http404("no such address")
    address = reverse(match.view_name, args=match.args, kwargs=match.kwargs)
    if address == request.path:
        raise Http404("no such address")
    query = request.META.get("QUERY_STRING", "")
    return HttpResponsePermanentRedirect(f"{address}?{query}" if query else address)
