"""The only door WeasyPrint has to the outside world while it renders.

Editor content is untrusted input, so nothing in a print template may make
WeasyPrint open a network connection or read an arbitrary file. This
fetcher answers exactly two kinds of URL, both by name and without any
request: ``<site>/static/<name>`` from the project's static files and
``<site>/media/<name>`` from media storage. Everything else is refused:
other paths on the site's own host, any other host (loopback, link-local
metadata addresses…), ``file://``, ``data:`` and every other scheme.
Paths are resolved strictly and must stay under the allowed folders, so
``..`` and symlinks cannot escape. There is no HTTP, so no redirect.
"""

import logging
import mimetypes
import posixpath
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from django.apps import apps
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.storage import storages

from weasyprint.urls import URLFetcher, URLFetcherResponse

logger = logging.getLogger(__name__)

MAX_RESOURCE_BYTES = 25 * 1024 * 1024
ALLOWED_TYPES = {
    "text/css",
    "image/png",
    "image/jpeg",
    "image/gif",
    "image/webp",
    "image/avif",
    "image/svg+xml",
    "font/ttf",
    "font/otf",
    "font/woff",
    "font/woff2",
}
for _extension, _type in ((".woff2", "font/woff2"), (".avif", "image/avif")):
    mimetypes.add_type(_type, _extension)


class RefusedURL(ValueError):
    """A URL the print fetcher will not open."""


class SafeURLFetcher(URLFetcher):
    """Serve the project's own static and media files by name; refuse the rest.

    ``base_url`` is the site's root URL, the one the print HTML is rendered
    against, so links in the PDF still point at the real site.
    """

    def __init__(self, base_url, media_storage=None):
        super().__init__(timeout=1, allowed_protocols=(), allow_redirects=False)
        self.static_prefix = urljoin(base_url, settings.STATIC_URL)
        self.media_prefix = urljoin(base_url, settings.MEDIA_URL)
        self.media_storage = media_storage or storages["default"]
        self.refused = []
        self.missing = []

    def fetch(self, url, headers=None):
        try:
            if url.startswith(self.static_prefix):
                name = _clean_name(url[len(self.static_prefix) :])
                return self._respond(url, name, _read_static(name))
            if url.startswith(self.media_prefix):
                name = _clean_name(url[len(self.media_prefix) :])
                return self._respond(url, name, self._read_media(name))
            raise RefusedURL("not one of the site's static or media files")
        except FileNotFoundError:
            self.missing.append(url)
            logger.warning("Print: %s is not in storage", url)
            raise
        except RefusedURL as error:
            self.refused.append(url)
            logger.warning("Print: refused %s (%s)", url, error)
            raise

    def _respond(self, url, name, body):
        content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
        if content_type not in ALLOWED_TYPES:
            raise RefusedURL(f"type {content_type} is not used in print")
        return URLFetcherResponse(url, body=body, headers={"Content-Type": content_type})

    def _read_media(self, name):
        storage = self.media_storage
        try:
            local = Path(storage.path(name))
        except NotImplementedError:  # remote storage (S3…): read through the API
            if storage.size(name) > MAX_RESOURCE_BYTES:
                raise RefusedURL("file too large") from None
            with storage.open(name, "rb") as source:
                return source.read(MAX_RESOURCE_BYTES + 1)
        return _read_under(local, [Path(settings.MEDIA_ROOT)])


class RefuseEverything(SafeURLFetcher):
    """Used once layout is done: a PDF never embeds files (attachments)."""

    def __init__(self):
        URLFetcher.__init__(self, allowed_protocols=(), allow_redirects=False)
        self.refused = []
        self.missing = []

    def fetch(self, url, headers=None):
        self.refused.append(url)
        logger.warning("Print: refused attachment %s", url)
        raise RefusedURL("PDFs made here never embed files")


def _clean_name(raw):
    """A storage name from the URL path after the prefix, or a refusal."""
    parts = urlsplit(raw)
    name = unquote(parts.path)
    if not name or "\x00" in name or "\\" in name or name.startswith("/"):
        raise RefusedURL("bad file name")
    normal = posixpath.normpath(name)
    if normal != name or normal.startswith("..") or "/../" in f"/{normal}/":
        raise RefusedURL("file name leaves its folder")
    return name


def _read_static(name):
    candidates = []
    if settings.STATIC_ROOT:
        candidates.append(Path(settings.STATIC_ROOT) / name)
    found = finders.find(name)
    if found:
        candidates.append(Path(found))
    for candidate in candidates:
        if candidate.exists():
            return _read_under(candidate, _static_roots())
    raise FileNotFoundError(name)


def _read_under(path, roots):
    resolved = path.resolve(strict=True)  # FileNotFoundError when missing
    allowed = [Path(root).resolve() for root in roots if root]
    if not any(resolved.is_relative_to(root) for root in allowed):
        raise RefusedURL("file outside the static and media folders")
    if not resolved.is_file():
        raise RefusedURL("not a file")
    if resolved.stat().st_size > MAX_RESOURCE_BYTES:
        raise RefusedURL("file too large")
    return resolved.read_bytes()


@cache
def _static_roots():
    roots = [Path(settings.STATIC_ROOT)] if settings.STATIC_ROOT else []
    for entry in getattr(settings, "STATICFILES_DIRS", []):
        roots.append(Path(entry[1] if isinstance(entry, list | tuple) else entry))
    for app in apps.get_app_configs():
        folder = Path(app.path) / "static"
        if folder.is_dir():
            roots.append(folder)
    return tuple(roots)
