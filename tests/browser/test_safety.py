"""Safety and accessibility in a real browser (issue 7): the quick exit by
button, by Shift ×3 and without JavaScript; a keyboard walk through a lesson;
touch targets; 320 px screens and 200 % zoom."""

import pytest

from .conftest import screenshot
from .test_pages import PAGES

pytestmark = pytest.mark.browser

NEUTRAL = "https://www.google.com/"
LESSON = PAGES["lesson"]


def stand_in_for_the_neutral_site(context):
    """Tests make no request to the outside world: Playwright answers for it."""
    context.route(
        "https://www.google.com/**",
        lambda route: route.fulfill(
            status=200,
            content_type="text/html",
            body="<!doctype html><html lang=en><title>Search</title><p>neutral</p></html>",
        ),
    )


@pytest.fixture
def visitor(browser):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    stand_in_for_the_neutral_site(context)
    yield context.new_page()
    context.close()


def test_the_button_leaves_at_once_and_back_does_not_return(site_url, visitor):
    visitor.goto(site_url + PAGES["home"])
    visitor.goto(site_url + LESSON)
    entries = visitor.evaluate("history.length")
    visitor.click(".quick-exit__button")
    visitor.wait_for_url(NEUTRAL)
    # location.replace: the lesson's entry was replaced, not added to.
    assert visitor.evaluate("history.length") == entries
    visitor.go_back()
    assert visitor.url == site_url + PAGES["home"]


def test_the_page_is_hidden_before_the_neutral_site_loads(site_url, visitor):
    visitor.goto(site_url + LESSON)
    hidden, title = visitor.evaluate(
        """() => {
            document.querySelector("[data-quick-exit-button]").click();
            return [getComputedStyle(document.body).visibility, document.title];
        }"""
    )
    assert hidden == "hidden"
    assert "Derechos" not in title
    visitor.wait_for_url(NEUTRAL)


def test_shift_pressed_three_times_leaves(site_url, visitor):
    visitor.goto(site_url + LESSON)
    visitor.keyboard.press("Shift")
    visitor.keyboard.press("Shift")
    status = visitor.locator("[data-quick-exit-status]")
    assert status.text_content() == "Mayús: pulsa 1 vez más para salir."
    visitor.keyboard.press("Shift")
    visitor.wait_for_url(NEUTRAL)


def test_shift_in_ordinary_typing_does_not_leave(site_url, visitor):
    visitor.goto(site_url + PAGES["search"])
    visitor.click("#search-q")
    visitor.keyboard.press("Shift")
    visitor.keyboard.press("Shift")
    visitor.keyboard.type("Ana")  # Shift+A, n, a: another key breaks the sequence
    visitor.keyboard.press("Shift")
    visitor.wait_for_timeout(300)
    assert visitor.url.startswith(site_url)
    assert visitor.locator("[data-quick-exit-status]").text_content() == (
        "Mayús: pulsa 2 veces más para salir."
    )


def test_without_javascript_the_button_is_a_plain_link(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    stand_in_for_the_neutral_site(context)
    page = context.new_page()
    page.goto(site_url + LESSON)
    page.click(".quick-exit__button")
    page.wait_for_url(NEUTRAL)
    context.close()


@pytest.mark.parametrize("width", [320, 360, 1280])
def test_the_button_stays_in_reach_while_reading(browser, site_url, width):
    context = browser.new_context(viewport={"width": width, "height": 700})
    page = context.new_page()
    page.goto(site_url + LESSON)
    page.evaluate("window.scrollTo(0, 1500)")
    box = page.locator(".quick-exit__button").bounding_box()
    assert box["width"] >= 44 and box["height"] >= 44
    assert 0 <= box["y"] < 60 and box["x"] + box["width"] <= width
    screenshot(page, f"quick-exit-scrolled-{width}")
    context.close()


FOCUS_STATE = """() => {
    const el = document.activeElement;
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
    return {
        tag: el.tagName, text: (el.textContent || "").trim().slice(0, 40),
        visible: box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < innerHeight,
        uncovered: !!hit && (el === hit || el.contains(hit) || hit.contains(el)),
        ring: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2,
        inFooter: !!el.closest("footer"),
        index: [...document.querySelectorAll("*")].indexOf(el),
    };
}"""


def test_a_lesson_can_be_read_by_keyboard_alone(site_url, desktop):
    desktop.goto(site_url + LESSON)
    seen = []
    for _ in range(150):
        desktop.keyboard.press("Tab")
        state = desktop.evaluate(FOCUS_STATE)
        if state["tag"] == "BODY" or (seen and state["index"] <= seen[-1]["index"]):
            break
        seen.append(state)
    assert seen[0]["text"] == "Saltar al contenido"
    assert seen[1]["text"] == "Salir rápido"
    assert seen[-1]["inFooter"], "the walk reaches the footer"
    for state in seen:
        assert state["visible"], state
        assert state["uncovered"], f"hidden under something: {state}"
        assert state["ring"], f"no visible focus: {state}"
    # The self-check answers open from the keyboard.
    desktop.goto(site_url + LESSON)
    summary = desktop.locator(".self-check__answer summary").first
    summary.focus()
    desktop.keyboard.press("Enter")
    assert desktop.locator(".self-check__answer").first.get_attribute("open") is not None


TARGETS = """() => [...document.querySelectorAll("a, button, summary, input, select, textarea")]
    .filter(el => el.offsetParent !== null && getComputedStyle(el).visibility !== "hidden")
    // Links inside a sentence are exempt (WCAG 2.5.8): only controls count.
    .filter(el => !(el.tagName === "A" && el.closest("p, li, dd, td, figcaption, .prose")
                    && !el.closest("nav, .quick-exit, .pager, .lesson-list, .topics, .cards")
                    && el.parentElement.textContent.trim() !== el.textContent.trim()))
    .map(el => { const b = el.getBoundingClientRect();
                 return {html: el.outerHTML.slice(0, 80), w: b.width, h: b.height}; })
    .filter(t => t.w < 44 || t.h < 44)"""


@pytest.mark.parametrize("name", ["home", "catalogue", "module", "lesson", "safety"])
def test_controls_are_at_least_44_px_square_on_a_phone(site_url, phone, name):
    phone.goto(site_url + PAGES[name])
    small = phone.evaluate(TARGETS)
    assert not small, small


@pytest.mark.parametrize("name", PAGES)
def test_pages_fit_320_px_and_200_percent_zoom(browser, site_url, name):
    # 200 % zoom of a 1280 px window lays the page out in 640 CSS pixels.
    for width, scale in ((320, 1), (640, 2)):
        context = browser.new_context(
            viewport={"width": width, "height": 600}, device_scale_factor=scale
        )
        page = context.new_page()
        page.goto(site_url + PAGES[name])
        assert page.evaluate("document.documentElement.scrollWidth") <= width, (name, width)
        assert page.locator(".quick-exit__button").is_visible()
        context.close()
