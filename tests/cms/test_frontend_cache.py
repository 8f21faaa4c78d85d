"""CDN purging on publish: which URLs, and only when a backend is set up.
A backend that records URLs stands in for the CDN (no network)."""

from django.test import override_settings

from wagtail.contrib.frontend_cache.backends import BaseBackend

import pytest

from courses.models import LessonPage

PURGED = []


class RecordingBackend(BaseBackend):
    def purge(self, url):
        PURGED.append(url)


CAPTURE = {"test": {"BACKEND": "tests.cms.test_frontend_cache.RecordingBackend"}}


@pytest.fixture
def purged():
    PURGED.clear()
    yield PURGED
    PURGED.clear()


def publish(page):
    page.save_revision().publish()


@pytest.mark.django_db
def test_publishing_a_lesson_purges_it_its_pdfs_and_the_pages_that_list_it(
    purged, django_capture_on_commit_callbacks
):
    lesson = LessonPage.objects.live().filter(locale__language_code="es").first()
    module = lesson.get_parent()
    with (
        override_settings(WAGTAILFRONTENDCACHE=CAPTURE),
        django_capture_on_commit_callbacks(execute=True),
    ):
        publish(lesson)
    url = lesson.get_full_url()
    assert url in purged
    assert url + "pdf/letter/" in purged
    assert module.get_full_url() in purged
    assert lesson.get_site().root_page.get_full_url() in purged  # the home page
    assert len(purged) == len(set(purged))


@pytest.mark.django_db
def test_every_language_is_purged_by_its_own_url(purged, django_capture_on_commit_callbacks):
    lesson = next(
        page
        for page in LessonPage.objects.live().filter(locale__language_code="es")
        if page.get_translations().live().exists()
    )
    with (
        override_settings(WAGTAILFRONTENDCACHE=CAPTURE),
        django_capture_on_commit_callbacks(execute=True),
    ):
        publish(lesson)
    for translation in lesson.get_translations().live():
        assert translation.get_full_url() in purged


@pytest.mark.django_db
def test_unpublishing_purges_too(purged, django_capture_on_commit_callbacks):
    lesson = LessonPage.objects.live().first()
    url = lesson.get_full_url()
    with (
        override_settings(WAGTAILFRONTENDCACHE=CAPTURE),
        django_capture_on_commit_callbacks(execute=True),
    ):
        lesson.unpublish()
    assert url in purged


@pytest.mark.django_db
def test_nothing_is_purged_without_a_configured_backend(purged, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        publish(LessonPage.objects.live().first())
    assert purged == []
    assert callbacks  # publishing did run its other on-commit work


def test_the_purge_backend_comes_from_the_environment():
    import importlib
    import os
    from unittest import mock

    import cms.settings.base as base

    environ = {"FRONTEND_CACHE_PURGE_URL": "http://127.0.0.1:6081", "SECRET_KEY": "x"}
    with mock.patch.dict(os.environ, environ):
        configured = importlib.reload(base).WAGTAILFRONTENDCACHE
    importlib.reload(base)
    assert configured["proxy"]["LOCATION"] == "http://127.0.0.1:6081"
    assert "HTTPBackend" in configured["proxy"]["BACKEND"]
    assert base.WAGTAILFRONTENDCACHE == {}
