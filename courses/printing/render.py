"""HTML to PDF with WeasyPrint: tagged (PDF/UA), safe fetcher, bounded.

Everything here runs on HTML that templates already produced; the database
is not touched, so the work can happen in another process (see bounded.py):
the warm render worker, or a child forked for the job when the worker is
busy or the job cannot be sent to it (a pack's cover is a function).
"""

import logging
import struct
import threading

from django.template.loader import render_to_string

from weasyprint import HTML
from weasyprint.text.fonts import FontConfiguration

from . import conf
from .bounded import RenderError, Worker, run_bounded
from .fetcher import RefuseEverything, SafeURLFetcher

logger = logging.getLogger(__name__)

PDF_VARIANT = "pdf/ua-1"
PDF_OPTIONS = {"pdf_variant": PDF_VARIANT, "dpi": 220, "jpeg_quality": 88}
PAGES = struct.Struct("!I")

_warm = threading.Lock()
_font_config = None


def font_config():
    """One font configuration per process, warmed before any fork with a page
    that uses every face and size of the print stylesheet, so each render
    child inherits fonts already found, loaded and shaped."""
    global _font_config
    with _warm:
        if _font_config is None:
            config = FontConfiguration()
            warmup = render_to_string(
                "print/warmup.html", {"classes": ["doc--handout", "doc--guide", "cover"]}
            )
            base = "http://localhost/"
            HTML(string=warmup, base_url=base, url_fetcher=SafeURLFetcher(base)).write_pdf(
                font_config=config, **PDF_OPTIONS
            )
            _font_config = config
    return _font_config


def render_pdf(parts, base_url, *, cover=None, seconds=None, memory_bytes=None):
    """Render HTML ``parts`` to one PDF and return ``(pdf_bytes, page_count)``.

    Each part is laid out on its own (its page numbers start at 1), then all
    pages are joined. ``cover``, if given, is a function of the parts' page
    counts and of its own length in pages, returning the HTML of a first part
    (a pack's table of contents with page ranges).
    Document metadata (title, language, author) comes from the first part.
    """
    font_config()  # warm in this process first: the worker and children inherit it
    seconds = seconds if seconds is not None else conf.timeout()
    memory_bytes = memory_bytes if memory_bytes is not None else conf.memory_limit()
    result = None
    if cover is None:  # a function of the parts' pages: it cannot cross a pipe
        result = _worker.run(_render, (parts, base_url), seconds=seconds, memory_bytes=memory_bytes)
    if result is None:
        result = run_bounded(
            lambda: _render(parts, base_url, cover), seconds=seconds, memory_bytes=memory_bytes
        )
    if len(result) < PAGES.size:
        raise RenderError("empty render")
    (count,) = PAGES.unpack_from(result)
    return result[PAGES.size :], count


# One warm render process per web process (see bounded.Worker).
_worker = Worker()


def _render(parts, base_url, cover=None):
    """Runs in the bounded child or the worker: HTML parts to PDF bytes,
    prefixed with the page count."""
    config = font_config()  # loaded before the fork: inherited, not reloaded
    fetcher = SafeURLFetcher(base_url)
    documents = [_layout(html, base_url, fetcher, config) for html in parts]
    if cover is not None:
        counts = [len(document.pages) for document in documents]
        first = _layout(cover(counts, 1), base_url, fetcher, config)
        if len(first.pages) != 1:  # page ranges in the cover assumed one page
            first = _layout(cover(counts, len(first.pages)), base_url, fetcher, config)
        documents.insert(0, first)
    first = documents[0]
    pages = [page for document in documents for page in document.pages]
    combined = first.copy(pages) if len(documents) > 1 else first
    # Layout has fetched every image and style it needs. From here on
    # nothing may be fetched: WeasyPrint would embed attachments now.
    combined.metadata.attachments = []
    combined.url_fetcher = RefuseEverything()
    data = combined.write_pdf(**PDF_OPTIONS)
    return PAGES.pack(len(pages)) + data


def _layout(html, base_url, fetcher, config):
    return HTML(string=html, base_url=base_url, url_fetcher=fetcher).render(
        font_config=config, **PDF_OPTIONS
    )
