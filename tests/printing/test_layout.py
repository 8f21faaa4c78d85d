"""Printed handouts and packs read back: pages that are worth their paper,
page numbers that match the pack's contents, one source for copy counts.
Iterates over every demo module, whatever modules exist."""

import io
import re
import zipfile

import pytest
from pypdf import PdfReader

from courses.models import FacilitatorGuidePage, HandoutPage, ModulePage
from courses.printing.documents import document_for
from courses.printing.measure import page_fills

from .conftest import pdf_text

pytestmark = pytest.mark.django_db

LEAST_FILL = 0.2  # no page of a handout less than a fifth full


def spanish(model):
    return list(model.objects.live().filter(locale__language_code="es").order_by("path"))


def page_texts(data):
    reader = PdfReader(io.BytesIO(data))
    return [" ".join((page.extract_text() or "").split()) for page in reader.pages]


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_no_handout_page_is_less_than_a_fifth_full(paper):
    handouts = spanish(HandoutPage)
    assert len(handouts) >= 3
    thin = []
    for handout in handouts:
        data, pages = document_for(handout, "participant", paper).render_bytes()
        fills = page_fills(data)
        assert len(fills) == pages
        thin += [f"{handout.title} p. {n}" for n, f in enumerate(fills, 1) if f < LEAST_FILL]
    assert not thin, thin


@pytest.mark.parametrize("language", ["es", "en", "pt-br"])
def test_no_guide_or_pack_page_is_less_than_a_fifth_full(language):
    # One module a language (a guide takes seconds to lay out): the rights
    # module, whose longer English and Portuguese text left a few lines
    # alone before the annexes.
    modules = ModulePage.objects.live().filter(locale__language_code=language).order_by("path")
    guide = modules[1].guide
    for variant in ("facilitator", "pack"):
        data, _pages = document_for(guide, variant, "a4").render_bytes()
        fills = page_fills(data)
        thin = [n for n, fill in enumerate(fills[1:], 2) if fill < LEAST_FILL]  # cover aside
        assert not thin, (language, variant, thin)


def test_listed_handouts_fit_one_sheet_printed_on_both_sides():
    # The walkthrough's cases: three pages before, the third nearly empty.
    for slug in ("registro-de-incidentes", "ruta-de-denuncia-en-mi-pais", "si-me-detienen"):
        handout = HandoutPage.objects.live().get(slug=slug, locale__language_code="es")
        for paper in ("a4", "letter"):
            _data, pages = document_for(handout, "participant", paper).render_bytes()
            assert pages <= 2, (slug, paper, pages)


def test_pack_page_numbers_run_on_and_match_its_contents():
    for guide in spanish(FacilitatorGuidePage):
        data, count = document_for(guide, "pack", "a4").render_bytes()
        texts = page_texts(data)
        assert len(texts) == count
        # Every footer counts the whole pack, "n / total", never restarting
        # (a cover has none).
        for n, text in enumerate(texts, 1):
            footers = re.findall(r"\b(\d+) / (\d+)$", text)
            assert footers in ([], [(str(n), str(count))]), (guide, n, text[-40:])
        assert f"{count} / {count}" in texts[-1]
        cover = texts[0]
        handouts = list(guide.module.handouts)
        assert handouts
        for handout in handouts:
            found = re.search(re.escape(handout.title) + r" (\d+)(?:–(\d+))?", cover)
            assert found, (handout.title, cover)
            first = int(found.group(1))
            last = int(found.group(2) or first)
            assert handout.title in texts[first - 1]
            assert "Hoja para participantes" in texts[first - 1]
            if last < count:  # the next part starts on the page after
                assert handout.title not in texts[last] or last == first
        guide_row = re.search(r"Guía de facilitación (\d+)–(\d+)", cover)
        assert guide_row and int(guide_row.group(1)) == 2
        assert guide.module.title in texts[1]


def test_copies_are_one_source_for_guide_and_pack():
    handout = HandoutPage.objects.live().get(
        slug="registro-de-incidentes", locale__language_code="es"
    )
    assert (handout.copies, handout.copies_for) == (2, "participant")
    guide = handout.module.guide
    guide_text = pdf_text(document_for(guide, "facilitator", "a4").render_bytes()[0])
    assert "Registro de incidentes: 2 copias por participante" in guide_text
    assert "dos por participante" not in guide_text
    # Scripts and cases are printed per workshop or per group, not per participant.
    assert "En la esquina: guion del teatro foro: 3 copias para todo el taller" in guide_text
    assert "la noche de Sandra: 1 copia por grupo de 2" in guide_text
    pack = document_for(guide, "pack", "a4").render_bytes()[0]
    cover = page_texts(pack)[0]
    assert re.search(r"Registro de incidentes \d+–\d+ 2 por participante", cover), cover
    assert re.search(r"guion del teatro foro \d+(–\d+)? 3 para todo el taller", cover), cover
    archive = zipfile.ZipFile(io.BytesIO(document_for(guide, "pack-zip", "a4").render_bytes()[0]))
    note = archive.read("como-imprimir.txt").decode()
    assert "«Registro de incidentes»: 2 copias por participante, y algunas de más." in note
    assert "«Si me detienen»: 1 copia por participante" in note
    assert "«Caso ficticio: la noche de Sandra»: 1 copia por grupo de 2" in note


def test_materials_checklist_offers_nothing_that_is_not_a_material():
    for guide in spanish(FacilitatorGuidePage):
        for activity in guide.activity_list:
            for material in activity.material_list:
                assert material.strip(" .").casefold() not in {"ninguno", "ninguna", "nada"}
