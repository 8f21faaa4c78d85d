"""Country pages read well in each language: anchors in the page's
language, a contact's kind not repeating its name, paper sizes that fit the
sentence they are in."""

import re

from django.utils import translation

import pytest

from courses.countries.card import RightsCardDocument
from courses.countries.models import CountryPage, HelpContact

pytestmark = pytest.mark.django_db


def country(code, language="es"):
    return CountryPage.objects.get(code=code, locale__language_code=language)


def anchors(html):
    return re.findall(r'<a href="#([^"]+)">', html[html.index('id="country-contents"') :])


def test_section_anchors_are_in_the_pages_language(client):
    html = client.get(country("bo").url).content.decode()
    found = anchors(html)
    assert "situacion-legal" in found and "contactos" in found
    assert not {"legal-status", "if-detained", "rights"} & set(found)
    for anchor in found:
        assert f'id="{anchor}"' in html
    english = CountryPage.objects.filter(locale__language_code="en").first()
    if english is not None:
        html = client.get(english.url).content.decode()
        assert "legal-status" in anchors(html) and "contacts" in anchors(html)


def test_a_contact_named_after_its_kind_does_not_repeat_it(client):
    page = country("ar")
    contact = page.contacts.get(name="Emergencias")
    assert contact.kind == HelpContact.Kind.EMERGENCY
    html = client.get(page.url).content.decode()
    assert "Emergencias · Emergencias" not in html
    card = html[html.index(">Emergencias</h3>") :]
    assert not card[: card.index("</li>")].count('<p class="tag">')
    other = page.contacts.exclude(name="Emergencias").first()
    assert other.kind_label == str(other.get_kind_display())


@pytest.mark.parametrize(
    ("language", "wanted", "unwanted"),
    [
        ("es", "En tamaño 1/4 de carta", "Un cuarto de carta"),
        ("en", "In Quarter Letter size", "A quarter of Letter"),
    ],
)
def test_the_quarter_letter_card_reads_well(client, language, wanted, unwanted):
    # The demo has country pages in both languages: a missing one is a regression.
    page = CountryPage.objects.filter(locale__language_code=language).first()
    assert page is not None, f"no {language} country page in the demo"
    html = client.get(page.url).content.decode()
    assert wanted in html
    assert unwanted not in html
    with translation.override(language):
        assert RightsCardDocument(page, "letter", language).paper_label in wanted
