"""Country pages: tree rules, what they show, and the learner's country kept
in the address (``?pais=``) and nowhere else."""

import re

from django.core.exceptions import ValidationError

from wagtail.models import Locale, Page
from wagtail.test.utils import WagtailPageTestCase

import pytest

from cms.models import HomePage
from courses.countries.choice import chosen_country, with_country
from courses.countries.models import CountryIndexPage, CountryNote, CountryPage, HelpContact
from courses.models import LessonPage, ModulePage
from tests.factories import LessonPageFactory, ModulePageFactory

pytestmark = pytest.mark.django_db

DEMO_CODES = {"ar", "bo", "br", "ec", "gt"}


def spanish():
    return Locale.objects.get(language_code="es")


def country(code, language="es"):
    return CountryPage.objects.get(code=code, locale__language_code=language)


@pytest.fixture
def lesson():
    """A lesson with notes for Argentina and Bolivia, followed by one without."""
    module = ModulePageFactory()
    page = LessonPageFactory(parent=module)
    page.country_notes = [
        CountryNote(country="ar", text="<p>En Argentina, el trabajo sexual no es delito.</p>"),
        CountryNote(country="bo", text="<p>En Bolivia, pide siempre una copia del acta.</p>"),
    ]
    page.save_revision().publish()
    LessonPageFactory(parent=module)
    return page


class TestTreeRules(WagtailPageTestCase):
    def test_countries_live_under_one_index_under_the_home_page(self):
        self.assertAllowedParentPageTypes(CountryIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(CountryIndexPage, {CountryPage})
        self.assertAllowedParentPageTypes(CountryPage, {CountryIndexPage})
        self.assertAllowedSubpageTypes(CountryPage, {})
        assert CountryIndexPage.max_count_per_parent == 1

    def test_the_demo_country_pages_render(self):
        for page in CountryPage.objects.live():
            self.assertPageIsRenderable(page)
        for page in CountryIndexPage.objects.live():
            self.assertPageIsRenderable(page)


def test_the_demo_has_five_spanish_countries_all_marked_as_examples():
    pages = CountryPage.objects.live().filter(locale=spanish())
    assert {p.code for p in pages} >= DEMO_CODES
    assert all(p.example_content for p in pages)
    assert all(p.contacts.exists() for p in pages)


def test_brazil_exists_in_portuguese_as_a_translation_of_the_spanish_page():
    assert HomePage.objects.filter(locale__language_code="pt-br").exists()
    brazil = country("br", "pt-br")
    assert brazil.translation_key == country("br").translation_key
    assert "não é crime" in brazil.legal_status
    contacts = list(brazil.contacts.all())
    source = list(country("br").contacts.all())
    assert [c.translation_key for c in contacts] == [c.translation_key for c in source]
    assert all(c.locale == brazil.locale for c in contacts)


def test_a_second_page_for_the_same_country_and_language_is_refused():
    index = CountryIndexPage.objects.get(locale=spanish())
    duplicate = CountryPage(title="Bolivia otra vez", slug="bolivia-2", code="bo", locale=spanish())
    with pytest.raises(ValidationError) as error:
        duplicate.clean()
    assert "code" in error.value.message_dict
    assert index.get_children().filter(slug="bolivia-2").count() == 0


def test_phone_numbers_are_checked_and_become_tel_links():
    contact = HelpContact(name="Línea", phone="+54 (11) 000-0000")
    contact.clean()
    assert contact.tel == "tel:+54110000000"
    with pytest.raises(ValidationError):
        HelpContact(name="Mal", phone="<script>").clean()


def test_the_country_page_shows_banner_sections_contacts_and_the_card_link(client):
    bolivia = country("bo")
    html = client.get(bolivia.url).content.decode()
    assert "Contenido de ejemplo." in html
    assert "Situación legal del trabajo sexual" in html
    assert 'href="tel:110"' in html
    for contact in bolivia.contacts.all():
        assert contact.name in html
    assert "Cartilla de derechos de bolsillo" in html
    assert bolivia.url + "pdf/" in html
    # Websites are plain text, never links or embeds.
    argentina = client.get(country("ar").url).content.decode()
    assert "salud.example.org" in argentina
    assert 'href="http://salud.example.org' not in argentina
    assert "<iframe" not in argentina


def test_the_index_lists_the_countries_with_the_choice_in_their_links(client):
    index = CountryIndexPage.objects.get(locale=spanish())
    html = client.get(index.url).content.decode()
    for code in DEMO_CODES:
        page = country(code)
        assert f'href="{page.url}?pais={code}"' in html
    assert 'name="pais"' in html  # the chooser works without JavaScript


def test_reading_country_pages_sets_no_cookie(client):
    response = client.get(country("ar").url + "?pais=ar")
    assert response.status_code == 200
    assert not response.cookies


# Country notes and the choice in the address


def test_a_lesson_shows_only_the_note_of_the_chosen_country(client, lesson):
    page = lesson
    notes = {n.country: n for n in page.country_notes.all()}
    assert {"ar", "bo"} <= set(notes)
    bolivia = client.get(page.url + "?pais=bo").content.decode()
    assert "Nota para Bolivia" in bolivia
    assert _plain(notes["bo"].text) in _plain(bolivia)
    assert _plain(notes["ar"].text) not in _plain(bolivia)
    plain = client.get(page.url).content.decode()
    assert "Nota para" not in plain
    assert "Elige tu país" in plain


def test_a_lesson_without_a_note_for_the_chosen_country_says_so(client, lesson):
    html = client.get(lesson.url + "?pais=py").content.decode()
    assert "Nota para" not in html
    assert "no tiene todavía una nota para Paraguay" in html


def test_lessons_without_notes_show_no_chooser(client, lesson):
    module = lesson.module
    bare = next(lsn for lsn in module.lessons if not lsn.country_notes.exists())
    html = client.get(bare.url + "?pais=bo").content.decode()
    assert 'id="notas-por-pais"' not in html


@pytest.mark.parametrize("value", ["zz", "BOLIVIA", "<script>", "bo' or 1=1", "b" * 500])
def test_an_unknown_country_is_ignored(client, lesson, value):
    response = client.get(lesson.url, {"pais": value})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Nota para" not in html
    assert "pais=" not in html  # no link carries it on


def test_the_chosen_country_is_kept_on_links_within_the_site(client, lesson):
    page = lesson
    html = client.get(page.url + "?pais=bo").content.decode()
    module = page.module
    home = page.get_ancestors().type(HomePage).first()
    assert f'href="{module.url}?pais=bo"' in html  # breadcrumbs
    assert f'href="{home.url}?pais=bo"' in html  # brand
    assert f'href="{page.next_lesson.url}?pais=bo"' in html  # pager
    assert f'href="{country("bo").url}?pais=bo"' in html  # the header's country link
    assert "País: Bolivia" in html
    module_html = client.get(module.url + "?pais=bo").content.decode()
    for item in module.lessons:
        assert f'href="{item.url}?pais=bo"' in module_html


def test_the_choice_can_be_cleared(client, lesson):
    html = client.get(lesson.url + "?pais=bo").content.decode()
    assert f'href="{lesson.url}">Quitar el país' in html


def test_with_country_replaces_and_removes_the_parameter():
    assert with_country("/es/x/?tema=a&pais=ar", "bo") == "/es/x/?tema=a&pais=bo"
    assert with_country("/es/x/?pais=ar", "") == "/es/x/"
    assert with_country("/es/x/", "zz") == "/es/x/"


def test_chosen_country_needs_a_known_code(rf):
    assert chosen_country(rf.get("/", {"pais": "BO "})) == "bo"
    assert chosen_country(rf.get("/", {"pais": "xx"})) == ""
    assert chosen_country(rf.get("/")) == ""


def test_an_editor_can_add_a_note_to_a_lesson_and_it_shows(client):
    page = LessonPageFactory()
    page.country_notes = [CountryNote(country="py", text="<p>Nota de prueba para Paraguay.</p>")]
    page.save_revision().publish()
    html = client.get(page.url + "?pais=py").content.decode()
    assert "Nota de prueba para Paraguay." in html
    assert "Nota de prueba" not in client.get(page.url + "?pais=bo").content.decode()
    assert CountryNote.objects.get(lesson=page).locale == page.locale


def _plain(html):
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_module_and_page_models_are_unchanged_by_the_country_layer():
    # CountryNote's ParentalKey lives in this app: no migration of courses.
    assert LessonPage._meta.get_field("country_notes").related_model is CountryNote
    assert ModulePage.objects.exists() and Page.objects.exists()
