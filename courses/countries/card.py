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

from courses.printing.cards import FourUpSheet, PocketCard
from courses.printing.documents import PrintDocument


class RightsCardDocument(PocketCard, PrintDocument):
    """The essentials of a country page and its contacts, on small pages:
    two sides, the essentials and the contacts."""

    variant = "card"
    template = "print/card.html"

    @cached_property
    def module(self):
        return None  # a country page belongs to no module

    def neutral_name(self):
        return _("cartilla %(code)s") % {"code": self.page.code}

    def plain_name(self):
        return _("Cartilla de derechos: %(country)s") % {"country": self.page.title}

    def context(self):
        return {**super().context(), "contacts": list(self.page.contacts.all())}


class CardSheetDocument(FourUpSheet, RightsCardDocument):
    """Four identical cards on one A4 (or Letter) sheet, with dashed cut lines."""

    variant = "card-sheet"

    def neutral_name(self):
        return _("cartilla %(code)s, hoja para recortar") % {"code": self.page.code}

    def plain_name(self):
        return _("Cartilla de derechos: %(country)s, cuatro por hoja") % {
            "country": self.page.title
        }
