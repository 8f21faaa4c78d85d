"""The facilitator guide and the workshop pack as A5 booklets: laid out on
A5 pages (half-Letter on Letter), then imposed two to a side of an A4 (or
Letter) sheet in booklet order (imposition.py), to print on both sides,
fold once and staple. Half the paper of the full-size PDF."""

from django.utils.translation import gettext as _

from .documents import GuideDocument, ModulePackDocument
from .imposition import impose_booklet

# The page a booklet is laid out on, for each sheet it is printed on.
HALF_PAPER = {"a4": "A5", "letter": "5.5in 8.5in"}
# Narrower margins than the full-size page, handouts' pages included.
BOOKLET_CSS = (
    "@page { margin: 14mm 11mm 13mm 11mm; } @page handout { margin: 14mm 11mm 13mm 11mm; } "
    "@page cover { margin: 18mm 14mm; }"
)


class BookletMixin:
    fit_handouts = False  # handouts fitted to full-size pages, not to A5
    fit_to_paper = False  # laid out once, as designed for half pages

    def context(self):
        return {
            **super().context(),
            "paper_css": HALF_PAPER[self.paper],
            "page_css": BOOKLET_CSS,
            "booklet": True,
        }

    def key_extra(self):
        return ["booklet", super().key_extra()]

    def impose(self, data, pages):
        """Laid out on half sheets, then imposed: ``(bytes, sides)``."""
        return impose_booklet(data, self.paper)


class GuideBookletDocument(BookletMixin, GuideDocument):
    """The facilitator guide, handouts annex included, as an A5 booklet."""

    variant = "booklet"

    def neutral_name(self):
        return _("módulo %(m)s, guía en cuadernillo") % {"m": self.module_number}

    def plain_name(self):
        module = self.module.title if self.module else ""
        return _("%(module)s: guía en cuadernillo A5") % {"module": module}


class PackBookletDocument(BookletMixin, ModulePackDocument):
    """The workshop pack as an A5 booklet: for reading and running the
    workshop; handouts to photocopy come full size from the pack."""

    variant = "pack-booklet"

    def neutral_name(self):
        return _("módulo %(m)s, paquete en cuadernillo") % {"m": self.module_number}

    def plain_name(self):
        module = self.module.title if self.module else ""
        return _("%(module)s: paquete en cuadernillo A5") % {"module": module}
