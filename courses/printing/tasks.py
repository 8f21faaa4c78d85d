"""Background work: keep cached PDFs in step with what is published.

Run by the django_tasks backend Wagtail 8 ships: the immediate backend in
development and tests (the work happens right after the publish commits),
a real queue and worker in production.
"""

import logging

from wagtail.models import Page

from django_tasks import task

from . import store
from .bounded import RenderError
from .documents import NotPrintable, document_for
from .freshness import refresh_after_change

logger = logging.getLogger(__name__)


@task()
def refresh_printed_files(page_id):
    """After ``page_id`` was published or unpublished: drop the cached files
    it made stale and render them again (see freshness.py)."""
    stale, wanted = refresh_after_change(page_id)
    for job in wanted:
        render_printed_file.enqueue(*job)
    return {"stale": stale, "queued": len(wanted)}


@task()
def render_printed_file(page_id, variant, paper, language):
    page = Page.objects.live().filter(pk=page_id).first()
    if page is None:
        return None
    try:
        record = store.ensure(document_for(page.specific, variant, paper, language))
    except (RenderError, NotPrintable) as error:
        logger.error("Print: background render of page %s failed: %s", page_id, error)
        return None
    return record.key
