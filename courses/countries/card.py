"""The pocket rights card ("cartilla de derechos") of a country page: a
small PDF with the essentials and the help contacts, printed A6 (a quarter
of A4) or a quarter of Letter, to cut out and carry.

A document kind of the printing pipeline like the others (see
courses/printing/documents.py), declared by CountryPage.print_documents:
cached by the page's published revision and this module's code (the layout
fingerprint covers it), rendered once, bounded, with the safe fetcher.
"""

from functools import cached_property

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from courses.printing.documents import PrintDocument
from courses.printing.imposition import impose_four_up

CARD_PAPER = {
    # The site's paper setting chooses which sheet the card is cut from.
    "a4": "A6",
    "letter": "4.25in 5.5in",
}


class RightsCardDocument(PrintDocument):
    """The essentials of a country page and its contacts, on small pages."""

    variant = "card"
    template = "print/card.html"
    # Two sides, the essentials and the contacts: tighter if a third would hold little.
    fit_to_paper = True

    @cached_property
    def module(self):
        return None  # a country page belongs to no module

    @property
    def paper_label(self):
        if self.paper == "a4":
            return pgettext("papel", "A6 (un cuarto de A4)")
        return pgettext("papel", "1/4 de carta")

    def neutral_name(self):
        return _("cartilla %(code)s") % {"code": self.page.code}

    def plain_name(self):
        return _("Cartilla de derechos: %(country)s") % {"country": self.page.title}

    def context(self):
        return {
            **super().context(),
            "paper_css": CARD_PAPER[self.paper],
            "contacts": list(self.page.contacts.all()),
        }


class CardSheetDocument(RightsCardDocument):
    """Four identical cards on one A4 (or Letter) sheet, with dashed cut
    lines: printed on both sides, each card's back lands behind its front."""

    variant = "card-sheet"

    @property
    def paper_label(self):
        return pgettext("papel", "A4") if self.paper == "a4" else pgettext("papel", "Carta")

    def neutral_name(self):
        return _("cartilla %(code)s, hoja para recortar") % {"code": self.page.code}

    def plain_name(self):
        return _("Cartilla de derechos: %(country)s, cuatro por hoja") % {
            "country": self.page.title
        }

    def impose(self, data, pages):
        return impose_four_up(data, self.paper)
