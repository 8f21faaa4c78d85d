"""The whole-page cache and the country choice (``?pais=``): one entry per
valid country, and an unknown value shares the entry of no choice, as the
page itself ignores it."""

from django.core.cache import cache
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

import pytest

from cms.caching import PageCacheMiddleware
from tests.factories import LessonPageFactory

pytestmark = pytest.mark.django_db


def queries_for(client, url, **params):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(context.captured_queries), response


@pytest.fixture
def lesson_url():
    return LessonPageFactory().url


def test_each_valid_country_has_its_own_entry(client, lesson_url):
    queries_for(client, lesson_url, pais="bo")
    count, bolivia = queries_for(client, lesson_url, pais="bo")
    assert count == 0
    count, argentina = queries_for(client, lesson_url, pais="ar")
    assert count > 0
    assert "pais=bo" in bolivia.content.decode()
    assert "pais=ar" in argentina.content.decode()


@pytest.mark.parametrize("junk", ["zz", "<script>", "b" * 300, ""])
def test_an_unknown_country_is_answered_from_the_entry_without_it(client, lesson_url, junk):
    queries_for(client, lesson_url)
    count, response = queries_for(client, lesson_url, pais=junk)
    assert count == 0
    assert "pais=" not in response.content.decode()


def test_junk_values_add_no_entries(client, lesson_url, monkeypatch):
    queries_for(client, lesson_url)
    stored = []
    real_set = cache.set

    def counting_set(key, *args, **kwargs):
        if key.startswith("page-cache:"):  # not the renditions made on the way
            stored.append(key)
        return real_set(key, *args, **kwargs)

    monkeypatch.setattr(cache, "set", counting_set)
    for n in range(20):
        queries_for(client, lesson_url, pais=f"x{n}")
    assert stored == []
    queries_for(client, lesson_url, pais="ec")  # a valid one does make its entry
    assert len(stored) == 1


def test_the_same_country_written_differently_shares_one_entry(client, lesson_url):
    queries_for(client, lesson_url, pais="bo")
    count, response = queries_for(client, lesson_url, pais="BO ")
    assert count == 0
    assert "pais=bo" in response.content.decode()


def test_the_key_keeps_other_cacheable_parameters():
    factory = RequestFactory()
    key = PageCacheMiddleware.cache_key
    assert key(factory.get("/es/modulos/", {"tema": "derechos", "pais": "zz"})) == key(
        factory.get("/es/modulos/", {"tema": "derechos"})
    )
    assert key(factory.get("/es/modulos/", {"tema": "derechos", "pais": "bo"})) != key(
        factory.get("/es/modulos/", {"tema": "derechos"})
    )
    assert key(factory.get("/es/modulos/", {"tema": "incidencia"})) != key(
        factory.get("/es/modulos/", {"tema": "derechos"})
    )
