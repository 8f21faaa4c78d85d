"""Links into the anonymous reports: from each facilitator guide (the report
form with its module chosen) and from the footer (the report form and the
feedback page in the visitor's language)."""

import html
import re

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from courses.models import FacilitatorGuidePage
from courses.reports.models import FeedbackFormPage

pytestmark = pytest.mark.django_db


def test_each_guide_links_to_the_report_form_with_its_module(client):
    guides = FacilitatorGuidePage.objects.live().filter(locale__language_code="es")
    assert guides
    for guide in guides:
        page = client.get(guide.url).content.decode()
        module = guide.get_parent()
        link = f'href="/es/informe-de-taller/?modulos={module.pk}"'
        assert link in page, guide.url
        form = client.get(f"/es/informe-de-taller/?modulos={module.pk}").context["form"]
        assert form.initial["modulos"] == [module.pk]


def footer(response):
    assert response.status_code == 200
    return response.content.decode().split('class="site-footer"', 1)[1]


def test_the_footer_links_to_the_report_form_and_the_feedback_page(client):
    feedback = FeedbackFormPage.objects.live().get(locale__language_code="es")
    for url in ("/es/", "/es/modulos/", "/es/buscar/", "/es/informe-de-taller/"):
        part = footer(client.get(url))
        assert 'href="/es/informe-de-taller/"' in part, url
        assert f'href="{feedback.url}">{html.escape(feedback.title)}</a>' in part, url
    assert client.get(feedback.url).status_code == 200


def test_the_footer_speaks_the_visitors_language(client):
    part = footer(client.get("/en/"))
    assert 'href="/en/workshop-report/"' in part
    # The English translation of the feedback page, not the Spanish one.
    english = FeedbackFormPage.objects.live().get(locale__language_code="en")
    assert f'href="{english.url}">{html.escape(english.title)}</a>' in part
    assert "tu-opinion" not in part
    spanish = FeedbackFormPage.objects.live().get(locale__language_code="es")
    assert spanish.title not in part


def test_the_footer_keeps_the_chosen_country(client):
    part = footer(client.get("/es/modulos/?pais=bo"))
    links = re.findall(r'href="([^"]*)"', part)
    assert "/es/informe-de-taller/?pais=bo" in links
    assert any(link.endswith("tu-opinion/?pais=bo") for link in links)


def test_the_feedback_link_costs_no_query_of_its_own(client):
    client.get("/es/informe-de-taller/")  # things every process loads once
    cache.clear()  # a cold render, not the page cache
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/es/informe-de-taller/")
    # Found with the header's pages, in the same query (cms.site_chrome).
    feedback_queries = [q for q in queries.captured_queries if "feedbackformpage" in q["sql"]]
    assert feedback_queries == []
    links = re.findall(r'href="([^"]*)"', footer(response))
    assert any(link.endswith("/tu-opinion/") for link in links)
