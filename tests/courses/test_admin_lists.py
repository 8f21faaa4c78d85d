"""Admin lists that mix languages (issue 14): snippets show their language
and can be filtered by it, the report form offers the report's modules,
a module's lessons are listed in the site's order, filters read Sí/No."""

import datetime
import re

from django.urls import reverse

from wagtail.models import Locale

import pytest

from courses.models import GlossaryTerm, ModulePage
from courses.reports.models import WorkshopReport

pytestmark = pytest.mark.django_db


def text_of(html):
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def a_translated_term():
    spanish = GlossaryTerm.objects.filter(locale=Locale.get_default()).order_by("pk")
    return next(term for term in spanish if term.get_translations().exists())


def test_glossary_terms_show_their_language_and_filter_by_it(admin_client):
    term = a_translated_term()
    portuguese = term.get_translations().get(locale__language_code="pt-br")
    url = reverse("wagtailsnippets_courses_glossaryterm:list")
    found = admin_client.get(url, {"q": term.term})
    assert found.status_code == 200
    rows = text_of(found.text).rsplit("Idioma", 1)[1]  # the table, after its header
    assert f"{term.slug} Español" in rows

    only_portuguese = admin_client.get(url, {"locale": "pt-br", "q": portuguese.term})
    rows = text_of(only_portuguese.text).rsplit("Idioma", 1)[1]
    assert portuguese.term in rows
    assert f"{portuguese.slug} Português" in rows
    assert "Español" not in rows


def test_topics_show_their_language(admin_client):
    listing = text_of(admin_client.get(reverse("wagtailsnippets_courses_topic:list")).text)
    assert "Idioma" in listing
    assert "Español" in listing and "Português" in listing


def test_a_modules_lessons_are_listed_in_the_order_of_the_site(admin_client):
    module = ModulePage.objects.filter(locale=Locale.get_default()).order_by("path").first()
    html = admin_client.get(reverse("wagtailadmin_explore", args=[module.pk])).text
    titles = [lesson.title for lesson in module.lessons]
    positions = [html.index(title) for title in titles]
    assert positions == sorted(positions)


def test_the_report_list_filter_reads_si_or_no(admin_client):
    WorkshopReport.objects.create(held_on=datetime.date(2026, 3, 1), country="bo", participants=9)
    url = reverse("reports_workshopreport:index")
    page = text_of(admin_client.get(url, {"reviewed": "false"}).text)
    assert "Revisado: No" in page
    assert "False" not in page
    page = text_of(admin_client.get(url, {"reviewed": "true"}).text)
    assert "Revisado: Sí" in page


def test_the_report_form_offers_the_modules_of_the_reports_language(admin_client):
    spanish = list(ModulePage.objects.filter(locale__language_code="es").order_by("path"))
    portuguese = ModulePage.objects.filter(locale__language_code="pt-br").first()
    report = WorkshopReport.objects.create(
        held_on=datetime.date(2026, 3, 1), country="bo", participants=9, language="es"
    )
    report.modules.set([portuguese])
    html = admin_client.get(reverse("reports_workshopreport:edit", args=[report.pk])).text
    form = text_of(html)
    for module in spanish:
        assert module.title in form
    # The one chosen in another language stays, labelled with its language.
    assert f"{portuguese.title} (Português (Brasil))" in form
    others = ModulePage.objects.exclude(locale__language_code="es").exclude(pk=portuguese.pk)
    for module in others:
        assert f'value="{module.pk}"' not in html
