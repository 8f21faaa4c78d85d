"""Changes to the site, its home page, settings and view restrictions show
on the next page, even though pages come from the page cache."""

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction, Site

import pytest

from cms.models import SiteSettings
from tests.factories import ImageFactory, LessonPageFactory


@pytest.fixture
def lesson(db):
    return LessonPageFactory()


def tables_read(path):
    with CaptureQueriesContext(connection) as queries:
        response = Client().get(path)
    assert response.status_code == 200
    return response, " ".join(query["sql"] for query in queries.captured_queries)


@pytest.mark.django_db
def test_a_render_reads_the_site_and_its_settings_once(lesson):
    """Wagtail keeps them for the request (Site.find_for_request,
    SiteSettings.for_request): the header, footer and download links share them."""
    lesson.save_revision().publish()
    _response, sql = tables_read(lesson.url)
    assert sql.count('FROM "cms_sitesettings"') == 1
    assert sql.count('FROM "wagtailcore_site"') <= 1


@pytest.mark.django_db
def test_new_site_settings_show_on_the_next_page():
    Client().get("/es/")
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.organisation_name = "Red de Prueba del Caribe"
    settings.save()
    assert "Red de Prueba del Caribe" in Client().get("/es/").content.decode()


@pytest.mark.django_db
def test_a_page_made_private_stops_being_shown_at_once(lesson):
    assert Client().get(lesson.url).status_code == 200  # now in the page cache too
    restriction = PageViewRestriction.objects.create(page=lesson, restriction_type="login")
    response = Client().get(lesson.url)
    assert response.status_code == 302 and "/login/" in response["Location"]
    restriction.delete()
    assert Client().get(lesson.url).status_code == 200


@pytest.mark.django_db
def test_a_published_home_page_shows_its_new_text_at_once():
    home = Client().get("/es/").context["page"]
    home.intro = "Una bienvenida recién publicada."
    home.save_revision().publish()
    assert "Una bienvenida recién publicada." in Client().get("/es/").content.decode()
    # The other languages keep their own home page, and a translation's
    # publish refreshes it too (it shares the site root's translation key).
    english = Client().get("/en/").context["page"]
    assert "Una bienvenida recién publicada." not in Client().get("/en/").content.decode()
    english.intro = "A welcome just published."
    english.save_revision().publish()
    assert "A welcome just published." in Client().get("/en/").content.decode()


@pytest.mark.django_db
def test_an_unpublished_translation_of_the_home_page_is_not_served():
    english_home = Client().get("/en/").context["page"]
    english_home.unpublish()
    response = Client().get("/en/")
    # As Wagtail does: the site's own root page answers, never a draft.
    assert response.status_code == 200
    assert response.context["page"].locale.language_code == "es"


@pytest.mark.django_db
def test_a_site_moved_to_another_host_answers_there_at_once(settings):
    settings.ALLOWED_HOSTS = ["testserver", "taller.example.org"]
    Client().get("/es/")
    site = Site.objects.get(is_default_site=True)
    site.is_default_site = False
    site.hostname = "taller.example.org"
    site.save()
    assert Client().get("/es/").status_code == 404  # no site answers testserver now
    assert Client(HTTP_HOST="taller.example.org").get("/es/").status_code == 200


@pytest.mark.django_db
def test_an_unknown_host_is_refused_cleanly(settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    response = Client(HTTP_HOST="evil.example.com").get("/es/")
    assert response.status_code == 400


@pytest.mark.django_db
def test_a_new_page_under_home_joins_the_menu_at_once():
    from cms.models import StandardPage

    home = Client().get("/es/").context["page"]
    page = StandardPage(title="Página nueva del menú", slug="pagina-nueva-menu", show_in_menus=True)
    home.add_child(instance=page)
    page.save_revision().publish()
    header = Client().get("/es/").content.decode().split("</header>", 1)[0]
    assert "Página nueva del menú" in header


@pytest.mark.django_db
def test_a_new_site_logo_shows_at_once(lesson):
    Client().get(lesson.url)  # now in the page cache
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.logo = ImageFactory()
    settings.save()
    response = Client().get(lesson.url)
    assert 'class="brand__logo"' in response.content.decode()
    assert settings.logo.get_rendition("height-48").url in response.content.decode()


@pytest.mark.django_db
def test_saving_an_image_empties_the_page_cache_that_may_show_it(lesson):
    image = ImageFactory()
    Client().get(lesson.url)
    _response, sql = tables_read(lesson.url)
    assert sql == ""  # from the page cache
    image.title = "Logo nuevo"
    image.save()
    _response, sql = tables_read(lesson.url)
    assert sql != ""  # rendered again
