"""'Todo para imprimir': the recommended download of a workshop, with the
sheets to print for the number of participants a trainer types (a GET
form, no JavaScript), counted from the files already made."""

import re

from django.core.cache import cache
from django.test import Client
from django.utils import translation

import pytest

from courses.models import FacilitatorGuidePage, HandoutPage
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


@pytest.mark.parametrize(
    ("copies", "unit", "size", "participants", "printed", "label"),
    [
        (2, "participant", 5, 20, 40, "2 copias por participante"),
        (1, "group", 5, 20, 4, "1 copia por grupo de 5"),
        (1, "group", 5, 21, 5, "1 copia por grupo de 5"),  # a started group needs its copy
        (1, "group", 2, 7, 4, "1 copia por grupo de 2"),
        (3, "workshop", 5, 20, 3, "3 copias para todo el taller"),
        (3, "workshop", 5, 500, 3, "3 copias para todo el taller"),
    ],
)
def test_copies_are_counted_per_participant_per_group_or_per_workshop(
    copies, unit, size, participants, printed, label
):
    handout = HandoutPage(copies=copies, copies_for=unit, people_per_group=size)
    assert handout.copies_to_print(participants) == printed
    with translation.override("es"):
        assert handout.copies_label == label


def spanish_guide_with_copies():
    """A guide whose handouts ask for two copies per participant, and for
    copies per group and for the whole workshop."""
    for guide in FacilitatorGuidePage.objects.live().filter(locale__language_code="es"):
        handouts = guide.module.handouts
        units = {h.copies_for for h in handouts}
        if any(h.copies > 1 for h in handouts) and {"group", "workshop"} <= units:
            return guide
    raise LookupError("no demo guide has copies per group and for the workshop")


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
    handout_pages, handouts = 0, []
    for handout in guide.module.handouts:
        pages = store.ensure(document_for(handout, "participant", "a4")).pages
        handout_pages += pages
        handouts.append(((pages + 1) // 2, handout))
    facilitator = (pack_pages - handout_pages + 1) // 2
    handout_sheets = sum(s * h.copies for s, h in handouts if h.copies_for == "participant")

    cache.clear()
    for typed, participants in (("", 20), ("3", 3)):
        url = guide.url + (f"?participantes={typed}" if typed else "")
        response = client.get(url)
        assert not response.cookies
        text = " ".join(response.content.decode().split())
        # Group sheets once per started group, workshop sheets once.
        shared = 0
        for s, h in handouts:
            if h.copies_for == "group":
                shared += s * h.copies * -(-participants // h.people_per_group)
            elif h.copies_for == "workshop":
                shared += s * h.copies
        total = facilitator + shared + handout_sheets * participants
        assert f"{total} hojas para {participants} participantes" in text, text[:0]
        assert f"{handout_sheets} hojas por participante" in text
        assert f"{shared} para los grupos o todo el taller" in text
        assert f'value="{participants}"' in text
    module_page = " ".join(client.get(guide.module.url).content.decode().split())
    assert re.search(r"Todo para imprimir.*hojas para 20 participantes", module_page)
    cache.clear()
