"""Public pages name no private page: the facilitator guide lists only the
handouts its readers may open, and the home page features only public
modules."""

from wagtail.models import PageViewRestriction

import pytest

from cms.models import FeaturedModule, HomePage
from courses.models import FacilitatorGuidePage, ModulePage

pytestmark = pytest.mark.django_db


def restrict(page):
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)


def test_the_public_guide_page_does_not_name_a_restricted_handout(client):
    guide = FacilitatorGuidePage.objects.live().filter(locale__language_code="es").first()
    used = [h for a in guide.activities.all() for h in a.handouts.live()]
    private, public = used[0], next(h for h in used if h.title != used[0].title)
    link = f'href="{private.url}"'
    assert link in client.get(guide.url).content.decode()
    restrict(private)
    page = client.get(guide.url).content.decode()
    assert f'href="{public.url}"' in page
    # Neither listed nor linked. (The guide's own text may still name the
    # sheet, as "Copias de «…»": that is the editor's text, not the sheet.)
    assert link not in page
    assert f">{private.title}</a>" not in page


def test_the_home_page_does_not_feature_a_restricted_module(client):
    home = HomePage.objects.get(locale__language_code="es")
    shown, hidden = ModulePage.objects.live().filter(locale=home.locale).order_by("path")[:2]
    for order, module in enumerate([shown, hidden]):
        FeaturedModule.objects.create(page=home, module=module, sort_order=order)
    restrict(hidden)
    page = client.get(home.url).content.decode()
    assert shown.title in page
    assert hidden.title not in page
