"""Uploads in the admin: images and documents are checked by type, size and
dimensions, and refused with a message that says why (issue 7)."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.images import get_image_model

import pytest
from PIL import Image as PILImage

pytestmark = pytest.mark.django_db


def png(width, height):
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), "#7a1f5c").save(buffer, "PNG")
    return buffer.getvalue()


def upload_image(client, name, content):
    before = get_image_model().objects.count()
    response = client.post(
        reverse("wagtailimages:add"),
        {"title": "Prueba", "file": SimpleUploadedFile(name, content), "collection": 1},
    )
    created = get_image_model().objects.count() - before
    return response, created


def upload_document(client, name, content):
    before = get_document_model().objects.count()
    response = client.post(
        reverse("wagtaildocs:add"),
        {"title": "Prueba", "file": SimpleUploadedFile(name, content), "collection": 1},
    )
    created = get_document_model().objects.count() - before
    return response, created


def test_a_normal_image_is_accepted(admin_client):
    response, created = upload_image(admin_client, "ilustracion.png", png(800, 600))
    assert response.status_code == 302 and created == 1


def test_an_image_too_wide_is_refused_with_its_size(admin_client):
    response, created = upload_image(admin_client, "panorama.png", png(8001, 10))
    assert created == 0
    html = response.content.decode()
    assert "8001 × 10 píxeles" in html and "8000 píxeles de lado" in html


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("foto.png", b"<html><script>alert(1)</script></html>"),
        ("dibujo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        ("foto.jpg", None),  # a PNG named .jpg
        ("foto.bmp", None),
    ],
)
def test_files_that_are_not_allowed_images_are_refused(admin_client, name, content):
    response, created = upload_image(admin_client, name, content or png(20, 20))
    assert created == 0
    assert response.status_code == 200
    assert "error" in response.content.decode()


@override_settings(WAGTAILIMAGES_MAX_UPLOAD_SIZE=1000)
def test_an_image_too_heavy_is_refused(admin_client):
    response, created = upload_image(admin_client, "grande.png", png(400, 400) + b"\0" * 2000)
    assert created == 0


def test_a_real_pdf_is_accepted(admin_client):
    response, created = upload_document(admin_client, "hoja.pdf", b"%PDF-1.4\n%...\n%%EOF\n")
    assert response.status_code == 302 and created == 1


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("programa.exe", b"MZ\x90\x00", "extensi"),
        ("pagina.html", b"<html></html>", "extensi"),
        ("notas.pdf", b"<html><script>alert(1)</script></html>", "no es un .pdf válido"),
        ("notas.docx", b"%PDF-1.4", "no es un .docx válido"),
        ("notas.txt", b"<!DOCTYPE html><script>alert(1)</script>", "texto simple"),
        ("notas.txt", b"\xff\xfe\x00\x00binario\x00", "texto"),
        # A UTF-8 byte order mark first: browsers skip it and still see a page.
        ("notas.txt", b"\xef\xbb\xbf<html><script>alert(1)</script>", "texto simple"),
        ("datos.csv", b"\xef\xbb\xbf \n<svg onload=alert(1)>", "texto simple"),
    ],
)
def test_documents_that_are_not_what_they_say_are_refused(admin_client, name, content, message):
    response, created = upload_document(admin_client, name, content)
    assert created == 0
    assert message in response.content.decode()


@override_settings(WAGTAILDOCS_MAX_UPLOAD_SIZE=100)
def test_a_document_too_heavy_is_refused(admin_client):
    response, created = upload_document(admin_client, "larga.pdf", b"%PDF-1.4\n" + b"x" * 500)
    assert created == 0
    assert "100" in response.content.decode()


def test_the_multiple_uploader_checks_documents_too(admin_client):
    before = get_document_model().objects.count()
    response = admin_client.post(
        reverse("wagtaildocs:add_multiple"),
        {"files[]": SimpleUploadedFile("falso.pdf", b"<html>"), "collection": 1},
    )
    assert get_document_model().objects.count() == before
    assert "no es un .pdf válido" in response.json()["error_message"]
