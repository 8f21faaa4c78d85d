"""Renditions are made on save and publish, never in a visitor's request."""

import re
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.test import Client

from wagtail.images import get_image_model
from wagtail.images.models import Filter

import pytest

from cms.renditions import images_of_page, rendition_specs
from courses.models import LessonPage

TAG = re.compile(r"{%\s*(?:picture|image|srcset_image)\s+\S+\s+((?:[a-z]+-[^\s%]+\s*)+)")


def template_specs():
    specs = set()
    for template in Path(settings.BASE_DIR, "templates").rglob("*.html"):
        for match in TAG.finditer(template.read_text()):
            words = [w for w in match.group(1).split() if "=" not in w]
            specs.update(Filter.expand_spec(" ".join(words)))
    return specs


def test_every_rendition_the_templates_ask_for_is_made_ahead():
    asked = template_specs()
    assert "format-avif|width-360" in asked  # the pattern still finds the tags
    assert asked <= set(rendition_specs())


def lesson_with_figure():
    for lesson in LessonPage.objects.live().order_by("path"):
        if any(block.block_type == "figure" for block in lesson.body):
            return lesson
    raise LookupError("no lesson with a figure")


@pytest.mark.django_db
def test_saving_an_image_makes_its_renditions(django_capture_on_commit_callbacks):
    image = get_image_model().objects.first()
    image.renditions.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        image.save()
    made = set(image.renditions.values_list("filter_spec", flat=True))
    assert made >= {Filter(spec).spec for spec in rendition_specs()}


@pytest.mark.django_db
def test_after_publish_a_visitor_request_makes_no_rendition(django_capture_on_commit_callbacks):
    lesson = lesson_with_figure()
    image_ids = images_of_page(lesson)
    assert image_ids
    Rendition = get_image_model().get_rendition_model()
    Rendition.objects.filter(image_id__in=image_ids).delete()
    with django_capture_on_commit_callbacks(execute=True):
        lesson.save_revision().publish()
    before = Rendition.objects.count()
    assert Rendition.objects.filter(image_id__in=image_ids).exists()
    cache.clear()
    response = Client().get(lesson.url)
    assert response.status_code == 200
    assert "<picture" in response.content.decode()
    assert Rendition.objects.count() == before


@pytest.mark.django_db
def test_renditions_are_read_from_the_cache_on_the_next_request(tmp_path, settings):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.CACHES = {
        **settings.CACHES,
        "renditions": {"BACKEND": "cms.file_cache.FileCache", "LOCATION": str(tmp_path)},
    }
    image = get_image_model().objects.order_by("pk").first()
    specs = ["format-webp|width-360", "format-avif|width-360", "format-png|width-360"]
    image.get_renditions(*specs)  # from the database, then kept in the cache
    assert len(list(tmp_path.glob("*.djcache"))) == 3

    again = get_image_model().objects.get(pk=image.pk)  # as in the next request
    with CaptureQueriesContext(connection) as queries:
        found = again.get_renditions(*specs)
    assert not [q for q in queries.captured_queries if "wagtailimages_rendition" in q["sql"]]
    assert [r.filter_spec for r in found.values()] == specs
    assert all(r.url for r in found.values())
