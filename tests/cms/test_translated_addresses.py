"""Addresses and the country parameter in each language's words, and the
old (Spanish) spellings moved there permanently."""

from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation

import pytest

from courses.countries.choice import chosen_country, parameter, with_country

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "planner", "search", "report", "my_modules"),
    [
        (
            "es",
            "/es/planificador/",
            "/es/buscar/",
            "/es/informe-de-taller/",
            "/es/aprender/mis-modulos/",
        ),
        (
            "pt-br",
            "/pt-br/planejador/",
            "/pt-br/buscar/",
            "/pt-br/relatorio-de-oficina/",
            "/pt-br/aprender/meus-modulos/",
        ),
        ("en", "/en/planner/", "/en/search/", "/en/workshop-report/", "/en/learn/my-modules/"),
    ],
)
def test_each_language_has_addresses_in_its_own_words(
    client, language, planner, search, report, my_modules
):
    with translation.override(language):
        assert reverse("planner:start") == planner
        assert reverse("search") == search
        assert reverse("reports:report") == report
        assert reverse("learning:my_modules") == my_modules
    for address in (planner, search, report, my_modules):
        assert client.get(address).status_code == 200, address


def test_the_english_planner_links_to_english_addresses(client):
    html = client.get("/en/").content.decode()
    assert 'href="/en/planner/"' in html
    assert "/en/planificador/" not in html
    assert 'href="/en/search/"' in html


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/en/planificador/", "/en/planner/"),
        ("/pt-br/planificador/", "/pt-br/planejador/"),
        ("/en/buscar/?q=derechos", "/en/search/?q=derechos"),
        ("/en/aprender/mis-modulos/", "/en/learn/my-modules/"),
        ("/pt-br/informe-de-taller/", "/pt-br/relatorio-de-oficina/"),
    ],
)
def test_old_spanish_addresses_move_permanently(client, old, new):
    response = client.get(old)
    assert response.status_code == 301
    assert response["Location"] == new


def test_an_old_plan_link_moves_with_its_keys(client):
    from tests.planner.helpers import create_plan

    edit_url, share_url = create_plan(client)
    english = client.get(share_url.replace("/es/", "/en/"))
    assert english.status_code == 301
    assert english["Location"].startswith("/en/planner/")
    assert client.get(english["Location"]).status_code == 200


@pytest.mark.parametrize(
    "address", ["/es/planificador/nada/", "/en/planificador/nada/", "/es/aprender/x/"]
)
def test_unknown_old_addresses_are_not_found(client, address):
    assert client.get(address).status_code == 404


def test_the_country_parameter_is_named_in_the_pages_language():
    factory = RequestFactory()
    assert (
        parameter("es") == "pais" and parameter("pt-br") == "pais" and parameter("en") == "country"
    )
    assert chosen_country(factory.get("/en/modules/", {"country": "bo"})) == "bo"
    assert chosen_country(factory.get("/en/modules/", {"pais": "bo"})) == ""
    assert chosen_country(factory.get("/es/modulos/", {"pais": "bo"})) == "bo"
    assert with_country("/en/x/?country=ar&tema=y", "bo") == "/en/x/?tema=y&country=bo"
    assert with_country("/pt-br/x/", "br") == "/pt-br/x/?pais=br"


def test_an_english_address_with_pais_moves_to_country(client):
    response = client.get("/en/?pais=bo&tema=x")
    assert response.status_code == 301
    assert response["Location"] == "/en/?country=bo&tema=x"
    assert client.get("/es/?pais=bo").status_code == 200


def test_the_admin_keeps_its_own_country_filter(client):
    from django.contrib.auth.models import User

    client.force_login(User.objects.create_superuser("persona", password="x" * 14))
    response = client.get("/admin/informes-de-talleres/", {"country": "bo"})
    assert response.status_code == 200


def test_the_plan_page_gives_the_script_its_add_address_in_its_language(client):
    import re

    from tests.planner.helpers import create_plan

    edit_url, _share_url = create_plan(client)
    english = client.get(edit_url.replace("/es/", "/en/"), follow=True)
    html = english.content.decode()
    add = re.search(r'data-plan-add-url="([^"]+)"', html).group(1)
    assert add.startswith("/en/planner/") and add.endswith("/add/")
    assert client.post(add, {"kind": "break", "title": "Pausa", "minutes": "10"}).status_code == 302
