"""On PostgreSQL, search stems each language and ignores accents: learners
type "derecho" or "policia" on a phone and find "derechos" and "policía".
(SQLite has neither: these tests run on PostgreSQL, as CI does.)"""

import re

from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import translation

import pytest

from courses.models import LessonPage

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="PostgreSQL text search configurations"
    ),
]


def found(language, query):
    with translation.override(language):
        url = reverse("search")
    response = Client().get(url, {"q": query})
    assert response.status_code == 200
    return set(response.context["paginator"].object_list)  # every page of results


def lessons_with(language, word):
    """The lessons where ``word`` stands as a word of its own."""
    pattern = re.compile(rf"\b{word}\b")
    return {
        lesson
        for lesson in LessonPage.objects.live().filter(locale__language_code=language)
        if pattern.search(f"{lesson.title} {lesson.body.raw_data}".lower())
    }


@pytest.mark.parametrize(
    ("language", "typed", "written"),
    [
        ("es", "derecho", "derechos"),
        ("es", "policia", "policía"),
        ("es", "denunciar", "denuncia"),  # the Spanish stemmer, not the English one
        ("pt-br", "direito", "direitos"),
        ("pt-br", "policia", "polícia"),
        ("pt-br", "denunciar", "denúncia"),
    ],
)
def test_a_search_finds_other_forms_of_the_word_and_ignores_accents(language, typed, written):
    expected = lessons_with(language, written)
    assert expected, f"the demo has a {language} lesson with {written!r}"
    assert expected <= found(language, typed)
