"""Editor content is untrusted: the print fetcher reads only our own static
and media files, rendering is bounded, and bad content fails cleanly."""

import http.server
import io
import os
import socket
import threading

from django.conf import settings
from django.core.files.base import ContentFile

from wagtail.images import get_image_model

import pytest
from pypdf import PdfReader

from courses.models import PrintedFile
from courses.printing.bounded import RenderTimeout, RenderTooLarge, Worker, run_bounded
from courses.printing.fetcher import RefusedURL, SafeURLFetcher
from courses.printing.render import render_pdf
from courses.templatetags.print_tags import print_image

from .conftest import first_module, pdf_text

BASE = "http://testserver/"


class RecordingHandler(http.server.BaseHTTPRequestHandler):
    requests = []

    def do_GET(self):  # noqa: N802 - the name http.server calls
        self.requests.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "text/css")
        self.end_headers()
        self.wfile.write(b"body { color: red }")

    def log_message(self, *args):
        pass


@pytest.fixture
def loopback_server():
    """An HTTP server on 127.0.0.1 that records any request it gets."""
    RecordingHandler.requests = []
    server = http.server.HTTPServer(("127.0.0.1", 0), RecordingHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", RecordingHandler.requests
    server.shutdown()
    server.server_close()


@pytest.fixture
def no_network(monkeypatch, tmp_path):
    """Any socket connection, in this process or a forked render child,
    leaves a mark in a file: the test then checks there is none."""
    marks = tmp_path / "connections.txt"
    real_connect = socket.socket.connect

    def connect(sock, address):
        with open(marks, "a") as out:
            out.write(f"{address}\n")
        return real_connect(sock, address)

    monkeypatch.setattr(socket.socket, "connect", connect)
    return marks


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        f"file://{settings.MEDIA_ROOT}/anything.png",
        "http://169.254.169.254/latest/meta-data/",
        "https://example.org/logo.png",
        BASE + "admin/",
        BASE + "es/modulos/",
        BASE + "static/../../../../etc/passwd",
        BASE + "static/%2e%2e/%2e%2e/etc/passwd",
        BASE + "media/..%2F..%2Fetc/passwd",
        "data:text/css,body{}",
        "ftp://127.0.0.1/x",
    ],
)
def test_fetcher_refuses_everything_but_our_static_and_media_files(url):
    fetcher = SafeURLFetcher(BASE)
    with pytest.raises((RefusedURL, FileNotFoundError)):
        fetcher.fetch(url)


def test_fetcher_refuses_the_loopback_server_without_calling_it(loopback_server):
    address, requests = loopback_server
    fetcher = SafeURLFetcher(BASE)
    for url in (address + "/style.css", address + "/static/print/print.css"):
        with pytest.raises(RefusedURL):
            fetcher.fetch(url)
    assert requests == []


def test_fetcher_serves_our_print_css_and_media_files():
    fetcher = SafeURLFetcher(BASE)
    css = fetcher.fetch(BASE + "static/print/print.css")
    assert css.content_type == "text/css" and b"@page" in css.read()
    media = SafeURLFetcher(BASE).media_storage
    name = media.save("print-test/dot.png", ContentFile(_png()))
    image = fetcher.fetch(BASE + "media/" + name)
    assert image.content_type == "image/png" and image.read() == _png()


def test_fetcher_does_not_follow_symlinks_out_of_media(tmp_path):
    link = os.path.join(settings.MEDIA_ROOT, "print-test-link.css")
    if os.path.lexists(link):
        os.remove(link)
    os.symlink("/etc/passwd", link)
    try:
        with pytest.raises(RefusedURL):
            SafeURLFetcher(BASE).fetch(BASE + "media/print-test-link.css")
    finally:
        os.remove(link)


def test_a_hostile_page_renders_without_reading_files_or_calling_anyone(
    loopback_server, no_network
):
    address, requests = loopback_server
    html = f"""<!doctype html><html lang="es"><head><title>Hostil</title>
      <link rel="attachment" href="file:///etc/passwd" title="passwd">
      <link rel="attachment" href="/static/print/print.css">
      <link rel="stylesheet" href="{address}/style.css">
      <link rel="stylesheet" href="http://169.254.169.254/latest/meta-data/style.css">
      <base href="{address}/"></head>
      <body><p>Texto visible</p>
      <img src="file:///etc/passwd"><img src="{address}/img.png">
      <img src="http://169.254.169.254/latest/meta-data/iam.png">
      <a rel="attachment" href="file:///etc/passwd">adjunto</a>
      <a rel="attachment" href="/static/print/print.css">otro</a>
      <iframe src="file:///etc/passwd"></iframe><object data="file:///etc/passwd"></object>
      </body></html>"""
    data, pages = render_pdf([html], BASE)
    reader = PdfReader(io.BytesIO(data))
    assert pages == 1
    assert reader.attachments == {}
    assert b"EmbeddedFile" not in data
    text = pdf_text(data)
    assert "Texto visible" in text and "root:" not in text
    assert requests == []
    assert not no_network.exists()


def test_a_render_over_the_time_bound_stops_with_a_clear_error():
    def endless():
        while True:
            pass

    with pytest.raises(RenderTimeout, match="no se pudo generar en 1 segundos"):
        run_bounded(endless, seconds=0.8, memory_bytes=0)


def test_a_render_over_the_memory_bound_stops_with_a_clear_error():
    def greedy():
        chunks = []
        while True:
            chunks.append(bytearray(16 * 1024 * 1024))

    with pytest.raises(RenderTooLarge, match="más memoria"):
        run_bounded(greedy, seconds=20, memory_bytes=64 * 1024 * 1024)


@pytest.mark.django_db
def test_a_huge_table_over_the_bound_gives_a_clear_503_and_no_file(
    client, settings, clean_print_cache
):
    settings.TALLER_PDF_TIMEOUT = 0.5
    handout = first_module().handouts[0]
    rows = [
        {"label": f"Fila {n}", "text": "Una fila más de una tabla enorme. " * 3}
        for n in range(4000)
    ]
    handout.body = [("facts", {"title": "Tabla enorme", "rows": rows})]
    handout.save_revision().publish()
    response = client.get(handout.url + "pdf/")
    assert response.status_code == 503
    assert "demasiado largo" in response.content.decode()
    assert response["Retry-After"]
    assert not PrintedFile.objects.filter(page=handout).exists()
    again = client.get(handout.url + "pdf/")  # remembered: no second long render
    assert again.status_code == 503


@pytest.mark.django_db
def test_unpublished_private_and_unknown_printouts_are_not_served(client, clean_print_cache):
    from wagtail.models import PageViewRestriction

    module = first_module()
    handout, other = module.handouts[0], module.handouts[1]
    handout.unpublish()
    assert client.get(handout.url_path and f"{other.url}pdf/legal/").status_code == 404
    assert client.get(module.url + "pdf/").status_code == 404
    assert client.get(other.url + "pack/zip/").status_code == 404
    restricted = module.handouts[2] if len(module.handouts) > 2 else other
    PageViewRestriction.objects.create(page=restricted, restriction_type="login")
    response = client.get(restricted.url + "pdf/")
    assert response.status_code == 302 and "login" in response["Location"]
    assert not PrintedFile.objects.filter(page=restricted).exists()
    gone = client.get(other.get_parent().url + handout.slug + "/pdf/")
    assert gone.status_code == 404


@pytest.mark.django_db
def test_missing_and_broken_images_print_a_placeholder_not_an_error(client, clean_print_cache):
    Image = get_image_model()
    broken = Image.objects.create(title="Rota", file=ContentFile(_png(), name="rota.png"))
    with broken.file.storage.open(broken.file.name, "wb") as damaged:  # a broken upload
        damaged.write(b"this is not a picture")
    assert "Imagen no disponible" in print_image(broken, "Una imagen rota")
    module = first_module()
    lesson = next(
        lesson for lesson in module.lessons if any(b.block_type == "figure" for b in lesson.body)
    )
    figure = next(b for b in lesson.body if b.block_type == "figure")
    image = figure.value["image"]
    image.renditions.all().delete()
    storage, name = image.file.storage, image.file.name
    with storage.open(name, "rb") as original:  # a demo image other tests use: put it back
        kept = original.read()
    storage.delete(name)
    try:
        assert "Imagen no disponible" in print_image(image, "x")
        response = client.get(lesson.url + "pdf/")
        assert response.status_code == 200
        assert "Imagen no disponible" in pdf_text(response.content)
    finally:
        storage.save(name, ContentFile(kept))


def _png():
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("L", (2, 2), 0).save(buffer, "PNG")
    return buffer.getvalue()


def _spin():
    while True:
        pass


def _allocate_forever():
    chunks = []
    while True:
        chunks.append(bytearray(16 * 1024 * 1024))


def _pid():
    return str(os.getpid()).encode()


def test_the_warm_render_worker_keeps_each_jobs_time_and_memory_bounds():
    worker = Worker()
    assert worker.run(bytes, (b"ok",), seconds=10, memory_bytes=64 * 1024 * 1024) == b"ok"
    first = worker.pid
    with pytest.raises(RenderTooLarge, match="más memoria"):
        worker.run(_allocate_forever, (), seconds=20, memory_bytes=64 * 1024 * 1024)
    with pytest.raises(RenderTimeout, match="no se pudo generar en 1 segundos"):
        worker.run(_spin, (), seconds=0.8, memory_bytes=0)
    # A failed worker is replaced; the next job runs as if nothing happened.
    assert worker.run(bytes, (b"again",), seconds=10, memory_bytes=64 * 1024 * 1024) == b"again"
    assert worker.pid not in (None, first)
    worker._stop(kill=True)


def test_the_warm_render_worker_serves_many_jobs_then_is_recycled():
    worker = Worker(max_jobs=3)
    pids = [worker.run(_pid, (), seconds=10, memory_bytes=0) for _ in range(4)]
    assert len(set(pids[:3])) == 1  # one process for the first three jobs
    assert pids[3] != pids[0]  # then a fresh one
    assert int(pids[0]) != os.getpid()
    worker._stop(kill=True)
