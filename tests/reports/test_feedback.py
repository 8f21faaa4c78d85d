"""The anonymous feedback form page: answers stored, nothing that could
identify who sent them (no address, browser, cookie or exact time)."""

import datetime
import logging

from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import Locale, Revision
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

import pytest

from cms.models import HomePage
from courses.reports.demo import load_feedback_page
from courses.reports.models import FeedbackFormPage
from tests import demo

pytestmark = pytest.mark.django_db

ANSWERS = {
    "que_tan_util_te_resulto_el_taller": "4 · Útil",
    "que_fue_lo_mas_util_para_ti": "El teatro foro.",
    "que_cambiarias_o_agregarias": "Más tiempo para la ruta de denuncia.",
    "recomendarias_este_taller_a_una_companera": "Sí",
}


def feedback_page():
    return demo.page_at(demo.FEEDBACK)


def submit(data, **headers):
    page = feedback_page()
    return Client(enforce_csrf_checks=True).post(f"/es/opinion/{page.pk}/", data, **headers)


def test_the_demo_has_a_spanish_feedback_page_with_four_questions():
    page = feedback_page()
    assert page.locale.language_code == "es"
    assert [f.field_type for f in page.form_fields.all()] == [
        "radio",
        "multiline",
        "multiline",
        "radio",
    ]
    assert sorted(f.clean_name for f in page.form_fields.all()) == sorted(ANSWERS)


def test_get_sets_no_cookie_and_has_no_csrf_token():
    response = Client().get(feedback_page().url)
    assert response.status_code == 200
    assert not response.cookies
    html = response.content.decode()
    assert "csrfmiddlewaretoken" not in html
    assert f'action="/es/opinion/{feedback_page().pk}/"' in html
    assert "Es anónimo" in html


def test_answers_are_stored_without_address_browser_or_time_of_day(caplog):
    caplog.set_level(logging.DEBUG)
    response = submit(
        {**ANSWERS, "sitio_web": ""},
        REMOTE_ADDR="203.0.113.77",
        HTTP_USER_AGENT="NavegadorUnico/1.0",
        HTTP_X_FORWARDED_FOR="198.51.100.99",
    )
    assert response.status_code == 200
    assert "Gracias" in response.content.decode()
    assert not response.cookies
    assert "no-store" in response["Cache-Control"]
    submission = FormSubmission.objects.get(page=feedback_page())
    assert submission.form_data == ANSWERS
    assert timezone.localtime(submission.submit_time).time() == datetime.time(0, 0)
    assert timezone.localtime(submission.submit_time).date() == timezone.localdate()
    # The row holds nothing else; neither the row nor the logs hold the sender.
    columns = {f.column for f in FormSubmission._meta.concrete_fields}
    assert columns == {"id", "form_data", "page_id", "submit_time"}
    stored = str(submission.__dict__)
    for trace in ("203.0.113", "198.51.100", "NavegadorUnico"):
        assert trace not in stored
        assert trace not in caplog.text
    assert "teatro foro" not in caplog.text


def test_missing_answers_show_errors_and_save_nothing():
    response = submit({"que_fue_lo_mas_util_para_ti": "Todo"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Revisa el formulario" in html
    assert "Todo" in html  # what was written stays in the form
    assert not FormSubmission.objects.filter(page=feedback_page()).exists()


def test_too_long_answer_is_refused():
    response = submit({**ANSWERS, "que_fue_lo_mas_util_para_ti": "x" * 2001})
    assert "Revisa el formulario" in response.content.decode()
    assert not FormSubmission.objects.exists()


def test_honeypot_and_other_sites_save_nothing():
    assert submit({**ANSWERS, "sitio_web": "spam"}).status_code == 200
    assert submit(ANSWERS, HTTP_ORIGIN="https://evil.example").status_code == 403
    assert not FormSubmission.objects.exists()


def test_rate_limited_per_address():
    for _ in range(60):
        assert submit(ANSWERS, REMOTE_ADDR="192.0.2.5").status_code == 200
    response = submit(ANSWERS, REMOTE_ADDR="192.0.2.5")
    assert response.status_code == 429
    assert FormSubmission.objects.count() == 60


def test_unpublished_or_unknown_pages_take_no_answers():
    page = feedback_page()
    page.unpublish()
    assert Client().post(f"/es/opinion/{page.pk}/", ANSWERS).status_code == 404
    assert Client().get(f"/es/opinion/{page.pk}/").status_code == 405


# Per language: the first question's label, answers to the two choice
# questions, and a phrase of the thank-you text.
TRANSLATED = {
    "en": ("How useful was the workshop for you?", "4 · Useful", "Yes", "Thank you for taking"),
    "pt-br": ("O quanto a oficina foi útil para você?", "4 · Útil", "Sim", "Obrigada por dedicar"),
}


@pytest.mark.parametrize("language", TRANSLATED)
def test_the_demo_translates_the_feedback_page_and_keeps_answers_on_the_translation(language):
    spanish = feedback_page()
    page = FeedbackFormPage.objects.live().get(locale__language_code=language)
    # A real translation, under the home page of its language.
    assert page.translation_key == spanish.translation_key
    assert page.get_parent().pk == spanish.get_parent().get_translation(page.locale).pk
    question, scale, yes, thanks = TRANSLATED[language]
    fields = list(page.form_fields.all())
    assert fields[0].label == question
    assert [(f.field_type, f.required) for f in fields] == [
        (f.field_type, f.required) for f in spanish.form_fields.all()
    ]
    # Labels translated, field names kept: an answer has the same key in every language.
    assert [f.clean_name for f in fields] == [f.clean_name for f in spanish.form_fields.all()]
    assert not {f.label for f in fields} & {f.label for f in spanish.form_fields.all()}

    response = Client().get(page.url)
    assert response.status_code == 200
    assert not response.cookies
    html = response.content.decode()
    # The form's address is in the page's language (/en/feedback/…).
    with translation.override(language):
        url = reverse("reports:feedback", args=[page.pk])
    assert url.startswith(f"/{language}/")
    assert f'action="{url}"' in html
    assert html.count('type="radio"') == 5 + 3

    answers = {
        **ANSWERS,
        "que_tan_util_te_resulto_el_taller": scale,
        "recomendarias_este_taller_a_una_companera": yes,
    }
    client = Client(enforce_csrf_checks=True)
    # A Spanish choice is not one of this page's options.
    client.post(url, {**answers, "recomendarias_este_taller_a_una_companera": "Sí"})
    assert not FormSubmission.objects.exists()
    response = client.post(url, {**answers, "sitio_web": ""})
    assert response.status_code == 200
    assert thanks in response.content.decode()
    submission = FormSubmission.objects.get()
    assert submission.page_id == page.pk
    assert submission.form_data == answers


def test_loading_again_writes_nothing_and_restores_a_deleted_translation():
    revisions = Revision.objects.count()
    results = load_feedback_page()
    assert [outcome for outcome, _ in results] == ["unchanged"] * 3
    assert Revision.objects.count() == revisions

    english = FeedbackFormPage.objects.get(locale__language_code="en")
    key = english.translation_key
    english.delete()
    assert dict((label, outcome) for outcome, label in load_feedback_page()) == {
        "feedback page: tu-opinion": "unchanged",
        "feedback page: your-feedback": "created",
        "feedback page: sua-opiniao": "unchanged",
    }
    assert FeedbackFormPage.objects.live().get(locale__language_code="en").translation_key == key


def test_a_language_without_a_home_page_is_skipped():
    HomePage.objects.get(locale__language_code="pt-br").delete()
    labels = [label for _, label in load_feedback_page()]
    assert labels == ["feedback page: tu-opinion", "feedback page: your-feedback"]
    assert not FeedbackFormPage.objects.filter(locale__language_code="pt-br").exists()


class FeedbackPageTreeTests(WagtailPageTestCase):
    def test_allowed_under_the_home_page_only(self):
        self.assertAllowedParentPageTypes(FeedbackFormPage, {HomePage})
        self.assertAllowedSubpageTypes(FeedbackFormPage, {})
        self.assertCanCreateAt(HomePage, FeedbackFormPage)

    def test_editors_can_create_one_in_the_admin(self):
        self.login()
        home = HomePage.objects.get(locale=Locale.get_default())
        question = {"label": "¿Volverías?", "field_type": "radio", "required": True}
        question.update(choices="Sí\nNo", help_text="", default_value="")
        data = nested_form_data(
            {
                "title": "Encuesta",
                "slug": "encuesta",
                "intro": rich_text("<p>Dos minutos.</p>"),
                "thank_you_text": rich_text("<p>Gracias.</p>"),
                "form_fields": inline_formset([question]),
            }
        )
        self.assertCanCreate(home, FeedbackFormPage, data)
        page = FeedbackFormPage.objects.get(slug="encuesta")
        assert [f.clean_name for f in page.form_fields.all()] == ["volverias"]

    def test_a_new_page_can_be_previewed(self):
        from django.test import RequestFactory

        page = FeedbackFormPage(title="Nueva", slug="nueva")
        request = RequestFactory().get("/")
        response = page.make_preview_request(request, "form")
        assert response.status_code == 200

    def test_an_email_field_is_refused_in_the_admin(self):
        self.login()
        home = HomePage.objects.get(locale=Locale.get_default())
        question = {"label": "Tu correo", "field_type": "email", "required": True}
        question.update(choices="", help_text="", default_value="")
        data = nested_form_data(
            {
                "title": "Encuesta",
                "slug": "encuesta-correo",
                "intro": rich_text(""),
                "thank_you_text": rich_text(""),
                "form_fields": inline_formset([question]),
                "action-publish": "publish",
            }
        )
        url = f"/admin/pages/add/reports/feedbackformpage/{home.pk}/"
        response = self.client.post(url, data)
        assert response.status_code == 200  # the form again, with its error
        assert not FeedbackFormPage.objects.filter(slug="encuesta-correo").exists()

    def test_no_identifying_field_types_offered(self):
        field = FeedbackFormPage.form_fields.rel.related_model._meta.get_field("field_type")
        assert not {"email", "url", "hidden", "date", "datetime"} & {c for c, _ in field.choices}
