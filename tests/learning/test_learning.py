"""Learner features on the server: the hooks pages give the scripts, the
glossary links, the offline web app (service worker, manifest, module
packages) and the pages for "my modules" and for being offline. What the
scripts do in a browser is tested in tests/browser/test_learning.py."""

import json
import re
from pathlib import Path

from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.files.storage import default_storage
from django.test import Client

import pytest

from courses.learning.glossary import Term, link_terms
from courses.models import GlossaryTerm, HandoutPage, LessonPage, ModulePage

pytestmark = pytest.mark.django_db

INLINE_CODE = [
    (re.compile(r"<script(?![^>]*\ssrc=)[^>]*>", re.I), "inline script"),
    (re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I), "inline event handler"),
    (re.compile(r"<[a-z][^>]*\sstyle\s*=", re.I), "inline style"),
    (re.compile(r"<style", re.I), "style element"),
]


def module():
    return ModulePage.objects.live().filter(locale__language_code="es").order_by("path").first()


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert not response.cookies, (url, response.cookies)
    return response.content.decode()


def learning_pages():
    m = module()
    lesson = m.lessons[0]
    return {
        "home": "/es/",
        "module": m.url,
        "lesson": lesson.url,
        "my-modules": "/es/aprender/mis-modulos/",
        "offline": "/es/aprender/sin-conexion/",
    }


def test_learning_pages_set_no_cookie_and_have_no_inline_code(client):
    """The strict Content-Security-Policy (no unsafe-inline) must fit."""
    for name, url in learning_pages().items():
        html = html_of(client, url)
        for pattern, what in INLINE_CODE:
            assert not pattern.search(html), (name, what, pattern.search(html).group(0))
        scripts = re.findall(r"<script[^>]*>", html)
        assert scripts, name
        for tag in scripts:
            assert " defer" in tag or 'type="module"' in tag, (name, tag)


def test_every_page_offers_the_web_app_and_its_progress_script(client):
    html = html_of(client, "/es/")
    assert '<link rel="manifest" href="/es/aprender/app.webmanifest">' in html
    assert re.search(r'<script src="/static/learning/core[^"]*\.js" data-sw="/sw.js"', html)


def test_lesson_page_gives_the_scripts_what_they_need_and_hides_the_rest(client):
    m = module()
    lesson = m.lessons[1]
    html = html_of(client, lesson.url)
    # Progress is kept by translation key, the same in every language.
    assert f'data-lesson="{lesson.translation_key.hex[:12]}"' in html
    assert f'data-module="{m.pk}"' in html
    listed = re.search(r'data-lessons="([^"]*)"', html).group(1).split()
    assert listed == [other.translation_key.hex[:12] for other in m.lessons]
    # "Mark as done" exists only with JavaScript: hidden in the HTML.
    assert re.search(r"<section[^>]*data-done-box[^>]*hidden", html)
    assert re.search(r'<script src="/static/learning/lesson[^"]*\.js" defer>', html)


def test_module_page_has_progress_continue_save_and_certificate_hidden_without_javascript(client):
    m = module()
    html = html_of(client, m.url)
    for hook in ("data-progress=", "data-continue=", "data-save=", "data-certificate"):
        assert re.search(rf"<[^>]*{hook}[^>]*\shidden", html, re.S), hook
    for lesson in m.lessons:
        assert f'data-lesson-id="{lesson.translation_key.hex[:12]}"' in html
    # Each lesson's former id is paired with its key, to move stored progress.
    pairs = re.search(r'data-progress-keys="([^"]*)"', html).group(1).split()
    assert pairs == [f"{lesson.pk}:{lesson.translation_key.hex[:12]}" for lesson in m.lessons]
    assert 'action="/es/aprender/certificado/"' in html
    # No CSRF token, so no CSRF cookie: the certificate view needs neither.
    assert "csrfmiddlewaretoken" not in html


def test_self_check_keeps_its_no_javascript_answer_and_gives_the_script_its_feedback(client):
    lesson = next(
        page
        for page in LessonPage.objects.live().filter(locale__language_code="es")
        if any(block.block_type == "self_check" for block in page.body)
    )
    block = next(block for block in lesson.body if block.block_type == "self_check")
    html = html_of(client, lesson.url)
    section = html[html.index("data-self-check") :]
    section = section[: section.index("</section>")]
    assert '<details class="self-check__answer">' in section
    assert 'role="status" data-self-check-feedback' in section
    assert "data-explanation" in section
    for option in block.value["options"]:
        if option["feedback"]:
            said = f'<span class="self-check__said" data-feedback>{option["feedback"]}</span>'
            assert said in section


def test_glossary_terms_in_lessons_link_to_a_definition_on_the_same_page(client):
    linked_somewhere = 0
    for lesson in LessonPage.objects.live().filter(locale__language_code="es"):
        html = html_of(client, lesson.url)
        targets = re.findall(r'<a class="term" href="#(termino-[^"]+)" data-term>', html)
        linked_somewhere += len(targets)
        for target in targets:
            assert html.count(f'id="{target}"') == 1, (lesson.url, target)
            definition = html[html.index(f'id="{target}"') :][:2000]
            assert "data-definition" in definition
        # Never inside a heading or a self-check.
        for heading in re.findall(r"<h[1-6][^>]*>.*?</h[1-6]>", html, re.S):
            assert 'class="term"' not in heading
    assert linked_somewhere >= 5


def test_linking_terms_takes_the_first_use_only_and_leaves_markup_alone():
    terms = [
        Term("estigma", "Estigma", "Una marca negativa."),
        Term("autoestigma", "Autoestigma", "Cuando el estigma se vuelve propio."),
        Term("violencia-institucional", "Violencia institucional", "Daño del Estado."),
    ]
    body = link_terms(
        '<h2>Estigma</h2><div class="prose"><p>El ESTIGMA duele; el estigma pesa &amp; '
        "el autoestigma también. <a href='/x'>violencia institucional</a></p>"
        "<p>La violencia institucional y la violencia.</p></div>"
        '<section class="self-check"><p>Estigma</p></section><img src="/a.png" alt="estigma">',
        terms,
    )
    html = str(body.html)
    assert "<h2>Estigma</h2>" in html
    assert '<a class="term" href="#termino-estigma" data-term>ESTIGMA</a> duele; el estigma' in html
    assert '<a class="term" href="#termino-autoestigma" data-term>autoestigma</a>' in html
    assert "<a href='/x'>violencia institucional</a>" in html
    assert 'La <a class="term" href="#termino-violencia-institucional"' in html
    assert '<section class="self-check"><p>Estigma</p></section>' in html
    assert 'alt="estigma"' in html and "&amp;" in html
    extra = [t.slug for t in body.extra_terms]
    assert extra == ["estigma", "autoestigma", "violencia-institucional"]


def test_a_term_defined_by_a_glossary_block_is_not_defined_twice():
    terms = [Term("estigma", "Estigma", "Una marca.")]
    body = link_terms(
        '<p>El estigma.</p><aside class="glossary-term" id="termino-estigma"><p>'
        "<dfn>Estigma</dfn>: una marca</p></aside>"
        '<aside class="glossary-term" id="termino-estigma"><p>otra vez</p></aside>',
        terms,
    )
    assert body.extra_terms == []
    assert str(body.html).count('id="termino-estigma"') == 1


def test_lesson_lists_definitions_of_linked_terms_it_has_no_block_for(client):
    for lesson in LessonPage.objects.live().filter(locale__language_code="es"):
        html = html_of(client, lesson.url)
        if "lesson-terms" not in html:
            continue
        section = html[html.index('class="lesson-terms"') :]
        slug = re.search(r'id="termino-([^"]+)"', section).group(1)
        term = GlossaryTerm.objects.get(slug=slug, locale=lesson.locale)
        assert term.term in section
        return
    pytest.fail("no lesson lists extra definitions")


def test_my_modules_lists_every_module_hidden_for_the_browser_to_choose(client):
    html = html_of(client, "/es/aprender/mis-modulos/")
    modules = ModulePage.objects.live().filter(locale__language_code="es")
    for m in modules:
        assert re.search(rf'<li class="my-module" data-module="{m.pk}" hidden>', html)
    assert "data-forget" in html and "data-nojs" in html


def test_offline_page_explains_what_is_available(client):
    html = html_of(client, "/es/aprender/sin-conexion/")
    assert "Sin conexión" in html
    assert "data-saved-list" in html
    assert re.search(r'<script src="/static/learning/offline[^"]*\.js" defer>', html)


def test_service_worker_is_served_at_the_root_for_the_whole_site(client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Service-Worker-Allowed"] == "/"
    assert "no-cache" in response["Cache-Control"]
    assert not response.cookies
    config = json.loads(re.search(r"const C = (\{.*?\});\n", response.content.decode()).group(1))
    assert config["offline"]["es"] == "/es/aprender/sin-conexion/"
    assert "/es/aprender/sin-conexion/" in config["precache"] or config["offline"]
    assert any(url.startswith("/static/css/taller") for url in config["precache"])
    # Never the admin, documents or certificates.
    for prefix in ("/admin/", "/documents/", "/es/aprender/certificado/"):
        assert prefix in config["never"], prefix


def test_service_worker_code_only_keeps_gets_and_public_responses(client):
    code = client.get("/sw.js").content.decode()
    assert 'request.method !== "GET"' in code
    assert "/private|no-store/" in code
    assert "url.origin !== self.location.origin" in code
    # A page seen by a logged-in editor (with the admin's user bar) is never kept.
    assert 'body.includes("wagtail-userbar")' in code


def test_service_worker_version_changes_with_the_static_files(client, settings):
    first = client.get("/sw.js").content
    settings.STATIC_URL = "/estaticos/"
    assert client.get("/sw.js").content != first


def test_web_manifest_makes_an_installable_app_with_our_own_icons(client):
    response = client.get("/es/aprender/app.webmanifest")
    assert response["Content-Type"] == "application/manifest+json"
    assert not response.cookies
    manifest = json.loads(response.content)
    assert manifest["start_url"] == "/es/" and manifest["scope"] == "/"
    assert manifest["display"] == "standalone" and manifest["lang"] == "es"
    sizes = {icon["sizes"] for icon in manifest["icons"]}
    assert {"192x192", "512x512"} <= sizes
    assert any(icon.get("purpose") == "maskable" for icon in manifest["icons"])
    for icon in manifest["icons"]:
        assert icon["src"].startswith("/static/learning/")
        assert finders.find(icon["src"].removeprefix("/static/")), icon["src"]


def test_module_package_lists_every_file_with_its_real_size(client):
    m = module()
    response = client.get(f"/es/aprender/modulos/{m.pk}/paquete.json")
    assert response.status_code == 200 and not response.cookies
    package = response.json()
    urls = [entry["url"] for entry in package["files"]]
    assert package["title"] == m.title and package["lessons"] == len(m.lessons)
    assert package["bytes"] == sum(entry["bytes"] for entry in package["files"])
    assert len(urls) == len(set(urls))
    for page in [m, *m.lessons, *m.handouts]:
        assert page.url in urls, page.url
    assert "/es/aprender/sin-conexion/" in urls and "/es/aprender/mis-modulos/" in urls
    assert any(url.startswith("/static/css/taller") for url in urls)
    assert any(url.startswith("/static/learning/lesson") for url in urls)
    pdfs = [url for url in urls if url.endswith("/pdf/")]
    assert len(pdfs) == len(m.handouts)
    images = [url for url in urls if url.startswith("/media/images/")]
    assert images and all(".format-webp.width-720." in url for url in images)
    anonymous = Client()
    for entry in package["files"]:
        if entry["url"].startswith("/static/"):
            name = entry["url"].removeprefix("/static/")
            # The collected file when there is one (it is what is served),
            # else the source file, as in a fresh checkout.
            collected = staticfiles_storage.exists(name)
            path = staticfiles_storage.path(name) if collected else finders.find(name)
            assert path and entry["bytes"] == Path(path).stat().st_size, entry
            continue
        if entry["url"].startswith("/media/"):  # served by the proxy, not Django
            name = entry["url"].removeprefix("/media/")
            assert entry["bytes"] == default_storage.size(name), entry
            continue
        fetched = anonymous.get(entry["url"])
        body = b"".join(fetched.streaming_content) if fetched.streaming else fetched.content
        assert fetched.status_code == 200, entry
        assert len(body) == entry["bytes"], entry


def test_module_package_changes_version_when_a_lesson_is_published_again(client):
    m = module()
    url = f"/es/aprender/modulos/{m.pk}/paquete.json"
    before = client.get(url).json()
    lesson = m.lessons[0]
    lesson.intro = lesson.intro + " Actualizado."
    lesson.save_revision().publish()
    after = client.get(url).json()
    assert after["version"] != before["version"]
    changed = [e["url"] for e in after["files"] if e not in before["files"]]
    assert lesson.url in changed
    # The rest keeps its version, so a saved copy fetches only what changed.
    assert len(changed) < len(after["files"]) / 2


def test_module_package_of_an_unknown_or_unpublished_module_is_404(client):
    m = module()
    assert client.get("/es/aprender/modulos/999999/paquete.json").status_code == 404
    handout = HandoutPage.objects.live().first()
    assert client.get(f"/es/aprender/modulos/{handout.pk}/paquete.json").status_code == 404
    m.unpublish()
    assert client.get(f"/es/aprender/modulos/{m.pk}/paquete.json").status_code == 404


def test_learning_endpoints_take_no_query_and_no_post(client):
    """Nothing the learner has done can reach these URLs: they read no
    parameters, and refuse to be written to."""
    m = module()
    for url in (
        "/es/aprender/mis-modulos/",
        "/es/aprender/sin-conexion/",
        f"/es/aprender/modulos/{m.pk}/paquete.json",
        "/es/aprender/app.webmanifest",
        "/sw.js",
    ):
        assert client.post(url, {"hecho": "1"}).status_code == 405, url
        plain = client.get(url).content
        with_query = client.get(url, {"hecho": "1,2,3"}).content
        assert plain == with_query, url


def test_module_package_is_the_same_until_something_changes(client):
    """Saved modules compare versions: a package rendered again with nothing
    published in between must not look new (that would download it again)."""
    from django.core.cache import cache

    url = f"/es/aprender/modulos/{module().pk}/paquete.json"
    first = client.get(url).json()
    cache.clear()
    assert client.get(url).json() == first
