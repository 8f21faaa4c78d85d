"""Editors in the real admin (issue 14). An editor of one country: the live
preview shows the lesson and its draft PDF inside the editor, and another
country's page is refused. A moderator of the network: sets up two-step
verification, then translates a demo module into Portuguese offline (PO file
down and up) and publishes it."""

import base64
import io
import json
import re

import polib
import pytest
from django_otp.oath import totp
from pypdf import PdfReader

from .conftest import ARTIFACTS, screenshot

pytestmark = pytest.mark.browser

PASSWORD = "clave-de-prueba-larga-2026"

SETUP = """
import json
from django.contrib.auth.models import Group, User
from courses.countries.editors import group_name
from courses.countries.models import CountryPage
from courses.models import LessonPage
user = User.objects.create_user("edicion-bo", password=%(password)r)
user.groups.add(Group.objects.get(name=group_name("bo")))
lesson = next(
    page for page in LessonPage.objects.filter(locale__language_code="es").order_by("path")
    if page.country_notes.filter(country="bo").exists()
)
print(json.dumps({
    "lesson": lesson.pk,
    "lesson_title": lesson.title,
    "argentina": CountryPage.objects.get(code="ar", locale__language_code="es").pk,
}))
"""


@pytest.fixture(scope="module")
def bolivia(site_manage):
    site_manage("create_country_editors", "-v0")
    output = site_manage("shell", "-c", SETUP % {"password": PASSWORD})
    return json.loads(output.strip().splitlines()[-1])  # after what the shell says itself


@pytest.fixture
def editor_page(browser):
    """A desktop browser whose language is Spanish, as the organisations' are."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="es-419")
    yield context.new_page()
    context.close()


def sign_in(page, site_url, username):
    page.goto(site_url + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(site_url + "/admin/")


def test_a_country_editor_previews_a_lesson_and_its_draft_pdf(site_url, editor_page, bolivia):
    page = editor_page
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    sign_in(page, site_url, "edicion-bo")
    page.goto(f"{site_url}/admin/pages/{bolivia['lesson']}/edit/")
    page.click('[data-side-panel-toggle="preview"]')
    frame = page.frame_locator("#w-preview-iframe")
    frame.locator("h1").filter(has_text=bolivia["lesson_title"]).wait_for(timeout=30000)
    screenshot(page, "admin-preview-lesson-1280")

    with page.expect_response(
        lambda r: "/preview/" in r.url and "mode=pdf" in r.url, timeout=60000
    ) as answer:
        page.select_option("#id_preview_mode", "pdf")
    response = answer.value
    assert response.headers["content-type"] == "application/pdf"
    assert "frame-ancestors 'self'" in response.headers["content-security-policy"]
    # The frame's own copy goes to the PDF viewer: ask for the same preview again.
    pdf = page.request.get(response.url).body()
    (ARTIFACTS / "admin-preview.pdf").write_bytes(pdf)
    text = " ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "BORRADOR" in text
    assert "Publicado el" not in text
    assert not [e for e in errors if "frame-ancestors" in e or "Refused to" in e]


def test_a_country_editor_is_refused_another_countrys_page(site_url, editor_page, bolivia):
    page = editor_page
    sign_in(page, site_url, "edicion-bo")
    page.goto(f"{site_url}/admin/pages/{bolivia['argentina']}/edit/")
    assert page.locator("#page-edit-form").count() == 0
    assert "permiso" in page.content()


TRANSLATOR_SETUP = """
import json
from django.contrib.auth.models import Group, Permission, User
from wagtail.models import Locale
from wagtail_localize.models import Translation
from courses.models import ModulePage
user = User.objects.create_user("red-moderacion", password=%(password)r)
user.groups.add(Group.objects.get(name="Moderators"))
user.user_permissions.add(Permission.objects.get(codename="submit_translation"))
portuguese = Locale.objects.get(language_code="pt-br")
module = ModulePage.objects.filter(locale__language_code="es").order_by("path").last()
# Start from a module without its Portuguese version, as a new translation.
existing = module.get_translation_or_none(portuguese)
if existing is not None:
    keys = [page.translation_key for page in existing.get_descendants(inclusive=True)]
    existing.delete()
    Translation.objects.filter(source__object_id__in=keys, target_locale=portuguese).delete()
print(json.dumps({"module": module.pk, "title": module.title}))
"""

CHECK_PORTUGUESE = """
import json
from wagtail.models import Locale
from courses.models import ModulePage
module = ModulePage.objects.get(pk=%(module)d)
translated = module.get_translation(Locale.objects.get(language_code="pt-br"))
print(json.dumps({"title": translated.title, "live": translated.live,
                  "pages": translated.get_descendants().count(), "url": translated.url}))
"""


def test_a_moderator_sets_up_two_step_verification_and_translates_a_module_offline(
    site_url, editor_page, site_manage
):
    output = site_manage("shell", "-c", TRANSLATOR_SETUP % {"password": PASSWORD})
    module = json.loads(output.strip().splitlines()[-1])
    page = editor_page

    # Moderators must set up two-step verification before anything else.
    page.goto(site_url + "/admin/login/")
    page.fill("#id_username", "red-moderacion")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r".*/admin/verificacion/.*"))
    key = page.inner_text("#two-factor-key").replace(" ", "")
    secret = base64.b32decode(key + "=" * (-len(key) % 8))
    page.fill("#id_token", f"{totp(secret):06d}")
    page.press("#id_token", "Enter")
    assert page.locator("#recovery-codes li").count() == 10
    screenshot(page, "admin-two-factor-codes-1280")
    page.get_by_role("link", name="Seguir").click()

    # "Traducir": Portuguese, with its subpages.
    page.goto(f"{site_url}/admin/localize/submit/page/{module['module']}/")
    page.get_by_label("Português (Brasil)").check()
    page.get_by_label(re.compile("Incluir las subpáginas")).check()
    page.get_by_role("button", name="Enviar").click()
    page.wait_for_url(re.compile(r".*/admin/pages/\d+/edit/.*"))
    screenshot(page, "admin-translation-editor-1280")

    # Download the PO file, translate it offline, upload it.
    html = page.content()
    download = re.search(r"/admin/localize/translate/\d+/pofile/download/", html).group(0)
    po = polib.pofile(page.request.get(site_url + download).text())
    new_title = "Módulo traduzido off-line"
    for entry in po:
        entry.msgstr = new_title if entry.msgid == module["title"] else f"[pt] {entry.msgid}"
    token = page.locator("input[name=csrfmiddlewaretoken]").first.get_attribute("value")
    uploaded = page.request.post(
        site_url + download.replace("download", "upload"),
        multipart={
            "csrfmiddlewaretoken": token,
            "next": page.url.replace(site_url, ""),
            "file": {
                "name": "modulo.po",
                "mimeType": "text/x-gettext-translation",
                "buffer": str(po).encode(),
            },
        },
    )
    assert uploaded.ok

    # "Publicar en Português (Brasil)".
    page.reload()
    page.get_by_role("button", name=re.compile("Publicar en Português")).click()
    page.wait_for_load_state("networkidle")
    translated = json.loads(
        site_manage("shell", "-c", CHECK_PORTUGUESE % {"module": module["module"]})
        .strip()
        .splitlines()[-1]
    )
    assert translated["title"] == new_title
    assert translated["live"]
    assert translated["pages"] > 0
    page.goto(site_url + translated["url"])
    assert new_title in page.content()
