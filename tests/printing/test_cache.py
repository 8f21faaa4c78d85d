"""Rendered files are cached by published revision, rendered once across
processes, refreshed on publish, and built ahead by ``build_pdfs``."""

import io
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.template.defaultfilters import filesizeformat

import pytest

from courses.models import PrintedFile
from courses.printing import get_printed_file, store
from courses.printing.documents import PrintDocument, document_for
from courses.printing.locks import DatabaseLock

from .conftest import fetch, first_module, pdf_text

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clean_print_cache")]


@pytest.fixture
def renders(monkeypatch):
    """Count real renders, one per document made (a handout fitted to its
    paper may be laid out more than once within one)."""
    calls = []
    real = PrintDocument.render_bytes

    def counting(document):
        calls.append(document)
        return real(document)

    monkeypatch.setattr(PrintDocument, "render_bytes", counting)
    return calls


def test_a_second_request_is_served_from_storage_and_revalidates(client, renders):
    handout = first_module().handouts[0]
    first, body = fetch(client, handout.url + "pdf/")
    second, again = fetch(client, handout.url + "pdf/")
    assert len(renders) == 1 and body == again
    not_modified = client.get(handout.url + "pdf/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert not_modified.status_code == 304 and not_modified.content == b""
    since = client.get(handout.url + "pdf/", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304
    assert len(renders) == 1


def test_the_download_links_show_the_size_once_the_file_is_cached(client, fake_renders):
    module = first_module()
    handout = module.handouts[0]
    page = client.get(handout.url).content.decode()
    assert "se prepara al pedirlo" in page
    record = get_printed_file(handout)
    cache.clear()  # the whole-page cache keeps the first copy of the page
    page = client.get(handout.url).content.decode()
    assert filesizeformat(record.size) in page
    assert handout.url + "pdf/letter/" in page


def test_publishing_drops_the_stale_file_and_renders_it_again(
    client, renders, django_capture_on_commit_callbacks
):
    handout = first_module().handouts[0]
    fetch(client, handout.url + "pdf/")
    old = PrintedFile.objects.get(page=handout)
    assert store.storage().exists(old.file_name)
    handout.title = "Nuestra historia, segunda edición"
    with django_capture_on_commit_callbacks(execute=True):
        handout.save_revision().publish()
    assert not PrintedFile.objects.filter(pk=old.pk).exists()
    assert not store.storage().exists(old.file_name)
    new = PrintedFile.objects.get(page=handout)  # rendered again in the "background"
    assert new.key != old.key and len(renders) == 2
    with store.read(new) as source:
        assert "segunda edición" in pdf_text(source.read())


def test_a_file_lost_from_storage_is_rendered_again(client, fake_renders):
    handout = first_module().handouts[0]
    record = get_printed_file(handout)
    store.storage().delete(record.file_name)
    response, body = fetch(client, handout.url + "pdf/")
    assert response.status_code == 200 and body.startswith(b"%PDF")
    assert len(fake_renders) == 2


def test_a_pack_zip_is_refused_not_half_made_when_storage_keeps_losing_a_part(
    client, fake_renders, monkeypatch
):
    guide = first_module().guide
    real_read = store.read

    def losing_parts(record):
        return real_read(record) if record.variant == "pack-zip" else None

    monkeypatch.setattr(store, "read", losing_parts)
    response = client.get(guide.url + "pack/zip/")
    assert response.status_code == 503 and response["Retry-After"]
    assert "Prueba de nuevo" in response.content.decode()
    assert not PrintedFile.objects.filter(page=guide, variant="pack-zip").exists()


def test_a_pdf_storage_keeps_losing_gets_the_try_again_page(client, fake_renders, monkeypatch):
    handout = first_module().handouts[0]
    monkeypatch.setattr(store, "read", lambda record: None)
    response = client.get(handout.url + "pdf/")
    assert response.status_code == 503 and response["Retry-After"] == "60"
    assert "Prueba de nuevo" in response.content.decode()


def test_the_database_lock_is_exclusive_and_expires():
    first, second = DatabaseLock("k" * 64, ttl=60), DatabaseLock("k" * 64, ttl=60)
    assert first.acquire()
    assert not second.acquire()
    first.release()
    assert second.acquire()
    second.release()
    stale, fresh = DatabaseLock("s" * 64, ttl=-1), DatabaseLock("s" * 64, ttl=60)
    assert stale.acquire()  # its holder died: the lock has already expired
    assert fresh.acquire()


def test_build_pdfs_renders_everything_with_a_progress_bar(fake_renders, tmp_path):
    out, err = io.StringIO(), io.StringIO()
    call_command("build_pdfs", "--paper", "a4", "--copy-to", tmp_path, stdout=out, stderr=err)
    module = first_module()
    guide = module.guide
    assert "100%" in err.getvalue()  # tqdm's bar
    summary = out.getvalue()
    assert "0 failed" in summary
    assert PrintedFile.objects.filter(page=guide, variant="pack-zip").exists()
    assert (tmp_path / "es" / document_for(module.handouts[0]).file_name).exists()
    count = len(fake_renders)
    call_command("build_pdfs", "--paper", "a4", stdout=io.StringIO(), stderr=io.StringIO())
    assert len(fake_renders) == count  # everything was cached


WORKER = """
import os, sys, time
from pathlib import Path
import django
django.setup()
from courses.printing import get_printed_file
from courses.printing.documents import PrintDocument
from courses.models import HandoutPage

real = PrintDocument.render_bytes

def counting(document):
    with open(sys.argv[2], "a") as log:
        log.write(f"{os.getpid()}\\n")
    time.sleep(1.0)  # a slow render: the others arrive meanwhile
    return real(document)

PrintDocument.render_bytes = counting
page = HandoutPage.objects.get(pk=int(sys.argv[1]))
while not Path(sys.argv[3]).exists():
    time.sleep(0.01)
print(get_printed_file(page).key)
"""


def test_concurrent_first_requests_in_separate_processes_render_once(django_db_blocker, tmp_path):
    if connection.vendor != "sqlite":
        pytest.skip("copies the SQLite test database for the worker processes")
    database = tmp_path / "db.sqlite3"
    with django_db_blocker.unblock():
        connection.ensure_connection()
        copy = sqlite3.connect(database)
        connection.connection.backup(copy)
        copy.close()
    (tmp_path / "worker_settings.py").write_text(
        textwrap.dedent(f"""
        from cms.settings.test import *
        DATABASES = {{"default": {{"ENGINE": "django.db.backends.sqlite3",
                                  "NAME": {str(database)!r}, "OPTIONS": {{"timeout": 20}}}}}}
        MEDIA_ROOT = {str(tmp_path / "media")!r}
        """)
    )
    (tmp_path / "worker.py").write_text(WORKER)
    log, go = tmp_path / "renders.log", tmp_path / "go"
    handout = first_module().handouts[0]
    env = {
        "PATH": "/usr/bin:/bin",
        "PYTHONPATH": f"{tmp_path}:{settings.BASE_DIR}",
        "DJANGO_SETTINGS_MODULE": "worker_settings",
    }
    workers = [
        subprocess.Popen(  # noqa: S603 - our own interpreter and script
            [sys.executable, str(tmp_path / "worker.py"), str(handout.pk), str(log), str(go)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            cwd=settings.BASE_DIR,
        )
        for _ in range(3)
    ]
    time.sleep(0.5)
    go.touch()
    results = [worker.communicate(timeout=120) for worker in workers]
    for worker, (_out, err) in zip(workers, results, strict=True):
        assert worker.returncode == 0, err.decode()[-2000:]
    keys = {out.decode().strip().splitlines()[-1] for out, _ in results}
    assert len(keys) == 1
    assert len(log.read_text().split()) == 1
    files = list(Path(tmp_path / "media").rglob("*.pdf"))
    assert len(files) == 1


@pytest.mark.skipif(not settings.REDIS_URL, reason="REDIS_URL is not set (CI sets it)")
def test_the_redis_lock_is_exclusive_and_expires():
    import time

    from courses.printing.locks import RedisLock, render_lock

    assert isinstance(render_lock("r" * 64, ttl=60), RedisLock)
    first, second = RedisLock("r" * 64, ttl=60), RedisLock("r" * 64, ttl=60)
    assert first.acquire()
    assert not second.acquire()
    first.release()
    assert second.acquire()
    second.release()
    short, later = RedisLock("e" * 64, ttl=1), RedisLock("e" * 64, ttl=60)
    assert short.acquire()
    time.sleep(1.2)  # its holder died: Redis let the lock expire
    assert later.acquire()
    later.release()
    short.release()  # releasing an expired lock is harmless


def test_after_publish_with_a_worker_both_papers_show_their_size(
    client, fake_renders, settings, django_capture_on_commit_callbacks
):
    settings.TALLER_PDF_WARM_ON_PUBLISH = True  # as with a real background worker
    handout = first_module().handouts[0]
    with django_capture_on_commit_callbacks(execute=True):
        handout.save_revision().publish()
    papers = set(PrintedFile.objects.filter(page=handout).values_list("paper", flat=True))
    assert papers == {"a4", "letter"}
    cache.clear()
    page = client.get(handout.url).content.decode()
    assert "se prepara al pedirlo" not in page
    for record in PrintedFile.objects.filter(page=handout):
        assert filesizeformat(record.size) in page
