"""Uploads in an S3-compatible bucket (a real S3 API, served by moto on
127.0.0.1), linked and served on the site's own origin."""

import io

from django.core.files.images import ImageFile
from django.core.files.storage import default_storage
from django.test import override_settings

import pytest
from PIL import Image as PillowImage

from bench.demo_site import free_port

pytestmark = pytest.mark.django_db
BUCKET = "taller-test-media"


@pytest.fixture(scope="module")
def s3_endpoint():
    from moto.server import ThreadedMotoServer

    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


@pytest.fixture
def s3_storage(s3_endpoint, monkeypatch):
    import boto3

    for name, value in {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
    }.items():
        monkeypatch.setenv(name, value)
    client = boto3.client("s3", endpoint_url=s3_endpoint, region_name="us-east-1")
    client.create_bucket(Bucket=BUCKET)
    storages = {
        "default": {
            "BACKEND": "cms.storage.SameOriginS3Storage",
            "OPTIONS": {"bucket_name": BUCKET, "endpoint_url": s3_endpoint, "default_acl": None},
        },
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    with override_settings(STORAGES=storages, SERVE_MEDIA=True):
        yield client


def png_bytes():
    buffer = io.BytesIO()
    PillowImage.new("RGB", (800, 500), (122, 31, 92)).save(buffer, format="PNG")
    return buffer.getvalue()


def test_uploaded_images_and_renditions_go_to_the_bucket(s3_storage):
    from wagtail.images import get_image_model

    image = get_image_model()(title="Una ilustración")
    image.file = ImageFile(io.BytesIO(png_bytes()), name="ilustracion.png")
    image.save()
    rendition = image.get_rendition("width-360")

    keys = {item["Key"] for item in s3_storage.list_objects_v2(Bucket=BUCKET)["Contents"]}
    assert image.file.name in keys
    assert rendition.file.name in keys
    # Linked on the site's own origin: visitors never contact the bucket's host.
    assert rendition.url == "/media/" + rendition.file.name


def test_django_serves_public_images_from_the_bucket(s3_storage, client):
    name = default_storage.save("images/prueba.png", io.BytesIO(png_bytes()))
    response = client.get("/media/" + name)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert b"".join(response.streaming_content) == png_bytes()


def test_private_and_unknown_files_are_not_served_from_media(s3_storage, client):
    default_storage.save("documents/privado.pdf", io.BytesIO(b"%PDF-1.7 private"))
    default_storage.save("printed/ab/abcdef.pdf", io.BytesIO(b"%PDF-1.7 cached"))
    assert client.get("/media/documents/privado.pdf").status_code == 404
    assert client.get("/media/printed/ab/abcdef.pdf").status_code == 404
    assert client.get("/media/images/no-existe.png").status_code == 404
    assert client.get("/media/images/../documents/privado.pdf").status_code == 404
