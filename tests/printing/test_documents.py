"""The printed files themselves, read back: what is in each, what is never
in participant copies, metadata, page sizes and names."""

import io
import zipfile

from django.utils import translation
from django.utils.text import slugify

from wagtail.models import Site

import pytest
from pypdf import PdfReader

from courses.models import PrintedFile
from courses.printing.documents import document_for

from .conftest import pdf_text, plain

pytestmark = pytest.mark.django_db


def reader(printed, name):
    response, body = printed[name]
    assert response.status_code == 200, body[:500]
    return PdfReader(io.BytesIO(body))


def test_handout_pdf_has_title_content_running_header_and_page_numbers(printed):
    handout, module = printed["pages"]["handout"], printed["pages"]["module"]
    pdf = reader(printed, "handout")
    text = pdf_text(printed["handout"][1])
    assert 1 <= len(pdf.pages) <= 3
    assert handout.title in text
    assert module.title in text  # running header
    assert f"1 / {len(pdf.pages)}" in text
    assert "Licencia CC BY-SA 4.0" in text
    first_block = next(b for b in handout.body if b.block_type == "facts")
    assert first_block.value["title"] in text


def test_pdfs_are_tagged_with_title_language_and_author(printed):
    handout = printed["pages"]["handout"]
    pdf = reader(printed, "handout")
    assert pdf.metadata.title == handout.title
    assert pdf.metadata.author == "Taller"
    root = pdf.trailer["/Root"]
    assert root["/Lang"] == "es"
    assert bool(root["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in root


def test_pdfs_are_served_with_type_length_name_and_validators(printed):
    response, body = printed["handout"]
    handout = printed["pages"]["handout"]
    assert response["Content-Type"] == "application/pdf"
    assert int(response["Content-Length"]) == len(body)
    assert response["Content-Disposition"] == f'inline; filename="{slugify(handout.title)}.pdf"'
    assert response["ETag"].startswith('"') and response["Last-Modified"].endswith("GMT")
    assert "public" in response["Cache-Control"]
    zip_response, _ = printed["zip"]
    assert zip_response["Content-Type"] == "application/zip"
    assert zip_response["Content-Disposition"].startswith("attachment; filename=")


def test_lesson_pdf_has_the_questions_but_never_the_answers(printed):
    lesson = printed["pages"]["lesson"]
    text = pdf_text(printed["lesson"][1])
    assert lesson.title in text
    checks = [b.value for b in lesson.body if b.block_type == "self_check"]
    assert checks
    for check in checks:
        assert check["question"][:40] in text
        for option in check["options"]:
            if option["feedback"]:
                assert option["feedback"][:30] not in text
        assert plain(check["explanation"], 40) not in text
    assert "Correcta:" not in text


def test_participant_pdfs_never_contain_facilitator_notes(printed):
    notes = [plain(a.facilitator_notes, 50) for a in printed["pages"]["activities"]]
    notes = [n for n in notes if n]
    assert notes
    for name in ("handout", "lesson"):
        text = pdf_text(printed[name][1])
        assert "Notas para quien facilita" not in text
        for note in notes:
            assert note not in text, f"{name} PDF leaks a facilitator note"


def test_guide_pdf_has_cover_contents_agenda_activities_annex_and_answers(printed):
    guide, module = printed["pages"]["guide"], printed["pages"]["module"]
    pdf = reader(printed, "guide")
    text = pdf_text(printed["guide"][1])
    assert pdf.metadata.title == f"{module.title}: guía de facilitación"
    for heading in ("Contenido", "Objetivos", "Preparación y materiales", "Agenda", "Acumulado"):
        assert heading in text
    for row in guide.agenda:
        assert row.starts.strftime("%H:%M") in text
        assert row.item.title[:30] in text
    assert "Materiales de todas las actividades" in text
    activity = next(a for a in printed["pages"]["activities"] if a.facilitator_notes)
    assert plain(activity.facilitator_notes, 50) in text
    assert plain(activity.safety_note, 50) in text
    for handout in printed["pages"]["handouts"]:
        assert handout.title in text
    assert "Anexo: respuestas de las autoevaluaciones" in text
    assert "Correcta:" in text
    assert len(pdf.pages) > 10


def test_pack_zip_holds_the_guide_every_handout_and_a_how_to_print_note(printed):
    response, body = printed["zip"]
    archive = zipfile.ZipFile(io.BytesIO(body))
    names = archive.namelist()
    handouts = printed["pages"]["handouts"]
    assert len(names) == 1 + len(handouts) + 1
    assert names[0].endswith("guia-de-facilitacion.pdf")
    assert names[1:-1] == [f"{slugify(h.title)}.pdf" for h in handouts]
    assert names[-1] == "como-imprimir.txt"
    note = archive.read(names[-1]).decode()
    assert "100 %" in note and all(h.title in note for h in handouts)
    for name in names[:-1]:
        pdf = PdfReader(io.BytesIO(archive.read(name)))
        assert len(pdf.pages) >= 1


def test_pack_pdf_is_a_how_to_print_page_the_guide_and_each_handout(printed):
    pdf = reader(printed, "pack")
    # Words only: a long title wraps in its table cell ("del\ntaller").
    first_page = " ".join(pdf.pages[0].extract_text().split())
    assert "Cómo imprimir" in first_page
    handouts = printed["pages"]["handouts"]
    assert len({h.pk for h in handouts}) == len(handouts)
    for handout in handouts:
        assert first_page.count(f"{handout.title} ") == 1, handout.title
    # Each handout's copies, per participant, per group or for the workshop.
    with translation.override("es"):
        assert all(h.copies_short_label in first_page for h in handouts)
    each_one = [h for h in handouts if h.copies_each_participant == 1]
    assert first_page.count("1 por participante") == len(each_one) < len(handouts)
    guide_pages = len(reader(printed, "guide").pages)
    assert len(pdf.pages) < guide_pages + 1 + 2 * len(printed["pages"]["handouts"])
    assert "Anexo: hojas para participantes" not in pdf_text(printed["pack"][1])


def test_letter_paper_is_letter_sized_and_named_so(client, clean_print_cache):
    from .conftest import first_module

    handout = first_module().handouts[0]
    response = client.get(handout.url + "pdf/letter/")
    pdf = PdfReader(io.BytesIO(response.content))
    box = pdf.pages[0].mediabox
    assert (round(box.width), round(box.height)) == (612, 792)
    assert response["Content-Disposition"].endswith('-carta.pdf"')


def test_a4_is_the_default_and_letter_when_the_site_says_so(printed):
    from cms.models import SiteSettings

    pdf = reader(printed, "handout")
    box = pdf.pages[0].mediabox
    assert (round(box.width), round(box.height)) == (595, 842)
    handout = printed["pages"]["handout"]
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.default_paper = "letter"
    settings.save()
    assert document_for(handout).paper == "letter"


def test_discreet_names_say_nothing_about_the_topic(printed):
    from cms.models import SiteSettings

    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.discreet_downloads = True
    settings.save()
    handout, guide = printed["pages"]["handout"], printed["pages"]["guide"]
    assert document_for(handout).file_name == "taller-modulo-1-hoja-1.pdf"
    assert document_for(handout).title == "Taller · módulo 1, hoja 1"
    assert document_for(guide).file_name == "taller-modulo-1-guia.pdf"
    assert document_for(guide, "pack-zip").file_name == "taller-modulo-1-paquete.zip"
    assert document_for(guide, "pack", "letter").file_name == "taller-modulo-1-paquete-carta.pdf"
    assert document_for(handout).author == "Taller"


def test_editors_preview_the_draft_as_a_pdf(rf, admin_user, printed):
    handout = printed["pages"]["handout"]
    draft = type(handout).objects.get(pk=handout.pk)
    draft.title = "Borrador sin publicar"
    request = rf.get("/")
    request.user = admin_user
    assert ("pdf", "PDF para imprimir") in [(m, str(label)) for m, label in draft.preview_modes]
    response = draft.serve_preview(request, "pdf")
    assert response["Content-Type"] == "application/pdf"
    assert "no-store" in response["Cache-Control"]
    assert "Borrador sin publicar" in pdf_text(response.content)
    assert not PrintedFile.objects.filter(page=handout).exists()
