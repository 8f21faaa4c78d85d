"""The editor's live preview (issue 14): Wagtail shows previews in a frame of
the admin, so they accept the admin as frame while public pages refuse every
frame; a preview PDF says it is a draft; drafts stay invisible to visitors."""

import io

from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation

import pytest
from pypdf import PdfReader

from courses.models import HandoutPage, LessonPage

pytestmark = pytest.mark.django_db


def pdf_text(data):
    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def directive(response, name):
    policy = dict(
        part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";")
    )
    return policy[name]


def preview(page, mode, user):
    """What the admin's preview panel shows: Wagtail's own preview request,
    sent through every middleware with the page's public address."""
    request = RequestFactory().get(reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk]))
    request.user = user
    return page.make_preview_request(request, mode, {"in_preview_panel": True})


def a_lesson(language="es"):
    return LessonPage.objects.live().filter(locale__language_code=language).order_by("path").first()


def test_the_admin_can_frame_the_preview_of_a_lesson(admin_user):
    lesson = a_lesson()
    response = preview(lesson, "", admin_user)
    assert response.status_code == 200
    assert lesson.title in response.text
    assert directive(response, "frame-ancestors") == "'self'"
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert "private" in response["Cache-Control"]


def test_public_pages_still_refuse_every_frame(client):
    lesson = a_lesson()
    response = client.get(lesson.url)
    assert directive(response, "frame-ancestors") == "'none'"
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize(
    ("language", "draft", "published"),
    [("es", "BORRADOR", "Publicado el"), ("pt-br", "RASCUNHO", "Publicado em")],
)
def test_a_pdf_preview_is_marked_as_a_draft_and_has_no_publication_date(
    admin_user, language, draft, published
):
    handout = HandoutPage.objects.live().filter(locale__language_code=language).first()
    with translation.override(language):
        response = preview(handout, "pdf", admin_user)
    assert response["Content-Type"] == "application/pdf"
    assert directive(response, "frame-ancestors") == "'self'"
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    text = pdf_text(response.content)
    assert draft in text
    assert published not in text


def test_the_published_pdf_has_its_date_and_no_draft_mark(client):
    handout = HandoutPage.objects.live().filter(locale__language_code="es").first()
    response = client.get(handout.url + "pdf/")
    body = b"".join(response.streaming_content) if response.streaming else response.content
    text = pdf_text(body)
    assert "Publicado el" in text
    assert "BORRADOR" not in text


def test_a_previewed_draft_stays_invisible_to_visitors(admin_user, client):
    lesson = a_lesson()
    lesson.title = "Título de un borrador sin publicar"
    lesson.save_revision(user=admin_user)
    draft = lesson.get_latest_revision_as_object()
    assert "Título de un borrador sin publicar" in preview(draft, "", admin_user).text

    public = client.get(lesson.url)
    assert public.status_code == 200
    assert "Título de un borrador sin publicar" not in public.text
    assert not public.cookies
