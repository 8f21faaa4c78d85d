"""A plan's pack is rendered by the task queue, never in a web request that
a visitor waits on: a sixty-activity plan is some two hundred pages and
half a minute of CPU. The immediate backend (development and tests) runs
the task as it is queued; in production a worker does (docs/deployment.md)."""

import logging

from django_tasks import task

from courses.printing import store
from courses.printing.bounded import RenderError

from .models import WorkshopPlan
from .pack import DOCUMENTS, remember

logger = logging.getLogger(__name__)


@task()
def render_plan_pack(plan_id, kind, paper):
    """Render the plan's pack of ``kind`` on ``paper`` as the plan is now
    (nothing if it was deleted or emptied meanwhile); its key, or None."""
    plan = WorkshopPlan.objects.filter(pk=plan_id).first()
    if plan is None or not plan.item_list or kind not in DOCUMENTS:
        return None
    try:
        record = store.ensure(DOCUMENTS[kind](plan, paper))
    except RenderError as error:  # remembered by the store for the next request
        logger.error("Planner: pack %s of plan %s failed: %s", kind, plan_id, error)
        return None
    remember(plan, record)
    return record.key
