"""Editors in the real admin (issue 14), as the network works.

An editor of one country (Edición: Bolivia): the live preview shows a lesson
and its draft PDF inside the editor; she changes Bolivia's note in a Spanish
lesson and sends it to review; another country's page and the translation of
the shared curriculum are refused to her. A moderator of the network
(Moderación), after setting up two-step verification: translates a demo
module into Portuguese offline (PO file down and up) and publishes it, then
publishes the Bolivian editor's change and syncs it into the Portuguese
lesson. Country editors neither publish nor translate the curriculum:
wagtail-localize's permission to translate covers every page, so only the
network's translators and moderators hold it (README, "Country editors").
"""

import base64
import io
import json
import re
import time

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
from wagtail.models import Locale
from wagtail_localize.models import Translation
from courses.countries.editors import group_name
from courses.countries.models import CountryPage
from courses.models import LessonPage, ModulePage
editor = User.objects.create_user("edicion-bo", password=%(password)r)
editor.groups.add(Group.objects.get(name=group_name("bo")))
moderator = User.objects.create_user("red-moderacion", password=%(password)r)
moderator.groups.add(Group.objects.get(name="Moderación"))
portuguese = Locale.objects.get(language_code="pt-br")
module = ModulePage.objects.filter(locale__language_code="es").order_by("path").last()
# Start from a module without its Portuguese version, as a new translation.
existing = module.get_translation_or_none(portuguese)
if existing is not None:
    keys = [page.translation_key for page in existing.get_descendants(inclusive=True)]
    existing.delete()
    Translation.objects.filter(source__object_id__in=keys, target_locale=portuguese).delete()
# A lesson of another module, with a note for Bolivia and a Portuguese translation.
lesson = next(
    page
    for page in LessonPage.objects.filter(locale__language_code="es").order_by("path")
    if page.country_notes.filter(country="bo").exists()
    and not page.is_descendant_of(module)
    and page.get_translation_or_none(portuguese)
)
print(json.dumps({
    "lesson": lesson.pk,
    "lesson_title": lesson.title,
    "portuguese_lesson": lesson.get_translation(portuguese).pk,
    "module": module.pk,
    "module_title": module.title,
    "argentina": CountryPage.objects.get(code="ar", locale__language_code="es").pk,
}))
"""


@pytest.fixture(scope="module")
def demo(site_manage):
    site_manage("create_country_editors", "-v0")
    output = site_manage("shell", "-c", SETUP % {"password": PASSWORD})
    return json.loads(output.strip().splitlines()[-1])  # after what the shell says itself


@pytest.fixture
def editor_page(browser):
    """A desktop browser whose language is Spanish, as the organisations' are."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="es-419")
    yield context.new_page()
    context.close()


def sign_in(page, site_url, username, token=None):
    page.goto(site_url + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    if token:
        page.fill("#id_otp_token", token)
    page.click("button[type=submit]")


@pytest.fixture(scope="module")
def moderator_secret(site_url, browser, demo):
    """The moderator's first sign-in: two-step verification is set up before
    anything else. Returns the app's secret, for her later sign-ins."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="es-419")
    page = context.new_page()
    sign_in(page, site_url, "red-moderacion")
    page.wait_for_url(re.compile(r".*/admin/verificacion/.*"))
    key = page.inner_text("#two-factor-key").replace(" ", "")
    secret = base64.b32decode(key + "=" * (-len(key) % 8))
    page.fill("#id_token", f"{totp(secret):06d}")
    page.press("#id_token", "Enter")
    page.locator("#recovery-codes li").first.wait_for(timeout=30000)
    assert page.locator("#recovery-codes li").count() == 10
    screenshot(page, "admin-two-factor-codes-1280")
    context.close()
    return secret


USED_STEPS = set()


def fresh_code(secret):
    """The app's code for the next time step, never one already used (a
    code is accepted once)."""
    step = int(time.time()) // 30 + 1
    while step in USED_STEPS:
        time.sleep(1)
        step = int(time.time()) // 30 + 1
    USED_STEPS.add(step)
    return f"{totp(secret, drift=step - int(time.time()) // 30):06d}"


@pytest.fixture
def moderator_page(site_url, editor_page, moderator_secret):
    sign_in(editor_page, site_url, "red-moderacion", fresh_code(moderator_secret))
    editor_page.wait_for_url(site_url + "/admin/")
    return editor_page


def test_a_country_editor_previews_a_lesson_and_its_draft_pdf(site_url, editor_page, demo):
    page = editor_page
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    sign_in(page, site_url, "edicion-bo")
    page.wait_for_url(site_url + "/admin/")
    page.goto(f"{site_url}/admin/pages/{demo['lesson']}/edit/")
    page.click('[data-side-panel-toggle="preview"]')
    frame = page.frame_locator("#w-preview-iframe")
    frame.locator("h1").filter(has_text=demo["lesson_title"]).wait_for(timeout=30000)
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


def test_a_country_editor_is_refused_another_countrys_page_and_the_curriculum_translation(
    site_url, editor_page, demo
):
    page = editor_page
    sign_in(page, site_url, "edicion-bo")
    page.wait_for_url(site_url + "/admin/")
    page.goto(f"{site_url}/admin/pages/{demo['argentina']}/edit/")
    assert page.locator("#page-edit-form").count() == 0
    assert "permiso" in page.content()
    # "Traducir" is not offered on the lesson she edits, and its address is refused.
    page.goto(f"{site_url}/admin/pages/{demo['lesson']}/edit/")
    assert page.locator("#page-edit-form").count() == 1
    assert page.locator("a[href*='/admin/localize/submit/']").count() == 0
    page.goto(f"{site_url}/admin/localize/submit/page/{demo['module']}/")
    assert "/admin/localize/" not in page.url
    assert "permiso" in page.content()


CHECK_PORTUGUESE = """
import json
from wagtail.models import Locale
from courses.models import ModulePage
module = ModulePage.objects.get(pk=%(module)d)
translated = module.get_translation(Locale.objects.get(language_code="pt-br"))
print(json.dumps({"title": translated.title, "live": translated.live,
                  "pages": translated.get_descendants().count(), "url": translated.url}))
"""


def test_a_moderator_translates_a_module_offline_and_publishes_it(
    site_url, moderator_page, site_manage, demo
):
    page = moderator_page
    # "Traducir": Portuguese, with its subpages.
    page.goto(f"{site_url}/admin/localize/submit/page/{demo['module']}/")
    page.get_by_label("Português (Brasil)").check()
    page.get_by_label(re.compile("Incluir las subpáginas")).check()
    page.get_by_role("button", name="Enviar", exact=True).click()
    page.wait_for_url(re.compile(r".*/admin/pages/\d+/edit/.*"))
    screenshot(page, "admin-translation-editor-1280")

    # Download the PO file, translate it offline, upload it.
    html = page.content()
    download = re.search(r"/admin/localize/translate/\d+/pofile/download/", html).group(0)
    po = polib.pofile(page.request.get(site_url + download).text())
    new_title = "Módulo traduzido off-line"
    for entry in po:
        entry.msgstr = new_title if entry.msgid == demo["module_title"] else f"[pt] {entry.msgid}"
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
        site_manage("shell", "-c", CHECK_PORTUGUESE % {"module": demo["module"]})
        .strip()
        .splitlines()[-1]
    )
    assert translated["title"] == new_title
    assert translated["live"]
    assert translated["pages"] > 0
    page.goto(site_url + translated["url"])
    assert new_title in page.content()


NOTE = "Nota revisada por la organización de Bolivia."
NOTES = """
import json
from courses.models import LessonPage
def notes(pk):
    lesson = LessonPage.objects.get(pk=pk)
    return [note.text for note in lesson.country_notes.filter(country="bo")]
lesson = LessonPage.objects.get(pk=%(lesson)d)
draft = lesson.get_latest_revision_as_object()
print(json.dumps({
    "in_review": lesson.workflow_in_progress,
    "draft": [note.text for note in draft.country_notes.all() if note.country == "bo"],
    "live": notes(%(lesson)d),
    "portuguese": notes(%(portuguese_lesson)d),
}))
"""


def notes(site_manage, demo):
    return json.loads(site_manage("shell", "-c", NOTES % demo).strip().splitlines()[-1])


def test_a_country_editors_change_is_published_and_synced_by_a_moderator(
    site_url, browser, site_manage, demo, moderator_secret
):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="es-419")
    page = context.new_page()
    # The Bolivian editor rewrites Bolivia's note in the Spanish lesson and sends it to review.
    sign_in(page, site_url, "edicion-bo")
    page.wait_for_url(site_url + "/admin/")
    page.goto(f"{site_url}/admin/pages/{demo['lesson']}/edit/")
    prefix = page.locator("select[name^='country_notes-'][name$='-country']").evaluate_all(
        "selects => selects.find(s => s.value === 'bo').name.replace(/-country$/, '')"
    )
    text = page.locator(f"#id_{prefix}-text").locator("xpath=..").locator("[contenteditable=true]")
    text.click()
    page.keyboard.press("Control+A")
    page.keyboard.type(NOTE)
    # Draftail writes its field a moment after the last key.
    page.wait_for_function(
        "id => document.getElementById(id).value.includes('Nota revisada')", arg=f"id_{prefix}-text"
    )
    page.locator("footer").get_by_role("button", name="Más acciones").click()
    with page.expect_navigation():
        page.get_by_role("button", name="Enviar a Revisión antes de publicar").click()
    state = notes(site_manage, demo)
    assert state["in_review"]
    assert [NOTE in note for note in state["draft"]] == [True], state
    assert NOTE not in " ".join(state["live"])
    context.clear_cookies()

    # A moderator approves and publishes it, then "Sincronizar páginas traducidas".
    sign_in(page, site_url, "red-moderacion", fresh_code(moderator_secret))
    page.wait_for_url(site_url + "/admin/")
    page.goto(f"{site_url}/admin/pages/{demo['lesson']}/edit/")
    page.locator("footer").get_by_role("button", name="Más acciones").click()
    with page.expect_navigation():
        page.get_by_role("button", name="Aprobar y Publicar", exact=True).click()
    page.goto(f"{site_url}/admin/pages/{demo['lesson']}/edit/")
    page.get_by_role("button", name="Acciones", exact=True).first.click()  # the header's ⋯
    page.get_by_role("link", name="Sincronizar páginas traducidas").click()
    page.get_by_label("Publicar inmediatamente").check()
    screenshot(page, "admin-sync-translations-1280")
    with page.expect_navigation():
        page.get_by_role("button", name="Enviar", exact=True).click()
    state = notes(site_manage, demo)
    assert [NOTE in note for note in state["live"]] == [True]
    # The new Spanish text reaches the Portuguese lesson, to be translated there.
    assert [NOTE in note for note in state["portuguese"]] == [True]
    context.close()
