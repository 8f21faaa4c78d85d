"""The language switcher in a real browser: on a phone, by keyboard, with axe."""

import pytest

from .conftest import screenshot

pytestmark = pytest.mark.browser

LESSON_EN = "/en/modules/know-and-defend-our-rights/rights-that-always-apply/"


def open_switcher_by_keyboard(page):
    page.focus(".language-switcher__toggle")
    page.keyboard.press("Enter")
    assert page.locator(".language-switcher").get_attribute("open") is not None


def test_the_switcher_on_a_phone_leads_to_the_same_lesson(site_url, phone):
    phone.goto(site_url + LESSON_EN, wait_until="networkidle")
    assert phone.locator("html").get_attribute("lang") == "en"
    open_switcher_by_keyboard(phone)
    box = phone.locator(".language-switcher__list").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot(phone, "lesson-en-360-languages")
    with phone.expect_navigation():
        phone.locator('.language-switcher__list a[hreflang="pt-br"]').click()
    assert phone.locator("html").get_attribute("lang") == "pt-br"
    assert "/pt-br/modulos/conhecer-e-defender-nossos-direitos/" in phone.url
    # Back to English by keyboard alone.
    open_switcher_by_keyboard(phone)
    phone.focus('.language-switcher__list a[hreflang="en"]')
    with phone.expect_navigation():
        phone.keyboard.press("Enter")
    assert phone.url == site_url + LESSON_EN


def test_the_open_switcher_passes_axe(site_url, desktop):
    from axe_playwright_python.sync_playwright import Axe

    desktop.goto(site_url + LESSON_EN, wait_until="networkidle")
    open_switcher_by_keyboard(desktop)
    results = Axe().run(desktop)
    assert results.violations_count == 0, results.generate_report()
