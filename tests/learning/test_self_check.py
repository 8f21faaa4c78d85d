"""Answering a self-check without JavaScript: a GET form per question
(``?respuesta=1-b``) brings the page back at that question with the same
feedback the script gives, stores nothing, and only well-formed answers
get a page cache entry of their own."""

import re

from django.core.cache import cache
from django.test import RequestFactory, override_settings
from django.utils.html import strip_tags

import pytest

from cms.caching import PageCacheMiddleware
from courses.learning.self_check import cacheable_answer, chosen_answer
from courses.models import LessonPage

pytestmark = pytest.mark.django_db


def lesson_with_checks():
    return next(
        page
        for page in LessonPage.objects.live().filter(locale__language_code="es").order_by("path")
        if any(block.block_type == "self_check" for block in page.body)
    )


def first_check(lesson):
    return next(block.value for block in lesson.body if block.block_type == "self_check")


def section(html, number=1):
    start = html.index(f'id="pregunta-{number}"')
    return html[start : html.index("</section>", start)]


def feedback_text(html):
    marker = "data-self-check-feedback>"
    part = html[html.index(marker) + len(marker) :]
    return " ".join(re.sub(r"<[^>]+>", " ", part[: part.index("<details")]).split())


def test_each_question_is_a_get_form_anchored_to_itself(client):
    lesson = lesson_with_checks()
    html = section(client.get(lesson.url).content.decode())
    assert '<form class="self-check__form" method="get" action="#pregunta-1"' in html
    options = first_check(lesson)["options"]
    for letter, option in zip("abcdef", options, strict=False):
        assert f'name="respuesta" value="1-{letter}"' in html
        assert option["text"] in html
    assert ">Comprobar</button>" in html
    assert 'class="self-check__feedback" role="status" data-self-check-feedback></div>' in html


def test_a_wrong_answer_shows_the_verdict_its_feedback_and_the_explanation(client):
    lesson = lesson_with_checks()
    options = first_check(lesson)["options"]
    wrong = next(i for i, option in enumerate(options) if not option["correct"])
    response = client.get(lesson.url, {"respuesta": f"1-{'abcdef'[wrong]}"})
    html = section(response.content.decode())
    said = feedback_text(html)
    assert said.startswith("✗ Esa no es la respuesta")
    if options[wrong]["feedback"]:
        assert options[wrong]["feedback"] in said
    explanation = " ".join(strip_tags(str(first_check(lesson)["explanation"])).split())
    assert explanation[:40] in said
    assert f'value="1-{"abcdef"[wrong]}" checked' in html
    assert not response.cookies


def test_the_right_answer_says_so(client):
    lesson = lesson_with_checks()
    right = next(i for i, o in enumerate(first_check(lesson)["options"]) if o["correct"])
    html = section(client.get(lesson.url, {"respuesta": f"1-{'abcdef'[right]}"}).content.decode())
    assert feedback_text(html).startswith("✓ Respuesta correcta")


def test_the_answer_no_longer_runs_on_from_the_option(client):
    lesson = lesson_with_checks()
    html = section(client.get(lesson.url).content.decode())
    assert ".." not in strip_tags(html)
    assert '<span class="self-check__said" data-feedback>' in html


@pytest.mark.parametrize("value", ["zz", "1-z", "0-a", "99-a", "1-a" * 20, "<b>", "-1-a"])
def test_an_unknown_answer_is_ignored(client, value):
    lesson = lesson_with_checks()
    response = client.get(lesson.url, {"respuesta": value})
    assert response.status_code == 200
    assert 'role="status" data-self-check-feedback></div>' in section(response.content.decode())


def test_an_answer_for_another_question_leaves_this_one_alone(client):
    lesson = lesson_with_checks()
    html = client.get(lesson.url, {"respuesta": "7-a"}).content.decode()
    assert 'role="status" data-self-check-feedback></div>' in section(html)


def test_answers_keep_the_chosen_country(client):
    lesson = lesson_with_checks()
    html = section(client.get(lesson.url, {"pais": "bo"}).content.decode())
    assert '<input type="hidden" name="pais" value="bo">' in html


def test_only_well_formed_answers_reach_the_page_cache_key():
    factory = RequestFactory()
    assert chosen_answer(factory.get("/", {"respuesta": "2-B"})) == (2, 1)
    assert cacheable_answer(factory.get("/", {"respuesta": "2-B"})) == "2-b"
    assert cacheable_answer(factory.get("/", {"respuesta": "junk"})) == ""
    key = PageCacheMiddleware.cache_key
    plain = key(factory.get("/es/x/"))
    assert key(factory.get("/es/x/", {"respuesta": "junk"})) == plain
    assert key(factory.get("/es/x/", {"respuesta": "1-a"})) != plain
    assert key(factory.get("/es/x/", {"respuesta": "1-A"})) == key(
        factory.get("/es/x/", {"respuesta": "1-a"})
    )


@override_settings(PAGE_CACHE_SECONDS=60)
def test_an_answered_page_is_served_from_the_cache_with_its_feedback(client):
    lesson = lesson_with_checks()
    cache.clear()
    first = client.get(lesson.url, {"respuesta": "1-a"}).content
    second = client.get(lesson.url, {"respuesta": "1-a"}).content
    assert first == second
    assert "data-self-check-feedback></div>" not in section(second.decode())
    plain = client.get(lesson.url).content.decode()
    assert 'role="status" data-self-check-feedback></div>' in section(plain)
