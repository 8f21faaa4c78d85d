"""Download links for the web pages, each with its size when it is known.

The size is known once the file is cached (rendered on publish by a worker,
by ``build_pdfs``, or by a first download). Working it out costs one query
for all links of a page: the cache keys are computed from data the page
already has, then looked up together.
"""

from dataclasses import dataclass, replace

from wagtail.models import Site

from cms.site_settings import SiteSettings

from . import conf
from .documents import document_for, documents_for, paper_of
from .models import PrintedFile

ROUTES = {
    "participant": ("pdf", "pdf_paper"),
    "facilitator": ("pdf", "pdf_paper"),
    "pack": ("pack_pdf", "pack_pdf_paper"),
    "pack-zip": ("pack_zip", "pack_zip_paper"),
    "card": ("pdf", "pdf_paper"),
}


@dataclass
class Download:
    url: str
    variant: str
    paper: str
    paper_label: str
    extension: str
    is_default_paper: bool
    size: int | None = None
    pages: int | None = None

    @property
    def sheets(self):
        """Sheets of paper, printed on both sides."""
        return (self.pages + 1) // 2 if self.pages else None


def downloads_for(page, variants=None, request=None, module=None):
    """Download links for ``page``: every variant it offers (or those named),
    default paper first. Empty for pages that have no printed version.
    ``module``: the page's module when the caller already holds it (a
    module page listing its handouts), so each list does not look it up."""
    page = page.specific
    kinds = documents_for(page)
    if not kinds or not page.live or page.url is None:
        return []
    first = _first_document(page, request)
    if module is not None:
        first = replace(first, known_module=module)
    papers = [first.paper] + [p for p in conf.PAPERS if p != first.paper]
    documents = []
    for variant in kinds:
        if variants and variant not in variants:
            continue
        documents += [first.sibling(kinds[variant], paper) for paper in papers]
    keys = [document.key() for document in documents]
    cached = _printed_files(keys)
    links = []
    for document, key in zip(documents, keys, strict=True):
        record = cached.get(key)
        links.append(
            Download(
                url=_url(page, document, is_default=document.paper == first.paper),
                variant=document.variant,
                paper=document.paper,
                paper_label=document.paper_label,
                extension=document.extension,
                is_default_paper=document.paper == first.paper,
                size=record.size if record else None,
                pages=record.pages if record else None,
            )
        )
    return links


def _first_document(page, request):
    """The page's default document. On a web page, with the site and its
    settings that Wagtail keeps for the whole request (Site.find_for_request,
    SiteSettings.for_request), so every list of links on the page shares them."""
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return document_for(page)
    site_settings = SiteSettings.for_request(request)
    return for_request(document_for(page, paper=paper_of(site_settings)), request)


def for_request(document, request):
    """``document`` with the site and settings Wagtail keeps for the whole
    request, which it and its parts then need not look up."""
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return document
    site_settings = SiteSettings.for_request(request)
    return replace(document, known_site=site, known_settings=site_settings)


def _printed_files(keys):
    """The stored files among ``keys``, in one query."""
    records = PrintedFile.objects.filter(key__in=keys)
    return {record.key: record for record in records.only("key", "size", "pages")}


def _url(page, document, is_default):
    if document.variant not in ROUTES:  # booklets, card sheets: pages.pdf_variant
        kwargs = {"paper": document.paper, "variant": document.variant}
        return page.url + page.reverse_subpage("pdf_variant", kwargs=kwargs)
    default_route, paper_route = ROUTES[document.variant]
    if is_default:
        sub = page.reverse_subpage(default_route)
    else:
        sub = page.reverse_subpage(paper_route, kwargs={"paper": document.paper})
    return page.url + sub
