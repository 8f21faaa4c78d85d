"""Learner features that need the server: the web app's service worker and
manifest, the "my modules" and offline pages, a module's offline package
and the certificate. None of them reads or writes anything about the
learner: progress stays in the browser.
"""

import hashlib
import json

from django.conf import settings
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.loader import get_template
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from wagtail.models import Locale, Site

from cms.site_settings import SiteSettings
from courses.models import ModulePage

from .package import module_package, static_urls

# Paths the service worker must never answer from a cache, nor store.
NEVER_CACHED = ("/admin/", "/django-admin/", "/documents/", "/sw.js")


def _modules(request):
    """Published modules of this site, in the current language."""
    modules = ModulePage.objects.live().public().select_related("topic").order_by("path")
    site = Site.find_for_request(request)
    if site is not None:
        modules = modules.descendant_of(site.root_page.localized, inclusive=False)
    locale = Locale.objects.filter(language_code=get_language()).first()
    if locale is not None:
        modules = modules.filter(locale=locale)
    return modules


@require_GET
def my_modules(request):
    """Every module, hidden; the learner's browser shows those it has
    progress for or has saved. The server never learns which."""
    return render(request, "learning/my_modules.html", {"modules": _modules(request)})


@require_GET
def offline(request):
    """What the service worker shows when a page is not saved and there is
    no connection."""
    return render(request, "learning/offline.html", {"modules": _modules(request)})


@require_GET
def package(request, module_id):
    """The files of a module for offline use, with their sizes (JSON)."""
    module = _modules(request).filter(pk=module_id).first()
    if module is None:
        raise Http404
    response = JsonResponse(module_package(module, request))
    patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
    return response


@require_GET
def web_manifest(request):
    """The web app manifest, in the current language: it starts at this
    language's home page and covers the whole site."""
    site_settings = SiteSettings.for_request(request)
    name = site_settings.organisation_name or settings.WAGTAIL_SITE_NAME
    description = _("Módulos de formación para estudiar en el teléfono, también sin conexión.")
    if getattr(site_settings, "discreet_mode", False):
        # On a shared phone the app's name shows under its icon: keep it neutral.
        name = getattr(site_settings, "discreet_title", "") or _("Notas")
        description = name
    home = f"/{get_language()}/"
    manifest = {
        "name": name,
        "short_name": name[:12],
        "description": description,
        "lang": get_language(),
        "id": "/",
        "start_url": home,
        "scope": "/",
        "display": "standalone",
        "background_color": "#fffdf9",
        "theme_color": "#7a1f5c",
        "icons": [
            {"src": static("learning/icon-192.png"), "sizes": "192x192", "type": "image/png"},
            {"src": static("learning/icon-512.png"), "sizes": "512x512", "type": "image/png"},
            {
                "src": static("learning/icon-maskable-512.png"),
                "sizes": "512x512",
                "type": "image/png",
                "purpose": "maskable",
            },
        ],
        "shortcuts": [{"name": _("Mis módulos"), "url": reverse("learning:my_modules")}],
    }
    response = HttpResponse(
        json.dumps(manifest, ensure_ascii=False), content_type="application/manifest+json"
    )
    patch_cache_control(response, public=True, max_age=3600)
    return response


@require_GET
def service_worker(request):
    """The service worker, at the root so it may control the whole site.

    Its text changes whenever the static files it keeps change, which is
    how browsers learn there is a new version.
    """
    languages = [code for code, _name in settings.LANGUAGES]
    config = {
        "static": settings.STATIC_URL,
        "media": settings.MEDIA_URL,
        "offline": {code: _offline_url(code) for code in languages},
        "language": settings.LANGUAGE_CODE,
        "never": list(NEVER_CACHED) + [_certificate_path(code) for code in languages],
        # The offline page and everything it loads.
        "precache": sorted(static_urls(offline(request).content)),
    }
    template = get_template("learning/sw.js")
    config["version"] = _hash([config, template.template.source])
    response = render(
        request,
        "learning/sw.js",
        {"config": json.dumps(config, sort_keys=True)},
        content_type="text/javascript; charset=utf-8",
    )
    response["Service-Worker-Allowed"] = "/"
    patch_cache_control(response, no_cache=True, max_age=0)
    return response


def _offline_url(language):
    with translation.override(language):
        return reverse("learning:offline")


def _certificate_path(language):
    with translation.override(language):
        return reverse("learning:certificate")


def _hash(value):
    return hashlib.sha256(json.dumps(value, sort_keys=True).encode()).hexdigest()[:12]
