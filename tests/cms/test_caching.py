"""Anonymous pages come from the cache, and a publish shows at once."""

import gzip

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from tests.factories import HandoutPageFactory, LessonPageFactory, paragraph

pytestmark = pytest.mark.django_db


def queries_for(client, url, **extra):
    with CaptureQueriesContext(connection) as context:
        response = client.get(url, **extra)
    assert response.status_code == 200
    return len(context.captured_queries), response


@pytest.fixture
def lesson():
    return LessonPageFactory(body=[paragraph("Nuestros derechos valen en todas partes. " * 40)])


def test_a_second_visit_is_served_without_touching_the_database(client, lesson):
    first, _ = queries_for(client, lesson.url)
    second, response = queries_for(client, lesson.url)
    assert first > 0
    assert second == 0
    assert lesson.title in response.content.decode()


def test_publishing_shows_the_new_version_at_once(client, lesson):
    client.get(lesson.url)
    client.get(lesson.module.url)
    lesson.title = "Un título recién publicado"
    lesson.save_revision().publish()
    assert "Un título recién publicado" in client.get(lesson.url).content.decode()
    # Pages that list the lesson change too.
    assert "Un título recién publicado" in client.get(lesson.module.url).content.decode()


def test_unpublishing_removes_the_page_at_once(client, lesson):
    client.get(lesson.url)
    lesson.unpublish()
    assert client.get(lesson.url).status_code == 404


def test_editing_a_snippet_shows_at_once(client):
    from courses.models import GlossaryTerm

    glossary_url = "/es/glosario/"
    client.get(glossary_url)
    term = GlossaryTerm.objects.filter(locale__language_code="es").first()
    term.term = "Palabra renovada"
    term.save()
    assert "Palabra renovada" in client.get(glossary_url).content.decode()


def test_logged_in_editors_always_get_a_fresh_page(client, lesson, django_user_model):
    client.get(lesson.url)
    user = django_user_model.objects.create_superuser("editora", "", "una clave larga 123")
    client.force_login(user)
    count, response = queries_for(client, lesson.url)
    assert count > 0
    assert "wagtail-userbar" in response.content.decode()


def test_search_queries_are_never_cached(client):
    first, _ = queries_for(client, "/es/buscar/", data={"q": "derechos"})
    second, _ = queries_for(client, "/es/buscar/", data={"q": "derechos"})
    assert first > 0 and second > 0


def test_topic_filter_is_cached_per_topic(client):
    queries_for(client, "/es/modulos/", data={"tema": "derechos"})
    count, response = queries_for(client, "/es/modulos/", data={"tema": "derechos"})
    assert count == 0
    _, other = queries_for(client, "/es/modulos/", data={"tema": "incidencia"})
    assert response.content != other.content


def test_pages_are_revalidated_cheaply_with_etags(client, lesson):
    response = client.get(lesson.url)
    assert "public" in response["Cache-Control"]
    assert "max-age=0" in response["Cache-Control"]
    etag = response["ETag"]
    not_modified = client.get(lesson.url, HTTP_IF_NONE_MATCH=etag)
    assert not_modified.status_code == 304
    assert not_modified.content == b""


def test_html_is_compressed_when_the_browser_accepts_it(client, lesson):
    response = client.get(lesson.url, HTTP_ACCEPT_ENCODING="gzip, br")
    assert response["Content-Encoding"] == "gzip"
    html = gzip.decompress(response.content).decode()
    assert lesson.title in html
    assert len(response.content) < len(html.encode()) / 2


def test_the_admin_is_never_compressed_or_cached(client, django_user_model):
    user = django_user_model.objects.create_superuser("editora", "", "una clave larga 123")
    client.force_login(user)
    response = client.get("/admin/", HTTP_ACCEPT_ENCODING="gzip")
    assert response.status_code == 200
    assert "Content-Encoding" not in response


def test_compressed_pages_are_cached_compressed_and_revalidate(client, lesson):
    first = client.get(lesson.url, HTTP_ACCEPT_ENCODING="gzip")
    count, second = queries_for(client, lesson.url, HTTP_ACCEPT_ENCODING="gzip")
    assert count == 0
    assert second["Content-Encoding"] == "gzip"
    assert second.content == first.content
    revalidated = client.get(
        lesson.url, HTTP_ACCEPT_ENCODING="gzip", HTTP_IF_NONE_MATCH=second["ETag"]
    )
    assert revalidated.status_code == 304
    assert "Content-Encoding" not in client.get(lesson.url)


def test_a_pdf_rendered_on_request_shows_its_size_on_the_cached_page(client):
    handout = HandoutPageFactory(body=[paragraph("Mi red de cuidado")])
    before = client.get(handout.url).content.decode()
    assert "se prepara al pedirlo" in before
    assert client.get(handout.url + "pdf/").status_code == 200
    after = client.get(handout.url).content.decode()
    meta = after.split('class="downloads__meta">')[1].split("</span>")[0]
    assert meta.endswith("KB") and "se prepara" not in meta


def store_as_cached(url, html):
    """Put ``html`` in the page cache as the stored copy of ``url``, as a
    reader's request would have."""
    from django.core.cache import cache
    from django.test import RequestFactory

    from cms.caching import PageCacheMiddleware

    key = PageCacheMiddleware.cache_key(RequestFactory().get(url))
    cache.set(key, (200, [("Content-Type", "text/html; charset=utf-8")], html.encode()), 3600)


def test_a_reader_during_a_publish_cannot_keep_the_old_page(
    client, lesson, django_capture_on_commit_callbacks
):
    client.get(lesson.url)
    with django_capture_on_commit_callbacks(execute=True):
        lesson.title = "Un título recién publicado"
        lesson.save_revision().publish()
        # While the publish's transaction is open, other readers still see
        # the old rows: one of them stores the old page again.
        store_as_cached(lesson.url, "<p>La versión de antes</p>")
    html = client.get(lesson.url).content.decode()
    assert "La versión de antes" not in html
    assert "Un título recién publicado" in html


def test_a_new_release_never_serves_pages_stored_by_the_old_one(client, lesson, settings):
    store_as_cached(lesson.url, "<p>Hecha por el código de antes</p>")
    assert "Hecha por el código de antes" in client.get(lesson.url).content.decode()
    settings.RELEASE = "una-version-nueva"
    html = client.get(lesson.url).content.decode()
    assert "Hecha por el código de antes" not in html
    assert lesson.title in html


def test_the_release_defaults_to_a_hash_of_the_code_that_shapes_pages(tmp_path):
    from cms.release import code_hash

    (tmp_path / "templates").mkdir()
    template = tmp_path / "templates" / "base.html"
    template.write_text("<main></main>")
    first = code_hash(tmp_path)
    assert code_hash(tmp_path) == first
    (tmp_path / "templates" / "__pycache__").mkdir()
    (tmp_path / "templates" / "__pycache__" / "x.pyc").write_bytes(b"compiled")
    assert code_hash(tmp_path) == first  # compiled files are not code
    template.write_text("<main class='nueva'></main>")
    assert code_hash(tmp_path) != first


def stored_pages(monkeypatch):
    """The pages the page cache stores from now on (their keys)."""
    from django.core.cache import cache

    stored = []
    real_set = cache.set

    def recording_set(key, value, *args, **kwargs):
        if key.startswith("page-cache:") and isinstance(value, tuple):
            stored.append(key)
        return real_set(key, value, *args, **kwargs)

    monkeypatch.setattr(cache, "set", recording_set)
    return stored


def test_unknown_topics_are_never_stored(client, monkeypatch):
    stored = stored_pages(monkeypatch)
    for n in range(10):
        client.get("/es/modulos/", {"tema": f"tema-inventado-{n}"})
    assert stored == []
    client.get("/es/modulos/", {"tema": "derechos"})  # a real topic does make its entry
    assert len(stored) == 1


def test_a_visitors_text_in_a_repeated_topic_never_reaches_a_stored_page(client, monkeypatch):
    stored = stored_pages(monkeypatch)
    junk = '"><b>texto de quien ataca</b>'
    for values in (["derechos", junk], [junk, "derechos"], ["derechos", "incidencia"]):
        first, _ = queries_for(client, "/es/modulos/", data={"tema": values})
        second, response = queries_for(client, "/es/modulos/", data={"tema": values})
        assert second > 0  # rendered each time, never kept
    assert stored == []
    # The same known topic twice is that topic.
    queries_for(client, "/es/modulos/", data={"tema": ["derechos", "derechos"]})
    count, response = queries_for(client, "/es/modulos/", data={"tema": "derechos"})
    assert count == 0
    assert 'aria-current="true">Derechos' in response.content.decode()


def test_a_workshop_plans_pack_leaves_the_page_cache_alone(client, lesson):
    from courses.planner.pack import PDF_VARIANT
    from courses.printing.models import PrintedFile

    client.get(lesson.url)
    # Anonymous planners make and replace these files: no public page shows them.
    record = PrintedFile.objects.create(
        key="f" * 64,
        page=lesson,
        variant=PDF_VARIANT,
        paper="a4",
        language="es",
        file_name="printed/ff/plan.pdf",
        size=1024,
        sha256="0" * 64,
    )
    assert queries_for(client, lesson.url)[0] == 0
    record.delete()
    assert queries_for(client, lesson.url)[0] == 0
