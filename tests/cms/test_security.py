"""Safety and security of every public page and of the admin (issue 7):
headers, no cookie, no other origin, quick exit, discreet mode, login
lock-out, passwords, page privacy, private documents, logs, editor content."""

import io
import logging
import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlparse

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models
from django.test import RequestFactory, override_settings
from django.urls import reverse
from django.utils import translation

from wagtail.admin.forms.collections import CollectionViewRestrictionForm
from wagtail.admin.forms.pages import PageViewRestrictionForm
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
from wagtail.documents import get_document_model
from wagtail.models import Collection, Page, PageViewRestriction, Site

import pytest

from cms.models import SiteSettings
from cms.security.axes import network_of
from cms.security.logs import PrivateExceptionReporter, StripPersonalData
from cms.security.media import is_private_media
from tests import demo
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

PROJECT = Path(__file__).resolve().parents[2]
# Resources a browser fetches by itself while showing a page (not links,
# which it follows only when someone chooses to).
FETCHED = re.compile(
    r"<(?:link|script|img|source|iframe|frame|embed|object|video|audio|track|input)\b[^>]*>",
    re.IGNORECASE,
)
URL_ATTRIBUTE = re.compile(r'\b(?:src|href|srcset|data|poster|action)="([^"]*)"', re.IGNORECASE)
INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
EVENT_HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.IGNORECASE)
STYLE_ATTRIBUTE = re.compile(r"<[^>]+\sstyle\s*=", re.IGNORECASE)


def public_urls():
    """One URL of each kind a visitor can open, and every published page."""
    pages = [page.url for page in Page.objects.live().specific() if page.depth > 1]
    return pages + ["/es/buscar/", "/es/buscar/?q=derechos", "/es/no-existe/"]


def test_every_public_page_sends_a_strict_policy_and_the_safety_headers(client):
    for url in public_urls():
        response = client.get(url)
        assert response.status_code in (200, 404), url
        policy = response["Content-Security-Policy"]
        directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
        assert directives["default-src"] == "'self'", url
        assert directives["script-src"] == "'self'", url
        assert directives["style-src"] == "'self'", url
        assert directives["object-src"] == "'none'"
        assert directives["frame-ancestors"] == "'none'"
        assert "unsafe" not in policy
        assert response["Referrer-Policy"] == "same-origin"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["X-Frame-Options"] == "DENY"
        assert "camera=()" in response["Permissions-Policy"]
        assert "geolocation=()" in response["Permissions-Policy"]
        assert response["Cross-Origin-Opener-Policy"] == "same-origin"
        assert not response.cookies, (url, response.cookies)


def test_the_admin_has_its_own_policy_still_limited_to_this_site(client):
    response = client.get(reverse("wagtailadmin_login"))
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self' 'unsafe-inline'" in policy
    assert "http" not in policy


def test_public_pages_have_no_inline_script_style_or_event_handler(client):
    for url in public_urls():
        html = client.get(url).content.decode()
        assert not INLINE_SCRIPT.search(html), url
        assert not EVENT_HANDLER.search(html), url
        assert not STYLE_ATTRIBUTE.search(html), url
        assert "javascript:" not in html.lower(), url


def test_no_page_makes_the_browser_fetch_anything_from_another_origin(client):
    for url in public_urls():
        html = client.get(url).content.decode()
        for tag in FETCHED.findall(html):
            if 'rel="alternate"' in tag or 'rel="canonical"' in tag:
                continue  # hreflang, canonical: name an address in full, load nothing
            for value in URL_ATTRIBUTE.findall(tag):
                for candidate in value.split(","):
                    target = urlparse(candidate.strip().split(" ")[0])
                    assert not target.netloc and target.scheme in ("", "data"), (url, tag)
        assert "url(http" not in html and "url(//" not in html, url


def test_every_public_page_offers_the_quick_exit(client):
    exit_link = re.compile(
        r'<a class="quick-exit__button" href="https://www\.google\.com/" rel="noreferrer noopener"'
    )
    for url in public_urls():
        html = client.get(url).content.decode()
        assert exit_link.search(html), url
        assert "/static/js/quick-exit.js" in html, url
        # After the skip link, before everything else.
        assert html.index('class="skip-link"') < html.index("quick-exit__button")
        assert html.index("quick-exit__button") < html.index('class="site-header"')


def test_the_error_page_offers_the_quick_exit_without_the_database():
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert 'class="quick-exit__button" href="https://www.google.com/"' in html
    assert "<style" not in html and "style=" not in html


def test_the_neutral_site_is_a_setting(client):
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.quick_exit_url = "https://www.example.org/clima"
    settings.save()
    html = client.get("/es/").content.decode()
    assert 'href="https://www.example.org/clima" rel="noreferrer noopener"' in html


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,hola", "ftp://x.org/"])
def test_the_neutral_site_must_be_a_web_address(url):
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.quick_exit_url = url
    with pytest.raises(ValidationError) as error:
        settings.full_clean()
    assert "quick_exit_url" in error.value.message_dict


def test_discreet_mode_gives_every_page_a_neutral_tab_title(client):
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.discreet_mode = True
    settings.save()
    for url in public_urls():
        html = client.get(url).content.decode()
        # The neutral default is in the page's language ("Notas", "Notes"…).
        with translation.override(url.split("/")[1]):
            neutral = translation.gettext("Notas")
        assert f"<title>{neutral}</title>" in html, url
    settings.discreet_title = "Recetas"
    settings.save()
    html = client.get("/es/modulos/").content.decode()
    assert "<title>Recetas</title>" in html
    assert html.count("<title>") == 1


def test_without_discreet_mode_titles_name_the_page(client):
    html = client.get("/es/modulos/").content.decode()
    assert "<title>Módulos · Taller</title>" in html


def test_the_staying_safe_page_explains_what_quick_exit_does_not_do(client):
    response = client.get(demo.SAFETY)
    page, html = response.context["page"], response.content.decode()
    assert "Salir rápido" in html
    assert "No borra el historial" in html
    assert "ventana privada" in html
    assert page.show_in_menus


def test_check_deploy_with_production_settings_reports_nothing():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": "check-deploy-" + "k3Y!x9" * 10,
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


@override_settings(AXES_FAILURE_LIMIT=3)
def test_admin_login_locks_out_after_repeated_failures(client):
    from axes.models import AccessAttempt

    user = get_user_model().objects.create_user("editora", password="una frase larga y rara 42")
    login = reverse("wagtailadmin_login")
    for attempt in (1, 2, 3):
        response = client.post(
            login,
            {"username": "editora", "password": "equivocada"},
            REMOTE_ADDR="203.0.113.57",
        )
        assert response.status_code == (429 if attempt == 3 else 200)
    # Now even the right password is refused, with a clear message.
    response = client.post(
        login,
        {"username": "editora", "password": "una frase larga y rara 42"},
        REMOTE_ADDR="203.0.113.57",
    )
    assert response.status_code == 429
    assert "Acceso bloqueado por un rato" in response.content.decode()
    assert "_auth_user_id" not in client.session
    # Only the network is kept, never the address.
    assert {a.ip_address for a in AccessAttempt.objects.all()} == {"203.0.113.0"}
    assert user.pk


def test_failed_logins_from_one_network_do_not_lock_the_editor_out_elsewhere(client):
    """Lock-out is by user name and network together, with the client's
    address as the trusted proxy gives it: five wrong passwords for the
    editor's name from one network leave her own network free."""
    get_user_model().objects.create_user("moderadora", password="otra frase larga y rara 7")
    login = reverse("wagtailadmin_login")
    attacker = {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_REAL_IP": "203.0.113.80"}
    for _ in range(6):
        client.post(login, {"username": "moderadora", "password": "x"}, **attacker)
    refused = client.post(
        login, {"username": "moderadora", "password": "otra frase larga y rara 7"}, **attacker
    )
    assert refused.status_code == 429
    response = client.post(
        login,
        {"username": "moderadora", "password": "otra frase larga y rara 7"},
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_REAL_IP="198.51.100.23",
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"]


def test_addresses_are_reduced_to_their_network():
    assert network_of("198.51.100.23") == "198.51.100.0"
    assert network_of("2001:db8:1234:5678::1") == "2001:db8:1234::"
    assert network_of("not an address") is None
    assert network_of(None) is None


def test_the_application_has_no_field_for_ip_addresses_except_login_protection():
    fields = [
        f"{model._meta.label}.{field.name}"
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if isinstance(field, models.GenericIPAddressField)
    ]
    assert all(name.startswith("axes.") for name in fields), fields


@pytest.mark.parametrize(
    "password",
    ["corta", "123456789012345", "aaaaaaaaaaaaaaaa", "abababababababab", "password12345"],
)
def test_weak_passwords_are_refused(password):
    with pytest.raises(ValidationError):
        validate_password(password)


def test_a_long_varied_password_is_accepted():
    validate_password("mate cocido en la esquina 1987")


def test_shared_password_page_privacy_is_off_everywhere(admin_client):
    page = StandardPageFactory()
    form = PageViewRestrictionForm(data={"restriction_type": "password", "password": "x"})
    assert "password" not in dict(form.fields["restriction_type"].choices)
    assert not form.is_valid()
    form = CollectionViewRestrictionForm(data={"restriction_type": "password", "password": "x"})
    assert "password" not in dict(form.fields["restriction_type"].choices)
    # Through the admin itself: no password restriction is stored.
    admin_client.post(
        reverse("wagtailadmin_pages:set_privacy", args=[page.pk]),
        {"restriction_type": "password", "password": "secreto"},
    )
    assert not PageViewRestriction.objects.filter(restriction_type="password").exists()


def make_document(collection, name="guia.pdf"):
    Document = get_document_model()
    document = Document(title="Guía privada", collection=collection)
    document.file.save(name, ContentFile(b"%PDF-1.4\n% privado\n"), save=False)
    document.save()
    return document


def test_private_documents_are_served_only_to_their_groups(client):
    collection = Collection.objects.get(name="Materiales privados de facilitación")
    document = make_document(collection)
    url = document.url
    assert url.startswith("/documents/")
    response = client.get(url)
    assert response.status_code == 302
    assert "login/?next=/documents/" in response["Location"]
    # Nor straight from the media folder.
    with override_settings(SERVE_MEDIA=True):
        from cms.security.media import serve_public_media

        with pytest.raises(Exception) as refused:
            serve_public_media(RequestFactory().get("/"), document.file.name)
        assert type(refused.value).__name__ == "Http404"
    trainer = get_user_model().objects.create_user("facilitadora", password="x")
    trainer.groups.add(Group.objects.get(name="Facilitación"))
    client.force_login(trainer)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert response["Content-Security-Policy"] == "default-src 'none'"


def test_public_documents_are_served_through_django(client):
    document = make_document(Collection.get_first_root_node(), "hoja.pdf")
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(
    ("path", "private"),
    [
        ("documents/a.pdf", True),
        ("images/../documents/a.pdf", True),
        ("./documents/a.pdf", True),
        ("images\\..\\documents\\a.pdf", True),
        ("images/a.png", False),
        ("original_images/a.png", False),
    ],
)
def test_media_serving_never_reaches_documents(path, private):
    assert is_private_media(path) is private


def test_editor_rich_text_cannot_carry_script():
    converter = ContentstateConverter(["bold", "italic", "link", "h2", "ol", "ul"])
    contentstate = {
        "blocks": [
            {
                "key": "a",
                "type": "unstyled",
                "text": "<script>alert(1)</script> haz clic",
                "depth": 0,
                "inlineStyleRanges": [],
                "entityRanges": [{"offset": 27, "length": 9, "key": 0}],
            }
        ],
        "entityMap": {
            "0": {
                "type": "LINK",
                "mutability": "MUTABLE",
                "data": {"url": "javascript:alert(document.cookie)"},
            }
        },
    }
    import json

    html = converter.to_database_format(json.dumps(contentstate))
    assert "<script" not in html
    assert "javascript:" not in html


def test_editor_html_pasted_into_the_admin_is_cleaned(admin_client):
    """What an editor's browser sends is converted by Wagtail's whitelist,
    and what reaches the page holds no script."""
    from wagtail.admin.rich_text import get_rich_text_editor_widget

    widget = get_rich_text_editor_widget(features=["bold", "link"])
    dirty = (
        '<p onclick="x()">Hola <a href="javascript:alert(1)">aquí</a><script>alert(2)</script></p>'
    )
    value = widget.converter.to_database_format(widget.converter.from_database_format(dirty))
    assert "onclick" not in value and "javascript:" not in value and "<script" not in value


def test_logs_keep_no_query_strings_and_no_request():
    handler_filters = [
        type(f)
        for name in ("django.request", "django.server", "django")
        for handler in logging.getLogger(name).handlers
        for f in handler.filters
    ]
    assert StripPersonalData in handler_filters
    record = logging.LogRecord(
        "django.request",
        logging.WARNING,
        __file__,
        1,
        "Not Found: %s",
        ("/es/x/?q=mi+barrio",),
        None,
    )
    record.request = RequestFactory().get("/es/x/", {"q": "mi barrio"})
    StripPersonalData().filter(record)
    assert "mi+barrio" not in record.getMessage()
    assert record.getMessage() == "Not Found: /es/x/?[…]"
    assert record.request is None
    request_line = '"GET /es/buscar/?q=golpe HTTP/1.1" 200'
    line = logging.LogRecord("django.server", logging.INFO, __file__, 1, request_line, (), None)
    StripPersonalData().filter(line)
    assert "golpe" not in line.getMessage()


def test_a_request_logged_for_a_404_keeps_only_the_path(client):
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(StripPersonalData())
    logger = logging.getLogger("django.request")
    logger.addHandler(handler)
    try:
        client.get("/es/no-existe/", {"q": "nombre apellido"})
    finally:
        logger.removeHandler(handler)
    assert "/es/no-existe/" in stream.getvalue()
    assert "apellido" not in stream.getvalue()


def fail_while_handling(request):
    raise RuntimeError("boom")


def test_error_reports_hide_what_visitors_sent():
    import secrets

    query, message = secrets.token_hex(8), secrets.token_hex(8)
    address = f"198.51.100.{secrets.choice(range(10, 250))}"
    request = RequestFactory().post(
        f"/es/buscar/?q={query}", {"mensaje": message}, REMOTE_ADDR=address
    )
    try:
        fail_while_handling(request)
    except RuntimeError:
        reporter = PrivateExceptionReporter(request, *sys.exc_info())
    text = reporter.get_traceback_text() + reporter.get_traceback_html()
    assert "/es/buscar/" in text
    for sent in (query, message, address):
        assert sent not in text
