"""Fixtures for the printing tests: rendered PDFs shared within a test
module (rendering costs ~0.3 s a page), read back with pypdf."""

import io
import re
from functools import lru_cache

from django.core.cache import cache
from django.db import transaction
from django.test import Client
from django.utils.html import strip_tags

import pytest
from pypdf import PdfReader

from courses.models import ModulePage


def first_module():
    return ModulePage.objects.live().order_by("path").first()


def lesson_with(module, block_type):
    for lesson in module.lessons:
        if any(block.block_type == block_type for block in lesson.body):
            return lesson
    raise LookupError(block_type)


def fetch(client, url, **headers):
    response = client.get(url, **headers)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response, body


@lru_cache(maxsize=16)
def pdf_text(data):
    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def plain(html, length=60):
    """The start of a rich text field as PDF text extraction sees it."""
    return " ".join(strip_tags(html).split())[:length]


def words(text):
    return re.sub(r"\s+", " ", text)


@pytest.fixture(scope="module")
def printed(django_db_setup, django_db_blocker):
    """Every kind of printed file for the first demo module, fetched through
    its page routes once per test module, inside a transaction rolled back
    at the end (files rendered into the test media folder stay)."""
    results = {}
    with django_db_blocker.unblock(), transaction.atomic():
        cache.clear()
        client = Client()
        module = first_module()
        guide = module.guide
        handout = module.handouts[0]
        lesson = lesson_with(module, "self_check")
        urls = {
            "handout": handout.url + "pdf/",
            "lesson": lesson.url + "pdf/",
            "guide": guide.url + "pdf/",
            "pack": guide.url + "pack/pdf/",
            "zip": guide.url + "pack/zip/",
        }
        for name, url in urls.items():
            results[name] = fetch(client, url)
        results["pages"] = {
            "module": module,
            "guide": guide,
            "handout": handout,
            "lesson": lesson,
            "handouts": list(module.handouts),
            "activities": list(guide.activity_list),
        }
        transaction.set_rollback(True)
    cache.clear()
    return results
