"""What "save this module for offline use" stores, and how big it is.

The package lists every file a learner needs to study a module without a
connection: the module page, its lessons and handouts, the handouts' PDFs,
the images on those pages and the styles and scripts they load. Each entry
has its size in bytes, so the page can show the total before anything is
downloaded, and a version, so a saved module fetches only what changed.

Sizes are the bytes stored on the device (HTML uncompressed): an upper
bound of what the download costs.
"""

import hashlib
import json
import logging
import re
from copy import copy
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.cache import cache
from django.urls import resolve, reverse
from django.utils.translation import get_language

from wagtail.models import Page

from cms.site_settings import SiteSettings
from courses.live.offline import live_pages
from courses.models import HandoutPage, LessonPage
from courses.printing import get_printed_file
from courses.printing.downloads import downloads_for

logger = logging.getLogger(__name__)

# The rendition the saved copy keeps of each picture: WebP is read by every
# browser that can save a module, and 720 px is sharp on a phone. Offline,
# the service worker answers a request for any other size or format of the
# same image with this one.
SAVED_RENDITION = "format-webp|width-720"
LOGO_RENDITION = "height-48"  # as in includes/header.html
CACHE_SECONDS = 600


def module_package(module, request):
    """The offline package of ``module`` as a dict (see the module docstring)."""
    pages = module_pages(module)
    key = "learning:package:" + _digest(
        [module.pk, get_language(), request.get_host(), [(p.pk, p.live_revision_id) for p in pages]]
    )
    package = cache.get(key)
    if package is None:
        package = build_package(module, pages, request)
        cache.set(key, package, CACHE_SECONDS)
    return package


def module_pages(module):
    """The module page, then its lessons and handouts in reading order."""
    descendants = Page.objects.descendant_of(module).live().public().specific().order_by("path")
    return [module] + [p for p in descendants if isinstance(p, LessonPage | HandoutPage)]


def build_package(module, pages, request):
    # PDFs first: rendering one changes the pages that link to it (they
    # then show its size).
    pdfs = _handout_pdfs(pages)
    files, assets = [], set()
    for page in pages:
        html = _render(page, request)
        if html is None:
            continue
        # Versioned by content: a page also changes when a sibling's title,
        # a glossary term or a deploy's static file names change.
        files.append({"url": page.url, "bytes": len(html), "v": _digest(html)})
        assets.update(static_urls(html))
    for url, html in _learning_pages(request) + live_pages(module, request):
        files.append({"url": url, "bytes": len(html), "v": _digest(html)})
        assets.update(static_urls(html))
    for image in _images(module, pages):
        entry = _rendition(image, SAVED_RENDITION)
        if entry:
            files.append(entry)
    logo = _logo(request)
    if logo:
        files.append(logo)
    for url in sorted(assets):
        size = _static_size(url)
        if size is not None:
            files.append({"url": url, "bytes": size, "v": 0})
    files.extend(pdfs)
    files = _unique(files)
    return {
        "id": module.pk,
        "title": module.title,
        "url": module.url,
        "lessons": sum(1 for p in pages if type(p).__name__ == "LessonPage"),
        "bytes": sum(f["bytes"] for f in files),
        "version": _digest([(f["url"], f["bytes"], f["v"]) for f in files]),
        "files": files,
    }


def _render(page, request):
    """The page's HTML as an anonymous visitor gets it."""
    try:
        response = page.serve(request)
        if hasattr(response, "render"):
            response.render()
    except Exception:
        logger.exception("Offline package: page %s could not be rendered", page.pk)
        return None
    return response.content if response.status_code == 200 else None


def static_urls(html):
    pattern = re.compile(r'(?:src|href)="(' + re.escape(settings.STATIC_URL) + r'[^"?#]+)"')
    return set(pattern.findall(html.decode("utf-8", "replace")))


def _static_size(url):
    name = unquote(url[len(settings.STATIC_URL) :])
    try:
        return staticfiles_storage.size(name)
    except (OSError, NotImplementedError, ValueError):
        pass
    found = finders.find(name)  # development and tests: not collected
    if found:
        return Path(found).stat().st_size
    return None


def _learning_pages(request):
    """``[(url, html), …]`` of the offline page and "my modules", so both
    open without a connection."""
    pages = []
    for name in ("learning:offline", "learning:my_modules"):
        # Rendered at their own address, as a visitor gets them: the
        # language switcher links depend on it.
        url = reverse(name)
        page_request = copy(request)
        page_request.path = page_request.path_info = url
        pages.append((url, resolve(url).func(page_request).content))
    return pages


def _images(module, pages):
    images = []
    if module.cover_image_id:
        images.append(module.cover_image)
    for page in pages:
        if isinstance(page, LessonPage):
            for block in page.body:
                if block.block_type == "figure" and block.value.get("image"):
                    images.append(block.value["image"])
    return images


def _rendition(image, spec):
    try:
        rendition = image.get_rendition(spec)
        return {"url": _local(rendition.url), "bytes": rendition.file.size, "v": 0}
    except Exception:  # a missing file must not break saving the rest
        logger.warning("Offline package: image %s has no usable file", image.pk)
        return None


def _logo(request):
    logo = SiteSettings.for_request(request).logo
    return _rendition(logo, LOGO_RENDITION) if logo else None


def _handout_pdfs(pages):
    """The PDF of each handout, from the printing pipeline: the size of a
    file not rendered yet is known only after rendering it, once."""
    entries = []
    for page in pages:
        if not isinstance(page, HandoutPage):
            continue
        try:
            links = downloads_for(page, ["participant"])
            if not links:
                continue
            record = get_printed_file(page)
            entries.append({"url": links[0].url, "bytes": record.size, "v": record.key[:16]})
        except Exception:
            logger.warning("Offline package: no PDF for handout %s", page.pk, exc_info=True)
    return entries


def _local(url):
    """Media on this site as a path; on another origin (S3) as it is."""
    parts = urlsplit(url)
    return parts.path if not parts.netloc else url


def _unique(files):
    seen, result = set(), []
    for entry in files:
        if entry["url"] not in seen:
            seen.add(entry["url"])
            result.append(entry)
    return result


def _digest(value):
    data = value if isinstance(value, bytes) else json.dumps(value, default=str).encode()
    return hashlib.sha256(data).hexdigest()[:20]
