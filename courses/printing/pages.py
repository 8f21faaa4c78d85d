"""Printed versions as routes of the pages themselves, and as a preview
mode in the admin. Added to page models as mixins."""

from django.utils.translation import gettext_lazy as _

from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from .conf import PAPERS
from .documents import documents_for
from .http import preview, serve

PREVIEW_PDF = "pdf"
# Variants with routes of their own; the others are served by pdf_variant.
ROUTED_VARIANTS = ("participant", "facilitator", "card", "pack", "pack-zip")


class PrintableMixin(RoutablePageMixin):
    """``…/pdf/`` (the site's default paper), ``…/pdf/a4/``, ``…/pdf/letter/``,
    and a "PDF" preview mode that renders the draft."""

    print_variant = None  # the default variant: the first of print_documents
    print_documents = {}  # {variant: document class}, declared by each page type

    @path("pdf/", name="pdf")
    def pdf_view(self, request):
        return serve(request, self, self.print_variant)

    @path("pdf/<str:paper>/", name="pdf_paper")
    def pdf_paper_view(self, request, paper):
        return serve(request, self, self.print_variant, paper)

    @path("pdf/<str:paper>/<str:variant>/", name="pdf_variant")
    def pdf_variant_view(self, request, paper, variant):
        """Other printed versions the page offers (booklets, card sheets)."""
        return serve(request, self, variant, paper)

    def get_cached_paths(self):
        # What a CDN may keep of this page: the page and its printed versions.
        others = [v for v in documents_for(self.specific) if v not in ROUTED_VARIANTS]
        return [
            "/",
            "pdf/",
            *(f"pdf/{paper}/" for paper in PAPERS),
            *(f"pdf/{paper}/{variant}/" for paper in PAPERS for variant in others),
        ]

    @property
    def preview_modes(self):
        return [("", _("Página web")), (PREVIEW_PDF, _("PDF para imprimir"))]

    def serve_preview(self, request, mode_name):
        if mode_name == PREVIEW_PDF:
            return preview(request, self, self.print_variant)
        return super().serve_preview(request, mode_name)


class WorkshopPackMixin(PrintableMixin):
    """The facilitator guide's workshop pack: ``…/pack/pdf/`` and ``…/pack/zip/``
    (site's default paper), ``…/pack/pdf/letter/`` and so on. (Wagtail page
    paths allow no dots, so no ``pack.pdf``: the file name comes from
    Content-Disposition.)"""

    print_variant = "facilitator"

    @path("pack/pdf/", name="pack_pdf")
    def pack_pdf_view(self, request):
        return serve(request, self, "pack")

    @path("pack/zip/", name="pack_zip")
    def pack_zip_view(self, request):
        return serve(request, self, "pack-zip")

    @path("pack/pdf/<str:paper>/", name="pack_pdf_paper")
    def pack_pdf_paper_view(self, request, paper):
        return serve(request, self, "pack", paper)

    @path("pack/zip/<str:paper>/", name="pack_zip_paper")
    def pack_zip_paper_view(self, request, paper):
        return serve(request, self, "pack-zip", paper)

    def get_cached_paths(self):
        packs = [f"pack/{kind}/{paper}/" for kind in ("pdf", "zip") for paper in PAPERS]
        return [*super().get_cached_paths(), "pack/pdf/", "pack/zip/", *packs]

    @property
    def preview_modes(self):
        return super().preview_modes + [("pack", _("Paquete del taller (PDF)"))]

    def serve_preview(self, request, mode_name):
        if mode_name == "pack":
            return preview(request, self, "pack")
        return super().serve_preview(request, mode_name)
