"""How many SQL queries a page costs when it is rendered, through the whole
middleware stack, against the budgets in tests/query_budgets.py."""

from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

import pytest

from tests.factories import LessonPageFactory
from tests.query_budgets import BUDGETS, LESSON

PAGES = BUDGETS


def count_queries(name, path, budget):
    with CaptureQueriesContext(connection) as queries:
        response = Client().get(path)
    assert response.status_code == 200
    count = len(queries.captured_queries)
    where = "\n".join(query["sql"][:120] for query in queries.captured_queries)
    assert count <= budget, f"{name}: {count} queries, budget {budget}\n{where}"
    return count


@pytest.mark.django_db
@pytest.mark.parametrize("name", PAGES)
def test_the_first_render_after_a_publish_stays_within_its_query_budget(name):
    path, budget, _cold = PAGES[name]
    page = Client().get(path).context["page"]  # a process that has served pages before
    page.save_revision().publish()  # as an editor does: this empties the page cache
    # More than none: a copy from the page cache would cost none at all.
    assert count_queries(name, path, budget) > 0


@pytest.mark.django_db
@pytest.mark.parametrize("name", PAGES)
def test_a_render_with_every_cache_empty_stays_within_its_query_budget(name):
    path, _budget, cold = PAGES[name]
    Client().get(path)  # loads what every process loads once (content types)
    cache.clear()
    count_queries(name, path, cold)


@pytest.mark.django_db
def test_routing_answers_sub_routes_and_unknown_paths():
    lesson = LESSON
    assert Client().get(lesson + "pdf/letter/").status_code in (200, 503)
    assert Client().get(lesson + "no-existe/").status_code == 404
    assert Client().get("/es/modulos/no-existe/").status_code == 404
    assert Client().get("/es/modulos/no-existe/ni-esto/").status_code == 404


@pytest.mark.django_db
def test_breadcrumbs_show_every_level_above_the_page():
    lesson = LessonPageFactory()
    html = Client().get(lesson.url).content.decode()
    crumbs = html.split('class="breadcrumbs', 1)[1].split("</nav>", 1)[0]
    assert crumbs.count("<li") == 4  # home, catalogue, module, the lesson
    assert f'href="{lesson.module.url}"' in crumbs


@pytest.mark.django_db
def test_module_cards_fetched_together_still_show_lessons_and_length():
    html = Client().get(PAGES["catalogue"][0]).content.decode()
    cards = html.count('class="card"')
    assert cards >= 3
    assert html.count(" lecciones") >= cards
    assert html.count("taller de ") >= cards


@pytest.mark.django_db
@pytest.mark.parametrize("name", PAGES)
def test_every_page_type_still_honours_a_view_restriction(name):
    """Wagtail's own privacy check runs on every page type."""
    from wagtail.models import PageViewRestriction

    path = PAGES[name][0]
    page = Client().get(path).context["page"]
    PageViewRestriction.objects.create(page=page, restriction_type="login")
    response = Client().get(path)
    assert response.status_code == 302 and "/login/" in response["Location"]
