"""The pocket rights card: a small PDF of a country page, read back, cached
by published revision like every printed file."""

import io

from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test import Client

import pytest
from pypdf import PdfReader

from courses.countries.models import CountryPage, HelpContact
from courses.models import PrintedFile
from courses.printing.documents import document_for

from ..printing.conftest import fetch, pdf_text

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clean_print_cache")]

A6 = (297.6, 419.5)  # points
QUARTER_LETTER = (306.0, 396.0)


def bolivia():
    return CountryPage.objects.get(code="bo", locale__language_code="es")


@pytest.fixture(scope="module")
def card(django_db_setup, django_db_blocker):
    """Bolivia's card, fetched once through its page route (A4 → A6) and
    in Letter, in a transaction rolled back afterwards."""
    with django_db_blocker.unblock(), transaction.atomic():
        cache.clear()
        client = Client()
        page = bolivia()
        results = {
            "a4": fetch(client, page.url + "pdf/"),
            "letter": fetch(client, page.url + "pdf/letter/"),
            "contacts": list(page.contacts.all()),
            "page": page,
        }
        transaction.set_rollback(True)
    cache.clear()
    return results


def size(pdf_page):
    box = pdf_page.mediabox
    return round(float(box.width), 1), round(float(box.height), 1)


def test_the_card_is_a_small_pdf_on_a6_pages(card):
    response, body = card["a4"]
    assert response.status_code == 200, body[:300]
    assert response["Content-Type"] == "application/pdf"
    pdf = PdfReader(io.BytesIO(body))
    assert 1 <= len(pdf.pages) <= 4
    for page in pdf.pages:
        assert size(page) == pytest.approx(A6, abs=1)
    letter = PdfReader(io.BytesIO(card["letter"][1]))
    assert size(letter.pages[0]) == pytest.approx(QUARTER_LETTER, abs=1)


def test_the_card_holds_the_essentials_and_every_contact_with_its_phone(card):
    text = pdf_text(card["a4"][1])
    page = card["page"]
    assert "cartilla de derechos" in text.lower()
    assert "Bolivia" in text
    assert page.card_point_list[0] in text
    for contact in card["contacts"]:
        assert contact.name in text
        if contact.phone:
            assert contact.phone in text
    assert "Ejemplo" in text  # the example-content warning goes on paper too
    assert page.organisation_name in text


def test_the_card_has_title_language_and_tags(card):
    pdf = PdfReader(io.BytesIO(card["a4"][1]))
    assert pdf.metadata.title == "Cartilla de derechos: Bolivia"
    root = pdf.trailer["/Root"]
    assert root["/Lang"] == "es"
    assert "/StructTreeRoot" in root
    response = card["a4"][0]
    assert response["Content-Disposition"] == 'inline; filename="cartilla-de-derechos-bolivia.pdf"'


def test_the_portuguese_card_is_in_portuguese(client):
    brazil = CountryPage.objects.filter(code="br", locale__language_code="pt-br").first()
    assert brazil is not None
    response, body = fetch(client, brazil.url + "pdf/")
    assert response.status_code == 200
    pdf = PdfReader(io.BytesIO(body))
    assert pdf.trailer["/Root"]["/Lang"] == "pt-br"
    text = pdf_text(body)
    assert "Disque 100" in text and "Polícia Militar" in text


def test_the_card_is_cached_by_revision_and_a_new_contact_makes_a_new_one(
    client, fake_renders, django_capture_on_commit_callbacks
):
    page = bolivia()
    first, body = fetch(client, page.url + "pdf/")
    again, same = fetch(client, page.url + "pdf/")
    assert first.status_code == 200 and body == same and len(fake_renders) == 1
    old_key = document_for(page, "card").key()
    page.contacts.add(HelpContact(name="Nueva línea de ayuda", kind="other", phone="000 111"))
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    page.refresh_from_db()
    new_key = document_for(page, "card").key()
    assert new_key != old_key
    # The publish dropped the stale file; the next download is the new revision.
    assert not PrintedFile.objects.filter(key=old_key).exists()
    cache.clear()
    fetch(client, page.url + "pdf/")
    assert PrintedFile.objects.filter(key=new_key, variant="card").exists()


def test_the_download_link_shows_the_size_once_the_card_is_cached(client, fake_renders):
    from django.template.defaultfilters import filesizeformat

    from courses.printing import store

    page = bolivia()
    assert "se prepara al pedirlo" in client.get(page.url).content.decode()
    record = store.ensure(document_for(page, "card"))
    cache.clear()
    html = client.get(page.url).content.decode()
    assert filesizeformat(record.size) in html
    assert "A6 (un cuarto de A4)" in html
    assert page.url + "pdf/letter/" in html


def test_editors_can_preview_a_draft_card(rf, admin_user):
    page = bolivia()
    page.card_points = "Una frase nueva que todavía es borrador."
    page.save_revision()  # a draft, not published
    draft = page.get_latest_revision_as_object()
    request = rf.get("/")
    request.user = admin_user
    assert "pdf" in [mode for mode, _label in draft.preview_modes]
    response = draft.serve_preview(request, "pdf")
    assert response["Content-Type"] == "application/pdf"
    assert "no-store" in response["Cache-Control"]
    assert "Una frase nueva que todavía es borrador." in pdf_text(response.content)
    assert not PrintedFile.objects.filter(page=page).exists()


def test_build_pdfs_renders_the_cards(fake_renders):
    out = io.StringIO()
    call_command("build_pdfs", "--paper", "a4", "--no-progress", "--language", "es", stdout=out)
    cards = {d.page.code for d in fake_renders if d.variant == "card"}
    assert cards >= {"ar", "bo", "br", "ec", "gt"}
