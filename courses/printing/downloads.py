"""Download links for the web pages, each with its size when it is known.

The size is known once the file is cached (rendered on publish by a worker,
by ``build_pdfs``, or by a first download). Working it out costs one query
for all links of a page: the cache keys are computed from data the page
already has, then looked up together (for a whole module at once, see
_printed_files).
"""

from dataclasses import dataclass

from cms.request_memo import remembered

from . import conf
from .documents import document_for, documents_for
from .models import PrintedFile

ROUTES = {
    "participant": ("pdf", "pdf_paper"),
    "facilitator": ("pdf", "pdf_paper"),
    "pack": ("pack_pdf", "pack_pdf_paper"),
    "pack-zip": ("pack_zip", "pack_zip_paper"),
    "card": ("pdf", "pdf_paper"),
}
SHARED = ("module", "site", "site_settings", "base_url", "handouts", "lessons", "module_number")


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


def downloads_for(page, variants=None):
    """Download links for ``page``: every variant it offers (or those named),
    default paper first. Empty for pages that have no printed version."""
    page = page.specific
    kinds = documents_for(page)
    if not kinds or not page.live or page.url is None:
        return []
    first = document_for(page)
    first.key()  # works out the module, its pages and the site once, to share below
    papers = [first.paper] + [p for p in conf.PAPERS if p != first.paper]
    documents = []
    for variant in kinds:
        if variants and variant not in variants:
            continue
        for paper in papers:
            document = kinds[variant](page, paper, first.language)
            for name in SHARED:  # one module, one site: look them up once
                if name in first.__dict__:
                    document.__dict__[name] = first.__dict__[name]
            documents.append(document)
    keys = [document.key() for document in documents]
    cached = _printed_files(keys, first.module)
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


def _printed_files(keys, module):
    """The stored files among ``keys``. A module page lists the links of all
    its handouts and its guide: within a request, every file of the module is
    looked up once, on the first list, and the others are answered from that."""
    if module is None:
        records = PrintedFile.objects.filter(key__in=keys)
        return {record.key: record for record in records.only("key", "size", "pages")}

    def module_files():
        records = PrintedFile.objects.filter(page__path__startswith=module.path)
        return {record.key: record for record in records.only("key", "size", "pages")}

    return remembered(("printed-files", module.pk), module_files)


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
