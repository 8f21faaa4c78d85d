"""Facilitate live in a real browser: the countdown, the day's clock, the
state kept on the device, the projector driven from the facilitator's view,
live mode offline, and the agenda without JavaScript."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from tests import demo

from .conftest import screenshot
from .test_learning import save_module, wait_for_service_worker

pytestmark = pytest.mark.browser

GUIDE = demo.RIGHTS_GUIDE
LIVE = GUIDE + "en-vivo/"
PROJECTOR = GUIDE + "proyector/"
NINE = datetime.datetime(2026, 12, 7, 9, 0, tzinfo=datetime.UTC)


def new_page(browser, width, **options):
    context = browser.new_context(
        viewport={"width": width, "height": 740 if width < 600 else 900},
        timezone_id="UTC",
        **options,
    )
    methods = []
    context.on("request", lambda request: methods.append((request.method, request.url)))
    return context, context.new_page(), methods


def text(page, name):
    return page.locator(f"[data-live-{name}]").inner_text()


def clock_time(line):
    return re.search(r"\d\d:\d\d", line).group(0)


def minutes_between(earlier, later):
    def as_minutes(hhmm):
        hours, minutes = hhmm.split(":")
        return int(hours) * 60 + int(minutes)

    return as_minutes(later) - as_minutes(earlier)


def only_gets(methods):
    return [entry for entry in methods if entry[0] != "GET"]


def test_live_mode_from_a_guide_counts_down_and_keeps_the_day_on_time(site_url, browser):
    context, page, methods = new_page(browser, 360)
    page.clock.install(time=NINE)
    page.goto(site_url + GUIDE)
    page.get_by_role("link", name="Facilitar en vivo").click()
    page.wait_for_url(site_url + LIVE)
    panel = page.locator("[data-live-panel]")
    assert panel.is_visible()
    assert text(page, "position") == "Actividad 1 de 9"
    first_minutes = int(page.locator("[data-live-item]").first.get_attribute("data-minutes"))
    assert text(page, "timer") == f"{first_minutes}:00"

    page.get_by_role("button", name="Empezar", exact=True).click()
    page.clock.run_for(61_000)
    # The timer shows the time left, at the last second's tick.
    assert text(page, "timer") in (f"{first_minutes - 2}:59", f"{first_minutes - 1}:00")
    assert "Vas a tiempo." in text(page, "delay")
    next_start = clock_time(text(page, "next"))
    expected_end = clock_time(text(page, "expected"))
    planned_end = clock_time(text(page, "planned"))
    assert next_start == f"09:{first_minutes:02d}"
    assert expected_end == planned_end

    page.get_by_role("button", name="Añadir 5 minutos").click()
    assert minutes_between(next_start, clock_time(text(page, "next"))) == 5
    assert minutes_between(expected_end, clock_time(text(page, "expected"))) == 5
    assert clock_time(text(page, "planned")) == planned_end
    assert "Vas 5 minutos atrasada." in text(page, "delay")
    assert text(page, "minutes") == f"{first_minutes + 5} min para esta actividad"
    screenshot(page, "live-facilitator-360")

    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()

    # A reload keeps the workshop where it was: this activity, its extra
    # minutes, the timer still running.
    page.reload()
    assert text(page, "position") == "Actividad 1 de 9"
    assert text(page, "minutes") == f"{first_minutes + 5} min para esta actividad"
    assert page.get_by_role("button", name="Pausar").is_visible()
    assert "Vas 5 minutos atrasada." in text(page, "delay")

    # Pause, then skip to the next activity and come back.
    page.get_by_role("button", name="Pausar").click()
    page.get_by_role("button", name="Siguiente").click()
    assert text(page, "position") == "Actividad 2 de 9"
    assert page.locator("[data-live-item].is-current").count() == 1
    page.get_by_role("button", name="Anterior").click()
    assert text(page, "position") == "Actividad 1 de 9"
    assert "En pausa." in text(page, "delay")

    assert only_gets(methods) == []
    assert not context.cookies()
    context.close()


def test_time_up_is_shown_gently(site_url, browser):
    context, page, methods = new_page(browser, 360)
    page.clock.install(time=NINE)
    page.goto(site_url + LIVE)
    first_minutes = int(page.locator("[data-live-item]").first.get_attribute("data-minutes"))
    page.get_by_role("button", name="Empezar", exact=True).click()
    page.clock.run_for((first_minutes * 60 + 5) * 1000)
    assert text(page, "timer") in ("+0:04", "+0:05")
    assert text(page, "timeup") == "Se acabó el tiempo de esta actividad."
    assert "is-over" in page.locator("[data-live]").get_attribute("class")
    context.close()


def test_the_projector_follows_the_facilitator_and_shows_no_notes(site_url, browser):
    context, live, methods = new_page(browser, 1280)
    live.goto(site_url + LIVE)
    private = live.evaluate(
        """() => [...document.querySelectorAll('.note--facilitator, .note--safety')]
            .flatMap((note) => [...note.querySelectorAll('p, li')])
            .map((el) => el.textContent.trim())
            .filter((t) => t.length > 20)"""
    )
    assert len(private) > 9
    projector = context.new_page()
    projector.goto(site_url + PROJECTOR)
    shown = projector.evaluate("document.body.textContent")
    for sentence in private:
        assert sentence not in shown, sentence

    slides = projector.locator("[data-live-item]")
    assert slides.nth(0).is_visible() and not slides.nth(1).is_visible()
    live.get_by_role("button", name="Empezar", exact=True).click()
    live.get_by_role("button", name="Siguiente").click()
    slides.nth(1).wait_for()
    assert projector.locator("[data-live-timer]").is_visible()
    # The room's clicker (or arrows) moves the facilitator's view as well.
    projector.keyboard.press("PageDown")
    live.get_by_text("Actividad 3 de 9").wait_for()
    projector.keyboard.press("ArrowLeft")
    live.get_by_text("Actividad 2 de 9").wait_for()
    assert slides.nth(1).is_visible()

    from axe_playwright_python.sync_playwright import Axe

    for page in (live, projector):
        results = Axe().run(page)
        assert results.violations_count == 0, results.generate_report()
    screenshot(live, "live-facilitator-1280")
    screenshot(projector, "live-projector-1280")
    projector.set_viewport_size({"width": 360, "height": 740})
    screenshot(projector, "live-projector-360")
    assert only_gets(methods) == []
    context.close()


def test_live_mode_runs_offline_once_the_module_is_saved(site_url, browser):
    context, page, methods = new_page(browser, 360)
    save_module(page, site_url)
    page.goto(site_url + LIVE)
    wait_for_service_worker(page)
    context.set_offline(True)
    try:
        page.goto(site_url + LIVE)
        assert page.locator("h1").inner_text().startswith("Guía de facilitación")
        assert page.locator("[data-live-panel]").is_visible()
        before = text(page, "timer")
        page.get_by_role("button", name="Empezar", exact=True).click()
        after = page.evaluate(
            """() => new Promise((done) => setTimeout(
              () => done(document.querySelector("[data-live-timer]").textContent), 2000))"""
        )
        assert after != before
        page.goto(site_url + PROJECTOR)
        assert page.locator("[data-live-item]").first.is_visible()
    finally:
        context.set_offline(False)
    assert only_gets(methods) == []
    context.close()


def test_a_plans_live_views_are_saved_on_the_device_and_open_offline(site_url, browser):
    from .test_planner import build_plan

    context, page, methods = new_page(browser, 360)
    edit_url = build_plan(page, site_url)
    share = re.search(r"/es/planificador/[\w-]{16}/", edit_url).group(0)
    page.goto(site_url + share + "en-vivo/")
    wait_for_service_worker(page)
    page.get_by_role("button", name="Guardar para usar sin conexión").click()
    status = page.locator("[data-live-save-status]")
    expect(status).to_contain_text("Guardado en este dispositivo")
    screenshot(page, "live-plan-saved-360")
    context.set_offline(True)
    try:
        page.goto(site_url + share + "en-vivo/")
        assert page.locator("h1").inner_text() == "Taller de derechos en Lima"
        assert page.locator("[data-live-panel]").is_visible()  # its script was saved too
        page.goto(site_url + share + "proyector/")
        assert page.locator("[data-live-item]").first.is_visible()
        # Listed with the saved modules on the offline page.
        page.goto(site_url + "/es/aprender/sin-conexion/")
        expect(page.locator("[data-saved-list]")).to_contain_text("Taller de derechos en Lima")
        saved = page.locator("[data-saved-list]").inner_text()
        assert "Plan de taller, para facilitar en vivo" in saved
    finally:
        context.set_offline(False)
    # Removed from the device, it no longer opens offline.
    page.goto(site_url + share + "en-vivo/")
    page.get_by_role("button", name="Quitar de este dispositivo").click()
    expect(page.get_by_role("button", name="Guardar para usar sin conexión")).to_be_visible()
    context.set_offline(True)
    try:
        page.goto(site_url + share + "en-vivo/")
        assert page.locator("h1").inner_text() != "Taller de derechos en Lima"
    finally:
        context.set_offline(False)
    assert [m for m in only_gets(methods) if "/en-vivo/" in m[1] or "/proyector/" in m[1]] == []
    context.close()


def test_without_javascript_live_mode_is_the_agenda(site_url, browser):
    context, page, methods = new_page(browser, 360, java_script_enabled=False)
    page.goto(site_url + LIVE)
    assert not page.locator("[data-live-panel]").is_visible()
    items = page.locator("[data-live-item]")
    assert items.count() == 9
    assert items.first.locator("h3").inner_text().startswith("09:00 ")
    assert items.first.locator(".steps li").first.is_visible()
    assert items.nth(1).locator("[data-live-starts]").inner_text() != "09:00"
    screenshot(page, "live-nojs-360")
    context.close()
