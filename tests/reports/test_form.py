"""The public workshop report form: anonymous, cookie-free, refuses bad
input with a message and saves all or nothing."""

import datetime

from django.test import Client
from django.utils import timezone

import pytest

from courses.models import ModulePage
from courses.reports.models import WorkshopReport

pytestmark = pytest.mark.django_db

URL = "/es/informe-de-taller/"


def spanish_modules():
    return list(ModulePage.objects.live().filter(locale__language_code="es").order_by("path"))


def valid(**changes):
    data = {
        "fecha": (timezone.localdate() - datetime.timedelta(days=3)).isoformat(),
        "pais": "bo",
        "participantes": "14",
        "modulos": [spanish_modules()[1].pk],
        "plan": "",
        "horas": "3.5",
        "notas": "Fue en la sede, con mate y mucha participación.",
        "sitio_web": "",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def post(data, **headers):
    return Client(enforce_csrf_checks=True).post(URL, data, **headers)


def test_anonymous_get_sets_no_cookie_and_shows_the_warning():
    response = Client().get(URL)
    assert response.status_code == 200
    assert not response.cookies
    html = response.content.decode()
    assert "No escribas nombres ni detalles que permitan reconocer a alguien" in html
    assert 'name="sitio_web"' in html
    assert "csrfmiddlewaretoken" not in html
    # Modules in the page's language only, by title.
    assert spanish_modules()[0].title in html


def test_filing_stores_exactly_what_was_sent_and_nothing_about_the_sender():
    module = spanish_modules()[1]
    response = post(valid(), HTTP_USER_AGENT="Teléfono de prueba", REMOTE_ADDR="203.0.113.9")
    assert response.status_code == 302
    assert response["Location"] == "/es/informe-de-taller/gracias/"
    assert not response.cookies
    report = WorkshopReport.objects.get()
    assert report.held_on == timezone.localdate() - datetime.timedelta(days=3)
    assert report.country == "bo"
    assert report.participants == 14
    assert list(report.modules.all()) == [module]
    assert str(report.hours) == "3.5"
    assert report.notes == "Fue en la sede, con mate y mucha participación."
    assert report.language == "es"
    assert report.created_on == timezone.localdate()
    assert report.reviewed is False
    stored = " ".join(str(value) for value in WorkshopReport.objects.values().get().values())
    assert "203.0.113" not in stored and "prueba" not in stored
    thanks = Client().get(response["Location"])
    assert thanks.status_code == 200 and "Gracias por tu informe" in thanks.content.decode()


def test_a_custom_plan_needs_no_module():
    response = post(valid(modulos=None, plan="Taller de cuidados en la feria"))
    assert response.status_code == 302
    assert WorkshopReport.objects.get().programme == "Taller de cuidados en la feria"


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"participantes": "-4"}, "participantes", "al menos una persona"),
        ({"participantes": "0"}, "participantes", "al menos una persona"),
        ({"participantes": "5000"}, "participantes", "hasta 500"),
        ({"participantes": "muchas"}, "participantes", "número entero"),
        ({"pais": "es"}, "pais", "Elige un país de la lista"),
        ({"pais": ""}, "pais", "Elige el país"),
        ({"fecha": "2099-01-01"}, "fecha", "no puede estar en el futuro"),
        ({"fecha": "1999-12-31"}, "fecha", "anterior a 2010"),
        ({"fecha": "ayer"}, "fecha", "año-mes-día"),
        ({"fecha": ""}, "fecha", "Escribe la fecha"),
        ({"notas": "x" * 2001}, "notas", "2000"),
        ({"plan": "p" * 201, "modulos": None}, "plan", "200"),
        ({"modulos": None, "plan": "  "}, "modulos", "Marca al menos un módulo"),
        ({"modulos": ["999999"]}, "modulos", "Elige módulos de la lista"),
        ({"horas": "100"}, "horas", "40"),
    ],
)
def test_bad_input_is_refused_with_a_message_and_nothing_saved(changes, field, message):
    response = post(valid(**changes))
    assert response.status_code == 400
    html = response.content.decode()
    assert "Revisa el formulario" in html
    assert message in str(response.context["form"].errors[field])
    assert f'href="#id_{field}"' in html
    assert (
        response["Cache-Control"] == "private, no-store" or "no-store" in response["Cache-Control"]
    )
    assert not WorkshopReport.objects.exists()


def test_a_module_of_another_language_is_refused():
    english = ModulePage.objects.live().filter(locale__language_code="en").first()
    assert english is not None
    response = post(valid(modulos=[english.pk]))
    assert response.status_code == 400
    assert not WorkshopReport.objects.exists()


def test_honeypot_thanks_the_bot_and_saves_nothing():
    response = post(valid(sitio_web="http://spam.example"))
    assert response.status_code == 302
    assert not WorkshopReport.objects.exists()


def test_a_post_from_another_site_is_refused():
    response = post(valid(), HTTP_ORIGIN="https://evil.example")
    assert response.status_code == 403
    assert not WorkshopReport.objects.exists()
    assert post(valid(), HTTP_ORIGIN="http://testserver").status_code == 302


def test_too_many_reports_from_one_address_are_refused_politely():
    for _ in range(20):
        assert post(valid(), REMOTE_ADDR="198.51.100.7").status_code == 302
    response = post(valid(), REMOTE_ADDR="198.51.100.7")
    assert response.status_code == 429
    assert response["Retry-After"] == "600"
    assert "Espera unos minutos" in response.content.decode()
    assert WorkshopReport.objects.count() == 20
    # Another address is not affected.
    assert post(valid(), REMOTE_ADDR="198.51.100.8").status_code == 302


def test_prefilled_from_the_planner_address():
    first, second = spanish_modules()[:2]
    english = ModulePage.objects.filter(
        translation_key=second.translation_key, locale__language_code="en"
    ).first()
    ids = f"{first.pk},{(english or second).pk},abc,"
    response = Client().get(URL, {"modulos": ids, "plan": "Plan de la feria"})
    assert response.status_code == 200
    form = response.context["form"]
    assert sorted(form.initial["modulos"]) == sorted([first.pk, second.pk])
    assert form.initial["plan"] == "Plan de la feria"
    html = response.content.decode()
    assert f'value="{first.pk}" id="id_modulos_0" checked' in html or "checked" in html
    assert 'value="Plan de la feria"' in html
