"""The certificate of completion: the PDF carries the typed name, the module,
its length and the date; the name is stored nowhere and logged nowhere; the
request needs no cookie and is rate-limited."""

import io
import logging
import pickle

from django.core.cache import cache
from django.db import connection
from django.test import Client, RequestFactory
from django.utils import timezone
from django.utils.formats import date_format
from django.views.debug import SafeExceptionReporterFilter

import pytest
from pypdf import PdfReader

from courses.learning import certificate as certificate_module
from courses.learning.certificate import certificate
from courses.models import ModulePage

pytestmark = pytest.mark.django_db

URL = "/es/aprender/certificado/"
NAME = "Zoraida Quintanilla-Ñandú"


def module():
    return ModulePage.objects.live().filter(locale__language_code="es").order_by("path").first()


def pdf_text(data):
    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


@pytest.fixture
def fast_render(monkeypatch):
    """Skip WeasyPrint where only the view's behaviour matters."""
    monkeypatch.setattr(
        certificate_module.CertificateDocument, "render_bytes", lambda self: (b"%PDF-1.7", 1)
    )


def test_certificate_pdf_has_the_name_module_length_and_date():
    m = module()
    client = Client(enforce_csrf_checks=True)
    response = client.post(URL, {"modulo": m.pk, "nombre": f"  {NAME}  "})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert NAME in text
    assert m.title in text
    # The online study time (its lessons' reading time), not the workshop's length.
    study = sum(lesson.reading_minutes for lesson in m.lessons)
    assert f"Duración: {certificate_module.format_minutes(study)}" in text
    assert "3 h 50 min" not in text
    assert date_format(timezone.localdate(), "DATE_FORMAT") in text
    reader = PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) == 1
    # Not in the file name, nor in the PDF's metadata.
    assert "Zoraida" not in response["Content-Disposition"]
    assert response["Content-Disposition"].startswith("attachment;")
    assert "Zoraida" not in str(reader.metadata)


def test_certificate_needs_no_cookie_and_sets_none():
    m = module()
    client = Client(enforce_csrf_checks=True)
    page = client.get(m.url)
    assert not page.cookies and "csrftoken" not in client.cookies
    response = client.post(URL, {"modulo": m.pk, "nombre": NAME})
    assert response.status_code == 200
    assert not response.cookies
    assert not client.cookies


def test_certificate_is_never_cached():
    response = Client().post(URL, {"modulo": module().pk, "nombre": NAME})
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_the_name_is_not_stored_in_the_database_cache_or_logs(caplog):
    caplog.set_level(logging.DEBUG)
    m = module()
    response = Client().post(URL, {"modulo": m.pk, "nombre": NAME})
    assert response.status_code == 200 and NAME in pdf_text(response.content)
    needle = "Quintanilla"
    # Every row of every table.
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 - our own table names
            for row in cursor.fetchall():
                assert needle not in repr(row), table
    # Every cache entry (the rate limit keeps a count under a hashed key).
    if hasattr(cache, "_cache"):
        for key, value in cache._cache.items():
            assert needle.encode() not in pickle.dumps((key, value)), key
            assert b"127.0.0.1" not in pickle.dumps(key)
    # Every log record, at every level.
    assert needle not in caplog.text
    for record in caplog.records:
        assert needle not in repr(record.__dict__)


def test_a_failed_render_logs_without_the_name(monkeypatch, caplog):
    def explode(self):
        raise RuntimeError(f"layout failed near {self.learner}")

    monkeypatch.setattr(certificate_module.CertificateDocument, "render_bytes", explode)
    caplog.set_level(logging.DEBUG)
    response = Client().post(URL, {"modulo": module().pk, "nombre": NAME})
    assert response.status_code == 503
    assert "Quintanilla" not in response.content.decode()
    assert "Quintanilla" not in caplog.text
    assert "could not be rendered" in caplog.text


def test_error_reports_hide_the_name(fast_render):
    """Django's error e-mails and debug pages go through the reporter
    filter: the name is marked sensitive, so they show stars."""
    request = RequestFactory().post(URL, {"modulo": module().pk, "nombre": NAME})
    certificate(request)
    shown = SafeExceptionReporterFilter().get_post_parameters(request)
    assert shown["nombre"] != NAME and set(shown["nombre"]) == {"*"}
    assert shown["modulo"] == str(module().pk)


def test_certificate_requests_are_rate_limited(fast_render, monkeypatch):
    monkeypatch.setattr(certificate_module, "RATE", 3)
    client, data = Client(REMOTE_ADDR="10.9.9.9"), {"modulo": module().pk, "nombre": NAME}
    assert [client.post(URL, data).status_code for _ in range(3)] == [200, 200, 200]
    refused = client.post(URL, data)
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    # Another address still gets its certificate.
    assert client.post(URL, data, REMOTE_ADDR="10.1.2.3").status_code == 200


def test_behind_the_trusted_proxy_each_client_has_its_own_limit(fast_render, monkeypatch):
    # Every request comes from the proxy: the client is the one it names.
    monkeypatch.setattr(certificate_module, "RATE", 2)
    client, data = Client(REMOTE_ADDR="127.0.0.1"), {"modulo": module().pk, "nombre": NAME}
    codes = [client.post(URL, data, HTTP_X_REAL_IP="198.51.100.4").status_code for _ in range(3)]
    assert codes == [200, 200, 429]
    assert client.post(URL, data, HTTP_X_REAL_IP="198.51.100.5").status_code == 200


def test_the_whole_site_is_rate_limited_too(fast_render, monkeypatch):
    monkeypatch.setattr(certificate_module, "SITE_RATE", 2)
    client, data = Client(), {"modulo": module().pk, "nombre": NAME}
    codes = [client.post(URL, data, REMOTE_ADDR=f"10.0.0.{n}").status_code for n in range(3)]
    assert codes == [200, 200, 429]


@pytest.mark.parametrize(
    "data",
    [
        {"nombre": NAME},
        {"modulo": "abc", "nombre": NAME},
        {"modulo": 999999, "nombre": NAME},
        {"modulo": "MODULE", "nombre": "   "},
        {"modulo": "MODULE", "nombre": "x" * 81},
        {"modulo": "MODULE", "nombre": "\u200b\u0007"},
    ],
)
def test_certificate_refuses_bad_requests_plainly(fast_render, data):
    data = {k: (module().pk if v == "MODULE" else v) for k, v in data.items()}
    response = Client().post(URL, data)
    assert response.status_code == 400
    assert "Tu certificado" in response.content.decode()
    assert not response.cookies


def test_certificate_of_an_unpublished_module_is_refused(fast_render):
    m = module()
    m.unpublish()
    assert Client().post(URL, {"modulo": m.pk, "nombre": NAME}).status_code == 400


def test_opening_the_certificate_address_goes_to_my_modules():
    response = Client().get(URL)
    assert response.status_code == 302
    assert response["Location"] == "/es/aprender/mis-modulos/"
