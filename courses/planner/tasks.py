"""A plan's pack is rendered by the task queue, never in a web request that
a visitor waits on: a sixty-activity plan is some two hundred pages and
half a minute of CPU. The immediate backend (development and tests) runs
the task as it is queued; in production a worker does (docs/deployment.md)."""

import logging

from django.core.cache import cache

from wagtail.models import Page

from django_tasks import task

from courses.printing import store
from courses.printing.bounded import RenderError

from .models import PlanPrint, WorkshopPlan
from .pack import DOCUMENTS, plan_document, plan_pack, remember

logger = logging.getLogger(__name__)

# Set while a pack waits in the queue, so reloads of the "being prepared"
# page do not queue it again; cleared when the task has run (after this long
# anyway, if a worker never ran it).
QUEUED, QUEUED_SECONDS = "taller:plan-pack-queued:", 600


@task()
def render_plan_pack(plan_id, kind, paper):
    """Render the plan's pack of ``kind`` on ``paper`` as the plan is now
    (nothing if it was deleted or emptied meanwhile); its key, or None."""
    plan = WorkshopPlan.objects.filter(pk=plan_id).first()
    if plan is None or not plan.item_list or kind not in DOCUMENTS:
        return None
    document = plan_pack(plan, kind, paper)
    try:
        record = store.ensure(document)
    except RenderError as error:  # remembered by the store for the next request
        logger.error("Planner: pack %s of plan %s failed: %s", kind, plan_id, error)
        return None
    finally:
        cache.delete(QUEUED + document.key())
    remember(plan, record)
    return record.key


@task()
def forget_stale_plan_packs(page_id):
    """After ``page_id`` was published or unpublished: delete the packs of
    plans drawing on its module that no longer match what is published
    (asked again, they are made again). Their keys changed anyway; this
    frees their storage at once."""
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return 0
    scope = getattr(page.specific, "module", None) or page
    links = (
        PlanPrint.objects.filter(plan__items__activity__guide__path__startswith=scope.path)
        .select_related("plan", "printed_file")
        .distinct()
    )
    stale = []
    for link in links:
        current = plan_document(link.plan, link.printed_file)
        if current is None or current.key() != link.printed_file.key:
            stale.append(link.printed_file)
    store.forget(stale)
    return len(stale)
