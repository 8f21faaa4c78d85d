"""Pocket cards: a document laid out on small pages (A6, a quarter of A4,
or a quarter of Letter) to cut out and carry, and the same card four times
on one sheet with dashed cut lines (imposition.py). A country's rights card
and a handout marked as a pocket card ("Si me detienen") are made so."""

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from .documents import HandoutDocument, paper_label
from .imposition import impose_four_up

# The site's paper setting chooses which sheet the card is cut from.
CARD_PAPER = {"a4": "A6", "letter": "4.25in 5.5in"}


class PocketCard:
    """A document on a quarter of the site's paper, fitted to two sides
    (laid out tighter until it fits them, see fit.py)."""

    fit_to_paper = True

    def fits(self, data, pages):
        return pages <= 2

    @property
    def paper_label(self):
        if self.paper == "a4":
            return pgettext("papel", "A6 (un cuarto de A4)")
        return pgettext("papel", "1/4 de carta")

    def context(self):
        return {**super().context(), "paper_css": CARD_PAPER[self.paper]}


class FourUpSheet:
    """Each side of a pocket card four times on one sheet of the site's
    paper: printed on both sides, each card's back lands behind its front,
    as the four copies are the same."""

    @property
    def paper_label(self):
        return paper_label(self.paper)

    def impose(self, data, pages):
        return impose_four_up(data, self.paper)


class HandoutCardsDocument(FourUpSheet, PocketCard, HandoutDocument):
    """A handout meant to be carried ("Si me detienen"), as four pocket
    cards on one sheet: offered only by handouts marked as pocket cards."""

    variant = "pocket-cards"
    template = "print/handout_card.html"

    @classmethod
    def offered_by(cls, page):
        return getattr(page, "pocket_card", False) is True

    def neutral_name(self):
        return _("%(name)s, tarjetas para recortar") % {"name": super().neutral_name()}

    def plain_name(self):
        return _("%(title)s: cuatro tarjetas por hoja") % {"title": self.page.title}
