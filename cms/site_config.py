"""What every page request needs before it can look for its page, kept in
the shared cache: which site answers this host, that site's home page in the
visitor's language, its settings, and which pages are private.

Wagtail asks the database for these on every request (the site, the active
locale, the home page), and our templates for two more (settings, view
restrictions). None of them changes when an editor publishes a lesson, so
the first render after a publish need not ask again. They change when a
site, its settings (or an image, which may be its logo), a locale, a view
restriction or a home page changes: then a new random token replaces the
old one in every key, on every app server at once (the cache is Redis when
there are several), as the page cache does (cms.caching).
"""

from dataclasses import dataclass

from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.db import transaction
from django.http import Http404
from django.http.request import split_domain_port
from django.utils.translation import get_language

from wagtail import views as wagtail_views
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.models.sites import get_site_for_hostname

from .caching import generation, renew_generation
from .request_memo import remembered, seed

GENERATION_KEY = "site-config:generation"
TIMEOUT = 24 * 60 * 60  # a day: entries of an old token go away on their own


@dataclass
class SiteConfig:
    site: Site | None
    home: Page | None  # the site's root page in the visitor's language, specific
    settings: object  # cms.models.SiteSettings of the site
    view_restrictions: list


def forget(**kwargs):
    """Drop every cached site configuration, now and again when the change
    commits: a request that read the old rows in between cannot keep them."""
    renew_generation(GENERATION_KEY)
    transaction.on_commit(lambda: renew_generation(GENERATION_KEY))


def _load(hostname, port):
    from .models import SiteSettings

    restrictions = list(PageViewRestriction.objects.all())
    try:
        site = get_site_for_hostname(hostname, port)  # as Site.find_for_request
    except Site.DoesNotExist:
        return SiteConfig(None, None, None, restrictions)
    # Wagtail's own routing starts from exactly this page.
    home = site.root_page.localized.specific
    site_settings = SiteSettings.for_site(site)
    site_settings.logo  # noqa: B018 - loaded now, so the cached settings carry it
    return SiteConfig(site, home, site_settings, restrictions)


def site_config(request):
    """The SiteConfig for this request's host and language, once a request."""
    try:
        host = request.get_host()  # only hosts in ALLOWED_HOSTS: a bounded number of keys
    except DisallowedHost:
        return None
    hostname, _port = split_domain_port(host)
    port = request.get_port()
    language = get_language()

    def lookup():
        key = f"site-config:{generation(GENERATION_KEY)}:{hostname}:{port}:{language}"
        config = cache.get(key)
        if config is None:
            config = _load(hostname, port)
            cache.set(key, config, TIMEOUT)
        return config

    return remembered(("site-config", hostname, port, language), lookup)


class SiteConfigMiddleware:
    """Answers the request's site, settings and view restrictions from the
    cache, and routes page requests from the cached home page. After the
    locale middleware: the home page depends on the language."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        config = site_config(request)
        if config is not None and config.site is not None:
            request._wagtail_site = config.site  # what Site.find_for_request returns
            seed(("site", config.site.pk), config.site)
            seed(("site_settings", config.site.pk), config.settings)
            seed("view_restrictions", config.view_restrictions)
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is not wagtail_views.serve or hasattr(request, "_wagtail_route_for_request"):
            return None
        config = site_config(request)
        if config is None or config.home is None:
            return None  # Wagtail looks as it always does
        # As Page.route_for_request does, from the cached home page.
        path = view_args[0] if view_args else view_kwargs.get("path", "")
        try:
            route = config.home.route(request, [part for part in path.split("/") if part])
        except Http404:
            route = None
        request._wagtail_route_for_request = route
        return None


def connect_invalidation():
    from django.db.models.signals import m2m_changed, post_delete, post_save

    from wagtail.images import get_image_model
    from wagtail.models import Locale
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from .models import SiteSettings

    # Any image, since the settings carry the logo (images change rarely).
    for model in (Site, SiteSettings, Locale, PageViewRestriction, get_image_model()):
        post_save.connect(forget, sender=model, dispatch_uid=f"site-config-save-{model}")
        post_delete.connect(forget, sender=model, dispatch_uid=f"site-config-del-{model}")
    m2m_changed.connect(
        forget, sender=PageViewRestriction.groups.through, dispatch_uid="site-config-groups"
    )

    def home_published(sender, instance, **kwargs):
        # A site's root page or one of its translations (they share the key),
        # wherever the site is rooted: one small query a publish.
        if Site.objects.filter(root_page__translation_key=instance.translation_key).exists():
            forget()

    def page_deleted(sender, instance, **kwargs):
        if isinstance(instance, Page):  # rare: no need to tell which page
            forget()

    for signal in (page_published, page_unpublished):
        signal.connect(home_published, dispatch_uid=f"site-config-home-{signal}", weak=False)
    post_delete.connect(page_deleted, dispatch_uid="site-config-page-deleted", weak=False)
    post_page_move.connect(forget, dispatch_uid="site-config-page-moved")
