"""The public site on a phone (360 × 740) as its users meet it: a header
that leaves room for the page, a menu that opens without JavaScript and from
the keyboard, self-checks answered without JavaScript, several activities
added to a plan at once, and progress that follows a change of language."""

import re

import pytest
from playwright.sync_api import expect

from tests import demo

from .conftest import screenshot

pytestmark = pytest.mark.browser

MODULE = demo.RIGHTS_MODULE
LESSON = demo.LESSON
PAGES = {
    "home": "/es/",
    "catalogue": "/es/modulos/",
    "module": MODULE,
    "lesson": LESSON,
    "handout": demo.RIGHTS_HANDOUT,
    "guide": demo.RIGHTS_GUIDE,
    "countries": demo.COUNTRIES,
    "country": demo.COUNTRY,
    "planner": "/es/planificador/",
}


def header_height(page):
    return page.evaluate(
        "() => document.querySelector('.site-header').getBoundingClientRect().bottom"
    )


@pytest.fixture
def phone_without_js(browser):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 740})
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("name", ["home", "module", "lesson", "country"])
def test_the_phone_header_keeps_brand_exit_and_language_in_140_px(site_url, phone, name):
    phone.goto(site_url + PAGES[name])
    assert header_height(phone) <= 140
    for selector in (
        ".brand",
        ".quick-exit__button",
        ".language-switcher summary",
        ".site-menu summary",
    ):
        assert phone.locator(selector).is_visible(), selector
    assert not phone.locator(".site-nav--wide").is_visible()
    assert not phone.locator(".site-menu__nav").is_visible()
    # The page's title starts on the first screen, well above the fold.
    assert phone.locator("h1").first.bounding_box()["y"] < 300


def test_the_menu_opens_from_the_keyboard_and_its_links_work(site_url, phone):
    phone.goto(site_url + PAGES["lesson"])
    summary = phone.locator(".site-menu summary")
    summary.focus()
    phone.keyboard.press("Enter")
    menu = phone.locator(".site-menu__nav")
    assert menu.is_visible()
    links = menu.get_by_role("link")
    assert links.count() >= 3
    phone.keyboard.press("Tab")
    focused = phone.evaluate("() => document.activeElement.closest('.site-menu__nav') !== null")
    assert focused
    screenshot(phone, "site-menu-open-360")
    menu.get_by_role("link", name="Buscar").click()
    phone.wait_for_url(re.compile(r"/es/buscar/"))


def test_the_menu_opens_without_javascript(site_url, phone_without_js):
    page = phone_without_js
    page.goto(site_url + PAGES["home"])
    assert header_height(page) <= 140
    page.locator(".site-menu summary").click()
    assert page.locator(".site-menu__nav").get_by_role("link", name="Buscar").is_visible()


def test_the_wide_screen_shows_the_links_in_a_row(site_url, desktop):
    desktop.goto(site_url + PAGES["home"])
    assert desktop.locator(".site-nav--wide").get_by_role("link", name="Buscar").is_visible()
    assert not desktop.locator(".site-menu").is_visible()


def test_a_self_check_is_answered_without_javascript(site_url, phone_without_js):
    page = phone_without_js
    page.goto(site_url + LESSON)
    check = page.locator("[data-self-check]").first
    check.get_by_role("radio").first.check()
    check.get_by_role("button", name="Comprobar").click()
    page.wait_for_url(re.compile(r"\?respuesta=1-a#pregunta-1$"))
    check = page.locator("[data-self-check]").first
    feedback = check.locator("[data-self-check-feedback]")
    assert "Esa no es la respuesta" in feedback.text_content()
    assert "Los derechos humanos no dependen de tu trabajo" in feedback.text_content()
    assert "artículo 7" in feedback.text_content()
    assert check.get_by_role("radio").first.is_checked()
    # The question is in view: the address's anchor brought the learner back to it.
    box = check.bounding_box()
    assert box["y"] < 740 and box["y"] + box["height"] > 0
    screenshot(page, "self-check-answered-nojs-360")
    check.get_by_role("radio").nth(1).check()
    check.get_by_role("button", name="Comprobar").click()
    page.wait_for_url(re.compile(r"respuesta=1-b"))
    text = page.locator("[data-self-check] [data-self-check-feedback]").first.text_content()
    assert "Respuesta correcta" in text


def test_four_activities_are_added_from_one_module_in_one_step(site_url, phone):
    phone.goto(site_url + PAGES["planner"])
    phone.get_by_role("button", name=re.compile("Crear")).first.click()
    phone.wait_for_url(re.compile(r"/editar/"))
    phone.locator("#modulo").select_option(index=1)
    phone.get_by_role("button", name="Ver sus actividades").click()
    boxes = phone.locator(".planner-pick input[type=checkbox]")
    titles = []
    for n in range(4):
        boxes.nth(n).check()
        titles.append(
            phone.locator(".planner-activities__choice").nth(n).inner_text().split("\n")[0]
        )
    posts = []
    phone.on("request", lambda r: posts.append(r) if r.method == "POST" else None)
    phone.get_by_role("button", name="Añadir las marcadas al plan").click()
    phone.wait_for_url(re.compile(r"anadido=.*#anadido$"))
    assert len(posts) == 1
    notice = phone.locator("#anadido")
    assert notice.is_visible()
    box = notice.bounding_box()
    assert 0 <= box["y"] < 740, box  # where the trainer looks, not off-screen
    for title in titles:
        assert title.split(" ")[0] in notice.inner_text()
    # Still in the module: its list is open for more.
    assert phone.locator(".planner-pick input[type=checkbox]").count() > 4
    assert phone.locator(".plan-item").count() == 4
    screenshot(phone, "planner-added-four-360")


def test_copy_says_copiado(site_url, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(site_url + PAGES["planner"])
    page.get_by_role("button", name=re.compile("Crear")).first.click()
    page.wait_for_url(re.compile(r"/editar/"))
    empty = page.locator(".plan-item--empty")
    assert empty.bounding_box()["width"] > 500  # not squeezed into a narrow column
    page.locator("[data-copy=share-link]").click()
    status = page.locator('[data-copy-status="share-link"]')
    assert status.get_attribute("role") == "status"
    # The clipboard answers asynchronously: wait for the words, do not race them.
    expect(status).to_have_text("Copiado")
    expect(page.locator("[data-copy=share-link]")).to_have_text("Copiado")
    context.close()


def test_progress_follows_the_learner_to_another_language(site_url, phone):
    phone.goto(site_url + LESSON, wait_until="networkidle")
    phone.get_by_role("button", name="Marcar como terminada").click()
    phone.get_by_text("Marcaste esta lección como terminada.").wait_for()
    phone.locator(".language-switcher summary").click()
    phone.locator(".language-switcher__list").get_by_role("link", name="Português (Brasil)").click()
    phone.wait_for_url(re.compile(r"/pt-br/"))
    phone.wait_for_load_state("networkidle")
    assert phone.locator("[data-done-box]").get_attribute("class").find("is-done") >= 0
    phone.goto(phone.url.rsplit("/", 2)[0] + "/", wait_until="networkidle")
    assert phone.locator("[data-progress-text]").inner_text().startswith("1 ")


def test_progress_kept_by_page_id_moves_to_the_translation_key(site_url, phone):
    phone.goto(site_url + MODULE, wait_until="networkidle")
    first = phone.locator("[data-progress-keys]").get_attribute("data-progress-keys").split()[0]
    old_id, key = first.split(":")
    phone.evaluate(
        "id => localStorage.setItem('taller:avance', JSON.stringify({done: {[id]: 1}, last: {}}))",
        old_id,
    )
    phone.reload(wait_until="networkidle")
    stored = phone.evaluate("() => JSON.parse(localStorage.getItem('taller:avance')).done")
    assert stored == {key: 1}
    assert phone.locator("[data-progress-text]").inner_text().startswith("1 ")


@pytest.mark.parametrize("width", [360, 1280])
def test_every_page_type_passes_axe_with_the_new_header(site_url, browser, width):
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    for name, path in PAGES.items():
        page.goto(site_url + path, wait_until="networkidle")
        if width == 360:
            page.locator(".site-menu summary").click()
        results = Axe().run(page)
        assert results.violations_count == 0, (name, results.generate_report())
        screenshot(page, f"site-{name}-{width}")
    context.close()
