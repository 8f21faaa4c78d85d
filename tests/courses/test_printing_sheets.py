"""'Todo para imprimir': the recommended download of a workshop, with the
sheets to print for the number of participants a trainer types (a GET
form, no JavaScript), counted from the files already made."""

import re

from django.core.cache import cache
from django.test import Client

import pytest

from courses.models import FacilitatorGuidePage
from courses.printing import store
from courses.printing.documents import document_for
from courses.printing.sheets import participants_from

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("typed", "participants"),
    [
        (None, 20),
        ("", 20),
        ("12", 12),
        (" 7 ", 7),
        ("0", 1),
        ("-3", 1),
        ("abc", 20),
        ("99999", 500),
    ],
)
def test_the_number_typed_is_kept_within_bounds(typed, participants):
    assert participants_from(typed) == participants


def spanish_guide_with_copies():
    for guide in FacilitatorGuidePage.objects.live().filter(locale__language_code="es"):
        if any(h.copies_per_participant > 1 for h in guide.module.handouts):
            return guide
    raise LookupError("no demo handout asks for more than one copy")


def test_the_pack_is_offered_first_with_the_sheets_for_the_participants():
    cache.clear()
    client = Client()
    guide = spanish_guide_with_copies()
    page = client.get(guide.url).content.decode()
    assert "Todo para imprimir" in page and "recomendado" in page
    assert page.index("Todo para imprimir") < page.index("Guía de facilitación en PDF")
    assert 'name="participantes"' in page and 'value="20"' in page
    assert "hojas para 20 participantes" not in page  # not made yet: no guess

    pack = document_for(guide, "pack", "a4")
    pack_pages = store.ensure(pack).pages
    handout_sheets, handout_pages = 0, 0
    for handout in guide.module.handouts:
        pages = store.ensure(document_for(handout, "participant", "a4")).pages
        handout_pages += pages
        handout_sheets += (pages + 1) // 2 * handout.copies_per_participant
    facilitator = (pack_pages - handout_pages + 1) // 2

    cache.clear()
    for typed, participants in (("", 20), ("3", 3)):
        url = guide.url + (f"?participantes={typed}" if typed else "")
        response = client.get(url)
        assert not response.cookies
        text = " ".join(response.content.decode().split())
        total = facilitator + handout_sheets * participants
        assert f"{total} hojas para {participants} participantes" in text, text[:0]
        assert f"{handout_sheets} hojas por participante" in text
        assert f'value="{participants}"' in text
    module_page = " ".join(client.get(guide.module.url).content.decode().split())
    assert re.search(r"Todo para imprimir.*hojas para 20 participantes", module_page)
    cache.clear()
