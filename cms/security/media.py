"""Serving uploads from MEDIA_ROOT without exposing private documents."""

import posixpath

from django.conf import settings
from django.http import Http404
from django.views.static import serve

# Documents are served only through Wagtail's document view, which checks
# collection privacy (WAGTAILDOCS_SERVE_METHOD = "serve_view"). Their files
# live under these folders of MEDIA_ROOT and must never be served directly.
PRIVATE_MEDIA_FOLDERS = ("documents",)


def is_private_media(path):
    parts = posixpath.normpath("/" + path.replace("\\", "/")).lstrip("/").split("/")
    return parts[0] in PRIVATE_MEDIA_FOLDERS


def serve_public_media(request, path):
    """django.views.static.serve for images and other public uploads."""
    if is_private_media(path):
        raise Http404
    return serve(request, path, document_root=settings.MEDIA_ROOT)
