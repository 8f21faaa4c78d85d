"""Booklets and card sheets: small pages imposed on big sheets with pypdf,
read back (page order, sizes, text on each half)."""

import io
import math
from collections import Counter

import pytest
from pypdf import PdfReader

from courses.countries.models import CountryPage
from courses.models import FacilitatorGuidePage, HandoutPage
from courses.printing.documents import NotPrintable, document_for, documents_for
from courses.printing.imposition import booklet_order, impose_booklet, impose_four_up

A4_LANDSCAPE = (841.9, 595.3)
LETTER_LANDSCAPE = (792.0, 612.0)
A4 = (595.3, 841.9)


def size(page):
    return round(float(page.mediabox.width), 1), round(float(page.mediabox.height), 1)


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (4, [(3, 0), (1, 2)]),
        # Padded to 8: the last two pages (6 and 7, from 0) are blank.
        (6, [(None, 0), (1, None), (5, 2), (3, 4)]),
        # Padded to 12: three sheets, six sides.
        (10, [(None, 0), (1, None), (9, 2), (3, 8), (7, 4), (5, 6)]),
    ],
)
def test_booklet_order_folds_into_reading_order(count, expected):
    order = booklet_order(count)
    assert order == expected
    printed = [n for side in order for n in side if n is not None]
    assert sorted(printed) == list(range(count))  # each page once


def test_booklet_order_nests_the_sheets():
    # Folded and stacked, the sheets read 1…16: the outer sheet holds the
    # first two and the last two pages.
    order = booklet_order(16)
    assert order[0] == (15, 0) and order[1] == (1, 14)
    assert order[-2] == (9, 6) and order[-1] == (7, 8)
    for left, right in order:
        assert left + right == 15  # facing halves always add up to n - 1


def numbered_pdf(count, width=419.5, height=595.3):
    """A PDF of ``count`` A5 pages, each saying its number."""
    from weasyprint import HTML

    pages = "".join(f'<p style="break-after: page">Página {n}</p>' for n in range(1, count + 1))
    html = f"<style>@page {{ size: {width}pt {height}pt; margin: 10mm }}</style>{pages}"
    return HTML(string=html).write_pdf()


def body_type_size(reader):
    """The type size (pt) most of the text of ``reader``'s pages is set in."""
    sizes = Counter()

    def visit(text, cm, tm, font, font_size):
        if text.strip():
            scale = math.hypot(tm[0], tm[1]) * math.hypot(cm[0], cm[1])
            sizes[round(font_size * scale, 1)] += len(text.strip())

    for page in reader.pages:
        page.extract_text(visitor_text=visit)
    return sizes.most_common(1)[0][0]


def halves(page):
    """The text on the left and on the right half of a side."""
    middle = float(page.mediabox.width) / 2
    found = {"left": [], "right": []}

    def visit(text, cm, tm, font, font_size):
        if text.strip():
            x = cm[4] + tm[4] * cm[0]
            found["left" if x < middle else "right"].append(text.strip())

    page.extract_text(visitor_text=visit)
    return " ".join(found["left"]), " ".join(found["right"])


def test_an_imposed_booklet_puts_each_page_on_its_half():
    data, sides = impose_booklet(numbered_pdf(6), "a4")
    reader = PdfReader(io.BytesIO(data))
    assert sides == len(reader.pages) == 4
    assert size(reader.pages[0]) == pytest.approx(A4_LANDSCAPE, abs=1)
    read = [halves(page) for page in reader.pages]
    assert read[0] == ("", "Página 1")  # the back cover is blank padding
    assert read[1] == ("Página 2", "")
    assert read[2] == ("Página 6", "Página 3")
    assert read[3] == ("Página 4", "Página 5")


def test_four_up_puts_four_copies_of_each_page_on_a_sheet():
    data, sheets = impose_four_up(numbered_pdf(2, 297.6, 419.5), "a4")
    reader = PdfReader(io.BytesIO(data))
    assert sheets == len(reader.pages) == 2
    assert size(reader.pages[0]) == pytest.approx(A4, abs=1)
    for n, page in enumerate(reader.pages, 1):
        assert page.extract_text().count(f"Página {n}") == 4


@pytest.mark.django_db
def test_the_guide_booklet_is_a5_pages_two_to_a_side():
    guide = FacilitatorGuidePage.objects.live().filter(locale__language_code="es").first()
    full, full_pages = document_for(guide, "facilitator", "a4").render_bytes()
    data, sides = document_for(guide, "booklet", "a4").render_bytes()
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == sides and sides % 2 == 0
    assert size(reader.pages[0]) == pytest.approx(A4_LANDSCAPE, abs=1)
    # About half the paper of the full-size guide (a booklet comes in whole
    # folded sheets of four pages), in type still readable on paper.
    full_sheets = (full_pages + 1) // 2
    assert sides // 2 <= full_sheets * 0.55, (sides // 2, full_sheets)
    assert body_type_size(reader) >= 9
    # The first side: the last page (blank or the answers) and the cover.
    left, right = halves(reader.pages[0])
    assert guide.module.title.split()[0] in right
    assert "guía de facilitación" in right.lower()
    letter = document_for(guide, "booklet", "letter").render_bytes()[0]
    assert size(PdfReader(io.BytesIO(letter)).pages[0]) == pytest.approx(LETTER_LANDSCAPE, abs=1)


@pytest.mark.django_db
def test_the_card_sheet_is_four_cards_a_side_on_a4_and_letter():
    country = CountryPage.objects.live().filter(locale__language_code="es").first()
    card, card_pages = document_for(country, "card", "a4").render_bytes()
    data, sheets = document_for(country, "card-sheet", "a4").render_bytes()
    reader = PdfReader(io.BytesIO(data))
    assert sheets == card_pages == len(reader.pages) <= 2  # two sides: one sheet
    assert size(reader.pages[0]) == pytest.approx(A4, abs=1)
    assert reader.pages[0].extract_text().count(country.title) >= 4
    letter = PdfReader(io.BytesIO(document_for(country, "card-sheet", "letter").render_bytes()[0]))
    assert size(letter.pages[0]) == pytest.approx((612.0, 792.0), abs=1)


@pytest.mark.django_db
@pytest.mark.parametrize(("paper", "sheet"), [("a4", A4), ("letter", (612.0, 792.0))])
def test_si_me_detienen_is_four_pocket_cards_on_one_sheet(paper, sheet):
    handout = HandoutPage.objects.live().get(slug="si-me-detienen", locale__language_code="es")
    data, sides = document_for(handout, "pocket-cards", paper).render_bytes()
    reader = PdfReader(io.BytesIO(data))
    assert sides == len(reader.pages) == 2  # one sheet, both sides
    assert size(reader.pages[0]) == pytest.approx(sheet, abs=1)
    front, back = (" ".join(page.extract_text().split()) for page in reader.pages)
    # Four identical cards a side: the rights on the front, the numbers on the back.
    assert front.count("Si me detienen") == 4
    assert front.count("No firmo nada que no haya leído y entendido.") == 4
    assert back.count("Persona de confianza") == 4


@pytest.mark.django_db
def test_only_handouts_marked_as_pocket_cards_offer_the_card_sheet():
    handouts = HandoutPage.objects.live().filter(locale__language_code="es")
    offering = {h.slug for h in handouts if "pocket-cards" in documents_for(h)}
    assert offering == {"si-me-detienen"}
    other = handouts.exclude(slug="si-me-detienen").first()
    with pytest.raises(NotPrintable):
        document_for(other, "pocket-cards", "a4")
