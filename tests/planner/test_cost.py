"""A plan's cost is bounded whatever its size: a sixty-activity plan (some
two hundred pages of pack) answers its pack request at once, queuing the
render for the task queue's worker with a page that reloads itself, and
its share page costs a fixed number of queries."""

import io
import re
import time

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings

import pytest
from django_tasks import default_task_backend
from pypdf import PdfReader

from courses.planner import editing
from courses.planner.downloads import pack_documents
from courses.planner.models import MAX_ITEMS
from courses.planner.tasks import QUEUED, render_plan_pack
from courses.planner.views import published_activities
from courses.printing.models import PrintedFile

from .helpers import create_plan, plan_of

pytestmark = pytest.mark.django_db

QUEUE = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
SHARE_PAGE_QUERIES = 30  # re-measured after the live and translated-address links: 25–28


def plan_with(client, count):
    """A plan of ``count`` curriculum activities (repeated when the
    curriculum has fewer), ten minutes each, from 08:00."""
    edit_url, share_url = create_plan(client, start_time="08:00")
    plan = plan_of(edit_url)
    activities = list(
        published_activities().filter(guide__locale__language_code="es").order_by("pk")
    )
    items = []
    for n in range(count):
        item = editing.activity_item(activities[n % len(activities)])
        item.minutes = 10
        items.append(item)
    editing.add_items(plan, items)
    return plan, share_url


@pytest.fixture
def queue():
    with override_settings(TASKS=QUEUE):
        default_task_backend.clear()
        yield default_task_backend


def share_page_queries(client, share_url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(share_url)
    assert response.status_code == 200
    return response, len(queries)


def test_a_sixty_activity_plans_pack_is_queued_and_answered_at_once(client, queue):
    plan, share_url = plan_with(client, MAX_ITEMS)
    started = time.monotonic()
    response = client.get(share_url + "paquete/pdf/")
    assert time.monotonic() - started < 2
    assert response.status_code == 202
    assert response["Retry-After"] == "10"
    assert "no-store" in response["Cache-Control"]
    page = response.content.decode()
    assert re.search(r'<meta http-equiv="refresh" content="10">', page)
    assert "El paquete se está preparando" in page
    assert "<script" not in page.split("</head>")[1]  # the refresh needs no JavaScript
    assert [(r.task.name, r.args) for r in queue.results] == [
        ("render_plan_pack", [plan.pk, "pdf", "a4"])
    ]
    # Reloads while it waits queue nothing more.
    assert client.get(share_url + "paquete/pdf/").status_code == 202
    assert len(queue.results) == 1


def test_the_share_page_stays_within_one_query_budget_for_two_or_sixty_activities(client):
    _small, small_url = plan_with(client, 2)
    _response, few = share_page_queries(client, small_url)
    plan, share_url = plan_with(client, MAX_ITEMS)
    response, many = share_page_queries(client, share_url)
    # A lookup per module the plan draws on at most: nothing per activity.
    assert few <= SHARE_PAGE_QUERIES and many <= SHARE_PAGE_QUERIES, (few, many)
    assert response.content.decode().count('class="time"') == MAX_ITEMS


def test_a_queued_pack_is_served_once_the_worker_has_made_it(client, queue, rights_activities):
    edit_url, share_url = create_plan(client, rights_activities[0])
    assert client.get(share_url + "paquete/pdf/").status_code == 202
    assert not PrintedFile.objects.filter(variant="plan-pack").exists()
    (queued,) = queue.results
    key = pack_documents(plan_of(edit_url))[0][2].key()
    assert cache.get(QUEUED + key)  # reloads queue nothing more while it waits
    render_plan_pack.call(*queued.args)  # what the worker does
    assert cache.get(QUEUED + key) is None  # done (or failed): it may be queued again
    response = client.get(share_url + "paquete/pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    assert rights_activities[0].title in " ".join(text.split())
    assert plan_of(edit_url).prints.count() == 1
    # Filed under its plan, not under some page of the curriculum.
    assert PrintedFile.objects.get(variant="plan-pack").page is None


def test_a_pack_that_failed_is_not_queued_again_at_once(client, queue, rights_activities):
    edit_url, share_url = create_plan(client, rights_activities[0])
    document = pack_documents(plan_of(edit_url))[0][2]
    cache.set(f"taller:print-failed:{document.key()}", "El documento es demasiado largo.", 120)
    response = client.get(share_url + "paquete/pdf/")
    assert response.status_code == 503
    assert "El documento es demasiado largo." in response.content.decode()
    assert queue.results == []
