"""Editable handouts: every handout as .docx and .odt, opened again with
python-docx and odfpy, holding the handout's headings, check boxes and
writing lines; served like the PDFs, with their size on the page."""

import io

from django.core.cache import cache
from django.test import Client

import pytest
from docx import Document
from odf import teletype, text
from odf.opendocument import load

from courses.models import HandoutPage
from courses.printing.documents import document_for

from .conftest import fetch

pytestmark = pytest.mark.django_db


def spanish_handouts():
    return list(HandoutPage.objects.live().filter(locale__language_code="es").order_by("path"))


def expected_texts(handout):
    """What must survive: the title, every heading, check-box item, field
    label and fact of the handout."""
    found = [handout.title]
    for block in handout.body:
        value = block.value
        if block.block_type in ("checklist", "fill_in", "facts", "key_message"):
            found.append(value["title"])
        if block.block_type == "checklist":
            found += [f"☐ {item}" for item in value["items"]]
        if block.block_type == "fill_in":
            found += list(value["fields"])
        if block.block_type == "facts":
            found += [row["label"] for row in value["rows"]]
    return found


def test_every_handout_opens_in_word_format_with_its_text_and_lines():
    for handout in spanish_handouts():
        data, _ = document_for(handout, "docx", "a4").render_bytes()
        document = Document(io.BytesIO(data))
        paragraphs = [p.text for p in document.paragraphs]
        styles = {p.text: p.style.name for p in document.paragraphs}
        assert styles[handout.title] == "Heading 1"
        for expected in expected_texts(handout):
            assert any(expected in p for p in paragraphs), (handout.title, expected)
        fields = [b for b in handout.body if b.block_type == "fill_in"]
        if fields:  # writing lines: empty paragraphs with a bottom border
            lines = [p for p in document.paragraphs if not p.text and "w:bottom" in p._p.xml]
            assert len(lines) >= sum(len(b.value["fields"]) for b in fields)
        assert document.core_properties.title == handout.title
        assert round(document.sections[0].page_width.mm) == 210


def test_every_handout_opens_in_opendocument_format_with_its_text():
    for handout in spanish_handouts():
        data, _ = document_for(handout, "odt", "letter").render_bytes()
        document = load(io.BytesIO(data))
        headings = [teletype.extractText(h) for h in document.getElementsByType(text.H)]
        assert headings[0] == handout.title
        body = "\n".join(teletype.extractText(p) for p in document.getElementsByType(text.P))
        for expected in expected_texts(handout)[1:]:
            assert expected in body or expected in headings, (handout.title, expected)


def test_editable_files_are_served_cached_and_listed_with_their_size():
    cache.clear()
    client = Client()
    handout = spanish_handouts()[0]
    before = client.get(handout.url).content.decode()
    assert "Hoja editable para Word (.docx)" in before
    assert "Hoja editable para LibreOffice (.odt)" in before
    response, body = fetch(client, handout.url + "pdf/a4/docx/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert response["Content-Disposition"].startswith("attachment;")
    assert ".docx" in response["Content-Disposition"]
    assert Document(io.BytesIO(body)).paragraphs[0].text == handout.title
    again, same = fetch(client, handout.url + "pdf/a4/docx/")
    assert same == body
    cache.clear()  # the whole-page cache kept the page from before
    page = client.get(handout.url).content.decode()
    assert f"DOCX · A4 · {len(body) // 1024}" in page.replace("\xa0", " ")
    assert client.get(handout.url + "pdf/a4/nada/").status_code == 404
    cache.clear()
