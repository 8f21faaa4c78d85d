"""Scheduled publishing (issue 14): go-live and expiry dates set by editors
take effect when the periodic jobs of docs/deployment.md run."""

import re
import shlex
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.utils import timezone

import pytest

from courses.models import LessonPage

pytestmark = pytest.mark.django_db

DEPLOYMENT = Path(settings.BASE_DIR) / "docs" / "deployment.md"


def documented_cron_jobs():
    """(schedule, command and arguments) of each cron line in the guide."""
    jobs = []
    for line in DEPLOYMENT.read_text("utf-8").splitlines():
        match = re.match(r"^(\S+ \S+ \S+ \S+ \S+)\s+cd .*manage\.py (.+)$", line)
        if match:
            jobs.append((match[1], shlex.split(match[2])))
    return jobs


def run_documented_jobs():
    for _schedule, (command, *arguments) in documented_cron_jobs():
        if command == "prune_db_task_results":
            continue  # only with TASKS_BACKEND=database, as the guide says
        call_command(command, *arguments, verbosity=0)


def test_the_guide_runs_scheduled_publishing_every_few_minutes_and_daily_jobs():
    schedules = {args[0]: schedule for schedule, args in documented_cron_jobs()}
    assert schedules["publish_scheduled"] == "*/5 * * * *"
    assert {"expire_plans", "clearsessions", "prune_db_task_results"} <= schedules.keys()


def test_a_page_whose_go_live_date_has_passed_is_published_by_the_documented_jobs(admin_user):
    lesson = LessonPage.objects.live().order_by("path").first()
    lesson.title = "Una versión programada"
    # Scheduled for a date in the future: publish_scheduled leaves it alone.
    lesson.go_live_at = timezone.now() + timedelta(days=1)
    revision = lesson.save_revision(user=admin_user)
    revision.publish(user=admin_user)
    run_documented_jobs()
    lesson.refresh_from_db()
    assert lesson.title != "Una versión programada"

    # Its date comes: the next run publishes it.
    past = timezone.now() - timedelta(minutes=1)
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save(update_fields=["approved_go_live_at", "content"])
    run_documented_jobs()
    lesson.refresh_from_db()
    assert lesson.live
    assert lesson.title == "Una versión programada"


def test_a_page_whose_expiry_date_has_passed_is_unpublished(client):
    lesson = LessonPage.objects.live().order_by("path").first()
    url = lesson.url
    assert client.get(url).status_code == 200
    LessonPage.objects.filter(pk=lesson.pk).update(expire_at=timezone.now() - timedelta(minutes=1))
    run_documented_jobs()
    lesson.refresh_from_db()
    assert not lesson.live
    assert lesson.expired
    assert client.get(url).status_code == 404
