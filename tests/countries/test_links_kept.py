"""A learner who chose a country (``?pais=bo``) keeps it wherever she goes
inside the site: each kind of link is followed from a lesson and must carry
the choice on."""

import html as html_lib
import re

from wagtail.models import Locale

import pytest

from courses.models import GlossaryPage, LessonPage

pytestmark = pytest.mark.django_db

KEPT = "pais=bo"


def hrefs(response):
    assert response.status_code == 200, response.status_code
    return [html_lib.unescape(h) for h in re.findall(r'href="([^"]*)"', response.content.decode())]


def follow(client, response, path):
    """The link to ``path`` on this page, which must keep the country;
    returns the page it leads to."""
    links = [h for h in hrefs(response) if h.split("?")[0] == path]
    assert links, f"no link to {path}"
    for link in links:
        assert KEPT in link, link
    return client.get(links[0])


def test_every_kind_of_link_keeps_the_chosen_country(client):
    lesson = LessonPage.objects.filter(locale__language_code="es").live()
    lesson = next(page for page in lesson.specific() if page.handouts and page.module.guide)
    module, guide = lesson.module, lesson.module.guide
    start = client.get(lesson.url + "?pais=bo")

    # Lesson → its handout, and back up to the module.
    handout_page = follow(client, start, lesson.handouts[0].url)
    assert handout_page.status_code == 200
    module_page = follow(client, handout_page, module.url)  # breadcrumbs

    # Module → the facilitator guide and every handout.
    for handout in module.handouts:
        assert any(h == f"{handout.url}?{KEPT}" for h in hrefs(module_page))
    guide_page = follow(client, module_page, guide.url)
    follow(client, guide_page, module.url)  # the guide's "module" tag
    for activity in guide.activity_list:
        for handout in activity.handouts.live():
            assert f"{handout.url}?{KEPT}" in hrefs(guide_page)

    # The search link in the header, and the form that keeps the choice.
    search_page = follow(client, start, "/es/buscar/")
    assert '<input type="hidden" name="pais" value="bo">' in search_page.content.decode()
    results = client.get("/es/buscar/", {"q": "derechos", "pais": "bo"})
    catalogue = module.get_parent()
    result_links = [h for h in hrefs(results) if h.startswith(catalogue.url)]
    assert result_links
    assert all(KEPT in h for h in result_links), result_links

    # The home page: the catalogue button, the guides and the topics.
    home = lesson.get_ancestors().filter(depth=2).first()
    home_page = follow(client, start, home.url)
    follow(client, home_page, catalogue.url)
    topic_links = [h for h in hrefs(home_page) if "tema=" in h]
    assert topic_links
    assert all(KEPT in h for h in topic_links)
    assert client.get(topic_links[0]).status_code == 200
    guide_links = [h for h in hrefs(home_page) if "/guia" in h or h.split("?")[0] == guide.url]
    assert all(KEPT in h for h in guide_links)

    # The glossary, reached through the header's menu.
    glossary = GlossaryPage.objects.live().get(locale=Locale.objects.get(language_code="es"))
    follow(client, start, glossary.url)

    # The language switcher: the same lesson in English, still for Bolivia
    # (the hreflang alternates in the head stay without it).
    # The parameter is named in the language of the link (?country= in English).
    english = lesson.get_translation(Locale.objects.get(language_code="en"))
    assert f"{english.url}?country=bo" in hrefs(start)
    english_page = client.get(f"{english.url}?country=bo")
    assert f'hreflang="en" href="http://testserver{english.url}"' in start.content.decode()
    assert f"{lesson.url}?{KEPT}" in hrefs(english_page)


def test_without_a_choice_no_link_carries_one(client):
    lesson = LessonPage.objects.filter(locale__language_code="es").live().first()
    for response in (client.get(lesson.url), client.get("/es/buscar/", {"q": "derechos"})):
        assert "pais=" not in response.content.decode()
        assert 'name="pais"' not in response.content.decode()
