"""Browser tests: Debian's Chromium, driven by Playwright, against the site
served the way production serves it (gunicorn, production settings,
WhiteNoise) from a fresh SQLite database with the demo curriculum.

They are skipped, with a plain notice, where Chromium is not installed,
unless TALLER_REQUIRE_BROWSER is set (CI sets it, so they always run there).
"""

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from bench import demo_site

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]
PROJECT = Path(__file__).resolve().parents[2]
ARTIFACTS = PROJECT / ".artifacts"
SITE_ENV = {}  # the environment of the site under test, for site_manage


def pytest_collection_modifyitems(config, items):
    if Path(CHROMIUM).exists():
        return
    message = "Chromium is not installed (Debian: apt-get install chromium): browser tests skipped"
    if os.environ.get("TALLER_REQUIRE_BROWSER"):
        raise pytest.UsageError(message.replace("skipped", "required by TALLER_REQUIRE_BROWSER"))
    skip = pytest.mark.skip(reason=message)
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def site_url(tmp_path_factory):
    """The demo site under gunicorn with production settings; yields its base URL."""
    folder = tmp_path_factory.mktemp("site")
    port = demo_site.free_port()
    env = demo_site.production_env(
        folder,
        CACHE_DIR=str(folder / "cache"),
        WAGTAILADMIN_BASE_URL=f"http://127.0.0.1:{port}",
        SERVE_MEDIA="true",
    )
    env.pop("REDIS_URL", None)
    SITE_ENV.update(env)
    demo_site.build(env)
    server = demo_site.start_server(env, workers=2, port=port)
    try:
        server.wait_until_up()
        yield server.url
    finally:
        server.stop()


@pytest.fixture(scope="session")
def site_manage(site_url):
    """Runs a manage.py command (or ``shell -c``) against the site's database."""

    def run(*command):
        return subprocess.run(
            [*demo_site.MANAGE, *command],
            env=SITE_ENV,
            cwd=PROJECT,
            check=True,
            capture_output=True,
            text=True,
        ).stdout

    return run


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=2)
    yield context.new_page()
    context.close()


@pytest.fixture
def desktop(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


def screenshot(page, name):
    """Keep a full-page screenshot for people to look at (.artifacts/, git-ignored)."""
    ARTIFACTS.joinpath("screenshots").mkdir(parents=True, exist_ok=True)
    page.screenshot(path=ARTIFACTS / "screenshots" / f"{name}.png", full_page=True)
