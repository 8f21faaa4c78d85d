"""The workshop planner in a real browser on a 360 px phone, against the
production set-up: start a plan from a guide, add an activity of another
module from its guide (the device remembers the plan), a break, reorder,
change minutes and see the times move, download the pack; axe on every
planner page, at 360 and 1280 px."""

import io
import re
import zipfile
from urllib.parse import urlparse

import pytest
from pypdf import PdfReader

from tests import demo

from .conftest import screenshot

pytestmark = pytest.mark.browser

RIGHTS_GUIDE = demo.RIGHTS_GUIDE
CARE_GUIDE = demo.CARE_GUIDE
EDIT = re.compile(r"/es/planificador/[\w-]{16}/editar/[\w-]{43}/")


def open_page(page, url):
    return page.goto(url, wait_until="networkidle")


def item_titles(page):
    return page.locator(".plan-item__title").all_inner_texts()


def item_times(page):
    return page.locator("[data-item-time]").all_inner_texts()


def axe_clean(page, name, width):
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    assert results.violations_count == 0, (name, results.generate_report())
    assert page.evaluate("document.documentElement.scrollWidth") <= width, name
    screenshot(page, f"planner-{name}-{width}")


def build_plan(page, site_url):
    """From the rights guide to a plan of three items; returns the edit URL."""
    open_page(page, site_url + RIGHTS_GUIDE)
    # An activity that uses a handout, so the pack has one.
    page.get_by_role("link", name=re.compile(r"^Añadir a mi taller\s*: Verdadero o falso")).click()
    page.wait_for_load_state("networkidle")
    page.get_by_label("Nombre del taller").fill("Taller de derechos en Lima")
    page.get_by_label("Hora de inicio").fill("09:00")
    page.get_by_label("Duración prevista (minutos)").fill("60")
    page.get_by_role("button", name="Crear el plan").click()
    page.wait_for_load_state("networkidle")
    assert EDIT.search(page.url), page.url
    return page.url


def test_a_trainer_plans_a_workshop_on_a_phone(site_url, phone):
    requests = []
    phone.on("request", lambda request: requests.append(request.url))
    edit_url = build_plan(phone, site_url)
    warning = "Guarda este enlace; quien lo tenga puede cambiar el plan."
    assert phone.get_by_text(warning).is_visible()
    assert phone.locator("#edit-link").input_value() == edit_url
    screenshot(phone, "planner-new-360")
    first = item_titles(phone)
    assert len(first) == 1
    assert phone.evaluate("JSON.parse(localStorage.getItem('taller:plan')).url") == edit_url

    # Another module's guide now adds to this plan (JavaScript remembers it).
    open_page(phone, site_url + CARE_GUIDE)
    button = phone.get_by_role("link", name=re.compile("^Añadir a «Taller de derechos en Lima»"))
    button.first.click()
    phone.wait_for_load_state("networkidle")
    assert phone.url.startswith(edit_url)
    assert len(item_titles(phone)) == 2
    assert phone.get_by_text("Añadido:").is_visible()
    assert not phone.get_by_text("Guarda este enlace;").count()  # shown only once

    # A break of our own.
    phone.get_by_label("Pausa", exact=True).check()
    phone.locator("#propia").get_by_label("Título").fill("Merienda")
    phone.locator("#propia").get_by_label("Minutos").fill("15")
    phone.get_by_role("button", name="Añadir al plan").click()
    phone.wait_for_load_state("networkidle")
    titles = item_titles(phone)
    assert titles[-1] == "Merienda" and len(titles) == 3

    # Reorder: the break moves up one place.
    phone.get_by_role("button", name="Subir Merienda").click()
    phone.wait_for_load_state("networkidle")
    assert item_titles(phone) == [titles[0], "Merienda", titles[1]]

    # Change minutes: the times after it move.
    before = item_times(phone)
    phone.locator(".plan-item").first.get_by_label("Minutos").fill("45")
    phone.locator(".plan-item").first.get_by_role("button", name="Guardar").click()
    phone.wait_for_load_state("networkidle")
    after = item_times(phone)
    assert after[0].startswith("09:00–09:45")
    assert after[1].startswith("09:45") and after[1] != before[1]
    assert phone.get_by_text(re.compile("El plan se pasa")).is_visible()  # target 60 min
    screenshot(phone, "planner-edit-360")

    # The pack: the PDF and the ZIP of handouts, sizes shown once made.
    pdf_link = phone.get_by_role("link", name="Paquete del taller en un PDF")
    response = phone.request.get(site_url + pdf_link.get_attribute("href"))
    assert response.ok and response.headers["content-type"] == "application/pdf"
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(response.body())).pages)
    assert "Taller de derechos en Lima" in text and "Merienda" in text
    with phone.expect_download() as download_info:
        phone.get_by_role("link", name=re.compile("Hojas para participantes en ZIP")).click()
    archive = zipfile.ZipFile(download_info.value.path())
    assert "como-imprimir.txt" in archive.namelist()
    open_page(phone, edit_url)
    assert phone.locator(".downloads__meta").first.inner_text().endswith("KB")

    # The share link shows the plan, read-only.
    share_url = phone.locator("#share-link").input_value()
    open_page(phone, share_url)
    assert phone.locator("form[method=post]").count() == 0
    assert "Merienda" in phone.get_by_role("region", name="Horario del taller").inner_text()

    # Forget the plan on this device: the guides offer a new plan again.
    open_page(phone, edit_url)
    phone.get_by_role("button", name="Olvidar este plan en este dispositivo").click()
    assert phone.evaluate("localStorage.getItem('taller:plan')") is None
    open_page(phone, site_url + CARE_GUIDE)
    assert phone.get_by_role("link", name=re.compile("^Añadir a mi taller")).count() > 0

    origin = urlparse(site_url).netloc
    assert all(urlparse(url).netloc == origin for url in requests), requests
    assert not phone.context.cookies()


@pytest.mark.parametrize("width", [360, 1280])
def test_planner_pages_pass_axe(site_url, browser, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    open_page(page, site_url + "/es/planificador/")
    axe_clean(page, "start", width)
    edit_url = build_plan(page, site_url)
    axe_clean(page, "new", width)
    module = page.locator("#modulo option").nth(1).get_attribute("value")
    open_page(page, f"{edit_url}?modulo={module}")
    page.locator("input[name=actividad]").nth(1).check()
    page.get_by_role("button", name="Añadir las marcadas al plan").click()
    page.wait_for_load_state("networkidle")
    page.locator("#propia").get_by_label("Minutos").fill("-3")
    page.get_by_role("button", name="Añadir al plan").click()
    page.wait_for_load_state("networkidle")
    assert page.get_by_text("Los minutos tienen que ser al menos 1.").first.is_visible()
    axe_clean(page, "edit-error", width)
    open_page(page, edit_url)
    axe_clean(page, "edit", width)
    open_page(page, page.locator("#share-link").input_value())
    axe_clean(page, "share", width)
    open_page(page, edit_url + "borrar/")
    axe_clean(page, "delete", width)
    page.get_by_role("button", name="Sí, borrar el plan").click()
    page.wait_for_load_state("networkidle")
    assert page.get_by_text("El plan se borró").is_visible()
    assert page.evaluate("localStorage.getItem('taller:plan')") is None
    context.close()
