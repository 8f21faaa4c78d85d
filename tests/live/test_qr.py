"""Printed handouts and pack covers lead back online: a QR code and the
short address of the module, and nothing else."""

import io

import pytest
import segno
from pypdf import PdfReader

from courses.templatetags.qr_tags import module_qr
from tests.printing.conftest import fetch, first_module

pytestmark = pytest.mark.django_db


def compact(data):
    reader = PdfReader(io.BytesIO(data))
    return "".join("".join(page.extract_text() or "" for page in reader.pages).split())


def address(module):
    return module.get_full_url().split("://", 1)[1].rstrip("/")


def test_a_handout_pdf_carries_its_module_address(client, clean_print_cache):
    module = first_module()
    response, body = fetch(client, module.handouts[0].url + "pdf/")
    assert response["Content-Type"] == "application/pdf"
    text = compact(body)
    assert "Estudiaestemóduloentuteléfono" in text
    assert address(module).replace(" ", "") in text


def test_the_pack_cover_carries_the_module_address(client, clean_print_cache):
    module = first_module()
    response, body = fetch(client, module.guide.url + "pack/pdf/")
    assert response["Content-Type"] == "application/pdf"
    cover = PdfReader(io.BytesIO(body)).pages[0].extract_text()
    assert address(module) in "".join(cover.split())


def test_the_qr_code_holds_the_module_address_only():
    module = first_module()
    qr = module_qr(module)
    url = module.get_full_url()
    assert qr["address"] == address(module)
    # The drawing is exactly segno's code for the bare address: no plan,
    # no person, no tracking parameter.
    expected = segno.make(url, error="m", micro=False)
    assert qr["svg"] == expected.svg_inline(
        border=2, dark="#000", light="#fff", omitsize=True, title=f"QR: {address(module)}"
    )
    assert "?" not in url and "#" not in url
    assert expected.designator  # a real QR code (version-error level)


def test_a_discreet_print_has_no_qr_code():
    class Discreet:
        discreet = True

    assert module_qr(first_module(), Discreet()) is None
