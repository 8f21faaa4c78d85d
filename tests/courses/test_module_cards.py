"""Module cards (home page, catalogue): what each card says, and that a
page of cards costs the same queries however many modules it lists."""

from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction

import pytest

from cms.models import FeaturedModule
from tests.factories import (
    FacilitatorGuidePageFactory,
    ImageFactory,
    LessonPageFactory,
    ModulePageFactory,
    spanish_catalogue,
    spanish_home,
)

pytestmark = pytest.mark.django_db


def card_of(module, html):
    link = html.index(f'href="{module.url}"')
    return html[html.rindex("<article", 0, link) : html.index("</article>", link)]


def full_module(**fields):
    """A module as editors make them: a cover, two lessons and a guide."""
    module = ModulePageFactory(cover_image=ImageFactory(), **fields)
    LessonPageFactory.create_batch(2, parent=module)
    FacilitatorGuidePageFactory(parent=module, activities__minutes=[30, 45])
    return module


def test_a_card_counts_live_public_lessons_and_the_guides_workshop_length():
    module = full_module()
    LessonPageFactory(parent=module, live=False)
    private = LessonPageFactory(parent=module)
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    card = card_of(module, Client().get(spanish_catalogue().url).content.decode())
    assert "2 lecciones" in card
    assert "taller de 1 h 15 min" in card
    assert "<picture" in card


def test_a_card_without_lessons_or_guide_says_so_without_a_length():
    module = ModulePageFactory()
    card = card_of(module, Client().get(spanish_catalogue().url).content.decode())
    assert "0 lecciones" in card
    assert "taller de" not in card


def test_the_home_page_links_the_guides_of_its_featured_modules_in_their_order():
    home = spanish_home()
    first, second = ModulePageFactory(), ModulePageFactory()
    first_guide = FacilitatorGuidePageFactory(parent=first)
    second_guide = FacilitatorGuidePageFactory(parent=second)
    FeaturedModule.objects.create(page=home, module=second, sort_order=0)
    FeaturedModule.objects.create(page=home, module=first, sort_order=1)
    response = Client().get(home.url)
    assert response.status_code == 200
    html = response.content.decode()
    trainers = html[html.index("door--trainers") :]
    assert 0 < trainers.index(second_guide.url) < trainers.index(first_guide.url)
    assert html.count('class="card"') == 2


def render(path):
    """(queries, cards) of a render with the page cache empty; a first
    render makes the new images' renditions, as publishing does."""
    Client().get(path)
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        html = Client().get(path).content.decode()
    return len(queries), html.count('class="card"')


@pytest.mark.parametrize("page", [spanish_catalogue, spanish_home])
def test_more_module_cards_cost_no_more_queries(page):
    path = page().url
    queries, cards = render(path)
    for _ in range(3):
        full_module()
    more_queries, more_cards = render(path)
    assert more_cards > cards
    assert more_queries == queries
