import pytest

from tests.factories import LessonPageFactory

pytestmark = pytest.mark.django_db


def search(client, **params):
    response = client.get("/es/buscar/", params)
    assert response.status_code == 200
    return response.content.decode()


def lesson_with_a_story():
    """A lesson whose story block holds a name no other page uses."""
    story = {"title": "La historia", "text": "<p>Zenobia llegó a la comisaría…</p>"}
    return LessonPageFactory(body=[("story", story)])


def test_search_finds_a_lesson_by_a_word_of_its_body(client):
    lesson = lesson_with_a_story()
    html = search(client, q="Zenobia")
    assert lesson.title in html
    assert "1 resultado" in html


def test_search_without_a_query_shows_the_form(client):
    html = search(client)
    assert 'name="q"' in html
    assert "resultado" not in html


def test_odd_queries_get_a_normal_page(client):
    for params in (
        {"q": "a" * 10_000},
        {"q": "derechos", "pagina": "abc"},
        {"q": "derechos", "pagina": "-3"},
        {"q": "derechos", "pagina": "999999999999999999999"},
        {"q": "\x01 )( AND OR \"'"},  # NUL bytes: refused earlier (test_hardening)
        {"q": "%%%"},
        {"q": ["uno", "dos"]},
    ):
        search(client, **params)


def test_search_only_lists_published_pages(client):
    lesson = lesson_with_a_story()
    assert lesson.title in search(client, q="Zenobia")
    lesson.unpublish()
    assert lesson.title not in search(client, q="Zenobia")


def test_only_get_is_allowed(client):
    assert client.post("/es/buscar/", {"q": "x"}).status_code == 405
