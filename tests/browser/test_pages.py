"""Every page type, in a real browser, on a phone and a desktop: loads only
from its own origin, fits a 360 px screen, works by keyboard, passes axe."""

from urllib.parse import urlparse

import pytest

from tests import demo

from .conftest import screenshot

pytestmark = pytest.mark.browser

PAGES = {
    "home": "/es/",
    "catalogue": "/es/modulos/",
    "module": demo.RIGHTS_MODULE,
    "lesson": demo.LESSON,
    "handout": demo.CARE_HANDOUT,
    "guide": demo.RIGHTS_GUIDE,
    "glossary": demo.GLOSSARY,
    "about": demo.ABOUT,
    "safety": demo.SAFETY,
    "sign-in": "/es/_util/login/",
    "my-modules": "/es/aprender/mis-modulos/",
    "offline": "/es/aprender/sin-conexion/",
    "search": "/es/buscar/?q=derechos",
    "not-found": "/es/no-existe/",
    "report-form": "/es/informe-de-taller/",
    "feedback": demo.FEEDBACK,
    "countries": demo.COUNTRIES,
    "country": demo.COUNTRY + "?pais=bo",
    "lesson-country-note": demo.LESSON_WITH_COUNTRY_NOTES + "?pais=bo",
}


def visit(page, url):
    """Open url, recording every request and console error on the way."""
    requests, errors, failed = [], [], []
    page.on("request", lambda request: requests.append(request.url))
    page.on("console", lambda msg: msg.type == "error" and errors.append(msg.text))
    page.on("requestfailed", lambda request: failed.append(request.url))
    response = page.goto(url, wait_until="networkidle")
    # Lazy images load only when scrolled to: scroll so they are requested too.
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_load_state("networkidle")
    return response, requests, errors, failed


@pytest.mark.parametrize("name", PAGES)
def test_page_on_a_phone(site_url, phone, name):
    response, requests, errors, failed = visit(phone, site_url + PAGES[name])
    assert response.status == (404 if name == "not-found" else 200)
    origin = urlparse(site_url).netloc
    assert all(urlparse(url).netloc == origin for url in requests), requests
    assert not failed, failed
    assert not [e for e in errors if "404" not in e or name != "not-found"], errors
    # Nothing wider than the screen: no sideways scrolling on a 360 px phone.
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot(phone, f"{name}-360")


@pytest.mark.parametrize("name", PAGES)
def test_page_has_no_accessibility_violations(site_url, desktop, name):
    from axe_playwright_python.sync_playwright import Axe

    desktop.goto(site_url + PAGES[name])
    results = Axe().run(desktop)
    assert results.violations_count == 0, results.generate_report()
    screenshot(desktop, f"{name}-1280")


def test_keyboard_reaches_the_content_through_the_skip_link(site_url, desktop):
    desktop.goto(site_url + PAGES["lesson"])
    desktop.keyboard.press("Tab")
    focused = desktop.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Saltar al contenido"
    desktop.keyboard.press("Enter")
    assert desktop.evaluate("location.hash") == "#main"


def test_self_check_reveals_answer_and_explanation_without_javascript(browser, site_url):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(site_url + PAGES["lesson"])
    answer = page.locator(".self-check__answer").first
    assert not answer.locator(".is-correct").is_visible()
    answer.locator("summary").click()
    assert answer.locator(".is-correct").is_visible()
    context.close()


def test_images_are_responsive_and_light(site_url, phone):
    visit(phone, site_url + PAGES["module"])
    sources = phone.eval_on_selector_all(
        "picture source", "els => els.map(e => e.getAttribute('type'))"
    )
    assert "image/avif" in sources and "image/webp" in sources
    chosen = phone.evaluate("document.querySelector('img.module-header__image').currentSrc")
    assert chosen.endswith(".avif")
