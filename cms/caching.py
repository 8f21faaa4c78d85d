"""Whole-page cache for anonymous visitors, emptied on every publish.

Nearly every request is an anonymous learner reading a published page, and
those pages are the same for everybody: we keep the rendered response in the
cache (Redis when REDIS_URL is set, so every app server shares it) and serve
it without touching the database.

Invalidation is by generation: every key contains a random token, and a
publish (or any edit that shows on public pages) replaces the token, at once
and again when the change commits (Wagtail publishes inside a transaction: a
reader in between must not keep the old page). Old entries are never read
again and expire on their own. A random token, not a counter, so an evicted
generation key can never bring old entries back. Every key also holds the
release (settings.RELEASE), so a deploy never serves pages of the old code.
"""

import hashlib
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse
from django.utils.cache import patch_cache_control

from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from cms.site_settings import SiteSettings
from courses.countries.choice import ALL_PARAMETERS as COUNTRY_PARAMETERS
from courses.countries.choice import chosen_country, language_of, parameter
from courses.learning.self_check import PARAMETER as ANSWER_PARAMETER
from courses.learning.self_check import cacheable_answer
from courses.models import GlossaryTerm, Topic
from courses.printing.downloads import ROUTES
from courses.printing.models import PrintedFile

TOPIC_PARAMETER = "tema"
# Query parameters that select public content; any other parameter (a search
# query, for example) bypasses the cache, so nothing a visitor types is kept.
# The country's name in every language and a self-check's answer are named
# by the modules that read them (courses.countries.choice, courses.learning.
# self_check), each value normalised in cache_key below.
CACHEABLE_PARAMETERS = {TOPIC_PARAMETER, ANSWER_PARAMETER} | COUNTRY_PARAMETERS
SKIPPED_PREFIXES = ("/admin/", "/documents/", "/django-admin/")


def _prefix():
    return f"page-cache:{settings.RELEASE}"


def current_generation():
    """The token in every key: a new one if the cache has none (an empty or
    flushed cache, a new release), the same for every process that asks."""
    key = f"{_prefix()}:generation"
    token = cache.get(key)
    if token is None:
        cache.add(key, uuid.uuid4().hex, timeout=None)
        token = cache.get(key)
    return token


def renew_generation():
    """Replace the token: entries named with the old one are never read again."""
    cache.set(f"{_prefix()}:generation", uuid.uuid4().hex, timeout=None)


def invalidate_pages(**kwargs):
    """Forget every cached page (connected to publish and edit signals), now
    and again when the change commits."""
    renew_generation()
    transaction.on_commit(renew_generation)


def known_topics(generation):
    """Every topic's slug, kept with the pages (a topic's edit renews both)."""
    key = f"{_prefix()}:{generation}:topics"
    slugs = cache.get(key)
    if slugs is None:
        slugs = frozenset(Topic.objects.values_list("slug", flat=True))
        cache.set(key, slugs, settings.PAGE_CACHE_SECONDS)
    return slugs


def chosen_topic(request, generation):
    """The topic slug a cached page may be stored under: '' for none, None
    when the request names an unknown topic or several (not cached, so what
    a visitor types never lands in a stored page or link)."""
    values = set(request.GET.getlist(TOPIC_PARAMETER))
    if not values or values == {""}:
        return ""
    if len(values) == 1 and (slug := values.pop()) in known_topics(generation):
        return slug
    return None


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
        if key is None:
            return self.get_response(request)
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
        """The request's key, or None when its page must not be stored."""
        generation = current_generation()
        topic = chosen_topic(request, generation)
        if topic is None:
            return None
        # Pages ignore an unknown country (``?pais=zz`` shows what no choice
        # shows) and a malformed answer, so each shares the plain page's
        # entry: junk values cannot fill the cache.
        country = f"{parameter(language_of(request.path))}={chosen_country(request)}"
        answer = f"{ANSWER_PARAMETER}={cacheable_answer(request)}"
        query = f"{country}&{TOPIC_PARAMETER}={topic}&{answer}"
        # Responses are stored compressed or not, as the browser asked.
        encoding = "gzip" if "gzip" in request.headers.get("Accept-Encoding", "") else "identity"
        address = f"{encoding} {request.get_host()}{request.path}?{query}".encode()
        return f"{_prefix()}:{generation}:{hashlib.sha256(address).hexdigest()}"


def connect_invalidation():
    """Empty the page cache whenever something visible on public pages changes."""
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(invalidate_pages, dispatch_uid=f"page-cache-{signal}")
    # A page made private must stop being served from the cache at once.
    shown_on_pages = (
        Topic,
        GlossaryTerm,
        SiteSettings,
        Site,
        get_image_model(),
        PageViewRestriction,
    )
    for model in shown_on_pages:
        post_save.connect(invalidate_pages, sender=model, dispatch_uid=f"page-cache-save-{model}")
        post_delete.connect(invalidate_pages, sender=model, dispatch_uid=f"page-cache-del-{model}")

    def printed_file_changed(sender, instance, **kwargs):
        # A page's download link shows its file's size once it is stored.
        # Other files (a workshop plan's pack, made by anonymous planners)
        # show on no public page: they leave the cache alone.
        if instance.variant in ROUTES:
            invalidate_pages()

    for signal in (post_save, post_delete):
        signal.connect(
            printed_file_changed,
            sender=PrintedFile,
            dispatch_uid=f"page-cache-print-{signal}",
            weak=False,
        )

    def page_deleted(sender, instance, **kwargs):
        if isinstance(instance, Page):
            invalidate_pages()

    post_delete.connect(page_deleted, dispatch_uid="page-cache-page-deleted", weak=False)
