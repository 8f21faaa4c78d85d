"""Every download link on every page type says what it downloads: a
facilitator must tell a participant sheet from the guide that holds the
answers. Each link's label is read against the document it points to: the
page its address belongs to, the file's content type and the PDF's title."""

import io
from html.parser import HTMLParser

from django.utils import translation
from django.utils.translation import gettext as _

import pytest
from pypdf import PdfReader

from courses.countries.models import CountryPage
from courses.models import FacilitatorGuidePage, HandoutPage, LessonPage, ModulePage

from ..planner.helpers import create_plan
from .conftest import fetch

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clean_print_cache")]

LANGUAGES = ["es", "pt-br", "en"]


class DownloadLinks(HTMLParser):
    """The main download links (a.downloads__link) of a page: href, type, text."""

    def __init__(self):
        super().__init__()
        self.links = []
        self._open = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and "downloads__link" in (attrs.get("class") or "").split():
            self._open = {"href": attrs["href"], "type": attrs.get("type"), "text": ""}

    def handle_data(self, data):
        if self._open is not None:
            self._open["text"] += data

    def handle_endtag(self, tag):
        if tag == "a" and self._open is not None:
            self._open["text"] = " ".join(self._open["text"].split())
            self.links.append(self._open)
            self._open = None


def download_links(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    parser = DownloadLinks()
    parser.feed(response.content.decode())
    return parser.links


def expected_label(href, pages_by_url):
    """The label a link must carry, worked out from where it points: the
    page its address starts with, and the route under it."""
    owner = max((u for u in pages_by_url if href.startswith(u)), key=len)
    page, route = pages_by_url[owner], href[len(owner) :]
    if route.startswith("pack/zip"):
        return _("Paquete del taller en ZIP (PDF sueltos)"), "application/zip"
    if route.startswith("pack/"):
        return _("Todo para imprimir"), "application/pdf"
    assert route.startswith("pdf/"), href
    parts = route.strip("/").split("/")  # pdf/<paper>/<variant>/: the other printed versions
    if len(parts) == 3:
        return variant_labels()[parts[2]]
    labels = {
        HandoutPage: _("Descargar la hoja para imprimir"),
        LessonPage: _("Descargar la lección en PDF"),
        FacilitatorGuidePage: _("Guía de facilitación en PDF"),
        CountryPage: _("Descargar la cartilla"),
    }
    return labels[type(page)], "application/pdf"


def variant_labels():
    """Labels in the active language, read when the test runs."""
    return {
        "docx": (
            _("Hoja editable para Word (.docx)"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        "odt": (
            _("Hoja editable para LibreOffice (.odt)"),
            "application/vnd.oasis.opendocument.text",
        ),
        "booklet": (_("Guía en cuadernillo A5 (doblar y grapar)"), "application/pdf"),
        "pack-booklet": (_("Paquete en cuadernillo A5 (doblar y grapar)"), "application/pdf"),
        "card-sheet": (_("Cuatro cartillas en una hoja, para recortar"), "application/pdf"),
    }


def module_pages(language):
    module = (
        ModulePage.objects.live().filter(locale__language_code=language).order_by("path").first()
    )
    return [module, module.guide, *module.lessons, *module.handouts]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_download_link_is_labelled_as_the_document_it_points_to(client, language):
    pages = module_pages(language)
    pages += list(CountryPage.objects.live().filter(locale__language_code=language)[:1])
    pages_by_url = {page.url: page.specific for page in pages}
    checked = set()
    with translation.override(language):
        for page in pages:
            links = download_links(client, page.url)
            if not isinstance(page.specific, ModulePage):
                assert links, f"{page.url} offers nothing to download"
            for link in links:
                label, content_type = expected_label(link["href"], pages_by_url)
                assert link["text"] == label, (page.url, link)
                assert link["type"] == content_type, (page.url, link)
                checked.add(link["text"])
        # The module page lists its guide and every handout, each under its own label.
        assert {_("Guía de facilitación en PDF"), _("Descargar la hoja para imprimir")} <= checked


def test_a_handout_link_on_the_module_page_downloads_that_handout(client):
    module = module_pages("es")[0]
    handout_links = [
        link
        for link in download_links(client, module.url)
        if any(link["href"] == handout.url + "pdf/" for handout in module.handouts)
    ]
    assert len(handout_links) == len(module.handouts)
    handout = module.handouts[0]
    response, body = fetch(client, handout.url + "pdf/")
    assert response["Content-Type"] == "application/pdf"
    title = PdfReader(io.BytesIO(body)).metadata.title
    assert handout.title in title
    assert handout_links[0]["text"] == "Descargar la hoja para imprimir"


def test_the_plan_pages_label_the_pack_and_the_zip(client):
    from courses.models import Activity

    activity = Activity.objects.filter(guide__locale__language_code="es").first()
    edit_url, share_url = create_plan(client, activity)
    for url in (edit_url, share_url):
        links = download_links(client, url)
        labels = {link["text"]: link["type"] for link in links}
        assert labels == {
            "Paquete del taller en un PDF": "application/pdf",
            "Hojas para participantes en ZIP (PDF sueltos)": "application/zip",
        }, url
        for link in links:
            kind = "zip" if link["type"] == "application/zip" else "pdf"
            assert f"/paquete/{kind}" in link["href"], link


@pytest.mark.parametrize(
    ("warm", "wanted"), [(True, "se está preparando"), (False, "se prepara al pedirlo")]
)
def test_a_link_says_its_file_is_being_prepared_while_a_worker_makes_it(
    client, settings, warm, wanted
):
    from courses.models import PrintedFile

    settings.TALLER_PDF_WARM_ON_PUBLISH = warm
    handout = module_pages("es")[0].handouts[0]
    PrintedFile.objects.filter(page=handout).delete()
    html = client.get(handout.url).content.decode()
    meta = html[html.index('class="downloads__meta"') :]
    assert wanted in meta[: meta.index("</span>")]
