"""Collected static files: ours are minified before they are hashed and
compressed; other packages' files are left as they ship."""

import json
from pathlib import Path

from django.contrib.staticfiles import finders
from django.core.management import call_command

import pytest


@pytest.fixture
def collected(tmp_path, settings):
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "cms.staticfiles.MinifyingStaticFilesStorage"},
    }
    call_command("collectstatic", interactive=False, verbosity=0)
    return tmp_path, json.loads((tmp_path / "staticfiles.json").read_text())["paths"]


def test_our_css_and_js_are_sent_minified_and_hashed_as_sent(collected):
    root, manifest = collected
    for name in ("css/taller.css", "learning/lesson.js", "js/quick-exit.js"):
        source = Path(finders.find(name)).read_text(encoding="utf-8")
        sent = (root / manifest[name]).read_text(encoding="utf-8")
        assert "/*" in source or "//" in source
        assert "/*" not in sent and len(sent) < 0.9 * len(source), name
        assert (root / (manifest[name] + ".gz")).exists()


def test_other_packages_files_are_left_as_they_ship(collected):
    root, manifest = collected
    name = "wagtailadmin/js/core.js"
    assert (root / manifest[name]).read_bytes() == Path(finders.find(name)).read_bytes()
