"""The admin in Spanish (issue 14): every page an editor uses, walked and
read for English that a locale override (locale/es/) could cover: a string
from Wagtail's or wagtail-localize's catalogues that has no Spanish there."""

import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

from django.conf import settings
from django.urls import reverse

import wagtail
from wagtail.models import Locale

import polib
import pytest
import wagtail_localize
from wagtail_localize.models import TranslationSource

from courses.countries.models import CountryPage
from courses.models import GlossaryTerm, HandoutPage, LessonPage, ModulePage, Topic

pytestmark = pytest.mark.django_db

PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]")
TAG = re.compile(r"<[^>]+>")


@cache
def spanish_catalogue():
    """msgid -> msgstr for Spanish as this project serves it: the packages'
    catalogues with the project's own (overrides first) on top."""
    spanish = {}
    packages = [Path(wagtail.__file__).parent, Path(wagtail_localize.__file__).parent]
    folders = [*packages, *reversed([Path(p) for p in settings.LOCALE_PATHS])]
    for folder in folders:
        for path in sorted(folder.glob("**/locale/es/LC_MESSAGES/django*.po")) + sorted(
            folder.glob("es/LC_MESSAGES/django*.po")
        ):
            for entry in polib.pofile(str(path)):
                if entry.translated():
                    spanish[entry.msgid] = entry.msgstr or entry.msgstr_plural.get(0, "")
                    if entry.msgid_plural:
                        spanish[entry.msgid_plural] = entry.msgstr_plural.get(1, "")
    return spanish


@cache
def english_without_spanish():
    """Regular expressions for the packages' strings that Spanish lacks."""
    english = set()
    packages = [Path(wagtail.__file__).parent, Path(wagtail_localize.__file__).parent]
    for folder in packages:
        for path in folder.glob("**/locale/en/LC_MESSAGES/django*.po"):
            for entry in polib.pofile(str(path)):
                english.add(entry.msgid)
                if entry.msgid_plural:
                    english.add(entry.msgid_plural)
    missing = {}
    for msgid in english - spanish_catalogue().keys():
        text = " ".join(TAG.sub(" ", msgid).split())
        literal = PLACEHOLDER.sub(" ", text).split()
        # Only strings with English words of their own ("%(count)s:" is not).
        if not re.search(r"[A-Za-z]{3}", " ".join(literal)):
            continue
        parts = [re.escape(part.strip()) for part in PLACEHOLDER.split(text)]
        pattern = r"\s*.{1,80}?\s*".join(parts)
        # Short labels ("Status", "%(count)s pages") must be the whole text of
        # an element; longer sentences may stand inside one.
        pattern = rf"^{pattern}[:.…]?$" if len(literal) <= 3 else rf"\b{pattern}"
        missing[msgid] = re.compile(pattern, re.DOTALL)
    return missing


class VisibleText(HTMLParser):
    """Text a person reads: text nodes, labels and placeholders."""

    SKIPPED = {"script", "style", "template", "noscript"}

    def __init__(self):
        super().__init__()
        self.chunks, self.skipping = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIPPED:
            self.skipping += 1
        for name, value in attrs:
            if name in ("aria-label", "placeholder", "title", "alt") and value:
                self.chunks.append(value)

    def handle_endtag(self, tag):
        if tag in self.SKIPPED and self.skipping:
            self.skipping -= 1

    def handle_data(self, data):
        if not self.skipping and data.strip():
            self.chunks.append(" ".join(data.split()))


def english_on(html):
    parser = VisibleText()
    parser.feed(html)
    found = set()
    for msgid, pattern in english_without_spanish().items():
        if any(pattern.search(chunk) for chunk in parser.chunks):
            found.add(msgid)
    return found


def editor_pages():
    spanish = Locale.objects.get(language_code="es")
    portuguese = Locale.objects.get(language_code="pt-br")
    module = ModulePage.objects.filter(locale=spanish).order_by("path").first()
    lesson = LessonPage.objects.filter(locale=spanish).order_by("path").first()
    handout = HandoutPage.objects.filter(locale=spanish).order_by("path").first()
    country = CountryPage.objects.filter(locale=spanish).order_by("path").first()
    translated = lesson.get_translation(portuguese)
    topic = Topic.objects.filter(locale=spanish).first()
    term = GlossaryTerm.objects.filter(locale=spanish).first()
    return {
        "panel": reverse("wagtailadmin_home"),
        "explorer": reverse("wagtailadmin_explore_root"),
        "module in the explorer": reverse("wagtailadmin_explore", args=[module.pk]),
        "lesson editor": reverse("wagtailadmin_pages:edit", args=[lesson.pk]),
        "handout editor": reverse("wagtailadmin_pages:edit", args=[handout.pk]),
        "country editor": reverse("wagtailadmin_pages:edit", args=[country.pk]),
        "new lesson": reverse("wagtailadmin_pages:add", args=["courses", "lessonpage", module.pk]),
        "page usage": reverse("wagtailadmin_pages:usage", args=[lesson.pk]),
        "page history": reverse("wagtailadmin_pages:history", args=[lesson.pk]),
        "delete page": reverse("wagtailadmin_pages:delete", args=[handout.pk]),
        "search": reverse("wagtailadmin_pages:search") + "?q=derechos",
        "topics": reverse("wagtailsnippets_courses_topic:list"),
        "topic": reverse("wagtailsnippets_courses_topic:edit", args=[topic.pk]),
        "glossary": reverse("wagtailsnippets_courses_glossaryterm:list"),
        "glossary term": reverse("wagtailsnippets_courses_glossaryterm:edit", args=[term.pk]),
        "workshop reports": reverse("reports_workshopreport:index"),
        "site settings": reverse("wagtailsettings:edit", args=["cms", "sitesettings"]),
        "languages": reverse("wagtaillocales:index"),
        "translations report": reverse("wagtail_localize:translations_report"),
        "translation editor": reverse("wagtailadmin_pages:edit", args=[translated.pk]),
        "sync translations": reverse(
            "wagtail_localize:update_translations",
            args=[TranslationSource.objects.get(object_id=lesson.translation_key).pk],
        ),
        "images": reverse("wagtailimages:index"),
        "documents": reverse("wagtaildocs:index"),
        "account": reverse("wagtailadmin_account"),
    }


def test_the_editors_admin_pages_speak_spanish(admin_client):
    english = {}
    for name, url in editor_pages().items():
        response = admin_client.get(url, follow=True)
        assert response.status_code == 200, (name, url)
        found = english_on(response.text)
        if found:
            english[name] = sorted(found)
    assert not english, "\n".join(f"{page}: {found}" for page, found in english.items())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Exploring", "Explorando"),
        ("Autosave is paused", "El guardado automático está en pausa"),
        ("Yes, delete it", "Sí, eliminar"),
        ("Locales", "Idiomas"),
        ("Locale", "Idioma"),
        ("Switch locales", "Cambiar de idioma"),
        ("Settings", "Ajustes"),  # not "Propiedades", as the README says
        ("Page types usage", "Uso de los tipos de página"),  # in the Informes menu
    ],
)
def test_the_overrides_give_these_strings_their_spanish(text, expected):
    from django.utils import translation

    with translation.override("es"):
        assert translation.gettext(text) == expected
