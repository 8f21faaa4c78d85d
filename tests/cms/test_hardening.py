"""Requests an attacker would try, answered without harm (issue 15): NUL
bytes, another host in the path, what a search leaves behind, the login
page's cookie."""

import re

from django.core import mail
from django.test import Client

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url", "status"),
    [
        ("/media/images/%00", 404),
        ("/es/%00/", 404),
        ("/documents/1/a%00.pdf", 404),
        ("/es/buscar/?q=a%00b", 400),
        ("/es/?x=%00", 400),
    ],
)
def test_a_nul_byte_is_refused_without_an_error(client, url, status):
    response = client.get(url)
    assert response.status_code == status
    if status == 404:
        assert "No encontramos esta página" in response.content.decode()
    assert not mail.outbox


def test_a_nul_byte_from_an_unknown_host_is_a_bad_request_not_an_error(client):
    # Found by the fuzz test: the 404 page's absolute links asked for the host.
    response = client.get("/es/aprender/app.webmanifest/%00", HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert not mail.outbox


def test_another_host_in_the_path_stays_out_of_the_links(client):
    # ``//evil.example/es/`` as the request line's path: a 404 of this site.
    response = client.get("/x", PATH_INFO="//evil.example/es/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "evil.example" not in html
    # The language switcher still offers each language's home page.
    assert 'href="/pt-br/"' in html and 'href="/en/"' in html


def test_search_results_are_kept_by_no_cache(client):
    response = client.get("/es/buscar/", {"q": "policía"})
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_the_private_link_login_sets_only_a_session_csrf_cookie():
    response = Client().get("/es/_util/login/")
    assert response.status_code == 200
    cookie = response.cookies["csrftoken"]
    assert cookie["max-age"] == "" and cookie["expires"] == ""


def test_the_health_check_reports_database_and_cache(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(1):
        response = client.get("/healthz", HTTP_HOST="10.0.0.5")  # asked by address
    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert response["Cache-Control"] == "no-store"
    assert not response.cookies
    assert client.get("/healthz").content == b"ok\n"  # never served from a cache


def test_the_health_check_says_what_is_unreachable(client, monkeypatch):
    from django.core.cache import cache

    def broken(*args, **kwargs):
        raise ConnectionError("no cache server")

    monkeypatch.setattr(cache, "set", broken)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.content == b"unavailable: cache\n"


@pytest.mark.parametrize("query", ["?tema=derechos", "?pais=bo", "?pais=zz&tema=x"])
def test_filtered_addresses_name_the_plain_page_as_canonical(client, query):
    from courses.models import ModuleIndexPage

    page = ModuleIndexPage.objects.live().filter(locale__language_code="es").first()
    response = client.get(page.url + query)
    assert response.status_code == 200
    canonical = re.search(r'<link rel="canonical" href="([^"]+)">', response.content.decode())
    assert canonical and canonical.group(1) == page.get_full_url()
    assert "?" not in canonical.group(1)
