"""Languages: every page in every language it exists in, the switcher, the
hreflang alternates, and the front door that picks a language."""

import re

from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation

from wagtail.models import Locale, Page

import pytest

from cms.languages import preferred_language
from cms.models import HomePage, StandardPage
from courses.models import (
    FacilitatorGuidePage,
    GlossaryPage,
    HandoutPage,
    LessonPage,
    ModuleIndexPage,
    ModulePage,
)
from tests import demo

pytestmark = pytest.mark.django_db

PAGE_TYPES = [
    HomePage,
    ModuleIndexPage,
    ModulePage,
    LessonPage,
    HandoutPage,
    FacilitatorGuidePage,
    GlossaryPage,
    StandardPage,
]
CODES = [code for code, _name in settings.LANGUAGES]


def html_lang(response):
    return re.search(r'<html lang="([^"]+)"', response.content.decode()).group(1)


def switcher_links(response):
    """{language: href} of the language switcher."""
    html = response.content.decode()
    switcher = html[html.index('class="language-switcher"') :]
    switcher = switcher[: switcher.index("</details>")]
    return dict(
        (lang, href) for href, lang in re.findall(r'<a href="([^"]+)" hreflang="([^"]+)"', switcher)
    )


def alternates(response):
    return dict(
        (lang, href)
        for lang, href in re.findall(
            r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">',
            response.content.decode(),
        )
    )


@pytest.mark.parametrize("code", CODES)
@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda m: m.__name__)
def test_each_page_type_renders_in_each_language(client, model, code):
    # The demo is translated whole: every page type exists in every language.
    page = model.objects.live().filter(locale__language_code=code).first()
    assert page is not None, (model.__name__, code)
    response = client.get(page.url)
    assert response.status_code == 200
    assert html_lang(response) == code
    assert response["Content-Language"] == code
    assert not response.cookies


def test_the_rights_module_exists_in_every_language():
    spanish = demo.page_at(demo.RIGHTS_MODULE)
    languages = {p.locale.language_code for p in spanish.get_translations(inclusive=True).live()}
    assert languages == set(CODES)


def test_every_module_is_in_spanish_and_english():
    for module in ModulePage.objects.live().filter(locale=Locale.get_default()):
        assert module.get_translations().live().filter(locale__language_code="en").exists(), (
            module.title
        )


def test_the_switcher_links_the_same_page_in_each_language(client):
    lesson = LessonPage.objects.live().filter(locale__language_code="en").first()
    translations = {p.locale.language_code: p for p in lesson.get_translations(inclusive=True)}
    response = client.get(lesson.url)
    links = switcher_links(response)
    for code, page in translations.items():
        assert links[code] == page.url
    assert 'aria-current="true"' in response.content.decode()


def test_hreflang_alternates_name_every_translation_and_a_default(client):
    lesson = LessonPage.objects.live().filter(locale__language_code="en").first()
    translations = {p.locale.language_code: p for p in lesson.get_translations(inclusive=True)}
    found = alternates(client.get(lesson.url))
    assert set(found) == set(translations) | {"x-default"}
    for code, page in translations.items():
        assert found[code] == "http://testserver" + page.url
    assert found["x-default"] == found[settings.LANGUAGE_CODE]


def test_an_untranslated_page_links_the_other_homes_and_says_so(client):
    english = Locale.objects.get(language_code="en")
    Page.objects.filter(locale=english, depth__gt=2).filter(
        translation_key__in=LessonPage.objects.values("translation_key")
    ).delete()
    lesson = LessonPage.objects.live().filter(locale=Locale.get_default()).first()
    english_home = HomePage.objects.get(locale=english)
    response = client.get(lesson.url)
    assert switcher_links(response)["en"] == english_home.url
    html = response.content.decode()
    # Said in the language of the link, for whoever follows it.
    assert '<li lang="en">' in html
    assert "This page is not translated yet" in html
    assert "en" not in alternates(response)


def test_pages_other_than_wagtail_pages_switch_by_address(client):
    response = client.get("/en/search/")
    assert response.status_code == 200
    assert html_lang(response) == "en"
    links = switcher_links(response)
    assert links == {"es": "/es/buscar/", "pt-br": "/pt-br/buscar/", "en": "/en/search/"}


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("pt-BR,pt;q=0.9,en;q=0.8", "/pt-br/"),
        ("pt-PT", "/pt-br/"),
        ("en-GB,en;q=0.9", "/en/"),
        ("fr-FR, de;q=0.5", "/es/"),
        ("fr, en;q=0.4", "/en/"),
        ("", "/es/"),
        ("es-AR", "/es/"),
        (";;; q=nope,,", "/es/"),
    ],
)
def test_the_front_door_follows_accept_language_without_a_cookie(header, expected):
    client = Client(HTTP_ACCEPT_LANGUAGE=header) if header else Client()
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == expected
    assert "Accept-Language" in response["Vary"]
    assert "private" in response["Cache-Control"]
    assert not response.cookies
    assert "Set-Cookie" not in response


def test_the_front_door_redirect_is_never_shared_between_visitors(settings):
    settings.PAGE_CACHE_SECONDS = 3600
    for header, expected in [("en", "/en/"), ("pt-BR", "/pt-br/"), ("es", "/es/")] * 2:
        response = Client(HTTP_ACCEPT_LANGUAGE=header).get("/")
        assert response["Location"] == expected


def test_pages_in_each_language_are_cached_apart(settings):
    settings.PAGE_CACHE_SECONDS = 3600
    english = Client(HTTP_ACCEPT_LANGUAGE="en").get("/en/")
    spanish = Client(HTTP_ACCEPT_LANGUAGE="en").get("/es/")
    assert html_lang(english) == "en"
    assert html_lang(spanish) == "es"


def test_an_unknown_language_prefix_ends_in_the_not_found_page():
    response = Client().get("/fr/", follow=True)
    assert response.status_code == 404
    assert html_lang(response) == "es"


def test_preferred_language_ignores_unsupported_and_wildcards():
    assert preferred_language("*, en;q=0.1") == "es"
    assert preferred_language(None) == "es"
    assert preferred_language("x" * 500) == "es"


@pytest.mark.parametrize(
    ("prefix", "skip_link"),
    [
        ("/es/", "Saltar al contenido"),
        ("/pt-br/", "Pular para o conteúdo"),
        ("/en/", "Skip to content"),
    ],
)
def test_the_interface_speaks_the_language_of_the_address(client, prefix, skip_link):
    response = client.get(prefix)
    assert skip_link in response.content.decode()


def test_translated_interface_strings_keep_their_placeholders():
    import polib

    placeholder = re.compile(r"%\(\w+\)[sd]|%%|\{\w+\}")
    for folder in settings.LOCALE_PATHS:
        for path in folder.glob("*/LC_MESSAGES/django.po"):
            for entry in polib.pofile(str(path)).translated_entries():
                pairs = [(entry.msgid, entry.msgstr)]
                if entry.msgid_plural:
                    pairs = [(entry.msgid, entry.msgstr_plural[0])] + [
                        (entry.msgid_plural, form) for form in entry.msgstr_plural.values()
                    ]
                for source, translated in pairs:
                    assert sorted(placeholder.findall(source)) == sorted(
                        placeholder.findall(translated)
                    ), (path, source)


def test_every_interface_string_is_translated_into_portuguese_and_english():
    """`make messages` collects new strings with empty translations; a release
    must not show Spanish in the middle of a Portuguese or English page."""
    import polib

    for folder in settings.LOCALE_PATHS:
        for language in ("pt_BR", "en"):
            catalog = polib.pofile(str(folder / language / "LC_MESSAGES" / "django.po"))
            missing = [e.msgid for e in catalog.untranslated_entries() + catalog.fuzzy_entries()]
            assert not missing, (folder.parent.name, language, missing[:5])


def test_search_stays_within_the_language_of_the_address(client):
    searches = [
        ("/es/", "buscar/", "derechos"),
        ("/en/", "search/", "rights"),
        ("/pt-br/", "buscar/", "direitos"),
    ]
    for prefix, path, words in searches:
        response = client.get(f"{prefix}{path}", {"q": words})
        results = list(response.context["results"])
        assert results, prefix
        assert {page.locale.language_code for page in results} == {prefix.strip("/")}


@pytest.mark.parametrize("code", CODES)
def test_learning_without_an_account_works_in_each_language(client, code):
    manifest = client.get(f"/{code}/aprender/app.webmanifest").json()
    assert manifest["lang"] == code
    assert manifest["start_url"] == f"/{code}/"
    assert manifest["scope"] == "/"
    # Addresses in the language's own words (/en/learn/my-modules/).
    with translation.override(code):
        paths = [reverse("learning:my_modules"), reverse("learning:offline")]
    for path in paths:
        assert path.startswith(f"/{code}/")
        response = client.get(path)
        assert response.status_code == 200
        assert html_lang(response) == code
        assert not response.cookies
    worker = client.get("/sw.js").content.decode()
    assert paths[1] in worker


def test_pdfs_are_printed_in_the_language_of_their_page(client):
    import io

    from pypdf import PdfReader

    lesson = LessonPage.objects.live().filter(locale__language_code="en").first()
    response = client.get(lesson.url + "pdf/")
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    reader = PdfReader(io.BytesIO(body))
    assert reader.trailer["/Root"]["/Lang"] == "en"
    text = " ".join(page.extract_text() for page in reader.pages)
    assert lesson.title.split()[0] in text
    assert "Licence" in text and "Licencia" not in text
