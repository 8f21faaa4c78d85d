"""Serving uploaded images from the default storage (disk or S3).

An allow-list, not a deny-list: only public image folders are served from
/media/. Documents are served only through Wagtail's document view, which
checks collection privacy (WAGTAILDOCS_SERVE_METHOD = "serve_view"), and
cached PDFs only through their pages, which check the page is published.
"""

import mimetypes
import posixpath

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404

PUBLIC_MEDIA_FOLDERS = ("images", "original_images")


def normalise(path):
    return posixpath.normpath("/" + path.replace("\\", "/")).lstrip("/")


def is_private_media(path):
    return normalise(path).split("/")[0] not in PUBLIC_MEDIA_FOLDERS


def serve_public_media(request, path):
    """Stream a public image from storage; 404 for anything else."""
    if not (settings.DEBUG or settings.SERVE_MEDIA) or is_private_media(path):
        raise Http404
    name = normalise(path)
    try:
        file = default_storage.open(name, "rb")
    except (FileNotFoundError, SuspiciousFileOperation, OSError) as error:
        raise Http404 from error
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    response = FileResponse(file, content_type=content_type)
    # Renditions get a new name when their image changes: a day is safe.
    response["Cache-Control"] = "public, max-age=86400"
    return response
