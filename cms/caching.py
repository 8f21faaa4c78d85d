"""Whole-page cache for anonymous visitors, emptied on every publish.

Nearly every request is an anonymous learner reading a published page, and
those pages are the same for everybody: we keep the rendered response in the
cache (Redis when REDIS_URL is set, so every app server shares it) and serve
it without touching the database.

Invalidation is by generation: every key contains a random token, and a
publish (or any edit that shows on public pages) replaces the token. Old
entries are never read again and expire on their own. A random token, not a
counter, so an evicted generation key can never bring old entries back.
"""

import hashlib
import uuid

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import patch_cache_control

from courses.countries.choice import ALL_PARAMETERS as COUNTRY_PARAMETERS
from courses.learning.self_check import PARAMETER as ANSWER_PARAMETER

GENERATION_KEY = "page-cache:generation"
# Query parameters that select public content; any other parameter (a search
# query, for example) bypasses the cache, so nothing a visitor types is kept.
# The country's name in every language and a self-check's answer are named
# by the modules that read them (courses.countries.choice, courses.learning.
# self_check), each value normalised in cache_key below.
CACHEABLE_PARAMETERS = {"tema"} | COUNTRY_PARAMETERS | {ANSWER_PARAMETER}
SKIPPED_PREFIXES = ("/admin/", "/documents/", "/django-admin/")


def generation(key):
    """The token stored under ``key``: a new one if the cache has none (an
    empty or flushed cache), the same for every process that asks."""
    token = cache.get(key)
    if token is None:
        cache.add(key, uuid.uuid4().hex, timeout=None)
        token = cache.get(key)
    return token


def renew_generation(key):
    """Replace the token under ``key``: entries named with the old one are
    never read again and expire on their own."""
    cache.set(key, uuid.uuid4().hex, timeout=None)


def current_generation():
    return generation(GENERATION_KEY)


def invalidate_pages(**kwargs):
    """Forget every cached page (connected to publish and edit signals)."""
    renew_generation(GENERATION_KEY)


def is_cacheable_request(request):
    if request.method != "GET" or settings.SESSION_COOKIE_NAME in request.COOKIES:
        return False
    if request.path.startswith(SKIPPED_PREFIXES) or "HTTP_AUTHORIZATION" in request.META:
        return False
    return set(request.GET) <= CACHEABLE_PARAMETERS


def is_cacheable_response(response):
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "private" not in cache_control
        and "no-store" not in cache_control
        and "no-cache" not in cache_control
    )


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.timeout = settings.PAGE_CACHE_SECONDS

    def __call__(self, request):
        if not self.timeout or not is_cacheable_request(request):
            return self.get_response(request)
        key = self.cache_key(request)
        cached = cache.get(key)
        if cached is not None:
            status, headers, content = cached
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response[name] = value
            return response
        response = self.get_response(request)
        if is_cacheable_response(response):
            # Browsers and proxies may keep the page but must ask again (a
            # cheap 304 thanks to the ETag), so a publish shows at once.
            patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
            if settings.FRONTEND_CACHE_SECONDS:
                patch_cache_control(response, s_maxage=settings.FRONTEND_CACHE_SECONDS)
            cache.set(
                key,
                (response.status_code, list(response.items()), response.content),
                self.timeout,
            )
        return response

    @staticmethod
    def cache_key(request):
        from courses.countries.choice import chosen_country, language_of, parameter
        from courses.learning.self_check import cacheable_answer

        # Pages ignore an unknown country (``?pais=zz`` shows what no choice
        # shows), so it shares that entry: junk values cannot fill the cache.
        normalised = COUNTRY_PARAMETERS | {ANSWER_PARAMETER}
        params = {k: v for k, v in request.GET.items() if k not in normalised}
        if country := chosen_country(request):
            params[parameter(language_of(request.path))] = country
        # Likewise a self-check answer: only well-formed ones get their own entry.
        if answer := cacheable_answer(request):
            params[ANSWER_PARAMETER] = answer
        query = "&".join(f"{k}={v}" for k, v in sorted(params.items()))
        # Responses are stored compressed or not, as the browser asked.
        encoding = "gzip" if "gzip" in request.headers.get("Accept-Encoding", "") else "identity"
        address = f"{encoding} {request.get_host()}{request.path}?{query}".encode()
        return f"page-cache:{current_generation()}:{hashlib.sha256(address).hexdigest()}"


def connect_invalidation():
    """Empty the page cache whenever something visible on public pages changes."""
    from django.db.models.signals import post_delete, post_save

    from wagtail.images import get_image_model
    from wagtail.models import Page, PageViewRestriction, Site
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from cms.models import SiteSettings
    from courses.models import GlossaryTerm, Topic
    from courses.printing.models import PrintedFile

    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(invalidate_pages, dispatch_uid=f"page-cache-{signal}")
    # A new PDF in the print cache changes the size its download link shows.
    # A page made private must stop being served from the cache at once.
    shown_on_pages = (
        Topic,
        GlossaryTerm,
        SiteSettings,
        Site,
        get_image_model(),
        PrintedFile,
        PageViewRestriction,
    )
    for model in shown_on_pages:
        post_save.connect(invalidate_pages, sender=model, dispatch_uid=f"page-cache-save-{model}")
        post_delete.connect(invalidate_pages, sender=model, dispatch_uid=f"page-cache-del-{model}")

    def page_deleted(sender, instance, **kwargs):
        if isinstance(instance, Page):
            invalidate_pages()

    post_delete.connect(page_deleted, dispatch_uid="page-cache-page-deleted", weak=False)
