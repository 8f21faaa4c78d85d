import re

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from wagtail.models import Locale, Page

from courses.models import FacilitatorGuidePage, HandoutPage, LessonPage, ModulePage

SEARCHABLE_TYPES = (ModulePage, LessonPage, HandoutPage, FacilitatorGuidePage)
MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 10


@require_GET
def search(request):
    """Search published curriculum pages in the current language.

    Odd input is answered with a normal page: long queries are cut, an
    unknown page number falls back to the nearest one.
    """
    query = " ".join(request.GET.get("q", "").split())[:MAX_QUERY_LENGTH]
    # Search by words only: operators and quotes mean nothing to learners and
    # some database backends reject them.
    words = " ".join(re.findall(r"\w+", query))
    results = Page.objects.none()
    if words:
        locale = Locale.objects.filter(language_code=get_language()).first()
        pages = Page.objects.live().public().type(*SEARCHABLE_TYPES)
        if locale:
            pages = pages.filter(locale=locale)
        results = pages.specific().search(words, operator="and")
    paginator = Paginator(results, RESULTS_PER_PAGE)
    try:
        page = paginator.page(request.GET.get("pagina", 1))
    except PageNotAnInteger:
        page = paginator.page(1)
    except EmptyPage:
        page = paginator.page(paginator.num_pages)
    response = render(
        request,
        "cms/search.html",
        {"query": query, "results": page, "paginator": paginator},
    )
    if request.GET:
        # What a learner searched for is kept by no browser cache (a shared
        # or seized phone) and no proxy. The bare form is left to the page cache.
        patch_cache_control(response, private=True, no_store=True)
    return response


@require_GET
def robots_txt(request):
    sitemap_url = request.build_absolute_uri(reverse("sitemap"))
    body = render_to_string("robots.txt", {"sitemap_url": sitemap_url})
    return HttpResponse(body, content_type="text/plain; charset=utf-8")


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # Rendered without context processors' database work: the error may
    # be the database itself.
    return HttpResponse(render_to_string("500.html"), status=500)
