"""The anonymous forms in a real browser, without JavaScript: a trainer
files a workshop report and a participant answers the feedback form, on a
phone, and no cookie is ever set."""

import pytest

from tests import demo

from .conftest import screenshot

pytestmark = pytest.mark.browser


@pytest.fixture
def phone_without_js(browser):
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": 360, "height": 740}, device_scale_factor=2
    )
    yield context
    context.close()


def test_report_form_works_without_javascript_and_sets_no_cookie(site_url, phone_without_js):
    page = phone_without_js.new_page()
    page.goto(site_url + "/es/informe-de-taller/")
    page.get_by_role("button", name="Enviar el informe").click()
    assert page.get_by_role("alert").is_visible()
    assert "Revisa el formulario" in page.content()
    screenshot(page, "report-form-errors-360")

    page.get_by_label("Fecha del taller").fill("2026-03-08")
    page.get_by_label("País").select_option("py")
    page.get_by_label("Número de participantes").fill("18")
    page.get_by_label("Autoestima y cuidado colectivo").check()
    page.get_by_label("Notas (opcional)").fill("Salió muy bien.")
    page.get_by_role("button", name="Enviar el informe").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Gracias por tu informe"
    assert phone_without_js.cookies() == []


def test_feedback_form_works_without_javascript_and_sets_no_cookie(site_url, phone_without_js):
    page = phone_without_js.new_page()
    page.goto(site_url + demo.FEEDBACK)
    page.get_by_label("5 · Muy útil").check()
    page.get_by_label("¿Qué fue lo más útil para ti?").fill("Los sociodramas.")
    page.get_by_label("Sí", exact=True).check()
    page.get_by_role("button", name="Enviar mis respuestas").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Gracias"
    screenshot(page, "feedback-thanks-360")
    assert phone_without_js.cookies() == []
