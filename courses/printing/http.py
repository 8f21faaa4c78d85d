"""Serving printed files: headers, revalidation and clear errors.

Never a 500: a render that fails or takes too long is answered with a page
that says so (503, try again later) and the failure is logged for admins.
"""

import logging

from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import render
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import content_disposition_header, http_date

from . import store
from .bounded import RenderError
from .documents import NotPrintable, document_for
from .store import RenderBusy

logger = logging.getLogger(__name__)

PUBLIC_MAX_AGE = 600
IN_MEMORY_BYTES = 8 * 1024 * 1024


def serve(request, page, variant=None, paper=None):
    """The cached file for ``page`` (rendered on first request)."""
    try:
        document = document_for(page, variant, paper)
    except NotPrintable as error:
        raise Http404(str(error)) from error
    try:
        record, source = store.open_rendered(document)
    except RenderError as error:
        logger.error("Print: %s (%s) failed: %s", page.url_path, document.variant, error)
        return failure(request, page, error)
    last_modified = record.created_at.timestamp()
    not_modified = get_conditional_response(request, etag=record.etag, last_modified=last_modified)
    if not_modified is not None:
        source.close()
        _headers(not_modified, page, record, document, last_modified)
        return not_modified
    if record.size <= IN_MEMORY_BYTES:
        # A plain response, so the whole-page cache (cms/caching.py) can keep
        # it and serve the next request without routing or queries.
        with source:
            response = HttpResponse(source.read(), content_type=record.content_type)
    else:
        response = FileResponse(source, content_type=record.content_type)
    _headers(response, page, record, document, last_modified)
    response["Content-Length"] = str(record.size)
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=document.extension != "pdf", filename=document.file_name
    )
    return response


def preview(request, page, variant=None):
    """A draft rendered now, for editors; never cached, never shared."""
    try:
        document = document_for(page, variant, preview=True)
        data, _pages = document.render_bytes()
    except NotPrintable as error:
        raise Http404(str(error)) from error
    except RenderError as error:
        return failure(request, page, error)
    response = HttpResponse(data, content_type=document.content_type)
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=False, filename=document.file_name
    )
    patch_cache_control(response, private=True, no_store=True)
    return response


def failure(request, page, error):
    busy = isinstance(error, RenderBusy)
    response = render(
        request,
        "print/error.html",
        {"page": page, "message": str(error), "busy": busy},
        status=503,
    )
    response["Retry-After"] = "60" if busy else "600"
    patch_cache_control(response, no_store=True)
    return response


def _headers(response, page, record, document, last_modified):
    response["ETag"] = record.etag
    response["Last-Modified"] = http_date(last_modified)
    if page.get_view_restrictions().exists():
        patch_cache_control(response, private=True, max_age=0, must_revalidate=True)
    else:
        patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
